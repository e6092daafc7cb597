using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingest;

/// <summary>
/// Parses publication dates as inputs state them: ISO 8601 (<c>2025-12-11</c>, <c>2025-12-11T10:30:00Z</c>),
/// RFC 822/1123 (feeds: <c>Thu, 11 Dec 2025 10:30:00 +0000</c>) and plain English dates (<c>December 11, 2025</c>,
/// <c>11 Dec 2025</c>). Never consults the clock. Returns null when the text is not a date.
/// </summary>
public static partial class PublishedDateParser
{
    private static readonly string[] _isoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
    ];

    private static readonly string[] _rfcFormats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss",
        "ddd, dd MMM yyyy HH:mm:ss zzz",
    ];

    private static readonly string[] _plainFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy",
        "dddd, MMMM d, yyyy", "ddd, d MMM yyyy", "yyyyMMdd",
    ];

    /// <param name="text">The date as written.</param>
    /// <param name="source">Where it came from, recorded on the result (e.g. <c>header</c>, <c>feed</c>).</param>
    public static PublicationDate? Parse(string? text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.Length > 10 && char.IsDigit(s[0]))
        {
            // Offsets like +0000 (no colon) are normalised for the K specifier.
            var normalised = TrailingOffset().Replace(s, "$1$2:$3");
            if (normalised.EndsWith(" UTC", StringComparison.Ordinal) || normalised.EndsWith(" GMT", StringComparison.Ordinal))
            {
                normalised = normalised[..^4] + "Z";
            }

            if (DateTimeOffset.TryParseExact(normalised, _isoFormats, inv, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
            {
                var hasOffset = HasOffset().IsMatch(normalised);
                return new PublicationDate
                {
                    Date = DateOnly.FromDateTime(dto.DateTime),
                    Time = TimeOnly.FromDateTime(dto.DateTime),
                    Offset = hasOffset ? dto.Offset : null,
                    Source = source,
                };
            }
        }

        var rfc = s.Replace(" GMT", " +0000", StringComparison.Ordinal).Replace(" UTC", " +0000", StringComparison.Ordinal).Replace(" Z", " +0000", StringComparison.Ordinal);
        rfc = TrailingOffset().Replace(rfc, "$1$2:$3");
        if (DateTimeOffset.TryParseExact(rfc, _rfcFormats, inv, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var r))
        {
            return new PublicationDate { Date = DateOnly.FromDateTime(r.DateTime), Time = TimeOnly.FromDateTime(r.DateTime), Offset = r.Offset, Source = source };
        }

        var plain = s.Replace("Sept.", "Sep.", StringComparison.Ordinal);
        if (DateTime.TryParseExact(plain, _plainFormats, inv, DateTimeStyles.AllowWhiteSpaces, out var d)
            || DateTime.TryParseExact(plain.Replace(".", "", StringComparison.Ordinal), _plainFormats, inv, DateTimeStyles.AllowWhiteSpaces, out d))
        {
            return new PublicationDate { Date = DateOnly.FromDateTime(d), Source = source };
        }

        return null;
    }

    [GeneratedRegex(@"(\s|\d)([+-]\d{2})(\d{2})$")]
    private static partial Regex TrailingOffset();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex HasOffset();
}
