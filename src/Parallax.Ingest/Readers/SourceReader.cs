using System.Collections.Immutable;
using System.IO.Compression;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Turns command-line inputs — files, directories (recursively, in ordinal path order), http(s) URLs — into
/// <see cref="SourceDocument"/>s. Formats: plain text, HTML, RSS/Atom/JSON Feed, OPML, JSON Lines, WARC, each
/// optionally gzip-compressed (docs/inputs.md). Never throws for bad data: every problem is a PX01xx
/// <see cref="Diagnostic"/> and one bad item never stops the others; only a cancelled
/// <see cref="CancellationToken"/> throws. Within one <see cref="Read"/> call, a source whose content hash was
/// already returned is dropped with PX0150 naming the first origin.
/// <para>Thread-safe: the reader holds no mutable state besides its HTTP client, so concurrent calls are independent
/// (deduplication is per call).</para>
/// </summary>
public sealed class SourceReader : ISourceReader, IDisposable
{
    private readonly ReaderOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<UrlFetcher>? _fetcher;
    private readonly HttpClient? _ownedClient;

    /// <param name="options">Limits and switches; <see cref="ReaderOptions.AllowNetwork"/> decides whether URLs are
    /// fetched. Caps and the timeout must be positive (<see cref="ArgumentOutOfRangeException"/> otherwise).</param>
    /// <param name="timeProvider">The clock for <see cref="SourceDocument.FetchedAt"/>.</param>
    /// <param name="httpClient">The client for URLs. When null and the network is allowed, the reader creates one with
    /// <see cref="CreateHttpClient"/> and disposes it. A client passed in must not follow redirects itself
    /// (<c>AllowAutomaticRedirect = false</c>), or redirect limits cannot be enforced.</param>
    public SourceReader(ReaderOptions options, TimeProvider timeProvider, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFileBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDecompressedBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxResponseBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxRecordBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxRecordBytes, (long)Array.MaxLength, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRedirects, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFeedItems, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.HttpTimeout, TimeSpan.Zero, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.UserAgent, nameof(options));
        _options = options;
        _time = timeProvider;
        if (options.AllowNetwork)
        {
            if (httpClient is null)
            {
                _ownedClient = CreateHttpClient(options);
                httpClient = _ownedClient;
            }

            var client = httpClient;
            _fetcher = new Lazy<UrlFetcher>(() => new UrlFetcher(client, options, timeProvider));
        }
    }

    /// <summary>An <see cref="HttpClient"/> set up as the reader needs it: redirects not followed automatically,
    /// gzip/deflate/brotli decoded, no cookies, no client-level timeout (the reader applies
    /// <see cref="ReaderOptions.HttpTimeout"/> per request).</summary>
    public static HttpClient CreateHttpClient(ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return UrlFetcher.CreateClient(options);
    }

    /// <inheritdoc />
    /// <remarks>Lazy: each input is read when the sequence reaches it, and yields one result; a JSON Lines file is streamed
    /// and yields one result per chunk of lines.</remarks>
    public IEnumerable<ReadResult> Read(IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return ReadAll(inputs, cancellationToken);
    }

    private IEnumerable<ReadResult> ReadAll(IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsJsonLinesPath(input) && File.Exists(input))
            {
                // Large JSON Lines dumps are streamed in chunks: memory stays flat whatever the file's size.
                foreach (var chunk in StreamJsonLines(input, Context(cancellationToken)))
                {
                    yield return Deduplicate(chunk, seen);
                }

                continue;
            }

            yield return Deduplicate(ReadInput(input, cancellationToken), seen);
        }
    }

    /// <summary>Reads one input (path, directory or URL); duplicates are removed within it.</summary>
    public ReadResult ReadOne(string input, CancellationToken cancellationToken) =>
        Deduplicate(ReadInput(input, cancellationToken), new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// Reads a payload already in memory (e.g. standard input) as if it were a file named <paramref name="name"/>:
    /// the name's extension and the bytes decide the format. Duplicates are removed within it.
    /// </summary>
    public ReadResult ReadContent(string name, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var context = Context(cancellationToken);
        var result = Guard(name, () => ReadPayload(name, name, bytes, context, gzipDepth: 0), cancellationToken);
        return Deduplicate(result, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    public void Dispose() => _ownedClient?.Dispose();

    private ReadContext Context(CancellationToken cancellationToken) =>
        new(_options, _time, _fetcher?.Value, cancellationToken);

    private ReadResult ReadInput(string input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.NotFound, "empty input name", input));
        }

        var context = Context(cancellationToken);
        if (LooksLikeUrl(input, out var uri))
        {
            return Guard(input, () => ReadUrl(input, uri, context, itemHints: null), cancellationToken);
        }

        return Guard(input, () => ReadPath(input, context), cancellationToken);
    }

    // The single catch site: an unexpected exception while reading one input (or one file of a directory) becomes
    // PX0199 on that input; cancellation is never swallowed.
    private static ReadResult Guard(string subject, Func<ReadResult> read, CancellationToken cancellationToken)
    {
        try
        {
            return read();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Internal, $"reader failure ({e.GetType().Name}): {e.Message}", subject));
        }
    }

    private static bool LooksLikeUrl(string input, out Uri uri)
    {
        uri = null!;
        var scheme = input.IndexOf("://", StringComparison.Ordinal);
        // "C:\x" and "C://x" are paths; a scheme has at least two letters.
        return scheme >= 2 && input[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            && Uri.TryCreate(input, UriKind.Absolute, out uri!);
    }

    private ReadResult ReadPath(string path, ReadContext context)
    {
        if (Directory.Exists(path))
        {
            return ReadDirectory(path, context);
        }

        if (!File.Exists(path))
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.NotFound, "no such file or directory", path));
        }

        return ReadFile(path, context, allowOpml: true);
    }

    private ReadResult ReadDirectory(string root, ReadContext context)
    {
        var result = new ResultBuilder();
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
                {
                    if (entry.LinkTarget is not null)
                    {
                        // Links can form cycles or leave the tree; they are not followed.
                        result.Add(Diagnostic.Info(ReaderCodes.LinkSkipped, "symbolic link not followed", Path.Combine(directory, entry.Name)));
                        continue;
                    }

                    var path = Path.Combine(directory, entry.Name);
                    if (entry is DirectoryInfo)
                    {
                        pending.Push(path);
                    }
                    else if (IsFolderDocumentation(entry.Name))
                    {
                        // A folder's own README/LICENSE or a dotfile is not an article; a file named explicitly is always read.
                        result.Add(Diagnostic.Info(ReaderCodes.DocumentationSkipped, "documentation or hidden file in a folder, not read as an article", path));
                    }
                    else
                    {
                        files.Add(path);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                result.Add(Diagnostic.Error(ReaderCodes.Unreadable, $"directory cannot be listed: {e.Message}", directory));
            }
        }

        files.Sort(StringComparer.Ordinal);
        if (files.Count == 0)
        {
            result.Add(Diagnostic.Warning(ReaderCodes.EmptyDirectory, "directory holds no files", root));
        }

        foreach (var file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            result.Add(Guard(file, () => ReadFile(file, context, allowOpml: true), context.CancellationToken));
        }

        return result.Build();
    }

    /// <summary>Dotfiles and a folder's README, LICENSE, FORMAT or CHANGELOG files (any extension).</summary>
    internal static bool IsFolderDocumentation(string name)
    {
        if (name.StartsWith('.'))
        {
            return true;
        }

        var stem = Path.GetFileNameWithoutExtension(name);
        return stem.Equals("README", StringComparison.OrdinalIgnoreCase) || stem.Equals("LICENSE", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("FORMAT", StringComparison.OrdinalIgnoreCase) || stem.Equals("CHANGELOG", StringComparison.OrdinalIgnoreCase);
    }

    private ReadResult ReadFile(string path, ReadContext context, bool allowOpml)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length == 0)
            {
                return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, "empty file", path));
            }

            if (IsWarcFile(path, info))
            {
                return ReadWarcFile(path, context);
            }

            if (info.Length > _options.MaxFileBytes)
            {
                return ReadResult.Failed(Diagnostic.Error(ReaderCodes.TooLarge, $"file of {info.Length} bytes exceeds the cap of {_options.MaxFileBytes} bytes", path));
            }

            var bytes = File.ReadAllBytes(path);
            return ReadPayload(path, path, bytes, context, gzipDepth: 0, allowOpml: allowOpml);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Unreadable, $"cannot read: {e.Message}", path));
        }
    }

    private static bool GzipTailPlausible(string path, long total)
    {
        using var file = File.OpenRead(path);
        var take = (int)Math.Min(file.Length, 18);
        var tail = new byte[take];
        file.Seek(-take, SeekOrigin.End);
        file.ReadExactly(tail);
        return Gzip.TrailerPlausible(tail, total, singleMemberExact: false);
    }

    /// <summary>Lines per chunk when a JSON Lines file is streamed.</summary>
    internal const int JsonLinesChunk = 512;

    internal static bool IsJsonLinesPath(string path)
    {
        var lower = path.ToLowerInvariant();
        return lower.EndsWith(".jsonl", StringComparison.Ordinal) || lower.EndsWith(".jsonl.gz", StringComparison.Ordinal)
            || lower.EndsWith(".ndjson", StringComparison.Ordinal) || lower.EndsWith(".ndjson.gz", StringComparison.Ordinal);
    }

    /// <summary>
    /// Streams a JSON Lines file (optionally gzip, all members) in chunks of <see cref="JsonLinesChunk"/> lines, each a
    /// <see cref="ReadResult"/>; a line longer than <see cref="ReaderOptions.MaxRecordBytes"/> is refused (PX0104) and skipped.
    /// Exempt from <see cref="ReaderOptions.MaxFileBytes"/> and <see cref="ReaderOptions.MaxDecompressedBytes"/>: only one chunk
    /// and one line are ever held in memory.
    /// </summary>
    private IEnumerable<ReadResult> StreamJsonLines(string path, ReadContext context)
    {
        Stream? stream = null;
        ReadResult? failure = null;
        var isGzip = false;
        try
        {
            var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[2];
            isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && Gzip.HasMagic(magic);
            file.Position = 0;
            stream = isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            if (file.Length == 0)
            {
                failure = ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, "empty file", path));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            failure = ReadResult.Failed(Diagnostic.Error(ReaderCodes.Unreadable, $"cannot read: {e.Message}", path));
        }

        if (failure is not null || stream is null)
        {
            stream?.Dispose();
            yield return failure!;
            yield break;
        }

        using (stream)
        {
            var buffer = new MemoryStream();
            var line = new MemoryStream();
            var firstLine = 1;
            var lineNumber = 0;
            var linesInChunk = 0;
            long total = 0;
            var anyLine = false;
            var tooLong = false;
            var chunk = new byte[81920];
            var done = false;
            while (!done)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                int n;
                ReadResult? error = null;
                try
                {
                    n = stream.Read(chunk, 0, chunk.Length);
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    n = 0;
                    error = ReadResult.Failed(Diagnostic.Error(ReaderCodes.Unreadable, $"stream ends early or is corrupt after line {lineNumber}: {e.Message}", path));
                }

                // No total cap: nothing beyond one chunk and one line is held in memory (each line is capped).
                total += n;
                done = n == 0;
                for (var i = 0; i <= n; i++)
                {
                    var atEnd = i == n;
                    if (atEnd && !done)
                    {
                        break;
                    }

                    if (!atEnd && chunk[i] != (byte)'\n')
                    {
                        if (line.Length < _options.MaxRecordBytes)
                        {
                            line.WriteByte(chunk[i]);
                        }
                        else
                        {
                            tooLong = true;
                        }

                        continue;
                    }

                    if (atEnd && line.Length == 0 && !tooLong)
                    {
                        break;
                    }

                    lineNumber++;
                    if (tooLong)
                    {
                        buffer.WriteByte((byte)'\n');
                        yield return ReadResult.Failed(Diagnostic.Error(ReaderCodes.TooLarge, $"line {lineNumber} is longer than {_options.MaxRecordBytes} bytes; skipped", $"{path}#{lineNumber}"));
                    }
                    else
                    {
                        anyLine |= line.Length > 0;
                        line.WriteTo(buffer);
                        buffer.WriteByte((byte)'\n');
                    }

                    line.SetLength(0);
                    tooLong = false;
                    linesInChunk++;
                    if (linesInChunk == JsonLinesChunk)
                    {
                        yield return Guard(path, () => JsonLinesReader.Read(path, buffer.ToArray(), context, firstLine, requireLines: false), context.CancellationToken);
                        firstLine = lineNumber + 1;
                        linesInChunk = 0;
                        buffer.SetLength(0);
                    }
                }

                if (error is not null)
                {
                    if (linesInChunk > 0)
                    {
                        yield return Guard(path, () => JsonLinesReader.Read(path, buffer.ToArray(), context, firstLine, requireLines: false), context.CancellationToken);
                        linesInChunk = 0;
                    }

                    yield return error;
                    yield break;
                }
            }

            if (linesInChunk > 0)
            {
                yield return Guard(path, () => JsonLinesReader.Read(path, buffer.ToArray(), context, firstLine, requireLines: false), context.CancellationToken);
            }

            // GZipStream ends a truncated file without complaint: check the last member's trailer against what was read.
            if (isGzip && !GzipTailPlausible(path, total))
            {
                yield return ReadResult.Failed(Diagnostic.Error(ReaderCodes.GzipCorrupt, $"truncated gzip data (the trailer does not match the decompressed length); lines up to {lineNumber} were read", path));
            }

            if (!anyLine)
            {
                yield return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, "JSON Lines file has only blank lines", path));
            }
        }
    }

    // WARC files are streamed whatever their size: by name (.warc, .warc.gz) or by a "WARC/" start.
    private static bool IsWarcFile(string path, FileInfo info)
    {
        var lower = path.ToLowerInvariant();
        if (lower.EndsWith(".warc", StringComparison.Ordinal) || lower.EndsWith(".warc.gz", StringComparison.Ordinal))
        {
            return true;
        }

        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n >= 2 && Gzip.HasMagic(head))
        {
            stream.Position = 0;
            try
            {
                using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
                n = gzip.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            catch (InvalidDataException)
            {
                return false;
            }
        }

        return n == 5 && head.SequenceEqual("WARC/"u8);
    }

    private static ReadResult ReadWarcFile(string path, ReadContext context)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && Gzip.HasMagic(magic);
        file.Position = 0;
        if (!isGzip)
        {
            return WarcReader.Read(file, path, context);
        }

        using var counting = new CountingStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true));
        var result = WarcReader.Read(counting, path, context);
        // GZipStream ends quietly on a truncated file; the trailer tells.
        Span<byte> trailer = stackalloc byte[18];
        if (file.Length >= 18)
        {
            file.Position = file.Length - 18;
            file.ReadExactly(trailer);
        }

        var truncated = file.Length < 18 || !Gzip.TrailerPlausible(trailer, counting.Total, singleMemberExact: false);
        var alreadyReported = result.Diagnostics.Any(d => d.Code is ReaderCodes.GzipCorrupt or ReaderCodes.WarcTruncated);
        return truncated && !alreadyReported && counting.ReachedEnd
            ? result with { Diagnostics = result.Diagnostics.Add(Diagnostic.Warning(ReaderCodes.GzipCorrupt, "truncated gzip data at the end of the WARC file", path)) }
            : result;
    }

    private ReadResult ReadPayload(string name, string origin, ReadOnlyMemory<byte> bytes, ReadContext context, int gzipDepth, bool allowOpml = true)
    {
        if (bytes.IsEmpty)
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, "empty content", origin));
        }

        if (Gzip.HasMagic(bytes.Span))
        {
            if (gzipDepth > 0)
            {
                return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Binary, "binary, not an article: gzip inside gzip", origin));
            }

            var (inflated, problem) = Gzip.Decompress(bytes, _options.MaxDecompressedBytes, origin, context.CancellationToken);
            if (inflated is null)
            {
                return ReadResult.Failed(problem!);
            }

            var inner = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
            return ReadPayload(inner, origin, inflated, context, gzipDepth + 1, allowOpml);
        }

        if (ContentSniffer.KnownBinary(bytes.Span) is { } kind)
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Binary, $"binary, not an article: {kind}", origin));
        }

        var format = ContentSniffer.Detect(name, bytes.Span);
        var result = ReadFormat(format, origin, bytes, context, transportCharset: null, url: null, fetchedAt: context.Now, reader: null, allowOpml);
        // Every format reports why it found nothing; this is the safety net for a case one of them missed.
        return result.Sources.IsEmpty && result.Diagnostics.IsEmpty
            ? ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, $"no article found in this {format} input", origin))
            : result;
    }

    private ReadResult ReadFormat(InputFormat format, string origin, ReadOnlyMemory<byte> bytes, ReadContext context, string? transportCharset, Uri? url, DateTimeOffset fetchedAt, string? reader, bool allowOpml, SourceHints? itemHints = null)
    {
        var urlHints = (itemHints ?? SourceHints.None) with { Url = url?.AbsoluteUri ?? itemHints?.Url };
        switch (format)
        {
            case InputFormat.Text or InputFormat.Html when ContentSniffer.LooksBinary(bytes.Span):
                return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Binary, "binary, not an article: NUL or control bytes in a text payload", origin));
            case InputFormat.Html:
            {
                var decoded = TextDecoder.DecodeHtml(bytes.Span, transportCharset, origin);
                if (string.IsNullOrWhiteSpace(decoded.Text))
                {
                    return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, "blank HTML", origin));
                }

                return ReadResult.Of(Sources.FromBytes(origin, SourceKind.Html, bytes, decoded, reader ?? "html", fetchedAt, urlHints));
            }

            case InputFormat.Text:
            {
                var decoded = transportCharset is not null && Charsets.TryResolve(transportCharset, out _, out var declared) && TextDecoder.DetectBom(bytes.Span) is null
                    ? TextDecoder.DecodeAs(bytes.Span, declared, "content-type", origin)
                    : TextDecoder.DecodeText(bytes.Span, origin);
                if (transportCharset is not null && !Charsets.TryResolve(transportCharset, out _, out _))
                {
                    decoded = decoded with { Diagnostics = decoded.Diagnostics.Insert(0, Diagnostic.Warning(ReaderCodes.UnknownCharset, $"unknown charset '{TextDecoder.Clip(transportCharset)}' in Content-Type; guessing", origin)) };
                }
                if (string.IsNullOrWhiteSpace(decoded.Text))
                {
                    return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, "blank text", origin));
                }

                var header = TextHeaderParser.Parse(decoded.Text);
                // The input's own header wins over what a feed or the URL said, field by field.
                var hints = Merge(header.Hints, urlHints);
                return ReadResult.Of(Sources.FromBytes(origin, SourceKind.Text, bytes, decoded, reader ?? "text", fetchedAt, hints));
            }

            case InputFormat.JsonLines:
                return JsonLinesReader.Read(origin, bytes, context);
            case InputFormat.Warc:
                using (var stream = new MemoryStream(bytes.ToArray(), writable: false))
                {
                    return WarcReader.Read(stream, origin, context);
                }

            case InputFormat.XmlFeed:
                return ReadFeed(FeedParser.ParseXml(bytes, origin, _options.MaxFeedItems, context.CancellationToken), origin, url, context, allowOpml);
            case InputFormat.JsonFeed:
                return ReadFeed(FeedParser.ParseJson(bytes, origin, _options.MaxFeedItems), origin, url, context, allowOpml);
            default:
                throw new InvalidOperationException("unknown format " + format);
        }
    }

    private static SourceHints Merge(SourceHints primary, SourceHints secondary) => primary with
    {
        Id = primary.Id ?? secondary.Id,
        Url = primary.Url ?? secondary.Url,
        Outlet = primary.Outlet ?? secondary.Outlet,
        Title = primary.Title ?? secondary.Title,
        Published = primary.Published ?? secondary.Published,
        Authors = primary.Authors.IsDefaultOrEmpty ? secondary.Authors : primary.Authors,
        SyndicationSource = primary.SyndicationSource ?? secondary.SyndicationSource,
        SyndicationSourceUrl = primary.SyndicationSourceUrl ?? secondary.SyndicationSourceUrl,
        Language = primary.Language ?? secondary.Language,
        Feed = primary.Feed ?? secondary.Feed,
        FeedTitle = primary.FeedTitle ?? secondary.FeedTitle,
    };

    private ReadResult ReadFeed(ParsedFeed feed, string origin, Uri? feedUrl, ReadContext context, bool allowOpml)
    {
        var result = new ResultBuilder();
        foreach (var diagnostic in feed.Diagnostics)
        {
            result.Add(diagnostic);
        }

        if (feed.Format == "opml")
        {
            ReadOpml(feed, origin, feedUrl, context, allowOpml, result);
            return result.Build();
        }

        var feedName = feedUrl?.AbsoluteUri ?? origin;
        var now = context.Now;
        foreach (var item in feed.Items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var itemOrigin = $"{origin}#item{item.Index}";
            var hints = item.Hints with { Feed = feedName, FeedTitle = item.Hints.FeedTitle ?? feed.Title };
            var reader = feed.Format == "jsonfeed" ? "jsonfeed" : feed.Format == "atom" ? "atom" : "rss";
            if (item.Content is not null)
            {
                result.Add(Sources.FromString(itemOrigin, item.ContentKind, item.Content, feed.Format == "jsonfeed" ? "json" : "xml", reader, now, hints));
                continue;
            }

            if (context.Fetcher is not null && item.Link is not null)
            {
                var page = Guard(item.Link.AbsoluteUri, () => ReadUrl(item.Link.AbsoluteUri, item.Link, context, hints), context.CancellationToken);
                var pages = page.Sources.Where(s => s.Reader == "url").ToImmutableArray();
                if (!pages.IsEmpty)
                {
                    foreach (var source in pages)
                    {
                        result.Add(source);
                    }

                    foreach (var diagnostic in page.Diagnostics)
                    {
                        result.Add(diagnostic);
                    }

                    continue;
                }

                var reason = page.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.ToString() ?? "the page is not an article";
                if (item.Summary is null)
                {
                    result.Add(Diagnostic.Error(ReaderCodes.FeedItemEmpty, $"item {item.Index} has no content and fetching {item.Link} failed: {reason}", itemOrigin));
                    continue;
                }

                result.Add(Diagnostic.Warning(ReaderCodes.FeedItemFetchFailed, $"item {item.Index}: fetching {item.Link} failed ({reason}); the summary is used instead", itemOrigin));
            }
            else if (item.Summary is not null)
            {
                result.Add(Diagnostic.Info(ReaderCodes.FeedItemSummaryOnly, $"item {item.Index} carries only a summary" + (context.Fetcher is null ? " (network off, page not fetched)" : " and no http(s) link"), itemOrigin));
            }

            if (item.Summary is null)
            {
                result.Add(Diagnostic.Error(ReaderCodes.FeedItemEmpty, $"item {item.Index} has neither content nor summary", itemOrigin));
                continue;
            }

            result.Add(Sources.FromString(itemOrigin, item.SummaryKind, item.Summary, feed.Format == "jsonfeed" ? "json" : "xml", reader, now, hints));
        }

        if (feed.Items.IsEmpty && !feed.Diagnostics.Any(d => d.Severity == Severity.Error))
        {
            result.Add(Diagnostic.Warning(ReaderCodes.FeedItemEmpty, "feed has no items", origin));
        }

        return result.Build();
    }

    // OPML lists feeds: absolute http(s) URLs are fetched (network permitting), other entries are paths relative to
    // the OPML file. Feeds found through OPML may not be OPML themselves (no recursion).
    private void ReadOpml(ParsedFeed opml, string origin, Uri? opmlUrl, ReadContext context, bool allowOpml, ResultBuilder result)
    {
        if (!allowOpml)
        {
            result.Add(Diagnostic.Warning(ReaderCodes.OpmlOutlineSkipped, "an OPML list inside an OPML list is not followed", origin));
            return;
        }

        if (opml.FeedRefs.IsEmpty)
        {
            result.Add(Diagnostic.Warning(ReaderCodes.OpmlOutlineSkipped, "OPML has no outline with an xmlUrl", origin));
        }

        foreach (var reference in opml.FeedRefs)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (opmlUrl is not null && Uri.TryCreate(opmlUrl, reference, out var resolved) || Uri.TryCreate(reference, UriKind.Absolute, out resolved) && resolved.Scheme != Uri.UriSchemeFile)
            {
                result.Add(Guard(reference, () => ReadUrl(reference, resolved, context, itemHints: null, allowOpml: false), context.CancellationToken));
                continue;
            }

            var baseDir = Path.GetDirectoryName(Path.GetFullPath(origin)) ?? ".";
            var path = Path.Combine(baseDir, reference);
            result.Add(Guard(path, () => File.Exists(path)
                ? ReadFile(path, context, allowOpml: false)
                : ReadResult.Failed(Diagnostic.Error(ReaderCodes.NotFound, "feed listed in OPML not found", path)), context.CancellationToken));
        }
    }

    private ReadResult ReadUrl(string input, Uri uri, ReadContext context, SourceHints? itemHints, bool allowOpml = true)
    {
        if (!UrlFetcher.IsHttp(uri))
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.SchemeRefused, $"scheme '{uri.Scheme}' is not supported; only http and https URLs are read", input));
        }

        if (context.Fetcher is null)
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.NetworkDisabled, "network access is off (enable it to fetch URLs)", input));
        }

        var (response, problem) = context.Fetcher.Fetch(uri, context.CancellationToken);
        if (response is null)
        {
            return ReadResult.Failed(problem!);
        }

        if (response.Body.Length == 0)
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Empty, "empty response body", input));
        }

        InputFormat format;
        switch (response.MediaType)
        {
            case "text/html" or "application/xhtml+xml":
                format = InputFormat.Html;
                break;
            case "text/plain":
                format = ContentSniffer.LooksLikeHtml(response.Body) ? InputFormat.Html : InputFormat.Text;
                break;
            case "application/rss+xml" or "application/atom+xml" or "application/rdf+xml" or "application/xml" or "text/xml" or "text/x-opml" or "application/opml+xml":
                format = ContentSniffer.Detect(".xml", response.Body);
                break;
            case "application/feed+json" or "application/json":
                format = InputFormat.JsonFeed;
                break;
            case "application/x-ndjson" or "application/jsonl":
                format = InputFormat.JsonLines;
                break;
            case null or "application/octet-stream" or "binary/octet-stream":
                if (ContentSniffer.KnownBinary(response.Body) is { } kind)
                {
                    return ReadResult.Failed(Diagnostic.Error(ReaderCodes.Binary, $"binary, not an article: {kind}", input));
                }

                format = ContentSniffer.Sniff(response.Body);
                break;
            default:
                return ReadResult.Failed(Diagnostic.Error(ReaderCodes.UnsupportedContentType, $"content type '{response.MediaType}' is not an article, feed or page", input));
        }

        if (itemHints is not null && format is not (InputFormat.Html or InputFormat.Text))
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.UnsupportedContentType, $"linked page is a {format}, not an article page", input));
        }

        if (format == InputFormat.Warc)
        {
            return ReadResult.Failed(Diagnostic.Error(ReaderCodes.UnsupportedContentType, "WARC over HTTP is not read; download the file first", input));
        }

        return ReadFormat(format, input, response.Body, context, response.Charset, response.FinalUrl, response.FetchedAt, "url", allowOpml, itemHints);
    }

    private static ReadResult Deduplicate(ReadResult result, Dictionary<string, string> seen)
    {
        if (result.Sources.IsEmpty)
        {
            return result;
        }

        var kept = ImmutableArray.CreateBuilder<SourceDocument>(result.Sources.Length);
        var diagnostics = result.Diagnostics.ToBuilder();
        foreach (var source in result.Sources)
        {
            if (seen.TryGetValue(source.Id, out var first))
            {
                diagnostics.Add(Diagnostic.Info(ReaderCodes.Duplicate, $"duplicate of {first} (same content hash)", source.Origin));
                continue;
            }

            seen[source.Id] = source.Origin;
            kept.Add(source);
        }

        return kept.Count == result.Sources.Length ? result : new ReadResult(kept.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>Counts the bytes read through it, so a gzip trailer can be checked after streaming.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Total { get; private set; }

        public bool ReachedEnd { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Total; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Total += n;
            ReachedEnd |= n == 0 && count > 0;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
