using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Language.Numbers;

/// <summary>
/// Finds numbers and quantities in English news text: money ("$50 million" → 50000000 USD), percentages ("3.5 per cent"),
/// counts with what they count ("over 80 deaths" → 80, modifier "over", counted "deaths"), number words ("three",
/// "a dozen"), multiplicative comparisons ("twice the reward" → 2, unit "times"), ordinals that count ("second meeting" →
/// 2, unit "ordinal"), ranges ("two to three weeks" → 2, modifier "range") and vague counts ("dozens of ships" → no value,
/// modifier "approximate"). Skips years, dates, clock times, phone numbers, ids and ages after names. Rules and the
/// hand-written lexicon in <see cref="NumberLexicon"/> only; see docs/language.md, "Numbers and quantities".
/// <para>Thread-safe and deterministic; the regexes are compiled once and shared.</para>
/// </summary>
public sealed partial class QuantityTagger : IStage<Doc>
{
    /// <summary>Shared instance; the tagger holds no per-call state.</summary>
    public static readonly QuantityTagger Instance = new();

    private const int MaxCountedWords = 5;

    /// <inheritdoc />
    public StageInfo Info { get; } = new("QuantityTagger", "1.0.0", [], [Layers.Quantities]);

    /// <summary>Adds <see cref="Layers.Quantities"/> (see <see cref="Tag"/>).</summary>
    public Doc Process(Doc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        cancellationToken.ThrowIfCancellationRequested();
        return doc.WithLayers(Info) with { Quantities = Tag(doc.Text) };
    }

    /// <summary>
    /// Tags <paramref name="text"/>. Each quantity's span is a half-open UTF-16 range covering modifier, number, unit and
    /// counted phrase; its <see cref="Quantity.Text"/> equals the characters it points at. Quantities are non-empty, do not
    /// overlap and come in text order.
    /// </summary>
    public static ImmutableArray<Quantity> Tag(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var toks = Lex(text);
        var excluded = ExcludedZones(text);
        var result = ImmutableArray.CreateBuilder<Quantity>();
        var i = 0;
        while (i < toks.Count)
        {
            var m = TryMatch(text, toks, excluded, i);

            // "a rise over two years": a bare "over"/"under" before a duration is a preposition, not a modifier.
            if (m is { Unit: "duration", Modifier: "over" or "under" or "over range" or "under range" })
            {
                m = null;
            }

            if (m is not null)
            {
                var span = new TextSpan(toks[i].Start, toks[m.EndTok - 1].End);
                result.Add(new Quantity(span, span.Of(text), m.Value, m.Unit, m.Counted, m.Modifier));
                i = m.EndTok;
            }
            else
            {
                i++;
            }
        }

        return result.ToImmutable();
    }

    private enum Kind
    {
        Num,
        Word,
        Sym,
    }

    private readonly record struct Tok(int Start, int End, string Text, Kind Kind);

    private sealed record Match(int EndTok, decimal? Value, string? Unit, string? Counted, string? Modifier);

    private enum NumberKind
    {
        Digits,
        Words,
        Ordinal,
        Times,
        Vague,
    }

    private readonly record struct Parsed(decimal? Value, int Next, NumberKind Kind, bool YearLike);

    // Phone numbers, clock times, dates with a month name, "No. 5"-style ids and ages after a name ("Tolvane, 54,").
    [GeneratedRegex(
        @"\+\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,5}\b|\+?\(?\b\d{2,4}\)?[ .-]\d{3}[ .-]\d{3,4}\b|\b\d{3}-\d{4}\b|\b\d{1,2}(?::\d{2})+\b|\b\d{1,2}(?:\.\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)|" +
        @"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?|" +
        @"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b|" +
        @"\b(?i:No|Nos|Article|Art|Section|Flight|Route|Highway|Room|Resolution|Case|Item|Chapter|Gate|Pier|Berth)\.?\s+\d+(?:\.\d+)*\b|" +
        @"\b\d{1,3}(?=,)(?<=\p{Lu}\p{L}+,\s\d{1,3})",
        RegexOptions.CultureInvariant)]
    private static partial Regex ExcludedRegex();

