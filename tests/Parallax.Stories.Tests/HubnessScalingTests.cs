using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.HubnessNeighbours"/> (<see cref="HubnessScaling"/>): the similarity of two short texts
/// in a crowded region of the set is lowered by how much their crowding exceeds the set's mean. Checked on NeuS leads
/// read at run time (story sizes, never the gold labels) and on ECB+ documents for order independence.
/// </summary>
public sealed class HubnessScalingTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { HubnessNeighbours = 0 };

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }

    [Theory]
    [InlineData(4, 15, 2.0, true, false)]
    [InlineData(8, 5, 3.0, true, true)]
    [InlineData(11, 10, 1.0, false, false)]
    public void HubnessScaling_ShuffledNeusLeadsGiveTheSameStories(int seed, int neighbours, double weight, bool downOnly, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { HubnessNeighbours = neighbours, HubnessWeight = weight, HubnessDownOnly = downOnly };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(900, 300), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Theory]
    [InlineData(6)]
    public void HubnessScaling_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        // Every length rescaled (HubnessMaxWords 0), so the full articles' pairs are shifted too.
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, StoryClustererOptions.Default with { HubnessMaxWords = 0 });
    }

    [Fact]
    public void HubnessScaling_ChangesTheStoriesOfACrowdedSetOfLeads()
    {
        var leads = NeusLeads(0, 3000);
        using var on = new StoryClusterer(StoryClustererOptions.Default);
        using var off = new StoryClusterer(Off);
        var withRule = ArrivalOrder.Ids(on.Recluster(leads));
        var without = ArrivalOrder.Ids(off.Recluster(leads));
        Assert.NotEqual(without, withRule);
        // Lowering only: no lead ends in a larger story than the largest story without the rule.
        Assert.True(withRule.Max(s => s.Split(',').Length) <= without.Max(s => s.Split(',').Length));
    }

    [Fact]
    public void HubnessScaling_DoesNotApplyToLongerArticles()
    {
        // Every lead counted as long (more than HubnessMaxWords words): the same stories as with the rule off.
        var leads = NeusLeads(0, 600);
        using var counted = new StoryClusterer(StoryClustererOptions.Default with { HubnessMaxWords = 1 });
        using var off = new StoryClusterer(Off);
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(counted.Recluster(leads)));
    }
}
