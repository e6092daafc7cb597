using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.ShortCohesionLargeRatio"/>: two groups of short texts, both of at least three members,
/// are judged by a lower cohesion ratio when the larger holds at least <see cref="StoryClustererOptions.ShortCohesionLargeSize"/>
/// members; two triples keep the ratio of <see cref="StoryClustererOptions.ShortCohesionRatio"/>. Fictional leads for the
/// mechanism; order independence on the shortest ECB+ documents (briefs in groups of four and more) and on NeuS leads.
/// </summary>
public sealed class ShortCohesionLargeTests
{
    // Two events of one fictional topic (the vote put off, then the fare rise approved), three leads each, a fourth lead
    // naming both (the rise approved despite the protest), and three unrelated leads so that the topic's words are not in
    // every article. The fourth lead joins the first triple; the group of four and the second triple are then judged.
    private static readonly Article[] Leads = [.. VellandFerryLeads.TwoEvents[..6], VellandFerryLeads.BothEvents, .. VellandFerryLeads.TwoEvents[6..]];

    private static string Members(StoryClusterer clusterer, string id) => VellandFerryLeads.Members(clusterer, id);

    [Theory]
    [InlineData(0.0, 4, "a0,a1,a2,b3")]
    [InlineData(0.3, 5, "a0,a1,a2,b3")]
    [InlineData(0.3, 4, "a0,a1,a2,b0,b1,b2,b3")]
    public void ShortCohesionLarge_AppliesOnlyWhenTheLargerGroupReachesItsSize(double largeRatio, int largeSize, string expected)
    {
        // A low ratio lets the group of four take in the other event's triple; a size above four (or the option off)
        // leaves the merge to ShortCohesionRatio, which keeps the two apart.
        using var clusterer = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionLargeRatio = largeRatio, ShortCohesionLargeSize = largeSize });
        clusterer.Recluster(Leads);
        Assert.Equal(expected, Members(clusterer, "a0"));
    }

    [Fact]
    public void ShortCohesionLarge_LeavesTwoTriplesToTheRatio()
    {
        using var clusterer = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionLargeRatio = 0.01 });
        clusterer.Recluster([.. Leads.Where(a => a.Id != "b3")]);
        Assert.Equal("a0,a1,a2", Members(clusterer, "a0"));
        Assert.Equal("b0,b1,b2", Members(clusterer, "b0"));
    }

    /// <summary>The shortest ECB+ dev documents (briefs, most of them in groups of several briefs of one event).</summary>
    private static List<Article> EcbPlusBriefs(int count)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "ecbplus-dev", "docs.jsonl"));
        return [.. docs.OrderBy(d => d.Article.Text.Length).ThenBy(d => d.Article.Id, StringComparer.Ordinal).Take(count).Select(d => d.Article)];
    }

    [Theory]
    [InlineData(3, 0.5, 4, false)]
    [InlineData(17, 0.5, 4, true)]
    [InlineData(9, 0.3, 3, false)]
    public void ShortCohesionLarge_ShuffledEcbPlusBriefsGiveTheSameStories(int seed, double largeRatio, int largeSize, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { ShortCohesionLargeRatio = largeRatio, ShortCohesionLargeSize = largeSize };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(EcbPlusBriefs(250), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 4);
    }

    [Theory]
    [InlineData(12, 0.5, 4)]
    [InlineData(21, 0.3, 3)]
    public void ShortCohesionLarge_ShuffledNeusLeadsGiveTheSameStories(int seed, double largeRatio, int largeSize)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        var options = StoryClustererOptions.Default with { ShortCohesionLargeRatio = largeRatio, ShortCohesionLargeSize = largeSize };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering([.. docs.Skip(600).Take(300).Select(d => d.Article)], seed, options);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Fact]
    public void ShortCohesionLarge_JoinsMoreOfTheEcbPlusBriefsThanTheRatioAlone()
    {
        // A set of briefs only is all short, so the distributional similarity (on by default) applies and moves these
        // briefs' joins itself: off in both runs, to show this rule's effect alone.
        var briefs = EcbPlusBriefs(250);
        var options = StoryClustererOptions.Default with { DistributionalWeight = 0 };
        var (_, withRule) = ArrivalOrder.LoneArticles(briefs, options);
        var (_, without) = ArrivalOrder.LoneArticles(briefs, options with { ShortCohesionLargeRatio = 0 });
        Assert.True(withRule < without, $"{withRule} stories with the rule, {without} without");
    }
}
