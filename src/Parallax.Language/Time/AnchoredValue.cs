using System.Globalization;

namespace Parallax.Language.Time;

/// <summary>
/// A TIMEX3 value that depends on the anchor (the article's publication date): "last month", "Thursday",
/// "November 21". Its text form, used as <see cref="Parallax.Core.Timex.Value"/> while the anchor is unknown, is
/// <c>ANCHOR:&lt;op&gt;[:&lt;arg&gt;][/&lt;suffix&gt;]</c>, for example <c>ANCHOR:D-1</c> (yesterday),
/// <c>ANCHOR:M-1</c> (last month), <c>ANCHOR:WDP:4</c> (Thursday, nearest past or same day),
/// <c>ANCHOR:MDN:11-21</c> (November 21 in the anchor's year), <c>ANCHOR:D+0/TMO</c> (this morning).
/// <see cref="Resolve"/> turns it into an ordinary TIMEX3 value; the form round-trips through <see cref="ToString"/>
/// and <see cref="TryParse"/>. Immutable.
/// </summary>
/// <param name="Op">
/// <c>D</c>/<c>W</c>/<c>M</c>/<c>Q</c>/<c>Y</c>/<c>E</c>/<c>C</c>: the anchor's day/ISO week/month/quarter/year/decade/century
/// shifted by <paramref name="Offset"/> units. <c>YQ</c>, <c>YH</c>, <c>YM</c>, <c>YS</c>: quarter, half, month or season
/// <paramref name="Arg"/> of the anchor's year shifted by <paramref name="Offset"/>. <c>WDP</c>/<c>WDF</c>/<c>WDL</c>/<c>WDN</c>:
/// weekday <paramref name="Arg"/> (1 = Monday) on or before / on or after / strictly before / strictly after the anchor.
/// <c>MP</c>/<c>MF</c>/<c>MN</c> (month <paramref name="Arg"/>) and <c>MDP</c>/<c>MDF</c>/<c>MDN</c> (month-day <paramref name="Arg"/>
/// = month*100+day): the latest one strictly before (P), the first one strictly after (F), or the one in a window from about eight
/// months before to three months after the anchor (N); <c>MFE</c>: month <paramref name="Arg"/> on or after the anchor's month.
/// <c>QP</c>: the latest quarter <paramref name="Arg"/> at or before the anchor's quarter. <c>WE</c>: the weekend of the
/// anchor's week shifted by <paramref name="Offset"/> weeks.
/// </param>
/// <param name="Offset">Units to shift (years for the <c>Y*</c> ops).</param>
/// <param name="Arg">Op argument (weekday, month, month*100+day, quarter, half, season index).</param>
/// <param name="Suffix">Appended verbatim to the resolved value (<c>TMO</c>, <c>T10:35</c>, <c>-12-31</c>), or empty.</param>
public sealed record AnchoredValue(string Op, int Offset, int Arg = 0, string Suffix = "")
{
    public const string Prefix = "ANCHOR:";

    private static readonly string[] _seasons = ["SP", "SU", "FA", "WI"];

    /// <summary>The open form, <c>ANCHOR:op[±n][:arg][/suffix]</c>.</summary>
    public override string ToString()
    {
        var s = Prefix + Op + (Offset >= 0 ? "+" : "-") + Math.Abs(Offset).ToString(CultureInfo.InvariantCulture);
        if (Arg != 0)
        {
            s += ":" + Arg.ToString(CultureInfo.InvariantCulture);
        }

        return Suffix.Length > 0 ? s + "/" + Suffix : s;
    }

