using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Web;

/// <summary>
/// A story as listed: members, distinct outlets, distinct origins (reprints count once), latest member date, and — once
/// the story has been analysed (<see cref="Analysed"/>) — its numbers of facts, conflicts and quotes (null before).
/// </summary>
public sealed record StorySummary(string Id, string Title, int Articles, ImmutableArray<string> Outlets, int Origins, string? Newest, int? Facts, int? Conflicts, int? Quotes)
{
    /// <summary>True when the story's report was computed (it is computed on first request or by the background warm-up).</summary>
    public bool Analysed => Facts is not null;
}

/// <summary>The story list: the snapshot version (changes whenever the stored articles change) and the stories.</summary>
public sealed record StoryList(string Version, int ArticleCount, ImmutableArray<StorySummary> Stories);

/// <summary>An article as listed.</summary>
public sealed record ArticleListItem(string Id, string Outlet, string? Published, string? Title, int Words, string? Url, string? StoryId);

/// <summary>One article in full: the report contract's article, its story and its origin in that story.</summary>
public sealed record ArticleDetail(ArticleReport Article, string? StoryId, OriginReport? Origin);

/// <summary>Search results: articles (FTS5, best first) and the stories they belong to or whose title matches.</summary>
public sealed record SearchResult(string Query, ImmutableArray<ArticleListItem> Articles, ImmutableArray<StorySummary> Stories);

/// <summary>An API error: stable code and reason.</summary>
public sealed record ApiError(string Code, string Message);

/// <summary>The server's state.</summary>
public sealed record ServerStatus(string Version, int Articles, int Stories, DateTimeOffset ComputedAt, int Recomputations, bool Watching)
{
    /// <summary>True while changed stories and the warm-up set (most covered, newest) are being analysed in the background.</summary>
    public bool Warming { get; init; }

    /// <summary>Story analyses run since start (cache hits excluded).</summary>
    public long StoryAnalyses { get; init; }

    /// <summary>Articles run through the language layer since start (cache hits excluded).</summary>
    public long DocsAnalysed { get; init; }

    /// <summary>Story reports and article docs currently cached (both bounded: docs/web.md).</summary>
    public int CachedReports { get; init; }

    public int CachedDocs { get; init; }

    /// <summary>
    /// False while the served stories are provisional: articles new since the last consolidation are placed online and
    /// the consolidation (equal to clustering the store from scratch) is pending or running in the background.
    /// </summary>
    public bool Consolidated { get; init; } = true;
}

internal static class Summaries
{
    /// <summary>The summary of a story; analysis counts only when its report is already cached (never analyses).</summary>
    public static StorySummary Of(StorySnapshot snapshot, StoryEntry story) => WithCounts(snapshot, snapshot.BaseSummary(story));

    /// <summary>A summary with the analysis counts filled in when the story's report is cached.</summary>
    public static StorySummary WithCounts(StorySnapshot snapshot, StorySummary summary)
    {
        var report = snapshot.StoryById.TryGetValue(summary.Id, out var story) ? snapshot.CachedReport(story) : null;
        return report is null ? summary : summary with { Facts = report.Facts.Length, Conflicts = report.Conflicts.Length, Quotes = report.Quotes.Length };
    }

    public static ArticleListItem Of(StorySnapshot snapshot, Article a) => new(
        a.Id, a.Metadata.Outlet, a.Metadata.Published?.ToIso(), a.Metadata.Title, a.WordCount,
        a.Metadata.CanonicalUrl ?? a.Metadata.Url, snapshot.StoryOfArticle.GetValueOrDefault(a.Id));

    /// <summary>Newest first (undated last), then most articles, then id.</summary>
    public static IEnumerable<StorySummary> Newest(IEnumerable<StorySummary> stories) =>
        stories.OrderByDescending(s => s.Newest ?? "", StringComparer.Ordinal).ThenByDescending(s => s.Articles).ThenBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>Most origins first, then most outlets, then most articles, then id.</summary>
    public static IEnumerable<StorySummary> MostCovered(IEnumerable<StorySummary> stories) =>
        stories.OrderByDescending(s => s.Origins).ThenByDescending(s => s.Outlets.Length).ThenByDescending(s => s.Articles).ThenBy(s => s.Id, StringComparer.Ordinal);
}
