using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Session 10 precision and boundary rules (docs/quotes.md, "Session 10 — quotes precision and content boundaries (qp2)",
/// <c>QuoteScanner.Precision2.cs</c>). Every sentence is written for these tests about a fictional harbour town.
/// </summary>
public sealed class QuotePrecision2Tests
{
    [Theory]
    [InlineData("The council spent the harbour money as it saw fit.", "saw")]
    [InlineData("Piet Brandt backed down.", "backed")]
    [InlineData("Ada Roe runs a Velin think tank.", "think")]
    [InlineData("Lena Vahl reported from Velin.", "reported")]
    [InlineData("Ada Roe won the Velin vote on Tuesday, adding to her lead over Piet Brandt.", "adding")]
    [InlineData("The mayor's silence added to the uncertainty at the harbour.", "added")]
    public void QuoteExtractor_ContentThatReportsNothing_IsNoQuote(string text, string cue) =>
        // a lone lower-case noun or particle, "think tank", a "from" phrase of place, and add-to meaning "increase"
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) == cue);

    [Theory]
    [InlineData("Councillor Fenn endorsed him.", "him", "endorsed")]
    [InlineData("Ada Roe praised them.", "them", "praised")]
    [InlineData("Councillor Fenn added that the fares would rise.", "that the fares would rise", "added")]
    public void QuoteExtractor_ShortOrAddedContent_StillReports(string text, string content, string cue)
    {
        // pronoun objects and answers are full contents; "added that" is speech
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_QuotationAfterIndirectRelation_JoinsIt()
    {
        // the quotation sentence took Roe's speaker; it is a further part of her relation, not a relation of its own
        const string text = "Ada Roe said the ferry would run all winter. “We have the crews for it.”";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal("the ferry would run all winter | We have the crews for it.", string.Join(" | ", quote.ContentParts.Select(p => p.Of(text))));
        Assert.Equal("Ada Roe", quote.Quote.Speaker?.Of(text));
        Assert.Equal("said", quote.Quote.Cue?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_QuotationInNextParagraph_StaysApart()
    {
        const string text = "Ada Roe said the ferry would run all winter.\n\n“We have the crews for it.”";
        var quotes = QuoteExtractor.Extract(text).Quotes;
        Assert.Contains(quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == "the ferry would run all winter");
    }

    [Theory]
    [InlineData("The board met on Monday, and while Fenn praised the new timetable, the traders stayed away.", "the new timetable", "Fenn", "praised")]
    [InlineData("However when Roe criticized the fares, the board members left the room.", "the fares", "Roe", "criticized")]
    public void QuoteExtractor_CueInMidSentenceSubordinateClause_EndsAtItsComma(string text, string content, string speaker, string cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == cue);
        Assert.Equal(content, string.Join(" | ", quote.ContentParts.Select(p => p.Of(text))));
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_CommaInsideSubordinateContentWithoutNewClause_KeepsTheContent()
    {
        // ", or …" continues the content: no subject and finite verb after the comma
        const string text = "The board met on Monday, and while Fenn said the ferry was late, or simply full, the traders waited.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == "said");
        Assert.Equal("the ferry was late, or simply full", string.Join(" | ", quote.ContentParts.Select(p => p.Of(text))));
    }

    [Fact]
    public void QuoteExtractor_ParentheticalRelativeContent_EndsBeforeTheMainVerb()
    {
        // "which X said was …": the relative clause closes at the comma before the main clause's verb
        const string text = "The new fares, which Ada Roe said will start in May, will not apply to islanders.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == "said");
        Assert.Equal("which | will start in May", string.Join(" | ", quote.ContentParts.Select(p => p.Of(text))));
        Assert.Equal("Ada Roe", quote.Quote.Speaker?.Of(text));
    }

    [Theory]
    [InlineData("Ada Roe told the council that if the fares rose, “the islanders will leave.”", "that if the fares rose, | the islanders will leave.", "told")]
    [InlineData("Jon Fenn told reporters that under the new timetable, “the ferry will never be on time.”", "that under the new timetable, | the ferry will never be on time.", "told")]
    [InlineData("Mayor Vahl promised on Monday that “every islander will ride for free”, to cheers from the pier.", "every islander will ride for free", "promised")]
    public void QuoteExtractor_ThatClauseEndingInQuotation_IsTheContent(string text, string content, string cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == cue);
        Assert.Equal(content, string.Join(" | ", quote.ContentParts.Select(p => p.Of(text))));
    }
}
