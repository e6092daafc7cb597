using System.Text;
using Parallax.Core;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

/// <summary>A JSON Lines file named as an input is streamed in chunks: no file-size cap, line numbers kept across chunks.</summary>
public sealed class JsonLinesStreamingTests
{
    private static string Lines(int count, int badLine)
    {
        var sb = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            sb.Append(i == badLine ? "{\"text\": " : $"{{\"id\":\"a-{i}\",\"title\":\"Ferry timetable {i}\",\"text\":\"Ferry number {i} leaves the quay at noon.\"}}").Append('\n');
        }

        return sb.ToString();
    }

    private static List<ReadResult> ReadStreamed(string path, ReaderOptions? options = null) =>
        [.. Reader(options).Read([path], TestContext.Current.CancellationToken)];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_LargeJsonLines_StreamsInChunksBeyondTheFileCap(bool gzip)
    {
        var dir = Directory.CreateTempSubdirectory("px-jsonl-").FullName;
        var bytes = Encoding.UTF8.GetBytes(Lines(1300, badLine: 700));
        var path = Path.Combine(dir, gzip ? "dump.jsonl.gz" : "dump.jsonl");
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);

        // A file cap far below the file's size: streaming is exempt, like WARC.
        var results = ReadStreamed(path, ReaderOptions.Default with { MaxFileBytes = 1024 });

        Assert.True(results.Count >= 3);
        var sources = results.SelectMany(r => r.Sources).ToList();
        Assert.Equal(1299, sources.Count);
        Assert.Equal(path + "#1", sources[0].Origin);
        Assert.Equal(path + "#1300", sources[^1].Origin);
        Assert.Equal("Ferry number 1300 leaves the quay at noon.", sources[^1].RawText);
        Assert.Contains(results.SelectMany(r => r.Diagnostics), d => d.Code == ReaderCodes.JsonLineInvalid && d.Subject == path + "#700");
    }

    [Fact]
    public void Read_JsonLinesLineOverRecordCap_IsSkippedWithReason()
    {
        var dir = Directory.CreateTempSubdirectory("px-jsonl-").FullName;
        var path = Path.Combine(dir, "big-line.jsonl");
        var longText = new string('x', 5000);
        File.WriteAllText(path, "{\"text\":\"Short one.\"}\n{\"text\":\"" + longText + "\"}\n{\"text\":\"Last one.\"}\n");

        var results = ReadStreamed(path, ReaderOptions.Default with { MaxRecordBytes = 1000 });

        Assert.Equal(["Short one.", "Last one."], results.SelectMany(r => r.Sources).Select(s => s.RawText));
        Assert.Contains(results.SelectMany(r => r.Diagnostics), d => d.Code == ReaderCodes.TooLarge && d.Subject == path + "#2");
    }

    [Fact]
    public void Read_TruncatedGzipJsonLines_KeepsEarlierLinesAndReportsTheBreak()
    {
        var dir = Directory.CreateTempSubdirectory("px-jsonl-").FullName;
        var path = Path.Combine(dir, "cut.jsonl.gz");
        var gz = Gzip(Encoding.UTF8.GetBytes(Lines(2000, badLine: -1)));
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);

        var results = ReadStreamed(path);

        Assert.NotEmpty(results.SelectMany(r => r.Sources));
        Assert.Contains(results.SelectMany(r => r.Diagnostics), d => d.Severity == Severity.Error && d.Subject == path);
    }
}
