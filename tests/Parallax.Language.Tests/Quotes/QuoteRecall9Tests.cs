using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Recall rules of round 16 (docs/quotes.md, "Session 12 — quotes recall, round 9 (qr9)"), chosen from PolNeAR train misses.
/// Every sentence is written for these tests (fictional people, places and outlets); each row asserts the content (parts
/// joined by " | "), the speaker and the cue of one extracted quote.
/// </summary>
public sealed class QuoteRecall9Tests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // a present-tense cue or act verb in a "that" relative clause: the head noun with the pronoun speaks
        { "Dock workers joined a union that opposes the new timetable.", "the new timetable", "union that", "opposes" },
        { "The harbour board funds a museum that promotes the fishing fleet.", "the fishing fleet", "museum that", "promotes" },
        { "The ferry plan has fans at the Velin Harbour Guild that supports the new pier.", "the new pier", "Velin Harbour Guild that", "supports" },
        // a noun of thought or speech before a copula: a possessive speaks, after an article nobody does
        { "The question is whether the ferry will keep its winter timetable.", "whether the ferry will keep its winter timetable", null, "question is" },
        { "Their fear is that the harbour will close before winter.", "that the harbour will close before winter", "Their", "fear is" },
        { "Mayor Hollis's main argument has been that the fares are too high.", "that the fares are too high", "Hollis's", "main argument has been" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void QuoteExtractor_AppliesRound16Rule(string text, string content, string? speaker, string? cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Theory]
    [InlineData("Vahl remembers the guild that criticized the old timetable in March.", "criticized")]
    [InlineData("The ferry ran late on the morning that supports the claim.", "supports")]
    [InlineData("The problem is that the ferry is late again.", "problem is")]
    [InlineData("The question was settled by the harbour board.", "question was")]
    public void QuoteExtractor_Round16LookAlike_IsNoCue(string text, string cue) =>
        // a past verb in a relative clause is mostly an event, a time word is no agent, "problem" is no noun of thought,
        // and a copula noun needs "that"/"whether" after the verb
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) == cue);
}
