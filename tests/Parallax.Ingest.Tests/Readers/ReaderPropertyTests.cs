using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

/// <summary>
/// Fuzz-style properties: random bytes and mutated valid inputs, under every name a reader dispatches on, never
/// throw and always give well-formed results (valid sources or coded PX01xx diagnostics).
/// </summary>
public sealed class ReaderPropertyTests
{
    private static readonly string[] _names =
    [
        "a.txt", "a.html", "a.xhtml", "a.xml", "a.rss", "a.atom", "a.opml", "a.json", "a.jsonl", "a.warc",
        "a.gz", "a.html.gz", "a.jsonl.gz", "a.warc.gz", "noextension",
    ];

    private static readonly Lazy<(string Name, byte[] Bytes)[]> _valid = new(() =>
    [
        ("pier.txt", Encoding.UTF8.GetBytes("title: Pier\ndate 2031-03-11\n\n" + PierStory)),
        ("pier-1252.txt", Windows1252("“Le café,” she said – ½ price.\n" + PierStory)),
        ("pier-utf16.txt", Encoding.Unicode.GetBytes(FerryStory)),
        ("pier.html", Encoding.UTF8.GetBytes(Html(PierStory, "<meta charset=utf-8>"))),
        ("pier.html.gz", Gzip(Encoding.UTF8.GetBytes(Html(FerryStory)))),
        ("courier.rss", Encoding.UTF8.GetBytes(FeedReaderTests.Rss)),
        ("gazette.atom", Encoding.UTF8.GetBytes(FeedReaderTests.Atom)),
        ("daily.json", Encoding.UTF8.GetBytes(FeedReaderTests.JsonFeed)),
        ("list.opml", Encoding.UTF8.GetBytes("<opml version=\"2.0\"><body><outline xmlUrl=\"https://r.example/rss\"/></body></opml>")),
        ("news.jsonl", Encoding.UTF8.GetBytes("{\"title\":\"A\",\"text\":\"One.\",\"authors\":[\"Ada\"]}\n{\"html\":\"<p>Two.</p>\"}\n")),
        ("news.warc", new WarcWriter().Info().Response("https://a.example/1", Encoding.UTF8.GetBytes(Html(PierStory)), chunked: true, gzipBody: true).Build()),
        ("news.warc.gz", new WarcWriter().Info().Response("https://a.example/2", Encoding.UTF8.GetBytes(Html(FerryStory))).BuildGzipPerRecord()),
    ]);

    [Property(MaxTest = 300)]
    public void RandomBytes_UnderEveryName_GiveWellFormedResults(byte[] bytes, NonNegativeInt nameIndex)
    {
        var name = _names[nameIndex.Get % _names.Length];
        AssertWellFormed(ReadContent(name, bytes));
    }

