using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Ingest.Cleaning;

/// <summary>One line of the raw text.</summary>
/// <param name="Index">0-based line number.</param>
/// <param name="Content">The line without its terminator, trimmed of surrounding whitespace (may be empty).</param>
/// <param name="Break">The terminator (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, U+2028, U+2029, U+0085), empty on the last line.</param>
public readonly record struct RawLine(int Index, TextSpan Content, TextSpan Break)
{
    public bool IsBlank => Content.IsEmpty;
}

/// <summary>Splits a raw text into lines. Pure.</summary>
public static class RawLines
{
    public static bool IsBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    /// <summary>Every line of <paramref name="raw"/> in order; the lines and their breaks tile the text.</summary>
    public static ImmutableArray<RawLine> Split(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = ImmutableArray.CreateBuilder<RawLine>();
        var pos = 0;
        while (pos < raw.Length || lines.Count == 0)
        {
            var end = pos;
            while (end < raw.Length && !IsBreak(raw[end]))
            {
                end++;
            }

            var breakEnd = end;
            if (breakEnd < raw.Length)
            {
                breakEnd += raw[breakEnd] == '\r' && breakEnd + 1 < raw.Length && raw[breakEnd + 1] == '\n' ? 2 : 1;
            }

            lines.Add(new RawLine(lines.Count, Trim(raw, pos, end), new TextSpan(end, breakEnd)));
            pos = breakEnd;
            if (pos == raw.Length)
            {
                break;
            }
        }

        return lines.ToImmutable();
    }

    /// <summary>The span <c>[start, end)</c> without leading and trailing whitespace.</summary>
    public static TextSpan Trim(string raw, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(raw[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(raw[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
