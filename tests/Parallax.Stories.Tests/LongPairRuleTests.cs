using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// Length-aware thresholds (<see cref="StoryClustererOptions.LongPairWords"/>; off by default since the lone-article
/// threshold applies to every length, measured here with the short singleton threshold off so that only the long one acts):
/// order independence, effect on full articles, no effect on short texts.
/// </summary>
public sealed class LongPairRuleTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { LongPairWords = 0, SingletonThreshold = 0 };

    private static readonly StoryClustererOptions LongSingle = StoryClustererOptions.Default with { SingletonThreshold = 0, LongSingletonThreshold = 0.08 };

    private static readonly StoryClustererOptions LongMergeToo = LongSingle with { LongMergeThreshold = 0.12 };

    [Theory]
    [InlineData(5)]
    [InlineData(23)]
    public void LongPairRule_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, LongSingle);
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, LongMergeToo, consolidateAlong: seed == 5);
    }

    [Fact]
    public void LongPairRule_JoinsLoneLongArticlesOnly()
    {
        var articles = ArrivalOrder.EcbPlusSubset(int.MaxValue);
        var (aloneOff, _) = ArrivalOrder.LoneArticles(articles, Off);
        var (aloneOn, _) = ArrivalOrder.LoneArticles(articles, LongSingle);
        using var on = new StoryClusterer(LongSingle);
        Assert.True(aloneOn.Count < aloneOff.Count, $"{aloneOn.Count} lone articles with the rule, {aloneOff.Count} without");

        // Every article that left its lone story is long; short lone articles stay alone.
        var joined = aloneOff.Except(aloneOn).ToList();
        var words = articles.ToDictionary(a => a.Id, a => on.Extractor.Extract(a).Words);
        Assert.All(joined, id => Assert.True(words[id] >= StoryClustererOptions.Default.LongPairWords, $"{id}: {words[id]} words"));
        Assert.All(aloneOff.Where(id => words[id] < StoryClustererOptions.Default.LongPairWords), id => Assert.Contains(id, aloneOn));
    }

    [Fact]
    public void LongPairRule_LeavesShortTextsAsTheyWere()
    {
        // NeuS leads (at most about 100 analysed words): the rule cannot apply, so the stories are those without it.
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        var articles = docs.Where(d => d.Article.Id.StartsWith("val-", StringComparison.Ordinal)).Take(300).Select(d => d.Article).ToList();
        using var off = new StoryClusterer(Off);
        using var on = new StoryClusterer(LongMergeToo);
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(articles)), ArrivalOrder.Ids(on.Recluster(articles)));
        Assert.All(articles, a => Assert.True(on.Extractor.Extract(a).Words < StoryClustererOptions.Default.LongPairWords));
    }
}