    [Property(MaxTest = 300)]
    public void RandomBytesWithMagicPrefixes_GiveWellFormedResults(byte[] bytes, NonNegativeInt prefixIndex, NonNegativeInt nameIndex)
    {
        byte[][] prefixes = ["WARC/1.1\r\n"u8.ToArray(), [0x1F, 0x8B, 0x08, 0x00], "<?xml version=\"1.0\"?><rss>"u8.ToArray(), "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"u8.ToArray(), "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":["u8.ToArray(), "<!DOCTYPE html><meta charset="u8.ToArray(), [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], "{\"text\":"u8.ToArray()];
        var input = Concat(prefixes[prefixIndex.Get % prefixes.Length], bytes);
        AssertWellFormed(ReadContent(_names[nameIndex.Get % _names.Length], input));
    }

    [Property(MaxTest = 400)]
    public void MutatedValidInputs_GiveWellFormedResults(int seed, NonNegativeInt fixtureIndex)
    {
        var (name, bytes) = _valid.Value[fixtureIndex.Get % _valid.Value.Length];
        AssertWellFormed(ReadContent(name, Mutate(bytes, new Random(seed))));
    }

    [Fact]
    public void ValidFixtures_AllYieldSources()
    {
        foreach (var (name, bytes) in _valid.Value.Where(v => !v.Name.EndsWith(".opml", StringComparison.Ordinal)))
        {
            var result = ReadContent(name, bytes);
            AssertWellFormed(result);
            Assert.True(result.Sources.Length > 0, name + ": " + string.Join("; ", result.Diagnostics));
        }
    }

    [Property(MaxTest = 300)]
    public void TextDecoder_RandomBytes_AlwaysLabels(byte[] bytes)
    {
        var text = TextDecoder.DecodeText(bytes);
        Assert.Matches(@"^[a-z0-9_\-]+ \([a-z\-]+\)$", text.Label);
        var html = TextDecoder.DecodeHtml(bytes, transportCharset: bytes.Length % 2 == 0 ? "x-unknown" : null);
        Assert.Matches(@"^[a-z0-9_\-]+ \([a-z\-]+\)$", html.Label);
    }

    [Property(MaxTest = 300)]
    public void TextDecoder_Utf8Text_RoundTrips(NonNull<string> value)
    {
        var s = value.Get;
        if (s.Contains('\0') || s.StartsWith('\uFEFF') || !IsWellFormedUtf16(s))
        {
            return; // NULs read as UTF-16 by design; a leading U+FEFF is a BOM; lone surrogates cannot be encoded
        }

        var decoded = TextDecoder.DecodeText(Encoding.UTF8.GetBytes(s));
        Assert.Equal(s, decoded.Text);
        Assert.StartsWith("utf-8", decoded.Label);
    }

    [Property(MaxTest = 500)]
    public void TextHeaderParser_SpansPointAtTheirText(NonNull<string> body, NonNegativeInt shape)
    {
        string[] heads = ["", "title: Pier\n", "date 2031-03-11 ", "  date: 11 March\r\nauthor: Ada, Jan\n\n", "url https://x.example/a\nsource: Wire\n", "published 2031-03-11T08:00Z\n"];
        var text = heads[shape.Get % heads.Length] + body.Get;
        var header = TextHeaderParser.Parse(text);
        Assert.True(header.Span.FitsIn(text));
        Assert.True(header.Fields.Length <= TextHeaderParser.MaxFields);
        foreach (var field in header.Fields)
        {
            Assert.Equal(field.Value, field.ValueSpan.Of(text));
            Assert.True(field.Span.Contains(field.ValueSpan));
            Assert.True(header.Span.Contains(field.Span));
        }
    }

    [Property(MaxTest = 300)]
    public void HttpMessageParser_RandomInput_NeverThrows(byte[] bytes, bool chunked)
    {
        var head = chunked ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"u8.ToArray() : "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n"u8.ToArray();
        var (message, problem) = HttpMessageParser.Parse(Concat(head, bytes), 1024 * 1024);
        Assert.True(message is not null ^ problem is not null);
    }

    private static bool IsWellFormedUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Byte flips, insertions, deletions, duplications and truncation, 1–8 edits.</summary>
    internal static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = input.ToList();
        var edits = random.Next(1, 9);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 64)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 4:
                    var length = Math.Min(bytes.Count - at, random.Next(1, 128));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    const string markup = "<>\"&\r\n\0{}[]:";
                    bytes[at] = (byte)markup[random.Next(markup.Length)];
                    break;
            }
        }

        return [.. bytes];
    }
}

/// <summary>Whole directories of random and mutated files: every file is accounted for, in ordinal order.</summary>
public sealed class DirectoryPropertyTests
{
    [Property(MaxTest = 25)]
    public void RandomDirectory_EveryFileGivesASourceOrADiagnostic(int seed)
    {
        var random = new Random(seed);
        using var dir = new TempDir();
        string[] extensions = [".txt", ".html", ".rss", ".jsonl", ".warc", ".gz", ".json", ".bin", ""];
        var count = random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            if (random.Next(2) == 0)
            {
                bytes = ReaderPropertyTests.Mutate(System.Text.Encoding.UTF8.GetBytes(Html(PierStory + i)), random);
            }

            dir.Write($"d{random.Next(3)}/f{i}{extensions[random.Next(extensions.Length)]}", bytes);
        }

        var result = ReadPath(dir.Path);
        AssertWellFormed(result);
        var subjects = result.Sources.Select(s => s.Origin.Split('#')[0])
            .Concat(result.Diagnostics.Select(d => d.Subject?.Split('#')[0]))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            Assert.Contains(file, subjects);
        }

        var origins = result.Sources.Select(s => s.Origin.Split('#')[0]).ToList();
        Assert.Equal(origins.Order(StringComparer.Ordinal), origins);
    }
}
