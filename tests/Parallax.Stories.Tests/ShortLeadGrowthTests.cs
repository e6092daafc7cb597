using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.ShortGrowthRatio"/> and <see cref="StoryClustererOptions.ShortGrowthSingletonThreshold"/>
/// (<see cref="ShortLeadGrowth"/>): a lone short lead joins a group of three or more short leads only near the group's own
/// average, and may join a lone lead or a pair of short leads at a lower average. Checked on NeuS leads read at run time
/// (the sizes of the stories, never the gold labels) and on ECB+ documents for order independence.
/// </summary>
public sealed class ShortLeadGrowthTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { ShortGrowthRatio = 0, ShortGrowthSingletonThreshold = 0 };

    private static readonly StoryClustererOptions Strict = StoryClustererOptions.Default with { ShortGrowthRatio = 0.8, ShortGrowthSingletonThreshold = 0.03, ShortGrowthPairRatio = 0.9 };

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }

    private static int[] StorySizes(IReadOnlyList<Article> articles, StoryClustererOptions options)
    {
        using var clusterer = new StoryClusterer(options);
        return [.. clusterer.Recluster(articles).Select(s => s.ArticleIds.Length)];
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(19, false)]
    [InlineData(8, true)]
    [InlineData(23, false)] // the session-8 round-2 defaults (ratio 0.55, low threshold 0.065), another arrival order
    public void ShortLeadGrowth_ShuffledNeusLeadsGiveTheSameStories(int seed, bool strict)
    {
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(600, 300), seed, strict ? Strict : null, consolidateAlong: seed == 8);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Theory]
    [InlineData(6)]
    public void ShortLeadGrowth_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, Strict);
    }

    [Fact]
    public void ShortGrowthRatio_LeavesFewerLargeGroupsOfLeads()
    {
        // Without the rule, lone leads of neighbouring events attach to complete groups of leads.
        var leads = NeusLeads(0, 900);
        var off = StorySizes(leads, StoryClustererOptions.Default with { ShortGrowthRatio = 0 }).Count(n => n > 3);
        var on = StorySizes(leads, StoryClustererOptions.Default).Count(n => n > 3);
        Assert.True(on < off, $"{on} stories of more than three leads with the rule, {off} without");
    }

    [Fact]
    public void ShortGrowthSingletonThreshold_LeavesFewerLoneLeads()
    {
        var leads = NeusLeads(0, 900);
        var (aloneOff, _) = ArrivalOrder.LoneArticles(leads, StoryClustererOptions.Default with { ShortGrowthSingletonThreshold = 0 });
        var (aloneOn, _) = ArrivalOrder.LoneArticles(leads, StoryClustererOptions.Default);
        Assert.True(aloneOn.Count < aloneOff.Count, $"{aloneOn.Count} lone leads with the lower threshold, {aloneOff.Count} without");
        Assert.Subset(aloneOff, aloneOn);
    }

    [Fact]
    public void ShortLeadGrowth_DoesNotApplyToLongerArticles()
    {
        // Every lead counted as long (more than ShortCohesionMaxWords words): the same stories as with both options off.
        var leads = NeusLeads(0, 600);
        using var counted = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionMaxWords = 0 });
        using var off = new StoryClusterer(Off with { ShortCohesionMaxWords = 0 });
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(counted.Recluster(leads)));
    }
}
