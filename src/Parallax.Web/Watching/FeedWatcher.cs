using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using Parallax.Core;

namespace Parallax.Web.Watching;

/// <summary>Limits and timing of a <see cref="FeedWatcher"/>. Immutable.</summary>
public sealed record FeedWatcherOptions
{
    /// <summary>Polling interval of a feed that names none of its own. Default 5 minutes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait after failures (exponential back-off doubles the interval per consecutive failure up to this). Default 1 hour.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whole-request time limit (headers and body) per poll. Default 20 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest feed body read; larger feeds fail with PX0812 without being loaded. Default 10 MiB.</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Redirects followed per poll; more, or a loop, fail with PX0814. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Fetch the linked page of items that carry only a summary (through the SSRF-guarded client). Default true.</summary>
    public bool FetchPages { get; init; } = true;

    /// <summary>Feeds polled at the same time. Default 4.</summary>
    public int Parallelism { get; init; } = 4;

    public string UserAgent { get; init; } = "Parallax/0.1 feed watcher (+offline news comparison)";
}

/// <summary>
/// A feed's health as <c>/api/feeds</c> shows it. <see cref="State"/> is <c>pending</c> (never polled), <c>ok</c> (last
/// poll got content), <c>not-modified</c> (last poll got 304) or <c>failing</c> (last poll failed; see
/// <see cref="LastError"/>, a PX08xx message).
/// </summary>
public sealed record FeedHealth(
    string Url, string State, TimeSpan Interval, DateTimeOffset? LastPoll, DateTimeOffset? LastSuccess, DateTimeOffset NextPoll,
    int Polls, int NotModified, int ConsecutiveFailures, int ArticlesStored, int ItemsRejected, string? LastError, string? ETag, string? LastModified);

/// <summary>What one poll of one feed did.</summary>
/// <param name="Status">HTTP status of the final response, or 0 when none arrived.</param>
public sealed record FeedPoll(string Url, int Status, bool NotModified, IngestResponse? Ingested, Diagnostic? Problem);

/// <summary>
/// Polls RSS/Atom/JSON feeds with conditional GET (<c>If-None-Match</c>/<c>If-Modified-Since</c> from the last
/// <c>ETag</c>/<c>Last-Modified</c>), each on its own interval, backing off exponentially while it fails, and hands new
/// content to the ingest library's reader (<see cref="ArticleIngestor.IngestContent"/>), which stores each article once.
/// Survives feeds that are down, slow (time limit), huge (size cap, never loaded whole), malformed (what was read before
/// the error is kept) or redirect in loops (visited set and redirect cap). Time comes from the injected
/// <see cref="TimeProvider"/>: <see cref="PollDueAsync"/> polls what is due at the clock's now, so tests drive it step by
/// step. Thread-safe.
/// </summary>
public sealed class FeedWatcher : IDisposable
{
    private readonly ArticleIngestor _ingestor;
    private readonly TimeProvider _clock;
    private readonly FeedWatcherOptions _options;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly ImmutableArray<FeedState> _feeds;

