using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Recall rules of quote stages 1.4.0 to 1.7.0 (docs/quotes.md, rounds 6 to 9), chosen from PolNeAR train misses. Every sentence is
/// written for these tests (fictional people, places and outlets); each row asserts the content (parts joined by " | "),
/// the speaker and the cue of one extracted quote (run by <see cref="QuoteExtractorRuleTests.QuoteExtractor_AppliesRule"/>).
/// </summary>
public sealed class QuoteRecallRuleTests
{
    public static TheoryData<string, string, string?, string?> Rows => new()
    {
        // a cue form ("judge") after a determiner heads the speaker phrase
        { "The judge said he would pay the fine.", "he would pay the fine", "The judge", "said" },
        // ... and after a number word
        { "Only five judges said the ruling was fair.", "the ruling was fair", "Only five judges", "said" },
        // an opening adverbial alone before "X said" is no content: the clause after the cue is
        { "In response, the council said it would review the harbour fees.", "it would review the harbour fees", "the council", "said" },
        // passive "was asked about": the question is the content, the asker unnamed
        { "Ada Roe was asked about the ferry contract.", "the ferry contract", null, "asked" },
        // "But according to X, ...": the content follows
        { "But according to reports in the Velin Courier, the mayor could not convince the board.", "the mayor could not convince the board", "reports in the Velin Courier", "according to" },
        // multiword cues whose first word is no cue alone, also with adverbs before "about"
        { "Councillor Fenn spoke at length about the harbour budget.", "the harbour budget", "Councillor Fenn", "spoke at length about" },
        { "Ada Roe pointed to the empty quay.", "the empty quay", "Ada Roe", "pointed to" },
        { "Fenn made clear that the quay would stay open.", "that the quay would stay open", "Fenn", "made clear" },
        // a contracted pronoun subject and a progressive cue
        { "He's hoping the ferry will run all winter.", "the ferry will run all winter", "He's", "hoping" },
        // a quoted phrase inside a that-clause: the whole clause is the content
        { "Fenn rejected the plan, saying that “small harbours” pay more than their share.", "that “small harbours” pay more than their share", "Fenn", "saying" },
        // a quoted phrase embedded in a clause that goes on: the final cue attributes the whole clause
        { "Fees were \"far too high\" as traders left the quay, Roe said.", "Fees were \"far too high\" as traders left the quay", "Roe", "said" },
        // an evidence phrase with a slash and a release tail
        { "Roe fell to 10 percent in the latest Velin/Courier poll released Monday, a drop of five points.", "Roe fell to 10 percent", "the latest Velin/Courier poll released Monday", "in" },
        // a sentence-initial plural and a possessive-led subject make a noun-like cue a verb
        { "Critics call it a waste of money.", "it a waste of money", "Critics", "call" },
        { "Vahl's office calls the plan a waste.", "the plan a waste", "Vahl's office", "calls" },
        // a that-verb that also takes an infinitive, and "agreed with"
        { "The harbour board has agreed to cut the ferry fares.", "to cut the ferry fares", "The harbour board", "agreed" },
        { "Councillor Fenn agreed with the auditors.", "the auditors", "Councillor Fenn", "agreed with" },
        // "is known for/as": subject and complement, no speaker
        { "Judge Roe is known for speaking her mind.", "Judge Roe | for speaking her mind", null, "is known" },
        // a poll share ending in a number speaks
        { "Six in 10 say the ferry is too slow.", "the ferry is too slow", "Six in 10", "say" },
        // negated raising: subject and complement, no speaker
        { "The mayor is not expected to attend the launch.", "The mayor | to attend the launch", null, "is not expected" },
        // round 7: the subject of a control verb ("continued to", "went on to") speaks for the cue after "to"
        { "Councillor Fenn continued to insist that the ferry was safe.", "that the ferry was safe", "Councillor Fenn", "insist" },
        { "He went on to praise the harbour board.", "the harbour board", "He", "praise" },
        // an adverbial between commas is no apposition; an apposition between dashes is
        { "Vahl, meanwhile, hopes that the quay reopens in May.", "that the quay reopens in May", "Vahl", "hopes" },
        { "Piet Brandt — a trader from Velin — says the fees are too high.", "the fees are too high", "Piet Brandt — a trader from Velin", "says" },
        // a lone quantifier is a subject, also in a parenthetical
        { "Many fear the ferry fares will rise again.", "the ferry fares will rise again", "Many", "fear" },
        { "The port, some argue, could close by winter.", "The port | could close by winter", "some", "argue" },
        // a noun-like cue after "did" / a negated modal is a verb; "calls out" keeps its object
        { "Roe did support the harbour plan.", "the harbour plan", "Roe", "support" },
        { "Fenn wouldn’t discuss the ferry fares.", "the ferry fares", "Fenn", "discuss" },
        { "She often calls out the harbour board by name.", "the harbour board by name", "She", "calls out" },
        // a possessor and a noun of stance or speech with its complement
        { "Councillor Fenn's criticism of the ferry fares was sharp.", "the ferry fares", "Councillor Fenn's", "criticism of" },
        { "Vahl's decision to close the quay, announced on Monday, surprised no one.", "to close the quay", "Vahl's", "decision to" },
        // ... a named possessor in object position: the subject of the clause speaks
        { "Roe is doubling down on Vahl's support for the ferry tax.", "the ferry tax", "Roe", "support for" },
        // an object ends where the subject's next verb is coordinated; that verb is a cue of its own
        { "Councillor Fenn criticized the ferry board and challenged its chair to a debate.", "the ferry board", "Councillor Fenn", "criticized" },
        { "Councillor Fenn criticized the ferry board and challenged its chair to a debate.", "its chair to a debate", "Councillor Fenn", "challenged" },
        // passive perception ("is seen as", "are considered"): subject and complement, no speaker
        { "The harbour plan is seen as a gift to traders.", "The harbour plan | as a gift to traders", null, "is seen" },
        { "Pigs are considered unclean in the old town.", "Pigs | unclean in the old town", null, "are considered" },
        // the subject of a control adjective ("more likely to", "quick to") speaks
        { "Older voters were more likely to say the ferry is too slow.", "the ferry is too slow", "Older voters", "say" },
        { "Vahl was quick to blame the harbour board.", "the harbour board", "Vahl", "blame" },
        // a stance adjective after a linking verb: the subject speaks, the object is the content
        { "Councillor Fenn has been sharply critical of the ferry contract.", "the ferry contract", "Councillor Fenn", "been sharply critical of" },
        { "He’s opposed to the new harbour tax.", "the new harbour tax", "He’s", "opposed to" },
        { "Most traders are in favor of a lower fee.", "a lower fee", "Most traders", "are in favor of" },
        // light-verb idioms of stance and speech
        { "Councillor Fenn took aim at the harbour board on Monday.", "the harbour board", "Councillor Fenn", "took aim at" },
        { "Roe cast doubt on the tide tables.", "the tide tables", "Roe", "cast doubt on" },
        // a light verb with a noun of speech or stance
        { "Councillor Fenn delivered a speech on harbour safety.", "harbour safety", "Councillor Fenn", "delivered a speech on" },
        { "Vahl made several statements about the ferry fares.", "the ferry fares", "Vahl", "made several statements about" },
        // a long source opening the sentence
        { "According to early results of a survey conducted by the Velin Institute for the Harbour Ledger and two radio stations, most traders want lower fees.",
            "most traders want lower fees", "early results of a survey conducted by the Velin Institute for the Harbour Ledger and two radio stations", "According to" },
        // round 8: a time or place adverbial between an opening "Asked" and its question is skipped
        { "Asked on Tuesday whether she would run again, Ada Roe said she had not decided.", "whether she would run again", null, "Asked" },
        { "When asked at a harbour meeting about the ferry fares, Vahl said the board would decide.", "the ferry fares", null, "asked" },
        // round 8: an object content ends before a contrast clause
        { "Councillor Fenn backed the ferry deal while most traders opposed it.", "the ferry deal", "Councillor Fenn", "backed" },
        { "Vahl praised the harbour board even as the fares rose.", "the harbour board", "Vahl", "praised" },
        // ... and before a relative clause after a comma
        { "Councillor Fenn criticized Ada Roe, who runs the ferry company.", "Ada Roe", "Councillor Fenn", "criticized" },
        { "Vahl said she would not run against Ada Roe, who has led the council since spring.", "she would not run against Ada Roe", "Vahl", "said" },
        // a relative clause between commas is parenthetical: the object goes on after it
        { "Councillor Fenn accused Orvik Lines, which runs the ferry, of raising the fares.", "Orvik Lines, which runs the ferry, of raising the fares", "Councillor Fenn", "accused" },
        // round 9: a participle of a cue or act verb after a connector or a comma speaks for the clause subject
        { "Councillor Fenn opened the meeting before calling for a new ferry timetable.", "a new ferry timetable", "Councillor Fenn", "calling for" },
        { "Councillor Fenn opened the meeting before urging the board to act.", "the board to act", "Councillor Fenn", "urging" },
        { "Vahl answered the question by praising the harbour board.", "the harbour board", "Vahl", "praising" },
        { "Ada Roe stayed on stage for an hour, praising the ferry crews.", "the ferry crews", "Ada Roe", "praising" },
        // round 9: a progressive act verb after an agent subject
        { "Councillor Fenn is praising the new ferry contract.", "the new ferry contract", "Councillor Fenn", "praising" },
        // round 9: a passive cue with its agent: the subject is the content, the agent speaks
        { "The ferry plan was criticized by the harbour traders.", "The ferry plan", "the harbour traders", "was criticized" },
        // round 9: a cue or act verb in a title-case headline
        { "Velin Mayor Praises New Ferry Timetable", "New Ferry Timetable", "Velin Mayor", "Praises" },
        { "Vahl Just Endorsed The Ferry Deal", "The Ferry Deal", "Vahl", "Endorsed" },
        // round 9: a quotation after a name and a colon (a byline after a dash, or "from X")
        { "HARBOUR FEES TO RISE - Ada Roe: “The board has no other choice.”", "“The board has no other choice.”", "Ada Roe", ":" },
        { "More from the report: “Fares rose by a third in two years.”", "“Fares rose by a third in two years.”", "the report", ":" },
        // round 9 (content boundaries): a clause content ends before the subject's coordinated reporting verb, which is a relation of its own
        { "Vahl said the ferry would run all winter and predicted that fares would fall.", "the ferry would run all winter", "Vahl", "said" },
        { "Vahl said the ferry would run all winter and predicted that fares would fall.", "that fares would fall", "Vahl", "predicted" },
        { "Ada Roe noted that the harbour was full, and later warned that the pier needed repairs.", "that the harbour was full", "Ada Roe", "noted" },
        // ... and before ", and" plus a new subject with its own reporting verb
        { "Councillor Fenn said the vote was fair, and Piet Brandt declined to comment.", "the vote was fair", "Councillor Fenn", "said" },
        { "Councillor Fenn said the vote was fair, and Piet Brandt declined to comment.", "to comment", "Piet Brandt", "declined" },
        // ... and before ", which" plus a verb (a subject relative to the sentence end describes, it does not report)
        { "Vahl said the board had hired Orvik Lines, which has run three ferries in the north.", "the board had hired Orvik Lines", "Vahl", "said" },
        // ", but" plus an adverb or a verb with no new subject stays inside the content
        { "Ada Roe said the fares would rise, but only in winter.", "the fares would rise, but only in winter", "Ada Roe", "said" },
        { "Piet Brandt argued that the harbour tax was fair, but needed a cap.", "that the harbour tax was fair, but needed a cap", "Piet Brandt", "argued" },
        // "that" plus a fronted adverbial: the comma and pronoun after it open the that-clause's main clause
        { "Vahl said that if the pier closed in winter, she would resign.", "that if the pier closed in winter, she would resign", "Vahl", "said" },
        // a coordinated cue takes the whole speaker phrase of the first verb, not the subject finder's capitalised words ("The")
        { "The ferry company criticized the harbour plan and challenged the mayor to a debate.", "the mayor to a debate", "The ferry company", "challenged" },
        // round 10: act verbs of attacking, praising and promoting (ActLexicon)
        { "Councillor Fenn assailed the new harbour tax.", "the new harbour tax", "Councillor Fenn", "assailed" },
        { "Ada Roe lauded the ferry crews for their winter work.", "the ferry crews for their winter work", "Ada Roe", "lauded" },
        { "The union is promoting a four-day week for dock workers.", "a four-day week for dock workers", "The union", "promoting" },
        // round 10: a record or measurement "shows" its content (the evidence noun is the source)
        { "Harbour records show the ferry ran late on most winter days.", "the ferry ran late on most winter days", "Harbour records", "show" },
        { "Velin voted on Sunday, with a new survey showing Ada Roe ahead by six points.", "Ada Roe ahead by six points", "a new survey", "showing" },
        // round 10: a stance verb after a non-restrictive relative pronoun speaks for the pronoun
        { "Councillor Fenn thanked the harbour trust, which supports the winter ferry.", "the winter ferry", "which", "supports" },
        // round 11: a quotation interrupted by an attribution with an object, a time or an apposition goes on after it
        { "“The real risk,” Ada Roe told the harbour board on Monday, “is that the ferry stops in January.”", "The real risk, | is that the ferry stops in January.", "Ada Roe", "told" },
        { "“First of all,” said Piet Brandt, a pilot at the port, “nobody asked the crews.”", "First of all, | nobody asked the crews.", "Piet Brandt", "said" },
        // round 11: a quotation paragraph right after an attributed quotation continues it (no colon before it)
        { "“The pier is safe,” Vahl said.\n\n“We checked every beam last week.”", "The pier is safe, | We checked every beam last week.", "Vahl", "said" },
        // round 11: "which X said was …": the relative word and the predicate are the content, X speaks
        { "The board raised the ferry fare, which Councillor Fenn said was far too high.", "which | was far too high", "Councillor Fenn", "said" },
        // round 11: an attribution between commas before a lower-case quotation keeps the opening clause
        { "If the quay closes, Roe said, “the traders will leave Velin.”", "If the quay closes | the traders will leave Velin.", "Roe", "said" },
        // round 11: a clause that ends in a quotation is attributed whole by the cue after it
        { "The harbour tax was “a mistake,” Fenn said.", "The harbour tax was | a mistake,", "Fenn", "said" },
        // round 11: a quotation that goes on a clause introduced by an earlier cue belongs to that cue's content
        { "Traders mocked the new fees, calling them “a tax on bread,” Vahl said.", "them “a tax on bread,”", "Traders", "calling" },
        // round 11: a light verb with a noun of speech, opinion or stance (a wider list than round 7's make/give/deliver/take)
        { "Councillor Fenn had harsh words for the harbour board.", "the harbour board", "Councillor Fenn", "had harsh words for" },
        { "Most traders expressed their support for Ada Roe.", "Ada Roe", "Most traders", "expressed their support for" },
        { "The ferry company has raised new questions about the winter fares.", "the winter fares", "The ferry company", "has raised new questions about" },
        // round 11: a speech verb that also takes an infinitive keeps it as content before a comma (not an addressee phrase)
        { "The port authority pledged to cut the fees, reversing its earlier plan.", "to cut the fees, reversing its earlier plan", "The port authority", "pledged" },
        // round 11: one-syllable cue lemmas that double their consonant ("slammed", "dubbed")
        { "Ada Roe slammed the new harbour tax.", "the new harbour tax", "Ada Roe", "slammed" },
        // round 11: an adjective of certainty or feeling after a linking verb with a bare clause
        { "Most traders aren't sure the ferry will run in winter.", "the ferry will run in winter", "Most traders", "aren't sure" },
        { "Vahl is confident she can win the vote.", "she can win the vote", "Vahl", "is confident" },
        // round 11: a passive cue without an agent: subject and complement are the content, no speaker
        { "Ada Roe was named the new harbour master on Monday.", "Ada Roe | the new harbour master", null, "was named" },
        { "Councillor Fenn has been criticized for the late ferries.", "Councillor Fenn | for the late ferries", null, "been criticized" },
        { "It was revealed that the harbour fees had doubled.", "that the harbour fees had doubled", null, "was revealed" },
        // round 11: more adjectives of stance, feeling and candour after a linking verb
        { "The harbour traders are tired of the winter closures.", "the winter closures", "The harbour traders", "are tired of" },
        { "Councillor Fenn has been cagey about the ferry deal.", "the ferry deal", "Councillor Fenn", "been cagey about" },
        // round 12: a hearsay adverb: subject with auxiliaries and predicate are the content, no speaker
        { "The Velin ferry board is reportedly weighing a winter timetable.", "The Velin ferry board is | weighing a winter timetable", null, "reportedly" },
        { "The harbour firms have allegedly dumped waste in the bay.", "The harbour firms have | dumped waste in the bay", null, "allegedly" },
        // round 12: a content after its cue ends before a trailing weekday or the medium of the speech
        { "Ada Roe said the ferry fares would rise on Monday.", "the ferry fares would rise", "Ada Roe", "said" },
        { "Piet Brandt said the harbour tax was too high in an interview with the Velin Courier.", "the harbour tax was too high", "Piet Brandt", "said" },
        // round 13 (precision): a that-only verb still reports with "that"; "voting against" is still a cue (see QuoteExtractor_WeakCueReading_IsNoQuote)
        { "Harbour master Ada Roe proved that the pier was safe.", "that the pier was safe", "Harbour master Ada Roe", "proved" },
        { "Piet Brandt maintained that the harbour vote was fair.", "that the harbour vote was fair", "Piet Brandt", "maintained" },
        { "Councillor Fenn is voting against the harbour tax.", "against the harbour tax", "Councillor Fenn", "voting" },
        // round 13 (precision): a cue inside a fronted subordinate clause reports only up to the comma that closes it
        { "Although Councillor Fenn backed the ferry plan, the harbour board voted against it.", "the ferry plan", "Councillor Fenn", "backed" },
        { "When Ada Roe said the fares were too high, the crowd cheered loudly.", "the fares were too high", "Ada Roe", "said" },
        { "But when Ada Roe said the fares were too high, the crowd cheered loudly.", "the fares were too high", "Ada Roe", "said" },
        { "Even though Councillor Fenn praised the ferry plan, the harbour board voted against it.", "the ferry plan", "Councillor Fenn", "praised" },
        // round 13 (precision): a named or single poll after a clause is still its source (see QuoteExtractor_WeakCueReading_IsNoQuote for "in the polls")
        { "Piet Brandt leads the harbour race by six points in the latest Velin Courier poll.", "Piet Brandt leads the harbour race by six points", "the latest Velin Courier poll", "in" },
        { "Ada Roe: the ferry will run all winter", "the ferry will run all winter", "Ada Roe", ":" },
        // round 13 (boundary): a short subject before a parenthetical "according to X," goes on after it when a finite verb follows
        { "The verdict, according to the Velin Courier, was a surprise to the harbour board.", "The verdict | was a surprise to the harbour board", "the Velin Courier", "according to" },
        // round 13 (precision): "remarks" as a verb still reports (see QuoteExtractor_WeakCueReading_IsNoQuote for the noun)
        { "Piet Brandt remarks that the harbour vote was unfair.", "that the harbour vote was unfair", "Piet Brandt", "remarks" },
        // round 13 (precision): "states" after a document is a verb (see QuoteExtractor_WeakCueReading_IsNoQuote for the noun)
        { "The new harbour bill states that the ferry must run all winter.", "that the ferry must run all winter", "The new harbour bill", "states" },
        // round 13: "to" plus a verb of speaking about or taking a side, after a short predicate of the subject
        { "Ada Roe took to the radio to defend the ferry plan.", "the ferry plan", "Ada Roe", "to defend" },
        // round 13: a verb of seeming with an adjective: subject and predicate are the content, no speaker
        { "The harbour board appeared paralyzed after the vote.", "The harbour board | paralyzed after the vote", null, "appeared" },
        { "The ferry plan seemed like a costly mistake.", "The ferry plan | like a costly mistake", null, "seemed" },
        // round 13: a fronted participle clause speaks for the main clause's speaker
        { "Noting that the fares had doubled, Ada Roe said the ferry would still run.", "that the fares had doubled", "Ada Roe", "Noting" },
        // round 13: "as X put it"
        { "As one trader put it, the harbour is dying.", "the harbour is dying", "one trader", "put it" },
        // round 13: phrasal verbs of dwelling on and taking back (ActLexicon idioms)
        { "Councillor Fenn walked back his comments about the ferry.", "his comments about the ferry", "Councillor Fenn", "walked back" },
        { "The mayor dwelled on the winter closures.", "the winter closures", "The mayor", "dwelled on" },
        { "Mayor Vahl made no mention of the ferry fees.", "the ferry fees", "Mayor Vahl", "made no mention of" },
    };

