using System.Collections.Concurrent;
using System.Collections.Immutable;
using Parallax.Compare;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Language;
using Parallax.Storage;
using Parallax.Stories;

namespace Parallax.Web;

/// <summary>
/// One story of a snapshot as the clustering gives it, with its lineage: everything the story list needs, without the
/// story analysis (that is <see cref="StorySnapshot.Report(StoryEntry)"/>, computed on demand and cached).
/// </summary>
/// <param name="Story">The consolidated story (order-independent: a function of the stored articles only).</param>
/// <param name="Lineage">Who copied whom among the members (a function of the members only).</param>
/// <param name="ContentKey">
/// 16 hex digits naming everything the story's analysis depends on except the related-story links: id, title, members,
/// inferred dates. Equal keys, equal analysis; a story whose key did not change is never re-analysed.
/// </param>
public sealed record StoryEntry(Story Story, StoryLineage Lineage, string ContentKey)
{
    public string Id => Story.Id;

    public string Title => Story.Title;

    /// <summary>Members, clustering order (published date, undated last, then id).</summary>
    public ImmutableArray<string> ArticleIds => Story.ArticleIds;

    /// <summary>Distinct origins (reprints of one origin count once): the report's <see cref="StoryReport.IndependentSources"/>.</summary>
    public int IndependentSources { get; } = CountOrigins(Story, Lineage);

    /// <summary><see cref="ContentKey"/> plus the related-story links: names the whole report.</summary>
    public string ReportKey { get; } = ContentKey + ":" + Hashing.ShortId(Hashing.Sha256Hex(string.Join('\n', Story.Related.Select(r => $"{r.StoryId} {Math.Round(r.Similarity, 4)}"))));

    private static int CountOrigins(Story story, StoryLineage lineage)
    {
        var origins = lineage.Origins.ToDictionary(o => o.ArticleId, StringComparer.Ordinal);
        return story.ArticleIds.Select(id => StoryAnalysisService.OriginKey(id, origins)).Distinct(StringComparer.Ordinal).Count();
    }
}

