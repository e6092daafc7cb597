using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.DistributionalWeight"/> (<see cref="DistributionalSimilarity"/>): second-order similarity
/// of short texts computed from the set itself. Checked on fictional leads written for this test, on NeuS leads read at
/// run time (never the gold labels), for the guard that leaves sets of mostly full articles alone, and for order
/// independence.
/// </summary>
public sealed class DistributionalSimilarityTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { DistributionalWeight = 0 };

    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    /// <summary>
    /// p and q tell one fictional act in words they do not share ("lawmakers approve the levy" / "Congress passes the
    /// tax"); c1–c3 use those words together; r and s are about an orchard frost.
    /// </summary>
    private static readonly Article[] LeviesAndFrost =
    [
        Lead("c1", "Lawmakers in Congress debate the harbour levy", "Lawmakers in Congress debated a levy, a tax on harbour cargo, on Monday."),
        Lead("c2", "Congress lawmakers weigh cargo tax", "Congress lawmakers weighed the cargo tax and the levy on ships at the harbour."),
        Lead("c3", "Harbour levy splits Congress", "The levy divides lawmakers: a tax that Congress says the harbour needs."),
        Lead("p", "Lawmakers approve levy", "Lawmakers approved the levy late at night."),
        Lead("q", "Congress passes tax", "Congress passed the tax after weeks of wrangling."),
        Lead("r", "Orchard growers report early frost", "Apple growers reported an early frost across the valley orchards."),
        Lead("s", "Frost damages valley orchards", "A frost damaged apple orchards across the valley, growers said."),
        Lead("t", "Growers count frost losses", "Valley growers counted their losses after the frost."),
    ];

    private static (List<ArticleFeatures> Features, FeatureSpace Space, DistributionalSimilarity? Vectors) Build(IEnumerable<Article> articles, StoryClustererOptions options)
    {
        using var extractor = new StoryFeatureExtractor(options);
        var features = articles.OrderBy(a => a.Id, StringComparer.Ordinal).Select(extractor.Extract).ToList();
        var space = new FeatureSpace(features, extractor.Vocabulary, options);
        return (features, space, DistributionalSimilarity.For(features, space, options));
    }

    private static int IndexOf(List<ArticleFeatures> features, string id) => features.FindIndex(f => f.ArticleId == id);

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }

    [Fact]
    public void DistributionalSimilarity_LeadsWordedApartAreCloseThroughTheSetsCooccurrences()
    {
        var (features, space, vectors) = Build(LeviesAndFrost, StoryClustererOptions.Default);
        Assert.NotNull(vectors);
        var (p, q, r) = (IndexOf(features, "p"), IndexOf(features, "q"), IndexOf(features, "r"));

        // No shared feature: the TF-IDF cosine is 0; the distributional one is high, and far above a frost lead's.
        Assert.Equal(0, SparseVector.Dot(space.Vectors[p], space.Vectors[q]));
        Assert.True(vectors.Cosine(p, q) > 0.5, $"levy / tax {vectors.Cosine(p, q):F3}");
        Assert.True(vectors.Cosine(p, q) > vectors.Cosine(p, r) + 0.3, $"levy / tax {vectors.Cosine(p, q):F3}, levy / frost {vectors.Cosine(p, r):F3}");
        Assert.Equal(vectors.Cosine(p, q), vectors.Cosine(q, p));
        Assert.Equal(1.0, vectors.Cosine(p, p), 5);

        // Deterministic: the same set gives the same vectors.
        var (_, _, again) = Build(LeviesAndFrost.Reverse(), StoryClustererOptions.Default);
        Assert.Equal(vectors.Cosine(p, q), again!.Cosine(p, q));
        Assert.Equal(vectors.Cosine(p, r), again.Cosine(p, r));
    }

    [Fact]
    public void DistributionalSimilarity_SetsOfMostlyLongTextsAndLongTextsGetNoVectors()
    {
        // Every lead counted long (more than 5 words): no vectors at all under the default share guard.
        Assert.Null(Build(LeviesAndFrost, StoryClustererOptions.Default with { DistributionalMaxWords = 5 }).Vectors);

        // Without the guard, the long ones get none and their pairs score 0 (left as they are by the graph).
        var (features, _, vectors) = Build(LeviesAndFrost, StoryClustererOptions.Default with { DistributionalMaxWords = 5, DistributionalMinShortShare = 0 });
        Assert.NotNull(vectors);
        Assert.All(Enumerable.Range(0, features.Count), i => Assert.Equal(features[i].Words <= 5, vectors.Has(i)));
        Assert.Contains(features, f => f.Words > 5);

        // Off: nothing is built.
        Assert.Null(Build(LeviesAndFrost, Off).Vectors);
    }

    [Fact]
    public void DistributionalSimilarity_KeepsTwoStraysOfTwoTopicsApart()
    {
        // The library and ferry strays share only "petition": with both short-lead rules off they pair; the
        // distributional rule alone keeps them apart (their words keep different company), and the triples stay exact.
        var noRank = StoryClustererOptions.Default with { NeighbourRankJoin = 0 };
        using var off = new StoryClusterer(noRank with { DistributionalWeight = 0 });
        var without = off.Recluster(NeighbourRankJoinTests.TwoTopicsWithStrays);
        Assert.Equal(Members(without, "l"), Members(without, "m"));

        using var on = new StoryClusterer(noRank);
        var with = on.Recluster(NeighbourRankJoinTests.TwoTopicsWithStrays);
        Assert.Equal("l", Members(with, "l"));
        Assert.Equal("m", Members(with, "m"));
        Assert.Equal("t1,t2,t3", Members(with, "t1"));
        Assert.Equal("u1,u2,u3", Members(with, "u1"));
    }

    private static string Members(IEnumerable<Story> stories, string id)
        => string.Join(',', stories.Single(s => s.ArticleIds.Contains(id)).ArticleIds.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(0.20, 0.70, 0, 0.200)]
    [InlineData(0.20, 0.90, 0, 0.260)]
    [InlineData(0.20, 0.50, 0, 0.140)]
    [InlineData(0.20, 0.90, 1, 0.500)]
    [InlineData(0.20, 0.40, 1, -0.250)]
    public void DistributionalSimilarity_AdjustsByTheCentredCosine(double similarity, double cosine, int mode, double expected)
    {
        var options = StoryClustererOptions.Default with { DistributionalWeight = 1.5, DistributionalCentre = 0.7, DistributionalMode = mode };
        Assert.Equal(expected, DistributionalSimilarity.Adjust(similarity, cosine, options), 9);
    }

    [Theory]
    [InlineData(1, 1.5, 0.7, false)]
    [InlineData(2, 3.0, 0.6, true)]
    public void DistributionalSimilarity_ShuffledFictionalLeadsGiveTheSameStories(int seed, double weight, double centre, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { DistributionalWeight = weight, DistributionalCentre = centre };
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(LeviesAndFrost, seed, options, consolidateAlong);
    }

    [Theory]
    [InlineData(5, 1.5, 0.7, 256, false)]
    [InlineData(14, 3.0, 0.5, 64, true)]
    public void DistributionalSimilarity_ShuffledNeusLeadsGiveTheSameStories(int seed, double weight, double centre, int dimensions, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { DistributionalWeight = weight, DistributionalCentre = centre, DistributionalDimensions = dimensions };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(900, 300), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Fact]
    public void DistributionalSimilarity_ChangesTheStoriesOfManyLeads()
    {
        var leads = NeusLeads(0, 3000);
        using var on = new StoryClusterer(StoryClustererOptions.Default);
        using var off = new StoryClusterer(Off);
        Assert.NotEqual(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(on.Recluster(leads)));
    }

    [Fact]
    public void DistributionalSimilarity_LeavesASetOfMostlyFullArticlesAlone()
    {
        // 150 ECB+ documents: fewer than half are short, so the stories are those of the rule off.
        var docs = ArrivalOrder.EcbPlusSubset();
        using var on = new StoryClusterer(StoryClustererOptions.Default);
        using var off = new StoryClusterer(Off);
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(docs)), ArrivalOrder.Ids(on.Recluster(docs)));
    }
}
