using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Storage;

namespace Parallax.Web;

/// <summary>
/// Everything the API and pages show, computed from one state of the store: the articles (report order) and the
/// analysed stories. Immutable; a new snapshot replaces it when the store changes.
/// </summary>
/// <param name="Version">16 hex digits of the SHA-256 of the sorted article ids: equal versions, equal content.</param>
public sealed record StorySnapshot(
    string Version,
    ImmutableArray<Article> Articles,
    ImmutableDictionary<string, Article> ArticleById,
    ImmutableArray<StoryReport> Stories,
    ImmutableDictionary<string, StoryReport> StoryById,
    ImmutableDictionary<string, string> StoryOfArticle,
    DateTimeOffset ComputedAt)
{
    public static StorySnapshot Empty { get; } = new(Fingerprint([]), [], ImmutableDictionary<string, Article>.Empty,
        [], ImmutableDictionary<string, StoryReport>.Empty, ImmutableDictionary<string, string>.Empty, DateTimeOffset.MinValue);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _rendered = new(StringComparer.Ordinal);

    /// <summary>
    /// A rendering of this snapshot (JSON, HTML) computed once per key and reused: the snapshot is immutable, so the
    /// same key always renders the same text. Thread-safe.
    /// </summary>
    public string Rendered(string key, Func<StorySnapshot, string> render) => _rendered.GetOrAdd(key, _ => render(this));

    /// <summary>The version of a set of article ids (any order).</summary>
    public static string Fingerprint(IEnumerable<string> articleIds) =>
        Hashing.ShortId(Hashing.Sha256Hex(string.Join('\n', articleIds.Order(StringComparer.Ordinal))));

    /// <summary>The member articles of a story, in report order; ids missing from the snapshot are skipped.</summary>
    public ImmutableArray<Article> MembersOf(StoryReport story) =>
        [.. story.ArticleIds.Select(id => ArticleById.GetValueOrDefault(id)).OfType<Article>()];

    /// <summary>The story's latest member publication date (ISO), or null when none is dated.</summary>
    public string? NewestDate(StoryReport story) =>
        MembersOf(story).Select(a => a.Metadata.Published?.ToIso()).Where(d => d is not null).Max(StringComparer.Ordinal);

    /// <summary>Distinct outlets of a story, ordinal order.</summary>
    public ImmutableArray<string> OutletsOf(StoryReport story) =>
        [.. MembersOf(story).Select(a => a.Metadata.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}

/// <summary>
/// Keeps the latest <see cref="StorySnapshot"/> of a store. The store is asked for its article ids at most once per
/// <c>recheck</c> interval (by the injected clock); when they changed — or after <see cref="Invalidate"/>, which this
/// process's writes call — the stories are recomputed with the analysis function, which must be deterministic, so the
/// same store state always gives the same snapshot. One recomputation at a time; readers never see a partial one.
/// Thread-safe.
/// </summary>
public sealed class AnalysisCache
{
    private readonly IArticleStore _store;
    private readonly Func<IReadOnlyList<Article>, CancellationToken, ImmutableArray<StoryReport>> _analyze;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _recheck;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile StorySnapshot _current = StorySnapshot.Empty;
    private long _lastCheckTicks = long.MinValue;
    // Invalidate() bumps _requested; a recomputation records the generation it started from in _served. While they
    // differ (a write happened, or a recomputation is running), readers wait for the gate instead of taking the fast path.
    private long _requested = 1;
    private long _served;

    public AnalysisCache(IArticleStore store, Func<IReadOnlyList<Article>, CancellationToken, ImmutableArray<StoryReport>> analyze, TimeProvider clock, TimeSpan recheck)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(analyze);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _analyze = analyze;
        _clock = clock;
        _recheck = recheck;
    }

    /// <summary>The store the snapshots are computed from.</summary>
    public IArticleStore Store => _store;

    /// <summary>How many times the stories were recomputed (for tests and /api/status).</summary>
    public int Recomputations { get; private set; }

    /// <summary>The last snapshot computed, without checking the store.</summary>
    public StorySnapshot Latest => _current;

    /// <summary>Marks the snapshot stale: the next <see cref="CurrentAsync"/> recomputes if the article ids changed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _requested);

    /// <summary>The snapshot of the store's current state (recomputed first when stale).</summary>
    public async Task<StorySnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (IsFresh())
        {
            return _current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsFresh())
            {
                return _current;
            }

            var generation = Interlocked.Read(ref _requested);
            Interlocked.Exchange(ref _lastCheckTicks, _clock.GetUtcNow().UtcTicks);
            var ids = _store.ListArticles().Select(a => a.Id).ToList();
            var version = StorySnapshot.Fingerprint(ids);
            if (version == _current.Version && _current.ComputedAt != DateTimeOffset.MinValue)
            {
                Interlocked.Exchange(ref _served, generation);
                return _current;
            }

            var snapshot = await Task.Run(() => Compute(cancellationToken), cancellationToken).ConfigureAwait(false);
            _current = snapshot;
            Recomputations++;
            Interlocked.Exchange(ref _served, generation);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool IsFresh() =>
        Interlocked.Read(ref _served) == Interlocked.Read(ref _requested)
        && _clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastCheckTicks) < _recheck.Ticks;

    private StorySnapshot Compute(CancellationToken cancellationToken)
    {
        var articles = _store.LoadArticles();
        var stories = articles.IsEmpty ? [] : _analyze(articles, cancellationToken);
        var storyOf = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            foreach (var id in story.ArticleIds)
            {
                storyOf.TryAdd(id, story.Id);
            }
        }

        var byId = ImmutableDictionary.CreateBuilder<string, Article>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            byId.TryAdd(a.Id, a);
        }

        var storyById = ImmutableDictionary.CreateBuilder<string, StoryReport>(StringComparer.Ordinal);
        foreach (var s in stories)
        {
            storyById.TryAdd(s.Id, s);
        }

        return new StorySnapshot(StorySnapshot.Fingerprint(articles.Select(a => a.Id)), articles, byId.ToImmutable(), stories,
            storyById.ToImmutable(), storyOf.ToImmutable(), _clock.GetUtcNow());
    }
}
