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
    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    // Two events of one fictional topic (the vote put off, then the fare rise approved), three leads each, a fourth lead
    // naming both (the rise approved despite the protest), and three unrelated leads so that the topic's words are not in
    // every article. The fourth lead joins the first triple; the group of four and the second triple are then judged.
    private static readonly Article[] Leads =
    [
        Lead("a0", "Velland harbour council delays vote on ferry fare rise", "The Velland harbour council postponed its vote on raising ferry fares for the island routes after islanders packed the town hall to protest."),
        Lead("a1", "Ferry fare vote put off in Velland after islander protest", "Velland's harbour council put off a vote on higher ferry fares for the island routes when protesting islanders filled the town hall."),
        Lead("a2", "Islanders pack town hall, Velland ferry fare vote postponed", "A vote on raising island ferry fares was postponed by the Velland harbour council as angry islanders crowded into the town hall."),
        Lead("b0", "Velland harbour council approves ferry fare rise", "The Velland harbour council approved higher ferry fares for the island routes, with the new tickets costing a fifth more from the spring timetable."),
        Lead("b1", "Ferry fares to rise by a fifth, Velland council decides", "Tickets on the island ferry routes will cost a fifth more from the spring timetable after the Velland harbour council approved the fare rise."),
        Lead("b2", "Velland ferry tickets a fifth dearer from spring", "Island ferry tickets will be a fifth dearer from the spring timetable, the Velland harbour council decided when it approved the fare rise."),
        Lead("b3", "Velland council backs ferry fare rise despite islander protest", "The Velland harbour council approved raising the island ferry fares by a fifth, although islanders had packed the town hall to protest against the rise."),
        Lead("c0", "Lighthouse on Velland cliffs reopens after repairs", "The old lighthouse on the Velland cliffs reopened to visitors after masons repaired its worn stone stairs."),
        Lead("c1", "Orchard growers in Tamsby report record apple harvest", "Apple growers around Tamsby picked a record harvest this autumn, helped by a mild spring and a dry summer."),
        Lead("c2", "Tamsby library extends weekend opening hours", "The Tamsby public library will open on weekend afternoons from next month, the town's library board said."),
    ];

    private static string Members(StoryClusterer clusterer, string id)
        => string.Join(',', clusterer.Stories.Single(s => s.ArticleIds.Contains(id)).ArticleIds.Order(StringComparer.Ordinal));

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
        var briefs = EcbPlusBriefs(250);
        var (_, withRule) = ArrivalOrder.LoneArticles(briefs, StoryClustererOptions.Default);
        var (_, without) = ArrivalOrder.LoneArticles(briefs, StoryClustererOptions.Default with { ShortCohesionLargeRatio = 0 });
        Assert.True(withRule < without, $"{withRule} stories with the rule, {without} without");
    }
}
