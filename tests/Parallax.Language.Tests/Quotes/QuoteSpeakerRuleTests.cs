using Parallax.Core;
using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// The speaker revision rules (SpeakerReviser, docs/quotes.md "Speaker revision"), one sentence each. Sentences written
/// for these tests: fictional people, places and outlets.
/// </summary>
public sealed class QuoteSpeakerRuleTests
{
    public static TheoryData<string, string, string> Speakers => new()
    {
        // an apposition after a coordinated subject describes the whole subject, not its last conjunct
        { "Growers of apples and pears, two of the valley's main trades, said the frost had cut the harvest.", "said", "Growers of apples and pears, two of the valley's main trades" },
        // a participle after the object of the verb before it: the subject speaks, not the letter
        { "The harbour board sent a letter to the council this week urging it to repair the pier.", "urging", "The harbour board" },
        // a participle after a comma: the clause subject, not the phrase before the comma
        { "Mayor Ada Roe hit back on Friday, saying the ferry was safe.", "saying", "Mayor Ada Roe" },
        // an opening participial phrase is skipped
        { "Speaking in the town hall, Piet Brandt went on at length about the tides, warning that the pier would flood.", "warning", "Piet Brandt" },
        // the speaker of an earlier cue in the sentence is nearer than the subject
        { "Roe and Brandt will meet next week, Fenn said, adding, \"The talks will be long.\"", "adding", "Fenn" },
        // the subject inside a phrase that runs on into the object: "ran a story … claiming"
        { "The Velin Courier ran a story on Friday claiming the pier was unsafe.", "claiming", "The Velin Courier" },
        // the subject of a later subordinate clause is nearer than the main subject
        { "It was a long night in Velin, as Councillor Fenn defended the budget, saying the town had no choice.", "saying", "Councillor Fenn" },
        // a coordinated cue without a speaker takes the clause subject
        { "Ada Roe smiled and said the vote was over.", "said", "Ada Roe" },
        // ... after an opening subordinate clause
        { "In the town hall, Piet Brandt shook his head and said it was too late.", "said", "Piet Brandt" },
        // a name before an apposition too long for the scanner
        { "Edda Vahl, a retired teacher who has lived in the harbour district for forty years and who ran the school board until last spring, said the ferry must stay.", "said", "Edda Vahl" },
        // a time phrase between the subject and its verb is not the speaker
        { "Councillor Fenn, who chairs the harbour committee, on Sunday defended the plan to sell the pier.", "defended", "Councillor Fenn" },
        // a relative clause between the subject and the cue holds the object, not the speaker
        { "Two harbour pilots who spoke with the Velin Courier said the channel was silting up.", "said", "Two harbour pilots" },
        // an apposition between the subject and the cue
        { "Piet Brandt, speaking at a rally in Velin, Norland, warned that the pier would flood.", "warned", "Piet Brandt" },
        { "Edda Vahl, the editor of the Velin Courier, a weekly paper, said the pier was unsafe.", "said", "Edda Vahl" },
        // a cue after a closed relative clause belongs to the name before it
        { "Fenn, who was speaking to the harbour board, did not mention the pier, but told the members that the ferry would stay.", "told", "Fenn" },
        { "Roe, who has both praised the mayor and criticized his budget, gave a short speech on Tuesday, stressing that the pier was safe.", "stressing", "Roe" },
        // a dateline with a place and an agency before a coordinated cue
        { "VELIN, Norland (Tarsk Wire) - Mayor Ada Roe met the ferry crews on Monday and said the pier would reopen.", "said", "Mayor Ada Roe" },
        // the subject right before a plain cue
        { "Critics charge that the mayor ignored the harbour.", "charge", "Critics" },
        // a restrictive "that" before the cue is the source (PolNeAR marks the relative pronoun)
        { "The council passed out water bottles that said, \"Velin welcomes you.\"", "said", "that" },
        // a dateline opens the sentence
        { "VELIN — Mayor Ada Roe this week announced that the ferry would run all winter.", "announced", "Mayor Ada Roe" },
    };

    [Theory]
    [MemberData(nameof(Speakers))]
    public void SpeakerReviser_FindsTheSpeaker(string text, string cue, string speaker)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text).Contains(cue, StringComparison.Ordinal));
        Assert.Equal(speaker, quote.Quote.Speaker?.Of(text));
    }

    [Theory]
    [InlineData("The harbour tax, which the council has raised twice, is expected to fall next year.", "expected")]
    [InlineData("The ferry company, despite the storms of the winter, seems to expect a busy summer.", "seems")]
    [InlineData("The old ferries are widely considered the safest in the region.", "considered")]
    public void SpeakerReviser_LeavesPassiveAndRaisingCuesWithoutSpeaker(string text, string cue)
    {
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text).Contains(cue, StringComparison.Ordinal));
        Assert.Null(quote.Quote.Speaker);
    }

    [Fact]
    public void SpeakerReviser_KeepsAPronounAfterTheCue()
    {
        const string text = "Velin radio confirmed Roe's offer, quoting her saying “The pier stays open.”";
        var quote = Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Kind == QuoteKind.Direct);
        Assert.Equal("her", quote.Quote.Speaker?.Of(text));
    }
}
