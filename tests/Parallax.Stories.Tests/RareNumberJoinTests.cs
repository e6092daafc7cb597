using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.RareNumberJoinThreshold"/> (<see cref="RareNumberJoin"/>): a lone short lead may
/// complete a lone lead or a pair at a lower average when both state a number few articles of the set state. Checked on
/// NeuS leads read at run time (never the gold labels) and for order independence.
/// </summary>
public sealed class RareNumberJoinTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { RareNumberJoinThreshold = 0 };

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }

    [Theory]
    [InlineData(5, 0.04, 3, false)]
    [InlineData(14, 0.04, 3, true)]
    [InlineData(27, 0.02, 6, false)]
    public void RareNumberJoin_ShuffledNeusLeadsGiveTheSameStories(int seed, double threshold, int maxDf, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { RareNumberJoinThreshold = threshold, RareNumberMaxDf = maxDf };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(900, 300), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Theory]
    [InlineData(6)]
    public void RareNumberJoin_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        // Every article counted short, so the full ECB+ articles' numbers are judged too.
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, StoryClustererOptions.Default with { ShortCohesionMaxWords = 100_000, RareNumberJoinThreshold = 0.02 });
    }

    [Fact]
    public void RareNumberJoin_LeavesFewerLoneLeadsAndJoinsOnlyLeadsStatingANumber()
    {
        var leads = NeusLeads(0, 1842);
        var (aloneOff, _) = ArrivalOrder.LoneArticles(leads, Off);
        var (aloneOn, _) = ArrivalOrder.LoneArticles(leads, StoryClustererOptions.Default);
        Assert.True(aloneOn.Count < aloneOff.Count, $"{aloneOn.Count} lone leads with the rule, {aloneOff.Count} without");
        Assert.Subset(aloneOff, aloneOn);
        var text = leads.ToDictionary(a => a.Id, a => a.Metadata.Title + " " + a.Text);
        Assert.All(aloneOff.Except(aloneOn), id => Assert.Matches(new Regex(@"\d"), text[id]));
    }

    [Fact]
    public void RareNumberJoin_DoesNotApplyToLongerArticles()
    {
        // Every lead counted as long: the same stories with the rule as without.
        var leads = NeusLeads(0, 921);
        using var on = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionMaxWords = 0 });
        using var off = new StoryClusterer(Off with { ShortCohesionMaxWords = 0 });
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(on.Recluster(leads)));
    }
}
