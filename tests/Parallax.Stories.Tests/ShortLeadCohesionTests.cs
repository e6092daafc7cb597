using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.ShortCohesionRatio"/>: two tight groups of short leads loosely tied to each other
/// (two events of one topic) stay two stories; groups holding a longer article are merged as before; the ratio is taken
/// by the size of the smaller group (<see cref="StoryClustererOptions.ShortCohesionPairRatio"/>: a pair's own average is
/// one similarity). Fictional leads; order independence on NeuS leads.
/// </summary>
public sealed class ShortLeadCohesionTests
{
    // Two events of one fictional topic (the vote put off, then the fare rise approved), three leads each, and three
    // unrelated leads so that the topic's words are not in every article.
    private static readonly Article[] Leads = VellandFerryLeads.TwoEvents;

    private static string Members(StoryClusterer clusterer, string id) => VellandFerryLeads.Members(clusterer, id);

    [Fact]
    public void ShortLeadCohesion_KeepsTwoEventsOfOneTopicApart()
    {
        using var clusterer = new StoryClusterer();
        clusterer.Recluster(Leads);
        Assert.Equal("a0,a1,a2", Members(clusterer, "a0"));
        Assert.Equal("b0,b1,b2", Members(clusterer, "b0"));
    }

    [Fact]
    public void ShortLeadCohesion_Off_MergesTheTwoEvents()
    {
        using var clusterer = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionRatio = 0 });
        clusterer.Recluster(Leads);
        Assert.Equal("a0,a1,a2,b0,b1,b2", Members(clusterer, "a0"));
    }

    [Fact]
    public void ShortLeadCohesion_DoesNotApplyToLongerArticles()
    {
        // The same texts counted as long (more than ShortCohesionMaxWords words): the groups merge as without the rule.
        using var clusterer = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionMaxWords = 10 });
        clusterer.Recluster(Leads);
        Assert.Equal("a0,a1,a2,b0,b1,b2", Members(clusterer, "a0"));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(23)]
    public void ShortLeadCohesion_ShuffledNeusLeadsGiveTheSameStories(int seed)
    {
        // Short leads (where the rule applies), many on recurring topics.
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering([.. docs.Take(300).Select(d => d.Article)], seed);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(11)]
    public void ShortLeadCohesion_ShuffledFictionalLeadsGiveTheSameStories(int seed)
    {
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(Leads, seed);
    }

    /// <summary>The leads with the vote-put-off event reported by a pair only (a0, a1).</summary>
    private static Article[] PairAndTriple => [.. Leads.Where(a => a.Id != "a2")];

    [Fact]
    public void ShortCohesionPairRatio_KeepsAPairApartFromATriple()
    {
        using var clusterer = new StoryClusterer();
        clusterer.Recluster(PairAndTriple);
        Assert.Equal("a0,a1", Members(clusterer, "a0"));
        Assert.Equal("b0,b1,b2", Members(clusterer, "b0"));
    }

    [Fact]
    public void ShortCohesionPairRatio_GovernsAPairEvenWhenTheRatioIsHigh()
    {
        // A pair ratio near 0 lets the pair join the triple although the ratio for larger groups is high.
        using var clusterer = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionRatio = 1.0, ShortCohesionPairRatio = 0.01 });
        clusterer.Recluster(PairAndTriple);
        Assert.Equal("a0,a1,b0,b1,b2", Members(clusterer, "a0"));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(31)]
    public void ShortCohesionPerSize_ShuffledNeusLeadsGiveTheSameStories(int seed)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        var articles = docs.Skip(300).Take(300).Select(d => d.Article).ToList();
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(articles, seed, consolidateAlong: seed == 7);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(articles, seed, StoryClustererOptions.Default with { ShortCohesionPairRatio = 0.6, ShortCohesionRatio = 1.0 });
    }
}
