using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Recall rules of round 15 (docs/quotes.md, "Session 11 — quotes recall, round 8 (qr8)"), chosen from PolNeAR train misses.
/// Every sentence is written for these tests (fictional people, places and outlets); each row asserts the content (parts
/// joined by " | "), the speaker and the cue of one extracted quote.
/// </summary>
public sealed class QuoteRecall8Tests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // an act verb in a relative clause: the relative pronoun speaks; a parenthetical clause ends at its comma
        { "Ada Roe, who has repeatedly belittled the ferry plan, spoke on Monday.", "the ferry plan", "who", "belittled" },
        { "The Velin Traders Guild, which largely supports the new timetable, met at the quay.", "the new timetable", "which", "supports" },
        { "The skipper, who had echoed the guild, smiled.", "the guild", "who", "echoed" },
        // a naming without a namer: the thing named and its name are the two parts, nobody speaks
        { "Crowds filled the string of festivals known as Harbour Week.", "festivals | Harbour Week", null, "known as" },
        { "The Velin Courier is best known for its long obituaries.", "The Velin Courier | its long obituaries", null, "known for" },
        { "The guild printed a pamphlet titled “Tides of Velin.”", "a pamphlet | “Tides of Velin.”", null, "titled" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void QuoteExtractor_AppliesRound15Rule(string text, string content, string? speaker, string? cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Theory]
    [InlineData("Vahl read a report that criticizes the harbour board.", "criticizes")]
    [InlineData("The ferry, which was discussed at length, sails at noon.", "discussed")]
    [InlineData("The harbour board has been known for years to raise the fares.", "known for")]
    [InlineData("The reason is well known for now.", "known for")]
    public void QuoteExtractor_Round15LookAlike_IsNoCue(string text, string cue) =>
        // "that" is left out (PolNeAR names the noun before it as often as the pronoun), a passive relative reports
        // nothing, and "known for" a duration is no naming
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) == cue);
}
