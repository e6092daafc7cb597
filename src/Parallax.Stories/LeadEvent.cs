using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Parallax.Stories;

/// <summary>
/// The key quantities of the event an article's headline and lead report: earthquake magnitudes ("a 5.6-magnitude
/// quake", "measuring 5.9 on the Richter scale") and sums of money ("$108 million", "85 million euros", "€2m"). Two
/// reports of one event state the same figures (give or take an agency's revision); two events of one kind (two
/// earthquakes on one island, two jewel heists in one city) state different ones, even when the rest of their vocabulary
/// is the same. Null fields when the lead states none. Immutable; a function of the article's headline and lead only.
/// </summary>
public sealed partial class LeadEvent
{
    private LeadEvent(float[]? magnitudes, (byte Currency, float Value)[]? amounts, bool headlineReverses, bool mentionsReversal)
    {
        Magnitudes = magnitudes;
        Amounts = amounts;
        HeadlineReverses = headlineReverses;
        MentionsReversal = mentionsReversal;
    }

    /// <summary>
    /// The headline reports the undoing of an earlier act ("overturns", "reverses", "restores", "repeals", "rescinds",
    /// "revokes", "strikes down", "rolls back"): a reversal is an event of its own, not the act it undoes.
    /// </summary>
    public bool HeadlineReverses { get; }

    /// <summary>The headline or the lead names a reversal (see <see cref="HeadlineReverses"/>).</summary>
    public bool MentionsReversal { get; }

