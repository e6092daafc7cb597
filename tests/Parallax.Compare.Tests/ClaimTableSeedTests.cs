using Parallax.Core.Reporting;

namespace Parallax.Compare.Tests;

/// <summary>
/// The claim table on the real seed articles (read from ../shared/seeds at run time; only short keywords appear here)
/// and on our own Port Velin samples.
/// </summary>
public class ClaimTableSeedTests
{
    private static StoryReport Seeds => Corpora.Seeds.Main;

    private static StoryReport Samples => Corpora.Samples.Main;

    private static IEnumerable<FactReport> StatingAll(StoryReport story, params string[] keywords) =>
        story.Facts.Where(f => f.States.Any(s => keywords.All(k => s.Text.Contains(k, StringComparison.OrdinalIgnoreCase))));

    [Fact]
    public void Seeds_November21Call_IsOneFactStatedByFourOutlets()
    {
        var facts = StatingAll(Seeds, "November 21").ToList();
        var fact = Assert.Single(facts);
        Assert.Equal(4, fact.States.Select(s => s.ArticleId).Distinct().Count());
        Assert.Equal(4, fact.StatedBy.Length);
        Assert.All(fact.States, s => Assert.Contains("November 21", s.Text, StringComparison.Ordinal));
        Assert.False(fact.SingleSource);
        Assert.True(fact.Origins >= 2);
        Assert.Single(fact.Omits);
    }

    [Theory]
    [InlineData("50 million")]
    [InlineData("Treasury sanctioned")]
    [InlineData("Coale")]
    [InlineData("Salazar")]
    public void Seeds_SingleOutletDetails_AreSingleSourceFacts(string keyword)
    {
        var facts = StatingAll(Seeds, keyword).ToList();
        Assert.NotEmpty(facts);
        Assert.Contains(facts, f => f.SingleSource && f.Origins == 1 && f.StatedBy.Length == 1 && f.States.All(s => s.Text.Contains(keyword, StringComparison.Ordinal)));
    }

    [Fact]
    public void Seeds_NamedDetails_AreListed()
    {
        Assert.Contains(Seeds.Facts, f => f.SingleSource && f.Details.Any(d => d.Contains("Coale", StringComparison.Ordinal)));
        Assert.Contains(Seeds.Facts, f => f.SingleSource && f.Details.Any(d => d.Contains("Salazar", StringComparison.Ordinal)));
    }

    [Fact]
    public void Seeds_FactsAreOrderedBySupport_AndNumbered()
    {
        var facts = Seeds.Facts;
        Assert.True(facts.Length > 10);
        Assert.Equal(Enumerable.Range(1, facts.Length).Select(i => "F" + i), facts.Select(f => f.Id));
        for (var i = 1; i < facts.Length; i++)
        {
            Assert.True(facts[i - 1].Origins >= facts[i].Origins, $"{facts[i - 1].Id} before {facts[i].Id}");
        }

        Assert.True(facts[0].StatedBy.Length >= 3);
    }

    [Fact]
    public void EveryFact_TextIsVerbatimFromOneOfItsStates_AndStatesPlusOmitsCoverTheStory()
    {
        foreach (var story in new[] { Seeds, Samples })
        {
            foreach (var f in story.Facts)
            {
                Assert.NotNull(f.Wording);
                Assert.Contains(f.Wording, f.States);
                Assert.Equal(f.Wording!.Text, f.Text);
                var stating = f.States.Select(s => s.ArticleId).Distinct().ToHashSet();
                Assert.Empty(stating.Intersect(f.Omits));
                Assert.Equal(story.ArticleIds.Order(StringComparer.Ordinal), stating.Concat(f.Omits).Order(StringComparer.Ordinal));
                Assert.Equal(f.Origins == 1, f.SingleSource);
                Assert.InRange(f.Origins, 1, stating.Count);
                Assert.True(f.DetailOf is null || story.Facts.Any(p => p.Id == f.DetailOf && !p.SingleSource));
            }
        }
    }

    [Fact]
    public void Seeds_BoilerplateIsNotAClaim()
    {
        Assert.DoesNotContain(Seeds.Facts, f => f.Text.Contains("recommendation to buy", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Seeds.Facts, f => f.Text.Contains("subscribe", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Samples_PayOffer_IsStatedBySeveralOutlets()
    {
        var fact = Assert.Single(StatingAll(Samples, "3 percent"), f => f.States.Length > 1);
        Assert.True(fact.StatedBy.Length >= 3);
        Assert.True(fact.Origins >= 2);
        Assert.False(fact.SingleSource);
    }

    [Fact]
    public void Samples_LedgerReprintOfTheWire_CountsOnce()
    {
        var wire = Corpora.Samples.Articles.First(a => a.Metadata.Outlet == "Meridian Wire").Id;
        var ledger = Corpora.Samples.Articles.First(a => a.Metadata.Outlet == "The Harbour Ledger").Id;
        var reprinted = Samples.Facts.Where(f =>
        {
            var ids = f.States.Select(s => s.ArticleId).Distinct().ToList();
            return ids.Count == 2 && ids.Contains(wire) && ids.Contains(ledger);
        }).ToList();
        Assert.NotEmpty(reprinted);
        Assert.All(reprinted, f =>
        {
            Assert.Equal(2, f.StatedBy.Length);
            Assert.Equal(1, f.Origins);
            Assert.True(f.SingleSource);
        });
        Assert.Contains(reprinted, f => f.Text.Contains("3,800", StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_BeaconHeadline_IsMarkedAsHeadline()
    {
        Assert.Contains(Samples.Facts, f => f.Headline && f.Text.Contains("Ransom", StringComparison.Ordinal));
    }
}
