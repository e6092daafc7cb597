using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Storage;
using Parallax.Web.Watching;

namespace Parallax.Web;

/// <summary>
/// The web host: Kestrel with the JSON API, the pages, the static bundle and (optionally) the feed watcher, over one
/// SQLite store. Create with <see cref="TryCreate"/>, then <see cref="StartAsync"/>; <see cref="Addresses"/> are the
/// bound URLs (port 0 picks a free one). Dispose stops everything and releases the store.
/// </summary>
public sealed class ParallaxServer : IAsyncDisposable
{
    /// <summary>The Content-Security-Policy sent with every response.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private readonly WebApplication _app;
    private readonly IArticleStore _store;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _watching;
    private System.Runtime.GCLatencyMode? _latency;

    private ParallaxServer(WebApplication app, IArticleStore store, AnalysisCache cache, ArticleIngestor ingestor, ApiTokens tokens, FeedWatcher? watcher)
    {
        _app = app;
        _store = store;
        Cache = cache;
        Ingestor = ingestor;
        Tokens = tokens;
        Watcher = watcher;
    }

    public AnalysisCache Cache { get; }

    public ArticleIngestor Ingestor { get; }

    public ApiTokens Tokens { get; }

    public FeedWatcher? Watcher { get; }

    /// <summary>The URLs Kestrel listens on (after <see cref="StartAsync"/>).</summary>
    public ImmutableArray<string> Addresses { get; private set; } = [];

    /// <summary>
    /// Builds the host. Returns null with a PX04xx diagnostic when the store cannot be opened.
    /// </summary>
    /// <param name="adjust">Applied to every story report after the analysis, with the story's members (tests add fixture content with it); must be deterministic.</param>
    /// <param name="watcherOptions">Feed watching settings when <see cref="WebOptions.WatchFeeds"/> is not empty.</param>
    public static ParallaxServer? TryCreate(WebOptions options, out Diagnostic? problem, TimeProvider? clock = null,
        Func<StoryReport, IReadOnlyList<Article>, StoryReport>? adjust = null, FeedWatcherOptions? watcherOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        clock ??= TimeProvider.System;
        var (opened, error) = options.Store is { } given ? (given, null) : StoreLocator.Open(options.DbPath, clock: clock);
        if (opened is not { } store)
        {
            problem = error;
            return null;
        }

        // Beside the SQLite file; for a PostgreSQL store, in the working folder.
        var tokenPath = options.TokenPath ?? (store is SqliteArticleStore sqlite ? ApiTokens.DefaultPathFor(sqlite.Path) : Path.GetFullPath("parallax-api.token"));
        var tokens = ApiTokens.LoadOrCreate(tokenPath);
        if (tokens.NewToken is { } token)
        {
            var announce = options.Announce ?? Console.Error;
            announce.WriteLine($"API token (shown once; only its SHA-256 is kept in {tokens.Path}):");
            announce.WriteLine(token);
        }

        var cache = new AnalysisCache(store, clock, options.StoreRecheck, options.AnalysisLimits, adjust);
        var ingestor = new ArticleIngestor(store, clock, options.AllowPrivateAddresses);
        var refresher = new BackgroundRefresher(cache, clock, TimeSpan.FromSeconds(1));
        ingestor.Stored += refresher.Written;

        FeedWatcher? watcher = null;
        var problems = ImmutableArray<Diagnostic>.Empty;
        if (!options.WatchFeeds.IsEmpty)
        {
            var (feeds, listProblems) = FeedList.Expand(options.WatchFeeds);
            problems = listProblems;
            foreach (var p in listProblems)
            {
                (options.Announce ?? Console.Error).WriteLine(p.ToString());
            }

            watcher = new FeedWatcher(feeds, ingestor, clock, (watcherOptions ?? new FeedWatcherOptions()) with { Interval = options.WatchInterval });
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = WebJson.Compact.PropertyNamingPolicy;
            o.SerializerOptions.Encoder = WebJson.Compact.Encoder;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Parallax API";
            doc.Info.Description = "Stories, articles, search, feeds and ingestion over the Parallax store. See docs/api.md.";
            doc.Info.Version = "1";
            return Task.CompletedTask;
        }));
        if (!options.CorsOrigins.IsEmpty)
        {
            builder.Services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins([.. options.CorsOrigins]).WithMethods("GET", "POST").WithHeaders("Authorization", "Content-Type")));
        }

        var app = builder.Build();
        var server = new ParallaxServer(app, store, cache, ingestor, tokens, watcher) { _latency = options.GcLatencyMode };
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            await next(context).ConfigureAwait(false);
        });
        if (!options.CorsOrigins.IsEmpty)
        {
            app.UseCors();
        }

        Endpoints.Map(app, server, options);
        problem = problems.FirstOrDefault();
        return server;
    }

    /// <summary>
    /// The full analysis of a set of articles (clustering, lineage, language and story analysis of everything): what the
    /// incremental <see cref="AnalysisCache"/> must equal once writes settle (tests compare the two).
    /// </summary>
    public static ImmutableArray<StoryReport> DefaultAnalysis(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        new Compare.StoryAnalysisService().Analyze(articles, cancellationToken);

    /// <summary>Generator string written into exports.</summary>
    public static string Generator => $"parallax {typeof(ParallaxServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    /// <summary>Starts listening (and watching, when configured).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        // A benchmark knob (bench/web/load-scale.sh GC_LATENCY=...) overrides the option to compare modes.
        var latency = Enum.TryParse<System.Runtime.GCLatencyMode>(Environment.GetEnvironmentVariable("PARALLAX_GC_LATENCY"), out var chosen) ? chosen : _latency;
        if (latency is { } mode)
        {
            System.Runtime.GCSettings.LatencyMode = mode;
        }

        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var feature = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        Addresses = [.. feature?.Addresses ?? []];
        if (Watcher is not null)
        {
            _watching = Task.Run(() => Watcher.RunAsync(_stopping.Token));
        }

        // Cluster the stored articles (and warm the most covered and newest stories) before the first request asks.
        _ = Task.Run(async () =>
        {
            try
            {
                await Cache.CurrentAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StoreException or OperationCanceledException or ObjectDisposedException)
            {
                // The first request refreshes again and reports the store's problem.
            }
        });
    }

    /// <summary>Completes when the host shuts down (Ctrl+C or <paramref name="cancellationToken"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_watching is not null)
        {
            try
            {
                await _watching.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Watcher?.Dispose();
        Ingestor.Dispose();
        Cache.Dispose();
        _store.Dispose();
        _stopping.Dispose();
    }
}

