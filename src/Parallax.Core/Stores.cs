using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>What a store says about one article it was asked to save.</summary>
public enum SaveOutcome
{
    Inserted,
    /// <summary>A source with the same content hash was already stored; nothing was written.</summary>
    Duplicate,
}

/// <summary>A line of <c>parallax articles</c>.</summary>
public sealed record ArticleSummary(string Id, string Outlet, string? Published, string? Title, int Words, int Removals, int Embeds, string Origin);

/// <summary>
/// The store contract (SQLite is the embedded default). Writes are transactional; re-ingesting the same source is
/// idempotent. Implementations are thread-safe for concurrent readers and one writer.
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>Saves sources and their articles in one transaction; returns the outcome per source, in order.</summary>
    ImmutableArray<SaveOutcome> Save(IReadOnlyList<(SourceDocument Source, ImmutableArray<Article> Articles)> batch);

    bool ContainsSource(string sourceId);

    SourceDocument? GetSource(string sourceId);

    Article? GetArticle(string articleId);

    ImmutableArray<ArticleSummary> ListArticles();

    ImmutableArray<Article> LoadArticles();

    /// <summary>Full-text search over cleaned article text; returns article ids, best first.</summary>
    ImmutableArray<string> Search(string query, int limit = 20);
}
