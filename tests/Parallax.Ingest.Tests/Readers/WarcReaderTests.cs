using System.Text;
using Parallax.Core;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

public sealed class WarcReaderTests
{
    private static WarcWriter CcNews() => new WarcWriter()
        .Info()
        .Request("https://courier.example/pier")
        .Response("https://courier.example/pier", Encoding.UTF8.GetBytes(Html(PierStory)))
        .Request("https://gazette.example/ferry")
        .Response("https://gazette.example/ferry", Windows1252(Html("“Ferries” land at the café.")), "text/html; charset=windows-1252", date: "2031-03-15T10:11:12Z", chunked: true, gzipBody: true)
        .Response("https://gazette.example/logo.png", [0x89, 0x50, 0x4E, 0x47], "image/png")
        .Response("https://gazette.example/gone", Encoding.UTF8.GetBytes(Html("gone")), status: 404)
        .Response("https://gazette.example/no-type", Encoding.UTF8.GetBytes(Html(FerryStory)), contentType: "");

    [Fact]
    public void Read_CcNewsStyleFile_YieldsHtmlResponses()
    {
        using var dir = new TempDir();
        var path = dir.Write("news.warc", CcNews().Build());
        var result = ReadPath(path);
        AssertWellFormed(result);
        Assert.Equal([path + "#record3", path + "#record5", path + "#record8"], result.Sources.Select(s => s.Origin));

        var pier = result.Sources[0];
        Assert.Equal(SourceKind.Html, pier.Kind);
        Assert.Equal("warc", pier.Reader);
        Assert.Equal("https://courier.example/pier", pier.Hints.Url);
        Assert.Equal(new DateTimeOffset(2031, 3, 14, 9, 0, 2, TimeSpan.Zero), pier.FetchedAt);
        Assert.Equal("utf-8 (content-type)", pier.Encoding);

        var ferry = result.Sources[1];
        Assert.Equal("windows-1252 (content-type)", ferry.Encoding);
        Assert.Contains("“Ferries” land at the café.", ferry.RawText);
        Assert.Equal(new DateTimeOffset(2031, 3, 15, 10, 11, 12, TimeSpan.Zero), ferry.FetchedAt);

        Assert.Equal("utf-8 (default)", result.Sources[2].Encoding);
        var skipped = Assert.Single(result.Diagnostics);
        Assert.Equal(ReaderCodes.WarcSkipped, skipped.Code);
        Assert.Contains("3 non-response", skipped.Message);
        Assert.Contains("1 non-2xx", skipped.Message);
        Assert.Contains("1 non-HTML", skipped.Message);
    }

    [Fact]
    public void Read_GzipPerRecord_IsReadCompletely()
    {
        using var dir = new TempDir();
        var result = ReadPath(dir.Write("news.warc.gz", CcNews().BuildGzipPerRecord()));
        Assert.Equal(3, result.Sources.Length);
        Assert.Equal(ReaderCodes.WarcSkipped, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_TruncatedFile_KeepsEarlierRecords()
    {
        using var dir = new TempDir();
        var bytes = CcNews().Build();
        var cut = bytes.AsSpan().LastIndexOf("WARC/1.1"u8) + 200;
        var result = ReadPath(dir.Write("cut.warc", bytes[..cut]));
        AssertWellFormed(result);
        Assert.Equal(2, result.Sources.Length);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.WarcTruncated);
    }

    [Fact]
    public void Read_TruncatedGzip_IsReported()
    {
        using var dir = new TempDir();
        var gz = CcNews().BuildGzipPerRecord();
        var result = ReadPath(dir.Write("cut.warc.gz", gz[..(gz.Length - 30)]));
        AssertWellFormed(result);
        Assert.Equal(2, result.Sources.Length);
        Assert.Contains(result.Diagnostics, d => d.Code is ReaderCodes.WarcTruncated or ReaderCodes.GzipCorrupt);
    }

    [Fact]
    public void Read_MalformedRecord_SkipsToNext()
    {
        var writer = new WarcWriter()
            .Response("https://a.example/1", Encoding.UTF8.GetBytes(Html(PierStory)))
            .Raw(Encoding.ASCII.GetBytes("WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\n\r\ngarbage body\r\n\r\n"))
            .Add("response", "https://a.example/2", "2031-03-14T09:00:00Z", "application/http", Encoding.ASCII.GetBytes("no status line\r\n\r\n<html></html>"))
            .Response("https://a.example/3", Encoding.UTF8.GetBytes(Html(FerryStory)));
        var result = ReadContent("mixed.warc", writer.Build());
        AssertWellFormed(result);
        Assert.Equal(["https://a.example/1", "https://a.example/3"], result.Sources.Select(s => s.Hints.Url));
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.WarcMalformedHeader && d.Subject == "mixed.warc#record2");
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.WarcBadHttp && d.Subject == "mixed.warc#record3");
    }

    [Fact]
    public void Read_OversizedRecord_IsSkippedWithPX0142()
    {
        var writer = new WarcWriter()
            .Response("https://a.example/big", Encoding.UTF8.GetBytes(Html(new string('x', 5000))))
            .Response("https://a.example/small", Encoding.UTF8.GetBytes(Html(PierStory)));
        var result = ReadContent("big.warc", writer.Build(), ReaderOptions.Default with { MaxRecordBytes = 2000 });
        Assert.Equal("https://a.example/small", Assert.Single(result.Sources).Hints.Url);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.WarcRecordTooLarge);
    }

    [Fact]
    public void Read_BadDate_WarnsAndLeavesFetchedAtNull()
    {
        var writer = new WarcWriter().Response("https://a.example/1", Encoding.UTF8.GetBytes(Html(PierStory)), date: "last tuesday");
        var result = ReadContent("d.warc", writer.Build());
        var source = Assert.Single(result.Sources);
        Assert.Null(source.FetchedAt);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.WarcBadDate);
    }

    [Fact]
    public void Read_NotAWarc_IsPX0146()
    {
        var result = ReadContent("fake.warc", Encoding.UTF8.GetBytes("Hello, this is not a WARC file.\n"));
        Assert.Equal(ReaderCodes.NotWarc, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void HttpMessageParser_Dechunk_RejectsBadChunks()
    {
        Assert.Null(HttpMessageParser.Dechunk("zz\r\nabc\r\n0\r\n\r\n"u8, 1000).Body);
        Assert.Null(HttpMessageParser.Dechunk("ff\r\nabc\r\n"u8, 1000).Body);
        Assert.Equal("abcdef"u8.ToArray(), HttpMessageParser.Dechunk("3;ext=1\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n"u8, 1000).Body);
    }
}