    [Theory]
    [InlineData("Piet Brandt flew to Velin to address the council.")]
    [InlineData("Roe will appear before the council next week.")]
    public void QuoteExtractor_AppearanceBeforeAnAudience_IsNoQuote(string text) =>
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) is "to address" or "appear");

    [Theory]
    [InlineData("The Latest: Velin ferry resumes winter service")]
    [InlineData("Editor's Note: This story was updated on Monday.")]
    public void QuoteExtractor_SectionLabelBeforeColon_IsNoSpeaker(string text) =>
        Assert.Empty(QuoteExtractor.Extract(text).Quotes);

    [Theory]
    [InlineData("The harbour board has the support of most traders.")]
    [InlineData("Piet Brandt has faced criticism for the late ferries.")]
    public void QuoteExtractor_ReceivedStance_IsNoLightVerbCue(string text) =>
        Assert.Empty(QuoteExtractor.Extract(text).Quotes);

    [Fact]
    public void QuoteExtractor_CapitalisedQuotationAfterParenthetical_KeepsTheOpeningOut()
    {
        // round 11: "Asked about the fares, Roe said, “We …”": a capitalised quotation starts anew; the opening is no content
        const string text = "Asked about the fares, Roe said, “We will cut them in spring.”";
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.ContentParts.Any(p => p.Of(text).StartsWith("Asked", StringComparison.Ordinal)));
    }

    [Fact]
    public void QuoteExtractor_OpeningAdverbial_IsNotContent()
    {
        const string text = "As the polls closed, his son said the count would be close.";
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.ContentParts.Any(p => p.Of(text) == "As the polls closed"));
    }

    [Theory]
    [InlineData("The winter timetable proved costly for the ferry company.")]
    [InlineData("The new fares mean the islanders will pay more.")]
    [InlineData("Piet Brandt maintained a steady lead in the harbour polls.")]
    [InlineData("The harbour voting rules changed in May.")]
    [InlineData("Ada Roe, who has known Piet Brandt for years, backed the plan.")]
    [InlineData("Piet Brandt sits at single digits in the polls.")]
    [InlineData("Velin: Ada Roe, Piet Brandt, Lena Vahl, Jon Fenn")]
    [InlineData("Piet Brandt's remarks came a day after the harbour vote.")]
    [InlineData("His comments were directed at the harbour board.")]
    [InlineData("The island states that Ada Roe is counting on voted early.")]
    public void QuoteExtractor_WeakCueReading_IsNoQuote(string text) =>
        // round 13 (precision): linking "proved costly", "mean X", "maintained a lead", a noun "voting", "known X for years",
        // a standing "in the polls" and a colon before a roster of names report nothing
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue is { } c && c.Of(text) is "proved" or "mean" or "maintained" or "voting" or "known" or "in" or ":" or "remarks" or "comments" or "states");
}
