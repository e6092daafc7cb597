using System.Text;
using Parallax.Core;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

public sealed class JsonLinesReaderTests
{
    [Fact]
    public void Read_GoodAndBadLines_KeepsGoodOnesAndNamesBadLines()
    {
        var lines = string.Join("\n",
            "{\"id\":\"c-1\",\"url\":\"https://courier.example/pier\",\"outlet\":\"Vellmark Courier\",\"title\":\"Pier closes\",\"published\":\"2031-03-11\",\"text\":\"The pier closes.\",\"authors\":[\"Ada Brenn\",\"Tomas Ilve\"]}",
            "{\"title\": \"broken\", \"text\": ",
            "",
            "[1,2,3]",
            "{\"title\":\"no payload\"}",
            "{\"html\":\"<p>Ferry moves to the fish market.</p>\",\"authors\":\"Mira Solt and Jan Oster\"}",
            "{\"text\":\"Both fields.\",\"html\":\"<p>Both fields.</p>\",\"published\":20310311}");
        var result = ReadContent("feed.jsonl", Encoding.UTF8.GetBytes(lines));
        AssertWellFormed(result);
        Assert.Equal(["feed.jsonl#1", "feed.jsonl#6", "feed.jsonl#7"], result.Sources.Select(s => s.Origin));

        var first = result.Sources[0];
        Assert.Equal(SourceKind.Text, first.Kind);
        Assert.Equal("jsonl", first.Reader);
        Assert.Equal("utf-8 (json)", first.Encoding);
        Assert.Equal("The pier closes.", first.RawText);
        Assert.Equal("c-1", first.Hints.Id);
        Assert.Equal("Vellmark Courier", first.Hints.Outlet);
        Assert.Equal("2031-03-11", first.Hints.Published);
        Assert.Equal(["Ada Brenn", "Tomas Ilve"], first.Hints.Authors);

        Assert.Equal(SourceKind.Html, result.Sources[1].Kind);
        Assert.Equal(["Mira Solt", "Jan Oster"], result.Sources[1].Hints.Authors);
        Assert.Equal(SourceKind.Text, result.Sources[2].Kind);
        Assert.Contains(result.Sources[2].Diagnostics, d => d.Code == ReaderCodes.JsonLineBothPayloads);

        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.JsonLineInvalid && d.Subject == "feed.jsonl#2" && d.Message.Contains("line 2"));
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.JsonLineBadField && d.Subject == "feed.jsonl#4");
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.JsonLineNoPayload && d.Subject == "feed.jsonl#5");
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.JsonLineBadField && d.Subject == "feed.jsonl#7" && d.Message.Contains("published"));
    }

    [Fact]
    public void Read_InvalidUtf8Line_IsPX0133AndOthersContinue()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes("{\"text\":\"caf"), [0xE9], Encoding.UTF8.GetBytes("\"}\r\n{\"text\":\"Second line.\"}\r\n"));
        var result = ReadContent("x.jsonl", bytes);
        Assert.Equal("Second line.", Assert.Single(result.Sources).RawText);
        Assert.Equal("x.jsonl#2", result.Sources[0].Origin);
        Assert.Equal(ReaderCodes.JsonLineBadUtf8, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Read_JsonlGz_IsDecompressed()
    {
        using var dir = new TempDir();
        var path = dir.Write("news.jsonl.gz", Gzip(Encoding.UTF8.GetBytes("{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n")));
        var result = ReadPath(path);
        Assert.Equal([path + "#1", path + "#2"], result.Sources.Select(s => s.Origin));
    }

    [Fact]
    public void Read_DuplicateLines_SecondIsPX0150()
    {
        var result = ReadContent("d.jsonl", Encoding.UTF8.GetBytes("{\"text\":\"Same.\"}\n{\"text\":\"Same.\",\"title\":\"copy\"}\n"));
        Assert.Single(result.Sources);
        var duplicate = Assert.Single(result.Diagnostics);
        Assert.Equal(ReaderCodes.Duplicate, duplicate.Code);
        Assert.Equal("d.jsonl#2", duplicate.Subject);
        Assert.Contains("d.jsonl#1", duplicate.Message);
    }
}
