using System.Collections.Immutable;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary><see cref="StoryClustererOptions.SingletonThreshold"/> (0.10 by default since session 6): lone articles join at a lower average.</summary>
public sealed class SingletonThresholdTests
{
    private static readonly StoryClustererOptions Lower = StoryClustererOptions.Default with { SingletonThreshold = 0.10 };

    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { SingletonThreshold = 0 };

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void SingletonThreshold_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, Lower);
    }

    [Fact]
    public void SingletonThreshold_LeavesFewerLoneArticlesThanWithout()
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "ecbplus-dev", "docs.jsonl"));
        var subset = docs.Select(d => d.Article).ToList();
        using var plain = new StoryClusterer(Off);
        using var lower = new StoryClusterer(Lower);
        var alonePlain = plain.Recluster(subset).Count(s => s.ArticleIds.Length == 1);
        var aloneLower = lower.Recluster(subset).Count(s => s.ArticleIds.Length == 1);
        Assert.True(aloneLower < alonePlain, $"{aloneLower} lone articles with the singleton threshold, {alonePlain} without");
        Assert.True(lower.Stories.Length < plain.Stories.Length);
    }
}
