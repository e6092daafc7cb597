using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Session 12 precision rules (docs/quotes.md, "Session 12 — quotes precision, near misses and content boundaries (qp4)",
/// <c>QuoteScanner.Precision4.cs</c>). Every sentence is written for these tests about a fictional harbour town.
/// </summary>
public sealed class QuotePrecision4Tests
{
    private static string Parts(ExtractedQuote q, string text) => string.Join(" | ", q.ContentParts.Select(p => p.Of(text)));

    [Theory]
    [InlineData("Piet Brandt said in a statement.", "in a statement")]
    [InlineData("The harbour master wrote on Twitter.", "on Twitter")]
    [InlineData("A ferry spokeswoman said on the same call.", "on the same call")]
    [InlineData("The Velin mayor declared in the town square.", "in the town square")]
    public void QuoteExtractor_SayingVerbWithOnlyAnAdjunct_IsNoQuote(string text, string adjunct)
    {
        // the words said are elsewhere; a place, time or medium adjunct is not what was said
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => Parts(q, text) == adjunct);
    }

    [Theory]
    [InlineData("Piet Brandt said in a statement that the ferries would run all winter.", "that the ferries would run all winter")]
    [InlineData("Ada Roe said on Tuesday the pier would open in May.", "the pier would open in May")]
    public void QuoteExtractor_SayingVerbWithAdjunctThenClause_KeepsTheClause(string text, string clause)
    {
        // an adjunct before a that-clause or a finite clause: the clause is still reported
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Contains(clause, Parts(quote, text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The harbour board fired back with a sharp statement.", "with a sharp statement")]
    [InlineData("Ada Roe responded to the mayor's tweet.", "to the mayor's tweet")]
    public void QuoteExtractor_ContentOnlyNamingTheMedium_IsNoQuote(string text, string medium)
    {
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => Parts(q, text) == medium);
    }

    [Theory]
    [InlineData("Ada Roe denounced the mayor's remarks.", "the mayor's remarks")]
    [InlineData("The ferry union blasted the statement.", "the statement")]
    public void QuoteExtractor_ActOnSomebodysWords_StaysAQuote(string text, string content)
    {
        // an act on a statement reports a stance towards it: kept
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal(content, Parts(quote, text));
    }
}

public sealed class QuotePrecision4RelativeTests
{
    private static string Parts(ExtractedQuote q, string text) => string.Join(" | ", q.ContentParts.Select(p => p.Of(text)));

    [Theory]
    [InlineData("Ada Roe, who praised the old ferry, criticized the new timetable for the winter.", "praised", "the old ferry", "criticized", "Ada Roe", "the new timetable for the winter")]
    [InlineData("The harbour master, who opposed the toll, challenged the mayor to a public debate.", "opposed", "the toll", "challenged", "The harbour master", "the mayor to a public debate")]
    public void QuoteExtractor_RelativeContentRunningIntoTheMainClause_EndsAtTheCommaAndTheMainVerbReports(
        string text, string relCue, string relContent, string mainCue, string mainSpeaker, string mainContent)
    {
        var quotes = QuoteExtractor.Extract(text).Quotes;
        var inner = Assert.Single(quotes, q => q.Quote.Cue?.Of(text) == relCue);
        Assert.Equal(relContent, Parts(inner, text));
        var main = Assert.Single(quotes, q => q.Quote.Cue?.Of(text) == mainCue);
        Assert.Equal(mainSpeaker, main.Quote.Speaker?.Of(text));
        Assert.Equal(mainContent, Parts(main, text));
    }

    [Fact]
    public void QuoteExtractor_RelativeContentBeforeANonReportingMainVerb_IsLeftAlone()
    {
        // "was able" is no verb of saying or acting: no relation of its own, the relative content is not cut
        const string text = "Piet Brandt, who praised the old ferry, was able to raise the money for the pier.";
        var quotes = QuoteExtractor.Extract(text).Quotes;
        Assert.DoesNotContain(quotes, q => q.Quote.Cue?.Of(text) is "was able" or "was");
    }
}
