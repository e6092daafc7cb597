using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>Stage 1.3.0 rules (docs/quotes.md, round 4) that are not one quote's content, speaker and cue (those rows are in
/// <see cref="QuoteExtractorRuleTests"/>); sentences written for these tests (fictional people and places).</summary>
public sealed class QuoteExtractorActAndClauseTests
{
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