/// <summary>
/// Invalidates the cache at every write and refreshes in the background once writes pause for <c>quiet</c>, so new
/// articles are clustered within seconds without refreshing after every one of a burst of uploads. With
/// <see cref="AnalysisCacheLimits.PlaceFirst"/> that refresh only places the new articles (the cache consolidates in the
/// background); without it, no sooner than the last refresh's duration after it ended, so a long stream of writes into
/// a big store spends at most about half the time consolidating. Readers that come earlier refresh on demand. Thread-safe.
/// </summary>
internal sealed class BackgroundRefresher(AnalysisCache cache, TimeProvider clock, TimeSpan quiet)
{
    private long _lastWriteTicks;
    private int _scheduled;

    public void Written()
    {
        cache.Invalidate();
        Interlocked.Exchange(ref _lastWriteTicks, clock.GetUtcNow().UtcTicks);
        if (Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                while (clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastWriteTicks) < quiet.Ticks
                    || (!cache.Limits.PlaceFirst && clock.GetUtcNow() < cache.LastRefresh.Ended + cache.LastRefresh.Duration))
                {
                    await Task.Delay(quiet / 4, clock).ConfigureAwait(false);
                }

                Interlocked.Exchange(ref _scheduled, 0);
                await cache.CurrentAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is StoreException or OperationCanceledException)
            {
                // The next request recomputes and reports.
                Interlocked.Exchange(ref _scheduled, 0);
            }
        });
    }
}