/// <summary>
/// Everything the API and pages show for one state of the store: the articles (report order), the stories (biggest
/// first, then id: the order of <see cref="StoryAnalysisService.Analyze"/>) and, on demand, each story's report.
/// Immutable apart from caches: a report asked for is analysed once and shared by later snapshots while its
/// <see cref="StoryEntry.ContentKey"/> stays the same. Thread-safe.
/// </summary>
public sealed class StorySnapshot
{
    private readonly ConcurrentDictionary<string, string> _rendered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Generation, string Text)> _renderedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Generation, byte[] Bytes)> _renderedBytesAt = new(StringComparer.Ordinal);
    private readonly StoryReports? _reports;
    private readonly Lazy<ImmutableDictionary<string, StorySummary>> _summaries;
    private readonly Lazy<ImmutableArray<StorySummary>> _newest;
    private readonly Lazy<ImmutableArray<StorySummary>> _covered;

    internal StorySnapshot(string version, ImmutableArray<Article> articles, ImmutableDictionary<string, Article> articleById, ImmutableArray<StoryEntry> stories,
        ImmutableDictionary<string, string> storyOfArticle, DateTimeOffset computedAt, StoryReports? reports, bool consolidated = true)
    {
        Version = version;
        Consolidated = consolidated;
        Articles = articles;
        ArticleById = articleById;
        Stories = stories;
        StoryById = stories.ToImmutableDictionary(s => s.Id, StringComparer.Ordinal);
        StoryOfArticle = storyOfArticle;
        ComputedAt = computedAt;
        _reports = reports;
        _summaries = new(() => Stories.ToImmutableDictionary(s => s.Id, s => new StorySummary(s.Id, s.Title, s.ArticleIds.Length, OutletsOf(s), s.IndependentSources, NewestDate(s.ArticleIds), null, null, null), StringComparer.Ordinal));
        _newest = new(() => [.. Web.Summaries.Newest(_summaries.Value.Values)]);
        _covered = new(() => [.. Web.Summaries.MostCovered(_summaries.Value.Values)]);
    }

    public static StorySnapshot Empty { get; } = new(Fingerprint([]), [], ImmutableDictionary<string, Article>.Empty, [], ImmutableDictionary<string, string>.Empty, DateTimeOffset.MinValue, null);

    /// <summary>16 hex digits of the SHA-256 of the sorted article ids: equal versions, equal content.</summary>
    public string Version { get; }

    /// <summary>The stored articles in report order.</summary>
    public ImmutableArray<Article> Articles { get; }

    public ImmutableDictionary<string, Article> ArticleById { get; }

    /// <summary>The stories, biggest first, then id (ordinal).</summary>
    public ImmutableArray<StoryEntry> Stories { get; }

    public ImmutableDictionary<string, StoryEntry> StoryById { get; }

    /// <summary>Article id → story id, for every stored article.</summary>
    public ImmutableDictionary<string, string> StoryOfArticle { get; }

    public DateTimeOffset ComputedAt { get; }

    /// <summary>
    /// True when the stories are the consolidated clustering (equal to clustering the same store from scratch). False
    /// for a provisional snapshot: the articles new since the last consolidation are placed online (each joined the most
    /// similar story or opened its own), served within seconds of the write while the consolidation runs in the
    /// background and replaces it (<see cref="AnalysisCacheLimits.PlaceFirst"/>).
    /// </summary>
    public bool Consolidated { get; }

    /// <summary>
    /// The story's report (the contract of docs/report-format.md), analysed now when no cached one has the same content:
    /// equal to what a full re-analysis of the same store gives for that story. Blocks while analysing (the language
    /// layer of members not cached, then the story analysis).
    /// </summary>
    public StoryReport Report(StoryEntry story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return Reports.ReportAsync(this, story).GetAwaiter().GetResult();
    }

    /// <summary>As <see cref="Report(StoryEntry)"/> without blocking a thread while other analyses hold the analysis slots.</summary>
    public Task<StoryReport> ReportAsync(StoryEntry story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return Reports.ReportAsync(this, story);
    }

    /// <summary>The report of story <paramref name="storyId"/>, or null when there is no such story.</summary>
    public StoryReport? Report(string storyId) => StoryById.TryGetValue(storyId, out var story) ? Report(story) : null;

    /// <summary>The story's report when it is already analysed, else null (never analyses).</summary>
    public StoryReport? CachedReport(StoryEntry story) => _reports?.Cached(story);

    /// <summary>The report as compact contract JSON, UTF-8 (cached with the report, bounded).</summary>
    public async Task<byte[]> ReportJsonAsync(StoryEntry story)
    {
        var key = "json:" + story.ReportKey;
        if (Reports.Rendered(key) is { } cached)
        {
            return cached;
        }

        var report = await ReportAsync(story).ConfigureAwait(false);
        return Reports.Render(key, () => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, WebJson.Compact));
    }

    /// <summary>The rendered-bytes cache key of a story's gzip JSON.</summary>
    internal static string GzipKey(StoryEntry story) => "json.gz:" + story.ReportKey;

    /// <summary><see cref="ReportJsonAsync"/> compressed with gzip (compressed once, cached with the JSON, bounded).</summary>
    public async Task<byte[]> ReportJsonGzipAsync(StoryEntry story)
    {
        var key = GzipKey(story);
        if (Reports.Rendered(key) is { } cached)
        {
            return cached;
        }

        var json = await ReportJsonAsync(story).ConfigureAwait(false);
        return Reports.Render(key, () =>
        {
            using var buffer = new MemoryStream(json.Length / 6 + 64);
            using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(json);
            }

            return buffer.ToArray();
        });
    }

    /// <summary>A rendering of one story that depends on this snapshot too (pages link related stories by title); UTF-8, bounded cache.</summary>
    public async Task<byte[]> RenderStoryAsync(StoryEntry story, string kind, Func<StoryReport, string> render)
    {
        var key = $"{kind}:{Version}:{story.ReportKey}";
        if (Reports.Rendered(key) is { } cached)
        {
            return cached;
        }

        var report = await ReportAsync(story).ConfigureAwait(false);
        return Reports.Render(key, () => System.Text.Encoding.UTF8.GetBytes(render(report)));
    }

    /// <summary>Changes whenever some story's report was analysed (the list's analysis counts may change with it).</summary>
    public long AnalysisGeneration => _reports?.Generation ?? 0;

    /// <summary>
    /// Summaries of all stories without analysis counts, newest first (undated last), then most articles, then id;
    /// computed once per snapshot.
    /// </summary>
    public ImmutableArray<StorySummary> NewestSummaries => _newest.Value;

    /// <summary>As <see cref="NewestSummaries"/>, most origins first, then most outlets, then most articles, then id.</summary>
    public ImmutableArray<StorySummary> MostCoveredSummaries => _covered.Value;

    /// <summary>The summary of a story without analysis counts; computed once per snapshot.</summary>
    public StorySummary BaseSummary(StoryEntry story) => _summaries.Value[story.Id];

    private StoryReports Reports => _reports ?? throw new InvalidOperationException("the empty snapshot has no stories");

    /// <summary>
    /// A rendering of this snapshot (JSON, HTML) computed once per key and reused: the snapshot is immutable, so the
    /// same key always renders the same text. Use only for a few keys per snapshot (it is not bounded). Thread-safe.
    /// </summary>
    public string Rendered(string key, Func<StorySnapshot, string> render) => _rendered.GetOrAdd(key, _ => render(this));

    /// <summary>
    /// A rendering that also depends on <paramref name="generation"/> (e.g. <see cref="AnalysisGeneration"/>): kept per key
    /// for the latest generation only, so it stays bounded however often the generation moves. Thread-safe.
    /// </summary>
    public string RenderedAt(string key, long generation, Func<StorySnapshot, string> render)
    {
        if (_renderedAt.TryGetValue(key, out var kept) && kept.Generation == generation)
        {
            return kept.Text;
        }

        var text = render(this);
        _renderedAt[key] = (generation, text);
        return text;
    }

    /// <summary>As <see cref="RenderedAt"/>, kept as UTF-8 bytes (served as they are, without encoding per request).</summary>
    public byte[] RenderedBytesAt(string key, long generation, Func<StorySnapshot, string> render)
    {
        if (_renderedBytesAt.TryGetValue(key, out var kept) && kept.Generation == generation)
        {
            return kept.Bytes;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(render(this));
        _renderedBytesAt[key] = (generation, bytes);
        return bytes;
    }

    /// <summary>The version of a set of article ids (any order).</summary>
    public static string Fingerprint(IEnumerable<string> articleIds) =>
        Hashing.ShortId(Hashing.Sha256Hex(string.Join('\n', articleIds.Order(StringComparer.Ordinal))));

    /// <summary>The member articles of a story, in the given order; ids missing from the snapshot are skipped.</summary>
    public ImmutableArray<Article> MembersOf(IEnumerable<string> articleIds) =>
        [.. articleIds.Select(id => ArticleById.GetValueOrDefault(id)).OfType<Article>()];

    public ImmutableArray<Article> MembersOf(StoryReport story) => MembersOf(story.ArticleIds);

    public ImmutableArray<Article> MembersOf(StoryEntry story) => MembersOf(story.ArticleIds);

    /// <summary>The story's latest member publication date (ISO), or null when none is dated.</summary>
    public string? NewestDate(IEnumerable<string> articleIds) =>
        MembersOf(articleIds).Select(a => a.Metadata.Published?.ToIso()).Where(d => d is not null).Max(StringComparer.Ordinal);

    /// <summary>Distinct outlets of a story's members, ordinal order.</summary>
    public ImmutableArray<string> OutletsOf(IEnumerable<string> articleIds) =>
        [.. MembersOf(articleIds).Select(a => a.Metadata.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public ImmutableArray<string> OutletsOf(StoryReport story) => OutletsOf(story.ArticleIds);

    public ImmutableArray<string> OutletsOf(StoryEntry story) => OutletsOf(story.ArticleIds);
}

/// <summary>Sizes of the analysis caches (every one bounded).</summary>
public sealed record AnalysisCacheLimits
{
    /// <summary>Analysed articles (docs: the whole language layer) kept for re-analysing stories; least recently used go first.</summary>
    public int Docs { get; init; } = 4000;

    /// <summary>Story reports kept, counted in member articles (a story of n members weighs n + 1).</summary>
    public int ReportArticles { get; init; } = 20000;

    /// <summary>Rendered JSON and HTML of stories kept, in bytes (UTF-8).</summary>
    public long RenderedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long a reader waits, after a write by this process, for the refresh that includes it before it is served the
    /// previous snapshot (the first snapshot is always waited for). <see cref="Timeout.InfiniteTimeSpan"/>: always wait.
    /// </summary>
    public TimeSpan ReadWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stories analysed at the same time (requests and warm-up); more wait, without holding a thread.</summary>
    public int ConcurrentAnalyses { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Stories analysed in the background after each change: this many most covered plus this many newest.</summary>
    public int WarmStories { get; init; } = 100;

    /// <summary>
    /// When true (default), a change to the store is served first as a provisional snapshot — the new articles placed
    /// online in the kept clustering (milliseconds each), everything else as in the last snapshot — and the consolidation
    /// (a function of the whole set: minutes at 34k articles) runs in the background once writes pause for
    /// <see cref="ConsolidationQuiet"/> (or at the latest <see cref="ConsolidationMaxDelay"/> after the first provisional
    /// snapshot), then replaces it. When false, every refresh consolidates before it is served.
    /// </summary>
    public bool PlaceFirst { get; init; } = true;

    /// <summary>
    /// How long writes must pause before a background consolidation starts (by the injected clock). A consolidation
    /// holds the clustering until it ends (tens of seconds at 34k articles), and writes that arrive meanwhile are placed
    /// only after it, so it waits for a real pause rather than the gap between two uploads of a burst.
    /// </summary>
    public TimeSpan ConsolidationQuiet { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time a provisional snapshot waits for a pause in the writes before it is consolidated anyway.</summary>
    public TimeSpan ConsolidationMaxDelay { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Keeps the latest <see cref="StorySnapshot"/> of a store, incrementally. The store is asked for its article ids after
/// <see cref="Invalidate"/> (which this process's writes call; readers then wait) and, in the background, at most once per
/// <c>recheck</c> interval (by the injected clock; readers do not wait). When they changed, only the new articles are loaded, placed in the kept <see cref="StoryClusterer"/>
/// and the clustering is consolidated (a function of the set of articles, so it equals clustering the store from
/// scratch). Stories whose content did not change keep their lineage and their cached report; changed stories whose
/// previous version had been analysed, and the most covered and newest stories, are re-analysed in the background; any
/// other story is analysed when first asked for. Per-article docs are cached (LRU), so re-analysing a story redoes the
/// language layer of its new members only. Invariant (tested): once writes settle, the stories and every report equal
/// <see cref="StoryAnalysisService.Analyze"/> over the same store. One refresh at a time; readers never see a partial
/// one. Thread-safe.
/// </summary>
public sealed class AnalysisCache : IDisposable
{
    private readonly IArticleStore _store;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _recheck;
    private readonly StoryClustererOptions _options;
    private readonly StoryReports _reports;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Article> _articles = new(StringComparer.Ordinal);
    private Dictionary<string, StoryLineage> _lineage = new(StringComparer.Ordinal);
    private StoryClusterer _clusterer;
    private volatile StorySnapshot _current = StorySnapshot.Empty;
    private long _lastCheckTicks;
    // Invalidate() bumps _requested; a refresh records the generation it started from in _served. While they differ
    // (a write happened, or the first refresh has not run), readers wait for the refresh instead of taking the fast path.
    private long _requested = 1;
    private long _served;
    private int _checking;
    private readonly Lock _pendingLock = new();
    private Task<StorySnapshot>? _pending;
    private int _refreshes;
    private long _lastInvalidateTicks;
    // The last consolidated snapshot before the current provisional ones: the base of the background re-analysis.
    private StorySnapshot? _warmBase;
    // Online story id (seeded from the last consolidation, or opened online since) → its story id in the current
    // provisional snapshot, for the stories provisional snapshots changed; cleared at each consolidation.
    private readonly Dictionary<string, string> _placedAs = new(StringComparer.Ordinal);
    private readonly Lock _consolidationLock = new();
    private Task _consolidation = Task.CompletedTask;
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="adjust">Applied to every analysed report with its members (tests use it to add fixture content); must be deterministic.</param>
    public AnalysisCache(IArticleStore store, TimeProvider clock, TimeSpan recheck, AnalysisCacheLimits? limits = null,
        Func<StoryReport, IReadOnlyList<Article>, StoryReport>? adjust = null, StoryClustererOptions? options = null, Pipeline<Doc>? language = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _recheck = recheck;
        _options = options ?? StoryClustererOptions.Default;
        Limits = limits ?? new AnalysisCacheLimits();
        _reports = new StoryReports(language ?? LanguagePipeline.Default, Limits, adjust);
        _clusterer = new StoryClusterer(_options);
    }

    /// <summary>The store the snapshots are computed from.</summary>
    public IArticleStore Store => _store;

    public AnalysisCacheLimits Limits { get; }

    /// <summary>How many times the store's change was applied (for tests and /api/status).</summary>
    public int Recomputations => Volatile.Read(ref _refreshes);

    /// <summary>Story analyses run so far (each analyses one story; cache hits do not count).</summary>
    public long StoryAnalyses => _reports.StoryAnalyses;

    /// <summary>Articles run through the language layer so far (cache hits do not count).</summary>
    public long DocsAnalysed => _reports.DocsAnalysed;

    /// <summary>Ids of the stories analysed so far, oldest first (the last 1,000; for tests and diagnostics).</summary>
    public ImmutableArray<string> RecentAnalyses => _reports.Recent;

    /// <summary>Stories whose report is cached, docs cached.</summary>
    public (int Reports, int Docs) Cached => (_reports.ReportCount, _reports.DocCount);

    /// <summary>True while background analyses (re-analysis of changed stories, warm-up) are queued or running.</summary>
    public bool Warming => _reports.Warming;

    /// <summary>Completes when the pending consolidation (if any) and then the background analyses queued so far are done.</summary>
    public async Task WarmedAsync(CancellationToken cancellationToken = default)
    {
        await ConsolidatedAsync(cancellationToken).ConfigureAwait(false);
        await _reports.IdleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last snapshot computed, without checking the store.</summary>
    public StorySnapshot Latest => _current;

    /// <summary>Marks the snapshot stale: the next <see cref="CurrentAsync"/> refreshes if the article ids changed.</summary>
    public void Invalidate()
    {
        Interlocked.Exchange(ref _lastInvalidateTicks, _clock.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _requested);
    }

    /// <summary>True while a provisional snapshot is served and its consolidation is pending or running.</summary>
    public bool Consolidating => !_current.Consolidated;

    /// <summary>
    /// Completes when the consolidation scheduled so far is done (at once when the current snapshot is consolidated);
    /// returns the latest snapshot then.
    /// </summary>
    public async Task<StorySnapshot> ConsolidatedAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task pending;
            lock (_consolidationLock)
            {
                pending = _consolidation;
            }

            await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_consolidationLock)
            {
                if (ReferenceEquals(pending, _consolidation))
                {
                    return _current;
                }
            }
        }
    }

    /// <summary>
    /// The snapshot to serve. After a write by this process (<see cref="Invalidate"/>) it waits for the refresh, so a
    /// client reads its own writes — at most <see cref="AnalysisCacheLimits.ReadWait"/>, then it gets the previous
    /// snapshot (the refresh goes on); before the first snapshot it always waits. Otherwise it returns the latest snapshot at once and,
    /// when the recheck interval has passed, starts a background check for writes by other processes (seen by the reads
    /// after that check), so a read never waits for the store to list its articles.
    /// </summary>
    public async Task<StorySnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Read(ref _served) == Interlocked.Read(ref _requested))
        {
            if (_clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastCheckTicks) >= _recheck.Ticks
                && Interlocked.CompareExchange(ref _checking, 1, 0) == 0)
            {
                Interlocked.Exchange(ref _lastCheckTicks, _clock.GetUtcNow().UtcTicks);
                BackgroundCheck = Task.Run(async () =>
                {
                    try
                    {
                        await RefreshAsync(force: true, placeFirst: true, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (StoreException)
                    {
                        // The next check (or a reader after a write) reports it.
                    }
                    finally
                    {
                        Interlocked.Exchange(ref _checking, 0);
                    }
                });
            }

            return _current;
        }

        var refresh = PendingRefresh();
        if (_current.ComputedAt == DateTimeOffset.MinValue || Limits.ReadWait == Timeout.InfiniteTimeSpan)
        {
            return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // A big store can take minutes to consolidate: a reader waits a bounded time, then gets the latest snapshot.
        try
        {
            return await refresh.WaitAsync(Limits.ReadWait, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return _current;
        }
    }

    /// <summary>The refresh readers wait for after a write: one shared task until it completes.</summary>
    private Task<StorySnapshot> PendingRefresh()
    {
        lock (_pendingLock)
        {
            if (_pending is null || _pending.IsCompleted)
            {
                _pending = Task.Run(() => RefreshAsync(force: false, placeFirst: true, CancellationToken.None));
            }

            return _pending;
        }
    }

    /// <summary>How long the last consolidating refresh took, and when it ended (by the injected clock).</summary>
    public (TimeSpan Duration, DateTimeOffset Ended) LastRefresh { get; private set; }

    /// <summary>The last background check for writes by other processes (completed when none ran yet).</summary>
    public Task BackgroundCheck { get; private set; } = Task.CompletedTask;

    /// <summary>Checks the store now and applies its changes, consolidated (waits for a refresh already running).</summary>
    public Task<StorySnapshot> RefreshAsync(CancellationToken cancellationToken = default) => RefreshAsync(force: true, placeFirst: false, cancellationToken);

    private async Task<StorySnapshot> RefreshAsync(bool force, bool placeFirst, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!force && Interlocked.Read(ref _served) == Interlocked.Read(ref _requested))
            {
                return _current;
            }

            var generation = Interlocked.Read(ref _requested);
            Interlocked.Exchange(ref _lastCheckTicks, _clock.GetUtcNow().UtcTicks);
            var summaries = _store.ListArticles();
            var version = StorySnapshot.Fingerprint(summaries.Select(a => a.Id));
            if (version == _current.Version && _current.ComputedAt != DateTimeOffset.MinValue && (_current.Consolidated || placeFirst))
            {
                Interlocked.Exchange(ref _served, generation);
                return _current;
            }

            // The refresh itself is not cancelled by the reader that happened to trigger it: others wait for it too.
            var previous = _current;
            if (placeFirst && Limits.PlaceFirst && previous.ComputedAt != DateTimeOffset.MinValue
                && await Task.Run(() => Place(summaries), CancellationToken.None).ConfigureAwait(false) is { } provisional)
            {
                // Served at once; the consolidation follows in the background and replaces it.
                if (previous.Consolidated)
                {
                    _warmBase = previous;
                }

                _current = provisional;
                Interlocked.Increment(ref _refreshes);
                Interlocked.Exchange(ref _served, generation);
                ScheduleConsolidation();
                return provisional;
            }

            var started = _clock.GetTimestamp();
            var snapshot = await Task.Run(() => Refresh(summaries), CancellationToken.None).ConfigureAwait(false);
            LastRefresh = (_clock.GetElapsedTime(started), _clock.GetUtcNow());
            _current = snapshot;
            Interlocked.Increment(ref _refreshes);
            Interlocked.Exchange(ref _served, generation);
            // Changed stories are those that changed since the last consolidated snapshot (provisional ones in between
            // were never warmed).
            _reports.Warm(_warmBase ?? previous, snapshot);
            _warmBase = null;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts the background consolidation of the current provisional snapshot (one at a time): once writes have paused
    /// for <see cref="AnalysisCacheLimits.ConsolidationQuiet"/>, or <see cref="AnalysisCacheLimits.ConsolidationMaxDelay"/>
    /// after it was scheduled.
    /// </summary>
    private void ScheduleConsolidation()
    {
        lock (_consolidationLock)
        {
            if (!_consolidation.IsCompleted)
            {
                return;
            }

            var scheduled = _clock.GetUtcNow();
            _consolidation = Task.Run(async () =>
            {
                try
                {
                    while (_clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastInvalidateTicks) < Limits.ConsolidationQuiet.Ticks
                        && _clock.GetUtcNow() - scheduled < Limits.ConsolidationMaxDelay)
                    {
                        await Task.Delay(Limits.ConsolidationQuiet / 4, _clock, _stopping.Token).ConfigureAwait(false);
                    }

                    await RefreshAsync(force: true, placeFirst: false, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is StoreException or ObjectDisposedException or OperationCanceledException)
                {
                    // The next read or write refreshes again and reports the store's problem.
                }
            });
        }
    }

    /// <summary>
    /// The provisional snapshot: the store's new articles placed online in the kept clustering (each joins the story the
    /// online index picks or opens its own), every other story as in the current snapshot. Null when articles left the
    /// store (then only a full refresh is right). Runs under the gate.
    /// </summary>
    private StorySnapshot? Place(ImmutableArray<ArticleSummary> summaries)
    {
        var ids = summaries.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (_articles.Keys.Any(id => !ids.Contains(id)))
        {
            return null;
        }

        var previous = _current;
        var missing = summaries.Select(a => a.Id).Where(id => !_articles.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var loaded = Load(missing);
        var features = new ArticleFeatures[loaded.Count];
        // The clusterer's own extractor: its features share the clusterer's vocabulary, so Add takes them without re-keying.
        var clustererExtractor = _clusterer.Extractor;
        Parallel.For(0, loaded.Count, i => features[i] = clustererExtractor.Extract(loaded[i]));
        // Snapshot story id → the articles placed in it now; online story ids of stories opened now → snapshot story id.
        var added = new Dictionary<string, List<Article>>(StringComparer.Ordinal);
        var opened = new Dictionary<string, string>(StringComparer.Ordinal);
        var newStories = new List<string>();
        var onlineOf = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < loaded.Count; i++)
        {
            var article = loaded[i];
            _articles[article.Id] = article;
            var online = _clusterer.Add(article, features[i]).StoryId;
            string target;
            if (opened.TryGetValue(online, out var mapped))
            {
                target = mapped;
            }
            else if (_placedAs.TryGetValue(online, out var earlier) && previous.StoryById.ContainsKey(earlier))
            {
                // A story an earlier provisional snapshot changed (or opened).
                target = earlier;
            }
            else if (previous.StoryById.ContainsKey(online))
            {
                // A consolidated story the online index was seeded with.
                target = online;
            }
            else
            {
                target = StoryNaming.StoryId(article.Id);
                opened[online] = target;
                newStories.Add(target);
            }

            onlineOf[target] = online;

            if (!added.TryGetValue(target, out var list))
            {
                added[target] = list = [];
            }

            list.Add(article);
        }

        var stories = new List<Story>(previous.Stories.Length + newStories.Count);
        foreach (var entry in previous.Stories)
        {
            stories.Add(added.TryGetValue(entry.Id, out var more) ? Extend(entry.Story, more) : entry.Story);
        }

        foreach (var id in newStories)
        {
            var members = added[id];
            stories.Add(Extend(new Story { Id = id, Title = StoryNaming.TitleOf(members[0]), TitleArticleId = members[0].Id, ArticleIds = [] }, members));
        }

        // A story's id names its smallest member (Story.Id): a new member may rename it, as the consolidation would.
        for (var i = 0; i < stories.Count; i++)
        {
            if (onlineOf.TryGetValue(stories[i].Id, out var online))
            {
                stories[i] = stories[i] with { Id = StoryNaming.StoryId(stories[i].ArticleIds.Min(StringComparer.Ordinal)!) };
                _placedAs[online] = stories[i].Id;
            }
        }

        return Build(stories.OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal).ToList(), summaries, consolidated: false);
    }

    /// <summary><paramref name="story"/> with <paramref name="more"/> among its members (published date, undated last, then id) and its date range widened.</summary>
    private Story Extend(Story story, List<Article> more)
    {
        var members = story.ArticleIds.Select(id => _articles[id]).Concat(more)
            .OrderBy(a => a.Metadata.Published?.Date ?? DateOnly.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        var dates = members.Select(a => a.Metadata.Published?.Date).OfType<DateOnly>().ToList();
        return story with
        {
            ArticleIds = [.. members.Select(a => a.Id)],
            From = dates.Count > 0 ? dates.Min() : null,
            To = dates.Count > 0 ? dates.Max() : null,
        };
    }

    /// <summary>Applies the store's current article set to the clustering and builds the snapshot. Runs under the gate.</summary>
    private StorySnapshot Refresh(ImmutableArray<ArticleSummary> summaries)
    {
        var ids = summaries.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (_articles.Keys.Any(id => !ids.Contains(id)))
        {
            // Articles left the store (not something the store does today): start the clustering over.
            _clusterer.Dispose();
            _clusterer = new StoryClusterer(_options);
            _articles.Clear();
        }

        var missing = summaries.Select(a => a.Id).Where(id => !_articles.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var loaded = Load(missing);
        var features = new ArticleFeatures[loaded.Count];
        // The clusterer's own extractor: its features share the clusterer's vocabulary, so Add takes them without re-keying.
        var clustererExtractor = _clusterer.Extractor;
        Parallel.For(0, loaded.Count, i => features[i] = clustererExtractor.Extract(loaded[i]));
        for (var i = 0; i < loaded.Count; i++)
        {
            _articles[loaded[i].Id] = loaded[i];
            _clusterer.Add(loaded[i], features[i]);
        }

        var stories = _clusterer.Stories
            .OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        _placedAs.Clear();
        return Build(stories, summaries, consolidated: true);
    }

    /// <summary>The snapshot of <paramref name="stories"/> (in snapshot order) over the stored articles: lineage (kept for unchanged members), entries, indexes.</summary>
    private StorySnapshot Build(List<Story> stories, ImmutableArray<ArticleSummary> summaries, bool consolidated)
    {
        // A provisional snapshot keeps most stories as they were (the same Story objects): their entries are reused
        // as they are (lineage, keys), so placing a few articles costs little however many stories there are.
        Dictionary<Story, StoryEntry>? kept = null;
        if (!consolidated)
        {
            kept = new Dictionary<Story, StoryEntry>(_current.Stories.Length, ReferenceEqualityComparer.Instance);
            foreach (var e in _current.Stories)
            {
                kept.TryAdd(e.Story, e);
            }
        }

        var reused = new StoryEntry?[stories.Count];
        if (kept is not null)
        {
            for (var i = 0; i < stories.Count; i++)
            {
                reused[i] = kept.GetValueOrDefault(stories[i]);
            }
        }

        // Lineage depends on the members only: keep it for stories whose members did not change.
        var memberKeys = stories.Select((s, i) => reused[i] is null ? Hashing.Sha256Hex(s.Id + "\n" + string.Join('\n', s.ArticleIds)) : null).ToList();
        var lineages = new StoryLineage[stories.Count];
        var todo = new List<int>();
        for (var i = 0; i < stories.Count; i++)
        {
            if (reused[i] is { } entry)
            {
                lineages[i] = entry.Lineage;
            }
            else if (_lineage.TryGetValue(memberKeys[i]!, out var known))
            {
                lineages[i] = known;
            }
            else
            {
                todo.Add(i);
            }
        }

        Parallel.ForEach(todo, () => new LineageDetector(), (i, _, detector) =>
        {
            var s = stories[i];
            lineages[i] = new StoryLineage(s.Id, detector.Detect([.. s.ArticleIds.Select(id => _articles[id])]));
            return detector;
        }, _ => { });
        if (consolidated)
        {
            var lineage = new Dictionary<string, StoryLineage>(StringComparer.Ordinal);
            for (var i = 0; i < stories.Count; i++)
            {
                lineage[memberKeys[i]!] = lineages[i];
            }

            _lineage = lineage;
        }
        else
        {
            // A provisional snapshot is replaced soon: the consolidated lineages stay (most come back unchanged).
            foreach (var i in todo)
            {
                _lineage[memberKeys[i]!] = lineages[i];
            }
        }

        var entries = stories.Select((s, i) => reused[i] ?? new StoryEntry(s, lineages[i], ContentKey(s))).ToImmutableArray();
        var storyOf = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var s in entries)
        {
            foreach (var id in s.ArticleIds)
            {
                storyOf.TryAdd(id, s.Id);
            }
        }

        var articles = summaries.Select(a => a.Id).Distinct(StringComparer.Ordinal).Select(id => _articles[id]).ToImmutableArray();
        var byId = articles.ToImmutableDictionary(a => a.Id, StringComparer.Ordinal);
        return new StorySnapshot(StorySnapshot.Fingerprint(byId.Keys), articles, byId, entries, storyOf.ToImmutable(), _clock.GetUtcNow(), _reports, consolidated);
    }

    /// <summary>The articles with these ids, in the given order: one by one for a few, one scan for many.</summary>
    private List<Article> Load(List<string> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        if (ids.Count > 200)
        {
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            var all = _store.LoadArticles().Where(a => wanted.Contains(a.Id)).DistinctBy(a => a.Id, StringComparer.Ordinal).ToDictionary(a => a.Id, StringComparer.Ordinal);
            return [.. ids.Select(id => all.GetValueOrDefault(id)).OfType<Article>()];
        }

        return [.. ids.Select(_store.GetArticle).OfType<Article>()];
    }

    /// <summary>Names everything a story's analysis reads besides its members' texts and the related links.</summary>
    private static string ContentKey(Story s) => Hashing.ShortId(Hashing.Sha256Hex(string.Join('\n',
        [s.Id, s.Title, s.TitleArticleId, string.Join(' ', s.ArticleIds),
         .. s.InferredDates.Select(d => $"{d.ArticleId} {d.From:yyyy-MM-dd} {d.To:yyyy-MM-dd} {d.Reason} {string.Join(' ', d.SiblingIds)}")])));

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            // A consolidation that already holds the clustering finishes first (it cannot stop half-way).
            _consolidation.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
        }

        _reports.Dispose();
        _clusterer.Dispose();
        _gate.Dispose();
        _stopping.Dispose();
    }
}

/// <summary>
/// The report and doc caches behind the snapshots, and the background analyses. Reports are keyed by
/// <see cref="StoryEntry.ContentKey"/> (the related links are patched in when read), docs by article id. Thread-safe:
/// concurrent requests for one story share one analysis.
/// </summary>
internal sealed class StoryReports : IDisposable
{
    private readonly Pipeline<Doc> _language;
    private readonly AnalysisCacheLimits _limits;
    private readonly Func<StoryReport, IReadOnlyList<Article>, StoryReport>? _adjust;
    private readonly LruCache<string, Doc> _docs;
    private readonly LruCache<string, StoryReport> _reports;
    private readonly LruCache<string, byte[]> _rendered;
    private readonly ConcurrentDictionary<string, Lazy<Task<StoryReport>>> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<string> _recent = new();
    private readonly Lock _warmLock = new();
    private volatile bool _stopped;
    private Queue<(StorySnapshot Snapshot, StoryEntry Story)> _warmQueue = new();
    private TaskCompletionSource _idle = CompletedSource();
    private bool _warming;
    private long _storyAnalyses;
    private long _docsAnalysed;

    public StoryReports(Pipeline<Doc> language, AnalysisCacheLimits limits, Func<StoryReport, IReadOnlyList<Article>, StoryReport>? adjust)
    {
        _language = language;
        _limits = limits;
        _adjust = adjust;
        _docs = new LruCache<string, Doc>(limits.Docs, StringComparer.Ordinal);
        _reports = new LruCache<string, StoryReport>(limits.ReportArticles, StringComparer.Ordinal);
        _rendered = new LruCache<string, byte[]>(limits.RenderedBytes, StringComparer.Ordinal);
        _slots = new SemaphoreSlim(limits.ConcurrentAnalyses, limits.ConcurrentAnalyses);
    }

    public long StoryAnalyses => Interlocked.Read(ref _storyAnalyses);

    public long DocsAnalysed => Interlocked.Read(ref _docsAnalysed);

    public ImmutableArray<string> Recent => [.. _recent];

    public int ReportCount => _reports.Count;

    public int DocCount => _docs.Count;

    public bool Warming
    {
        get
        {
            lock (_warmLock)
            {
                return _warming;
            }
        }
    }

    public Task IdleAsync(CancellationToken cancellationToken)
    {
        lock (_warmLock)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Bumped whenever a report is added: renderings that show analysis counts are keyed by it.</summary>
    public long Generation => Interlocked.Read(ref _storyAnalyses);

    public StoryReport? Cached(StoryEntry story) => _reports.TryPeek(story.ContentKey, out var core) ? WithLinks(core, story) : null;

    public async Task<StoryReport> ReportAsync(StorySnapshot snapshot, StoryEntry story)
    {
        if (_reports.TryGet(story.ContentKey, out var core))
        {
            return WithLinks(core, story);
        }

        var lazy = _running.GetOrAdd(story.ContentKey, _ => new Lazy<Task<StoryReport>>(() => AnalyzeInSlotAsync(snapshot, story), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return WithLinks(await lazy.Value.ConfigureAwait(false), story);
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Lazy<Task<StoryReport>>>(story.ContentKey, lazy));
        }
    }

    private async Task<StoryReport> AnalyzeInSlotAsync(StorySnapshot snapshot, StoryEntry story)
    {
        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            return _reports.TryGet(story.ContentKey, out var core) ? core : await Task.Run(() => Analyze(snapshot, story)).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public byte[]? Rendered(string key) => _rendered.TryGet(key, out var bytes) ? bytes : null;

    public byte[] Render(string key, Func<byte[]> render)
    {
        if (_rendered.TryGet(key, out var bytes))
        {
            return bytes;
        }

        bytes = render();
        _rendered.Set(key, bytes, bytes.Length);
        return bytes;
    }

    private static StoryReport WithLinks(StoryReport core, StoryEntry story) => core with { Related = StoryReportComposer.RelatedOf(story.Story) };

    private StoryReport Analyze(StorySnapshot snapshot, StoryEntry story)
    {
        var members = snapshot.MembersOf(story);
        var docs = new Doc[members.Length];
        var todo = new List<int>();
        for (var i = 0; i < members.Length; i++)
        {
            if (_docs.TryGet(members[i].Id, out var doc))
            {
                docs[i] = doc;
            }
            else
            {
                todo.Add(i);
            }
        }

        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            docs[i] = _language.Run(new Doc(members[i]));
            Interlocked.Increment(ref _docsAnalysed);
        });
        foreach (var i in todo)
        {
            _docs.Set(members[i].Id, docs[i], 1);
        }

        var report = StoryReportComposer.Compose(story.Story, story.Lineage, docs.ToDictionary(d => d.Article.Id, StringComparer.Ordinal));
        if (_adjust is not null)
        {
            report = _adjust(report, members);
        }

        _reports.Set(story.ContentKey, report, story.ArticleIds.Length + 1);
        Interlocked.Increment(ref _storyAnalyses);
        _recent.Enqueue(story.Id);
        while (_recent.Count > 1000 && _recent.TryDequeue(out _))
        {
        }

        return report;
    }

    /// <summary>
    /// Queues the background analyses after a refresh (each renders the story's JSON and gzip bytes too): changed
    /// stories whose previous version had been analysed, then the most covered and the newest stories. Replaces what was still queued (it belongs to an older snapshot).
    /// </summary>
    public void Warm(StorySnapshot previous, StorySnapshot current)
    {
        var analysedBefore = new HashSet<string>(StringComparer.Ordinal);
        foreach (var old in previous.Stories)
        {
            if (_reports.Contains(old.ContentKey))
            {
                analysedBefore.UnionWith(old.ArticleIds);
            }
        }

        var queue = new List<StoryEntry>();
        queue.AddRange(current.Stories.Where(s => s.ArticleIds.Any(analysedBefore.Contains)));
        // The list's two orders (computed once per snapshot; the list needs them anyway).
        queue.AddRange(current.MostCoveredSummaries.Take(_limits.WarmStories).Select(x => current.StoryById[x.Id]));
        queue.AddRange(current.NewestSummaries.Take(_limits.WarmStories).Select(x => current.StoryById[x.Id]));
        // Also stories analysed before whose served bytes are not cached (new related links give a new report key).
        var todo = queue.DistinctBy(s => s.ReportKey, StringComparer.Ordinal)
            .Where(s => !_reports.Contains(s.ContentKey) || !_rendered.Contains(StorySnapshot.GzipKey(s))).ToList();
        lock (_warmLock)
        {
            _warmQueue = new Queue<(StorySnapshot, StoryEntry)>(todo.Select(s => (current, s)));
            if (_warming || _warmQueue.Count == 0)
            {
                return;
            }

            _warming = true;
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = Task.Run(WarmLoop);
    }

    private void WarmLoop()
    {
        while (NextToWarm() is var (snapshot, story))
        {
            try
            {
                // The report and its served bytes (compact JSON and its gzip): a request for a warm story then only
                // writes cached bytes — rendering a 500 KB document (and compressing it) on its first request is the
                // slowest thing a warm request could do, and most of what it would allocate.
                snapshot.ReportJsonGzipAsync(story).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A story that fails to analyse fails again (with its error) when a request asks for it; warming goes on.
            }
        }
    }

    /// <summary>The next queued story, or null (and the idle signal set) when the queue is empty or the cache is disposed.</summary>
    private (StorySnapshot, StoryEntry)? NextToWarm()
    {
        TaskCompletionSource done;
        lock (_warmLock)
        {
            if (!_stopped && _warmQueue.TryDequeue(out var next))
            {
                return next;
            }

            _warming = false;
            done = _idle;
        }

        done.TrySetResult();
        return null;
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }

    public void Dispose() => _stopped = true;
}
