using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary><c>parallax eval loaded-language</c> as a process: one JSON line, usage codes, the gate, predictions.</summary>
public sealed class EvalLoadedLanguageCommandTests
{
    [Fact]
    public void EvalLoadedLanguage_MissingFolderIsAUsageError()
    {
        var r = CliRunner.Run(RepoPaths.Root, "eval", "loaded-language", Path.Combine(CliRunner.TempDir(), "nope"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PX0970", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalLoadedLanguage_FolderThatIsNotABiasSetIsAUsageError()
    {
        var r = CliRunner.Run(RepoPaths.Root, "eval", "loaded-language", CliRunner.TempDir());
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PX0971", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalLoadedLanguage_Babe_PrintsOneJsonLinePassesTheGateAndWritesPredictions()
    {
        var predictions = Path.Combine(CliRunner.TempDir(), "babe.jsonl");
        var r = CliRunner.Run(RepoPaths.Root, "eval", "loaded-language", RepoPaths.SharedData("bias", "babe"), "--gate", "--predictions", predictions);
        Assert.Equal(0, r.ExitCode);
        var line = Assert.Single(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(2930, json.RootElement.GetProperty("n").GetInt32());
        Assert.Contains("gate passed", r.Stderr, StringComparison.Ordinal);
        var first = JsonDocument.Parse(File.ReadLines(predictions).First()).RootElement;
        Assert.True(first.TryGetProperty("id", out _) && first.TryGetProperty("biased", out _) && first.TryGetProperty("score", out _));
        Assert.Equal(2930, File.ReadLines(predictions).Count());
    }

    [Fact]
    public void EvalLoadedLanguage_CrossValidateOnPtcIsAUsageError()
    {
        var r = CliRunner.Run(RepoPaths.Root, "eval", "loaded-language", RepoPaths.SharedData("bias", "ptc-train-80"), "--cross-validate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PX0973", r.Stderr, StringComparison.Ordinal);
    }
}
