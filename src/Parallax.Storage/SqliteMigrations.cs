using System.Collections.Immutable;

namespace Parallax.Storage;

/// <summary>One ordered schema change. Applied once, in its own transaction, and recorded in <c>schema_version</c>.</summary>
/// <param name="Version">1, 2, 3 ... without gaps.</param>
/// <param name="Description">What it changes, stored next to the version.</param>
/// <param name="Sql">Statements to run; they must not open or close transactions themselves.</param>
public sealed record Migration(int Version, string Description, string Sql);

/// <summary>
/// The SQLite schema as an ordered list of migrations. Never edit a released migration: append a new one.
/// <see cref="Latest"/> is the schema version this build writes and understands.
/// </summary>
public static class SqliteMigrations
{
    public static ImmutableArray<Migration> All { get; } =
    [
        new(1, "sources, articles, full-text index", """
            CREATE TABLE sources (
                id               TEXT PRIMARY KEY,          -- SHA-256 of bytes, lowercase hex
                origin           TEXT NOT NULL,
                kind             TEXT NOT NULL,             -- SourceKind name
                bytes            BLOB NOT NULL,
                raw_text         TEXT NOT NULL,             -- TEXT, or UTF-16LE BLOB when not well-formed UTF-16
                encoding         TEXT NOT NULL,
                reader           TEXT NOT NULL,
                fetched_at       TEXT,                      -- ISO 8601 round-trip ("O") or NULL
                hints_json       TEXT NOT NULL,
                diagnostics_json TEXT NOT NULL,
                stored_at        TEXT NOT NULL
            );

            CREATE TABLE articles (
                id               TEXT PRIMARY KEY,
                source_id        TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
                ordinal          INTEGER NOT NULL,          -- position among the source's articles
                origin           TEXT NOT NULL,
                outlet           TEXT NOT NULL,
                title            TEXT,
                published        TEXT,                      -- PublicationDate.ToIso()
                published_date   TEXT,                      -- yyyy-MM-dd, for ordering
                url              TEXT,
                language         TEXT,
                metadata_json    TEXT NOT NULL,             -- the whole ArticleMetadata (source of truth)
                raw_text         TEXT NOT NULL,
                text             TEXT NOT NULL,
                words            INTEGER NOT NULL,
                map_json         TEXT NOT NULL,             -- {cleanLength, rawLength, segments: [[clean, raw, length], ...]}
                removals_json    TEXT NOT NULL,
                removal_count    INTEGER NOT NULL,
                embeds_json      TEXT NOT NULL,
                embed_count      INTEGER NOT NULL,
                html_map_json    TEXT,
                diagnostics_json TEXT NOT NULL,
                provenance       TEXT NOT NULL,
                UNIQUE (source_id, ordinal)
            );

            CREATE INDEX articles_by_date ON articles (published_date, outlet, id);

            CREATE VIRTUAL TABLE articles_fts USING fts5 (
                article_id UNINDEXED,
                title,
                text,
                tokenize = 'unicode61 remove_diacritics 2'
            );
            """),
    ];

    public static int Latest => All[^1].Version;
}
