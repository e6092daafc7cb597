using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingest.Cleaning;

/// <summary>A date (and optional time and UTC offset) parsed from text as written.</summary>
/// <param name="Date">The calendar date.</param>
/// <param name="Time">The time of day when written.</param>
/// <param name="Offset">The UTC offset when written (<c>Z</c>, <c>+02:00</c>, <c>GMT</c>, <c>UTC</c>); null otherwise.</param>
public readonly record struct WrittenDate(DateOnly Date, TimeOnly? Time, TimeSpan? Offset)
{
    private static readonly Regex _iso = new(
        @"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<min>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?\s*(?<z>Z|[+-]\d{2}:?\d{2})?)?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture);

    // "Thursday, December 11, 2025", "Dec. 11, 2025 3:45 PM ET", "11 December 2025", "December 11 2025".
    private static readonly Regex _written = new(
        @"^(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?" +
        @"(?:(?<mon>[A-Za-z]{3,9})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})|(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<mon>[A-Za-z]{3,9})\.?,?\s+(?<y>\d{4}))" +
        @"(?:,?\s*(?:at\s+)?(?<h>\d{1,2})(?::(?<min>\d{2}))?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?(?:\s*(?<tz>[A-Z]{2,4}))?)?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture);

    private static readonly string[] _months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>ISO 8601 form: <c>2025-12-11</c>, or with the time (and offset when known).</summary>
    public string ToIso() => ToPublicationDate("text").ToIso();

    public PublicationDate ToPublicationDate(string source) =>
        new() { Date = Date, Time = Time, Offset = Offset, Source = source };

    /// <summary>Parses the whole of <paramref name="text"/> (trimmed) as a date; false when it is anything else.</summary>
    public static bool TryParse(string? text, out WrittenDate result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return false;
        }

        text = text.Trim();
        var m = _iso.Match(text);
        if (m.Success)
        {
            return TryBuild(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, m, isIso: true, out result);
        }

        m = _written.Match(text);
        if (!m.Success)
        {
            return false;
        }

        var month = MonthNumber(m.Groups["mon"].Value);
        return month > 0 && TryBuild(m.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value, m, isIso: false, out result);
    }

    /// <summary>1..12 for an English month name or abbreviation (<c>Dec</c>, <c>Sept</c>, <c>December</c>); 0 otherwise.</summary>
    public static int MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        var lower = name.ToLowerInvariant();
        var prefix = lower[..3];
        var index = Array.IndexOf(_months, prefix);
        if (index < 0)
        {
            return 0;
        }

        // Accept only the abbreviation, "sept", or a prefix of the full name.
        var full = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(index + 1).ToLowerInvariant();
        return full.StartsWith(lower, StringComparison.Ordinal) || lower == "sept" ? index + 1 : 0;
    }

    private static bool TryBuild(string y, string mo, string d, Match m, bool isIso, out WrittenDate result)
    {
        result = default;
        var year = int.Parse(y, CultureInfo.InvariantCulture);
        var month = int.Parse(mo, CultureInfo.InvariantCulture);
        var day = int.Parse(d, CultureInfo.InvariantCulture);
        if (year < 1900 || year > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        TimeOnly? time = null;
        TimeSpan? offset = null;
        if (m.Groups["h"].Success)
        {
            var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = m.Groups["min"].Success ? int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture) : 0;
            var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
            if (!isIso)
            {
                if (!m.Groups["ampm"].Success && !m.Groups["min"].Success)
                {
                    // "December 11, 2025 3" is not a time.
                    return false;
                }

                if (m.Groups["ampm"].Success)
                {
                    if (hour is < 1 or > 12)
                    {
                        return false;
                    }

                    var pm = char.ToLowerInvariant(m.Groups["ampm"].Value[0]) == 'p';
                    hour = (hour % 12) + (pm ? 12 : 0);
                }
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            time = new TimeOnly(hour, minute, second);
            if (m.Groups["z"].Success)
            {
                offset = ParseOffset(m.Groups["z"].Value);
            }
            else if (m.Groups["tz"].Success && m.Groups["tz"].Value is "GMT" or "UTC" or "Z")
            {
                offset = TimeSpan.Zero;
            }
        }

        result = new WrittenDate(new DateOnly(year, month, day), time, offset);
        return true;
    }

    private static TimeSpan? ParseOffset(string z)
    {
        if (z == "Z")
        {
            return TimeSpan.Zero;
        }

        var digits = z.Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
        {
            return null;
        }

        var span = new TimeSpan(hours, minutes, 0);
        return z[0] == '-' ? -span : span;
    }
}