    /// <param name="client">Must not follow redirects itself; when null the watcher makes one (no automatic redirects, all content codings, no cookies).</param>
    public FeedWatcher(IEnumerable<FeedSpec> feeds, ArticleIngestor ingestor, TimeProvider clock, FeedWatcherOptions? options = null, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(ingestor);
        ArgumentNullException.ThrowIfNull(clock);
        _ingestor = ingestor;
        _clock = clock;
        _options = options ?? new FeedWatcherOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Interval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Parallelism, nameof(options));
        _ownsClient = client is null;
        _client = client ?? new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = _options.Timeout,
        })
        { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var now = clock.GetUtcNow();
        _feeds = [.. feeds.DistinctBy(f => f.Url, StringComparer.Ordinal).Select(f => new FeedState(f.Url, f.Interval ?? _options.Interval, now))];
    }

    /// <summary>Raised after every poll (on the polling thread).</summary>
    public event Action<FeedPoll>? Polled;

    /// <summary>Every feed's health, in the order given.</summary>
    public ImmutableArray<FeedHealth> Health() => [.. _feeds.Select(f => f.Snapshot())];

    /// <summary>Polls every feed whose next poll time has come (by the clock), at most <see cref="FeedWatcherOptions.Parallelism"/> at once.</summary>
    /// <returns>The polls made, in feed order.</returns>
    public async Task<ImmutableArray<FeedPoll>> PollDueAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        var due = _feeds.Where(f => f.IsDue(now)).ToList();
        var results = new FeedPoll[due.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await PollAsync(due[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. results];
    }

    /// <summary>Polls one feed now, whatever its schedule.</summary>
    public Task<FeedPoll> PollNowAsync(string url, CancellationToken cancellationToken = default)
    {
        var feed = _feeds.FirstOrDefault(f => f.Url == url) ?? throw new ArgumentException($"not a watched feed: {url}", nameof(url));
        return PollAsync(feed, cancellationToken);
    }

    /// <summary>Polls due feeds until cancelled, sleeping (on the injected clock's timers) until the next one is due.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await PollDueAsync(cancellationToken).ConfigureAwait(false);
            var now = _clock.GetUtcNow();
            var next = _feeds.IsEmpty ? now + _options.Interval : _feeds.Min(f => f.Snapshot().NextPoll);
            var wait = next - now;
            wait = wait < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : wait > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : wait;
            try
            {
                await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private async Task<FeedPoll> PollAsync(FeedState feed, CancellationToken cancellationToken)
    {
        var poll = await PollCoreAsync(feed, cancellationToken).ConfigureAwait(false);
        Polled?.Invoke(poll);
        return poll;
    }

    private async Task<FeedPoll> PollCoreAsync(FeedState feed, CancellationToken cancellationToken)
    {
        var (etag, lastModified) = feed.Validators();
        var (status, body, newEtag, newLastModified, problem) = await FetchAsync(feed.Url, etag, lastModified, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        if (problem is not null)
        {
            feed.Failed(now, problem, _options.MaxBackoff);
            return new FeedPoll(feed.Url, status, false, null, problem);
        }

        if (status == 304)
        {
            feed.NotModified(now);
            return new FeedPoll(feed.Url, status, true, null, null);
        }

        // Parsing and storing are CPU work: off the request path of the HTTP client.
        var ingested = await Task.Run(() => _ingestor.IngestContent(NameFor(feed.Url), body!, _options.FetchPages, cancellationToken), cancellationToken).ConfigureAwait(false);
        var malformed = ingested.Items.SelectMany(i => i.Diagnostics)
            .FirstOrDefault(d => d.Code is "PX0120" or "PX0121" or "PX0125" && d.Severity == nameof(Severity.Error));
        if (malformed is not null && ingested.Inserted + ingested.Duplicates == 0)
        {
            var p = WebErrors.Error(WebErrors.FeedMalformed, $"the feed could not be read: {malformed.Message}", feed.Url);
            feed.Failed(now, p, _options.MaxBackoff);
            return new FeedPoll(feed.Url, status, false, ingested, p);
        }

        feed.Succeeded(now, newEtag, newLastModified, ingested);
        return new FeedPoll(feed.Url, status, false, ingested, null);
    }

    // The reader picks the format from the name's extension, else from the bytes.
    private static string NameFor(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".xml" or ".rss" or ".atom" or ".rdf" or ".json" ? url : url.TrimEnd('/') + "#feed";
    }

    private async Task<(int Status, byte[]? Body, string? ETag, string? LastModified, Diagnostic? Problem)> FetchAsync(
        string url, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var current = new Uri(url);
        var visited = new HashSet<string>(StringComparer.Ordinal) { current.AbsoluteUri };
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status == 304)
                {
                    return (304, null, null, null, null);
                }

                if (status is >= 300 and <= 399)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return (status, null, null, null, WebErrors.Error(WebErrors.FeedRedirects, $"HTTP {status} without a Location header", url));
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return (status, null, null, null, WebErrors.Error(WebErrors.FeedRedirects, "redirect to a non-http(s) URL refused", url));
                    }

                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return (status, null, null, null, WebErrors.Error(WebErrors.FeedRedirects, $"redirect loop: {next.AbsoluteUri} was already visited", url));
                    }

                    if (redirects + 1 > _options.MaxRedirects)
                    {
                        return (status, null, null, null, WebErrors.Error(WebErrors.FeedRedirects, $"more than {_options.MaxRedirects} redirects", url));
                    }

                    current = next;
                    continue;
                }

                if (status is < 200 or > 299)
                {
                    return (status, null, null, null, WebErrors.Error(WebErrors.FeedStatus, $"HTTP {status} {response.ReasonPhrase}", url));
                }

                if (response.Content.Headers.ContentLength is { } declared && declared > _options.MaxBytes)
                {
                    return (status, null, null, null, WebErrors.Error(WebErrors.FeedTooLarge, $"feed of {declared} bytes exceeds the cap of {_options.MaxBytes}", url));
                }

                var body = await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false);
                if (body is null)
                {
                    return (status, null, null, null, WebErrors.Error(WebErrors.FeedTooLarge, $"feed exceeds the cap of {_options.MaxBytes} bytes; not read further", url));
                }

                if (body.Length == 0)
                {
                    return (status, null, null, null, WebErrors.Error(WebErrors.FeedMalformed, "empty response", url));
                }

                return (status, body, response.Headers.ETag?.ToString(), Header(response.Content.Headers.LastModified), null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, null, null, null, WebErrors.Error(WebErrors.FeedTimeout, $"no complete response within {_options.Timeout.TotalSeconds:0.###} s", url));
        }
        catch (HttpRequestException e)
        {
            return (0, null, null, null, WebErrors.Error(WebErrors.FeedUnreachable, $"request failed: {e.Message}", url));
        }
        catch (IOException e)
        {
            return (0, null, null, null, WebErrors.Error(WebErrors.FeedUnreachable, $"connection failed while reading: {e.Message}", url));
        }
        catch (InvalidDataException e)
        {
            return (0, null, null, null, WebErrors.Error(WebErrors.FeedMalformed, $"corrupt compressed response: {e.Message}", url));
        }
    }

    private static string? Header(DateTimeOffset? date) => date?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[65536];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + n > _options.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }
    }

    /// <summary>One feed's mutable schedule and counters, guarded by its own lock.</summary>
    private sealed class FeedState(string url, TimeSpan interval, DateTimeOffset created)
    {
        private readonly Lock _lock = new();
        private string _state = "pending";
        private DateTimeOffset? _lastPoll;
        private DateTimeOffset? _lastSuccess;
        private DateTimeOffset _nextPoll = created;
        private int _polls;
        private int _notModified;
        private int _failures;
        private int _stored;
        private int _rejected;
        private string? _lastError;
        private string? _etag;
        private string? _lastModified;

        public string Url { get; } = url;

        public bool IsDue(DateTimeOffset now)
        {
            lock (_lock)
            {
                return now >= _nextPoll;
            }
        }

        public (string? ETag, string? LastModified) Validators()
        {
            lock (_lock)
            {
                return (_etag, _lastModified);
            }
        }

        public void Succeeded(DateTimeOffset now, string? etag, string? lastModified, IngestResponse ingested)
        {
            lock (_lock)
            {
                _state = "ok";
                _polls++;
                _lastPoll = _lastSuccess = now;
                _failures = 0;
                _lastError = null;
                _etag = etag;
                _lastModified = lastModified;
                _stored += ingested.Inserted;
                _rejected += ingested.Rejected;
                _nextPoll = now + interval;
            }
        }

        public void NotModified(DateTimeOffset now)
        {
            lock (_lock)
            {
                _state = "not-modified";
                _polls++;
                _notModified++;
                _lastPoll = _lastSuccess = now;
                _failures = 0;
                _lastError = null;
                _nextPoll = now + interval;
            }
        }

        public void Failed(DateTimeOffset now, Diagnostic problem, TimeSpan maxBackoff)
        {
            lock (_lock)
            {
                _state = "failing";
                _polls++;
                _failures++;
                _lastPoll = now;
                _lastError = problem.Message;
                var factor = Math.Pow(2, Math.Min(_failures, 20));
                var wait = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, maxBackoff.Ticks));
                _nextPoll = now + (wait < interval ? interval : wait);
            }
        }

        public FeedHealth Snapshot()
        {
            lock (_lock)
            {
                return new FeedHealth(Url, _state, interval, _lastPoll, _lastSuccess, _nextPoll, _polls, _notModified, _failures, _stored, _rejected, _lastError, _etag, _lastModified);
            }
        }
    }
}
