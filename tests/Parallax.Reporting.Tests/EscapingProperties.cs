using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Parallax.Core;

namespace Parallax.Reporting.Tests;

public sealed class EscapingProperties
{
    [Property(MaxTest = 300)]
    public void Html_EncodedTextHasNoMarkupCharacters(string? text)
    {
        var encoded = TextEscaping.Html(text);
        Assert.DoesNotContain('<', encoded);
        Assert.DoesNotContain('>', encoded);
        Assert.DoesNotContain('"', encoded);
        Assert.DoesNotContain('\'', encoded);
    }

    [Property(MaxTest = 300)]
    public void Markdown_CellHasNoUnescapedPipeOrLineBreak(string? text)
    {
        var cell = TextEscaping.Markdown(text);
        Assert.DoesNotContain('\n', cell);
        Assert.DoesNotContain('\r', cell);
        Assert.DoesNotContain('<', cell);
        // Every pipe is preceded by an odd number of backslashes.
        foreach (Match m in Regex.Matches(cell, @"(\\*)\|"))
        {
            Assert.True(m.Groups[1].Length % 2 == 1, $"unescaped pipe in {cell}");
        }
    }

    [Property(MaxTest = 300)]
    public void Terminal_TextHasNoControlCharactersButLineFeedAndTab(string? text)
    {
        Assert.DoesNotContain(TextEscaping.Terminal(text), c => char.IsControl(c) && c is not '\n' and not '\t');
    }

    [Property(MaxTest = 200)]
    public void RawMarkup_WithoutMarkers_IsTheRawText(string? raw, byte[] cuts)
    {
        raw = (raw ?? "").Replace("⟦", "", StringComparison.Ordinal);
        var points = (cuts ?? []).Select(c => c % (raw.Length + 1)).Order().ToArray();
        var removals = ImmutableArray.CreateBuilder<Removal>();
        for (var i = 0; i + 1 < points.Length; i += 2)
        {
            var span = new TextSpan(points[i], points[i + 1]);
            removals.Add(new Removal(RemovalKind.Other, span, span.Of(raw), "r"));
        }

        var article = Articles.Make(raw, "O", "T") with { Removals = removals.ToImmutable() };
        var stripped = Regex.Replace(RawMarkup.Mark(article), "⟦removed:[A-Za-z]+⟧|⟦/⟧", "");
        Assert.Equal(raw, stripped);
    }
}
