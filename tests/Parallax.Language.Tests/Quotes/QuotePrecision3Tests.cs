using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Session 11 precision, boundary and speaker rules (docs/quotes.md, "Session 11 — quotes precision, content boundaries
/// and speakers (qp3)", <c>QuoteScanner.Precision3.cs</c>). Every sentence is written for these tests about a fictional
/// harbour town.
/// </summary>
public sealed class QuotePrecision3Tests
{
    private static string Parts(ExtractedQuote q, string text) => string.Join(" | ", q.ContentParts.Select(p => p.Of(text)));

    [Theory]
    [InlineData("In a statement, the ferry company said that the boats would run all winter.", "the ferry company", "said", "that the boats would run all winter")]
    [InlineData("In her speech, Ada Roe declared the need for a second pier.", "Ada Roe", "declared", "the need for a second pier")]
    [InlineData("In a later interview, Piet Brandt told harbour officials that he had sold the boats.", "Piet Brandt", "told", "that he had sold the boats")]
    [InlineData("In the same interview, however, Lena Vahl seemed to doubt the new timetable.", "Lena Vahl", "seemed", "to doubt the new timetable")]
    [InlineData("In a tweet, the Velin council urged islanders to stay indoors that night.", "the Velin council", "urged", "islanders to stay indoors that night")]
    [InlineData("In a brief interview, the mayor on Tuesday rejected the idea of a toll.", "the mayor", "rejected", "the idea of a toll")]
    public void QuoteExtractor_MediumBeforeClause_SubjectSpeaksWithItsVerb(string text, string speaker, string cue, string content)
    {
        // the statement, speech or tweet is where the subject speaks, not the source; the verb is the cue
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
        Assert.Equal(content, Parts(quote, text));
    }

    [Theory]
    [InlineData("In a Velin Herald poll, Ada Roe had 41 percent.", "a Velin Herald poll")]
    [InlineData("In the latest harbour survey, most islanders backed the new pier.", "the latest harbour survey")]
    public void QuoteExtractor_PollBeforeClause_StaysTheSource(string text, string speaker)
    {
        // polls and surveys are sources (round 5's evidence reading), not a medium someone speaks in
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) is "In");
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
    }

    [Fact]
    public void QuoteExtractor_MediumBeforeClauseWithNothingAfterTheVerb_IsNoQuote()
    {
        // "In a 1990 speech, she declared:" reports nothing in its own sentence
        const string text = "In a 1990 speech, Ada Roe declared:";
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Speaker?.Of(text) is "a 1990 speech");
    }

    [Fact]
    public void QuoteExtractor_ObjectBeforeMedium_IsNoContent()
    {
        // "told the Velin Herald in an interview": the newspaper is the addressee, not what was said
        const string text = "“The pier is what we have waited for,” Piet Brandt told the Velin Herald in an exclusive interview.";
        var quotes = QuoteExtractor.Extract(text).Quotes;
        Assert.DoesNotContain(quotes, q => Parts(q, text) == "the Velin Herald");
        Assert.Contains(quotes, q => q.Quote.Speaker?.Of(text) == "Piet Brandt" && q.Quote.Cue?.Of(text) == "told");
    }

    [Fact]
    public void QuoteExtractor_QuotationRunOnOverSpeakerBeforeMedium_EndsAtTheMark()
    {
        // the possessive apostrophe in "Ferries’" is no quotation mark; the speaker is the phrase between the closing mark and "said"
        const string text = "The ferry ran late. “The numbers put our harbour on pace to beat the goal,” Piet Brandt, Velin Ferries’ harbour manager, said in a statement.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == "said");
        Assert.Equal("Piet Brandt, Velin Ferries’ harbour manager", quote.Quote.Speaker?.Of(text));
        Assert.StartsWith("“The numbers put our harbour on pace to beat the goal,”", Parts(quote, text), StringComparison.Ordinal);
        Assert.DoesNotContain("said", Parts(quote, text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Twitter: @LenaVahl.")]
    [InlineData("BYLINE: Lena Vahl.")]
    [InlineData("EMAIL: harbourdesk@velin.example.")]
    [InlineData("Follow Lena Vahl on Twitter: @LenaVahl.")]
    public void QuoteExtractor_PageFurnitureColonLine_IsNoQuote(string text) =>
        // bylines, contact lines and handles name no speaker and report nothing
        Assert.Empty(QuoteExtractor.Extract(text).Quotes);

    [Fact]
    public void QuoteExtractor_HeadlineColonLead_StillReports()
    {
        const string text = "Roe: The ferry will run all winter.";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes);
        Assert.Equal("Roe", quote.Quote.Speaker?.Of(text));
    }

    [Theory]
    [InlineData("Do you support Ada Roe? Like the page:", "support")]
    [InlineData("The harbour board met again. What do you think of the new fares?", "think")]
    public void QuoteExtractor_QuestionToTheReader_IsNoQuote(string text, string cue) =>
        // the writer asks the reader; "you" speaks nothing
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == cue);

    [Fact]
    public void QuoteExtractor_InterviewQuestion_StillReports()
    {
        // in an interview ("Q: …") the person asked is "you"
        const string text = "Q: Do you think the ferry fares should fall?\n\nA: Yes, for islanders.";
        Assert.Contains(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Speaker?.Of(text) == "you" && q.Quote.Cue?.Of(text) == "think");
    }

    [Theory]
    [InlineData("Tim Ames, who is challenging Sen. Ada Roe in the Velin primary, raised more money.", "challenging")]
    [InlineData("Piet Brandt, who is also seeking the nomination, stayed home.", "seeking")]
    [InlineData("Lena Vahl, who is seeking re-election, opened the new pier.", "seeking")]
    public void QuoteExtractor_CandidacyInRelativeClause_IsNoQuote(string text, string cue) =>
        // "challenging" a rival and "seeking" an office name a candidacy, not a statement
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == cue);

    [Fact]
    public void QuoteExtractor_ChallengingAClaim_StillReports()
    {
        // a lower-case object that is no office: the verb keeps its speech sense
        const string text = "Tim Ames, who is challenging the harbour board's figures, wrote to the council.";
        Assert.Contains(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == "challenging");
    }

    [Theory]
    [InlineData("Despite challenging the honesty of the harbour master, Roe said if elected mayor she would keep him.", "challenging", "Roe")]
    [InlineData("Besides attacking the former mayor, while the crowd booed loudly, Mr. Brandt asserted that the fares were too high.", "attacking", "Mr. Brandt")]
    public void QuoteExtractor_FrontedClauseOpener_SubjectAfterTheClauseSpeaks(string text, string cue, string speaker)
    {
        // "Despite" and "Besides" open an adverbial clause; the subject after its comma speaks
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == cue);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
    }
}