    [GeneratedRegex(@"\b(?:overturn\w*|revers\w*|restor\w*|repeal\w*|rescind\w*|revok\w*|undo\w*|undid|strikes? down|struck down|roll\w* back)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReversalRegex();

    /// <summary>Earthquake magnitudes stated in the lead (each in [3, 10)), or null.</summary>
    public float[]? Magnitudes { get; }

    /// <summary>Sums of money stated in the lead, with their currency (1 dollar, 2 euro, 3 pound) and value in units, or null.</summary>
    public (byte Currency, float Value)[]? Amounts { get; }

    /// <summary>Two magnitudes closer than this are one event's figure as revised or as given by another agency (5.9 / 6.1).</summary>
    public const float MagnitudeTolerance = 0.25f;

    /// <summary>Two sums of one currency within this ratio are one event's figure estimated twice ($160 million / $184 million).</summary>
    public const float AmountRatio = 1.5f;

    // Decimal points and thousands separators written as separate tokens ("5 . 9", "1 , 000") in tokenised corpora.
    [GeneratedRegex(@"(?<=\d) ?([.,]) ?(?=\d)")]
    private static partial Regex SpacedSeparatorRegex();

    [GeneratedRegex(@"(\d+(?:\.\d)?)\s*-?\s*magnitude|magnitude(?:\s+of)?(?:\s+at\s+least)?\s*-?\s*(\d+(?:\.\d)?)|measuring\s+(\d+(?:\.\d)?)|(\d+(?:\.\d)?)\s+on\s+the\s+richter", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MagnitudeRegex();

    [GeneratedRegex(@"(?:(\$|us\$|€|£)\s?(\d+(?:\.\d+)?)\s*-?\s*(million|billion|bn|m)\b|(\d+(?:\.\d+)?)\s*-?\s*(million|billion|bn|m)\s*(euros?|pounds?|dollars?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountRegex();

    /// <summary>
    /// The lead event of a headline and a lead (the first characters of the body), or null when neither states a
    /// magnitude or a sum of money (of the <paramref name="kinds"/> asked for: 1 magnitudes, 2 sums of money, 3 both).
    /// </summary>
    /// <param name="titleIsDateLine">The title is only a date line: the lead's first line is the headline.</param>
    public static LeadEvent? From(ReadOnlySpan<char> title, ReadOnlySpan<char> lead, int kinds = 3, bool titleIsDateLine = false)
    {
        var headlineReverses = false;
        var mentionsReversal = false;
        if ((kinds & 4) != 0)
        {
            var inTitle = ReversalRegex().IsMatch(title);
            mentionsReversal = inTitle || ReversalRegex().IsMatch(lead);
            if (mentionsReversal)
            {
                if (titleIsDateLine || title.IsWhiteSpace())
                {
                    // the headline is the lead's first line
                    var rest = lead.TrimStart();
                    var end = rest.IndexOf('\n');
                    headlineReverses = ReversalRegex().IsMatch(end < 0 ? rest : rest[..end]);
                }
                else
                {
                    headlineReverses = inTitle;
                }
            }
        }

        // Most leads state neither: a cheap look for the words every pattern needs before building anything.
        var magnitudeWords = (kinds & 1) != 0 && (HasMagnitudeWord(title) || HasMagnitudeWord(lead));
        var amountWords = (kinds & 2) != 0 && (HasAmountWord(title) || HasAmountWord(lead));
        if (!magnitudeWords && !amountWords)
        {
            return mentionsReversal ? new LeadEvent(null, null, headlineReverses, mentionsReversal) : null;
        }

        var joined = new StringBuilder(title.Length + lead.Length + 3).Append(title).Append(" \n ").Append(lead).ToString();
        var text = SpacedSeparatorRegex().Replace(joined, "$1");
        List<float>? magnitudes = null;
        for (var m = magnitudeWords ? MagnitudeRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
        {
            var group = m.Groups[1].Success ? m.Groups[1] : m.Groups[2].Success ? m.Groups[2] : m.Groups[3].Success ? m.Groups[3] : m.Groups[4];
            if (float.TryParse(group.ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v is >= 3 and < 10)
            {
                (magnitudes ??= []).Add(v);
            }
        }

        List<(byte, float)>? amounts = null;
        for (var m = amountWords ? AmountRegex().Match(text) : Match.Empty; m.Success; m = m.NextMatch())
        {
            var symbol = (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[6].Value).ToLowerInvariant();
            var number = m.Groups[1].Success ? m.Groups[2].ValueSpan : m.Groups[4].ValueSpan;
            var scale = (m.Groups[1].Success ? m.Groups[3].Value : m.Groups[5].Value).ToLowerInvariant();
            var currency = symbol is "€" or "euro" or "euros" ? (byte)2 : symbol is "£" or "pound" or "pounds" ? (byte)3 : (byte)1;
            if (float.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0)
            {
                (amounts ??= []).Add((currency, v * (scale is "billion" or "bn" ? 1e9f : 1e6f)));
            }
        }

        return magnitudes is null && amounts is null && !mentionsReversal
            ? null
            : new LeadEvent(magnitudes?.ToArray(), amounts?.ToArray(), headlineReverses, mentionsReversal);
    }

    private static bool HasMagnitudeWord(ReadOnlySpan<char> text)
        => text.Contains("magnitude", StringComparison.OrdinalIgnoreCase)
            || text.Contains("richter", StringComparison.OrdinalIgnoreCase)
            || text.Contains("measuring", StringComparison.OrdinalIgnoreCase);

    private static bool HasAmountWord(ReadOnlySpan<char> text)
        => text.IndexOfAny('$', '€', '£') >= 0
            || text.Contains("euro", StringComparison.OrdinalIgnoreCase)
            || text.Contains("pound", StringComparison.OrdinalIgnoreCase)
            || text.Contains("dollar", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when both leads state a figure of one kind (a magnitude, or a sum in one currency) and no figure of the
    /// one is close to a figure of the other: two events of one kind.
    /// </summary>
    /// <param name="kinds">Which figures count: 1 magnitudes, 2 sums of money, 3 both.</param>
    public static bool Conflict(LeadEvent? a, LeadEvent? b, int kinds = 3)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if ((kinds & 1) != 0 && a.Magnitudes is { } ma && b.Magnitudes is { } mb && !ma.Any(x => mb.Any(y => Math.Abs(x - y) < MagnitudeTolerance)))
        {
            return true;
        }

        if ((kinds & 2) != 0 && a.Amounts is { } aa && b.Amounts is { } ab)
        {
            for (byte currency = 1; currency <= 3; currency++)
            {
                var sharesCurrency = false;
                var close = false;
                foreach (var x in aa)
                {
                    foreach (var y in ab)
                    {
                        if (x.Currency == currency && y.Currency == currency)
                        {
                            sharesCurrency = true;
                            close |= Math.Max(x.Value, y.Value) < AmountRatio * Math.Min(x.Value, y.Value);
                        }
                    }
                }

                if (sharesCurrency && !close)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when one headline reports a reversal and the other article's headline and lead name none: the undoing of
    /// an act and the act itself (a rule and its repeal, a verdict and its overturning) are two events.
    /// </summary>
    public static bool ReversalConflict(LeadEvent? a, LeadEvent? b)
        => (a is { HeadlineReverses: true } && b is not { MentionsReversal: true })
            || (b is { HeadlineReverses: true } && a is not { MentionsReversal: true });
}
