namespace Parallax.Reporting.Tests;

public sealed class TerminalSummaryWriterTests
{
    [Fact]
    public void Write_SummarisesCountsAndStoryArticles()
    {
        var text = TerminalSummaryWriter.Write(new ReportBuilder("t").Build(Articles.Story()));
        var lines = text.Split('\n');
        Assert.Equal("3 articles, 1 story, 4 removals, 1 embed, 0 diagnostics", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Story: Velin port strike strands ships (3 articles)", StringComparison.Ordinal));
        var coastline = Array.FindIndex(lines, l => l.Contains("Coastline Wire", StringComparison.Ordinal) && l.Contains("2026-03-11", StringComparison.Ordinal));
        Assert.EndsWith("Velin port strike strands ships", lines[coastline]);
        Assert.Equal("removed Embed×1, Navigation×1; 1 embed", lines[coastline + 1].Trim());
        Assert.Contains(lines, l => l.Contains("undated", StringComparison.Ordinal));
        Assert.Contains("(story analysis not yet available)", text);
    }

    [Fact]
    public void Write_ControlCharactersInText_AreMadeVisible()
    {
        var article = Articles.Make("x", "Evil\u001b[2J Outlet", "Title\u001b]0;pwned\u0007 here");
        var text = TerminalSummaryWriter.Write(new ReportBuilder("t").Build([article]));
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("Evil\u241b[2J", text);
    }

    [Fact]
    public void Write_LongTitles_FitTheWidth()
    {
        var article = Articles.Make("x", "O", new string('w', 300));
        var text = TerminalSummaryWriter.Write(new ReportBuilder("t").Build([article]), width: 80);
        Assert.All(text.Split('\n'), l => Assert.True(l.Length <= 80, $"line too long ({l.Length}): {l}"));
    }
}
