using Parallax.Core;

namespace Parallax.Stories.Tests;

/// <summary>
/// The key figures of a headline and lead (<see cref="LeadEvent"/>) and the consolidation factor for two articles stating
/// different ones (<see cref="StoryClustererOptions.LeadEventConflictFactor"/>). Fictional texts, plus the order check on
/// ECB+ documents that state magnitudes.
/// </summary>
public sealed class LeadEventTests
{
    private static Article Report(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    [Theory]
    [InlineData("Quake shakes Tarn valley", "A 5.6 magnitude earthquake hit the valley on Sunday.", new[] { 5.6f })]
    [InlineData("Quake shakes Tarn valley", "An earthquake measuring 5 . 9 on the Richter scale hit the valley.", new[] { 5.9f })]
    [InlineData("6.1-magnitude quake hits Tarn", "Officials said a quake of magnitude of 6.0 struck at noon.", new[] { 6.1f, 6.0f })]
    [InlineData("Quake shakes Tarn valley", "Two people were hurt, 12 houses damaged.", null)]
    public void From_ReadsTheMagnitudesOfHeadlineAndLead(string title, string lead, float[]? expected)
    {
        var e = LeadEvent.From(title, lead, kinds: 1);
        Assert.Equal(expected, e?.Magnitudes);
    }

    [Theory]
    [InlineData("Thieves take $ 108 million in gems", "Police said.", 1, 108e6f)]
    [InlineData("Thieves take gems", "Jewels worth 85 million euros were taken.", 2, 85e6f)]
    [InlineData("Ram-raiders take €2m of watches", "Police said.", 2, 2e6f)]
    [InlineData("Mill sold for $2 . 6 billion", "The deal closed.", 1, 2.6e9f)]
    public void From_ReadsSumsOfMoneyWithTheirCurrency(string title, string lead, int currency, float value)
    {
        var e = LeadEvent.From(title, lead, kinds: 2);
        Assert.NotNull(e);
        Assert.Contains(((byte)currency, value), e.Amounts!);
    }

    [Theory]
    [InlineData("a 5.6 magnitude quake", "a 5.9 magnitude quake", true)]
    [InlineData("a 5.9 magnitude quake", "a 6.1 magnitude quake", false)]
    [InlineData("a magnitude 5.4 quake, first put at magnitude 5.2", "a 5.6 magnitude quake", false)]
    [InlineData("a 5.6 magnitude quake", "a strong quake", false)]
    public void Conflict_OfMagnitudes_AllowsARevisionButNotAnotherQuake(string a, string b, bool expected)
        => Assert.Equal(expected, LeadEvent.Conflict(LeadEvent.From("Quake", a, 1), LeadEvent.From("Quake", b, 1), 1));

    [Theory]
    [InlineData("$160 million offer", "$184 million offer", 2, false)]
    [InlineData("$108 million heist", "$2.6 million heist", 2, true)]
    [InlineData("$108 million heist", "$2.6 million heist", 1, false)]
    [InlineData("$108 million heist", "2 million euros heist", 2, false)]
    public void Conflict_OfSums_ComparesOneCurrencyWithinARatio(string a, string b, int kinds, bool expected)
        => Assert.Equal(expected, LeadEvent.Conflict(LeadEvent.From("Heist", a, 3), LeadEvent.From("Heist", b, 3), kinds));

    [Fact]
    public void Similarity_OfTwoQuakesOfDifferentMagnitudes_IsDiscounted()
    {
        const string body = "The earthquake struck the Tarn valley in the afternoon, damaging houses in three villages and cutting "
            + "power to the valley's farms. Rescue teams from the regional capital searched collapsed barns, and the valley's school "
            + "was opened as a shelter for families whose homes were damaged. Aftershocks were felt through the night.";
        Article Quake(string id, string magnitude) => Report(id, "Quake hits Tarn valley", $"A {magnitude} magnitude earthquake hit the Tarn valley on Sunday. " + body);
        var articles = new[] { Quake("a", "5.6"), Quake("b", "5.6"), Quake("c", "5.9"), Quake("d", "5.9") };
        double? Similarity(StoryClustererOptions options, string x, string y)
        {
            using var clusterer = new StoryClusterer(options);
            clusterer.Recluster(articles);
            return clusterer.Similarity(x, y);
        }

        var off = StoryClustererOptions.Default with { LeadEventConflictFactor = 1.0 };
        Assert.Equal(0.3 * Similarity(off, "a", "c")!.Value, Similarity(StoryClustererOptions.Default, "a", "c")!.Value, 9);
        Assert.Equal(Similarity(off, "a", "b"), Similarity(StoryClustererOptions.Default, "a", "b"));
    }

    [Theory]
    [InlineData("Court overturns the harbour toll", "", true)]
    [InlineData("9 May 2031", "\nCouncil repeals the harbour toll\nThe vote was close.", true)]
    [InlineData("Council debates the harbour toll", "Critics want the council to repeal it.", false)]
    [InlineData("Council approves the harbour toll", "The vote was close.", false)]
    public void From_FindsAReversalInTheHeadline(string title, string lead, bool headlineReverses)
    {
        var e = LeadEvent.From(title, lead, kinds: 4, titleIsDateLine: title.StartsWith('9'));
        Assert.Equal(headlineReverses, e?.HeadlineReverses ?? false);
    }

    [Theory]
    [InlineData("Court overturns the harbour toll", "Council approves the harbour toll", "", true)]
    [InlineData("Court overturns the harbour toll", "Council approves the harbour toll", "A court could overturn it.", false)]
    [InlineData("Court overturns the harbour toll", "Court strikes down the harbour toll", "", false)]
    [InlineData("Council approves the harbour toll", "Council approves a harbour toll", "", false)]
    public void ReversalConflict_SeparatesAReversalFromTheActItUndoes(string headlineA, string headlineB, string leadB, bool expected)
        => Assert.Equal(expected, LeadEvent.ReversalConflict(LeadEvent.From(headlineA, "", 4), LeadEvent.From(headlineB, leadB, 4)));

    [Fact]
    public void Similarity_OfAReversalAndTheAct_IsDiscountedForFullArticlesOnly()
    {
        var words = string.Join(' ', Enumerable.Range(0, 40).Select(i => "The harbour toll on ferries and barges was debated by the council again."));
        var articles = new[]
        {
            Report("act", "Council approves the harbour toll", words),
            Report("undo", "Court overturns the harbour toll", words),
            Report("act-short", "Council approves the harbour toll", "The toll on ferries was debated by the council."),
            Report("undo-short", "Court overturns the harbour toll", "The toll on ferries was debated by the council."),
        };
        using var on = new StoryClusterer();
        using var off = new StoryClusterer(StoryClustererOptions.Default with { LeadEventKinds = 1 });
        on.Recluster(articles);
        off.Recluster(articles);
        Assert.Equal(0.3 * off.Similarity("act", "undo")!.Value, on.Similarity("act", "undo")!.Value, 9);
        Assert.Equal(off.Similarity("act-short", "undo-short"), on.Similarity("act-short", "undo-short"));
    }

    [Theory]
    [InlineData(7, 5)]
    [InlineData(31, 7)]
    public void LeadEvent_ShuffledEcbPlusTopicsWithMagnitudesGiveTheSameStories(int seed, int kinds)
    {
        // ECB+ documents 150-449: the topics whose leads state magnitudes and report reversals (the rule fires there).
        var articles = ArrivalOrder.EcbPlusSubset(int.MaxValue).Skip(150).Take(300).ToList();
        using var extractor = new StoryFeatureExtractor(StoryClustererOptions.Default);
        Assert.Contains(articles, a => extractor.Extract(a).LeadEvent is { Magnitudes: not null });
        Assert.Contains(articles, a => extractor.Extract(a).LeadEvent is { HeadlineReverses: true });
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(articles, seed, StoryClustererOptions.Default with { LeadEventKinds = kinds });
    }
}
