using System.Net;
using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Reporting;
using Parallax.Storage;

namespace Parallax.Web.Tests;

/// <summary>
/// After a write the new articles are served at once, placed online (a provisional snapshot), and the background
/// consolidation then replaces it with stories equal to clustering the store from scratch.
/// </summary>
public sealed class PlaceFirstTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "px-place-" + Guid.NewGuid().ToString("N")[..12]);

    public PlaceFirstTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The snapshot's stories are those of clustering and analysing the whole store from scratch, in the same order.</summary>
    private static void AssertStoriesOfFullAnalysis(IArticleStore store, StorySnapshot snapshot, CancellationToken ct) =>
        Assert.Equal(ParallaxServer.DefaultAnalysis(store.LoadArticles(), ct).Select(r => r.Id), snapshot.Stories.Select(s => s.Id));

    /// <summary>A cache whose snapshots stay provisional until the test consolidates them (a long quiet period, no warm-up).</summary>
    private static AnalysisCache ProvisionalCache(IArticleStore store) =>
        new(store, TimeProvider.System, TimeSpan.Zero, new AnalysisCacheLimits
        {
            WarmStories = 0, ReadWait = Timeout.InfiniteTimeSpan, ConsolidationQuiet = TimeSpan.FromHours(1), ConsolidationMaxDelay = TimeSpan.FromHours(1),
        });

    private static Dictionary<string, string> ReportsOf(StorySnapshot snapshot) =>
        snapshot.Stories.ToDictionary(s => s.Id, s => JsonSerializer.Serialize(snapshot.Report(s), JsonReportWriter.Options), StringComparer.Ordinal);

    [Fact]
    public async Task Write_IsServedPlacedOnlineThenConsolidatedEqualToFullAnalysis()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = AnalysisCacheTests.SamplesStore(_dir, "p.db", out var db);
        // A long quiet period keeps the snapshot provisional until the test consolidates it itself.
        using var cache = ProvisionalCache(store);
        var before = await cache.CurrentAsync(ct);
        Assert.True(before.Consolidated);
        var main = before.Stories[0];

        var joining = AnalysisCacheTests.Store(db, AnalysisCacheTests.StrikeFollowUp, "Velin Evening Courier", "2026-03-14");
        var alone = AnalysisCacheTests.Store(db, AnalysisCacheTests.FerryNote, "Tessby Notes", "2026-05-02");
        cache.Invalidate();
        var provisional = await cache.CurrentAsync(ct);
        Assert.False(provisional.Consolidated);
        Assert.True(cache.Consolidating);
        Assert.NotEqual(before.Version, provisional.Version);
        Assert.Equal(8, provisional.Articles.Length);

        // The follow-up joined the strike story (one member more, members in date order, the id named by the smallest
        // member id as Story.Id says); the ferry note opened a story of its own, with the id and title the consolidation
        // gives it.
        var grown = provisional.StoryById[provisional.StoryOfArticle[joining]];
        Assert.Equal("s-" + Hashing.Sha256Hex(grown.ArticleIds.Min(StringComparer.Ordinal)!)[..12], grown.Id);
        Assert.Equal(main.ArticleIds.Length + 1, grown.ArticleIds.Length);
        Assert.Equal(main.ArticleIds.Append(joining).Order(StringComparer.Ordinal), grown.ArticleIds.Order(StringComparer.Ordinal));
        var keys = provisional.MembersOf(grown).Select(a => (a.Metadata.Published?.Date ?? DateOnly.MaxValue, a.Id)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Id, StringComparer.Ordinal), keys);
        var ferry = provisional.StoryById[provisional.StoryOfArticle[alone]];
        Assert.Equal([alone], ferry.ArticleIds);
        Assert.StartsWith("Tessby ferry timetable", ferry.Title, StringComparison.Ordinal);
        Assert.Equal(before.Stories.Length + 1, provisional.Stories.Length);
        // Provisional stories are analysed on demand like any other.
        Assert.Contains(joining, provisional.Report(grown).ArticleIds);

        // The consolidation: the stories and every report equal the full analysis of the same store.
        var consolidated = await cache.RefreshAsync(ct);
        Assert.True(consolidated.Consolidated);
        Assert.False(cache.Consolidating);
        Assert.Same(consolidated, await cache.CurrentAsync(ct));
        var full = ParallaxServer.DefaultAnalysis(store.LoadArticles(), ct);
        Assert.Equal(full.Select(r => r.Id), consolidated.Stories.Select(s => s.Id));
        Assert.Equal(full.ToDictionary(r => r.Id, r => JsonSerializer.Serialize(r, JsonReportWriter.Options), StringComparer.Ordinal), ReportsOf(consolidated));
        // Here online placement already agreed with the consolidation.
        Assert.Equal(provisional.Stories.Select(s => (s.Id, string.Join(' ', s.ArticleIds))).Order(), consolidated.Stories.Select(s => (s.Id, string.Join(' ', s.ArticleIds))).Order());
    }

    /// <summary>A fictional follow-up on the ferry note: same subject, many of its words.</summary>
    private const string FerryFollowUp =
        "Tessby ferry adds crossings for the summer season timetable\n\n" +
        "The Tessby island ferry timetable for the summer season adds four extra crossings a day from June, the island council confirmed, " +
        "after the winter complaints about crowded morning boats. The first boat leaves the harbour at 6:15 and the last boat returns at 23:40 on weekends.";

    [Fact]
    public async Task TwoProvisionalRounds_PlaceIntoTheStoryTheFirstOpened()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = AnalysisCacheTests.SamplesStore(_dir, "s.db", out var db);
        using var cache = ProvisionalCache(store);
        var before = await cache.CurrentAsync(ct);
        var first = AnalysisCacheTests.Store(db, AnalysisCacheTests.FerryNote, "Tessby Notes", "2026-05-02");
        cache.Invalidate();
        var one = await cache.CurrentAsync(ct);
        Assert.False(one.Consolidated);
        var opened = one.StoryOfArticle[first];

        var second = AnalysisCacheTests.Store(db, FerryFollowUp, "Island Courier", "2026-05-03");
        cache.Invalidate();
        var two = await cache.CurrentAsync(ct);
        Assert.False(two.Consolidated);
        Assert.Equal(8, two.Articles.Length);
        // The follow-up joined the story the first round opened (known to the online index as "o-<first>").
        var story = two.StoryById[two.StoryOfArticle[second]];
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), story.ArticleIds.Order(StringComparer.Ordinal));
        Assert.Equal("s-" + Hashing.Sha256Hex(story.ArticleIds.Min(StringComparer.Ordinal)!)[..12], story.Id);
        Assert.Equal(before.Stories.Length + 1, two.Stories.Length);
        // No story was left behind under the first round's id unless it is the same story.
        Assert.True(opened == story.Id || !two.StoryById.ContainsKey(opened));

        var consolidated = await cache.RefreshAsync(ct);
        AssertStoriesOfFullAnalysis(store, consolidated, ct);
    }

    [Fact]
    public async Task Consolidation_RunsInTheBackgroundOnceWritesPause()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = AnalysisCacheTests.SamplesStore(_dir, "q.db", out var db);
        using var cache = new AnalysisCache(store, TimeProvider.System, TimeSpan.Zero, new AnalysisCacheLimits
        {
            WarmStories = 0, ReadWait = Timeout.InfiniteTimeSpan, ConsolidationQuiet = TimeSpan.FromMilliseconds(50),
        });
        _ = await cache.CurrentAsync(ct);
        AnalysisCacheTests.Store(db, AnalysisCacheTests.FerryNote, "Tessby Notes", "2026-05-02");
        cache.Invalidate();
        var provisional = await cache.CurrentAsync(ct);
        Assert.Equal(7, provisional.Articles.Length);
        var consolidated = await cache.ConsolidatedAsync(ct).WaitAsync(TimeSpan.FromMinutes(2), ct);
        Assert.True(consolidated.Consolidated);
        Assert.Equal(provisional.Version, consolidated.Version);
        AssertStoriesOfFullAnalysis(store, consolidated, ct);
    }

    [Fact]
    public async Task WithoutPlaceFirst_EveryRefreshConsolidates()
    {
        var ct = TestContext.Current.CancellationToken;
        using var store = AnalysisCacheTests.SamplesStore(_dir, "r.db", out var db);
        using var cache = new AnalysisCache(store, TimeProvider.System, TimeSpan.Zero, new AnalysisCacheLimits { WarmStories = 0, ReadWait = Timeout.InfiniteTimeSpan, PlaceFirst = false });
        _ = await cache.CurrentAsync(ct);
        AnalysisCacheTests.Store(db, AnalysisCacheTests.FerryNote, "Tessby Notes", "2026-05-02");
        cache.Invalidate();
        var after = await cache.CurrentAsync(ct);
        Assert.True(after.Consolidated);
        Assert.Equal(7, after.Articles.Length);
    }
}

