using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Parallax.Core;

namespace Parallax.Storage;

/// <summary>The outcome of opening a PostgreSQL store: the store, or the coded reason it could not be opened.</summary>
public sealed record PostgresOpenResult(PostgresArticleStore? Store, Diagnostic? Error);

/// <summary>
/// The same store contract as <see cref="SqliteArticleStore"/> on PostgreSQL (Npgsql): ordered migrations
/// (<see cref="PostgresMigrations"/>) applied under an advisory lock, one transaction per batch, and full-text search
/// with PostgreSQL's own <c>tsvector</c> (GIN index) over titles and cleaned texts.
/// <para>Exactness: texts are stored as <c>bytea</c> (UTF-8, or UTF-16LE code units behind a 0xFF marker when the string
/// holds lone surrogates), because PostgreSQL <c>text</c> refuses NUL characters and ill-formed UTF-16; every field
/// round-trips exactly. Searching folds case and diacritics in the application, so no server extension is needed.</para>
/// <para>Thread safety: every call takes its own pooled connection; writes from several processes are serialised by the
/// database (duplicate sources are detected inside the transaction under a per-source advisory lock).</para>
/// <para>Errors: <see cref="Open"/> returns a coded diagnostic; later failures throw <see cref="StoreException"/>
/// (PX0407 when the server is unreachable or a statement fails; the batch's transaction is rolled back).</para>
/// </summary>
public sealed class PostgresArticleStore : IArticleStore
{
    private const long MigrationLockKey = 0x5041524C4158; // "PARLAX"
    private const int MaxIndexedChars = 400_000; // tsvector values are limited to 1 MB

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private bool _disposed;

    private PostgresArticleStore(NpgsqlDataSource dataSource, string display, TimeProvider clock)
    {
        _dataSource = dataSource;
        Display = display;
        _clock = clock;
    }

    /// <summary>Host, port and database, without credentials: how the store is named in messages.</summary>
    public string Display { get; }

    /// <summary>Test hook: runs after each source of a batch is written, inside the open transaction.</summary>
    internal Action<int>? AfterSourceWritten { get; set; }

    /// <summary>Connects, and brings the schema up to <see cref="PostgresMigrations.Latest"/>.</summary>
    public static PostgresOpenResult Open(string connectionString, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return new PostgresOpenResult(null, StoreErrors.CannotConnectTo("postgresql", $"the connection string is malformed ({e.Message})"));
        }

        if (builder.Timeout == 15)
        {
            builder.Timeout = 5;
        }

