using Parallax.Core;
using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>Rules added while studying PolNeAR train misses; sentences written for these tests (fictional people and places).</summary>
public sealed class QuoteExtractorRuleTests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // a role before the name after the quotation
        { "\"We asked for a fair wage,\" union leader Ada Roe told reporters at the gates.", "We asked for a fair wage,", "union leader Ada Roe", "told" },
        // inverted cue with a lowercase role
        { "\"The bridge is safe,\" said retired engineer Piet Brandt, asked about the cracks.", "The bridge is safe,", "retired engineer Piet Brandt", "said" },
        // final attribution with a lowercase role
        { "The ferry will stop in June, harbour master Edda Vahl said.", "The ferry will stop in June", "harbour master Edda Vahl", "said" },
        // ", said he ...": a clause follows, so the sentence's opening name speaks
        { "Lind, who said the vote was fair, said he would not resign.", "he would not resign", "Lind", "said" },
        // inverted attribution beats an apposition reading
        { "Even if the mill closed, most of the jobs would move to the coast, said Brandt.", "Even if the mill closed, most of the jobs would move to the coast", "Brandt", "said" },
        // title-case headline
        { "Mayor Vahl Says Ferry Will Run All Winter", "Ferry Will Run All Winter", "Mayor Vahl", "Says" },
        // naming verb with "it"
        { "Councillor Fenn called it “a waste of money”.", "it “a waste of money”", "Councillor Fenn", "called" },
        // plain object of want
        { "Ada Roe wants more money for the harbour school.", "more money for the harbour school", "Ada Roe", "wants" },
        // stage 1.3.0 (docs/quotes.md, round 4):
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
    [InlineData("Councillor Ada Roe, who last year threatened to close the harbour school, is now its patron.", "threatened")]
    [InlineData("Mayor Piet Brandt, who has in the past described the ferry as “a floating ruin”, rode it on Sunday.", "described")]
    public void QuoteExtractor_RelativeBeforeTimePhraseSpeaks(string text, string cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text).Contains(cue, StringComparison.Ordinal));
        Assert.Equal("who", quote.Quote.Speaker?.Of(text));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    [MemberData(nameof(QuoteRecallRuleTests.Rows), MemberType = typeof(QuoteRecallRuleTests))]
    public void QuoteExtractor_AppliesRule(string text, string content, string? speaker, string? cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Theory]
    [InlineData("Vahl was offered a seat on the board last year.")]
    [InlineData("The workers were told the plant would close.")]
    public void QuoteExtractor_PassiveCue_IsNotAQuote(string text) =>
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) is "offered" or "told");

    [Fact]
    public void QuoteExtractor_NegatedAuxiliary_IsNotTheSpeaker()
    {
        const string text = "Fenn didn't want a new harbour tax.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal("Fenn", quote.Quote.Speaker?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_PronounSpeaker_TakesTheEntityOfItsAntecedent()
    {
        const string text = "Officials confirmed Ada Roe's offer, quoting her saying \"the harbour stays open\". Piet Brandt was not there.";
        var article = new Article
        {
            Id = "t", SourceId = "t", Origin = "test", Metadata = ArticleMetadata.Empty, RawText = text, Text = text, Map = OffsetMap.Identity(text.Length),
        };
        var doc = LanguagePipeline.Analyze(article, TestContext.Current.CancellationToken);
        var quote = Assert.Single(doc.Quotes, q => q.Content.Of(text).Contains("harbour stays open", StringComparison.Ordinal));
        var roe = doc.Mentions.FirstOrDefault(m => m.Text.Contains("Roe", StringComparison.Ordinal));
        Assert.NotNull(roe);
        Assert.Equal(roe.EntityId, quote.SpeakerEntityId);
    }
}
