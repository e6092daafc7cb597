using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Session 13 precision rules (docs/quotes.md, "Session 13 — quotes precision, boundaries and speakers (qp5)",
/// <c>QuoteScanner.Precision5.cs</c>). Every sentence is written for these tests about a fictional harbour town.
/// </summary>
public sealed class QuotePrecision5Tests
{
    [Theory]
    [InlineData("The ferry service found itself at the centre of the row over fares.")]
    [InlineData("Ada Roe found herself playing host to the harbour board.")]
    [InlineData("The harbour board finds itself short of money.")]
    [InlineData("Piet Brandt helped found the pier trust in 2009.")]
    [InlineData("Ada Roe, who helped found the ferry union, praised the new timetable.")]
    public void QuoteExtractor_FoundAsEndingUpOrEstablishing_IsNoQuote(string text)
    {
        // "found itself" is ending up somewhere, "helped found" is establishing: no finding is reported
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) is "found" or "finds" or "helped found");
    }

    [Theory]
    [InlineData("The audit found that the pier needed repairs.", "The audit", "that the pier needed repairs")]
    [InlineData("Inspectors found the old crane unsafe.", "Inspectors", "the old crane unsafe")]
    public void QuoteExtractor_FoundAsAFinding_StaysAQuote(string text, string speaker, string content)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == "found");
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(content, quote.Quote.Content.Of(text));
    }
}
