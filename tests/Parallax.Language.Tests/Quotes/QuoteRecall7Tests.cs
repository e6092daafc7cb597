using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Recall rules of round 14 (docs/quotes.md, "Session 10 — quotes recall, round 7 (qr7)"), chosen from PolNeAR train misses.
/// Every sentence is written for these tests (fictional people, places and outlets); each row asserts the content (parts
/// joined by " | "), the speaker and the cue of one extracted quote.
/// </summary>
public sealed class QuoteRecall7Tests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // a participle right after a quotation that ends in a comma speaks for the clause's subject
        { "Ada Roe insisted the harbour had “never been busier,” claiming that the ferry carried more traders than ever.", "that the ferry carried more traders than ever", "Ada Roe", "claiming" },
        { "Councillor Fenn called the fares \"a scandal,\" noting that they had doubled since May.", "that they had doubled since May", "Councillor Fenn", "noting" },
        // an embedded question after a cognition verb (which otherwise needs "that"), also in the progressive
        { "Councillor Fenn has not decided whether the fares will rise.", "whether the fares will rise", "Councillor Fenn", "decided" },
        { "Mayor Vahl is still considering whether to raise the harbour fees.", "whether to raise the harbour fees", "Mayor Vahl", "considering" },
        // an act verb after a negated auxiliary written in two words, or after a modal and an adverb
        { "Councillor Fenn did not discuss the ferry fares.", "the ferry fares", "Councillor Fenn", "discuss" },
        { "Mayor Vahl will probably discuss the harbour plan.", "the harbour plan", "Mayor Vahl", "discuss" },
        // a wish with its infinitive
        { "Mayor Vahl would like to see the old pier rebuilt.", "to see the old pier rebuilt", "Mayor Vahl", "like" },
        { "I'd love to run the winter ferry again.", "to run the winter ferry again", "I'd", "love" },
        // a poll share as the subject of a speech verb, or of a verb of taking a side when the group is named
        { "On the fares, 42% say the ferry is too expensive.", "the ferry is too expensive", "42%", "say" },
        { "Only 19 percent of island traders polled support the ferry plan.", "the ferry plan", "Only 19 percent of island traders polled", "support" },
        // the name before a dashed apposition that holds a comma speaks for the verb after it
        // a verb whose subject a later participle already took as its speaker shares that speaker
        { "Councillor Fenn belittled the ferry plan, calling it a waste of money.", "the ferry plan", "Councillor Fenn", "belittled" },
        { "Councillor Fenn belittled the ferry plan, calling it a waste of money.", "it a waste of money", "Councillor Fenn", "calling" },
        { "Lena Vahl — like Roe, a critic of the harbour board — recalled that the ferry once ran all winter.", "that the ferry once ran all winter", "Lena Vahl", "recalled" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void QuoteExtractor_AppliesRound14Rule(string text, string content, string? speaker, string? cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => string.Join(" | ", q.ContentParts.Select(p => p.Of(text))) == content);
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
        Assert.Equal(cue, quote.Quote.Cue?.Of(text));
    }

    [Theory]
    [InlineData("The traders came to the quay to see if the ferry would run.", "see")]
    [InlineData("Ada Roe won 48% support in the harbour vote.", "support")]
    [InlineData("About 71% of the harbour reports were written by volunteers.", "written")]
    [InlineData("Fenn praised the “winter timetable,” speaking for an hour.", "speaking")]
    [InlineData("The ferry would like a new engine, the mechanics joked.", "like")]
    [InlineData("Ada Roe was quoted in the Velin Courier, saying the ferry was late.", "quoted")]
    public void QuoteExtractor_Round14LookAlike_IsNoCue(string text, string cue) =>
        // "to see if" has no agent, a share before the noun "support" is no subject, a passive share is no source, a
        // medium participle after a quotation reports nothing, "would like" without "to" is no wish rule, and a passive shares
        // no speaker
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) == cue);
}
