using System.Collections.Immutable;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Parallax.Core.Reporting;
using Parallax.Reporting;
using Parallax.Storage;
using Parallax.Web.Pages;
using Parallax.Web.Watching;

namespace Parallax.Web;

/// <summary>The routes: JSON API under <c>/api</c>, pages, the static bundle and the OpenAPI document (docs/api.md).</summary>
internal static class Endpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static void Map(WebApplication app, ParallaxServer server, WebOptions options)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (StoreException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsJsonAsync(new ApiError(e.Diagnostic.Code, e.Diagnostic.Message), WebJson.Compact).ConfigureAwait(false);
            }
        });

        app.MapOpenApi("/openapi.json");
        MapStatic(app);
        MapApi(app.MapGroup("/api").WithTags("api"), server, options);
        MapPages(app, server);
    }

    private static void MapApi(RouteGroupBuilder api, ParallaxServer server, WebOptions options)
    {
        var cache = server.Cache;

        api.MapGet("/status", async (CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            var (reports, docs) = cache.Cached;
            return TypedResults.Json(new ServerStatus(s.Version, s.Articles.Length, s.Stories.Length, s.ComputedAt, cache.Recomputations, server.Watcher is not null)
            {
                Warming = cache.Warming, StoryAnalyses = cache.StoryAnalyses, DocsAnalysed = cache.DocsAnalysed, CachedReports = reports, CachedDocs = docs,
                Consolidated = s.Consolidated,
            }, WebJson.Compact);
        }).WithSummary("Snapshot version, counts, and whether feeds are watched.").Produces<ServerStatus>(200);

        api.MapGet("/status/runtime", (string? record) =>
        {
            if (record is "1" or "true")
            {
                RuntimeDiagnostics.Record();
            }

            return TypedResults.Json(RuntimeDiagnostics.Read(), WebJson.Compact);
        }).WithSummary("The server process's garbage collections, pauses, allocations, thread pool and CPU (for load benchmarks); record=1 starts (or restarts) recording every collection pause.").Produces<RuntimeStatus>(200);

        api.MapGet("/stories", async (string? sort, int? limit, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            var coverage = sort == "coverage";
            var take = Math.Clamp(limit ?? 500, 1, 5000);
            string Render(StorySnapshot _)
            {
                // The orders do not depend on the analysis (computed once per snapshot); the counts of analysed stories are filled in.
                var ordered = coverage ? s.MostCoveredSummaries : s.NewestSummaries;
                return System.Text.Json.JsonSerializer.Serialize(new StoryList(s.Version, s.Articles.Length, [.. ordered.Take(take).Select(x => Summaries.WithCounts(s, x))]), WebJson.Compact);
            }

            // Only the default list and the one-story poll are kept (for the latest analysis generation), so arbitrary
            // limits cannot fill memory.
            if (limit is null or 1)
            {
                return new CachedBytesResult(s.RenderedBytesAt(coverage ? (take == 1 ? "api-stories:c1" : "api-stories:c") : (take == 1 ? "api-stories:n1" : "api-stories:n"), s.AnalysisGeneration, Render), "application/json; charset=utf-8");
            }

            return Results.Text(Render(s), "application/json; charset=utf-8");
        }).WithSummary("Stories: newest first (sort=newest, default) or most covered (sort=coverage).").Produces<StoryList>(200);

        api.MapGet("/stories/{id}", async (string id, HttpContext http, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            if (!s.StoryById.TryGetValue(id, out var story))
            {
                return Results.NotFound(NotFoundError("story", id));
            }

            // Story documents are large (hundreds of KB for a well-covered story): clients that accept gzip get the
            // cached compressed bytes (compressed once per report, never per request).
            http.Response.Headers.Vary = "Accept-Encoding";
            if (AcceptsGzip(http.Request))
            {
                http.Response.Headers.ContentEncoding = "gzip";
                return new CachedBytesResult(await s.ReportJsonGzipAsync(story).ConfigureAwait(false), "application/json; charset=utf-8");
            }

            return new CachedBytesResult(await s.ReportJsonAsync(story).ConfigureAwait(false), "application/json; charset=utf-8");
        }).WithSummary("One story in the report format (docs/report-format.md).").Produces<StoryReport>(200).Produces<ApiError>(404);

        api.MapGet("/stories/{id}/export", async (string id, string? format, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            if (!s.StoryById.TryGetValue(id, out var entry))
            {
                return Results.NotFound(NotFoundError("story", id));
            }

            var story = await s.ReportAsync(entry).ConfigureAwait(false);
            var f = (format ?? "json").ToLowerInvariant();
            if (Exports.Export(s, story, f, ParallaxServer.Generator) is not { } export)
            {
                return Results.BadRequest(new ApiError(WebErrors.BadExportFormat, $"{WebErrors.BadExportFormat}: unknown export format '{format}'; use one of {string.Join(", ", Exports.Formats)}"));
            }

            return new DownloadResult(export.Body, export.MediaType, $"{story.Id}.{f}");
        }).WithSummary("A story as json, jsonl or csv (one row per fact × outlet), md or html.")
          .Produces<string>(200, "application/json", "application/x-ndjson", "text/csv", "text/markdown", "text/html")
          .Produces<ApiError>(400).Produces<ApiError>(404);

        api.MapGet("/articles", async (string? outlet, int? limit, int? offset, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            var items = s.Articles.Where(a => outlet is null || string.Equals(a.Metadata.Outlet, outlet, StringComparison.Ordinal))
                .Skip(Math.Max(0, offset ?? 0)).Take(Math.Clamp(limit ?? 500, 1, 5000)).Select(a => Summaries.Of(s, a));
            return TypedResults.Json(items.ToImmutableArray(), WebJson.Compact);
        }).WithSummary("Stored articles in report order (optionally one outlet's), paged with limit/offset.").Produces<ImmutableArray<ArticleListItem>>(200);

        api.MapGet("/articles/{id}", async Task<Results<JsonHttpResult<ArticleDetail>, NotFound<ApiError>>> (string id, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            if (!s.ArticleById.TryGetValue(id, out var article))
            {
                return TypedResults.NotFound(NotFoundError("article", id));
            }

            var storyId = s.StoryOfArticle.GetValueOrDefault(id);
            var origin = storyId is null ? null : (await s.ReportAsync(s.StoryById[storyId]).ConfigureAwait(false)).Origins.FirstOrDefault(o => o.ArticleId == id);
            return TypedResults.Json(new ArticleDetail(ReportBuilder.ToArticleReport(article), storyId, origin), WebJson.Report);
        }).WithSummary("One article: cleaned text, removals, embeds, metadata, its story and origin.").Produces<ArticleDetail>(200);

        api.MapGet("/search", async (string? q, int? limit, CancellationToken ct) =>
            TypedResults.Json(await SearchAsync(server, q ?? "", limit ?? 50, ct).ConfigureAwait(false), WebJson.Compact))
            .WithSummary("Full-text search (SQLite FTS5) over article titles and texts; stories of the hits and stories whose title matches.").Produces<SearchResult>(200);

        api.MapGet("/feeds", () => TypedResults.Json(server.Watcher?.Health() ?? [], WebJson.Compact))
            .WithSummary("Per-feed health of the watcher (empty when not watching).").Produces<ImmutableArray<FeedHealth>>(200);

        api.MapPost("/articles", async (HttpContext context, string? name, CancellationToken ct) =>
        {
            if (!server.Tokens.Verify(context.Request.Headers.Authorization))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Json(new ApiError(WebErrors.Unauthorized, $"{WebErrors.Unauthorized}: a valid bearer token is required (Authorization: Bearer TOKEN)"), WebJson.Compact, statusCode: 401);
            }

            var body = await ReadBodyAsync(context.Request, options.MaxRequestBytes, ct).ConfigureAwait(false);
            if (body is null)
            {
                return Results.Json(new ApiError(WebErrors.BodyTooLarge, $"{WebErrors.BodyTooLarge}: the body exceeds {options.MaxRequestBytes} bytes"), WebJson.Compact, statusCode: 413);
            }

            var mediaType = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
            if (mediaType is null || (ArticleIngestor.NameFor(mediaType) is null && !string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)))
            {
                return Results.Json(new ApiError(WebErrors.UnsupportedMediaType, $"{WebErrors.UnsupportedMediaType}: unsupported Content-Type '{context.Request.ContentType}'; use text/plain, text/html, application/x-ndjson or application/json"), WebJson.Compact, statusCode: 415);
            }

            var response = await Task.Run(() => server.Ingestor.IngestBody(mediaType, body, name, ct), ct).ConfigureAwait(false);
            var refused = response.Items.SelectMany(i => i.Diagnostics).FirstOrDefault(d => d.Code is WebErrors.SchemeRefused or WebErrors.AddressRefused);
            var status = refused is not null ? 400 : response.Inserted > 0 ? 201 : response.Rejected > 0 && response.Duplicates == 0 ? 422 : 200;
            return Results.Json(response, WebJson.Compact, statusCode: status);
        }).WithSummary("Ingest articles: text/plain, text/html, application/x-ndjson (JSON Lines), or application/json ({\"url\": ...} or one JSON Lines record). Bearer token required.")
          .AddOpenApiOperationTransformer((operation, _, _) =>
          {
              // Described here rather than with Accepts(), which would make routing answer 415 itself, without the coded body.
              operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
              {
                  Required = true,
                  Description = "An article as text (optional header lines), an HTML page, JSON Lines records, or {\"url\": \"https://...\"}.",
                  Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                  {
                      ["text/plain"] = new(), ["text/html"] = new(), ["application/x-ndjson"] = new(), ["application/json"] = new(),
                  },
              };
              return Task.CompletedTask;
          })
          .Produces<IngestResponse>(200).Produces<IngestResponse>(201).Produces<IngestResponse>(400).Produces<IngestResponse>(422)
          .Produces<ApiError>(401).Produces<ApiError>(413).Produces<ApiError>(415);
    }

    private static void MapPages(WebApplication app, ParallaxServer server)
    {
        var cache = server.Cache;
        app.MapGet("/", async (CancellationToken ct) => Results.Content((await cache.CurrentAsync(ct).ConfigureAwait(false)).Rendered("page-list", ListPages.Stories), HtmlType)).ExcludeFromDescription();
        app.MapGet("/stories/{id}", async (string id, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            return s.StoryById.TryGetValue(id, out var story) ? new CachedBytesResult(await s.RenderStoryAsync(story, "page", r => StoryPage.Render(s, r)).ConfigureAwait(false), HtmlType) : PageNotFound("No story " + id);
        }).ExcludeFromDescription();
        app.MapGet("/articles/{id}", async (string id, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            return s.ArticleById.TryGetValue(id, out var a) ? Results.Content(ListPages.Article(s, a), HtmlType) : PageNotFound("No article " + id);
        }).ExcludeFromDescription();
        app.MapGet("/search", async (string? q, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            var result = string.IsNullOrWhiteSpace(q) ? null : await SearchAsync(server, q, 50, ct).ConfigureAwait(false);
            return Results.Content(ListPages.Search(s, result, q ?? ""), HtmlType);
        }).ExcludeFromDescription();
        app.MapGet("/outlets", async (CancellationToken ct) => Results.Content(ListPages.Outlets(await cache.CurrentAsync(ct).ConfigureAwait(false)), HtmlType)).ExcludeFromDescription();
        app.MapGet("/outlets/{name}", async (string name, CancellationToken ct) =>
        {
            var s = await cache.CurrentAsync(ct).ConfigureAwait(false);
            return ListPages.Outlet(s, name) is { } html ? Results.Content(html, HtmlType) : PageNotFound("No outlet " + name);
        }).ExcludeFromDescription();
        app.MapGet("/feeds", () => Results.Content(ListPages.Feeds(server.Watcher?.Health() ?? []), HtmlType)).ExcludeFromDescription();
        app.MapGet("/api", () => Results.Content(ListPages.ApiIndex(), HtmlType)).ExcludeFromDescription();
    }

    private static void MapStatic(WebApplication app)
    {
        var js = Resource("Parallax.Web.Static.app.js");
        var css = Resource("Parallax.Web.Static.app.css");
        app.MapGet("/static/app.js", () => Results.Text(js, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/static/app.css", () => Results.Text(css, "text/css; charset=utf-8")).ExcludeFromDescription();
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IResult PageNotFound(string what) => Results.Content(ListPages.NotFound(what), HtmlType, statusCode: 404);

    private static ApiError NotFoundError(string kind, string id) => new(WebErrors.NotFound, $"{WebErrors.NotFound}: no {kind} with id '{(id.Length > 100 ? id[..100] : id)}'");

    internal static async Task<SearchResult> SearchAsync(ParallaxServer server, string query, int limit, CancellationToken ct)
    {
        var s = await server.Cache.CurrentAsync(ct).ConfigureAwait(false);
        query = query.Length > 500 ? query[..500] : query;
        var ids = string.IsNullOrWhiteSpace(query) ? [] : server.Cache.Store.Search(query, Math.Clamp(limit, 1, 500));
        var articles = ids.Select(id => s.ArticleById.GetValueOrDefault(id)).OfType<Core.Article>().Select(a => Summaries.Of(s, a)).ToImmutableArray();
        var words = query.Split((char[])[' ', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var storyIds = articles.Select(a => a.StoryId).OfType<string>()
            .Concat(s.Stories.Where(st => words.Length > 0 && words.All(w => st.Title.Contains(w, StringComparison.OrdinalIgnoreCase))).Select(st => st.Id))
            .Distinct(StringComparer.Ordinal);
        var stories = storyIds.Select(id => Summaries.Of(s, s.StoryById[id])).ToImmutableArray();
        return new SearchResult(query, articles, stories);
    }

    /// <summary>The body, or null when it exceeds the cap (declared or read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken ct)
    {
        if (request.ContentLength is { } declared && declared > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[65536];
        try
        {
            while (true)
            {
                var n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false);
                if (n == 0)
                {
                    return buffer.ToArray();
                }

                if (buffer.Length + n > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>A download with its media type and file name.</summary>
    private sealed class DownloadResult(string body, string mediaType, string fileName) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = mediaType;
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            return httpContext.Response.WriteAsync(body);
        }
    }

    /// <summary>True when the request's Accept-Encoding lists gzip without <c>q=0</c>.</summary>
    internal static bool AcceptsGzip(HttpRequest request)
    {
        foreach (var value in request.Headers.AcceptEncoding)
        {
            foreach (var part in (value ?? "").Split(','))
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                if (pieces[0].Equals("gzip", StringComparison.OrdinalIgnoreCase)
                    && !pieces.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