    /// <summary>
    /// Tokens of three kinds, scanned by hand (the same grammar as the regex
    /// <c>(?&lt;num&gt;\d+(?:[.,]\d+)*)|(?&lt;word&gt;\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*)|(?&lt;sym&gt;\S)</c>, about three times faster):
    /// digit runs with inner '.'/',' groups, letter runs with apostrophes and inner hyphens, and any other non-space character.
    /// </summary>
    private static List<Tok> Lex(string text)
    {
        var list = new List<Tok>(text.Length / 5);
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var j = i + 1;
            Kind kind;
            if (char.IsDigit(c))
            {
                kind = Kind.Num;
                while (j < n && char.IsDigit(text[j]))
                {
                    j++;
                }

                while (j + 1 < n && text[j] is '.' or ',' && char.IsDigit(text[j + 1]))
                {
                    j += 2;
                    while (j < n && char.IsDigit(text[j]))
                    {
                        j++;
                    }
                }
            }
            else if (char.IsLetter(c))
            {
                kind = Kind.Word;
                j = WordTail(text, j);
                while (j + 1 < n && text[j] == '-' && char.IsLetter(text[j + 1]))
                {
                    j = WordTail(text, j + 2);
                }
            }
            else
            {
                kind = Kind.Sym;
            }

            list.Add(new Tok(i, j, Parallax.Language.Text.CharStrings.Slice(text, i, j), kind));
            i = j;
        }

