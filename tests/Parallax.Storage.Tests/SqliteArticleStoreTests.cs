using Microsoft.Data.Sqlite;
using Parallax.Core;

namespace Parallax.Storage.Tests;

/// <summary>A fresh database file per test, deleted afterwards.</summary>
public sealed class TempDb : IDisposable
{
    public TempDb()
    {
        Folder = Path.Combine(Path.GetTempPath(), "parallax-store-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path_ = Path.Combine(Folder, "parallax.db");
    }

    public string Folder { get; }

    public string Path_ { get; }

    public SqliteArticleStore Open(TimeSpan? busyTimeout = null)
    {
        var result = SqliteArticleStore.Open(Path_, busyTimeout: busyTimeout);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Store!;
    }

    /// <summary>A plain connection beside the store, without pooling, for inspecting or tampering with the file.</summary>
    public SqliteConnection Raw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path_, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

public sealed class SqliteArticleStoreContractTests : ArticleStoreContractTests
{
    private readonly TempDb _db = new();

    protected override IArticleStore OpenStore() => _db.Open();

    public override void Dispose() => _db.Dispose();
}

public sealed class SqliteArticleStoreTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    private static long Count(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Text(SqliteConnection c, string sql)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public void Open_NewFile_AppliesEveryMigrationInOrder()
    {
        using (var store = _db.Open())
        {
            Assert.Equal(SqliteMigrations.Latest, store.SchemaVersion());
        }

        using var raw = _db.Raw();
        Assert.Equal(SqliteMigrations.All.Length, Count(raw, "SELECT count(*) FROM schema_version"));
        Assert.Equal(SqliteMigrations.Latest, Count(raw, "SELECT max(version) FROM schema_version"));
        Assert.Equal(1, Count(raw, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'"));
        Assert.Equal("wal", Text(raw, "PRAGMA journal_mode"));
    }

    [Fact]
    public void Migrations_AreNumberedFromOneWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Length), SqliteMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public void Open_EmptyExistingFile_IsUpgradedFromVersionZero()
    {
        File.WriteAllBytes(_db.Path_, []);
        using var store = _db.Open();
        Assert.Equal(SqliteMigrations.Latest, store.SchemaVersion());
    }

    [Fact]
    public void Open_StoreWithEmptyVersionTable_AppliesMigrationsFromOne()
    {
        using (var raw = _db.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);";
            command.ExecuteNonQuery();
        }

        using var store = _db.Open();
        Assert.Equal(SqliteMigrations.Latest, store.SchemaVersion());
        var (source, article) = TestArticles.Numbered(1);
        Assert.Equal([SaveOutcome.Inserted], store.Save([(source, [article])]).ToArray());
    }

    [Fact]
    public void Open_Again_IsIdempotentAndKeepsData()
    {
        var (source, article) = TestArticles.Numbered(1);
        using (var store = _db.Open())
        {
            store.Save([(source, [article])]);
        }

        using (var again = _db.Open())
        {
            Equality.AssertSame(article, again.GetArticle(article.Id)!);
        }

        using var third = _db.Open();
        using var raw = _db.Raw();
        Assert.Equal(SqliteMigrations.All.Length, Count(raw, "SELECT count(*) FROM schema_version"));
        Assert.Equal(1, Count(raw, "SELECT count(*) FROM articles"));
        Assert.Equal(1, Count(raw, "SELECT count(*) FROM articles_fts"));
    }

    [Fact]
    public void Open_ForeignKeysAreEnforcedOnStoreConnections()
    {
        using var store = _db.Open();
        var (source, article) = TestArticles.Numbered(1);
        store.Save([(source, [article])]);
        // Deleting a source through a connection configured like the store's cascades to its articles.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _db.Path_, ForeignKeys = true, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, command.ExecuteScalar());
        command.CommandText = $"DELETE FROM sources WHERE id = '{source.Id}'";
        command.ExecuteNonQuery();
        Assert.Null(store.GetArticle(article.Id));
    }

    [Fact]
    public void Open_SchemaNewerThanCode_FailsWithPX0404()
    {
        using (var store = _db.Open())
        {
        }

        using (var raw = _db.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = $"INSERT INTO schema_version VALUES ({SqliteMigrations.Latest + 1}, 'from the future', '2030-01-01');";
            command.ExecuteNonQuery();
        }

        var result = SqliteArticleStore.Open(_db.Path_);
        Assert.False(result.Succeeded);
        Assert.Equal(StoreErrors.SchemaTooNew, result.Error!.Code);
        Assert.StartsWith("PX0404: ", result.Error.Message);
        Assert.Contains($"schema version {SqliteMigrations.Latest + 1}", result.Error.Message);
    }

    [Fact]
    public void Open_GarbageFile_FailsWithPX0402()
    {
        File.WriteAllText(_db.Path_, "This is a shopping list, not a database. Milk, eggs, rope, more rope, and a lot of other text to fill a page." + new string('x', 5000));
        var result = SqliteArticleStore.Open(_db.Path_);
        Assert.False(result.Succeeded);
        Assert.Equal(StoreErrors.Corrupt, result.Error!.Code);
        Assert.StartsWith("PX0402: ", result.Error.Message);
        Assert.Equal(_db.Path_, result.Error.Subject);
    }

    [Fact]
    public void Open_MissingFolder_FailsWithPX0401()
    {
        var result = SqliteArticleStore.Open(Path.Combine(_db.Folder, "no", "such", "folder", "x.db"));
        Assert.False(result.Succeeded);
        Assert.Equal(StoreErrors.CannotOpen, result.Error!.Code);
        Assert.Contains("does not exist", result.Error.Message);
    }

    [Fact]
    public void OpenExisting_MissingFile_FailsWithPX0409AndCreatesNothing()
    {
        var result = SqliteArticleStore.OpenExisting(_db.Path_);
        Assert.Equal(StoreErrors.NoStore, result.Error!.Code);
        Assert.False(File.Exists(_db.Path_));
        using (_db.Open())
        {
        }

        using var existing = SqliteArticleStore.OpenExisting(_db.Path_).Store;
        Assert.NotNull(existing);
    }

    [Fact]
    public void Open_FolderPath_FailsWithPX0401()
    {
        var result = SqliteArticleStore.Open(_db.Folder);
        Assert.Equal(StoreErrors.CannotOpen, result.Error!.Code);
    }

    [Fact]
    public void Open_OtherApplicationsDatabase_IsRefusedWithPX0405AndLeftAlone()
    {
        using (var raw = _db.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "CREATE TABLE recipes (name TEXT);";
            command.ExecuteNonQuery();
        }

        var result = SqliteArticleStore.Open(_db.Path_);
        Assert.Equal(StoreErrors.NotAStore, result.Error!.Code);
        using var check = _db.Raw();
        Assert.Equal(1, Count(check, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public void Save_WhileAnotherProcessHoldsTheWriteLock_FailsWithPX0403AndWritesNothing()
    {
        using var store = _db.Open(busyTimeout: TimeSpan.FromSeconds(1));
        using var raw = _db.Raw();
        using (var begin = raw.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            begin.ExecuteNonQuery();
        }

        var (source, article) = TestArticles.Numbered(1);
        var e = Assert.Throws<StoreException>(() => store.Save([(source, [article])]));
        Assert.Equal(StoreErrors.Locked, e.Diagnostic.Code);
        Assert.StartsWith("PX0403: ", e.Message);
        using (var rollback = raw.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            rollback.ExecuteNonQuery();
        }

        Assert.False(store.ContainsSource(source.Id));
        Assert.Equal([SaveOutcome.Inserted], store.Save([(source, [article])]).ToArray());
    }

    [Fact]
    public void Save_FailureMidBatch_KeepsCommittedBatchAndLosesOnlyTheFailedOne()
    {
        var batch1 = Enumerable.Range(1, 3).Select(n => TestArticles.Batch(TestArticles.Numbered(n, "lockout"))).ToArray();
        var batch2 = Enumerable.Range(4, 3).Select(n => TestArticles.Batch(TestArticles.Numbered(n, "walkout"))).ToArray();
        using (var store = _db.Open())
        {
            store.Save(batch1);
            // Abort inside the open transaction after two of batch 2's three sources were written.
            store.AfterSourceWritten = i =>
            {
                if (i == 1)
                {
                    throw new InvalidOperationException("simulated crash");
                }
            };
            Assert.Throws<InvalidOperationException>(() => store.Save(batch2));
        }

        using var reopened = _db.Open();
        foreach (var (source, articles) in batch1)
        {
            Assert.True(reopened.ContainsSource(source.Id));
            Equality.AssertSame(articles[0], reopened.GetArticle(articles[0].Id)!);
        }

        foreach (var (source, articles) in batch2)
        {
            Assert.False(reopened.ContainsSource(source.Id));
            Assert.Null(reopened.GetArticle(articles[0].Id));
        }

        Assert.Equal(3, reopened.Search("lockout").Length);
        Assert.Empty(reopened.Search("walkout"));
        Assert.Equal(3, reopened.ListArticles().Length);
    }

    [Fact]
    public void Save_ConnectionDroppedWithoutCommit_LeavesNoTrace()
    {
        // What a killed process leaves behind: a transaction that was begun, written to, and never committed.
        var (source, article) = TestArticles.Numbered(1);
        using (var store = _db.Open())
        {
            store.Save([(source, [article])]);
        }

        using (var raw = _db.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "BEGIN IMMEDIATE; DELETE FROM articles; INSERT INTO sources (id, origin, kind, bytes, raw_text, encoding, reader, hints_json, diagnostics_json, stored_at) VALUES ('abc', 'o', 'Text', x'00', 't', 'utf-8', 'text', '{}', '[]', 'now');";
            command.ExecuteNonQuery();
        }

        using var reopened = _db.Open();
        Assert.False(reopened.ContainsSource("abc"));
        Equality.AssertSame(article, reopened.GetArticle(article.Id)!);
    }

    [Fact]
    public void Store_FilesCopiedMidTransaction_RecoverToTheLastCommit()
    {
        // A power cut or kill -9 leaves exactly the files as they are on disk at that instant. Force an open
        // transaction to spill uncommitted pages into the WAL, snapshot the files, and open the snapshot.
        var committed = Enumerable.Range(1, 3).Select(n => TestArticles.Numbered(n)).ToArray();
        using (var store = _db.Open())
        {
            store.Save([.. committed.Select(TestArticles.Batch)]);
        }

        var snapshot = Path.Combine(_db.Folder, "snapshot");
        Directory.CreateDirectory(snapshot);
        using (var raw = _db.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "PRAGMA cache_size = 1; BEGIN IMMEDIATE; DELETE FROM articles; DELETE FROM articles_fts;";
            command.ExecuteNonQuery();
            command.CommandText = "INSERT INTO sources (id, origin, kind, bytes, raw_text, encoding, reader, hints_json, diagnostics_json, stored_at) VALUES ($id, 'o', 'Text', zeroblob(200000), 't', 'utf-8', 'text', '{}', '[]', 'now');";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            for (var i = 0; i < 20; i++)
            {
                id.Value = $"uncommitted-{i}";
                command.ExecuteNonQuery();
            }

            Assert.True(new FileInfo(_db.Path_ + "-wal").Length > 1_000_000, "the open transaction should have spilled into the WAL");
            foreach (var suffix in new[] { "", "-wal" })
            {
                File.Copy(_db.Path_ + suffix, Path.Combine(snapshot, "parallax.db" + suffix));
            }

            command.CommandText = "ROLLBACK;";
            command.Parameters.Clear();
            command.ExecuteNonQuery();
        }

        var opened = SqliteArticleStore.Open(Path.Combine(snapshot, "parallax.db"));
        Assert.True(opened.Succeeded, opened.Error?.ToString());
        using var recovered = opened.Store!;
        Assert.False(recovered.ContainsSource("uncommitted-0"));
        Assert.Equal(3, recovered.ListArticles().Length);
        foreach (var (_, article) in committed)
        {
            Equality.AssertSame(article, recovered.GetArticle(article.Id)!);
        }

        Assert.Equal(3, recovered.Search("strike").Length);
    }

    [Fact]
    public async Task Save_TwoStoresOnOneFile_WritesWaitForEachOther()
    {
        // Two instances stand for two processes: they share no in-process lock, only SQLite's file lock.
        using var first = _db.Open();
        using var second = _db.Open();
        var a = Task.Run(() => Enumerable.Range(0, 10).SelectMany(i => first.Save([TestArticles.Batch(TestArticles.Numbered(1000 + i))])).ToList(), TestContext.Current.CancellationToken);
        var b = Task.Run(() => Enumerable.Range(0, 10).SelectMany(i => second.Save([TestArticles.Batch(TestArticles.Numbered(2000 + i))])).ToList(), TestContext.Current.CancellationToken);
        var outcomes = (await a).Concat(await b).ToList();
        Assert.Equal(20, outcomes.Count(o => o == SaveOutcome.Inserted));
        Assert.Equal(20, first.ListArticles().Length);
        Assert.Equal(20, second.ListArticles().Length);
    }

    [Fact]
    public void Save_ArticleIdAlreadyStoredForAnotherSource_FailsWithPX0406AndWritesNothing()
    {
        var (source1, article1) = TestArticles.Numbered(1);
        var (source2, article2) = TestArticles.Numbered(2);
        var (source3, article3) = TestArticles.Numbered(3);
        using var store = _db.Open();
        store.Save([(source1, [article1])]);
        var clash = article3 with { Id = article1.Id };
        var e = Assert.Throws<StoreException>(() => store.Save([(source2, [article2]), (source3, [clash])]));
        Assert.Equal(StoreErrors.ArticleIdConflict, e.Diagnostic.Code);
        Assert.False(store.ContainsSource(source2.Id));
        Assert.False(store.ContainsSource(source3.Id));
        Equality.AssertSame(article1, store.GetArticle(article1.Id)!);
    }

    [Fact]
    public void GetArticle_DamagedRow_FailsWithPX0408()
    {
        var (source, article) = TestArticles.Numbered(1);
        using var store = _db.Open();
        store.Save([(source, [article])]);
        using (var raw = _db.Raw())
        using (var command = raw.CreateCommand())
        {
            command.CommandText = "UPDATE articles SET map_json = '{\"cleanLength\": 3, \"rawLength\": 1, \"segments\": [[0, 0, 3]]}'";
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<StoreException>(() => store.GetArticle(article.Id));
        Assert.Equal(StoreErrors.BadRow, e.Diagnostic.Code);
    }

    [Fact]
    public void Save_StampsStoredAtFromTheInjectedClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 12, 8, 0, 0, TimeSpan.Zero));
        var result = SqliteArticleStore.Open(_db.Path_, clock);
        using (var store = result.Store!)
        {
            var (source, article) = TestArticles.Numbered(1);
            store.Save([(source, [article])]);
        }

        using var raw = _db.Raw();
        Assert.Equal("2026-03-12T08:00:00.0000000+00:00", Text(raw, "SELECT stored_at FROM sources"));
        Assert.Equal("2026-03-12T08:00:00.0000000+00:00", Text(raw, "SELECT applied_at FROM schema_version WHERE version = 1"));
    }

    [Theory]
    [InlineData("strike", "\"strike\"")]
    [InlineData("  Port-Velin  strike! ", "\"Port\" \"Velin\" \"strike\"")]
    [InlineData("\"NEAR(a b)\" OR c*", "\"NEAR\" \"a\" \"b\" \"OR\" \"c\"")]
    [InlineData("--", "")]
    public void ToFtsQuery_QuotesEveryWord(string query, string expected)
    {
        Assert.Equal(expected, SqliteArticleStore.ToFtsQuery(query));
    }

    [Fact]
    public void Equality_DetectsADifferentSegment()
    {
        // The round-trip tests are only as good as the helper: it must notice a one-character difference.
        var (_, article) = TestArticles.Numbered(1);
        var moved = article with { Map = new OffsetMap(article.Map.Segments.Select(s => s with { RawStart = s.RawStart }).Take(article.Map.Segments.Length - 1).Append(article.Map.Segments[^1] with { Length = article.Map.Segments[^1].Length - 1 }), article.Map.CleanLength, article.Map.RawLength) };
        Assert.ThrowsAny<Exception>(() => Equality.AssertSame(article, moved));
        Assert.ThrowsAny<Exception>(() => Equality.AssertSame(article, article with { Removals = [] }));
        Assert.ThrowsAny<Exception>(() => Equality.AssertSame(article, article with { Metadata = article.Metadata with { Authors = ["Someone Else"] } }));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
