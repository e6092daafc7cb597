using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Storage;

namespace Parallax.Cluster;

/// <summary>
/// The store contract for a cluster client (<c>parallax watch --cluster</c>): writes go through the cluster (each source
/// to its partition grain, which builds, stores and places it; the articles built by the caller are not sent, the node
/// rebuilds the same article from the same source), reads go straight to the cluster's PostgreSQL store. Idempotent like
/// every store: a source already stored is a duplicate. Not thread-safe for concurrent <see cref="Save"/> calls.
/// </summary>
public sealed class ClusterArticleStore : IArticleStore
{
    private readonly ClusterConnection _connection;
    private readonly IArticleStore _reads;

    public ClusterArticleStore(ClusterConnection connection, IArticleStore reads)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(reads);
        _connection = connection;
        _reads = reads;
    }

    /// <summary>The cluster's PostgreSQL store (host, port, database).</summary>
    public string Display => "cluster " + StoreLocator.Describe(_reads);

    /// <inheritdoc />
    /// <remarks>Throws <see cref="StoreException"/> (PX1004) when a batch still fails after the client's retries.</remarks>
    public ImmutableArray<SaveOutcome> Save(IReadOnlyList<(SourceDocument Source, ImmutableArray<Article> Articles)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var run = _connection.IngestAsync(batch.Select(b => b.Source)).GetAwaiter().GetResult();
        if (run.Failures.Count > 0)
        {
            throw new StoreException(run.Failures[0]);
        }

        var byId = run.Items.ToDictionary(i => i.SourceId, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. batch.Select(b => seen.Add(b.Source.Id) && byId.TryGetValue(b.Source.Id, out var item) && item.Outcome == 0 ? SaveOutcome.Inserted : SaveOutcome.Duplicate)];
    }

    public bool ContainsSource(string sourceId) => _reads.ContainsSource(sourceId);

    public SourceDocument? GetSource(string sourceId) => _reads.GetSource(sourceId);

    public Article? GetArticle(string articleId) => _reads.GetArticle(articleId);

    public ImmutableArray<ArticleSummary> ListArticles() => _reads.ListArticles();

    public ImmutableArray<Article> LoadArticles() => _reads.LoadArticles();

    public ImmutableArray<string> Search(string query, int limit = 20) => _reads.Search(query, limit);

    public void Dispose() => _reads.Dispose();
}
