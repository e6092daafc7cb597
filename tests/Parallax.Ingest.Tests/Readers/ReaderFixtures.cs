using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using Parallax.Core;
using Parallax.Ingest.Readers;

namespace Parallax.Ingest.Tests.Readers;

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2031, 3, 14, 9, 26, 53, TimeSpan.Zero);

    public FixedTime()
        : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A temporary directory removed on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "px-readers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>Fictional articles and byte builders used by the reader tests. Every text here was written for the tests.</summary>
internal static class ReaderFixtures
{
    public const string PierStory =
        "The harbour council of Vellmark voted on Tuesday to close the old ferry pier for repairs.\n" +
        "\"We cannot wait another winter,\" said councillor Ada Brenn, who chairs the works committee.\n" +
        "The Vellmark Courier reported that repairs would cost 2.4 million crowns.\n";

    public const string FerryStory =
        "Ferry passengers in Vellmark will use a temporary landing at the fish market from May.\n" +
        "Harbour master Tomas Ilve said the detour adds ten minutes to each crossing.\n";

    public static string Html(string body, string head = "") =>
        $"<!DOCTYPE html>\n<html><head>{head}<title>Pier closes</title></head><body><article><h1>Pier closes</h1><p>{body}</p></article></body></html>\n";

    public static SourceReader Reader(ReaderOptions? options = null, HttpClient? client = null) =>
        new(options ?? ReaderOptions.Default, new FixedTime(), client);

    public static ReadResult ReadContent(string name, byte[] bytes, ReaderOptions? options = null)
    {
        using var reader = Reader(options);
        return reader.ReadContent(name, bytes, TestContext.Current.CancellationToken);
    }

    public static ReadResult ReadPath(string path, ReaderOptions? options = null)
    {
        using var reader = Reader(options);
        return reader.ReadOne(path, TestContext.Current.CancellationToken);
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    public static byte[] CodePage(int codePage, string text) => CodePagesEncodingProvider.Instance.GetEncoding(codePage)!.GetBytes(text);

    public static IEnumerable<string> Codes(ReadResult result) => result.Diagnostics.Select(d => d.Code).Concat(result.Sources.SelectMany(s => s.Diagnostics).Select(d => d.Code));

    /// <summary>The invariants every result must keep, whatever the input.</summary>
    public static void AssertWellFormed(ReadResult result)
    {
        Assert.False(result.Sources.IsDefault);
        Assert.False(result.Diagnostics.IsDefault);
        Assert.True(result.Sources.Length + result.Diagnostics.Length > 0, "a result holds sources or diagnostics");
        foreach (var diagnostic in result.Diagnostics.Concat(result.Sources.SelectMany(s => s.Diagnostics)))
        {
            Assert.Matches(@"^PX01\d\d$", diagnostic.Code);
            Assert.True(diagnostic.Code != ReaderCodes.Internal, "reader bug: " + diagnostic);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        }

        foreach (var source in result.Sources)
        {
            Assert.Equal(SourceDocument.ComputeId(source.Bytes.Span), source.Id);
            Assert.NotNull(source.RawText);
            Assert.False(string.IsNullOrWhiteSpace(source.Encoding));
            Assert.False(string.IsNullOrWhiteSpace(source.Origin));
            Assert.False(source.Hints.Authors.IsDefault);
            Assert.False(source.Diagnostics.IsDefault);
        }

        Assert.Equal(result.Sources.Length, result.Sources.Select(s => s.Id).Distinct().Count());
    }
}

/// <summary>
/// Writes WARC/1.1 files like CC-NEWS: a warcinfo record, then request/response pairs, optionally one gzip member
/// per record.
/// </summary>
internal sealed class WarcWriter
{
    private readonly List<byte[]> _records = [];
    private int _next = 1;

    public WarcWriter Info()
    {
        Add("warcinfo", null, "2031-03-14T09:00:00Z", "application/warc-fields", Encoding.ASCII.GetBytes("software: parallax-tests\r\nformat: WARC File Format 1.1\r\n"));
        return this;
    }

    public WarcWriter Request(string url)
    {
        Add("request", url, "2031-03-14T09:00:01Z", "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET {new Uri(url).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(url).Host}\r\n\r\n"));
        return this;
    }

    public WarcWriter Response(string url, byte[] body, string contentType = "text/html; charset=utf-8", int status = 200, string date = "2031-03-14T09:00:02Z", IEnumerable<string>? extraHeaders = null, bool chunked = false, bool gzipBody = false)
    {
        var payload = gzipBody ? ReaderFixtures.Gzip(body) : body;
        if (chunked)
        {
            payload = Chunk(payload);
        }

        var head = new StringBuilder($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Other")}\r\n");
        if (contentType.Length > 0)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        if (chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }

        if (gzipBody)
        {
            head.Append("Content-Encoding: gzip\r\n");
        }

        foreach (var header in extraHeaders ?? [])
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");
        Add("response", url, date, "application/http; msgtype=response", ReaderFixtures.Concat(Encoding.ASCII.GetBytes(head.ToString()), payload));
        return this;
    }

    public WarcWriter Raw(byte[] bytes)
    {
        _records.Add(bytes);
        return this;
    }

    public WarcWriter Add(string type, string? url, string? date, string contentType, byte[] block, long? declaredLength = null)
    {
        var head = new StringBuilder("WARC/1.1\r\n");
        head.Append($"WARC-Type: {type}\r\n");
        head.Append($"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{_next++:D12}>\r\n");
        if (date is not null)
        {
            head.Append($"WARC-Date: {date}\r\n");
        }

        if (url is not null)
        {
            head.Append($"WARC-Target-URI: {url}\r\n");
        }

        head.Append($"Content-Type: {contentType}\r\n");
        head.Append($"Content-Length: {declaredLength ?? block.Length}\r\n\r\n");
        _records.Add(ReaderFixtures.Concat(Encoding.ASCII.GetBytes(head.ToString()), block, "\r\n\r\n"u8.ToArray()));
        return this;
    }

    public byte[] Build() => ReaderFixtures.Concat([.. _records]);

    /// <summary>One gzip member per record, as Common Crawl writes them.</summary>
    public byte[] BuildGzipPerRecord() => ReaderFixtures.Concat([.. _records.Select(ReaderFixtures.Gzip)]);

    public static byte[] Chunk(byte[] payload, int size = 7)
    {
        using var output = new MemoryStream();
        for (var i = 0; i < payload.Length; i += size)
        {
            var n = Math.Min(size, payload.Length - i);
            output.Write(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
            output.Write(payload, i, n);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }
}

internal static class ResultExtensions
{
    public static ImmutableArray<Diagnostic> AllDiagnostics(this ReadResult result) =>
        [.. result.Diagnostics, .. result.Sources.SelectMany(s => s.Diagnostics)];
}