        var display = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        var store = new PostgresArticleStore(NpgsqlDataSource.Create(builder), display, clock ?? TimeProvider.System);
        try
        {
            var error = store.Initialise();
            if (error is not null)
            {
                store.Dispose();
                return new PostgresOpenResult(null, error);
            }

            return new PostgresOpenResult(store, null);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            store.Dispose();
            return new PostgresOpenResult(null, StoreErrors.CannotConnectTo(display, e.Message));
        }
    }

    /// <summary>The schema version recorded in the database.</summary>
    public int SchemaVersion()
    {
        using var connection = _dataSource.OpenConnection();
        return ReadSchemaVersion(connection, null);
    }

    private Diagnostic? Initialise()
    {
        using var connection = _dataSource.OpenConnection();
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, $"SELECT pg_advisory_xact_lock({MigrationLockKey});");
        var hasVersion = Scalar<bool>(connection, tx, "SELECT to_regclass('schema_version') IS NOT NULL;");
        var hasOther = Scalar<bool>(connection, tx, "SELECT to_regclass('articles') IS NOT NULL OR to_regclass('sources') IS NOT NULL;");
        if (!hasVersion && hasOther)
        {
            return Diagnostic.Error(StoreErrors.NotAStore, $"{StoreErrors.NotAStore}: the database has sources/articles tables but no schema_version table; refusing to modify it. Use another database.", Display);
        }

        Execute(connection, tx, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version     integer PRIMARY KEY,
                description text NOT NULL,
                applied_at  text NOT NULL
            );
            """);
        var current = ReadSchemaVersion(connection, tx);
        if (current > PostgresMigrations.Latest)
        {
            return StoreErrors.SchemaTooNewAt(Display, current, PostgresMigrations.Latest);
        }

        foreach (var migration in PostgresMigrations.All.Where(m => m.Version > current))
        {
            Execute(connection, tx, migration.Sql);
            using var record = new NpgsqlCommand("INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3);", connection, tx);
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Description });
            record.Parameters.Add(new NpgsqlParameter { Value = Now() });
            record.ExecuteNonQuery();
        }

        tx.Commit();
        return null;
    }

    /// <inheritdoc />
    /// <remarks>Same semantics as <see cref="SqliteArticleStore.Save"/>: duplicates write nothing; all or nothing per batch.</remarks>
    public ImmutableArray<SaveOutcome> Save(IReadOnlyList<(SourceDocument Source, ImmutableArray<Article> Articles)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        StoreBatch.Validate(batch);

        return Guard(() =>
        {
            using var connection = _dataSource.OpenConnection();
            using var tx = connection.BeginTransaction();
            var outcomes = ImmutableArray.CreateBuilder<SaveOutcome>(batch.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var storedAt = Now();
            for (var i = 0; i < batch.Count; i++)
            {
                var (source, articles) = batch[i];
                if (!seen.Add(source.Id))
                {
                    outcomes.Add(SaveOutcome.Duplicate);
                    continue;
                }

                // Another process saving the same source waits here until our transaction ends, then sees it.
                using (var lockSource = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0));", connection, tx))
                {
                    lockSource.Parameters.Add(new NpgsqlParameter { Value = source.Id });
                    lockSource.ExecuteNonQuery();
                }

                if (ContainsSource(connection, tx, source.Id))
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

    /// <inheritdoc />
    public bool ContainsSource(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return Guard(() =>
        {
            using var connection = _dataSource.OpenConnection();
            return ContainsSource(connection, null, sourceId);
        });
    }

    /// <inheritdoc />
    public SourceDocument? GetSource(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return Guard(() =>
        {
            using var connection = _dataSource.OpenConnection();
            using var command = new NpgsqlCommand(
                "SELECT id, origin, kind, bytes, raw_text, encoding, reader, fetched_at, hints_json, diagnostics_json FROM sources WHERE id = $1;",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = sourceId });
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
            using var connection = _dataSource.OpenConnection();
            using var command = new NpgsqlCommand($"SELECT {ArticleColumns} FROM articles WHERE id = $1;", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = articleId });
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadArticle(reader) : null;
        });
    }

    /// <inheritdoc />
    /// <remarks>Ordered by publication date (undated last), then outlet, then id (ordinal comparisons, like SQLite).</remarks>
    public ImmutableArray<ArticleSummary> ListArticles() => Guard(() =>
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT id, metadata_json, words, removal_count, embed_count, origin FROM articles {OrderBy};", connection);
        using var reader = command.ExecuteReader();
        var list = ImmutableArray.CreateBuilder<ArticleSummary>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var m = ReadJson<ArticleMetadata>(id, reader.GetString(1));
            list.Add(new ArticleSummary(id, m.Outlet, m.Published?.ToIso(), m.Title, reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), PgText.Read((byte[])reader.GetValue(5))));
        }

        return list.ToImmutable();
    });

    /// <inheritdoc />
    public ImmutableArray<Article> LoadArticles() => Guard(() =>
    {
        using var connection = _dataSource.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT {ArticleColumns} FROM articles {OrderBy};", connection);
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
    /// Words of letters and digits, folded like the index (case, diacritics); an article matches when its title or text
    /// holds every word. Ranked by <c>ts_rank</c> (title words weigh more), ties by id. An empty query finds nothing.
    /// </remarks>
    public ImmutableArray<string> Search(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var words = SearchFolding.Words(query);
        if (words.Count == 0)
        {
            return [];
        }

        return Guard(() =>
        {
            using var connection = _dataSource.OpenConnection();
            using var command = new NpgsqlCommand("""
                SELECT id FROM articles, plainto_tsquery('simple', $1) q
                WHERE search @@ q
                ORDER BY ts_rank(search, q) DESC, id COLLATE "C" LIMIT $2;
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = string.Join(' ', words) });
            command.Parameters.Add(new NpgsqlParameter { Value = limit });
            using var reader = command.ExecuteReader();
            var ids = ImmutableArray.CreateBuilder<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids.ToImmutable();
        });
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _dataSource.Dispose();
    }

    private const string OrderBy = "ORDER BY published_date IS NULL, published_date, outlet COLLATE \"C\", id COLLATE \"C\"";

    private const string ArticleColumns =
        "id, source_id, origin, metadata_json, raw_text, text, map_json, removals_json, embeds_json, html_map_json, diagnostics_json, provenance";

    private string Now() => _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException e)
        {
            throw new StoreException(StoreErrors.IoFailureAt(Display, e.Message), e);
        }
        catch (TimeoutException e)
        {
            throw new StoreException(StoreErrors.IoFailureAt(Display, e.Message), e);
        }
    }

    private static int ReadSchemaVersion(NpgsqlConnection connection, NpgsqlTransaction? tx)
    {
        if (!Scalar<bool>(connection, tx, "SELECT to_regclass('schema_version') IS NOT NULL;"))
        {
            return 0;
        }

        return Scalar<int>(connection, tx, "SELECT coalesce(max(version), 0) FROM schema_version;");
    }

    private static bool ContainsSource(NpgsqlConnection connection, NpgsqlTransaction? tx, string sourceId)
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM sources WHERE id = $1;", connection, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = sourceId });
        return command.ExecuteScalar() is not null;
    }

    private static void InsertSource(NpgsqlConnection connection, NpgsqlTransaction tx, SourceDocument source, string storedAt)
    {
        using var command = new NpgsqlCommand("""
            INSERT INTO sources (id, origin, kind, bytes, raw_text, encoding, reader, fetched_at, hints_json, diagnostics_json, stored_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11);
            """, connection, tx);
        Add(command, source.Id);
        Add(command, PgText.Write(source.Origin));
        Add(command, source.Kind.ToString());
        Add(command, source.Bytes.ToArray());
        Add(command, PgText.Write(source.RawText));
        Add(command, source.Encoding);
        Add(command, source.Reader);
        Add(command, source.FetchedAt is { } f ? f.ToString("O", CultureInfo.InvariantCulture) : null, NpgsqlDbType.Text);
        Add(command, StoredJson.Write(source.Hints));
        Add(command, StoredJson.WriteDiagnostics(source.Diagnostics));
        Add(command, storedAt);
        command.ExecuteNonQuery();
    }

    private static void InsertArticle(NpgsqlConnection connection, NpgsqlTransaction tx, Article article, int ordinal)
    {
        using (var exists = new NpgsqlCommand("SELECT source_id FROM articles WHERE id = $1;", connection, tx))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = article.Id });
            if (exists.ExecuteScalar() is string)
            {
                throw new StoreException(StoreErrors.ArticleIdConflictFor(article.Id, article.SourceId));
            }
        }

        var m = article.Metadata;
        using var command = new NpgsqlCommand("""
            INSERT INTO articles (id, source_id, ordinal, origin, outlet, published_date, metadata_json, raw_text, text, words,
                map_json, removals_json, removal_count, embeds_json, embed_count, html_map_json, diagnostics_json, provenance, search)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                setweight(to_tsvector('simple', $19), 'A') || to_tsvector('simple', $20));
            """, connection, tx);
        Add(command, article.Id);
        Add(command, article.SourceId);
        Add(command, ordinal);
        Add(command, PgText.Write(article.Origin));
        Add(command, PgText.Sortable(m.Outlet));
        Add(command, m.Published is { } d ? d.Date : null, NpgsqlDbType.Date);
        Add(command, StoredJson.Write(m));
        Add(command, PgText.Write(article.RawText));
        Add(command, PgText.Write(article.Text));
        Add(command, article.WordCount);
        Add(command, StoredJson.WriteMap(article.Map));
        Add(command, StoredJson.WriteRemovals(article.Removals));
        Add(command, article.Removals.Length);
        Add(command, StoredJson.WriteEmbeds(article.Embeds));
        Add(command, article.Embeds.Length);
        Add(command, article.HtmlMap is { } h ? StoredJson.WriteMap(h) : null, NpgsqlDbType.Text);
        Add(command, StoredJson.WriteDiagnostics(article.Diagnostics));
        Add(command, PgText.Write(article.Provenance));
        Add(command, SearchFolding.Fold(m.Title ?? "", MaxIndexedChars));
        Add(command, SearchFolding.Fold(article.Text, MaxIndexedChars));
        command.ExecuteNonQuery();
    }

    private static void Add(NpgsqlCommand command, object? value, NpgsqlDbType? type = null)
    {
        var p = new NpgsqlParameter { Value = value ?? DBNull.Value };
        if (type is { } t)
        {
            p.NpgsqlDbType = t;
        }

        command.Parameters.Add(p);
    }

    private static SourceDocument ReadSource(NpgsqlDataReader r)
    {
        var id = r.GetString(0);
        try
        {
            return new SourceDocument
            {
                Id = id,
                Origin = PgText.Read((byte[])r.GetValue(1)),
                Kind = Enum.Parse<SourceKind>(r.GetString(2)),
                Bytes = (byte[])r.GetValue(3),
                RawText = PgText.Read((byte[])r.GetValue(4)),
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

    private static Article ReadArticle(NpgsqlDataReader r)
    {
        var id = r.GetString(0);
        try
        {
            return new Article
            {
                Id = id,
                SourceId = r.GetString(1),
                Origin = PgText.Read((byte[])r.GetValue(2)),
                Metadata = StoredJson.Read<ArticleMetadata>(r.GetString(3)),
                RawText = PgText.Read((byte[])r.GetValue(4)),
                Text = PgText.Read((byte[])r.GetValue(5)),
                Map = StoredJson.ReadMap(r.GetString(6)),
                Removals = StoredJson.ReadRemovals(r.GetString(7)),
                Embeds = StoredJson.ReadEmbeds(r.GetString(8)),
                HtmlMap = r.IsDBNull(9) ? null : StoredJson.ReadMap(r.GetString(9)),
                Diagnostics = StoredJson.ReadDiagnostics(r.GetString(10)),
                Provenance = PgText.Read((byte[])r.GetValue(11)),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or ArgumentException)
        {
            throw new StoreException(StoreErrors.BadRowFor(id, e.Message), e);
        }
    }

    private static T ReadJson<T>(string id, string json)
    {
        try
        {
            return StoredJson.Read<T>(json);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw new StoreException(StoreErrors.BadRowFor(id, e.Message), e);
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, tx);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, tx);
        return (T)command.ExecuteScalar()!;
    }
}

/// <summary>The PostgreSQL schema as ordered migrations. Never edit a released migration: append a new one.</summary>
public static class PostgresMigrations
{
    public static ImmutableArray<Migration> All { get; } =
    [
        new(1, "sources, articles, full-text index", """
            CREATE TABLE sources (
                id               text PRIMARY KEY,
                origin           bytea NOT NULL,
                kind             text NOT NULL,
                bytes            bytea NOT NULL,
                raw_text         bytea NOT NULL,
                encoding         text NOT NULL,
                reader           text NOT NULL,
                fetched_at       text,
                hints_json       text NOT NULL,
                diagnostics_json text NOT NULL,
                stored_at        text NOT NULL
            );

            CREATE TABLE articles (
                id               text PRIMARY KEY,
                source_id        text NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                ordinal          integer NOT NULL,
                origin           bytea NOT NULL,
                outlet           text NOT NULL,
                published_date   date,
                metadata_json    text NOT NULL,
                raw_text         bytea NOT NULL,
                text             bytea NOT NULL,
                words            integer NOT NULL,
                map_json         text NOT NULL,
                removals_json    text NOT NULL,
                removal_count    integer NOT NULL,
                embeds_json      text NOT NULL,
                embed_count      integer NOT NULL,
                html_map_json    text,
                diagnostics_json text NOT NULL,
                provenance       bytea NOT NULL,
                search           tsvector NOT NULL,
                UNIQUE (source_id, ordinal)
            );

            CREATE INDEX articles_by_date ON articles (published_date, outlet COLLATE "C", id COLLATE "C");
            CREATE INDEX articles_search ON articles USING gin (search);
            """),
    ];

    public static int Latest => All[^1].Version;
}

/// <summary>Exact text in <c>bytea</c>: UTF-8 when the string is well-formed UTF-16, else 0xFF + its UTF-16LE code units.</summary>
internal static class PgText
{
    // The ill-formed case reuses SQLite's exact UTF-16LE encoding (StoredText) behind the marker byte.
    public static byte[] Write(string text) => StoredText.Write(text) switch
    {
        string wellFormed => Encoding.UTF8.GetBytes(wellFormed),
        byte[] utf16 => [0xFF, .. utf16],
        var other => throw new InvalidOperationException($"unexpected stored form {other.GetType().Name}"),
    };

    public static string Read(byte[] bytes) =>
        bytes.Length > 0 && bytes[0] == 0xFF ? StoredText.Read(bytes[1..]) : Encoding.UTF8.GetString(bytes);

    /// <summary>A <c>text</c>-safe copy for ordering columns: NUL and lone surrogates become U+FFFD.</summary>
    public static string Sortable(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                sb.Append('\uFFFD');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

/// <summary>Folding shared by indexing and querying: words of letters and digits, lower-cased, diacritics removed.</summary>
internal static class SearchFolding
{
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Fold(text, int.MaxValue))
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

        return words;
    }

    /// <summary>Lower-cased, diacritics removed, anything but letters and digits a space; at most <paramref name="max"/> characters.</summary>
    public static string Fold(string text, int max)
    {
        var safe = PgText.Sortable(text.Length > max ? text[..max] : text);
        var decomposed = safe.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return sb.ToString();
    }
}
