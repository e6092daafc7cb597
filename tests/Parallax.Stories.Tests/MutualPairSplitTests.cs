using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.PairNeighbourRank"/> (<see cref="MutualPairSplit"/>): after average link, a story of
/// two short texts stays together only when each is among the K strongest graph edges of the other. Checked on graphs
/// written for the test, on fictional leads, on NeuS leads read at run time (never the gold labels) and for order
/// independence.
/// </summary>
public sealed class MutualPairSplitTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { PairNeighbourRank = 0 };

    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }

    /// <summary>Five short fictional leads (about a dozen words each) and one long text (index 5), in canonical order.</summary>
    private static List<ArticleFeatures> SixTexts()
    {
        var longText = string.Join(' ', Enumerable.Repeat("The Velland harbour board met again on Thursday to discuss the toll on cargo ships and the repair of the north pier.", 12));
        Article[] articles =
        [
            Lead("a", "Velland harbour board raises cargo toll", "The Velland harbour board raised the toll on cargo ships on Thursday."),
            Lead("b", "Cargo toll rises at Velland harbour", "Ships calling at Velland will pay a higher cargo toll, the harbour board said."),
            Lead("c", "Velland pier repairs to start in spring", "Repairs to the north pier of Velland harbour will start in spring."),
            Lead("d", "Velland fishermen protest pier closure", "Fishermen gathered at the closed north pier of Velland on Friday."),
            Lead("e", "Velland harbour board elects new chair", "The harbour board of Velland elected a new chair on Monday."),
            Lead("f", "Velland harbour board meets on cargo toll", longText),
        ];
        using var extractor = new StoryFeatureExtractor(StoryClustererOptions.Default);
        return [.. articles.Select(extractor.Extract)];
    }

    private static SimilarityEdge[] Edges(string spec)
        => [.. spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':')).Select(p => new SimilarityEdge(p[0][0] - 'a', p[0][1] - 'a', double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];

    private static int[] Labels(string groups)
    {
        // "ab c de f": each word a group, its root the smallest index.
        var labels = new int[6];
        foreach (var g in groups.Split(' '))
        {
            foreach (var ch in g)
            {
                labels[ch - 'a'] = g.Min() - 'a';
            }
        }

        return labels;
    }

    private static string Groups(int[] labels)
        => string.Join(' ', Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => string.Concat(g.Select(i => (char)('a' + i)))));

    [Theory]
    // Each other's nearest: the pair stays.
    [InlineData(1, "ab c d e f", "ab:0.30 ac:0.20 bc:0.10 cd:0.15", "ab c d e f")]
    // a's nearest is c (in no pair): the pair ab is split; the lone texts stay alone.
    [InlineData(1, "ab c d e f", "ab:0.20 ac:0.30 bc:0.10 cd:0.15", "a b c d e f")]
    // b's nearest is d, itself in the pair de (which is mutual): ab is split, de stays.
    [InlineData(1, "ab c de f", "ab:0.20 bd:0.25 de:0.40", "a b c de f")]
    // K 2: b is a's second strongest, a is b's strongest: the pair stays.
    [InlineData(2, "ab c d e f", "ab:0.20 ac:0.30 bc:0.10 cd:0.15", "ab c d e f")]
    // Equal edges: ties go to the smaller index, so b (index 1) is a's nearest ahead of c.
    [InlineData(1, "ab c d e f", "ab:0.20 ac:0.20 bc:0.10", "ab c d e f")]
    // Ties the other way: d's nearest among equals is c (index 2), not e, so the pair de is split.
    [InlineData(1, "ab c de f", "ab:0.30 cd:0.20 de:0.20", "ab c d e f")]
    // Groups of three are not judged, even when a member's nearest is outside.
    [InlineData(1, "abc d e f", "ab:0.20 bc:0.20 ad:0.50", "abc d e f")]
    // A pair holding the long text f is not judged.
    [InlineData(1, "a b c d ef", "ef:0.10 ae:0.40", "a b c d ef")]
    // Off: nothing changes.
    [InlineData(0, "ab c d e f", "ab:0.20 ac:0.30", "ab c d e f")]
    public void MutualPairSplit_SplitsPairsThatAreNotEachOthersNearest(int k, string groups, string edges, string expected)
    {
        var texts = SixTexts();
        Assert.All(texts.Take(5), t => Assert.True(t.Words <= StoryClustererOptions.Default.ShortCohesionMaxWords));
        Assert.True(texts[5].Words > StoryClustererOptions.Default.ShortCohesionMaxWords);
        var result = MutualPairSplit.Apply(Labels(groups), Edges(edges), texts, StoryClustererOptions.Default with { PairNeighbourRank = k });
        Assert.Equal(expected, Groups(result));
    }

    [Theory]
    [InlineData(3, 1, false)]
    [InlineData(9, 2, true)]
    public void MutualPairSplit_ShuffledNeusLeadsGiveTheSameStories(int seed, int k, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { PairNeighbourRank = k };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(900, 300), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Theory]
    [InlineData(4)]
    public void MutualPairSplit_ShuffledFictionalLeadsGiveTheSameStories(int seed)
        => ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeighbourRankJoinTests.TwoTopicsWithStrays, seed, StoryClustererOptions.Default, consolidateAlong: true);

    [Theory]
    [InlineData(6)]
    public void MutualPairSplit_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        // Every article counted short, so the full ECB+ articles' pairs are judged too.
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, StoryClustererOptions.Default with { ShortCohesionMaxWords = 100_000 });
    }

    [Fact]
    public void MutualPairSplit_OnlySplitsPairsOfManyLeads()
    {
        // On 3,000 NeuS leads the rule splits some pairs into two lone leads and changes nothing else: every story with
        // the rule is a story without it, or a lone lead whose story without it was a pair.
        var leads = NeusLeads(0, 3000);
        using var off = new StoryClusterer(Off);
        using var on = new StoryClusterer(StoryClustererOptions.Default);
        var without = off.Recluster(leads).Select(s => string.Join(',', s.ArticleIds)).ToHashSet();
        var storyOff = off.Stories.SelectMany(s => s.ArticleIds.Select(id => (id, s.ArticleIds.Length))).ToDictionary(p => p.id, p => p.Length);
        var with = on.Recluster(leads);
        var split = 0;
        foreach (var s in with)
        {
            var members = string.Join(',', s.ArticleIds);
            if (!without.Contains(members))
            {
                Assert.Single(s.ArticleIds);
                Assert.Equal(2, storyOff[s.ArticleIds[0]]);
                split++;
            }
        }

        Assert.True(split >= 20, $"{split} lone leads from split pairs");
        Assert.Equal(with.Length, without.Count + (split / 2));
    }

    [Fact]
    public void MutualPairSplit_DoesNotApplyToLongerArticles()
    {
        // Every lead counted as long: the same stories with the rule as without; and 150 ECB+ documents as without it.
        var leads = NeusLeads(0, 921);
        using var on = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionMaxWords = 0 });
        using var off = new StoryClusterer(Off with { ShortCohesionMaxWords = 0 });
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(on.Recluster(leads)));

        using var ecbOn = new StoryClusterer(StoryClustererOptions.Default);
        using var ecbOff = new StoryClusterer(Off);
        Assert.Equal(ArrivalOrder.Ids(ecbOff.Recluster(ArrivalOrder.EcbPlusSubset())), ArrivalOrder.Ids(ecbOn.Recluster(ArrivalOrder.EcbPlusSubset())));
    }
}