    /// <summary>Parses the open form written by <see cref="ToString"/>; false for anything else (including ordinary TIMEX3 values).</summary>
    public static bool TryParse(string? value, out AnchoredValue result)
    {
        result = null!;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = value.AsSpan(Prefix.Length);
        var suffix = string.Empty;
        var slash = body.IndexOf('/');
        if (slash >= 0)
        {
            suffix = body[(slash + 1)..].ToString();
            body = body[..slash];
        }

        var arg = 0;
        var colon = body.IndexOf(':');
        if (colon >= 0)
        {
            if (!int.TryParse(body[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out arg))
            {
                return false;
            }

            body = body[..colon];
        }

        var sign = body.IndexOfAny('+', '-');
        if (sign <= 0 || !int.TryParse(body[sign..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }

        result = new AnchoredValue(body[..sign].ToString(), offset, arg, suffix);
        return true;
    }

    /// <summary>The TIMEX3 value for the given anchor date; null when the op is unknown. Pure.</summary>
    public string? Resolve(DateOnly anchor)
    {
        try
        {
            var core = ResolveCore(anchor);
            return core is null ? null : core + Suffix;
        }
        catch (ArgumentOutOfRangeException)
        {
            // The arithmetic left the representable calendar (an anchor near year 1 or 9999): no value.
            return null;
        }
    }

    private string? ResolveCore(DateOnly a)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (Op)
        {
            case "D":
                return a.AddDays(Offset).ToString("yyyy-MM-dd", inv);
            case "W":
                return Week(a.AddDays(7 * Offset));
            case "WE":
                return Week(a.AddDays(7 * Offset)) + "-WE";
            case "M":
                return a.AddMonths(Offset).ToString("yyyy-MM", inv);
            case "Q":
            {
                var q = (a.Year * 4) + ((a.Month - 1) / 3) + Offset;
                return Year(Math.DivRem(q, 4, out var r)) + "-Q" + (r + 1).ToString(inv);
            }

            case "Y":
                return Year(a.Year + Offset);
            case "E":
                return ((a.Year / 10) + Offset).ToString("000", inv);
            case "C":
                return ((a.Year / 100) + Offset).ToString("00", inv);
            case "QA":
            {
                // The quarter of the anchor's latest completed quarter, in year Arg ("the 1988 period" in a Q3 report).
                var q = ((a.Year * 4) + ((a.Month - 1) / 3) - 1) % 4;
                return Year(Arg) + "-Q" + (q + 1).ToString(inv);
            }

            case "YQ":
                return Year(a.Year + Offset) + "-Q" + Arg.ToString(inv);
            case "QP":
            {
                var year = Arg <= ((a.Month - 1) / 3) + 1 ? a.Year : a.Year - 1;
                return Year(year + Offset) + "-Q" + Arg.ToString(inv);
            }

            case "YH":
                return Year(a.Year + Offset) + "-H" + Arg.ToString(inv);
            case "YM":
                return Year(a.Year + Offset) + "-" + Arg.ToString("00", inv);
            case "YS":
                return Arg is >= 1 and <= 4 ? Year(a.Year + Offset) + "-" + _seasons[Arg - 1] : null;
            case "MP":
                return Year((Arg < a.Month ? a.Year : a.Year - 1) + Offset) + "-" + Arg.ToString("00", inv);
            case "MF":
                return Year((Arg > a.Month ? a.Year : a.Year + 1) + Offset) + "-" + Arg.ToString("00", inv);
            case "MFE":
                return Year((Arg >= a.Month ? a.Year : a.Year + 1) + Offset) + "-" + Arg.ToString("00", inv);
            case "MN":
                // Untensed bare month: the occurrence from eight months before to three months after the anchor's month (news looks back).
                return Year((Arg - a.Month > 3 ? a.Year - 1 : Arg - a.Month < -8 ? a.Year + 1 : a.Year) + Offset) + "-" + Arg.ToString("00", inv);
            case "MDP":
            case "MDF":
            case "MDN":
            {
                var month = Arg / 100;
                var day = Arg % 100;
                var year = a.Year;
                var md = (a.Month * 100) + a.Day;
                if (Op == "MDP" && Arg > md)
                {
                    year--;
                }
                else if (Op == "MDF" && Arg < md)
                {
                    year++;
                }
                else if (Op == "MDN")
                {
                    // Untensed: the occurrence from about eight months before to three months after the anchor (news looks back).
                    var diff = ((month - a.Month) * 31) + (day - a.Day);
                    year += diff > 93 ? -1 : diff < -8 * 31 ? 1 : 0;
                }

                return Year(year + Offset) + "-" + month.ToString("00", inv) + "-" + day.ToString("00", inv);
            }

            case "WDP":
            case "WDF":
            case "WDL":
            case "WDN":
            {
                var today = ((int)a.DayOfWeek + 6) % 7 + 1;
                var delta = Op switch
                {
                    "WDP" => -(((today - Arg) % 7 + 7) % 7),
                    "WDL" => -((((today - Arg) % 7 + 7) % 7) is 0 ? 7 : ((today - Arg) % 7 + 7) % 7),
                    "WDF" => ((Arg - today) % 7 + 7) % 7,
                    _ => ((((Arg - today) % 7) + 7) % 7) is 0 ? 7 : (((Arg - today) % 7) + 7) % 7,
                };
                return a.AddDays(delta + (7 * Offset)).ToString("yyyy-MM-dd", inv);
            }

            case "H":
            {
                // Offset -1: the latest on or before the anchor; +1: the first on or after; 0: in the anchor's year.
                var d = Holidays.Date(Arg, a.Year);
                if (d is { } x && Offset < 0 && x > a)
                {
                    d = Holidays.Date(Arg, a.Year - 1);
                }
                else if (d is { } y && Offset > 0 && y < a)
                {
                    d = Holidays.Date(Arg, a.Year + 1);
                }

                return d?.ToString("yyyy-MM-dd", inv);
            }

            default:
                return null;
        }
    }

    private static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    private static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return Year(System.Globalization.ISOWeek.GetYear(dt)) + "-W" + System.Globalization.ISOWeek.GetWeekOfYear(dt).ToString("00", CultureInfo.InvariantCulture);
    }
}

/// <summary>Dates of the holidays news text names ("Christmas", "Thanksgiving"); ids are stable small integers.</summary>
internal static class Holidays
{
    public const int Christmas = 1, ChristmasEve = 2, NewYearsDay = 3, NewYearsEve = 4, IndependenceDay = 5, Thanksgiving = 6,
        LaborDay = 7, MemorialDay = 8, Easter = 9, ElectionDay = 10, VeteransDay = 11, Valentines = 12, Halloween = 13;

    public static DateOnly? Date(int id, int year)
    {
        if (year is < 1 or > 9998)
        {
            return null;
        }

        return id switch
        {
            Christmas => new DateOnly(year, 12, 25),
            ChristmasEve => new DateOnly(year, 12, 24),
            NewYearsDay => new DateOnly(year, 1, 1),
            NewYearsEve => new DateOnly(year, 12, 31),
            IndependenceDay => new DateOnly(year, 7, 4),
            Thanksgiving => NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            LaborDay => NthWeekday(year, 9, DayOfWeek.Monday, 1),
            MemorialDay => NthWeekday(year, 6, DayOfWeek.Monday, 1).AddDays(-7),
            Easter => EasterSunday(year),
            ElectionDay => NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1),
            VeteransDay => new DateOnly(year, 11, 11),
            Valentines => new DateOnly(year, 2, 14),
            Halloween => new DateOnly(year, 10, 31),
            _ => null,
        };
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }

        return d.AddDays(7 * (n - 1));
    }

    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    private static DateOnly EasterSunday(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(y, month, day);
    }
}
