using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Compare.Timeline;

/// <summary>
/// Finds the short event phrase around a date inside its sentence: the clause between strong boundaries (<c>;</c>,
/// <c>:</c>, spaced dashes, brackets) that holds the date, cut after the date at a comma or a subordinating word when it
/// is longer than <see cref="MaxWords"/>. The phrase is always a contiguous span of the sentence, so its text is verbatim.
/// </summary>
public static partial class EventPhrase
{
    /// <summary>The longest phrase (in words) kept without cutting.</summary>
    public const int MaxWords = 20;

    private static readonly HashSet<string> _cutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "when", "which", "who", "as", "after", "before", "while", "if", "provided", "because", "but", "and",
        "saying", "amid", "following", "leaving", "despite", "where", "although", "though", "whereas", "until", "unless",
        "according", "calling", "adding", "signaling", "signalling",
    };

    /// <summary>The phrase span of the date at <paramref name="date"/> inside <paramref name="sentence"/> of <paramref name="text"/>.</summary>
    public static TextSpan Around(string text, TextSpan sentence, TextSpan date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (start, end) = Clause(text, sentence, date);
        var words = Words(text, start, end);
        if (words.Count > MaxWords)
        {
            end = CutAfter(text, words, start, end, date.End);
        }

        return Trim(text, start, BalanceQuotes(text, start, end, sentence.End), date);
    }

    /// <summary>The clause (between strong boundaries) that holds <paramref name="date"/>, uncut.</summary>
    public static TextSpan ClauseOf(string text, TextSpan sentence, TextSpan date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (start, end) = Clause(text, sentence, date);
        return new TextSpan(start, end);
    }

    /// <summary>Moves <paramref name="end"/> past the closing quote of a quote the phrase opens (within the sentence).</summary>
    private static int BalanceQuotes(string text, int start, int end, int limit)
    {
        var straight = 0;
        var open = 0;
        for (var i = start; i < end; i++)
        {
            switch (text[i])
            {
                case '"':
                    straight++;
                    break;
                case '\u201c':
                    open++;
                    break;
                case '\u201d':
                    open--;
                    break;
            }
        }

        if (straight % 2 == 0 && open <= 0)
        {
            return end;
        }

        for (var i = end; i < limit; i++)
        {
            if ((straight % 2 == 1 && text[i] == '"') || (open > 0 && text[i] == '\u201d'))
            {
                return i + 1;
            }
        }

        return end;
    }

    /// <summary>The span from the first word after <paramref name="from"/> to the end of its clause, at most <paramref name="maxWords"/> words.</summary>
    public static TextSpan Following(string text, TextSpan sentence, int from, int maxWords = 12)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (_, end) = Clause(text, sentence, new TextSpan(from, from));
        for (var i = from; i < end; i++)
        {
            if (text[i] == ',' || text[i] == '.')
            {
                end = i;
                break;
            }
        }

        var words = Words(text, from, end);
        if (words.Count > maxWords)
        {
            end = words[maxWords - 1].End;
        }

        return Trim(text, from, end, new TextSpan(from, from));
    }

    private static (int Start, int End) Clause(string text, TextSpan sentence, TextSpan date)
    {
        var start = sentence.Start;
        var end = sentence.End;
        for (var i = date.Start - 1; i >= sentence.Start; i--)
        {
            if (IsStrongBoundary(text, i, sentence))
            {
                start = i + 1;
                break;
            }
        }

        for (var i = date.End; i < sentence.End; i++)
        {
            if (IsStrongBoundary(text, i, sentence))
            {
                end = i;
                break;
            }
        }

        return (start, end);
    }

    private static bool IsStrongBoundary(string text, int i, TextSpan sentence)
    {
        var c = text[i];
        switch (c)
        {
            case ';' or '(' or ')' or '[' or ']' or '\n':
                return true;
            case ':':
                // "6:00" is a time, not a boundary.
                return !(i > sentence.Start && i + 1 < sentence.End && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]));
            case '\u2014' or '\u2013':
                return true;
            case '-':
                return i > sentence.Start && i + 1 < sentence.End && text[i - 1] == ' ' && text[i + 1] == ' ';
            default:
                return false;
        }
    }

    private static List<TextSpan> Words(string text, int start, int end)
    {
        var words = new List<TextSpan>();
        foreach (Match m in WordPattern().Matches(text[start..end]))
        {
            words.Add(new TextSpan(start + m.Index, start + m.Index + m.Length));
        }

        return words;
    }

    private static int CutAfter(string text, List<TextSpan> words, int start, int end, int dateEnd)
    {
        // Cut points: just before a comma, or just before a subordinating word, after the date.
        var cuts = new List<(int Position, int WordsBefore)>();
        for (var k = 1; k < words.Count; k++)
        {
            var w = words[k];
            if (w.Start < dateEnd)
            {
                continue;
            }

            var previous = words[k - 1];
            var between = text[previous.End..w.Start];
            var word = text[w.Start..w.End];
            var previousWord = text[previous.Start..previous.End];
            if (_cutWords.Contains(previousWord) || Parallax.Compare.Summary.ContentWords.StopWords.Contains(previousWord.ToLowerInvariant()))
            {
                continue; // never end a phrase on "that" or "he"
            }

            if (between.Contains(',', StringComparison.Ordinal))
            {
                cuts.Add((previous.End, k));
            }
            else if (_cutWords.Contains(word))
            {
                cuts.Add((previous.End, k));
            }
        }

        var fitting = cuts.Where(c => c.WordsBefore is >= 4 and <= MaxWords).ToList();
        if (fitting.Count > 0)
        {
            return fitting[^1].Position;
        }

        return cuts.Count > 0 ? cuts[0].Position : end;
    }

    private static TextSpan Trim(string text, int start, int end, TextSpan date)
    {
        while (start < end && start < date.Start && (char.IsWhiteSpace(text[start]) || IsEdgePunctuation(text[start])))
        {
            start++;
        }

        while (end > start && end > date.End && (char.IsWhiteSpace(text[end - 1]) || IsEdgePunctuation(text[end - 1])))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static bool IsEdgePunctuation(char c) => c is ',' or '.' or ';' or ':' or '-' or '\u2013' or '\u2014' or '!' or '?';

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\u2019.&-]*")]
    private static partial Regex WordPattern();
}