/// <summary>The samples, written to through the API (place first is the server's default).</summary>
public sealed class PlaceFirstServer : ServerFixture;

/// <summary>Through the API: a posted article is listed at once, and /api/status says when the stories are consolidated.</summary>
public sealed class PlaceFirstApiTests(PlaceFirstServer fixture) : IClassFixture<PlaceFirstServer>
{
    private Task<JsonElement> GetJson(string path) => fixture.GetJsonAsync(path);

    [Fact]
    public async Task PostedArticle_IsListedThenConsolidatedEqualToFullAnalysis()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True((await GetJson("/api/status")).GetProperty("consolidated").GetBoolean());
        using (var request = fixture.Authorized(HttpMethod.Post, "/api/articles?name=ferry", new StringContent("outlet: Tessby Notes\ndate: 2026-05-02\n\n" + AnalysisCacheTests.FerryNote, Encoding.UTF8, "text/plain")))
        using (var response = await fixture.Client.SendAsync(request, ct))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // The reader after the write sees the new article (provisional or already consolidated).
        var list = await GetJson("/api/stories");
        Assert.Equal(7, list.GetProperty("articleCount").GetInt32());
        Assert.Contains(list.GetProperty("stories").EnumerateArray(), s => s.GetProperty("title").GetString()!.StartsWith("Tessby ferry", StringComparison.Ordinal));

