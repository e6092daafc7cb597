using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary><c>parallax stories</c> and <c>parallax story ID</c> over a store filled with the bundled samples.</summary>
public sealed class StoriesCommandTests
{
    private static string StoreWithSamples()
    {
        var dir = CliRunner.TempDir();
        var ingest = CliRunner.Run(dir, "ingest", RepoPaths.Samples, "--db", "p.db");
        Assert.True(ingest.ExitCode is 0 or 1, ingest.Stderr);
        return dir;
    }

    [Fact]
    public void Stories_ListsTheStrikeStoryAndTheBakeryApartAsJson()
    {
        var dir = StoreWithSamples();
        var r = CliRunner.Run(dir, "stories", "--db", "p.db", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Stdout);
        var stories = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, stories.Count);
        var strike = stories.Single(s => s.GetProperty("articles").GetInt32() == 5);
        Assert.Equal(5, strike.GetProperty("outlets").GetArrayLength());
        Assert.Equal("2026-03-12", strike.GetProperty("from").GetString());
        Assert.Equal("2026-03-13", strike.GetProperty("to").GetString());
        Assert.Equal(1, strike.GetProperty("inferredDates").GetInt32());
        Assert.InRange(strike.GetProperty("independentOrigins").GetInt32(), 1, 4);
        var bakery = stories.Single(s => s.GetProperty("articles").GetInt32() == 1);
        Assert.Contains("bakery", bakery.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Story_ShowsOriginsWithEvidenceAndInferredDates()
    {
        var dir = StoreWithSamples();
        var list = CliRunner.Run(dir, "stories", "--db", "p.db", "--json");
        using var stories = JsonDocument.Parse(list.Stdout);
        var id = stories.RootElement.EnumerateArray().Single(s => s.GetProperty("articles").GetInt32() == 5).GetProperty("id").GetString()!;

        var r = CliRunner.Run(dir, "story", id[..8], "--db", "p.db", "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Stdout);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, articles.Count);
        var ledger = articles.Single(a => a.GetProperty("outlet").GetString() == "The Harbour Ledger");
        var origin = ledger.GetProperty("origin");
        Assert.Equal("rewrite-of", origin.GetProperty("kind").GetString());
        Assert.Equal("Meridian Wire", origin.GetProperty("originOutlet").GetString());
        var passage = origin.GetProperty("passages")[0].GetProperty("span");
        Assert.True(passage.GetProperty("end").GetInt32() > passage.GetProperty("start").GetInt32());
        Assert.True(origin.GetProperty("added").GetArrayLength() > 0);
        var beacon = articles.Single(a => a.GetProperty("outlet").GetString() == "The Patriot Beacon");
        Assert.StartsWith("PX0603", beacon.GetProperty("inferred").GetProperty("reason").GetString(), StringComparison.Ordinal);

        var text = CliRunner.Run(dir, "story", id, "--db", "p.db");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("origin: rewrite-of", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("(inferred)", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Story_UnknownIdIsReportedWithItsCode()
    {
        var dir = StoreWithSamples();
        var r = CliRunner.Run(dir, "story", "s-nope", "--db", "p.db");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("PX0608", r.Stderr, StringComparison.Ordinal);
    }
}
