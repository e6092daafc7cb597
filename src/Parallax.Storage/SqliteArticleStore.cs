using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parallax.Core;

namespace Parallax.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with foreign keys on, its schema applied by ordered migrations
/// (<see cref="SqliteMigrations"/>), and an FTS5 index over article titles and cleaned texts.
/// <para>Thread safety: every call opens its own pooled connection, so any number of threads may read at once,
/// also while a write is in progress (WAL readers see the last committed state). Writes are serialised inside the
/// process; across processes SQLite's lock plus a busy timeout serialise them.</para>
/// <para>Atomicity: <see cref="Save"/> writes one batch in one transaction; a failure or crash inside it leaves the
/// store exactly as it was after the previous committed batch.</para>
/// <para>Errors: <see cref="Open"/> returns a result with a PX04xx diagnostic instead of throwing; a later operation
/// that fails because of the environment throws <see cref="StoreException"/> carrying one.</para>
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    /// <summary>The file <c>parallax</c> uses when no <c>--db</c> is given, relative to the working folder.</summary>
    public const string DefaultPath = "parallax.db";

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADb = 26;

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly Lock _writeLock = new();
    private bool _disposed;

    private SqliteArticleStore(string path, string connectionString, TimeProvider clock)
    {
        Path = path;
        _connectionString = connectionString;
        _clock = clock;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Test hook: runs after each source of a batch is written, inside the open transaction.</summary>
    internal Action<int>? AfterSourceWritten { get; set; }

    /// <summary>
    /// Opens (creating when missing) the store at <paramref name="path"/> and brings its schema up to
    /// <see cref="SqliteMigrations.Latest"/>. Re-opening an up-to-date store changes nothing.
    /// </summary>
    /// <param name="path">Database file; <see cref="DefaultPath"/> when the user gave none.</param>
    /// <param name="clock">Stamps <c>stored_at</c> and <c>applied_at</c>; the system clock when null.</param>
    /// <param name="busyTimeout">How long to wait for another process's lock before failing with PX0403; 5 s when null.</param>
    public static StoreOpenResult Open(string path, TimeProvider? clock = null, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            return StoreOpenResult.Failed(StoreErrors.CannotOpenAt(full, $"the folder {folder} does not exist"));
        }

        if (Directory.Exists(full))
        {
            return StoreOpenResult.Failed(StoreErrors.CannotOpenAt(full, "the path is a folder"));
        }

        var timeout = busyTimeout ?? TimeSpan.FromSeconds(5);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        };
        var store = new SqliteArticleStore(full, builder.ToString(), clock ?? TimeProvider.System);
        try
        {
            var error = store.Initialise(timeout);
            if (error is not null)
            {
                store.Dispose();
                return StoreOpenResult.Failed(error);
            }

            return StoreOpenResult.Opened(store);
        }
        catch (SqliteException e)
        {
            store.Dispose();
            return StoreOpenResult.Failed(store.Translate(e));
        }
        catch (IOException e)
        {
            store.Dispose();
            return StoreOpenResult.Failed(StoreErrors.CannotOpenAt(full, e.Message));
        }
        catch (UnauthorizedAccessException e)
        {
            store.Dispose();
            return StoreOpenResult.Failed(StoreErrors.CannotOpenAt(full, e.Message));
        }
    }

    /// <summary>
    /// Like <see cref="Open"/>, but fails with PX0409 instead of creating a new file: for commands that only read
    /// (<c>parallax articles</c>, <c>parallax show</c>), where a mistyped <c>--db</c> must not leave an empty store behind.
    /// </summary>
    public static StoreOpenResult OpenExisting(string path, TimeProvider? clock = null, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        return File.Exists(full) ? Open(full, clock, busyTimeout) : StoreOpenResult.Failed(StoreErrors.NoStoreAt(full));
    }

    /// <summary>The schema version recorded in the file (0 for a store without any migration applied).</summary>
    public int SchemaVersion()
    {
        using var connection = Connect();
        return ReadSchemaVersion(connection);
    }

    private Diagnostic? Initialise(TimeSpan busyTimeout)
    {
        using var connection = Connect();
        Execute(connection, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};");

        // Touching the schema is what makes SQLite read the header: a non-database file fails here (PX0402).
        var tables = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table';");
        var hasVersionTable = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';") == 1;
        if (tables > 0 && !hasVersionTable)
        {
            return StoreErrors.NotAStoreAt(Path);
        }

        var journal = Scalar<string>(connection, "PRAGMA journal_mode = WAL;");
        if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
        {
            return StoreErrors.CannotOpenAt(Path, $"the journal mode could not be set to WAL (got {journal})");
        }

        lock (_writeLock)
        {
            if (!hasVersionTable)
            {
                Execute(connection, """
                    CREATE TABLE IF NOT EXISTS schema_version (
                        version     INTEGER PRIMARY KEY,
                        description TEXT NOT NULL,
                        applied_at  TEXT NOT NULL
                    );
                    """);
            }

            var current = ReadSchemaVersion(connection);
            if (current > SqliteMigrations.Latest)
            {
                return StoreErrors.SchemaTooNewAt(Path, current, SqliteMigrations.Latest);
            }

            foreach (var migration in SqliteMigrations.All.Where(m => m.Version > current))
            {
                using var tx = connection.BeginTransaction();
                // Re-check inside the write transaction: another process may have migrated meanwhile.
                if (ReadSchemaVersion(connection, tx) >= migration.Version)
                {
                    tx.Rollback();
                    continue;
                }

                Execute(connection, migration.Sql, tx);
                using var record = connection.CreateCommand();
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);";
                record.Parameters.AddWithValue("$v", migration.Version);
                record.Parameters.AddWithValue("$d", migration.Description);
                record.Parameters.AddWithValue("$t", Now());
                record.ExecuteNonQuery();
                tx.Commit();
            }
        }

        return null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Sources already stored (same content hash), and repeats inside the batch, come back as
    /// <see cref="SaveOutcome.Duplicate"/> and write nothing. Everything else is written in one transaction: either
    /// the whole batch is stored or, on any failure, none of it. Throws <see cref="StoreException"/> (PX0403, PX0406,
    /// PX0407) when the batch could not be written.
    /// </remarks>
    public ImmutableArray<SaveOutcome> Save(IReadOnlyList<(SourceDocument Source, ImmutableArray<Article> Articles)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        StoreBatch.Validate(batch);

        lock (_writeLock)
        {
            return Guard(() =>
            {
                using var connection = Connect();
                using var tx = connection.BeginTransaction();
                var outcomes = ImmutableArray.CreateBuilder<SaveOutcome>(batch.Count);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var storedAt = Now();
                for (var i = 0; i < batch.Count; i++)
                {
                    var (source, articles) = batch[i];
                    if (!seen.Add(source.Id) || ContainsSource(connection, tx, source.Id))
                    {
                        outcomes.Add(SaveOutcome.Duplicate);
                        continue;
                    }

                    InsertSource(connection, tx, source, storedAt);
                    for (var ordinal = 0; ordinal < articles.Length; ordinal++)
                    {
                        InsertArticle(connection, tx, articles[ordinal], ordinal);
                    }

                    AfterSourceWritten?.Invoke(i);
                    outcomes.Add(SaveOutcome.Inserted);
                }

                tx.Commit();
                return outcomes.MoveToImmutable();
            });
        }
    }

    /// <inheritdoc />
    public bool ContainsSource(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return Guard(() =>
        {
            using var connection = Connect();
            return ContainsSource(connection, null, sourceId);
        });
    }

    /// <inheritdoc />
    public SourceDocument? GetSource(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return Guard(() =>
        {
            using var connection = Connect();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id, origin, kind, bytes, raw_text, encoding, reader, fetched_at, hints_json, diagnostics_json
                FROM sources WHERE id = $id;
                """;
            command.Parameters.AddWithValue("$id", sourceId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadSource(reader) : null;
        });
    }

    /// <inheritdoc />
    public Article? GetArticle(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return Guard(() =>
        {
            using var connection = Connect();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {ArticleColumns} FROM articles WHERE id = $id;";
            command.Parameters.AddWithValue("$id", articleId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadArticle(reader) : null;
        });
    }

    /// <inheritdoc />
    /// <remarks>Ordered by publication date (undated last), then outlet, then id.</remarks>
    public ImmutableArray<ArticleSummary> ListArticles() => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, outlet, published, title, words, removal_count, embed_count, origin
            FROM articles {OrderBy};
            """;
        using var reader = command.ExecuteReader();
        var list = ImmutableArray.CreateBuilder<ArticleSummary>();
        while (reader.Read())
        {
            list.Add(new ArticleSummary(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetString(7)));
        }

        return list.ToImmutable();
    });

    /// <inheritdoc />
    /// <remarks>Same order as <see cref="ListArticles"/>.</remarks>
    public ImmutableArray<Article> LoadArticles() => Guard(() =>
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ArticleColumns} FROM articles {OrderBy};";
        using var reader = command.ExecuteReader();
        var list = ImmutableArray.CreateBuilder<Article>();
        while (reader.Read())
        {
            list.Add(ReadArticle(reader));
        }

        return list.ToImmutable();
    });

    /// <inheritdoc />
    /// <remarks>
    /// The query is split into words (letters and digits); an article matches when its title or cleaned text holds
    /// every word (case- and diacritic-insensitive). Ranked by BM25, ties by id. An empty query finds nothing.
    /// </remarks>
    public ImmutableArray<string> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var match = ToFtsQuery(query);
        if (match.Length == 0)
        {
            return [];
        }

        return Guard(() =>
        {
            using var connection = Connect();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT f.article_id FROM articles_fts f JOIN articles a ON a.id = f.article_id
                WHERE articles_fts MATCH $q
                ORDER BY bm25(articles_fts), f.article_id LIMIT $n;
                """;
            command.Parameters.AddWithValue("$q", match);
            command.Parameters.AddWithValue("$n", limit);
            using var reader = command.ExecuteReader();
            var ids = ImmutableArray.CreateBuilder<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids.ToImmutable();
        });
    }

    /// <summary>Releases pooled connections so the file can be moved or deleted. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    // Every user word becomes a quoted FTS5 string, so operators and quotes in the query are just text.
    internal static string ToFtsQuery(string query)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in query)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return string.Join(' ', words.Select(w => "\"" + w + "\""));
    }

    private const string OrderBy = "ORDER BY published_date IS NULL, published_date, outlet, id";

    private const string ArticleColumns =
        "id, source_id, origin, metadata_json, raw_text, text, map_json, removals_json, embeds_json, html_map_json, diagnostics_json, provenance";

    private SqliteConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private string Now() => _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw new StoreException(Translate(e), e);
        }
        catch (IOException e)
        {
            throw new StoreException(StoreErrors.IoFailureAt(Path, e.Message), e);
        }
    }

    private Diagnostic Translate(SqliteException e) => e.SqliteErrorCode switch
    {
        SqliteBusy or SqliteLocked => StoreErrors.LockedAt(Path),
        SqliteCorrupt or SqliteNotADb => StoreErrors.CorruptAt(Path, e.Message),
        SqliteCantOpen => StoreErrors.CannotOpenAt(Path, e.Message),
        _ => StoreErrors.IoFailureAt(Path, e.Message),
    };

    private static int ReadSchemaVersion(SqliteConnection connection, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if ((long)command.ExecuteScalar()! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static bool ContainsSource(SqliteConnection connection, SqliteTransaction? tx, string sourceId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT 1 FROM sources WHERE id = $id;";
        command.Parameters.AddWithValue("$id", sourceId);
        return command.ExecuteScalar() is not null;
    }

    private static void InsertSource(SqliteConnection connection, SqliteTransaction tx, SourceDocument source, string storedAt)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO sources (id, origin, kind, bytes, raw_text, encoding, reader, fetched_at, hints_json, diagnostics_json, stored_at)
            VALUES ($id, $origin, $kind, $bytes, $raw, $encoding, $reader, $fetched, $hints, $diagnostics, $stored);
            """;
        var p = command.Parameters;
        p.AddWithValue("$id", source.Id);
        p.AddWithValue("$origin", StoredText.Write(source.Origin));
        p.AddWithValue("$kind", source.Kind.ToString());
        p.AddWithValue("$bytes", source.Bytes.ToArray());
        p.AddWithValue("$raw", StoredText.Write(source.RawText));
        p.AddWithValue("$encoding", source.Encoding);
        p.AddWithValue("$reader", source.Reader);
        p.AddWithValue("$fetched", source.FetchedAt is { } f ? f.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
        p.AddWithValue("$hints", StoredJson.Write(source.Hints));
        p.AddWithValue("$diagnostics", StoredJson.WriteDiagnostics(source.Diagnostics));
        p.AddWithValue("$stored", storedAt);
        command.ExecuteNonQuery();
    }

    private static void InsertArticle(SqliteConnection connection, SqliteTransaction tx, Article article, int ordinal)
    {
        using (var exists = connection.CreateCommand())
        {
            exists.Transaction = tx;
            exists.CommandText = "SELECT source_id FROM articles WHERE id = $id;";
            exists.Parameters.AddWithValue("$id", article.Id);
            if (exists.ExecuteScalar() is string)
            {
                throw new StoreException(StoreErrors.ArticleIdConflictFor(article.Id, article.SourceId));
            }
        }

        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO articles (id, source_id, ordinal, origin, outlet, title, published, published_date, url, language,
                metadata_json, raw_text, text, words, map_json, removals_json, removal_count, embeds_json, embed_count,
                html_map_json, diagnostics_json, provenance)
            VALUES ($id, $source, $ordinal, $origin, $outlet, $title, $published, $publishedDate, $url, $language,
                $metadata, $raw, $text, $words, $map, $removals, $removalCount, $embeds, $embedCount,
                $htmlMap, $diagnostics, $provenance);
            """;
        var m = article.Metadata;
        var p = command.Parameters;
        p.AddWithValue("$id", article.Id);
        p.AddWithValue("$source", article.SourceId);
        p.AddWithValue("$ordinal", ordinal);
        p.AddWithValue("$origin", StoredText.Write(article.Origin));
        p.AddWithValue("$outlet", m.Outlet);
        p.AddWithValue("$title", (object?)m.Title ?? DBNull.Value);
        p.AddWithValue("$published", (object?)m.Published?.ToIso() ?? DBNull.Value);
        p.AddWithValue("$publishedDate", m.Published is { } d ? d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
        p.AddWithValue("$url", (object?)m.Url ?? DBNull.Value);
        p.AddWithValue("$language", (object?)m.Language ?? DBNull.Value);
        p.AddWithValue("$metadata", StoredJson.Write(m));
        p.AddWithValue("$raw", StoredText.Write(article.RawText));
        p.AddWithValue("$text", StoredText.Write(article.Text));
        p.AddWithValue("$words", article.WordCount);
        p.AddWithValue("$map", StoredJson.WriteMap(article.Map));
        p.AddWithValue("$removals", StoredJson.WriteRemovals(article.Removals));
        p.AddWithValue("$removalCount", article.Removals.Length);
        p.AddWithValue("$embeds", StoredJson.WriteEmbeds(article.Embeds));
        p.AddWithValue("$embedCount", article.Embeds.Length);
        p.AddWithValue("$htmlMap", article.HtmlMap is { } h ? StoredJson.WriteMap(h) : DBNull.Value);
        p.AddWithValue("$diagnostics", StoredJson.WriteDiagnostics(article.Diagnostics));
        p.AddWithValue("$provenance", StoredText.Write(article.Provenance));
        command.ExecuteNonQuery();

        using var fts = connection.CreateCommand();
        fts.Transaction = tx;
        fts.CommandText = "INSERT INTO articles_fts (article_id, title, text) VALUES ($id, $title, $text);";
        fts.Parameters.AddWithValue("$id", article.Id);
        fts.Parameters.AddWithValue("$title", m.Title ?? "");
        // FTS5 needs TEXT; a text with lone surrogates is indexed with them replaced (search only, not storage).
        fts.Parameters.AddWithValue("$text", article.Text);
        fts.ExecuteNonQuery();
    }

    private static SourceDocument ReadSource(SqliteDataReader r)
    {
        var id = r.GetString(0);
        try
        {
            return new SourceDocument
            {
                Id = id,
                Origin = StoredText.Read(r.GetValue(1)),
                Kind = Enum.Parse<SourceKind>(r.GetString(2)),
                Bytes = (byte[])r.GetValue(3),
                RawText = StoredText.Read(r.GetValue(4)),
                Encoding = r.GetString(5),
                Reader = r.GetString(6),
                FetchedAt = r.IsDBNull(7) ? null : DateTimeOffset.ParseExact(r.GetString(7), "O", CultureInfo.InvariantCulture),
                Hints = StoredJson.Read<SourceHints>(r.GetString(8)),
                Diagnostics = StoredJson.ReadDiagnostics(r.GetString(9)),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or ArgumentException)
        {
            throw new StoreException(StoreErrors.BadRowFor(id, e.Message), e);
        }
    }

    private static Article ReadArticle(SqliteDataReader r)
    {
        var id = r.GetString(0);
        try
        {
            return new Article
            {
                Id = id,
                SourceId = r.GetString(1),
                Origin = StoredText.Read(r.GetValue(2)),
                Metadata = StoredJson.Read<ArticleMetadata>(r.GetString(3)),
                RawText = StoredText.Read(r.GetValue(4)),
                Text = StoredText.Read(r.GetValue(5)),
                Map = StoredJson.ReadMap(r.GetString(6)),
                Removals = StoredJson.ReadRemovals(r.GetString(7)),
                Embeds = StoredJson.ReadEmbeds(r.GetString(8)),
                HtmlMap = r.IsDBNull(9) ? null : StoredJson.ReadMap(r.GetString(9)),
                Diagnostics = StoredJson.ReadDiagnostics(r.GetString(10)),
                Provenance = StoredText.Read(r.GetValue(11)),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or ArgumentException)
        {
            throw new StoreException(StoreErrors.BadRowFor(id, e.Message), e);
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
