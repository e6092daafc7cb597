using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingest.Cleaning;

/// <summary>One <c>key: value</c> (or <c>key value</c>) line of a text file's header block.</summary>
/// <param name="Key">Lower-case key: <c>date</c>, <c>published</c>, <c>title</c>, <c>url</c>, <c>outlet</c>, <c>source</c>, <c>author</c>, <c>byline</c> or <c>language</c>.</param>
/// <param name="Value">The value, trimmed, verbatim.</param>
/// <param name="Span">Raw span from the key's first character to the value's last (half-open); <c>Span.Of(raw)</c> is the whole field.</param>
/// <param name="ValueSpan">Raw span of <paramref name="Value"/>.</param>
public sealed record HeaderField(string Key, string Value, TextSpan Span, TextSpan ValueSpan);

/// <summary>The header block at the very top of a text file and where the body begins.</summary>
/// <param name="Fields">The fields in order of appearance.</param>
/// <param name="BodyStart">Raw offset of the first body character (may be mid-line: <c>date 2025-12-11 Story begins…</c>).</param>
/// <param name="Diagnostics">Header values that could not be parsed (PX0303).</param>
public sealed record TextHeader(ImmutableArray<HeaderField> Fields, int BodyStart, ImmutableArray<Diagnostic> Diagnostics)
{
    public string? Get(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}

/// <summary>
/// Reads the header block of a text file: consecutive lines at the very top (blank lines allowed between them), each
/// <c>key: value</c> or <c>key value</c> with a known key (date, published, title, url, outlet, source, author, byline,
/// language). Without a colon the key must be written in lower case, and for <c>date</c>/<c>published</c> the value must
/// be an ISO date, after which the same line may continue with the body (scraped files do that). Pure and thread-safe.
/// </summary>
public static class TextHeaderParser
{
    private static readonly Regex _key = new(
        @"\G(?<key>date|published|title|url|outlet|source|author|byline|language)(?:[ \t]*:[ \t]*|[ \t]+)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture);

    private static readonly Regex _isoDate = new(
        @"\G\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture);

    private static readonly Regex _url = new(@"^(?:https?://|www\.)\S+$", RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);

    private static readonly Regex _language = new(@"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$|^[A-Z][a-z]{3,15}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Parses the header block of <paramref name="raw"/>; an empty header (BodyStart 0) when there is none.</summary>
    public static TextHeader Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var fields = ImmutableArray.CreateBuilder<HeaderField>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var pos = 0;
        var bodyStart = 0;
        while (true)
        {
            var start = SkipWhitespace(raw, pos);
            if (start >= raw.Length)
            {
                break;
            }

            var m = _key.Match(raw, start);
            if (!m.Success)
            {
                break;
            }

            var key = m.Groups["key"].Value;
            var hasColon = m.Value.Contains(':', StringComparison.Ordinal);
            var keyLower = key.ToLowerInvariant();
            if (!hasColon && key != keyLower)
            {
                // "Author Jane Doe said ..." is prose; header keys without a colon are written in lower case.
                break;
            }

            var valueStart = start + m.Length;
            var lineEnd = LineEnd(raw, valueStart);
            var field = ReadField(raw, keyLower, hasColon, start, valueStart, lineEnd, diagnostics);
            if (field is null)
            {
                break;
            }

            fields.Add(field);
            bodyStart = field.Span.End;
            pos = field.Span.End;
            if (field.ValueSpan.End < TrimEnd(raw, valueStart, lineEnd))
            {
                // The body continues on the same line after a date value.
                bodyStart = SkipSpaces(raw, field.Span.End);
                break;
            }

            pos = lineEnd;
            bodyStart = lineEnd;
        }

        if (fields.Count == 0)
        {
            return new TextHeader([], 0, []);
        }

        return new TextHeader(fields.ToImmutable(), bodyStart, diagnostics.ToImmutable());
    }

    private static HeaderField? ReadField(string raw, string key, bool hasColon, int start, int valueStart, int lineEnd, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var restEnd = TrimEnd(raw, valueStart, lineEnd);
        if (key is "date" or "published")
        {
            var iso = _isoDate.Match(raw, valueStart);
            if (iso.Success && iso.Index == valueStart && iso.Index + iso.Length <= lineEnd)
            {
                var end = valueStart + iso.Length;
                return new HeaderField(key, iso.Value, new TextSpan(start, end), new TextSpan(valueStart, end));
            }

            if (!hasColon)
            {
                return null;
            }

            var text = raw[valueStart..restEnd];
            if (!WrittenDate.TryParse(text, out _))
            {
                diagnostics.Add(Diagnostic.Warning(
                    CleaningCodes.HeaderDateUnparsable,
                    $"{CleaningCodes.HeaderDateUnparsable}: header '{key}' value '{Shorten(text)}' is not a date; ignored"));
            }

            return new HeaderField(key, text, new TextSpan(start, restEnd), new TextSpan(valueStart, restEnd));
        }

        var value = raw[valueStart..restEnd];
        if (value.Length == 0 && !hasColon)
        {
            return null;
        }

        if (!hasColon)
        {
            var ok = key switch
            {
                "url" => _url.IsMatch(value),
                "language" => _language.IsMatch(value),
                _ => value.Length <= 200,
            };
            if (!ok)
            {
                return null;
            }
        }

        return new HeaderField(key, value, new TextSpan(start, restEnd), new TextSpan(valueStart, restEnd));
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static int SkipWhitespace(string raw, int pos)
    {
        while (pos < raw.Length && char.IsWhiteSpace(raw[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static int SkipSpaces(string raw, int pos)
    {
        while (pos < raw.Length && raw[pos] is ' ' or '\t' or '\u00A0')
        {
            pos++;
        }

        return pos;
    }

    private static int LineEnd(string raw, int pos)
    {
        while (pos < raw.Length && !RawLines.IsBreak(raw[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static int TrimEnd(string raw, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(raw[end - 1]))
        {
            end--;
        }

        return end;
    }
}
