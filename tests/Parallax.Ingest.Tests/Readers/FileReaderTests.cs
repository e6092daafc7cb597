using System.Text;
using Parallax.Core;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

public sealed class FileReaderTests
{
    [Fact]
    public void ReadOne_TextFile_GivesTextSourceWithHeaderHints()
    {
        using var dir = new TempDir();
        var text = "title: Pier closes\noutlet: Vellmark Courier\ndate: 2031-03-11\n\n" + PierStory;
        var path = dir.Write("pier.txt", text);
        var result = ReadPath(path);
        AssertWellFormed(result);
        var source = Assert.Single(result.Sources);
        Assert.Equal(SourceKind.Text, source.Kind);
        Assert.Equal("text", source.Reader);
        Assert.Equal(path, source.Origin);
        Assert.Equal(text, source.RawText); // header lines are kept; the cleaner removes them
        Assert.Equal("utf-8 (valid)", source.Encoding);
        Assert.Equal(FixedTime.Instant, source.FetchedAt);
        Assert.Equal("Pier closes", source.Hints.Title);
        Assert.Equal("Vellmark Courier", source.Hints.Outlet);
        Assert.Equal("2031-03-11", source.Hints.Published);
        Assert.Equal(Hashing.Sha256Hex(Encoding.UTF8.GetBytes(text)), source.Id);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void ReadOne_HtmlFile_IsHtmlWithMetaCharset()
    {
        using var dir = new TempDir();
        var path = dir.Write("pier.htm", Windows1252(Html("“We cannot wait,” said Ada Brenn of the café guild.", "<meta charset=windows-1252>")));
        var source = Assert.Single(ReadPath(path).Sources);
        Assert.Equal(SourceKind.Html, source.Kind);
        Assert.Equal("html", source.Reader);
        Assert.Equal("windows-1252 (meta)", source.Encoding);
        Assert.Contains("“We cannot wait,” said Ada Brenn of the café guild.", source.RawText);
    }

    [Fact]
    public void ReadOne_TxtThatIsHtml_IsReadAsHtml()
    {
        using var dir = new TempDir();
        var source = Assert.Single(ReadPath(dir.Write("saved-page.txt", Html(PierStory))).Sources);
        Assert.Equal(SourceKind.Html, source.Kind);
    }

    [Fact]
    public void ReadOne_HtmlGz_IsDecompressed()
    {
        using var dir = new TempDir();
        var html = Encoding.UTF8.GetBytes(Html(PierStory));
        var source = Assert.Single(ReadPath(dir.Write("pier.html.gz", Gzip(html))).Sources);
        Assert.Equal(SourceKind.Html, source.Kind);
        Assert.Equal(html, source.Bytes.ToArray());
    }

    [Fact]
    public void ReadOne_GzipWithoutGzExtension_IsSniffed()
    {
        using var dir = new TempDir();
        var source = Assert.Single(ReadPath(dir.Write("pier.txt", Gzip(Encoding.UTF8.GetBytes(PierStory)))).Sources);
        Assert.Equal(PierStory, source.RawText);
    }

    [Fact]
    public void ReadOne_TruncatedGzip_IsPX0108()
    {
        using var dir = new TempDir();
        var gz = Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(PierStory, 50))));
        var result = ReadPath(dir.Write("pier.html.gz", gz[..(gz.Length / 2)]));
        AssertWellFormed(result);
        Assert.Empty(result.Sources);
        Assert.Equal(ReaderCodes.GzipCorrupt, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void ReadOne_GzipBomb_StopsAtDecompressedCap()
    {
        using var dir = new TempDir();
        var bomb = Gzip(new byte[4 * 1024 * 1024]);
        var result = ReadPath(dir.Write("bomb.txt.gz", bomb), ReaderOptions.Default with { MaxDecompressedBytes = 1024 * 1024 });
        Assert.Equal(ReaderCodes.DecompressedTooLarge, Assert.Single(result.Diagnostics).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "PNG")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, "PDF")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46 }, "JPEG")]
    [InlineData(new byte[] { 0x01, 0x02, 0x00, 0x00, 0x00, 0x07, 0x41, 0x00, 0x13, 0x14, 0x00, 0xFE, 0xED, 0x00, 0x00, 0x01 }, "NUL")]
    public void ReadOne_BinaryFile_IsPX0105(byte[] bytes, string what)
    {
        using var dir = new TempDir();
        var result = ReadPath(dir.Write("article.txt", bytes));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ReaderCodes.Binary, diagnostic.Code);
        Assert.Contains(what, diagnostic.Message);
        Assert.Contains("binary, not an article", diagnostic.Message);
    }

    [Fact]
    public void ReadOne_EmptyAndBlankFiles_ArePX0103()
    {
        using var dir = new TempDir();
        Assert.Equal(ReaderCodes.Empty, Assert.Single(ReadPath(dir.Write("empty.txt", [])).Diagnostics).Code);
        Assert.Equal(ReaderCodes.Empty, Assert.Single(ReadPath(dir.Write("blank.txt", " \n\t\n")).Diagnostics).Code);
    }

    [Fact]
    public void ReadOne_HugeFile_IsPX0104WithoutReadingIt()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(3 * 1024 * 1024); // sparse: never materialised by the reader
        }

        var diagnostic = Assert.Single(ReadPath(path, ReaderOptions.Default with { MaxFileBytes = 1024 * 1024 }).Diagnostics);
        Assert.Equal(ReaderCodes.TooLarge, diagnostic.Code);
    }

    [Fact]
    public void ReadOne_MissingPath_IsPX0101()
    {
        var result = ReadPath("/nonexistent/parallax/pier.txt");
        Assert.Equal(ReaderCodes.NotFound, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void ReadOne_UnreadableFile_IsPX0102()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            Assert.Skip("root (or Windows) can read a file whatever its mode; the permission cannot be taken away here");
        }
        else
        {
            using var tmp = new TempDir();
            var path = tmp.Write("secret.txt", PierStory);
            File.SetUnixFileMode(path, UnixFileMode.None);
            Assert.Equal(ReaderCodes.Unreadable, Assert.Single(ReadPath(path).Diagnostics).Code);
        }
    }

    [Fact]
    public void ReadOne_Directory_IsRecursiveSortedAndIsolatesBadFiles()
    {
        using var dir = new TempDir();
        dir.Write("b/second.txt", FerryStory);
        dir.Write("a.txt", PierStory);
        dir.Write("b/image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        dir.Write("b/empty.html", []);
        dir.Write("c/page.html", Html("A third, different article about the ferry timetable."));
        var result = ReadPath(dir.Path);
        AssertWellFormed(result);
        Assert.Equal(["a.txt", "b/second.txt", "c/page.html"], result.Sources.Select(s => Path.GetRelativePath(dir.Path, s.Origin).Replace('\\', '/')));
        Assert.Equal([ReaderCodes.Empty, ReaderCodes.Binary], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void ReadOne_EmptyDirectory_IsPX0152()
    {
        using var dir = new TempDir();
        Assert.Equal(ReaderCodes.EmptyDirectory, Assert.Single(ReadPath(dir.Path).Diagnostics).Code);
    }

    [Fact]
    public void ReadOne_SymlinkedDirectory_IsNotFollowed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDir();
        dir.Write("a.txt", PierStory);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop"), dir.Path);
        var result = ReadPath(dir.Path);
        Assert.Single(result.Sources);
        Assert.Equal(ReaderCodes.LinkSkipped, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_DuplicatesAcrossInputs_AreReturnedOnce()
    {
        using var dir = new TempDir();
        var first = dir.Write("one/pier.txt", PierStory);
        var second = dir.Write("two/pier-copy.txt", PierStory);
        using var reader = Reader();
        var results = reader.Read([first, second], TestContext.Current.CancellationToken).ToList();
        Assert.Single(results[0].Sources);
        Assert.Empty(results[1].Sources);
        var duplicate = Assert.Single(results[1].Diagnostics);
        Assert.Equal(ReaderCodes.Duplicate, duplicate.Code);
        Assert.Equal(Severity.Info, duplicate.Severity);
        Assert.Contains(first, duplicate.Message);
        Assert.Equal(second, duplicate.Subject);
    }

    [Fact]
    public void Read_IsDeterministic()
    {
        using var dir = new TempDir();
        dir.Write("x/1.txt", PierStory);
        dir.Write("x/2.html", Html(FerryStory));
        dir.Write("x/3.jsonl", "{\"title\":\"T\",\"text\":\"Ferry news.\"}\n");
        using var reader = Reader();
        string Snapshot() => string.Join("\n", reader.Read([dir.Path], TestContext.Current.CancellationToken)
            .SelectMany(r => r.Sources.Select(s => $"{s.Id} {s.Origin} {s.Encoding} {s.Kind}").Concat(r.Diagnostics.Select(d => d.ToString()))));
        Assert.Equal(Snapshot(), Snapshot());
    }

    [Fact]
    public void Read_UnsupportedScheme_IsPX0110()
    {
        using var reader = Reader(ReaderOptions.Default with { AllowNetwork = true });
        var result = reader.ReadOne("ftp://files.example/pier.txt", TestContext.Current.CancellationToken);
        Assert.Equal(ReaderCodes.SchemeRefused, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_UrlWithNetworkOff_IsPX0111()
    {
        var result = ReadPath("https://courier.example/pier");
        Assert.Equal(ReaderCodes.NetworkDisabled, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_Cancelled_Throws()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", PierStory);
        using var reader = Reader();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => reader.Read([dir.Path], cts.Token).ToList());
    }

    [Fact]
    public void ReadContent_Utf16Html_IsHtml()
    {
        var bytes = Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Html(PierStory)));
        var source = Assert.Single(ReadContent("page", bytes).Sources);
        Assert.Equal(SourceKind.Html, source.Kind);
        Assert.Equal("utf-16le (bom)", source.Encoding);
    }

    [Fact]
    public void SourceReader_NonPositiveCaps_AreCallerBugs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceReader(ReaderOptions.Default with { MaxFileBytes = 0 }, new FixedTime()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SourceReader(ReaderOptions.Default with { HttpTimeout = TimeSpan.Zero }, new FixedTime()));
        Assert.Throws<ArgumentNullException>(() => Reader().Read(null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Read_ConcurrentCalls_GiveIdenticalResults()
    {
        using var dir = new TempDir();
        dir.Write("a/1.txt", PierStory);
        dir.Write("a/2.html", Html(FerryStory));
        dir.Write("b/3.jsonl", "{\"text\":\"One.\"}\n{\"text\":\"One.\"}\n");
        dir.Write("b/4.warc", new WarcWriter().Response("https://a.example/1", Encoding.UTF8.GetBytes(Html("WARC page."))).Build());
        using var reader = Reader();
        string Snapshot() => string.Join("\n", reader.Read([dir.Path], TestContext.Current.CancellationToken)
            .SelectMany(r => r.Sources.Select(s => $"{s.Id} {s.Origin} {s.Encoding}").Concat(r.Diagnostics.Select(d => d.ToString()))));
        var expected = Snapshot();
        var snapshots = new string[8];
        Parallel.For(0, snapshots.Length, i => snapshots[i] = Snapshot());
        Assert.All(snapshots, s => Assert.Equal(expected, s));
    }
}
