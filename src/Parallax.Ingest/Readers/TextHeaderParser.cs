using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>One recognised header line (or inline date) of a text article.</summary>
/// <param name="Key">The key, lower-cased (<c>date</c>, <c>published</c>, <c>title</c>, <c>url</c>, <c>outlet</c>, <c>source</c>, <c>author</c>, <c>authors</c>, <c>language</c>).</param>
/// <param name="Value">The value, trimmed, verbatim otherwise.</param>
/// <param name="Span">The whole field in the text, from the line's first character to the end of its line terminator
/// (or, for an inline date, to the end of the whitespace after the date).</param>
/// <param name="ValueSpan">Exactly <paramref name="Value"/> in the text.</param>
public sealed record TextHeaderField(string Key, string Value, TextSpan Span, TextSpan ValueSpan);

/// <summary>The header block at the top of a text article, and the hints it states.</summary>
/// <param name="Hints">Published, Title, Url, Outlet, Authors, Language as stated by the header; <see cref="SourceHints.None"/> when there is no header.</param>
/// <param name="Span">The header block: from the first header line's start to the end of the last field's
/// <see cref="TextHeaderField.Span"/>. Empty (at 0) when there is no header. Blank lines before the block are not
/// included; blank lines after it are not included either.</param>
/// <param name="Fields">The fields in text order.</param>
public sealed record TextHeader(SourceHints Hints, TextSpan Span, ImmutableArray<TextHeaderField> Fields)
{
    public bool IsEmpty => Fields.IsEmpty;
}

/// <summary>
/// Recognises simple header lines at the top of a text article (syntax in docs/inputs.md, "Text header lines"):
/// <c>key: value</c> lines for date, published, title, url, outlet, source, author(s), language; and the colon-less
/// forms <c>date 2025-12-11</c> / <c>published 2025-12-11T10:30Z</c> (an ISO date, possibly followed on the same line
/// by the article's first words) and <c>url https://…</c>. It only reports what it found: the text is never changed
/// (the cleaner removes the block and records the removal). Pure and thread-safe.
/// </summary>
public static partial class TextHeaderParser
{
    /// <summary>At most this many fields are read; a longer run of key lines is not a header.</summary>
    public const int MaxFields = 12;

    private static readonly char[] _authorSeparators = [';', ','];

    /// <summary>Parses the header block at the top of <paramref name="text"/>.</summary>
    public static TextHeader Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = ImmutableArray.CreateBuilder<TextHeaderField>();
        var pos = 0;
        var blockStart = -1;
        while (pos < text.Length && fields.Count < MaxFields)
        {
            var lineEnd = LineEnd(text, pos, out var nextLine);
            var line = text.AsSpan(pos, lineEnd - pos);
            if (line.IsWhiteSpace())
            {
                if (blockStart >= 0)
                {
                    break; // a blank line ends the block
                }

                pos = nextLine;
                continue;
            }

            var colon = ColonField().Match(text, pos, lineEnd - pos);
            if (colon.Success && colon.Groups["value"].Length > 0)
            {
                blockStart = blockStart < 0 ? pos : blockStart;
                fields.Add(Field(colon, new TextSpan(pos, nextLine)));
                pos = nextLine;
                continue;
            }

            var bare = BareField().Match(text, pos, lineEnd - pos);
            if (bare.Success)
            {
                blockStart = blockStart < 0 ? pos : blockStart;
                var inlineRest = bare.Index + bare.Length < lineEnd;
                fields.Add(Field(bare, new TextSpan(pos, inlineRest ? bare.Index + bare.Length : nextLine)));
                if (inlineRest)
                {
                    break; // the article starts on this line, after the date
                }

                pos = nextLine;
                continue;
            }

            break;
        }

        if (fields.Count == 0)
        {
            return new TextHeader(SourceHints.None, new TextSpan(0, 0), []);
        }

        return new TextHeader(ToHints(fields), new TextSpan(blockStart, fields[^1].Span.End), fields.ToImmutable());
    }

    private static TextHeaderField Field(Match match, TextSpan span)
    {
        var value = match.Groups["value"];
        return new TextHeaderField(match.Groups["key"].Value.ToLowerInvariant(), value.Value, span, new TextSpan(value.Index, value.Index + value.Length));
    }

    private static SourceHints ToHints(ImmutableArray<TextHeaderField>.Builder fields)
    {
        string? Get(params string[] keys) => fields.FirstOrDefault(f => keys.Contains(f.Key))?.Value;
        var authors = fields.Where(f => f.Key is "author" or "authors").SelectMany(f => SplitAuthors(f.Value)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return new SourceHints
        {
            Published = Get("date", "published"),
            Title = Get("title"),
            Url = Get("url"),
            Outlet = Get("outlet") ?? Get("source"),
            Authors = authors,
            Language = Get("language"),
        };
    }

    /// <summary>Splits an author line on <c>;</c>, <c>,</c>, <c> and </c>, <c> &amp; </c>; a leading <c>By </c> is dropped.</summary>
    public static ImmutableArray<string> SplitAuthors(string value)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in AuthorSeparator().Split(value))
        {
            foreach (var name in part.Split(_authorSeparators))
            {
                var trimmed = ByPrefix().Replace(name.Trim(), "").Trim();
                if (trimmed.Length > 0)
                {
                    builder.Add(trimmed);
                }
            }
        }

        return builder.ToImmutable();
    }

    // End of the line's content, and the start of the next line (after \r\n, \n or \r).
    private static int LineEnd(string text, int pos, out int nextLine)
    {
        var i = text.AsSpan(pos).IndexOfAny('\r', '\n');
        if (i < 0)
        {
            nextLine = text.Length;
            return text.Length;
        }

        var end = pos + i;
        nextLine = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        return end;
    }

    [GeneratedRegex(@"\G[ \t]*(?<key>date|published|title|url|outlet|source|authors?|language)[ \t]*:[ \t]*(?<value>\S(?:.*\S)?)?[ \t]*\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ColonField();

    // "date 2025-12-11" (optionally followed by the first words of the article) and "url https://…" on its own line.
    [GeneratedRegex(@"\G[ \t]*(?:(?<key>date|published)[ \t]+(?<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+\-]\d{2}:?\d{2})?)?)(?:[ \t]+|[ \t]*\z)|(?<key>url)[ \t]+(?<value>https?://\S+)[ \t]*\z)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareField();

    [GeneratedRegex(@"\s+(?:and|&)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();

    [GeneratedRegex(@"^by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();
}
