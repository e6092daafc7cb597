using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="StoryClustererOptions.NeighbourRankJoin"/> (<see cref="NeighbourRankJoin"/>): a lone short text in a crowded
/// region completes a lone text or a small group only through one of its near neighbours. Checked on fictional leads
/// written for this test, on NeuS leads read at run time (never the gold labels) and for order independence.
/// </summary>
public sealed class NeighbourRankJoinTests
{
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { NeighbourRankJoin = 0 };

    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    /// <summary>
    /// Two tight events (t: the Marrowdale library closure vote, u: the Kessly ferry fare rise) and two stray leads of
    /// other events of the same topics (l: library volunteers' petition, m: ferry crew's petition) whose only common word
    /// is "petition": each stray's nearest leads are its own topic's triple, not the other stray.
    /// </summary>
    internal static readonly Article[] TwoTopicsWithStrays =
    [
        Lead("t1", "Marrowdale council votes to close Harbour Street library", "The Marrowdale town council voted on Tuesday to close the Harbour Street library at the end of the year, citing repair costs."),
        Lead("t2", "Marrowdale council votes to shut Harbour Street library", "Marrowdale's town council voted Tuesday to shut the Harbour Street library at the end of the year over repair costs."),
        Lead("t3", "Council in Marrowdale votes to close Harbour Street library over costs", "The town council of Marrowdale voted on Tuesday to close the Harbour Street library at year's end because of repair costs."),
        Lead("u1", "Kessly ferry operator raises fares by a third", "The operator of the Kessly ferry crossing said on Monday it would raise fares by a third from March, blaming fuel prices."),
        Lead("u2", "Kessly ferry fares to rise by a third, operator says", "Fares on the Kessly ferry crossing will rise by a third from March, the operator said on Monday, blaming fuel prices."),
        Lead("u3", "Operator raises Kessly ferry fares by a third over fuel prices", "The Kessly ferry operator on Monday raised fares on the crossing by a third from March, citing fuel prices."),
        Lead("l", "Library volunteers take petition to Marrowdale council", "Volunteers from the Harbour Street library brought their signatures to the town hall in Marrowdale."),
        Lead("m", "Kessly ferry crew hand operator a petition", "Deckhands of the Kessly crossing delivered a letter about fuel prices and staffing."),
    ];

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }

    private static string Members(IEnumerable<Story> stories, string id)
        => string.Join(',', stories.Single(s => s.ArticleIds.Contains(id)).ArticleIds.Order(StringComparer.Ordinal));

    [Fact]
    public void NeighbourRankJoin_KeepsTwoStraysFromPairingThroughOneSharedWord()
    {
        // The distributional similarity (on by default) keeps the strays apart on its own (DistributionalSimilarityTests): off here.
        using var off = new StoryClusterer(Off with { DistributionalWeight = 0 });
        var without = off.Recluster(TwoTopicsWithStrays);
        Assert.Equal(Members(without, "l"), Members(without, "m"));

        using var on = new StoryClusterer(StoryClustererOptions.Default);
        var with = on.Recluster(TwoTopicsWithStrays);
        Assert.Equal("t1,t2,t3", Members(with, "t1"));
        Assert.Equal("u1,u2,u3", Members(with, "u1"));
        Assert.Equal("l", Members(with, "l"));
        Assert.Equal("m", Members(with, "m"));
    }

    [Theory]
    [InlineData(1, 2, 4, 0.7)]
    [InlineData(2, 1, 3, 0.0)]
    [InlineData(3, 3, 2, 1.0)]
    public void NeighbourRankJoin_ShuffledFictionalLeadsGiveTheSameStories(int seed, int k, int maxGroup, double crowded)
    {
        var options = StoryClustererOptions.Default with { NeighbourRankJoin = k, NeighbourRankMaxGroup = maxGroup, NeighbourRankCrowded = crowded };
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(TwoTopicsWithStrays, seed, options, consolidateAlong: seed == 2);
    }

    [Theory]
    [InlineData(5, 2, 4, 0.7, false)]
    [InlineData(14, 2, 3, 0.0, true)]
    [InlineData(27, 1, 4, 1.0, false)]
    public void NeighbourRankJoin_ShuffledNeusLeadsGiveTheSameStories(int seed, int k, int maxGroup, double crowded, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { NeighbourRankJoin = k, NeighbourRankMaxGroup = maxGroup, NeighbourRankCrowded = crowded };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(900, 300), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Theory]
    [InlineData(6)]
    public void NeighbourRankJoin_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        // Every article counted short and every lone text judged, so the full ECB+ articles' joins are ranked too.
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed, StoryClustererOptions.Default with { ShortCohesionMaxWords = 100_000, NeighbourRankCrowded = 0 });
    }

    [Fact]
    public void NeighbourRankJoin_ChangesTheStoriesOfManyLeadsOnlyByRefusingJoins()
    {
        // The rule only refuses joins (a lone lead into a lone lead, a pair or a triple): on 3,000 NeuS leads it leaves
        // more stories and more lone leads than with it off.
        var leads = NeusLeads(0, 3000);
        var (aloneOff, storiesOff) = ArrivalOrder.LoneArticles(leads, Off);
        var (aloneOn, storiesOn) = ArrivalOrder.LoneArticles(leads, StoryClustererOptions.Default);
        Assert.True(storiesOn > storiesOff, $"{storiesOn} stories with the rule, {storiesOff} without");
        Assert.True(aloneOn.Count > aloneOff.Count, $"{aloneOn.Count} lone leads with the rule, {aloneOff.Count} without");
    }

    [Fact]
    public void NeighbourRankJoin_DoesNotApplyToLongerArticles()
    {
        // Every lead counted as long: the same stories with the rule as without.
        var leads = NeusLeads(0, 921);
        using var on = new StoryClusterer(StoryClustererOptions.Default with { ShortCohesionMaxWords = 0 });
        using var off = new StoryClusterer(Off with { ShortCohesionMaxWords = 0 });
        Assert.Equal(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(on.Recluster(leads)));
    }
}
