using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Web;

/// <summary>A story as listed: members, distinct outlets, distinct origins (reprints count once), latest member date.</summary>
public sealed record StorySummary(string Id, string Title, int Articles, ImmutableArray<string> Outlets, int Origins, string? Newest, int Facts, int Conflicts, int Quotes);

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
public sealed record ServerStatus(string Version, int Articles, int Stories, DateTimeOffset ComputedAt, int Recomputations, bool Watching);

internal static class Summaries
{
    public static StorySummary Of(StorySnapshot snapshot, StoryReport story) => new(
        story.Id, story.Title, story.ArticleIds.Length, snapshot.OutletsOf(story),
        story.IndependentSources > 0 ? story.IndependentSources : story.ArticleIds.Length,
        snapshot.NewestDate(story), story.Facts.Length, story.Conflicts.Length, story.Quotes.Length);

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
