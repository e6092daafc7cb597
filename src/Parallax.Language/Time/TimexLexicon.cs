using System.Collections.Frozen;
using System.Globalization;

namespace Parallax.Language.Time;

/// <summary>Word lists for temporal expressions, written by hand; immutable and shared (frozen at type load).</summary>
internal static class TimexLexicon
{
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO weekday numbers, Monday = 1.</summary>
    public static readonly FrozenDictionary<string, int> Weekdays = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = 1, ["tuesday"] = 2, ["wednesday"] = 3, ["thursday"] = 4, ["friday"] = 5, ["saturday"] = 6, ["sunday"] = 7,
        ["mon"] = 1, ["tue"] = 2, ["tues"] = 2, ["wed"] = 3, ["thu"] = 4, ["thur"] = 4, ["thurs"] = 4, ["fri"] = 5, ["sat"] = 6, ["sun"] = 7,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> _numberWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["dozen"] = 12, ["couple"] = 2,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8,
        ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13, ["fourteenth"] = 14,
        ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18, ["nineteenth"] = 19, ["twentieth"] = 20,
        ["twenty-first"] = 21, ["1st"] = 1, ["2nd"] = 2, ["3rd"] = 3, ["4th"] = 4, ["last"] = 4, ["final"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, int> Holidays = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["christmas"] = Time.Holidays.Christmas, ["christmas day"] = Time.Holidays.Christmas, ["christmas eve"] = Time.Holidays.ChristmasEve,
        ["new year's day"] = Time.Holidays.NewYearsDay, ["new year's eve"] = Time.Holidays.NewYearsEve,
        ["independence day"] = Time.Holidays.IndependenceDay, ["july fourth"] = Time.Holidays.IndependenceDay,
        ["the fourth of july"] = Time.Holidays.IndependenceDay, ["thanksgiving"] = Time.Holidays.Thanksgiving,
        ["thanksgiving day"] = Time.Holidays.Thanksgiving, ["labor day"] = Time.Holidays.LaborDay, ["memorial day"] = Time.Holidays.MemorialDay,
        ["easter"] = Time.Holidays.Easter, ["easter sunday"] = Time.Holidays.Easter, ["election day"] = Time.Holidays.ElectionDay,
        ["veterans day"] = Time.Holidays.VeteransDay, ["valentine's day"] = Time.Holidays.Valentines, ["halloween"] = Time.Holidays.Halloween,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cardinal number words and digits ("17", "2,000", "twenty-five", "5 1/2", "a"). Vague quantities ("several", "a few") give null.</summary>
    public static double? Number(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace(",", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return null;
        }

        var half = 0.0;
        if (t.EndsWith(" 1/2", StringComparison.Ordinal) || t.EndsWith(" and a half", StringComparison.Ordinal))
        {
            half = 0.5;
            t = t[..t.LastIndexOf(t.EndsWith(" 1/2", StringComparison.Ordinal) ? " 1/2" : " and a half", StringComparison.Ordinal)];
        }

        if (t is "half a" or "half an" or "a half")
        {
            return 0.5;
        }

        if (t.StartsWith("a couple of", StringComparison.Ordinal) || t.StartsWith("couple of", StringComparison.Ordinal))
        {
            return 2 + half;
        }

        if (double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return d + half;
        }

        var total = 0.0;
        var any = false;
        foreach (var part in t.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "and")
            {
                continue;
            }

            if (!_numberWords.TryGetValue(part, out var v))
            {
                return null;
            }

            if (v == 100)
            {
                total = (total == 0 ? 1 : total) * 100;
            }
            else if (part is "dozen")
            {
                total = (total == 0 ? 1 : total) * 12;
            }
            else
            {
                total += v;
            }

            any = true;
        }

        return any ? total + half : null;
    }

    /// <summary>Spoken years: "nineteen ninety-six" = 1996, "two thousand" = 2000, "two thousand and one" = 2001.</summary>
    public static int? SpokenYear(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.StartsWith("two thousand", StringComparison.Ordinal))
        {
            var rest = t["two thousand".Length..].Replace("and", string.Empty, StringComparison.Ordinal).Trim();
            return rest.Length == 0 ? 2000 : Number(rest) is { } r ? 2000 + (int)r : null;
        }

        var sp = t.IndexOf(' ', StringComparison.Ordinal);
        if (sp < 0)
        {
            return null;
        }

        var hi = Number(t[..sp]);
        var lo = Number(t[(sp + 1)..]);
        return hi is { } h && lo is { } l && h is >= 10 and <= 20 && l is >= 1 and < 100 ? (int)((h * 100) + l) : null;
    }
}
