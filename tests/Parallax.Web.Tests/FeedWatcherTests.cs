using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parallax.Storage;
using Parallax.Web.Watching;

namespace Parallax.Web.Tests;

/// <summary>
/// A feed server on 127.0.0.1 (port 0) serving our own fictional feeds: one that changes between polls and answers
/// 304 to a matching If-None-Match, one keyed on Last-Modified, a malformed one, a slow one, a huge one, a redirect
/// loop, one that is down (503), and the project's sample RSS feed.
/// </summary>
public sealed class FeedServer : IAsyncLifetime
{
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Version of /changing.xml: 1 serves one item, 2 serves two.</summary>
    public int ChangingVersion { get; set; } = 1;

    public int ChangingRequests;
    public int ConditionalHits;

    public static string Item(int n) => $"""
        <item><title>Orrin ferry bulletin {n}</title><link>https://orrin.example/bulletin/{n}</link><guid>orrin-{n}</guid>
        <pubDate>Mon, 0{n} May 2031 08:00:00 GMT</pubDate>
        <content:encoded><![CDATA[<p>Bulletin {n} from the Orrin Lake Lines ferry office. The morning crossing from Tessby left at {6 + n} o'clock with {100 + n} passengers aboard.</p><p>The harbour master said the lake was calm and the afternoon timetable would run as planned on day {n}.</p>]]></content:encoded></item>
        """;

    public static string Rss(int items) => "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Orrin Lake Lines</title><link>https://orrin.example/</link>"
        + string.Concat(Enumerable.Range(1, items).Select(Item)) + "</channel></rss>";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/changing.xml", (HttpContext context) =>
        {
            Interlocked.Increment(ref ChangingRequests);
            var etag = $"\"v{ChangingVersion}\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref ConditionalHits);
                return Results.StatusCode(304);
            }

