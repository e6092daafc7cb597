namespace Parallax.Cli.Tests;

public class UsageTests
{
    [Fact]
    public void Cli_UnknownOption_ExitsWithUsageError()
    {
        var r = CliRunner.Run(CliRunner.TempDir(), "version", "--no-such-option");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("PX0900", r.Stderr);
    }

    [Fact]
    public void Cli_Help_ListsCommands()
    {
        var r = CliRunner.Run(CliRunner.TempDir(), "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("eval", r.Stdout);
        Assert.Contains("version", r.Stdout);
    }

    [Fact]
    public void Version_ListsStageVersions()
    {
        var r = CliRunner.Run(CliRunner.TempDir(), "version");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("parallax ", r.Stdout);
        Assert.Contains("TextCleaner", r.Stdout);
        Assert.Contains("store schema", r.Stdout);
    }
}
