using System.Collections.Immutable;
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
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "px-cache-" + Guid.NewGuid().ToString("N")[..12]);

    public AnalysisCacheTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task CurrentAsync_RecomputesOnlyWhenTheStoreChanged()
    {
        var db = Path.Combine(_dir, "a.db");
        ServerFixture.IngestSamples(db);
        using var store = SqliteArticleStore.Open(db).Store!;
        var calls = 0;
        ImmutableArray<StoryReport> Count(IReadOnlyList<Article> articles, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            return [new StoryReport { Id = "s-all", Title = "all", ArticleIds = [.. articles.Select(a => a.Id)] }];
        }

        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var cache = new AnalysisCache(store, Count, clock, TimeSpan.FromSeconds(5));
        var first = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(6, first.Articles.Length);
        Assert.Equal(1, calls);

        clock.Advance(TimeSpan.FromSeconds(10));
        var same = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Same(first, same);
        Assert.Equal(1, calls);

        // Another process writes: seen after the recheck interval (not before).
        using (var other = SqliteArticleStore.Open(db).Store!)
        {
            var text = "A short fictional note about the Tessby ferry timetable changing for the summer season.";
            var source = new SourceDocument
            {
                Id = Hashing.Sha256Hex(text), Origin = "note.txt", Kind = SourceKind.Text, Bytes = System.Text.Encoding.UTF8.GetBytes(text), RawText = text,
                Encoding = "utf-8", Reader = "text", Hints = SourceHints.None,
            };
            var article = new Article
            {
                Id = Hashing.ShortId(source.Id), SourceId = source.Id, Origin = "note.txt", Metadata = new ArticleMetadata { Outlet = "Tessby Notes" },
                RawText = text, Text = text, Map = OffsetMap.Identity(text.Length),
            };
            other.Save([(source, [article])]);
        }

        Assert.Same(first, await cache.CurrentAsync(TestContext.Current.CancellationToken));
        clock.Advance(TimeSpan.FromSeconds(6));
        var changed = await cache.CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(7, changed.Articles.Length);
        Assert.NotEqual(first.Version, changed.Version);
        Assert.Equal(2, calls);

        cache.Invalidate();
        Assert.Same(changed, await cache.CurrentAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Snapshot_IsDeterministicAcrossCaches()
    {
        var db = Path.Combine(_dir, "b.db");
        ServerFixture.IngestSamples(db);
        using var store = SqliteArticleStore.Open(db).Store!;
        var a = await new AnalysisCache(store, ParallaxServer.DefaultAnalysis, TimeProvider.System, TimeSpan.Zero).CurrentAsync(TestContext.Current.CancellationToken);
        var b = await new AnalysisCache(store, ParallaxServer.DefaultAnalysis, TimeProvider.System, TimeSpan.Zero).CurrentAsync(TestContext.Current.CancellationToken);
        Assert.Equal(a.Version, b.Version);
        Assert.Equal(JsonSerializer.Serialize(a.Stories, JsonReportWriter.Options), JsonSerializer.Serialize(b.Stories, JsonReportWriter.Options));
        Assert.NotEmpty(a.Stories);
    }
}
