namespace Parallax.Ingest.Readers;

/// <summary>
/// Limits and switches for <see cref="SourceReader"/>. Every limit is a hard cap: input beyond it is refused with a
/// diagnostic, never partially loaded into memory. Immutable; safe to share.
/// </summary>
public sealed record ReaderOptions
{
    public static ReaderOptions Default { get; } = new();

    /// <summary>When false (the default) URLs are refused with PX0111 and feed items keep their summaries.</summary>
    public bool AllowNetwork { get; init; }

    /// <summary>Largest file (bytes on disk) read into memory; larger files get PX0104. WARC files are streamed and
    /// exempt; each of their records is held to <see cref="MaxRecordBytes"/> instead. Default 20 MiB.</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest payload after gzip/deflate/brotli decompression (gzip bombs get PX0109). Default 64 MiB.</summary>
    public long MaxDecompressedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest WARC record block (and HTTP payload inside it) kept; larger records get PX0142. Default 20 MiB.</summary>
    public long MaxRecordBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Largest HTTP response body (after content decoding) read from the network; PX0114 beyond. Default 10 MiB.</summary>
    public long MaxResponseBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Whole-request time limit (headers and body) per HTTP request. Default 20 s.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Redirects followed per URL before PX0115. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Items taken from one feed (RSS/Atom/JSON Feed); later items get one PX0127. Default 1000.</summary>
    public int MaxFeedItems { get; init; } = 1000;

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "Parallax/0.1 (+offline news comparison; contact: local)";
}
