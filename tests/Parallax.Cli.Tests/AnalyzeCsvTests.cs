using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary><c>parallax analyze --csv</c>: the claim table as CSV, one row per fact and article, matching the JSON report.</summary>
public sealed class AnalyzeCsvTests
{
    [Fact]
    public void Analyze_Csv_WritesOneRowPerFactAndArticle()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run(RepoPaths.Root, "analyze", "samples", "--db", Path.Combine(dir, "s.db"), "--json", Path.Combine(dir, "r.json"), "--csv", Path.Combine(dir, "facts.csv"));
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);

        var csv = File.ReadAllText(Path.Combine(dir, "facts.csv"));
        var lines = csv.Split("\r\n");
        Assert.Equal("story_id,fact_id,fact_text,outlet,status,article_id,evidence_start,evidence_end,evidence_text,origin_key,origins,single_source", lines[0]);
        Assert.Equal("", lines[^1]);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "r.json")));
        var expected = 0;
        foreach (var story in report.RootElement.GetProperty("stories").EnumerateArray())
        {
            foreach (var fact in story.GetProperty("facts").EnumerateArray())
            {
                expected += fact.GetProperty("states").GetArrayLength() + fact.GetProperty("omits").GetArrayLength() + fact.GetProperty("contradicts").GetArrayLength();
            }
        }

        Assert.True(expected > 0);
        // Sample texts hold no line breaks inside a claim, so each row is one line.
        Assert.Equal(expected, lines.Length - 2);
        Assert.Contains(lines, l => l.Contains(",states,", StringComparison.Ordinal) && l.Contains("3 percent", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",omits,", StringComparison.Ordinal));
    }
}
