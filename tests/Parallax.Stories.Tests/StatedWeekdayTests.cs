using Parallax.Core;

namespace Parallax.Stories.Tests;

/// <summary>
/// The weekdays a headline or lead names (<see cref="ArticleFeatures.StatedWeekdays"/>) and the consolidation factor for
/// two short texts naming different days (<see cref="StoryClustererOptions.WeekdayConflictFactor"/>). Fictional leads.
/// </summary>
public sealed class StatedWeekdayTests
{
    private static Article Lead(string id, string title, string text) => Fixtures.Make(id, text, title, null, "Fictional Wire");

    private static readonly StoryClustererOptions Off = StoryClustererOptions.Default with { WeekdayConflictFactor = 1.0, WeekdayAdjacentFactor = 1.0 };

    [Theory]
    [InlineData("Harbour council approves ferry fares on Tuesday", "The vote came after a long debate.", 0b0000010)]
    [InlineData("Harbour council approves ferry fares", "The council voted on MONDAY and will meet again on sunday.", 0b1000001)]
    [InlineData("Harbour council approves ferry fares", "Saturday's meeting and Thursday's vote were both public.", 0b0101000)]
    [InlineData("Harbour council approves ferry fares", "No day is named here; Sundays and Mondays do not count as days.", 0)]
    public void Extractor_RecordsTheWeekdaysOfHeadlineAndLead(string title, string text, int expected)
    {
        using var extractor = new StoryFeatureExtractor(StoryClustererOptions.Default);
        Assert.Equal(expected, extractor.Extract(Lead("x", title, text)).StatedWeekdays);
    }

    [Fact]
    public void Extractor_IgnoresWeekdaysBeyondTheLead()
    {
        using var extractor = new StoryFeatureExtractor(StoryClustererOptions.Default with { WeekdayLeadChars = 40 });
        var text = "The harbour council approved the new ferry fares after a long debate. The fares apply from Friday.";
        Assert.Equal(0, extractor.Extract(Lead("x", "Ferry fares approved", text)).StatedWeekdays);
    }

    [Theory]
    [InlineData("Monday", "Thursday", 0.3)]
    [InlineData("Monday", "Tuesday", 0.8)]
    [InlineData("Sunday", "Monday", 0.8)]
    [InlineData("Friday", "Friday", 1.0)]
    public void Similarity_OfShortLeadsNamingDaysFarApart_IsDiscounted(string dayA, string dayB, double expectedRatio)
    {
        Article[] articles =
        [
            Lead("a", "Velland harbour council raises ferry fares", $"The Velland harbour council on {dayA} raised ferry fares for the island routes by a tenth, citing fuel costs."),
            Lead("b", "Ferry fares rise in Velland harbour", $"Ferry fares on the island routes will rise by a tenth, the Velland harbour council said on {dayB}, blaming fuel costs."),
            Lead("c", "Velland lighthouse reopens to visitors", "The old lighthouse on the Velland cliffs reopened to visitors after repairs to its stairs."),
        ];
        using var with = new StoryClusterer();
        using var without = new StoryClusterer(Off);
        with.Recluster(articles);
        without.Recluster(articles);
        var plain = without.Similarity("a", "b")!.Value;
        Assert.True(plain > 0);
        Assert.Equal(expectedRatio, with.Similarity("a", "b")!.Value / plain, 6);
    }

    [Fact]
    public void Similarity_OfLongArticlesNamingDifferentDays_IsNotDiscounted()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Passengers queued at the quay while crews loaded crates of island produce.", 40));
        Article[] articles =
        [
            Lead("a", "Velland harbour council raises ferry fares", "The Velland harbour council on Monday raised ferry fares by a tenth. " + filler),
            Lead("b", "Ferry fares rise in Velland harbour", "Ferry fares will rise by a tenth, the Velland harbour council said on Thursday. " + filler),
        ];
        using var with = new StoryClusterer();
        using var without = new StoryClusterer(Off);
        with.Recluster(articles);
        without.Recluster(articles);
        Assert.Equal(without.Similarity("a", "b")!.Value, with.Similarity("a", "b")!.Value, 9);
    }
}
