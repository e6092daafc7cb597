using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Reporting.Tests;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Write_PipesAndNewlinesInCells_DoNotBreakTheTable()
    {
        var article = Articles.Make("Text | with pipe.", "Left | Right", "A | B\nC", new DateOnly(2026, 3, 12));
        var md = MarkdownReportWriter.Write(new ReportBuilder("t").Build([article]));
        var row = md.Split('\n').First(l => l.StartsWith("| Left", StringComparison.Ordinal));
        Assert.Equal(@"| Left \| Right | 2026-03-12 | A \| B C | 3 | - | 0 |", row);
        // Six columns: seven unescaped pipes.
        Assert.Equal(7, Regex.Matches(row, @"(?<!\\)\|").Count);
    }

    [Fact]
    public void Write_RawHtmlAndMarkdownInText_IsNeutralised()
    {
        var article = Articles.Make("x", "O", "<script>alert(1)</script> **bold** [link](javascript:x)");
        var md = MarkdownReportWriter.Write(new ReportBuilder("t").Build([article]));
        Assert.DoesNotContain("<script>", md);
        Assert.Contains(@"&lt;script&gt;alert(1)&lt;/script&gt; \*\*bold\*\* \[link\](javascript:x)", md);
    }

    [Fact]
    public void Write_ListsArticlesWithRemovalsByKindAndEmbeds()
    {
        var md = MarkdownReportWriter.Write(new ReportBuilder("t").Build(Articles.Story()));
        Assert.Contains("| Outlet | Date | Title | Words | Removals | Embeds |", md);
        Assert.Contains(@"| Coastline Wire | 2026-03-11 | Velin port strike strands ships | 8 | Embed×1, Navigation×1 | 1 |", md);
        Assert.Contains("| Meridian Post | undated |", md);
        Assert.Contains("## Story: Velin port strike strands ships", md);
        Assert.Contains("## Embedded posts", md);
        Assert.Contains(@"Ilse Varga (@ivarga)", md);
    }

    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData(@"back\slash", @"back\\slash")]
    [InlineData("line\r\nbreak", "line  break")]
    [InlineData("AT&T <i>", "AT&amp;T &lt;i&gt;")]
    [InlineData("", "")]
    public void Markdown_Escapes(string input, string expected)
    {
        Assert.Equal(expected, TextEscaping.Markdown(input));
    }
}
