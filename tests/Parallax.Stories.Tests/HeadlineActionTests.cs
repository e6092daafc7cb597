using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// <see cref="HeadlineAction"/>: the action classes of a headline and its lead's first sentence, and the consolidation
/// factors for two short texts whose actions differ or agree (<see cref="StoryClustererOptions.ActionConflictFactor"/>,
/// <see cref="StoryClustererOptions.ActionMatchFactor"/>). Fictional leads; NeuS leads read at run time (never their
/// gold labels) for order independence.
/// </summary>
public sealed class HeadlineActionTests
{
    private static readonly StoryClustererOptions On = StoryClustererOptions.Default with { ActionConflictFactor = 0.8, ActionMatchFactor = 1.15 };
    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { ActionConflictFactor = 1.0, ActionMatchFactor = 1.0, ActionFeatureWeight = 0 };

    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    private static string[] ClassesOf(ulong mask) => [.. HeadlineAction.Classes.Where((_, i) => ((mask >> i) & 1) != 0)];

    [Theory]
    [InlineData("Prosecutors drop the case against Velland's harbour master", "", "drop")]
    [InlineData("Velland council passes the ferry bill", "", "pass")]
    [InlineData("Senate blocks Velland ferry bill", "", "block")]
    [InlineData("Harbour master fired", "", "fire")]
    [InlineData("Harbour master loses appeal", "", "appeal,lose")]
    [InlineData("Velland ferry fares", "The council dropped the plan on Monday. It passed another one.", "drop")]
    [InlineData("Mayor slams ferry operator", "The mayor blasted the operator.", "criticize")]
    public void HeadlineAction_FindsTheClassesOfHeadlineAndFirstSentence(string title, string lead, string expected)
        => Assert.Equal(expected.Split(','), ClassesOf(HeadlineAction.From(title, lead, 200)));

    [Theory]
    [InlineData("Mayor says the ferry plan will wait", "She told reporters it would take time.")]
    [InlineData("What we know about the Velland ferry", "")]
    public void HeadlineAction_IgnoresReportingAndLightVerbs(string title, string lead)
        => Assert.Equal(0UL, HeadlineAction.From(title, lead, 200));

    [Fact]
    public void HeadlineAction_InflectsRegularVerbs()
    {
        // Over-generation ("droped") is harmless: such a word never occurs.
        Assert.Superset(new HashSet<string> { "drop", "drops", "dropped", "dropping" }, HeadlineAction.Inflections("drop").ToHashSet());
        Assert.Equal(["sue", "sues", "sued", "suing"], HeadlineAction.Inflections("sue"));
        Assert.Equal(["testify", "testifies", "testified", "testifying"], HeadlineAction.Inflections("testify"));
    }

    [Fact]
    public void Similarity_OfShortLeadsWithDifferentActions_IsDiscountedAndWithOneActionRaised()
    {
        Article[] articles =
        [
            Lead("a", "Velland council passes the harbour ferry bill", "The Velland council on Tuesday approved the harbour ferry bill after a long debate."),
            Lead("b", "Velland senate blocks the harbour ferry bill", "The Velland senate on Tuesday stalled the harbour ferry bill after a long debate."),
            Lead("c", "Harbour ferry bill clears the Velland council", "The harbour ferry bill was approved by the Velland council after a long debate on Tuesday."),
            Lead("d", "Velland lighthouse reopens to visitors", "The old lighthouse on the Velland cliffs reopened to visitors after repairs to its stairs."),
        ];
        using var with = new StoryClusterer(On with { ActionFeatureWeight = 0 });
        using var without = new StoryClusterer(Off);
        with.Recluster(articles);
        without.Recluster(articles);
        Assert.Equal(0.8, with.Similarity("a", "b")!.Value / without.Similarity("a", "b")!.Value, 6);
        Assert.Equal(1.15, with.Similarity("a", "c")!.Value / without.Similarity("a", "c")!.Value, 6);
    }

    [Fact]
    public void Similarity_OfLongArticles_IsNotChangedByActions()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Passengers queued at the quay while crews loaded crates of island produce.", 20));
        Article[] articles =
        [
            Lead("a", "Velland council passes the harbour ferry bill", "The Velland council approved the harbour ferry bill. " + filler),
            Lead("b", "Velland senate blocks the harbour ferry bill", "The Velland senate stalled the harbour ferry bill. " + filler),
        ];
        using var with = new StoryClusterer(On with { ActionFeatureWeight = 1 });
        using var without = new StoryClusterer(Off);
        with.Recluster(articles);
        without.Recluster(articles);
        Assert.Equal(without.Similarity("a", "b")!.Value, with.Similarity("a", "b")!.Value, 9);
    }

    private static List<Article> NeusLeads(int skip, int take)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "neus-dev", "docs.jsonl"));
        return [.. docs.Skip(skip).Take(take).Select(d => d.Article)];
    }

    [Theory]
    [InlineData(3, 0.8, 1.15, 0.0, false)]
    [InlineData(9, 0.7, 1.0, 1.0, true)]
    [InlineData(12, 1.0, 1.2, 0.5, false)]
    public void HeadlineAction_ShuffledNeusLeadsGiveTheSameStories(int seed, double conflict, double match, double featureWeight, bool consolidateAlong)
    {
        var options = StoryClustererOptions.Default with { ActionConflictFactor = conflict, ActionMatchFactor = match, ActionFeatureWeight = featureWeight };
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(NeusLeads(1200, 300), seed, options, consolidateAlong);
        Assert.Contains(stories, s => s.Split(',').Length >= 3);
    }

    [Fact]
    public void HeadlineAction_ChangesTheStoriesOfACrowdedSetOfLeads()
    {
        var leads = NeusLeads(0, 3000);
        using var on = new StoryClusterer(On);
        using var off = new StoryClusterer(Off);
        Assert.NotEqual(ArrivalOrder.Ids(off.Recluster(leads)), ArrivalOrder.Ids(on.Recluster(leads)));
    }
}
