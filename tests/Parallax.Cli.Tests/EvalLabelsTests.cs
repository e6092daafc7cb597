using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary><c>parallax eval labels</c> on ../shared/data/bias/newswcl50-events-0-6 (read at run time).</summary>
public class EvalLabelsTests
{
    [Fact]
    public void EvalLabels_RunsOnNewsWcl50AndPassesItsGate()
    {
        var dir = RepoPaths.SharedData("bias", "newswcl50-events-0-6");
        var r = CliRunner.Run(RepoPaths.Root, "eval", "labels", dir, "--gate");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(7, json.GetProperty("events").GetInt32());
        Assert.Equal(35, json.GetProperty("articles").GetInt32());
        Assert.InRange(json.GetProperty("names_recall").GetDouble(), 0.5, 1.0);
        Assert.InRange(json.GetProperty("labels_recall").GetDouble(), 0.2, 1.0);
        Assert.Equal(6, json.GetProperty("by_outlet").EnumerateObject().Count());
    }

    [Fact]
    public void EvalLabels_MissingFolderIsAUsageError()
    {
        var r = CliRunner.Run(CliRunner.TempDir(), "eval", "labels", "no-such-folder");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PX0514", r.Stderr, StringComparison.Ordinal);
    }
}
