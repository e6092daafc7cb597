using System.Collections.Immutable;

namespace Parallax.Web;

/// <summary>
/// How <c>parallax serve</c> runs. Immutable. Every limit is a hard cap enforced before a request body is read in full.
/// </summary>
public sealed record WebOptions
{
    /// <summary>Where Kestrel listens; <c>http://127.0.0.1:0</c> picks a free port (tests).</summary>
    public ImmutableArray<string> Urls { get; init; } = ["http://127.0.0.1:5080"];

    /// <summary>The store: a SQLite file (created when missing) or a PostgreSQL connection string; null means
    /// <c>PARALLAX_DB</c>, else ./parallax.db (as every command's <c>--db</c>).</summary>
    public string? DbPath { get; init; }

    /// <summary>
    /// A store the host opened itself (e.g. <c>serve --cluster</c>: writes through the cluster's nodes, reads from its
    /// database); when set, <see cref="DbPath"/> is not opened and the server disposes this store when it stops.
    /// </summary>
    public Core.IArticleStore? Store { get; init; }

    /// <summary>
    /// The file holding the SHA-256 of the API token (hex); <c>&lt;db&gt;.token</c> beside a SQLite store when null
    /// (<c>./parallax-api.token</c> for PostgreSQL). A token is
    /// generated on first run, shown once on stderr, and only its hash is stored.
    /// </summary>
    public string? TokenPath { get; init; }

    /// <summary>Largest request body accepted (bytes); larger bodies get 413 (PX0802). Default 8 MiB.</summary>
    public long MaxRequestBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>When false (default) URL ingestion refuses loopback, private, link-local and other non-public addresses (PX0805).</summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Origins allowed to call the API from a browser (CORS). Empty (default): no CORS headers at all.</summary>
    public ImmutableArray<string> CorsOrigins { get; init; } = [];

    /// <summary>Feeds (URLs, or OPML/list files) that <c>serve --watch</c> polls; empty: no watching.</summary>
    public ImmutableArray<string> WatchFeeds { get; init; } = [];

    /// <summary>Polling interval per feed when watching.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the analysis cache asks the store whether it changed (writes by this process invalidate at once).</summary>
    public TimeSpan StoreRecheck { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bounds of the analysis caches and the size of the background warm-up (docs/web.md).</summary>
    public AnalysisCacheLimits AnalysisLimits { get; init; } = new();

    /// <summary>
    /// The garbage collector's latency mode while serving (process-wide; set when the server starts). Default
    /// <see cref="System.Runtime.GCLatencyMode.SustainedLowLatency"/>: generation 2 is collected in the background, never
    /// in a blocking full collection unless memory runs short, so a request never waits for a full collection of the
    /// clustering state (docs/web.md "Collection pauses"). Null leaves the process's mode as it is.
    /// </summary>
    public System.Runtime.GCLatencyMode? GcLatencyMode { get; init; } = System.Runtime.GCLatencyMode.SustainedLowLatency;

    /// <summary>Where the generated token is announced (stderr by default).</summary>
    public TextWriter? Announce { get; init; }
}
