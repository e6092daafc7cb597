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
        var subset = ArrivalOrder.EcbPlusSubset(int.MaxValue);
        var (alonePlain, storiesPlain) = ArrivalOrder.LoneArticles(subset, Off);
        var (aloneLower, storiesLower) = ArrivalOrder.LoneArticles(subset, Lower);
        Assert.True(aloneLower.Count < alonePlain.Count, $"{aloneLower.Count} lone articles with the singleton threshold, {alonePlain.Count} without");
        Assert.True(storiesLower < storiesPlain);
    }
}
