using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parallax.Core;

namespace Parallax.Compare.QuotesAcross;

/// <summary>A word of a quote (folded for comparison, with its surface form and span), or a break between pieces.</summary>
/// <param name="Norm">Lowercase, accents removed, curly apostrophes straightened; empty for a break.</param>
/// <param name="Surface">The characters as printed.</param>
/// <param name="Break">None for a word; <see cref="QuoteBreak.Elision"/> for "..." / "…" / "[...]"; <see cref="QuoteBreak.Gap"/> between two quoted pieces.</param>
internal readonly record struct QuoteWord(string Norm, string Surface, QuoteBreak Break = QuoteBreak.None)
{
    public bool IsWord => Break == QuoteBreak.None;
}

internal enum QuoteBreak
{
    None,
    Elision,
    Gap,
}

/// <summary>Finds the quoted pieces of a quote and splits them into comparable words. Pure and thread-safe.</summary>
internal static class QuoteWords
{
    private static readonly FrozenWords Stop = new(
        "a an the and or but of to in on at for by with from as is are was were be been being it its it's this that these those " +
        "we i you he she they him her them us our my your his their me not no do does did have has had will would shall should " +
        "can could may might must so if than then there here what which who whom whose when where why how all any some very just " +
        "also into over about up out more most such only own same too s t");

    /// <summary>
    /// The quoted pieces inside a quote's content: for a direct quote the content itself minus any interruption between
    /// closing and reopening marks ("Q1," she said. "Q2."); for any other quote the fragments inside quote marks (an
    /// indirect quote whose content holds a quoted fragment counts as partial). Each piece is trimmed of white space and
    /// is non-empty; empty when nothing is in quote marks.
    /// </summary>
    public static ImmutableArray<TextSpan> QuotedPieces(string text, Quote quote)
    {
        if (!quote.Content.FitsIn(text))
        {
            return [];
        }

        var c = quote.Content;
        var pieces = ImmutableArray.CreateBuilder<TextSpan>();
        var inQuote = quote.Kind == QuoteKind.Direct;
        var opener = inQuote ? OpenerBefore(text, c.Start) : '\0';
        var start = c.Start;
        for (var i = c.Start; i < c.End; i++)
        {
            var ch = text[i];
            if (inQuote)
            {
                if (Closes(text, i, opener))
                {
                    Add(pieces, text, start, i);
                    inQuote = false;
                }
            }
            else if (Opens(text, i))
            {
                inQuote = true;
                opener = ch;
                start = i + 1;
            }
        }

        if (inQuote)
        {
            Add(pieces, text, start, c.End);
        }

        return pieces.ToImmutable();
    }

    private static char OpenerBefore(string text, int start)
    {
        for (var i = start - 1; i >= 0 && i >= start - 3; i--)
        {
            if (text[i] is '“' or '"' or '«' or '„' or '‘' or '\'')
            {
                return text[i] == '\'' && i > 0 && text[i - 1] == '\'' ? '"' : text[i];
            }
        }

        return '“';
    }

    private static bool Opens(string text, int i)
    {
        var ch = text[i];
        var before = i == 0 ? ' ' : text[i - 1];
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        return ch switch
        {
            '“' or '«' or '„' => true,
            '"' => !char.IsLetterOrDigit(before) && !char.IsWhiteSpace(after),
            '‘' => !char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after),
            _ => false,
        };
    }

    private static bool Closes(string text, int i, char opener)
    {
        var ch = text[i];
        var after = i + 1 < text.Length ? text[i + 1] : ' ';
        return opener switch
        {
            '‘' or '\'' => ch is '’' or '\'' && !char.IsLetter(after),
            '«' => ch == '»',
            _ => ch is '”' or '"' or '»' || (ch == '\'' && after == '\''),
        };
    }

    private static void Add(ImmutableArray<TextSpan>.Builder pieces, string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '\''))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '\'' or ',' or ';' or ':'))
        {
            end--;
        }

        if (end > start && HasWord(text, start, end))
        {
            pieces.Add(new TextSpan(start, end));
        }
    }

    private static bool HasWord(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of <paramref name="pieces"/> of <paramref name="text"/>, with a <see cref="QuoteBreak.Gap"/> between pieces and an <see cref="QuoteBreak.Elision"/> for each ellipsis.</summary>
    public static ImmutableArray<QuoteWord> Words(string text, IEnumerable<TextSpan> pieces)
    {
        var words = ImmutableArray.CreateBuilder<QuoteWord>();
        var first = true;
        foreach (var piece in pieces)
        {
            if (!first)
            {
                words.Add(new QuoteWord("", "", QuoteBreak.Gap));
            }

            first = false;
            AddWords(words, text, piece.Start, piece.End);
        }

        return words.ToImmutable();
    }

    /// <summary>The words of all of <paramref name="text"/>.</summary>
    public static ImmutableArray<QuoteWord> Words(string text) => Words(text, [new TextSpan(0, text.Length)]);

    private static void AddWords(ImmutableArray<QuoteWord>.Builder words, string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var ch = text[i];
            if (ch == '…' || (ch == '.' && i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.') || (ch == '.' && i + 4 < end && text[i + 1] == ' ' && text[i + 2] == '.' && text[i + 3] == ' ' && text[i + 4] == '.'))
            {
                var j = i;
                while (j < end && text[j] is '.' or '…' or ' ' && (text[j] != ' ' || (j + 1 < end && text[j + 1] is '.' or '…')))
                {
                    j++;
                }

                AddElision(words);
                i = Math.Max(j, i + 1);
                continue;
            }

            if (ch == '[' && i + 1 < end && text.IndexOf(']', i + 1, Math.Min(8, end - i - 1)) is var close and > 0
                && text[(i + 1)..close].Trim().Trim('.', '…').Length == 0)
            {
                AddElision(words);
                i = close + 1;
                continue;
            }

            if (!char.IsLetterOrDigit(ch))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark
                || (text[i] is '\'' or '’' or '-' or '.' or ',' && i + 1 < end && char.IsLetterOrDigit(text[i + 1]) && (text[i] != ',' || char.IsDigit(text[i - 1]))
                    && (text[i] != '.' || !(i + 2 < end && text[i + 1] == '.')))))
            {
                i++;
            }

            var surface = text[s..i];
            words.Add(new QuoteWord(Fold(surface), surface));
        }
    }

    private static void AddElision(ImmutableArray<QuoteWord>.Builder words)
    {
        if (words.Count == 0 || words[^1].Break != QuoteBreak.Elision)
        {
            words.Add(new QuoteWord("", "…", QuoteBreak.Elision));
        }
    }

    /// <summary>Lowercase invariant, accents removed, curly apostrophe straightened.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch == '’' ? '\'' : char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    /// <summary>True for a function word that says little about which quote this is.</summary>
    public static bool IsStopWord(string norm) => Stop.Contains(norm);

    /// <summary>The distinct content words (not function words, longer than two characters, a plural "s" dropped).</summary>
    public static HashSet<string> ContentWords(IEnumerable<QuoteWord> words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (w.IsWord && w.Norm.Length > 2 && !IsStopWord(w.Norm))
            {
                set.Add(w.Norm.Length > 4 && w.Norm.EndsWith('s') && !w.Norm.EndsWith("ss", StringComparison.Ordinal) ? w.Norm[..^1] : w.Norm);
            }
        }

        return set;
    }

    private sealed class FrozenWords(string words)
    {
        private readonly FrozenSet<string> _set =
            words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal).ToFrozenSet(StringComparer.Ordinal);

        public bool Contains(string word) => _set.Contains(word);
    }
}
