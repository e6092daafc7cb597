using System.Collections.Immutable;
using Parallax.Compare.Timeline;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Tests;

/// <summary>The story timeline: seeds (read at run time) and samples acceptance, plus small fixtures of our own.</summary>
public class TimelineTests
{
    [Theory]
    [InlineData("2025-11-21", "call")]
    [InlineData("2025-11-25", "envoy")]
    [InlineData("2025-11-28", "cutoff")]
    [InlineData("2025-12-08", "supporters")]
    [InlineData("2025-12-10", "tanker")]
    [InlineData("2025-12-11", "meeting")]
    [InlineData("2025-12-11", "sanctioned")]
    public void Seeds_TimelineHasTheDatedEvent(string date, string keyword)
    {
        var timeline = Corpora.Seeds.Main.Timeline;
        Assert.Contains(timeline, t => t.Date == date && t.Text.Contains(keyword, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Seeds_CallIsOneEntryFromSeveralOrigins()
    {
        var call = Assert.Single(Corpora.Seeds.Main.Timeline, t => t.Date == "2025-11-21");
        Assert.True(call.Sources >= 3, $"sources {call.Sources}");
        Assert.True(call.Evidence.Length >= 3);
        Assert.All(call.Evidence, e => Assert.Contains("November 21", e.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_TankerSeizureIsDerivedFromTheSanctionsDay()
    {
        var seizure = Assert.Single(Corpora.Seeds.Main.Timeline, t => t.Date == "2025-12-10");
        Assert.True(seizure.Derived);
        Assert.True(seizure.Inferred, "the article is undated: its Thursday comes from the story");
        Assert.Contains(seizure.Evidence, e => e.Text.Contains("one day after", StringComparison.Ordinal));
    }

    [Fact]
    public void Timelines_AreInCalendarOrder_AndTextIsVerbatim()
    {
        foreach (var corpus in new[] { Corpora.Seeds, Corpora.Samples })
        {
            foreach (var story in corpus.Stories)
            {
                var starts = story.Timeline.Select(t => Start(t.Date)).ToList();
                Assert.Equal(starts.Order(), starts);
                Assert.All(story.Timeline, t => Assert.Contains(t.Evidence, e => e.Text.Contains(t.Text, StringComparison.Ordinal) || t.Derived));
                Assert.All(story.Timeline, t => Assert.NotEmpty(t.Outlets));
                Assert.DoesNotContain(story.Timeline, t => t.Date.EndsWith("_REF", StringComparison.Ordinal) && story.Timeline.Any(o => o.Granularity != "vague"));
            }
        }
    }

    [Theory]
    [InlineData("2026-02", "talks")]
    [InlineData("2026-03-11", "attempt")]
    [InlineData("2026-03-12", "walked off")]
    [InlineData("2026-03-12", "Corvane")]
    [InlineData("2026-03-13", "shares fell 4.1 percent")]
    [InlineData("2026-03-13", "Port Velin")]
    [InlineData("2026-03-17", "hearing")]
    public void Samples_TimelineHasTheDatedEvent(string date, string keyword)
    {
        Assert.Contains(Corpora.Samples.Main.Timeline, t => t.Date == date && t.Text.Contains(keyword, StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_WednesdayAttemptIsCoastlineOnly_AndNoHearingOnTheTenth()
    {
        var timeline = Corpora.Samples.Main.Timeline;
        var attempt = Assert.Single(timeline, t => t.Date == "2026-03-11");
        Assert.Equal(["Coastline Business Review"], attempt.Outlets);
        Assert.DoesNotContain(timeline, t => t.Date == "2026-03-10");
        var hearing = Assert.Single(timeline, t => t.Date == "2026-03-17");
        Assert.Equal(4, hearing.Outlets.Length);
        Assert.DoesNotContain(timeline, t => t.Evidence.Any(e => e.Text.Contains("(Meridian Wire)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Samples_UndatedBeaconIsAnchoredThroughTheStory_AndMarked()
    {
        var analysed = Corpora.Samples;
        var beacon = analysed.Articles.Single(a => a.Metadata.Outlet == "The Patriot Beacon");
        Assert.Null(beacon.Metadata.Published);
        var fromBeacon = analysed.Main.Timeline.Where(t => t.Evidence.Any(e => e.ArticleId == beacon.Id)).ToList();
        Assert.Contains(fromBeacon, t => t.Date == "2026-03-12");
        Assert.Contains(fromBeacon, t => t.Date == "2026-02");
        Assert.Contains(fromBeacon, t => t.Inferred && t.Outlets.SequenceEqual(["The Patriot Beacon"]));
        Assert.DoesNotContain(analysed.Main.Timeline, t => t.Inferred && t.Outlets.Any(o => o != "The Patriot Beacon"));
    }

    [Fact]
    public void TimelineBuilder_MergesTheSameEventAcrossArticles_AndKeepsOthersApart()
    {
        var input = Story(
            ("a1", "Northwind Gazette", new DateOnly(2031, 5, 9), "The Orla city council voted on Friday to close the ferry terminal. The mayor will meet residents next month."),
            ("a2", "Southport Echo", new DateOnly(2031, 5, 10), "Orla's city council voted yesterday to close the old ferry terminal, a decision residents had opposed for years."),
            ("a3", "Hill Courier", null, "On Friday the council voted to close the ferry terminal."));
        var timeline = TimelineBuilder.Build(input, []);
        var vote = Assert.Single(timeline, t => t.Date == "2031-05-09");
        Assert.Equal(["Northwind Gazette", "Southport Echo", "Hill Courier"], vote.Outlets);
        Assert.Equal(3, vote.Evidence.Length);
        Assert.False(vote.Inferred);
        Assert.Contains(timeline, t => t.Date == "2031-06" && t.Granularity == "month" && t.Text.Contains("mayor", StringComparison.Ordinal));
    }

    [Fact]
    public void TimelineBuilder_IgnoresDatelines_AndFallsBackToVagueValuesOnlyWhenNothingElse()
    {
        var dated = Story(("b1", "Northwind Gazette", new DateOnly(2031, 5, 9), "ORLA, Norland, May 9 (Northwind Gazette) - The ferry terminal closed on Thursday after a council vote."));
        var entry = Assert.Single(TimelineBuilder.Build(dated, []));
        Assert.Equal("2031-05-08", entry.Date);
        var vague = Story(("b2", "Northwind Gazette", new DateOnly(2031, 5, 9), "The ferry terminal closed recently after a council vote."));
        Assert.All(TimelineBuilder.Build(vague, []), t => Assert.Equal("vague", t.Granularity));
    }

    [Theory]
    [InlineData("2025-12-11", "2025-12-11", "day")]
    [InlineData("2026-03-12T06:00", "2026-03-12", "day")]
    [InlineData("2026-03-12TMO", "2026-03-12", "day")]
    [InlineData("2026-02", "2026-02", "month")]
    [InlineData("2025-W50", "2025-W50", "week")]
    [InlineData("2026-Q1", "2026-Q1", "quarter")]
    [InlineData("2013", "2013", "year")]
    public void TimelineBuilder_ParsesTimexValues(string value, string date, string granularity)
    {
        var parsed = TimelineBuilder.Parse(value);
        Assert.NotNull(parsed);
        Assert.Equal(date, parsed.Value.Date);
        Assert.Equal(granularity, parsed.Value.Granularity);
    }

    [Theory]
    [InlineData("PAST_REF")]
    [InlineData("P17D")]
    [InlineData("2026-13")]
    [InlineData("XXXX-03-12")]
    public void TimelineBuilder_RejectsValuesOffTheCalendar(string value) => Assert.Null(TimelineBuilder.Parse(value));

    private static DateOnly Start(string date) => TimelineBuilder.Parse(date)?.Start ?? DateOnly.MaxValue;

    internal static StoryInput Story(params (string Id, string Outlet, DateOnly? Date, string Text)[] articles) =>
        Summary.InMemoryStory.Build("s-fixture", [.. articles.Select(a => new Summary.PlainArticle(a.Id, a.Outlet, null, a.Text, a.Date))], cancellationToken: TestContext.Current.CancellationToken);
}
