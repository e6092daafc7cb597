using System.Collections.Immutable;
using System.Net.Http.Headers;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Ingest.Outlets;
using Parallax.Ingest.Readers;
using Parallax.Storage;
using Parallax.Testing;

namespace Parallax.Web.Tests;

/// <summary>
/// A real <see cref="ParallaxServer"/> on Kestrel at 127.0.0.1 (port 0) over a fresh store in a temporary folder,
/// optionally pre-filled with the repository's samples (samples/port-velin). Disposed after the class's tests.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parallax-web-" + Guid.NewGuid().ToString("N")[..12]);

    public ParallaxServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The API token generated on first run (the fixture's store is always new).</summary>
    public string Token { get; private set; } = "";

    public string DbPath => Path.Combine(_dir, "test.db");

    /// <summary>GET <paramref name="path"/>: asserts 200 with a JSON body and returns the parsed document's root.</summary>
    public async Task<System.Text.Json.JsonElement> GetJsonAsync(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Client.GetAsync(path, ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }

    protected virtual bool WithSamples => true;

    protected virtual Func<StoryReport, IReadOnlyList<Article>, StoryReport>? Adjust => null;

    protected virtual WebOptions Configure(WebOptions options) => options;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        if (WithSamples)
        {
            IngestSamples(DbPath);
        }

        var announce = new StringWriter();
        var options = Configure(new WebOptions { Urls = ["http://127.0.0.1:0"], DbPath = DbPath, Announce = announce, StoreRecheck = TimeSpan.FromMilliseconds(200),
            // The shared test machine can be slow: tests read their own writes however long the refresh takes.
            // Writes are consolidated 1 s after they pause (10 s by default), so the tests that wait for it are quick.
            AnalysisLimits = new AnalysisCacheLimits { ReadWait = Timeout.InfiniteTimeSpan, ConsolidationQuiet = TimeSpan.FromSeconds(1) } });
        Server = ParallaxServer.TryCreate(options, out var problem, adjust: Adjust) ?? throw new InvalidOperationException(problem?.ToString());
        Token = Server.Tokens.NewToken ?? throw new InvalidOperationException("a new store must get a new token");
        Assert.Contains(Token, announce.ToString(), StringComparison.Ordinal);
        await Server.StartAsync();
        // Analyse once up front (clustering, then the background warm-up of the stories), so no test's first request
        // (or browser navigation) waits for the whole pipeline.
        await Server.Cache.CurrentAsync();
        await Server.Cache.WarmedAsync();
        BaseAddress = new Uri(Server.Addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public HttpRequestMessage Authorized(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    /// <summary>Reads samples/port-velin into a store with the ingest library, as <c>parallax ingest samples</c> does.</summary>
    public static void IngestSamples(string dbPath)
    {
        var opened = SqliteArticleStore.Open(dbPath);
        using var store = opened.Store ?? throw new InvalidOperationException(opened.Error?.ToString());
        using var reader = new SourceReader(ReaderOptions.Default, TimeProvider.System);
        var service = new IngestService(reader, new ArticleFactory(new HtmlExtractor(), new TextCleaner(), new OutletIdentifier()), store);
        var run = service.Ingest([Path.Combine(RepoPaths.Samples, "port-velin")], keepArticles: false);
        Assert.Equal(0, run.Rejected);
        Assert.True(run.Inserted >= 5, $"samples stored: {run.Inserted}");
    }
}

/// <summary>The samples with the real analysis; read-only tests share it.</summary>
public sealed class SampleServer : ServerFixture;

/// <summary>An empty store for tests that write.</summary>
public sealed class EmptyServer : ServerFixture
{
    protected override bool WithSamples => false;
}

/// <summary>
/// The samples with the real analysis, plus — only for stories whose claim table is still empty — one fixture fact per
/// story stating each member's first line, so the browser tests exercise the claim table and its highlighting
/// independently of how far fact extraction has got. Real facts, when present, are left exactly as they are.
/// </summary>
public sealed class BrowserServer : ServerFixture
{
    protected override Func<StoryReport, IReadOnlyList<Article>, StoryReport> Adjust => WithFixtureFacts;

    public static StoryReport WithFixtureFacts(StoryReport story, IReadOnlyList<Article> members)
    {
        if (!story.Facts.IsEmpty)
        {
            return story;
        }

        var byId = members.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var states = story.ArticleIds.Take(Math.Max(1, story.ArticleIds.Length - 1)).Select(id =>
        {
            var text = byId[id].Text;
            var end = text.IndexOf('\n');
            end = end < 0 ? Math.Min(text.Length, 80) : end;
            return new EvidenceSpan(id, 0, end, text[..end]);
        }).ToImmutableArray();
        var omits = story.ArticleIds.Where(id => states.All(s => s.ArticleId != id)).ToImmutableArray();
        return story with { Facts = [new FactReport("f-fixture-1", "Fixture fact: each article's first line", states, omits, [])] };
    }
}
