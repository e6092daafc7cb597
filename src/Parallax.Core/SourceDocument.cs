using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>What kind of payload a source carries; decides which extractor turns it into article text.</summary>
public enum SourceKind
{
    /// <summary>Plain text (a .txt file, a JSONL <c>text</c> field, a feed item's text).</summary>
    Text,
    /// <summary>An HTML page (a file, a URL, a WARC response, a JSONL <c>html</c> field, a feed item's HTML).</summary>
    Html,
}

/// <summary>
/// Metadata a reader learned about a source before extraction: header lines of a text file, the fields of a
/// JSONL record or feed item, HTTP/WARC headers. Extraction may add to them; it never overrides a hint that
/// was stated explicitly by the input.
/// </summary>
public sealed record SourceHints
{
    public static SourceHints None { get; } = new();

    public string? Id { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    /// <summary>Publication date/time as written by the input (ISO 8601 or a feed date); parsed later.</summary>
    public string? Published { get; init; }
    public ImmutableArray<string> Authors { get; init; } = [];
    /// <summary>The RSS <c>&lt;source&gt;</c> element or similar syndication note (name and URL), verbatim.</summary>
    public string? SyndicationSource { get; init; }
    public string? SyndicationSourceUrl { get; init; }
    public string? Language { get; init; }
    /// <summary>The feed a feed item came from.</summary>
    public string? Feed { get; init; }

    /// <summary>The title of the feed a feed item came from (RSS channel, Atom feed, JSON Feed title): the publication's name as it calls itself.</summary>
    public string? FeedTitle { get; init; }
}

/// <summary>
/// The raw input exactly as received: bytes, the text decoded from them, where it came from and when. Immutable;
/// every later offset can be traced back here. <see cref="Id"/> is the SHA-256 of <see cref="Bytes"/>, so the same
/// content ingested twice has the same id.
/// </summary>
public sealed record SourceDocument
{
    /// <summary>SHA-256 (lowercase hex) of <see cref="Bytes"/>.</summary>
    public required string Id { get; init; }

    /// <summary>Where the input came from: a file path, a URL, <c>file.jsonl#12</c>, <c>feed.xml#item3</c>, <c>x.warc.gz#record7</c>.</summary>
    public required string Origin { get; init; }

    public required SourceKind Kind { get; init; }

    /// <summary>The payload's bytes as received (after transport decompression).</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>The payload decoded to text with <see cref="Encoding"/>. All raw offsets index into this string.</summary>
    public required string RawText { get; init; }

    /// <summary>The encoding name used to decode <see cref="Bytes"/> (e.g. <c>utf-8</c>, <c>windows-1252</c>) and how it was chosen.</summary>
    public required string Encoding { get; init; }

    /// <summary>When the input was fetched or read, from an injected clock; null when unknown.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>Name of the reader that produced it (<c>text</c>, <c>html</c>, <c>rss</c>, <c>jsonl</c>, <c>warc</c>, <c>url</c>).</summary>
    public required string Reader { get; init; }

    public SourceHints Hints { get; init; } = SourceHints.None;

    /// <summary>Warnings the reader attached (e.g. replacement characters during decoding).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    public static string ComputeId(ReadOnlySpan<byte> bytes) => Hashing.Sha256Hex(bytes);
}

/// <summary>
/// What a reader returns for one input path/URL: zero or more sources, and diagnostics for what it could not
/// read. A reader never throws for bad data.
/// </summary>
public sealed record ReadResult(ImmutableArray<SourceDocument> Sources, ImmutableArray<Diagnostic> Diagnostics)
{
    public static ReadResult Empty { get; } = new([], []);

    public static ReadResult Of(SourceDocument source) => new([source], []);

    public static ReadResult Failed(Diagnostic diagnostic) => new([], [diagnostic]);
}