        // Consolidated in the background once writes pause (1 s in the fixture): then the stories equal the full analysis.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!(await GetJson("/api/status")).GetProperty("consolidated").GetBoolean())
        {
            Assert.True(DateTime.UtcNow < deadline, "not consolidated within 2 minutes");
            await Task.Delay(100, ct);
        }

        var full = ParallaxServer.DefaultAnalysis(fixture.Server.Cache.Store.LoadArticles(), ct);
        var stories = (await GetJson("/api/stories?limit=5000")).GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(full.Select(r => r.Id).Order(StringComparer.Ordinal), stories);
        var ferryId = full.Single(r => r.Title.StartsWith("Tessby ferry", StringComparison.Ordinal)).Id;
        var detail = await GetJson("/api/stories/" + ferryId);
        Assert.Equal(full.Single(r => r.Id == ferryId).ArticleIds, detail.GetProperty("articleIds").EnumerateArray().Select(a => a.GetString()!));
    }

    [Fact]
    public async Task StoryDetail_IsCompactJson()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = (await GetJson("/api/stories?sort=coverage")).GetProperty("stories")[0].GetProperty("id").GetString()!;
        var body = await fixture.Client.GetStringAsync("/api/stories/" + id, ct);
        // One line, no indentation (line breaks inside strings are escaped): the report contract without the whitespace.
        Assert.DoesNotContain('\n', body);
        Assert.StartsWith("{\"", body, StringComparison.Ordinal);
        var report = JsonSerializer.Deserialize<Core.Reporting.StoryReport>(body, JsonReportWriter.Options)!;
        Assert.Equal(JsonSerializer.Serialize(fixture.Server.Cache.Latest.Report(id), JsonReportWriter.Options), JsonSerializer.Serialize(report, JsonReportWriter.Options));
    }

    [Fact]
    public async Task RuntimeStatus_RecordsCollectionPauses()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await GetJson("/api/status/runtime?record=1");
        Assert.True(first.GetProperty("pauses").GetProperty("recording").GetBoolean());
        Assert.True(first.GetProperty("heapBytes").GetInt64() > 0);
        Assert.True(first.GetProperty("cpuSeconds").GetDouble() > 0);
        // The server runs in this process: a collection here is a pause of the server. Events arrive asynchronously.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement now;
        do
        {
            GC.Collect();
            await Task.Delay(200, ct);
            now = await GetJson("/api/status/runtime");
        }
        while (now.GetProperty("pauses").GetProperty("count").GetInt32() == 0 && DateTime.UtcNow < deadline);
        var pauses = now.GetProperty("pauses");
        Assert.True(pauses.GetProperty("count").GetInt32() > 0, "no pause recorded");
        Assert.True(pauses.GetProperty("maxMs").GetDouble() > 0);
        Assert.Equal(pauses.GetProperty("count").GetInt32(), pauses.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
        Assert.True(now.GetProperty("gen2").GetInt32() > first.GetProperty("gen2").GetInt32());
    }
}
