using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>Stage 1.3.0 rules (docs/quotes.md, round 4); sentences written for these tests (fictional people and places).</summary>
public sealed class QuoteExtractorActAndClauseTests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // an act verb of the ActLexicon with an agent subject
        { "Councillor Fenn discussed the harbour budget with the mayor.", "the harbour budget with the mayor", "Councillor Fenn", "discussed" },
        // a group word as the agent
        { "The union distanced itself from the strike at the mill.", "itself from the strike at the mill", "The union", "distanced" },
        // a clause after the cue is its own content, not the attribution of the quotation before it
        { "“The harbour is ours.” The council said its plan had the votes to pass.", "its plan had the votes to pass", "The council", "said" },
        // a role and the name in apposition after a quotation
        { "''The bridge will hold,'' the city engineer, Piet Brandt, said on Monday.", "The bridge will hold,", "the city engineer, Piet Brandt", "said" },
        // a coordinated cue after an auxiliary takes the speaking subject
        { "Ada Roe has praised the school but has said she wants a second one.", "she wants a second one", "Ada Roe", "said" },
        // the one speaking to an outlet speaks, not the outlet
        { "A worker speaking to the Velin Courier said the pay was too low.", "the pay was too low", "A worker", "said" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void QuoteExtractor_AppliesRule(string text, string content, string? speaker, string? cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_TitleQuotation_IsNotTheNextSpeakersQuote()
    {
        const string text = "Asked about the ferry during an appearance on “Morning Harbour,” Vahl said she would wait.";
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.ContentParts.Any(p => p.Of(text).StartsWith("Morning Harbour", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("On Tuesday, Mayor Vahl responded Friday.", "Friday")]
    [InlineData("Harbour vote: 1,769", "1,769")]
    public void QuoteExtractor_EmptyContent_IsDropped(string text, string content) =>
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.ContentParts.Any(p => p.Of(text) == content));

    [Fact]
    public void QuoteExtractor_OpeningAdverbial_IsNotTheSpeaker()
    {
        const string text = "On Monday, Mayor Vahl echoed the warning about the bridge.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal("Mayor Vahl", quote.Quote.Speaker?.Of(text));
        Assert.Equal("the warning about the bridge", quote.Quote.Content.Of(text));
    }
}