            context.Response.Headers.ETag = etag;
            return Results.Text(Rss(ChangingVersion), "application/rss+xml");
        });
        var modified = new DateTimeOffset(2031, 5, 1, 12, 0, 0, TimeSpan.Zero);
        _app.MapGet("/lastmod.xml", (HttpContext context) =>
        {
            if (context.Request.Headers.IfModifiedSince.ToString() is { Length: > 0 } since && DateTimeOffset.TryParse(since, out var d) && d >= modified)
            {
                return Results.StatusCode(304);
            }

            context.Response.Headers.LastModified = modified.ToString("R");
            return Results.Text(Rss(1).Replace("bulletin", "notice", StringComparison.Ordinal), "application/rss+xml");
        });
        _app.MapGet("/malformed.xml", () => Results.Text("<?xml version=\"1.0\"?><rss><channel><title>Broken</title><item><title>unclosed", "application/rss+xml"));
        _app.MapGet("/slow.xml", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return Results.Text(Rss(1), "application/rss+xml");
        });
        _app.MapGet("/huge.xml", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
            await context.Response.Body.WriteAsync("<rss><channel><title>"u8.ToArray());
            for (var i = 0; i < 64 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        _app.MapGet("/loop-a", () => Results.Redirect("/loop-b"));
        _app.MapGet("/loop-b", () => Results.Redirect("/loop-a"));
        _app.MapGet("/down.xml", () => Results.StatusCode(503));
        _app.MapGet("/sample.xml", () => Results.File(Path.Combine(Testing.RepoPaths.Samples, "port-velin", "harbour-ledger.xml"), "application/rss+xml"));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class FeedWatcherTests(FeedServer feeds) : IClassFixture<FeedServer>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "px-watch-" + Guid.NewGuid().ToString("N")[..12]);
    private SqliteArticleStore? _store;

    public void Dispose()
    {
        _store?.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private ArticleIngestor Ingestor(ManualClock clock)
    {
        Directory.CreateDirectory(_dir);
        _store = SqliteArticleStore.Open(Path.Combine(_dir, "w.db")).Store!;
        return new ArticleIngestor(_store, clock, allowPrivate: false);
    }

    private static readonly FeedWatcherOptions Fast = new()
    {
        Interval = TimeSpan.FromMinutes(1),
        MaxBackoff = TimeSpan.FromMinutes(16),
        Timeout = TimeSpan.FromSeconds(1.5),
        MaxBytes = 512 * 1024,
        FetchPages = false,
    };

    [Fact]
    public async Task ChangingFeed_IngestsNewItemsAndUsesETagFor304()
    {
        var clock = new ManualClock(new DateTimeOffset(2031, 5, 1, 0, 0, 0, TimeSpan.Zero));
        using var ingestor = Ingestor(clock);
        var url = feeds.BaseUrl + "/changing.xml";
        using var watcher = new FeedWatcher([new FeedSpec(url)], ingestor, clock, Fast);
        feeds.ChangingVersion = 1;

        var first = Assert.Single(await watcher.PollDueAsync(TestContext.Current.CancellationToken));
        Assert.Null(first.Problem);
        Assert.Equal(1, first.Ingested!.Inserted);
        var health = Assert.Single(watcher.Health());
        Assert.Equal("ok", health.State);
        Assert.Equal("\"v1\"", health.ETag);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), health.NextPoll);

        // Not due yet: nothing polled.
        Assert.Empty(await watcher.PollDueAsync(TestContext.Current.CancellationToken));

        clock.Advance(TimeSpan.FromMinutes(1));
        var unchanged = Assert.Single(await watcher.PollDueAsync(TestContext.Current.CancellationToken));
        Assert.True(unchanged.NotModified);
        Assert.Equal(304, unchanged.Status);
        Assert.Equal(1, feeds.ConditionalHits);

        feeds.ChangingVersion = 2;
        clock.Advance(TimeSpan.FromMinutes(1));
        var changed = Assert.Single(await watcher.PollDueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, changed.Ingested!.Inserted);
        Assert.Equal(1, changed.Ingested.Duplicates);
        health = Assert.Single(watcher.Health());
        Assert.Equal(2, health.ArticlesStored);
        Assert.Equal(3, health.Polls);
        Assert.Equal(1, health.NotModified);
        Assert.Equal(2, _store!.ListArticles().Length);
        Assert.All(_store.ListArticles(), a => Assert.Equal("Orrin Lake Lines", a.Outlet));
    }

    [Fact]
    public async Task LastModifiedFeed_SendsIfModifiedSince()
    {
        var clock = new ManualClock(new DateTimeOffset(2031, 5, 1, 0, 0, 0, TimeSpan.Zero));
        using var ingestor = Ingestor(clock);
        using var watcher = new FeedWatcher([new FeedSpec(feeds.BaseUrl + "/lastmod.xml", TimeSpan.FromSeconds(30))], ingestor, clock, Fast);
        Assert.Equal(1, Assert.Single(await watcher.PollDueAsync(TestContext.Current.CancellationToken)).Ingested!.Inserted);
        Assert.NotNull(watcher.Health()[0].LastModified);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(Assert.Single(await watcher.PollDueAsync(TestContext.Current.CancellationToken)).NotModified);
    }

    [Fact]
    public async Task BadFeeds_AreReportedAndBackedOffWhileGoodOnesGoOn()
    {
        var clock = new ManualClock(new DateTimeOffset(2031, 5, 1, 0, 0, 0, TimeSpan.Zero));
        using var ingestor = Ingestor(clock);
        string[] names = ["/malformed.xml", "/slow.xml", "/huge.xml", "/loop-a", "/down.xml", "/sample.xml"];
        var closedPort = "http://127.0.0.1:9/feed.xml";
        using var watcher = new FeedWatcher([.. names.Select(n => new FeedSpec(feeds.BaseUrl + n)), new FeedSpec(closedPort)], ingestor, clock, Fast);

        var polls = await watcher.PollDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(7, polls.Length);
        string? Code(string name) => polls.Single(p => p.Url.EndsWith(name, StringComparison.Ordinal)).Problem?.Code;
        Assert.Equal("PX0813", Code("/malformed.xml"));
        Assert.Equal("PX0811", Code("/slow.xml"));
        Assert.Equal("PX0812", Code("/huge.xml"));
        Assert.Equal("PX0814", Code("/loop-a"));
        Assert.Equal("PX0815", Code("/down.xml"));
        Assert.Equal("PX0810", Code(":9/feed.xml"));
        Assert.Null(Code("/sample.xml"));
        Assert.Equal(1, polls.Single(p => p.Url.EndsWith("/sample.xml", StringComparison.Ordinal)).Ingested!.Inserted);

        var health = watcher.Health();
        Assert.All(health.Where(h => !h.Url.EndsWith("/sample.xml", StringComparison.Ordinal)), h =>
        {
            Assert.Equal("failing", h.State);
            Assert.Equal(1, h.ConsecutiveFailures);
            Assert.StartsWith("PX08", h.LastError, StringComparison.Ordinal);
            Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(2), h.NextPoll);
        });

        // After one interval only the healthy feed is due; failing ones back off exponentially: 2, 4, 8, 16 (cap) minutes.
        clock.Advance(TimeSpan.FromMinutes(1));
        var next = await watcher.PollDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(feeds.BaseUrl + "/sample.xml", Assert.Single(next).Url);

        clock.Advance(TimeSpan.FromMinutes(1));
        var down = watcher.Health().Single(h => h.Url.EndsWith("/down.xml", StringComparison.Ordinal));
        await watcher.PollNowAsync(down.Url, TestContext.Current.CancellationToken);
        down = watcher.Health().Single(h => h.Url.EndsWith("/down.xml", StringComparison.Ordinal));
        Assert.Equal(2, down.ConsecutiveFailures);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(4), down.NextPoll);
        for (var i = 0; i < 3; i++)
        {
            await watcher.PollNowAsync(down.Url, TestContext.Current.CancellationToken);
        }

        down = watcher.Health().Single(h => h.Url.EndsWith("/down.xml", StringComparison.Ordinal));
        Assert.Equal(5, down.ConsecutiveFailures);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(16), down.NextPoll);
    }

    [Fact]
    public void FeedList_ReadsOpmlAndUrlLists()
    {
        Directory.CreateDirectory(_dir);
        var opml = Path.Combine(_dir, "feeds.opml");
        File.WriteAllText(opml, """
            <?xml version="1.0"?><opml version="2.0"><body>
            <outline text="Orrin" xmlUrl="http://127.0.0.1:1/orrin.xml" interval="90"/>
            <outline text="Bad" xmlUrl="file:///etc/passwd"/>
            <outline text="Group"><outline text="Tessby" xmlUrl="https://tessby.example/feed"/></outline>
            </body></opml>
            """);
        var list = Path.Combine(_dir, "feeds.txt");
        File.WriteAllText(list, "# feeds\nhttps://a.example/rss 600\nnot-a-url\nhttps://tessby.example/feed\n");
        var (specs, problems) = FeedList.Expand([opml, list, "https://b.example/atom", Path.Combine(_dir, "missing.opml")]);
        Assert.Equal(["http://127.0.0.1:1/orrin.xml", "https://tessby.example/feed", "https://a.example/rss", "https://b.example/atom"], specs.Select(s => s.Url));
        Assert.Equal(TimeSpan.FromSeconds(90), specs[0].Interval);
        Assert.Equal(TimeSpan.FromSeconds(600), specs[2].Interval);
        Assert.Equal(3, problems.Length);
        Assert.All(problems, p => Assert.Equal("PX0816", p.Code));
    }

    [Fact]
    public async Task ServeWatch_ShowsFeedHealthAtApiFeeds()
    {
        Directory.CreateDirectory(_dir);
        var options = new WebOptions
        {
            Urls = ["http://127.0.0.1:0"], DbPath = Path.Combine(_dir, "s.db"), Announce = TextWriter.Null,
            WatchFeeds = [feeds.BaseUrl + "/sample.xml", feeds.BaseUrl + "/down.xml"], WatchInterval = TimeSpan.FromMinutes(5),
        };
        await using var server = ParallaxServer.TryCreate(options, out _, watcherOptions: Fast)!;
        await server.StartAsync(TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(server.Addresses[0]) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        System.Text.Json.JsonElement health;
        do
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            health = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/feeds", TestContext.Current.CancellationToken)).RootElement;
        }
        while (health.EnumerateArray().Any(h => h.GetProperty("state").GetString() == "pending") && DateTime.UtcNow < deadline);

        var states = health.EnumerateArray().ToDictionary(h => h.GetProperty("url").GetString()!, h => h.GetProperty("state").GetString());
        Assert.Equal("ok", states[feeds.BaseUrl + "/sample.xml"]);
        Assert.Equal("failing", states[feeds.BaseUrl + "/down.xml"]);

        // The new article is clustered into a story within seconds.
        var stories = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/stories", TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(1, stories.GetProperty("articleCount").GetInt32());
        Assert.Equal(1, stories.GetProperty("stories").GetArrayLength());
        var page = await client.GetStringAsync("/feeds", TestContext.Current.CancellationToken);
        Assert.Contains("PX0815", page, StringComparison.Ordinal);
    }
}
