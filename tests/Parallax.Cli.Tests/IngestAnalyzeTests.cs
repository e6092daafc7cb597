using System.Text;
using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>End-to-end: the built command on inputs written here (fictional articles), as a user runs it.</summary>
public class IngestAnalyzeTests
{
    private const string Wire =
        "date 2026-03-12\noutlet: Coastline Wire\ntitle: Dockworkers walk out at Port Varna\n\n" +
        "Dockworkers at Port Varna walked off the job on Thursday, the union said.\n" +
        "Share this article\n" +
        "“We will not load a single ship until the ministry listens,” union leader Ilse Marov told reporters.\n";

    private const string Page =
        "<html><head><title>Strike spreads | The Harbour Herald</title><meta property=\"og:site_name\" content=\"The Harbour Herald\">" +
        "<meta property=\"article:published_time\" content=\"2026-03-13T08:00:00Z\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>" +
        "<article><h1>Strike spreads to second port</h1><p>The strike that began at Port Varna spread on Friday to the northern terminal at Kessel, " +
        "where crane operators joined the walkout in the early hours of the morning shift.</p><p>Transport minister Aldo Brandt called the action " +
        "“irresponsible” and said the government would not negotiate under pressure from the union or anyone else.</p>" +
        "<p>Shipping lines said more than forty vessels were waiting at anchor outside the two harbours by Friday evening.</p></article>" +
        "<footer>© The Harbour Herald. All rights reserved.</footer></body></html>";

    [Fact]
    public void Ingest_MixedInputs_StoresGoodOnesAndListsRejects()
    {
        var dir = CliRunner.TempDir();
        var inputs = Path.Combine(dir, "in");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "wire.txt"), Wire);
        File.WriteAllText(Path.Combine(inputs, "page.html"), Page);
        File.WriteAllBytes(Path.Combine(inputs, "photo.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0, 1, 2, 3, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(inputs, "empty.txt"), "");

        var first = CliRunner.Run(dir, "ingest", "in");
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("2 stored", first.Stdout);
        Assert.Contains("photo.txt", first.Stderr);
        Assert.Contains("empty.txt", first.Stderr);
        Assert.Matches(@"PX\d{4}", first.Stderr);

        // Re-ingesting the same content stores nothing twice.
        var second = CliRunner.Run(dir, "ingest", "in/wire.txt", "in/page.html");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 stored, 2 already stored", second.Stdout);

        var list = CliRunner.Run(dir, "articles", "--json");
        Assert.Equal(0, list.ExitCode);
        using var doc = JsonDocument.Parse(list.Stdout);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Analyze_WritesReportsWithProvenance()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "wire.txt"), Wire);
        File.WriteAllText(Path.Combine(dir, "page.html"), Page);

        var r = CliRunner.Run(dir, "analyze", "wire.txt", "page.html", "--json", "out/r.json", "--md", "out/r.md", "--html", "out/r.html");
        Assert.True(r.ExitCode == 0, r.Stderr);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "r.json")));
        var articles = report.RootElement.GetProperty("articles");
        Assert.Equal(2, articles.GetArrayLength());
        var wire = articles.EnumerateArray().Single(a => a.GetProperty("outlet").GetString() == "Coastline Wire");
        Assert.Equal("2026-03-12", wire.GetProperty("published").GetString());
        var text = wire.GetProperty("text").GetString()!;
        Assert.DoesNotContain("Share this article", text);
        Assert.Contains("Dockworkers at Port Varna walked off the job", text);
        var raw = Wire;
        foreach (var removed in wire.GetProperty("removed").EnumerateArray())
        {
            var start = removed.GetProperty("rawStart").GetInt32();
            var end = removed.GetProperty("rawEnd").GetInt32();
            Assert.Equal(removed.GetProperty("text").GetString(), raw[start..end]);
        }

        var page = articles.EnumerateArray().Single(a => a.GetProperty("outlet").GetString() == "The Harbour Herald");
        Assert.Equal("Strike spreads to second port", page.GetProperty("title").GetString());
        Assert.DoesNotContain("All rights reserved", page.GetProperty("text").GetString());
        Assert.Single(report.RootElement.GetProperty("stories").EnumerateArray());

        var html = File.ReadAllText(Path.Combine(dir, "out", "r.html"));
        Assert.Contains("Content-Security-Policy", html);
        Assert.Contains("# ", File.ReadAllText(Path.Combine(dir, "out", "r.md")));
    }

    [Fact]
    public void Analyze_Seeds_NoResidueAndAllArticles()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run(dir, "analyze", RepoPaths.Seeds, "--json", "r.json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "r.json")));
        var texts = report.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToList();
        Assert.Equal(Directory.GetFiles(RepoPaths.Seeds, "*.txt").Length, texts.Count);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(".png)", text);
            Assert.DoesNotContain("pic.twitter.com", text);
            Assert.DoesNotContain("Read: ", text);
            Assert.DoesNotContain("Not a recommendation to buy or sell", text);
            Assert.DoesNotContain("subscribe to our newsletter", text);
        }
    }

    [Fact]
    public void Show_UnknownId_ExitsWithError()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.txt"), Wire);
        Assert.Equal(0, CliRunner.Run(dir, "ingest", "a.txt").ExitCode);
        var r = CliRunner.Run(dir, "show", "0000000000000000");
        Assert.Equal(1, r.ExitCode);
        Assert.False(string.IsNullOrWhiteSpace(r.Stderr));
    }

    [Fact]
    public void Show_Raw_MarksRemovals()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.txt"), Wire, new UTF8Encoding(false));
        Assert.Equal(0, CliRunner.Run(dir, "ingest", "a.txt").ExitCode);
        var list = CliRunner.Run(dir, "articles", "--json");
        using var doc = JsonDocument.Parse(list.Stdout);
        var id = doc.RootElement[0].GetProperty("id").GetString()!;

        var clean = CliRunner.Run(dir, "show", id);
        Assert.Equal(0, clean.ExitCode);
        Assert.DoesNotContain("Share this article", clean.Stdout);
        var raw = CliRunner.Run(dir, "show", id, "--raw");
        Assert.Equal(0, raw.ExitCode);
        Assert.Contains("Share this article", raw.Stdout);
    }
}
