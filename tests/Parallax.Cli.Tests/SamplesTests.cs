using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>
/// The README's main command on the bundled samples (samples/README.md lists what a correct analysis must find),
/// checked by assertions and by golden files (tests/golden/samples/). Regenerate goldens: docs/testing.md.
/// </summary>
public class SamplesTests
{
    private static readonly Lazy<(CliRunner.Result Run, string Json, string Markdown)> _analysis = new(() =>
    {
        var tmp = CliRunner.TempDir();
        var json = Path.Combine(tmp, "report.json");
        var md = Path.Combine(tmp, "report.md");
        var run = CliRunner.Run(RepoPaths.Root, "analyze", "samples", "--db", Path.Combine(tmp, "s.db"), "--json", json, "--md", md, "--html", Path.Combine(tmp, "report.html"));
        return (run, File.Exists(json) ? File.ReadAllText(json) : "", File.Exists(md) ? File.ReadAllText(md) : "");
    });

    private static JsonElement Article(JsonDocument report, string originSuffix, int index = 0) =>
        report.RootElement.GetProperty("articles").EnumerateArray()
            .Where(a => a.GetProperty("origin").GetString()!.Replace('\\', '/').Contains(originSuffix, StringComparison.Ordinal))
            .OrderBy(a => a.GetProperty("origin").GetString(), StringComparer.Ordinal).ElementAt(index);

    [Fact]
    public void Samples_AnalyzeSucceeds_WithSixArticles()
    {
        var (run, json, _) = _analysis.Value;
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var report = JsonDocument.Parse(json);
        Assert.Equal(6, report.RootElement.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public void Samples_Cleaning_RemovesResidueAndKeepsEmbedsAside()
    {
        using var report = JsonDocument.Parse(_analysis.Value.Json);
        foreach (var a in report.RootElement.GetProperty("articles").EnumerateArray())
        {
            var text = a.GetProperty("text").GetString()!;
            Assert.DoesNotContain(".png)", text);
            Assert.DoesNotContain("pic.twitter.com", text);
            Assert.DoesNotContain("Read: Corvane Lines Reports Record Quarter", text);
            Assert.DoesNotContain("Share this article", text);
            Assert.DoesNotContain("Valdoria Central Bank Holds Rates Steady", text);
            Assert.DoesNotContain("date 2026-03-12", text);
        }

        var coastline = Article(report, "coastline-business-review.jsonl");
        var embed = Assert.Single(coastline.GetProperty("embeds").EnumerateArray());
        Assert.Equal("@IlseVargaVDU", embed.GetProperty("handle").GetString());
        Assert.Equal("2026-03-12", embed.GetProperty("date").GetString());

        var wire = Article(report, "meridian-wire.txt");
        Assert.Equal("Meridian Wire", wire.GetProperty("outlet").GetString());
        Assert.Equal("2026-03-12", wire.GetProperty("published").GetString());
        Assert.Contains(wire.GetProperty("removed").EnumerateArray(), r => r.GetProperty("kind").GetString() == "ImageDebris");
    }

    [Fact]
    public void Samples_Metadata_FromEveryFormat()
    {
        using var report = JsonDocument.Parse(_analysis.Value.Json);
        var post = Article(report, "valdoria-daily-post.html");
        Assert.Equal("Valdoria Daily Post", post.GetProperty("outlet").GetString());
        Assert.Contains("Sofia Brandt", post.GetProperty("authors").EnumerateArray().Select(x => x.GetString()));
        Assert.StartsWith("2026-03-13T08:15:00", post.GetProperty("published").GetString());
        Assert.DoesNotContain("Get the Business Briefing", post.GetProperty("text").GetString());

        var ledger = Article(report, "harbour-ledger.xml");
        Assert.StartsWith("2026-03-12T16:20:00", ledger.GetProperty("published").GetString());

        var beacon = Article(report, "patriot-beacon.txt");
        Assert.Equal(JsonValueKind.Null, beacon.GetProperty("published").ValueKind);
    }

    [Fact]
    public void Samples_ReportMatchesGolden()
    {
        var (run, json, md) = _analysis.Value;
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Null(Golden.Check("samples/report.json", json));
        Assert.Null(Golden.Check("samples/report.md", md));
    }
}