        return list;
    }

    private static int WordTail(string text, int j)
    {
        while (j < text.Length && (char.IsLetter(text[j]) || text[j] is '\'' or '’'))
        {
            j++;
        }

        return j;
    }

    private static bool[] ExcludedZones(string text)
    {
        // Every excluded pattern holds a digit and starts at most a short word or two before it, so the regex runs only in
        // windows around digit runs (widened to whitespace), not over the whole text.
        var zone = new bool[text.Length];
        var regex = ExcludedRegex();
        int from = -1, to = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsDigit(text[i]))
            {
                continue;
            }

            var wFrom = Math.Max(0, i - ExcludedWindowBefore);
            while (wFrom > 0 && !char.IsWhiteSpace(text[wFrom - 1]))
            {
                wFrom--;
            }

            var wTo = Math.Min(text.Length, i + ExcludedWindowAfter);
            while (wTo < text.Length && !char.IsWhiteSpace(text[wTo]))
            {
                wTo++;
            }

            if (from >= 0 && wFrom <= to)
            {
                to = Math.Max(to, wTo);
            }
            else
            {
                Mark(regex, text, from, to, zone);
                (from, to) = (wFrom, wTo);
            }
        }

        Mark(regex, text, from, to, zone);
        return zone;
    }

    private const int ExcludedWindowBefore = 24, ExcludedWindowAfter = 40;

    private static void Mark(Regex regex, string text, int from, int to, bool[] zone)
    {
        if (from < 0)
        {
            return;
        }

        for (var m = regex.Match(text, from, to - from); m.Success; m = m.NextMatch())
        {
            Array.Fill(zone, true, m.Index, m.Length);
        }
    }

    /// <summary>The modifiers split into words once (longest first, as in the lexicon).</summary>
    private static readonly (string Modifier, string[] Words)[] ModifierWords = [.. NumberLexicon.Modifiers.Select(m => (m, m.Split(' ')))];

    /// <summary>First words of the modifiers: most tokens are none of them, and then no modifier needs checking.</summary>
    private static readonly FrozenSet<string> ModifierFirstWords = ModifierWords.Select(m => m.Words[0]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool Is(List<Tok> toks, int i, string word) =>
        i >= 0 && i < toks.Count && string.Equals(toks[i].Text, word, StringComparison.OrdinalIgnoreCase);

    private static Match? TryMatch(string text, List<Tok> toks, bool[] excluded, int i)
    {
        var k = i;
        string? modifier = null;
        foreach (var (mod, words) in k < toks.Count && ModifierFirstWords.Contains(toks[k].Text) ? ModifierWords : [])
        {
            if (!Is(toks, k, words[0]))
            {
                continue;
            }

            var ok = true;
            for (var w = 0; w < words.Length && ok; w++)
            {
                ok = Is(toks, k + w, words[w]);
            }

            if (ok)
            {
                modifier = mod;
                k += words.Length;
                break;
            }
        }

        string? unit = null;
        if (k < toks.Count && toks[k].Kind == Kind.Sym && NumberLexicon.CurrencySigns.TryGetValue(toks[k].Text, out var sign)
            && k + 1 < toks.Count && toks[k + 1].Kind == Kind.Num)
        {
            unit = sign;
            k++;
        }
        else if (k + 1 < toks.Count && toks[k].Kind == Kind.Word && toks[k + 1].Kind == Kind.Num
                 && NumberLexicon.CurrencyWords.TryGetValue(toks[k].Text, out var code)
                 && (toks[k].Text.Length == 3 || code == "VALDOR"))
        {
            unit = code;
            k++;
        }

        if (ParseNumber(text, toks, excluded, k) is not { } num)
        {
            return null;
        }

        var p = num.Next;
        var value = num.Value;
        string? counted = null;

        // Scale words: "50 million", "1.2bn"; "m"/"k"/"bn" only glued to digits.
        if (num.Kind is NumberKind.Digits or NumberKind.Words && p < toks.Count && toks[p].Kind == Kind.Word
            && NumberLexicon.Scales.TryGetValue(toks[p].Text, out var scale)
            && (toks[p].Text.Length > 2 || (num.Kind == NumberKind.Digits && toks[p].Start == toks[p - 1].End)))
        {
            value = value is { } v && v < 1e15m ? v * scale : value;
            p++;
            num = num with { YearLike = false };
        }

        // Range: "two to three weeks", "2-3 ships".
        if (num.Kind is NumberKind.Digits or NumberKind.Words && !num.YearLike && p + 1 < toks.Count
            && (Is(toks, p, "to") || toks[p].Text is "-" or "–")
            && ParseNumber(text, toks, excluded, p + 1) is { } upper && upper.Kind == num.Kind && !upper.YearLike)
        {
            p = upper.Next;
            if (p < toks.Count && toks[p].Kind == Kind.Word && toks[p].Text.Length > 2 && NumberLexicon.Scales.TryGetValue(toks[p].Text, out var s2))
            {
                value = value is { } v && v < 1e15m ? v * s2 : value;
                p++;
            }

            modifier = modifier is null ? "range" : modifier + " range";
        }

        // Fractions: "two thirds", "three quarters".
        if (unit is null && num.Kind == NumberKind.Words && value is >= 1 and <= 19 && p < toks.Count
            && NumberLexicon.Fractions.TryGetValue(toks[p].Text, out var denominator))
        {
            return new Match(p + 1, Math.Round(value.Value / denominator, 4), "fraction", null, modifier);
        }

        // Units after the number.
        if (unit is null && p < toks.Count)
        {
            if (toks[p].Text == "%" || Is(toks, p, "percent") || Is(toks, p, "pct"))
            {
                unit = "percent";
                p++;
            }
            else if (Is(toks, p, "per") && Is(toks, p + 1, "cent"))
            {
                unit = "percent";
                p += 2;
            }
            else if (Is(toks, p, "percentage") && (Is(toks, p + 1, "points") || Is(toks, p + 1, "point")))
            {
                unit = "percentage points";
                p += 2;
            }
            else if (num.Kind is NumberKind.Digits or NumberKind.Words && NumberLexicon.CurrencyWords.TryGetValue(toks[p].Text, out var after)
                     && toks[p].Text.Length > 3)
            {
                unit = after;
                p++;
            }
            else if (num.Kind is NumberKind.Digits or NumberKind.Words && Is(toks, p, "times"))
            {
                unit = "times";
                p++;
                num = num with { Kind = NumberKind.Times };
            }
        }

        if (num.Kind == NumberKind.Times)
        {
            unit = "times";
        }

        if (num.YearLike && unit is null)
        {
            return null;
        }

        // What it counts.
        if (unit is null or "times")
        {
            var start = p;
            if (num.Kind == NumberKind.Vague)
            {
                start = p + 1; // after "of"
            }
            else if (num.Kind != NumberKind.Times && Is(toks, p, "of") && p + 1 < toks.Count && NumberLexicon.Determiners.Contains(toks[p + 1].Text))
            {
                start = p + 1;
            }

            var (end, phrase) = CountedPhrase(text, toks, start, allowDeterminer: start != p || num.Kind == NumberKind.Times);
            if (phrase is not null)
            {
                counted = phrase;
                p = end;
                if (unit is null && NumberLexicon.TimeUnits.Contains(toks[end - 1].Text) && end - start == 1)
                {
                    unit = "duration";
                }
            }
        }

        switch (num.Kind)
        {
            case NumberKind.Ordinal when counted is null || !char.IsLower(counted[0]):
                return null; // "the first", title-case headlines ("Third Month")
            case NumberKind.Ordinal:
                unit = "ordinal";
                break;
            case NumberKind.Vague when counted is null:
                return null;
            case NumberKind.Vague:
                modifier = modifier is null ? "approximate" : modifier + " approximate";
                break;
            case NumberKind.Words when value == 1 && unit is null && (counted is null || toks[num.Next].Text.Equals("of", StringComparison.OrdinalIgnoreCase)):
                return null; // the pronoun "one" ("one of the pilots")
        }

        return new Match(p, value, unit, counted, modifier);
    }

    private static (int End, string? Phrase) CountedPhrase(string text, List<Tok> toks, int start, bool allowDeterminer)
    {
        var p = start;
        if (allowDeterminer && p < toks.Count && NumberLexicon.Determiners.Contains(toks[p].Text))
        {
            p++;
        }

        var words = 0;
        while (p < toks.Count && words < MaxCountedWords && toks[p].Kind == Kind.Word)
        {
            var w = toks[p].Text;
            if (NumberLexicon.Stops.Contains(w) || NumberLexicon.Months.Contains(w) || NumberLexicon.Weekdays.Contains(w) || NumberLexicon.Units.ContainsKey(w))
            {
                break;
            }

            // A participle after the head ends the phrase ("42 cargo ships waiting", "80 people killed").
            if (words > 0 && !w.Contains('-') && (w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)))
            {
                break;
            }

            // Gaps other than plain spaces (line breaks) end the phrase.
            if (words > 0 && text.AsSpan(toks[p - 1].End, toks[p].Start - toks[p - 1].End).ContainsAnyExcept(' '))
            {
                break;
            }

            words++;
            p++;

            // A plural head ends the phrase ("six oil-shipping firms Thursday", "a dozen trawlers left").
            if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("'s", StringComparison.Ordinal))
            {
                break;
            }
        }

        return words == 0 ? (start, null) : (p, text[toks[start].Start..toks[p - 1].End]);
    }

    private static Parsed? ParseNumber(string text, List<Tok> toks, bool[] excluded, int k)
    {
        if (k >= toks.Count)
        {
            return null;
        }

        var t = toks[k];
        if (t.Kind == Kind.Num)
        {
            if (excluded[t.Start])
            {
                return null;
            }

            // Ids and codes: glued to letters ("A320", "F-35", "COVID-19"), slashes or other numbers.
            if (t.Start > 0 && (char.IsLetter(text[t.Start - 1]) || text[t.Start - 1] is '/' or '#' or '.' or ','
                                || (text[t.Start - 1] == '-' && t.Start > 1 && char.IsLetter(text[t.Start - 2]))))
            {
                return null;
            }

            var next = k + 1;
            var ordinal = false;
            if (t.End < text.Length && char.IsLetter(text[t.End]))
            {
                var suffix = toks[k + 1].Text;
                if (suffix is "st" or "nd" or "rd" or "th")
                {
                    ordinal = true;
                    next++;
                }
                else if (!NumberLexicon.Scales.ContainsKey(suffix))
                {
                    return null;
                }
            }

            if (t.End < text.Length && text[t.End] is '/' || (t.End + 1 < text.Length && text[t.End] == '-' && char.IsLetter(text[t.End + 1])))
            {
                return null;
            }

            // Leading zeros mark codes and space-grouped digits ("0958", "400 000"), not counts.
            if (t.Text.Length > 1 && t.Text[0] == '0' && t.Text[1] != '.')
            {
                return null;
            }

            if (t.Text.Contains(',') && !GroupedRegex().IsMatch(t.Text))
            {
                return null;
            }

            if (!decimal.TryParse(t.Text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            {
                return null;
            }

            var yearLike = t.Text.Length == 4 && v is >= 1000 and <= 2199 && !t.Text.Contains('.');
            return new Parsed(v, next, ordinal ? NumberKind.Ordinal : NumberKind.Digits, yearLike);
        }

        if (t.Kind != Kind.Word)
        {
            return null;
        }

        if (Is(toks, k, "twice"))
        {
            return new Parsed(2, k + 1, NumberKind.Times, false);
        }

        if (Is(toks, k, "thrice"))
        {
            return new Parsed(3, k + 1, NumberKind.Times, false);
        }

        if (NumberLexicon.Ordinals.TryGetValue(t.Text, out var ord))
        {
            return new Parsed(ord, k + 1, NumberKind.Ordinal, false);
        }

        if (NumberLexicon.VaguePlurals.Contains(t.Text) && Is(toks, k + 1, "of"))
        {
            return new Parsed(null, k + 1, NumberKind.Vague, false);
        }

        if (Is(toks, k, "a") && (Is(toks, k + 1, "dozen") || Is(toks, k + 1, "hundred") || Is(toks, k + 1, "thousand") || Is(toks, k + 1, "million") || Is(toks, k + 1, "billion")))
        {
            var parsed = ParseWords(toks, k + 1, seed: 1);
            return parsed is { } pw ? new Parsed(pw.Value, pw.Next, NumberKind.Words, false) : null;
        }

        if (Is(toks, k, "dozen"))
        {
            return new Parsed(12, k + 1, NumberKind.Words, false);
        }

        return ParseWords(toks, k, seed: null) is { } w ? new Parsed(w.Value, w.Next, NumberKind.Words, false) : null;
    }

    [GeneratedRegex(@"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedRegex();

    /// <summary>"ninety-nine", "two hundred and five", "three thousand", "dozen" (after "a"). Seed 1 stands for "a".</summary>
    private static (decimal Value, int Next)? ParseWords(List<Tok> toks, int k, decimal? seed)
    {
        decimal total = 0;
        decimal current = seed ?? 0;
        var any = seed is not null;
        var p = k;
        while (p < toks.Count && toks[p].Kind == Kind.Word)
        {
            var w = toks[p].Text;
            if (TryUnitWord(w, out var u) && (current % 100 == 0 || !any))
            {
                if (any && current % 100 != 0)
                {
                    break;
                }

                current += u;
                any = true;
                p++;
            }
            else if (any && string.Equals(w, "dozen", StringComparison.OrdinalIgnoreCase))
            {
                current *= 12;
                p++;
            }
            else if (any && string.Equals(w, "hundred", StringComparison.OrdinalIgnoreCase))
            {
                current = (current == 0 ? 1 : current) * 100;
                p++;
            }
            else if (any && w.ToLowerInvariant() is "thousand" or "million" or "billion" or "trillion")
            {
                total += (current == 0 ? 1 : current) * NumberLexicon.Scales[w];
                current = 0;
                p++;
            }
            else if (any && string.Equals(w, "and", StringComparison.OrdinalIgnoreCase) && p + 1 < toks.Count && TryUnitWord(toks[p + 1].Text, out _) && (total + current) >= 100)
            {
                p++;
            }
            else
            {
                break;
            }
        }

        return any ? (total + current, p) : null;
    }

    private static bool TryUnitWord(string w, out int value)
    {
        if (NumberLexicon.Units.TryGetValue(w, out value))
        {
            return true;
        }

        var dash = w.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && NumberLexicon.Units.TryGetValue(w[..dash], out var tens) && tens is >= 20 and <= 90 && tens % 10 == 0
            && NumberLexicon.Units.TryGetValue(w[(dash + 1)..], out var ones) && ones is >= 1 and <= 9)
        {
            value = tens + ones;
            return true;
        }

        value = 0;
        return false;
    }
}
