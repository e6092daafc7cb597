using System.Text.Json;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Reporting;
using Parallax.Storage;

namespace Parallax.Web.Tests;

/// <summary>A clock the test moves by hand (timers still run on real time).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

public sealed class AnalysisCacheTests : IDisposable
{
    /// <summary>A fictional follow-up on the samples' Port Velin strike: it joins that story.</summary>
    internal const string StrikeFollowUp =
        "Port Velin strike enters third day as Corvane and union trade blame\n\n" +
        "The dockworkers' strike at Port Velin entered a third day on Saturday, with container ships still anchored outside Valdoria's main port " +
        "and the union and Corvane Lines blaming each other for the collapse of talks.\n\n" +
        "Union leader Ilse Varga said the dockworkers would stay out until the transport ministry withdrew its case at the Velin labour court. " +
        "\"Nobody at Port Velin wants this strike, but we will not be threatened back to the cranes,\" Varga told reporters at the harbour gates.\n\n" +
        "Corvane chief executive Mattias Rehn repeated that the company had not lobbied Transport Minister Oskar Tamm. The labour court will hear " +
        "the ministry's case on Tuesday. The Velin Chamber of Commerce says the stoppage costs about 40 million valdors a day in delayed exports.";

    /// <summary>A fictional article on an unrelated subject: it opens a story of its own.</summary>
    internal const string FerryNote =
        "Tessby ferry timetable changes for the summer season\n\n" +
        "The Tessby island ferry will run four extra crossings a day from June, the island council said, after a winter of complaints about " +
        "crowded morning boats. The first boat will leave the harbour at 6:15, and the last one will return at 23:40 on weekends.";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "px-cache-" + Guid.NewGuid().ToString("N")[..12]);

    public AnalysisCacheTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A new SQLite store <paramref name="file"/> in <paramref name="dir"/> holding the samples; <paramref name="db"/> is its path.</summary>
    internal static IArticleStore SamplesStore(string dir, string file, out string db)
    {
        db = Path.Combine(dir, file);
        ServerFixture.IngestSamples(db);
        return SqliteArticleStore.Open(db).Store!;
    }

    /// <summary>Stores a fictional text article (first line = title) as another process would.</summary>
    internal static string Store(string db, string text, string outlet, string published)
    {
        using var store = SqliteArticleStore.Open(db).Store!;
        var source = new SourceDocument
        {
            Id = Hashing.Sha256Hex(text), Origin = outlet + ".txt", Kind = SourceKind.Text, Bytes = System.Text.Encoding.UTF8.GetBytes(text), RawText = text,
            Encoding = "utf-8", Reader = "text", Hints = SourceHints.None,
        };
        var article = new Article
        {
            Id = Hashing.ShortId(source.Id), SourceId = source.Id, Origin = source.Origin,
            Metadata = new ArticleMetadata
            {
                Outlet = outlet, Title = text[..text.IndexOf('\n', StringComparison.Ordinal)],
                Published = new PublicationDate { Date = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), Source = "test" },
            },
            RawText = text, Text = text, Map = OffsetMap.Identity(text.Length),
        };
        store.Save([(source, [article])]);
        return article.Id;
    }

    private static AnalysisCache NewCache(IArticleStore store, TimeProvider? clock = null, int warm = 0) =>
        new(store, clock ?? TimeProvider.System, TimeSpan.Zero, new AnalysisCacheLimits { WarmStories = warm, ReadWait = Timeout.InfiniteTimeSpan });

    /// <summary>Every story's report JSON, by story id, from the cache (analysing what is not cached).</summary>
    private static Dictionary<string, string> ReportsOf(StorySnapshot snapshot) =>
        snapshot.Stories.ToDictionary(s => s.Id, s => JsonSerializer.Serialize(snapshot.Report(s), JsonReportWriter.Options), StringComparer.Ordinal);

    /// <summary>Every story's report JSON from the full re-analysis of the whole store.</summary>
    private static (List<string> Order, Dictionary<string, string> Reports) FullReanalysis(IArticleStore store)
    {
        var full = ParallaxServer.DefaultAnalysis(store.LoadArticles(), TestContext.Current.CancellationToken);
        return ([.. full.Select(r => r.Id)], full.ToDictionary(r => r.Id, r => JsonSerializer.Serialize(r, JsonReportWriter.Options), StringComparer.Ordinal));
    }

    [Fact]
    public async Task CurrentAsync_RefreshesOnlyWhenTheStoreChanged()
    {
        using var store = SamplesStore(_dir, "a.db", out var db);
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        // Every refresh consolidates here (no provisional snapshot, no background consolidation): counted one by one.
        using var cache = new AnalysisCache(store, clock, TimeSpan.FromSeconds(5), new AnalysisCacheLimits { WarmStories = 0, ReadWait = Timeout.InfiniteTimeSpan, PlaceFirst = false });
        var first = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(6, first.Articles.Length);
        Assert.Equal(1, cache.Recomputations);

        clock.Advance(TimeSpan.FromSeconds(10));
        var same = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Same(first, same);
        // That read started a background check (10 s > the 5 s interval): let it finish before the store changes, so the
        // write below is not seen by it.
        await cache.BackgroundCheck;
        Assert.Same(first, cache.Latest);
        Assert.Equal(1, cache.Recomputations);

        // Another process writes: seen after the recheck interval (not before), by a check in the background that
        // readers do not wait for.
        Store(db, FerryNote, "Tessby Notes", "2026-05-02");
        await cache.BackgroundCheck;
        Assert.Same(first, await cache.CurrentAsync(TestContext.Current.CancellationToken));
        await cache.BackgroundCheck;
        Assert.Same(first, cache.Latest);
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Same(first, await cache.CurrentAsync(TestContext.Current.CancellationToken));
        await cache.BackgroundCheck;
        var changed = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(7, changed.Articles.Length);
        Assert.NotEqual(first.Version, changed.Version);
        Assert.Equal(2, cache.Recomputations);

        cache.Invalidate();
        Assert.Same(changed, await cache.CurrentAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, cache.Recomputations);
        // Nothing was asked for and nothing is warmed (WarmStories = 0): no story was analysed.
        Assert.Equal(0, cache.StoryAnalyses);
    }

    [Fact]
    public async Task Snapshot_IsDeterministicAcrossCaches()
    {
        using var store = SamplesStore(_dir, "b.db", out var db);
        using var one = NewCache(store);
        using var two = NewCache(store);
        var a = await one.CurrentAsync(TestContext.Current.CancellationToken);
        var b = await two.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(a.Version, b.Version);
        Assert.NotEmpty(a.Stories);
        Assert.Equal(ReportsOf(a), ReportsOf(b));
    }

    [Fact]
    public async Task Incremental_EqualsFullReanalysisOfTheSameStore()
    {
        using var store = SamplesStore(_dir, "c.db", out var db);
        using var cache = NewCache(store);
        var before = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        var (order0, full0) = FullReanalysis(store);
        Assert.Equal(order0, before.Stories.Select(s => s.Id));
        Assert.Equal(full0, ReportsOf(before));

        // Two writes: one joins the strike story, one opens a story of its own.
        Store(db, StrikeFollowUp, "Velin Evening Courier", "2026-03-14");
        Store(db, FerryNote, "Tessby Notes", "2026-05-02");
        cache.Invalidate();
        // The read after the writes may be served a provisional snapshot (new articles placed online); once the
        // background consolidation and re-analysis are done, the latest snapshot is the consolidated one.
        _ = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        await cache.WarmedAsync(TestContext.Current.CancellationToken);
        var after = cache.Latest;
        Assert.True(after.Consolidated);
        var (order1, full1) = FullReanalysis(store);
        Assert.Equal(order1, after.Stories.Select(s => s.Id));
        Assert.Equal(full1, ReportsOf(after));
        Assert.Equal(8, after.Articles.Length);
    }

    [Fact]
    public async Task NewArticleJoiningAStory_ReanalysesOnlyThatStory()
    {
        using var store = SamplesStore(_dir, "d.db", out var db);
        using var cache = NewCache(store);
        var before = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        var main = before.Stories[0];
        Assert.True(main.ArticleIds.Length >= 5);
        _ = ReportsOf(before);
        Assert.Equal(before.Stories.Length, cache.StoryAnalyses);
        Assert.Equal(6, cache.DocsAnalysed);

        var id = Store(db, StrikeFollowUp, "Velin Evening Courier", "2026-03-14");
        cache.Invalidate();
        // The read after the writes may be served a provisional snapshot (new articles placed online); once the
        // background consolidation and re-analysis are done, the latest snapshot is the consolidated one.
        _ = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        await cache.WarmedAsync(TestContext.Current.CancellationToken);
        var after = cache.Latest;
        Assert.True(after.Consolidated);
        var joined = after.StoryById[after.StoryOfArticle[id]];
        Assert.Equal(main.ArticleIds.Length + 1, joined.ArticleIds.Length);
        Assert.Equal(before.Stories.Length, after.Stories.Length);

        // The changed story was re-analysed in the background (it had been analysed before) and only it; of its
        // members only the new article went through the language layer.
        Assert.Equal(before.Stories.Length + 1, cache.StoryAnalyses);
        Assert.Equal(joined.Id, cache.RecentAnalyses[^1]);
        Assert.Equal(7, cache.DocsAnalysed);
        Assert.Contains(id, after.Report(joined).ArticleIds);

        // Every other story is served from the cache.
        _ = ReportsOf(after);
        Assert.Equal(before.Stories.Length + 1, cache.StoryAnalyses);
    }

    [Fact]
    public async Task CurrentAsync_AfterAWriteWaitsAtMostReadWait()
    {
        using var store = SamplesStore(_dir, "f.db", out var db);
        using var cache = new AnalysisCache(store, TimeProvider.System, TimeSpan.FromHours(1), new AnalysisCacheLimits { WarmStories = 0, ReadWait = TimeSpan.Zero });
        var first = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Store(db, FerryNote, "Tessby Notes", "2026-05-02");
        cache.Invalidate();
        // No wait allowed: the previous snapshot now (unless the refresh already finished), the new one once it is done.
        var now = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.True(ReferenceEquals(now, first) || now.Articles.Length == 7);
        var refreshed = await cache.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(7, refreshed.Articles.Length);
        Assert.Same(refreshed, await cache.CurrentAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DocCache_IsBoundedAndReanalysisStillEqualsFull()
    {
        using var store = SamplesStore(_dir, "e.db", out var db);
        using var cache = new AnalysisCache(store, TimeProvider.System, TimeSpan.Zero, new AnalysisCacheLimits { WarmStories = 0, Docs = 2, ReportArticles = 3, ReadWait = Timeout.InfiniteTimeSpan });
        var snapshot = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        var first = ReportsOf(snapshot);
        Assert.True(cache.Cached.Docs <= 2);
        Assert.True(cache.Cached.Reports <= 3);
        // Evicted reports and docs are recomputed, identically.
        Assert.Equal(first, ReportsOf(snapshot));
        Assert.Equal(FullReanalysis(store).Reports, first);
    }
}
