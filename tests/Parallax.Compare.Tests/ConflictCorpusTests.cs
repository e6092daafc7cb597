using Parallax.Core.Reporting;

namespace Parallax.Compare.Tests;

/// <summary>
/// The conflicts the whole pipeline finds in the bundled samples (our own fictional story, samples/README.md) and in
/// ../shared/seeds (read at run time; asserted with short keywords only).
/// </summary>
public class ConflictCorpusTests
{
    private static IEnumerable<ConflictReport> Samples => Corpora.Samples.Main.Conflicts;

    private static IEnumerable<ConflictReport> Seeds => Corpora.Seeds.Main.Conflicts;

    private static bool Mentions(IEnumerable<EvidenceSpan> side, string keyword) => side.Any(e => e.Text.Contains(keyword, StringComparison.Ordinal));

    private static bool Opposes(ConflictReport c, string a, string b) =>
        (Mentions(c.SideA, a) && Mentions(c.SideB, b)) || (Mentions(c.SideA, b) && Mentions(c.SideB, a));

    [Theory]
    [InlineData("42 cargo ships", "More than 60 vessels")]
    [InlineData("42 cargo ships", "About 35 container ships")]
    [InlineData("About 35 container ships", "More than 60 vessels")]
    [InlineData("3,800", "fewer than 2,000")]
    public void Samples_NumbersThatDisagree_AreNumberConflicts(string a, string b)
    {
        var conflict = Assert.Single(Samples, c => c.Kind == "number" && Opposes(c, a, b));
        Assert.False(string.IsNullOrWhiteSpace(conflict.Subject));
        Assert.NotNull(conflict.ValueA);
        Assert.NotNull(conflict.ValueB);
        Assert.Contains(conflict.ValueA!, conflict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_ShipsWaiting_ComeFromEveryOutletThatCountsThem()
    {
        var ships = Samples.Where(c => c.Kind == "number" && (Mentions(c.SideA, "ships") || Mentions(c.SideA, "vessels"))).ToList();
        var outlets = ships.SelectMany(c => c.SideA.Concat(c.SideB)).Select(Corpora.Samples.OutletOf).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["Coastline Business Review", "Meridian Wire", "The Harbour Ledger", "Valdoria Daily Post"], outlets);
    }

    [Fact]
    public void Samples_PayFiguresAgree_AndVagueCountsAreNotCompared()
    {
        foreach (var c in Samples)
        {
            var text = string.Join(" | ", c.SideA.Concat(c.SideB).Select(e => e.Text)) + c.Description;
            if (c.Kind == "number")
            {
                Assert.DoesNotContain("percent", c.Description, StringComparison.Ordinal);
                Assert.DoesNotContain("dozen", text, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain(Samples, c => c.Kind is "number" or "date" && Mentions(c.SideA.AddRange(c.SideB), "percent"));
    }

    [Fact]
    public void Samples_CorvaneDenial_IsOneDenialAgainstTheAccusations()
    {
        var denial = Assert.Single(Samples, c => c.Kind == "denial" && Mentions(c.SideB, "no request"));
        Assert.Contains("Corvane", denial.Subject, StringComparison.Ordinal);
        Assert.True(Mentions(denial.SideA, "accused"));
        Assert.True(Mentions(denial.SideB, "denies it"));
        Assert.True(Mentions(denial.SideB, "asked the ministry for nothing"));
        Assert.False(denial.Within);
    }

    [Fact]
    public void Samples_HaveNoTitleOrDateConflicts()
    {
        // Every outlet gives the minister and the union leader current titles; "Tuesday" is misread as past in two
        // articles by the date resolver, which must not turn into a date conflict (same weekday both sides).
        Assert.DoesNotContain(Samples, c => c.Kind is "title" or "date" or "arithmetic");
    }

    [Fact]
    public void Seeds_FormerPresident_IsATitleConflict()
    {
        var title = Assert.Single(Seeds, c => c.Kind == "title");
        Assert.Equal("former President", title.ValueA);
        Assert.Contains("Trump", title.Subject, StringComparison.Ordinal);
        Assert.True(title.SideB.Select(e => e.ArticleId).Distinct().Count() >= 2);
    }

    [Fact]
    public void Seeds_NoSuchDiscussions_IsADenialTension()
    {
        var c = Assert.Single(Seeds, c => c.Kind == "denial" && Mentions(c.SideB, "no such discussions"));
        Assert.NotEmpty(c.SideA);
        Assert.DoesNotContain(c.SideA, e => e.Text.Contains("no such discussions", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_TransitionTalksDenial_IsADenialConflict()
    {
        Assert.Single(Seeds, c => c.Kind == "denial" && Mentions(c.SideB, "fake news") && Mentions(c.SideA, "phased exit"));
    }

    [Fact]
    public void Seeds_SeventeenDays_IsAnArithmeticConflict()
    {
        var c = Assert.Single(Seeds, c => c.Kind == "arithmetic");
        Assert.Equal("17 days", c.ValueA);
        Assert.Equal("16 days", c.ValueB);
        Assert.True(Mentions(c.SideB, "November 25"));
    }

    [Fact]
    public void Seeds_UnansweredSanctuaryQuestion_IsAnOverstatement()
    {
        var c = Assert.Single(Seeds, c => c.Kind == "overstatement");
        Assert.True(Mentions(c.SideB, "did not respond"));
        Assert.True(Mentions(c.SideA, "Offers"));
    }

    [Fact]
    public void EveryConflict_HasBothSides_AUniqueId_AndADescription()
    {
        foreach (var c in Samples.Concat(Seeds))
        {
            Assert.NotEmpty(c.SideA);
            Assert.NotEmpty(c.SideB);
            Assert.False(string.IsNullOrWhiteSpace(c.Description));
            Assert.Contains(c.Kind, (string[])["number", "date", "denial", "title", "overstatement", "arithmetic"]);
            Assert.StartsWith(c.Kind, c.Rule, StringComparison.Ordinal);
        }

        Assert.Equal(Samples.Count(), Samples.Select(c => c.Id).Distinct().Count());
    }
}
