using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Recall rules of round 17 (docs/quotes.md, "Session 13 — quotes recall, round 10 (qr10)"), chosen from PolNeAR train misses.
/// Every sentence is written for these tests (fictional people, places and outlets); each row asserts the content, the
/// speaker and the cue of one extracted quote.
/// </summary>
public sealed class QuoteRecall10Tests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // a noun of open questions with about/on/over before an embedded question: nobody speaks
        { "The storm brought fresh concerns about whether the ferry can keep its winter timetable.", "whether the ferry can keep its winter timetable", null, "fresh concerns about" },
        { "There is no consensus on how the harbour fees should be split.", "how the harbour fees should be split", null, "no consensus on" },
        { "The vote ended a long debate over why the old pier was closed.", "why the old pier was closed", null, "a long debate over" },
        // a verb or adjective with an agent subject before whether/how/why: the subject speaks
        { "Harbour officials disagree on how the new fees should be collected.", "how the new fees should be collected", "Harbour officials", "disagree on" },
        { "The Velin port board has deadlocked on whether the pier should reopen.", "whether the pier should reopen", "The Velin port board", "deadlocked on" },
        { "Mayor Hollis is not sure why the ferry keeps running late.", "why the ferry keeps running late", "Mayor Hollis", "sure" },
        // a headline opening with "Poll:" names the poll as source
        { "Poll: Hollis leads Roe by six points in Velin.\n\nThe ferry vote is next week.", "Hollis leads Roe by six points in Velin", "Poll", ":" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void QuoteExtractor_AppliesRound17Rule(string text, string content, string? speaker, string? cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Theory]
    [InlineData("The inspectors began an investigation into whether the pier was safe.", "investigation into")]
    [InlineData("Vahl wants to question whether the fares are fair.", "question")]
    [InlineData("The harbour board repaired the pier where the ferry docks.", "pier")]
    [InlineData("Mayor Hollis enjoyed what the choir sang at the pier.", "enjoyed")]
    [InlineData("Update: The ferry to Velin leaves at noon.\n\nTickets are sold at the pier.", ":")]
    public void QuoteExtractor_Round17LookAlike_IsNoCue(string text, string cue) =>
        // "investigation" is no noun of open questions and "into" joins none, a verb after "to" has no subject, "where" after a
        // noun opens a relative clause, "what" after a verb is a free relative, and a section label other than "Poll" names nobody
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) == cue);
}
