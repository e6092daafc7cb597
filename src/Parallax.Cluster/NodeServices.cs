using Parallax.Core;
using Parallax.Ingest;
using Parallax.Storage;

namespace Parallax.Cluster;

/// <summary>
/// What every grain on a node shares: the PostgreSQL article store (one connection pool per node), the article factory,
/// the connection string for the cluster tables and the node's name for logs. Thread-safe; one per silo process.
/// </summary>
public sealed class NodeServices : IDisposable
{
    public NodeServices(PostgresArticleStore store, ArticleFactory factory, string connectionString, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(factory);
        Store = store;
        Factory = factory;
        ConnectionString = connectionString;
        NodeName = nodeName;
    }

    public IArticleStore Store { get; }

    public ArticleFactory Factory { get; }

    public string ConnectionString { get; }

    /// <summary>host:siloPort, as in the membership table.</summary>
    public string NodeName { get; }

    public void Dispose() => Store.Dispose();
}
