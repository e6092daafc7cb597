using Npgsql;
using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Storage.Tests;

/// <summary>A fresh PostgreSQL database per test (see <see cref="PostgresServer"/>), dropped afterwards.</summary>
public sealed class TempPgDb : IDisposable
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ??= PostgresServer.CreateDatabase();

    public PostgresArticleStore Open()
    {
        var result = PostgresArticleStore.Open(ConnectionString);
        Assert.True(result.Store is not null, result.Error?.ToString());
        return result.Store!;
    }

    public void Dispose()
    {
        if (_connectionString is not null)
        {
            PostgresServer.DropDatabase(_connectionString);
        }
    }
}

/// <summary>Every store contract test, on PostgreSQL.</summary>
public sealed class PostgresArticleStoreContractTests : ArticleStoreContractTests
{
    private readonly TempPgDb _db = new();

    protected override IArticleStore OpenStore() => _db.Open();

    public override void Dispose() => _db.Dispose();
}

public sealed class PostgresArticleStoreTests : IDisposable
{
    private readonly TempPgDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Open_Twice_AppliesMigrationsOnce()
    {
        using (var store = _db.Open())
        {
            Assert.Equal(PostgresMigrations.Latest, store.SchemaVersion());
        }

        using var again = _db.Open();
        Assert.Equal(PostgresMigrations.Latest, again.SchemaVersion());
        using var connection = new NpgsqlConnection(_db.ConnectionString);
        connection.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM schema_version;", connection);
        Assert.Equal(PostgresMigrations.Latest, Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Open_UnreachableServer_IsACodedErrorWithoutCredentials()
    {
        var result = PostgresArticleStore.Open("Host=127.0.0.1;Port=1;Database=nowhere;Username=u;Password=secret-word;Timeout=2");
        Assert.Null(result.Store);
        Assert.Equal(StoreErrors.CannotOpen, result.Error!.Code);
        Assert.DoesNotContain("secret-word", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MalformedConnectionString_IsACodedError()
    {
        var result = PostgresArticleStore.Open("Host=127.0.0.1;Bogus Key With Spaces=1");
        Assert.Null(result.Store);
        Assert.Equal(StoreErrors.CannotOpen, result.Error!.Code);
    }

    [Fact]
    public void Save_FailingMidBatch_WritesNothing_AndARetrySucceeds()
    {
        var (source, article) = ArticleStoreContractTests.Strike();
        var second = TestArticles.Make("A second source about the harbour.\n");
        using var store = _db.Open();
        store.AfterSourceWritten = i =>
        {
            if (i == 1)
            {
                throw new NpgsqlException("simulated outage");
            }
        };
        var failure = Assert.Throws<StoreException>(() => store.Save([(source, [article]), (second.Source, [second.Article])]));
        Assert.Equal(StoreErrors.IoFailure, failure.Diagnostic.Code);
        Assert.False(store.ContainsSource(source.Id));
        Assert.Empty(store.ListArticles());

        store.AfterSourceWritten = null;
        Assert.Equal([SaveOutcome.Inserted, SaveOutcome.Inserted], store.Save([(source, [article]), (second.Source, [second.Article])]));
        Assert.Equal(2, store.ListArticles().Length);
    }

    [Fact]
    public void Save_ServerGoneMidIngest_FailsCleanly_AndTheStoreIsIntact()
    {
        var (source, article) = ArticleStoreContractTests.Strike();
        using var store = _db.Open();
        store.AfterSourceWritten = _ =>
        {
            // Kill our own backend: the connection dies inside the open transaction, as in a server outage.
            using var admin = new NpgsqlConnection(PostgresServer.RequireConnectionString());
            admin.Open();
            var db = new NpgsqlConnectionStringBuilder(_db.ConnectionString).Database;
            using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle';", admin);
            kill.Parameters.Add(new NpgsqlParameter { Value = db });
            kill.ExecuteNonQuery();
        };
        var failure = Assert.Throws<StoreException>(() => store.Save([(source, [article])]));
        Assert.Equal(StoreErrors.IoFailure, failure.Diagnostic.Code);

        store.AfterSourceWritten = null;
        NpgsqlConnection.ClearAllPools();
        Assert.False(store.ContainsSource(source.Id));
        Assert.Equal([SaveOutcome.Inserted], store.Save([(source, [article])]));
        Equality.AssertSame(article, store.GetArticle(article.Id)!);
    }

    [Fact]
    public void Save_TwoStoresSameSourceConcurrently_StoresItOnce()
    {
        var (source, article) = ArticleStoreContractTests.Strike();
        using var a = _db.Open();
        using var b = _db.Open();
        var outcomes = new SaveOutcome[2];
        Parallel.Invoke(
            () => outcomes[0] = a.Save([(source, [article])])[0],
            () => outcomes[1] = b.Save([(source, [article])])[0]);
        Assert.Equal([SaveOutcome.Inserted, SaveOutcome.Duplicate], outcomes.Order());
        Assert.Single(a.ListArticles());
    }

    [Fact]
    public void StoreLocator_ChoosesTheBackendFromWhatTheUserTyped()
    {
        Assert.True(StoreLocator.IsPostgres("Host=127.0.0.1;Port=5432;Database=parallax;Username=px"));
        Assert.True(StoreLocator.IsPostgres("postgresql://px@127.0.0.1/parallax"));
        Assert.False(StoreLocator.IsPostgres("parallax.db"));
        Assert.False(StoreLocator.IsPostgres("/tmp/a=b/parallax.db"));
        var (store, error) = StoreLocator.Open(_db.ConnectionString);
        using (store)
        {
            Assert.Null(error);
            Assert.IsType<PostgresArticleStore>(store);
        }
    }
}
