using System.Collections.Immutable;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public sealed class EventSplitTests
{
    // The event split (off by default) as measured in session 3, with the MinFullCosine of then (0.05; 0.04 since session 6
    // lets pairs with a little more shared vocabulary into its cohesion check, which then re-joins the two NewsWCL50 events).
    private static readonly StoryClustererOptions Split = StoryClustererOptions.Default with { EventSplitThreshold = 0.8, EventSplitCohesion = 0.6, MinFullCosine = 0.05 };

    private static ImmutableArray<string> Ids(IEnumerable<Story> stories) => ArrivalOrder.Ids(stories);

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void EventSplit_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, Split);
        Assert.True(stories.Length > 1);
    }

    [Fact]
    public void EventSplit_SeparatesTheTwoEventsTheDefaultMerges()
    {
        // NewsWCL50 events 0-6: the default clustering joins two of the seven events (B3 precision < 1).
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "newswcl50-events-0-6", "docs.jsonl"));
        var gold = docs.Select(d => (d.Article.Id, d.GoldStory)).ToList();
        var plain = ClusteringScorer.Score(gold, ClusteringRun.Run(docs, StoryClustererOptions.Default).Stories);
        var split = ClusteringScorer.Score(gold, ClusteringRun.Run(docs, Split).Stories);

        Assert.True(plain.B3Precision < 1.0);
        Assert.Equal(1.0, split.B3Precision);
        Assert.Equal(plain.B3Recall, split.B3Recall);
    }

    [Fact]
    public void EventSplit_OffByDefaultLeavesTheStoriesAlone()
    {
        Assert.Equal(0, StoryClustererOptions.Default.EventSplitThreshold);
        using var a = new StoryClusterer();
        using var b = new StoryClusterer(StoryClustererOptions.Default with { EventSplitCohesion = 0.6, EventSplitMinSize = 2 });
        Assert.Equal(Ids(a.Recluster(Fixtures.All)), Ids(b.Recluster(Fixtures.All)));
    }

    [Fact]
    public void ClusteringErrorReport_ListsMergedAndSplitGoldStories()
    {
        // Gold labels chosen to disagree with the clustering: the independent flood report is labelled as its own
        // story (so its predicted story mixes two gold stories), the later flood as part of the first (so that gold
        // story is split).
        var docs = Fixtures.All
            .Select(a => new ClusteringDocument(a, a.Id switch
            {
                "d-independent" => "gold-other",
                _ => "gold-flood",
            }))
            .ToList();
        using var clusterer = new StoryClusterer();
        clusterer.Recluster(docs.Select(d => d.Article));

        var report = ClusteringErrorReport.Write(docs, clusterer);

        Assert.Contains("## Merged", report, StringComparison.Ordinal);
        Assert.Contains("## Split", report, StringComparison.Ordinal);
        Assert.Contains("### gold gold-flood:", report, StringComparison.Ordinal);
        Assert.Contains("d-independent: Marrowby families spend night in sports hall after flood", report, StringComparison.Ordinal);
        Assert.Contains("e-later-flood", report, StringComparison.Ordinal);
        Assert.Contains("# nearest neighbour in the same gold story:", report, StringComparison.Ordinal);
    }
}
