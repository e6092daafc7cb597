using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.WordViewWeight"/> (<see cref="WordView"/>): the similarity of two short leads with
/// their word pairs weighing less. Checked on fictional leads written for this test, against a feature space built
/// with that bigram weight, for the guard that leaves sets of mostly full articles alone, and for order independence.
/// </summary>
public sealed class WordViewTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { WordViewWeight = 0 };

    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    /// <summary>
    /// a and b report one fictional vote (the Senate passing the harbour toll bill) in different phrasing; c and d
    /// report the governor's veto of the same bill a week later, repeating the phrase "harbour toll bill"; e and f are
    /// about an orchard frost.
    /// </summary>
    private static readonly Article[] TollBill =
    [
        Lead("a", "Senate passes harbour toll bill", "The Senate passed the harbour toll bill on Tuesday after a long debate over cargo fees."),
        Lead("b", "Senators back toll on harbour cargo", "Senators voted for a toll on harbour cargo, passing the bill to the governor after a debate on fees."),
        Lead("c", "Governor vetoes harbour toll bill", "The governor vetoed the harbour toll bill, saying the harbour toll bill would drive cargo away."),
        Lead("d", "Harbour toll bill vetoed by governor", "A veto by the governor ends the harbour toll bill for this session."),
        Lead("e", "Orchard growers report early frost", "Apple growers reported an early frost across the valley orchards."),
        Lead("f", "Frost damages valley orchards", "A frost damaged apple orchards across the valley, growers said."),
    ];

    private static (List<ArticleFeatures> Features, FeatureSpace Space, WordView? View) Build(IEnumerable<Article> articles, StoryClustererOptions options)
    {
        using var extractor = new StoryFeatureExtractor(options);
        var features = articles.OrderBy(a => a.Id, StringComparer.Ordinal).Select(extractor.Extract).ToList();
        var space = new FeatureSpace(features, extractor.Vocabulary, options);
        return (features, space, WordView.For(features, space, options));
    }

    private static int IndexOf(List<ArticleFeatures> features, string id) => features.FindIndex(f => f.ArticleId == id);

    [Theory]
    [InlineData(0.7)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void WordView_IsTheCosineOfVectorsWithWordPairsAtTheFactor(double factor)
    {
        // The view's cosine equals the plain cosine of a feature space built with that bigram weight (same document
        // frequencies, same features; only the word pairs' weights differ before the vectors are normalised).
        var (features, _, view) = Build(TollBill, StoryClustererOptions.Default with { WordViewBigramFactor = factor });
        var (_, reweighted, _) = Build(TollBill, StoryClustererOptions.Default with { BigramWeight = factor });
        Assert.NotNull(view);
        var compared = 0;
        for (var i = 0; i < features.Count; i++)
        {
            for (var j = i + 1; j < features.Count; j++)
            {
                Assert.Equal(SparseVector.Dot(reweighted.Vectors[i], reweighted.Vectors[j]), view.Cosine(i, j), 5);
                compared += view.Cosine(i, j) > 0 ? 1 : 0;
            }
        }

        Assert.True(compared >= 4, $"{compared} pairs share features");
    }

    [Fact]
    public void WordView_LowersThePairThatSharesASetPhraseMoreThanThePairThatSharesTheEvent()
    {
        // a / c share the phrase "harbour toll bill" (two word pairs) but report two acts; a / b share words, hardly
        // any pair. With the word pairs at 0.7 (default) the sibling pair loses more of its cosine than the same-event pair.
        var (features, space, view) = Build(TollBill, StoryClustererOptions.Default);
        Assert.NotNull(view);
        var (a, b, c) = (IndexOf(features, "a"), IndexOf(features, "b"), IndexOf(features, "c"));
        double Ratio(int x, int y) => view.Cosine(x, y) / SparseVector.Dot(space.Vectors[x], space.Vectors[y]);
        Assert.True(Ratio(a, c) < 1, $"a / c {Ratio(a, c):F3}");
        Assert.True(Ratio(a, b) > Ratio(a, c) + 0.02, $"a / b {Ratio(a, b):F3}, a / c {Ratio(a, c):F3}");
        Assert.Equal(view.Cosine(a, c), view.Cosine(c, a));
        Assert.Equal(1.0, view.Cosine(a, a), 5);

        // Deterministic: the same set in another input order gives the same cosines.
        var (_, _, again) = Build(TollBill.Reverse(), StoryClustererOptions.Default);
        Assert.Equal(view.Cosine(a, c), again!.Cosine(a, c));
        Assert.Equal(view.Cosine(a, b), again.Cosine(a, b));
    }

    [Fact]
    public void WordView_SetsOfMostlyLongTextsAndLongTextsAreLeftAlone()
    {
        // Every lead counted long (more than 5 words): no view under the default share guard.
        Assert.Null(Build(TollBill, StoryClustererOptions.Default with { DistributionalMaxWords = 5 }).View);

        // Without the guard, only the short ones take part.
        var (features, _, view) = Build(TollBill, StoryClustererOptions.Default with { DistributionalMaxWords = 12, DistributionalMinShortShare = 0 });
        Assert.NotNull(view);
        Assert.All(Enumerable.Range(0, features.Count), i => Assert.Equal(features[i].Words <= 12, view.Has(i)));
        Assert.Contains(features, f => f.Words > 12);
        Assert.Contains(features, f => f.Words <= 12);

        // Off: nothing is built.
        Assert.Null(Build(TollBill, Off).View);
    }

    [Fact]
    public void WordView_LeavesTheStraysOfTwoTopicsToTheOtherRules()
    {
        // The library and ferry strays of NeighbourRankJoinTests share only "petition". With the default rules they stay
        // alone and the triples exact, with the word view as without it. (The view does not keep them apart by itself:
        // with the rank rule and the distributional similarity off they pair and join the library triple, as they do
        // with every rule off; with word pairs at 0.6 instead of 0.7 they did so even with every rule on, which is why
        // 0.7 was kept of two settings that scored alike — docs/stories.md, "Session 12".)
        using var off = new StoryClusterer(Off);
        using var on = new StoryClusterer(StoryClustererOptions.Default);
        var with = on.Recluster(NeighbourRankJoinTests.TwoTopicsWithStrays);
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(NeighbourRankJoinTests.TwoTopicsWithStrays)), ArrivalOrder.Ids(with));
        Assert.Equal("l", Members(with, "l"));
        Assert.Equal("m", Members(with, "m"));
        Assert.Equal("t1,t2,t3", Members(with, "t1"));
        Assert.Equal("u1,u2,u3", Members(with, "u1"));

        using var loose = new StoryClusterer(StoryClustererOptions.Default with { WordViewBigramFactor = 0.6 });
        Assert.Equal("l,m,t1,t2,t3", Members(loose.Recluster(NeighbourRankJoinTests.TwoTopicsWithStrays), "l"));
    }

    private static string Members(IEnumerable<Story> stories, string id)
        => string.Join(',', stories.Single(s => s.ArticleIds.Contains(id)).ArticleIds.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(1, 1.0, 0.20, 0.10, 0.20, 0.100)]
    [InlineData(1, 2.0, 0.20, 0.10, 0.20, 0.050)]
    [InlineData(1, 1.0, 0.20, 0.30, 0.20, 0.300)]
    [InlineData(1, 1.0, 0.20, 0.10, 0.00, 0.200)]
    [InlineData(0, 1.0, 0.20, 0.50, 0.90, 0.240)]
    [InlineData(0, 2.0, 0.20, 0.10, 0.90, 0.120)]
    [InlineData(0, 5.0, 0.20, 0.00, 0.90, 0.000)]
    public void WordView_AdjustsTheSimilarity(int mode, double weight, double similarity, double cosine, double fullCosine, double expected)
    {
        var options = StoryClustererOptions.Default with { WordViewMode = mode, WordViewWeight = weight, WordViewCentre = 0.3 };
        Assert.Equal(expected, WordView.Adjust(similarity, cosine, fullCosine, options), 9);
    }

    [Theory]
    [InlineData(3, 0.6, false)]
    [InlineData(8, 0.3, true)]
    public void WordView_ShuffledFictionalLeadsGiveTheSameStories(int seed, double factor, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { WordViewBigramFactor = factor };
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(TollBill, seed, options, consolidateAlong);
    }

    [Theory]
    [InlineData(6, 0.6, 1, false)]
    [InlineData(11, 0.4, 0, true)]
    public void WordView_ShuffledNeusLeadsGiveTheSameStories(int seed, double factor, int mode, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { WordViewBigramFactor = factor, WordViewMode = mode };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(1500, 300), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Fact]
    public void WordView_ChangesTheStoriesOfManyLeads()
    {
        var leads = NeusLeads(0, 3000);
        using var on = new StoryClusterer(StoryClustererOptions.Default);
        using var off = new StoryClusterer(Off);
        Assert.NotEqual(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(on.Recluster(leads)));
    }

    [Fact]
    public void WordView_LeavesASetOfMostlyFullArticlesAlone()
    {
        // 150 ECB+ documents: fewer than half are short, so the stories are those of the rule off.
        var docs = ArrivalOrder.EcbPlusSubset();
        using var on = new StoryClusterer(StoryClustererOptions.Default);
        using var off = new StoryClusterer(Off);
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(docs)), ArrivalOrder.Ids(on.Recluster(docs)));
    }

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = Parallax.Eval.Clustering.ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }
}
