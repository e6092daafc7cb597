using Parallax.Core;

namespace Parallax.Storage;

/// <summary>
/// The store's stable diagnostic codes (PX04xx), listed in docs/errors/store.md. Each factory formats the message
/// users see: the code, what went wrong, and what to do about it.
/// </summary>
public static class StoreErrors
{
    /// <summary>The database file (or its folder) cannot be opened or created.</summary>
    public const string CannotOpen = "PX0401";

    /// <summary>The file is not a SQLite database, or its pages are damaged.</summary>
    public const string Corrupt = "PX0402";

    /// <summary>Another process holds a lock on the database for longer than the busy timeout.</summary>
    public const string Locked = "PX0403";

    /// <summary>The database was written by a newer Parallax whose schema this build does not know.</summary>
    public const string SchemaTooNew = "PX0404";

    /// <summary>The file is a SQLite database, but not a Parallax store.</summary>
    public const string NotAStore = "PX0405";

    /// <summary>An article id in the batch is already stored for a different source.</summary>
    public const string ArticleIdConflict = "PX0406";

    /// <summary>A read or write failed for another reason (disk full, read-only file, I/O error).</summary>
    public const string IoFailure = "PX0407";

    /// <summary>A stored row could not be turned back into an article or source (hand-edited or damaged row).</summary>
    public const string BadRow = "PX0408";

    /// <summary>A read-only command was pointed at a store file that does not exist.</summary>
    public const string NoStore = "PX0409";

    /// <summary>No stored article has the requested id (or id prefix).</summary>
    public const string UnknownArticle = "PX0410";

    /// <summary>An id prefix matches several stored articles.</summary>
    public const string AmbiguousArticle = "PX0411";

    public static Diagnostic UnknownArticleFor(string id, string path) =>
        Diagnostic.Error(UnknownArticle, $"{UnknownArticle}: no stored article has the id '{id}'; 'parallax articles' lists the ids.", path);

    public static Diagnostic AmbiguousArticleFor(string prefix, IReadOnlyList<string> matches, string path) =>
        Diagnostic.Error(AmbiguousArticle, $"{AmbiguousArticle}: '{prefix}' is the start of {matches.Count} article ids ({string.Join(", ", matches.Take(5))}{(matches.Count > 5 ? ", ..." : "")}); give more characters.", path);

    internal static Diagnostic NoStoreAt(string path) =>
        Diagnostic.Error(NoStore, $"{NoStore}: there is no store at this path; ingest articles first, or pass the right file with --db.", path);

    internal static Diagnostic CannotOpenAt(string path, string reason) =>
        Diagnostic.Error(CannotOpen, $"{CannotOpen}: cannot open or create the store: {reason}. Check that the folder exists and is writable, or pass another file with --db.", path);

    internal static Diagnostic CannotConnectTo(string display, string reason) =>
        Diagnostic.Error(CannotOpen, $"{CannotOpen}: cannot connect to the PostgreSQL store: {reason}. Check that the server is running and that the connection string (--db or PARALLAX_DB) names the right host, port, database and user.", display);

    internal static Diagnostic CorruptAt(string path, string reason) =>
        Diagnostic.Error(Corrupt, $"{Corrupt}: the store file is not a readable SQLite database ({reason}). Move it aside and ingest again, or pass another file with --db.", path);

    internal static Diagnostic LockedAt(string path) =>
        Diagnostic.Error(Locked, $"{Locked}: the store is locked by another process; wait for it to finish (or stop it) and retry.", path);

    internal static Diagnostic SchemaTooNewAt(string path, int found, int known) =>
        Diagnostic.Error(SchemaTooNew, $"{SchemaTooNew}: the store has schema version {found}, but this build of parallax knows versions up to {known}. Use a newer parallax, or another file with --db.", path);

    internal static Diagnostic NotAStoreAt(string path) =>
        Diagnostic.Error(NotAStore, $"{NotAStore}: the file is a SQLite database but not a Parallax store (it has tables and no schema_version table); refusing to modify it. Pass another file with --db.", path);

    internal static Diagnostic ArticleIdConflictFor(string articleId, string sourceId) =>
        Diagnostic.Error(ArticleIdConflict, $"{ArticleIdConflict}: article id {articleId} is already stored for another source; the batch (source {Hashing.ShortId(sourceId)}) was not written.", articleId);

    internal static Diagnostic IoFailureAt(string path, string reason) =>
        Diagnostic.Error(IoFailure, $"{IoFailure}: the store could not be read or written: {reason}.", path);

    internal static Diagnostic BadRowFor(string id, string reason) =>
        Diagnostic.Error(BadRow, $"{BadRow}: stored row {id} cannot be read back: {reason}.", id);
}

/// <summary>
/// A store operation failed because of the environment (lock held too long, disk full, damaged file) rather than a
/// caller bug. Carries the coded <see cref="Diagnostic"/> to show the user; the command line catches it in one place.
/// The failed operation wrote nothing (its transaction was rolled back).
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException(Diagnostic diagnostic, Exception? inner = null)
        : base(diagnostic.Message, inner)
    {
        Diagnostic = diagnostic;
    }

    public Diagnostic Diagnostic { get; }
}

/// <summary>The outcome of opening a store: the store, or a diagnostic that says why it could not be opened.</summary>
public sealed record StoreOpenResult
{
    private StoreOpenResult(SqliteArticleStore? store, Diagnostic? error)
    {
        Store = store;
        Error = error;
    }

    /// <summary>The opened store (owned by the caller, who disposes it), or null when <see cref="Error"/> is set.</summary>
    public SqliteArticleStore? Store { get; }

    public Diagnostic? Error { get; }

    public bool Succeeded => Store is not null;

    internal static StoreOpenResult Opened(SqliteArticleStore store) => new(store, null);

    internal static StoreOpenResult Failed(Diagnostic error) => new(null, error);
}

/// <summary>Opens a store from what the user typed after <c>--db</c> (or <c>PARALLAX_DB</c>): a file path, or a PostgreSQL connection string.</summary>
public static class StoreLocator
{
    /// <summary>The environment variable that names the store when no <c>--db</c> is given.</summary>
    public const string EnvironmentVariable = "PARALLAX_DB";

    /// <summary>How a store is named in messages: the SQLite file's path, or the PostgreSQL host/port/database (never credentials).</summary>
    public static string Describe(IArticleStore store) => store switch
    {
        SqliteArticleStore s => s.Path,
        PostgresArticleStore p => p.Display,
        _ => store.GetType().Name,
    };

    /// <summary>True when <paramref name="db"/> looks like a PostgreSQL connection string (<c>Host=...;Database=...</c>) or URI.</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (db.Contains('=', StringComparison.Ordinal) && db.Contains("host", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Opens the store named by <paramref name="db"/>; null or blank means <c>PARALLAX_DB</c>, else
    /// <see cref="SqliteArticleStore.DefaultPath"/>. Returns the store (owned by the caller) or the coded reason.
    /// </summary>
    public static (IArticleStore? Store, Diagnostic? Error) Open(string? db, bool mustExist = false, TimeProvider? clock = null)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            db = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(db))
        {
            db = SqliteArticleStore.DefaultPath;
        }

        if (IsPostgres(db))
        {
            var pg = PostgresArticleStore.Open(db, clock);
            return (pg.Store, pg.Error);
        }

        var sqlite = mustExist ? SqliteArticleStore.OpenExisting(db, clock) : SqliteArticleStore.Open(db, clock);
        return (sqlite.Store, sqlite.Error);
    }
}
