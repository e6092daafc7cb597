using System.Collections.Immutable;
using Parallax.Compare.Conflicts;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Tests;

/// <summary>
/// The conflict rules on small stories written for these tests (a fictional rail dispute in the invented town of
/// Tollbridge), one article per outlet, each built with the real language pipeline.
/// </summary>
public class ConflictDetectorTests
{
    private static readonly DateOnly Thursday = new(2026, 3, 12);

    private static ImmutableArray<ConflictReport> Detect(params (string Id, string Outlet, DateOnly? Date, string Text)[] members) =>
        ConflictDetector.Detect(ConflictInputs.Story(members), []);

    [Fact]
    public void Numbers_DifferentCountsOfTheSameThing_Conflict()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Rail workers in Tollbridge walked out on Thursday, leaving 31 trains stranded in the depot at dawn."),
            ("b", "Marsh Gazette", Thursday, "More than 50 trains were stranded in the Tollbridge depot on Thursday, the rail operator said."));
        var c = Assert.Single(conflicts);
        Assert.Equal("number", c.Kind);
        Assert.Equal(["a", "b"], c.SideA.Concat(c.SideB).Select(e => e.ArticleId).Order(StringComparer.Ordinal));
        Assert.Contains("31 trains", c.Description, StringComparison.Ordinal);
        Assert.Contains("More than 50 trains", c.Description, StringComparison.Ordinal);
        Assert.False(c.Within);
    }

    [Theory]
    [InlineData("About 33 trains were stranded in the Tollbridge depot on Thursday.")] // 29.7 to 36.3 holds 31
    [InlineData("Between 30 and 40 trains were stranded in the Tollbridge depot on Thursday.")]
    [InlineData("Fewer than 40 trains were stranded in the Tollbridge depot on Thursday.")]
    [InlineData("31 trains were stranded in the Tollbridge depot on Thursday.")]
    public void Numbers_CompatibleRanges_DoNotConflict(string other)
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Rail workers in Tollbridge walked out on Thursday, leaving 31 trains stranded in the depot at dawn."),
            ("b", "Marsh Gazette", Thursday, other));
        Assert.DoesNotContain(conflicts, c => c.Kind == "number");
    }

    [Fact]
    public void Numbers_DifferentThingsAndPercentages_DoNotConflict()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "The operator offered a 4 percent rise. Rail workers in Tollbridge left 31 trains stranded in the depot."),
            ("b", "Marsh Gazette", Thursday, "The union wants 11 percent. About 200 buses were brought in to replace the trains, the council said."));
        Assert.Empty(conflicts);
    }

    [Fact]
    public void Numbers_SameThingInUnrelatedClauses_DoNotConflict()
    {
        // Both count trains, but one is stranded in a depot and the other ordered from a factory: nothing shared.
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Rail workers in Tollbridge walked out on Thursday, leaving 31 trains stranded in the depot."),
            ("b", "Marsh Gazette", Thursday, "Last year the operator ordered 12 trains from a factory abroad."));
        Assert.DoesNotContain(conflicts, c => c.Kind == "number");
    }

    [Theory]
    [InlineData("The council will lend 250 buses to Tollbridge and 150 to Marsh, the transport office said.", "The council will lend 400 buses to the two towns, the transport office said.")] // a part of a list
    [InlineData("The council said 4,000 passengers were stranded in Tollbridge.", "More than 4,000 passengers were stranded in Tollbridge, the council said.")] // a round figure
    [InlineData("Two of the five drivers were stranded in Tollbridge.", "Two drivers were stranded in Tollbridge.")] // the total of a partitive
    [InlineData("The replacement buses reached Tollbridge three hours later than planned.", "The replacement buses reached Tollbridge five hours later than planned.")] // units are not things
    [InlineData("The strike left 600 commuters stranded, compared with 900 a year earlier.", "The strike left 900 commuters stranded in Tollbridge.")] // a change over time
    public void Numbers_LookAlikesThatAreNotDisagreements_DoNotConflict(string a, string b)
    {
        var conflicts = Detect(("a", "Tollbridge Courier", Thursday, a), ("b", "Marsh Gazette", Thursday, b));
        Assert.DoesNotContain(conflicts, c => c.Kind == "number");
    }

    [Fact]
    public void Numbers_AnArticleCountingOneNounWithSeveralFigures_IsNotCompared()
    {
        // "trains" is counted with 31 and 12 in one article: a unit there, not one thing.
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "The strike left 31 trains stranded in the depot. The operator owns 12 trains built abroad."),
            ("b", "Marsh Gazette", Thursday, "More than 50 trains were stranded in the depot on Thursday."));
        Assert.DoesNotContain(conflicts, c => c.Kind == "number");
    }

    [Fact]
    public void Numbers_ContrastInOneSentence_ConflictWithinTheArticle()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "The union says 900 drivers joined the walkout, but the operator said fewer than 300 had stayed home."));
        var c = Assert.Single(conflicts);
        Assert.Equal("number", c.Kind);
        Assert.True(c.Within);
        Assert.Contains("900 drivers", c.SideA[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("but", c.SideB[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_StatedIntervalAgainstTheArticlesOwnDates_Conflicts()
    {
        const string text = "Mayor Anna Frey received transport minister Piet Olsen in Tollbridge on February 26. "
            + "On Thursday, Anna Frey held a second meeting in 12 days with Piet Olsen at the town hall.";
        var c = Assert.Single(Detect(("a", "Tollbridge Courier", Thursday, text)), c => c.Kind == "arithmetic");
        Assert.Equal("12 days", c.ValueA);
        Assert.Equal("14 days", c.ValueB);
        Assert.True(c.Within);
        Assert.Contains("February 26", c.SideB[0].Text, StringComparison.Ordinal);
        Assert.Contains("2026-02-26", c.Description, StringComparison.Ordinal);
        Assert.Contains("2026-03-12", c.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a second meeting in 14 days")]
    [InlineData("a second meeting in two weeks")]
    [InlineData("a second meeting in about 13 days")]
    public void Arithmetic_IntervalsThatFit_DoNotConflict(string phrase)
    {
        var text = "Mayor Anna Frey received transport minister Piet Olsen in Tollbridge on February 26. "
            + $"On Thursday, Anna Frey held {phrase} with Piet Olsen at the town hall.";
        Assert.DoesNotContain(Detect(("a", "Tollbridge Courier", Thursday, text)), c => c.Kind == "arithmetic");
    }

    [Fact]
    public void Arithmetic_WithoutAnEarlierDatedMeeting_IsSilent()
    {
        const string text = "On Thursday, Mayor Anna Frey held a second meeting in 12 days with transport minister Piet Olsen.";
        Assert.DoesNotContain(Detect(("a", "Tollbridge Courier", Thursday, text)), c => c.Kind == "arithmetic");
    }

    [Fact]
    public void Title_PastFormAgainstAMajorityOfCurrentForms_Conflicts()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Mayor Anna Frey said the strike would hurt shops in Tollbridge."),
            ("b", "Marsh Gazette", Thursday, "Mayor Anna Frey asked both sides to return to talks in Tollbridge."),
            ("c", "Fenland Voice", Thursday, "Former Mayor Anna Frey blamed the union for the chaos in Tollbridge."));
        var c = Assert.Single(conflicts, c => c.Kind == "title");
        Assert.Equal("c", Assert.Single(c.SideA).ArticleId);
        Assert.Equal(2, c.SideB.Length);
        Assert.Equal("Mayor", c.ValueB);
        Assert.Contains("Anna Frey", c.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_PastFormWithoutAMajority_IsSilent()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Mayor Anna Frey said the strike would hurt shops in Tollbridge."),
            ("c", "Fenland Voice", Thursday, "Former Mayor Anna Frey blamed the union for the chaos in Tollbridge."));
        Assert.DoesNotContain(conflicts, c => c.Kind == "title");
    }

    [Fact]
    public void Denial_AccusationAndItsDenial_Conflict()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "The union accused Harlow Freight of paying drivers to break the strike. Harlow Freight denied the accusation. \"We have paid nobody anything,\" Harlow Freight said."),
            ("b", "Marsh Gazette", Thursday, "Union leaders allege that Harlow Freight hired replacement drivers. The company denies it."));
        var c = Assert.Single(conflicts, c => c.Kind == "denial");
        Assert.Equal(2, c.SideA.Length);
        Assert.Contains(c.SideB, e => e.Text.Contains("denies it", StringComparison.Ordinal));
        Assert.Contains(c.SideB, e => e.Text.Contains("paid nobody", StringComparison.Ordinal));
        Assert.Contains("Harlow", c.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Denial_PassiveAccusation_NamesTheAccusedBeforeTheCue()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Harlow Freight is accused of paying drivers to break the strike. Harlow Freight denied the allegation on Thursday."));
        var c = Assert.Single(conflicts, c => c.Kind == "denial");
        Assert.True(c.Within);
        Assert.Equal("Harlow Freight", c.Subject);
    }

    [Fact]
    public void Denial_WithoutAnAccusationOfThatParty_IsSilent()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "The union accused the council of ignoring the depot. Harlow Freight denied the report."));
        Assert.DoesNotContain(conflicts, c => c.Kind == "denial");
    }

    [Fact]
    public void Overstatement_StatedAsDoneWhatTheOtherSideDidNotConfirm_Conflicts()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "The Courier asked whether Harlow Freight would buy the depot, but the Harlow Freight press office did not respond."),
            ("b", "Fenland Voice", Thursday, "Harlow Freight buys the Tollbridge depot as the strike drags on."));
        var c = Assert.Single(conflicts, c => c.Kind == "overstatement");
        Assert.Equal("b", Assert.Single(c.SideA).ArticleId);
        Assert.Contains("did not respond", c.SideB[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overstatement_HedgedStatement_IsSilent()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "The Courier asked whether Harlow Freight would buy the depot, but the Harlow Freight press office did not respond."),
            ("b", "Fenland Voice", Thursday, "Harlow Freight may buy the Tollbridge depot as the strike drags on."));
        Assert.DoesNotContain(conflicts, c => c.Kind == "overstatement");
    }

    [Fact]
    public void Date_DifferentDaysForTheSameEvent_Conflict()
    {
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Anna Frey will attend the hearing on March 17 at the Tollbridge court."),
            ("b", "Marsh Gazette", Thursday, "Anna Frey said the hearing on March 19 would settle the dispute."));
        var c = Assert.Single(conflicts, c => c.Kind == "date");
        Assert.Equal("2026-03-17", c.ValueA);
        Assert.Equal("2026-03-19", c.ValueB);
    }

    [Fact]
    public void Date_SameWeekdayReadTwoWays_IsSilent()
    {
        // "Tuesday" read as last Tuesday in one article and next Tuesday in another is a resolver question, not a conflict.
        var conflicts = Detect(
            ("a", "Tollbridge Courier", Thursday, "Anna Frey said the hearing is on Tuesday at the Tollbridge court."),
            ("b", "Marsh Gazette", new DateOnly(2026, 3, 16), "Anna Frey will attend the hearing on Tuesday."));
        Assert.DoesNotContain(conflicts, c => c.Kind == "date");
    }

    [Fact]
    public void Detect_IsDeterministic()
    {
        var input = ConflictInputs.Samples;
        Assert.Equal(ConflictDetector.Detect(input, []), ConflictDetector.Detect(input, []), new ReportComparer());
    }

    [Fact]
    public void MarkContradictions_FactStatedByOneSide_IsContradictedByTheOther()
    {
        var a = new EvidenceSpan("a", 0, 10, "0123456789");
        var b = new EvidenceSpan("b", 5, 9, "five");
        var conflict = new ConflictReport("c1", "number", "d", [a], [b]);
        var stated = new FactReport("f1", "fact", [new EvidenceSpan("a", 2, 4, "23")], [], []);
        var other = new FactReport("f2", "other", [new EvidenceSpan("a", 10, 12, "ab")], [], []);
        var marked = ConflictDetector.MarkContradictions([stated, other], [conflict]);
        Assert.Equal([b], marked[0].Contradicts);
        Assert.Empty(marked[1].Contradicts);
        Assert.Empty(ConflictDetector.MarkContradictions([], [conflict]));
    }

    private sealed class ReportComparer : IEqualityComparer<ImmutableArray<ConflictReport>>
    {
        public bool Equals(ImmutableArray<ConflictReport> x, ImmutableArray<ConflictReport> y) =>
            x.Length == y.Length && x.Zip(y).All(p => p.First.Id == p.Second.Id && p.First.Description == p.Second.Description
                && p.First.SideA.SequenceEqual(p.Second.SideA) && p.First.SideB.SequenceEqual(p.Second.SideB));

        public int GetHashCode(ImmutableArray<ConflictReport> obj) => obj.Length;
    }
}
