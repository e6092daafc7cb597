using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Ingest.Outlets;
using Parallax.Ingest.Readers;
using Parallax.Reporting;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>One input item's fate in an ingest response.</summary>
public sealed record IngestedItem(string Origin, string? ArticleId, string Outcome, ImmutableArray<DiagnosticReport> Diagnostics);

/// <summary>What <c>POST /api/articles</c> (or one feed poll) did.</summary>
public sealed record IngestResponse(int Inserted, int Duplicates, int Rejected, ImmutableArray<IngestedItem> Items)
{
    public static IngestResponse Refused(Diagnostic reason, string origin) =>
        new(0, 0, 1, [new IngestedItem(origin, null, "Rejected", [ReportBuilder.ToDiagnosticReport(reason)])]);
}

/// <summary>
/// Turns request bodies, URLs and already-read feed content into stored articles with the ingest library's reader,
/// extractor, cleaner and store (duplicates by content hash are not stored twice). Bodies are read with the network off;
/// URLs go through <see cref="UrlGuard"/> and a client that refuses non-public addresses on every connection unless
/// allowed. Calls <see cref="Stored"/> after anything new was stored. Thread-safe (the store serialises writes).
/// </summary>
public sealed class ArticleIngestor : IDisposable
{
    private readonly IArticleStore _store;
    private readonly TimeProvider _clock;
    private readonly bool _allowPrivate;
    private readonly ArticleFactory _factory = new(new HtmlExtractor(), new TextCleaner(), new OutletIdentifier());
    private readonly SourceReader _offline;
    private readonly Lazy<(HttpClient Client, SourceReader Reader)> _online;

    public ArticleIngestor(IArticleStore store, TimeProvider clock, bool allowPrivate)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _allowPrivate = allowPrivate;
        _offline = new SourceReader(ReaderOptions.Default, clock);
        _online = new Lazy<(HttpClient, SourceReader)>(() =>
        {
            var options = ReaderOptions.Default with { AllowNetwork = true };
            var client = UrlGuard.CreateClient(options, allowPrivate);
            return (client, new SourceReader(options, clock, client));
        });
    }

    /// <summary>Raised after a batch stored at least one new article.</summary>
    public event Action? Stored;

    /// <summary>The file name (for format detection) a media type's body is read as; null for unsupported types.</summary>
    public static string? NameFor(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "text/plain" => "upload.txt",
        "text/html" or "application/xhtml+xml" => "upload.html",
        "application/x-ndjson" or "application/jsonl" or "application/x-jsonlines" or "application/jsonlines" => "upload.jsonl",
        "application/rss+xml" or "application/atom+xml" or "application/xml" or "text/xml" => "upload.xml",
        "application/feed+json" => "upload.json",
        _ => null,
    };

    /// <summary>Ingests a request body of the given media type (see docs/api.md). <c>application/json</c> is either
    /// <c>{"url": "..."}</c> (fetched) or one JSON Lines record.</summary>
    public IngestResponse IngestBody(string? mediaType, byte[] body, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var label = Sanitize(name);
        if (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            if (TryReadUrlRequest(body, out var url))
            {
                return IngestUrl(url, cancellationToken);
            }

            return Ingest(_offline.ReadContent(label + ".jsonl", body, cancellationToken), cancellationToken);
        }

        if (NameFor(mediaType) is not { } file)
        {
            return IngestResponse.Refused(WebErrors.Error(WebErrors.UnsupportedMediaType,
                $"unsupported Content-Type '{mediaType}'; use text/plain, text/html, application/x-ndjson or application/json"), label);
        }

        return Ingest(_offline.ReadContent(label + Path.GetExtension(file), body, cancellationToken), cancellationToken);
    }

    /// <summary>Fetches and ingests one http(s) URL, refusing other schemes and (unless allowed) non-public addresses.</summary>
    public IngestResponse IngestUrl(string? url, CancellationToken cancellationToken)
    {
        var (uri, problem) = UrlGuard.Check(url, _allowPrivate);
        if (uri is null)
        {
            return IngestResponse.Refused(problem!, url ?? "(no url)");
        }

        return Ingest(_online.Value.Reader.ReadOne(uri.AbsoluteUri, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Reads content fetched elsewhere (a feed poll) as if it were a file named <paramref name="name"/> and stores its
    /// articles. With <paramref name="fetchLinkedPages"/>, items that carry only a summary get their linked page fetched
    /// through the SSRF-guarded client.
    /// </summary>
    public IngestResponse IngestContent(string name, byte[] bytes, bool fetchLinkedPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bytes);
        var reader = fetchLinkedPages ? _online.Value.Reader : _offline;
        return Ingest(reader.ReadContent(name, bytes, cancellationToken), cancellationToken);
    }

    /// <summary>Builds, stores and reports the sources of one read result.</summary>
    public IngestResponse Ingest(ReadResult read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var service = new IngestService(new PreparedReader(read), _factory, _store);
        var run = service.Ingest(["prepared"], progress: null, cancellationToken, keepArticles: false);
        if (run.Inserted > 0)
        {
            Stored?.Invoke();
        }

        var items = run.Entries.Select(e => new IngestedItem(e.Origin, e.ArticleId, e.Outcome.ToString(),
            [.. e.Diagnostics.Where(d => d.Severity != Severity.Info || e.Outcome == IngestOutcome.Duplicate).Select(ReportBuilder.ToDiagnosticReport)]));
        return new IngestResponse(run.Inserted, run.Duplicates, run.Rejected, [.. items]);
    }

    public void Dispose()
    {
        _offline.Dispose();
        if (_online.IsValueCreated)
        {
            _online.Value.Reader.Dispose();
            _online.Value.Client.Dispose();
        }
    }

    private static bool TryReadUrlRequest(byte[] body, out string? url)
    {
        url = null;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
                && !json.RootElement.TryGetProperty("text", out _) && !json.RootElement.TryGetProperty("html", out _))
            {
                url = u.GetString();
                return true;
            }
        }
        catch (JsonException)
        {
            // Not a URL request: the JSON Lines reader reports what is wrong with it.
        }

        return false;
    }

    // The origin recorded for an uploaded body: letters, digits, '-', '_' and '.' only.
    private static string Sanitize(string? name)
    {
        var clean = new string((name ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(64).ToArray());
        return "api-" + (clean.Length == 0 ? "upload" : clean);
    }

    /// <summary>Hands <see cref="IngestService"/> a result that was read already.</summary>
    private sealed class PreparedReader(ReadResult result) : ISourceReader
    {
        public IEnumerable<ReadResult> Read(IEnumerable<string> inputs, CancellationToken cancellationToken)
        {
            yield return result;
        }
    }
}
