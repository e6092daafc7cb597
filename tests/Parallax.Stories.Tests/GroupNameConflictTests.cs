using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.NameConflictRatio"/> (off by default): two triples of full articles that each name
/// their own people or places are kept apart; short leads are never judged; order independence.
/// </summary>
public sealed class GroupNameConflictTests
{
    private static readonly StoryClustererOptions On = StoryClustererOptions.Default with { NameConflictRatio = 0.8 };

    private static List<Core.Article> Read(string set)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", set, "docs.jsonl"));
        return [.. docs.Select(d => d.Article)];
    }

    [Theory]
    [InlineData("ecbplus-dev", 5)]
    [InlineData("ecbplus-dev", 23)]
    [InlineData("basil-2010-2016", 7)]
    public void GroupNameConflict_ShuffledArrivalEqualsReclustering(string set, int seed)
    {
        var articles = set == "ecbplus-dev" ? ArrivalOrder.EcbPlusSubset() : Read(set);
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(articles, seed, On, consolidateAlong: seed == 7);
    }

    [Fact]
    public void GroupNameConflict_KeepsTriplesOfFullArticlesApartOnly()
    {
        var articles = Read("basil-2010-2016");
        using var off = new StoryClusterer();
        using var on = new StoryClusterer(On);
        var before = off.Recluster(articles).Select(s => s.ArticleIds.ToHashSet()).ToList();
        var after = on.Recluster(articles).Select(s => s.ArticleIds.ToHashSet()).ToList();
        var changed = after.Where(s => !before.Any(b => b.SetEquals(s))).ToList();
        Assert.NotEmpty(changed);

        // Each new story is a triple cut out of one story of six: the merge of two triples was refused, nothing else moved.
        Assert.All(changed, s =>
        {
            Assert.Equal(3, s.Count);
            Assert.Contains(before, b => b.Count == 6 && s.IsSubsetOf(b));
        });
    }

    [Fact]
    public void GroupNameConflict_LeavesShortLeadsAsTheyWere()
    {
        var articles = Read("neus-dev").Where(a => a.Id.StartsWith("val-", StringComparison.Ordinal)).Take(300).ToList();
        using var off = new StoryClusterer();
        using var on = new StoryClusterer(On);
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(articles)), ArrivalOrder.Ids(on.Recluster(articles)));
    }
}
