using Parallax.Language.Quotes;

namespace Parallax.Language.Tests.Quotes;

/// <summary>
/// Session 13 speaker checks run after the speaker reviser (<c>SpeakerResolver.ReviseLate</c>; docs/quotes.md, "Session 13 —
/// quotes precision, boundaries and speakers (qp5)"). Every sentence is written for these tests about a fictional harbour town.
/// </summary>
public sealed class SpeakerResolverLateTests
{
    private static string? SpeakerOf(string text, string cue) =>
        Assert.Single(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Cue?.Of(text) == cue).Quote.Speaker?.Of(text);

    [Theory]
    [InlineData("Velin (AFP) – Mayor Ada Roe on Monday opened the new pier, saying the town would prosper.", "saying", "Mayor Ada Roe")]
    [InlineData("Velin (AFP) – Harbour Master Piet Brandt has criticized the new fares, calling them a burden on islanders.", "calling", "Harbour Master Piet Brandt")]
    public void QuoteExtractor_DatelineBeforeTheSubject_IsNoSpeaker(string text, string cue, string speaker)
    {
        // the place and agency of a dateline are not the source: the capitalised subject after the dash is
        Assert.Equal(speaker, SpeakerOf(text, cue));
    }

    [Theory]
    [InlineData("\"We will sail at dawn,\" the captain told Ada Roe, who opened her door on Sunday and said she would come aboard.", "said")]
    [InlineData("It is odd to watch Piet Brandt, who campaigned on lower fares and sought the mayor's backing, turn against the plan.", "sought")]
    [InlineData("The ferry line is courting young islanders such as Roe, who are drawn to its message of cheap crossings and feel that the old tolls were unfair.", "feel")]
    public void QuoteExtractor_CueCoordinatedInsideARelativeClause_HasTheRelativePronounAsSpeaker(string text, string cue)
    {
        // PolNeAR marks the relative pronoun as the source of a verb coordinated inside its clause
        Assert.Equal("who", SpeakerOf(text, cue));
    }

    [Theory]
    [InlineData("The board discussed the plan, which Roe drafted in May and claimed would save the ferry.", "claimed", "Roe")]
    [InlineData("The board discussed the plan, which the mayor drafted in May and said would save the ferry.", "said", "the mayor")]
    public void QuoteExtractor_ObjectRelativeBeforeTheCue_KeepsItsOwnSubject(string text, string cue, string speaker)
    {
        // "which Roe drafted": the relative pronoun is the object, so the subject after it speaks
        Assert.Equal(speaker, SpeakerOf(text, cue));
    }

    [Fact]
    public void QuoteExtractor_SubordinateClauseBetweenRelativeAndCue_LeavesTheSpeaker()
    {
        // "when the harbour police … and told": the cue belongs to the "when" clause, whose subject is not the relative
        const string text = "Roe visited the pier, which she was painting when the harbour police found her and told her to leave.";
        Assert.DoesNotContain(QuoteExtractor.Extract(text).Quotes, q => q.Quote.Speaker?.Of(text) == "which");
    }
}
