using Parallax.Core;
using Parallax.Language;

namespace Parallax.Compare.Tests;

/// <summary>
/// The language layer on ../shared/seeds (read at run time, never copied), through the whole pipeline: the items issue
/// "language" names for the seeds. Assertions use short keywords only.
/// </summary>
public class SeedLanguageTests
{
    private static readonly Lazy<IReadOnlyList<Doc>> _docs = new(() =>
        [.. Corpora.Seeds.Articles.Select(a => LanguagePipeline.Analyze(a))]);

    private static IReadOnlyList<Doc> Docs => _docs.Value;

    /// <summary>The Reuters copy: the one seed whose own date is known (2025-12-11) and that credits Reuters.</summary>
    private static Doc ReutersCopy => Docs.Single(d => d.Article.Metadata.Published?.Date == new DateOnly(2025, 12, 11));

    [Fact]
    public void ReutersCopy_ResolvesThursdayAndNovember21()
    {
        var timexes = ReutersCopy.Timexes;
        Assert.Contains(timexes, t => t.Text.Contains("Thursday", StringComparison.Ordinal) && t.Value == "2025-12-11");
        Assert.Contains(timexes, t => t.Text.Contains("November 21", StringComparison.Ordinal) && t.Value == "2025-11-21");
    }

    [Fact]
    public void Seeds_AttributeReportedInformationToReutersAndBelta()
    {
        var attributions = Docs.SelectMany(d => d.Attributions).ToList();
        Assert.Contains(attributions, a => a.Origin.Contains("Reuters", StringComparison.Ordinal));
        Assert.Contains(attributions, a => a.Origin.Contains("Belta", StringComparison.Ordinal) && a.Kind == "reported");
    }

    [Fact]
    public void Seeds_FindTheBountyAndTheDeathToll()
    {
        var quantities = Docs.SelectMany(d => d.Quantities).ToList();
        Assert.Contains(quantities, q => q.Value == 50_000_000m && q.Unit == "USD");
        Assert.Contains(quantities, q => q.Value == 80m && q.Counted == "deaths");
    }

    [Fact]
    public void UndatedSeeds_LeaveWeekdaysOpen_NeverResolvedAgainstTheClock()
    {
        string[] weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        var relative = Docs.Where(d => d.Article.Metadata.Published is null)
            .SelectMany(d => d.Timexes)
            .Where(t => weekdays.Any(w => t.Text.Contains(w, StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(relative);
        Assert.All(relative, t =>
        {
            Assert.True(t.AnchorOpen, $"'{t.Text}' was resolved to {t.Value} without a document date");
            Assert.StartsWith("ANCHOR:", t.Value, StringComparison.Ordinal);
        });
    }
}
