using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>A run of characters between quotation marks. <see cref="Span"/> includes the marks (when present).</summary>
/// <param name="Span">Opening mark to closing mark inclusive; ends at the paragraph end when unclosed.</param>
/// <param name="Inner">The quoted characters without the marks.</param>
/// <param name="Group">Segments of one quotation that continues across paragraphs share a group number.</param>
/// <param name="Single">True for single quotation marks at top level ('fake news').</param>
internal readonly record struct QuoteSegment(TextSpan Span, TextSpan Inner, int Group, bool Single, bool Closed);

internal enum TokKind
{
    Word,
    Punct,
    QuoteMark,
}

internal readonly record struct Tok(int Start, int End, TokKind Kind, string Text, string Lower)
{
    public bool IsWord => Kind == TokKind.Word;

    public bool IsCapitalized => Kind == TokKind.Word && char.IsUpper(Text[0]);
}

/// <summary>
/// The small private text layer the quote extractor needs: paragraphs, quotation segments, quote-aware sentences and
/// word/punctuation tokens. Kept internal and in one class so it can be swapped for the shared
/// <c>Parallax.Language.Text</c> splitter/tokenizer later. Sentences never split inside a quotation segment, because a
/// multi-sentence quote is one unit for attribution.
/// </summary>
internal static class QuoteSegmenter
{
    private static readonly FrozenSet<string> _abbreviations = FrozenSet.ToFrozenSet(
    [
        "mr", "mrs", "ms", "dr", "rep", "reps", "sen", "sens", "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm",
        "st", "jr", "sr", "prof", "rev", "hon", "pres", "vs", "v", "no", "inc", "corp", "co", "ltd", "dept", "sept",
        "jan", "feb", "mar", "apr", "aug", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "e.g", "i.e", "etc", "a.m", "p.m",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass",
        "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis",
        "wyo", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "s.c", "s.d", "r.i", "w.va", "sec", "fig", "approx", "est",
    ], StringComparer.Ordinal);

    public static bool IsOpenDouble(char c) => c is '“' or '„' or '«';

    public static bool IsCloseDouble(char c) => c is '”' or '»';

    /// <summary>Paragraphs: maximal runs of non-blank lines' content, one per line (news text puts one paragraph per line).</summary>
    public static ImmutableArray<TextSpan> Paragraphs(string text)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        var i = 0;
        while (i < text.Length)
        {
            var end = text.IndexOf('\n', i);
            if (end < 0)
            {
                end = text.Length;
            }

            var s = i;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                result.Add(new TextSpan(s, e));
            }

            i = end + 1;
        }

        return result.ToImmutable();
    }

    /// <summary>Quotation segments in text order, found paragraph by paragraph; an unclosed quotation continues into the next paragraph when that paragraph opens with a quotation mark (news convention).</summary>
    public static ImmutableArray<QuoteSegment> Segments(string text, ImmutableArray<TextSpan> paragraphs)
    {
        var result = ImmutableArray.CreateBuilder<QuoteSegment>();
        var group = 0;
        var continuing = false;
        for (var p = 0; p < paragraphs.Length; p++)
        {
            var para = paragraphs[p];
            var openAt = -1;
            var openStraight = false;
            if (continuing && para.Length > 0 && (IsOpenDouble(text[para.Start]) || text[para.Start] == '"' || text.AsSpan(para.Start).StartsWith("''", StringComparison.Ordinal)))
            {
                // The continuation paragraph re-opens with a mark; keep the group.
            }
            else if (continuing)
            {
                continuing = false;
                group++;
            }

            for (var i = para.Start; i < para.End; i++)
            {
                var c = text[i];
                if (c == '\'' && i + 1 < para.End && text[i + 1] == '\'')
                {
                    // two apostrophes stand for a double quotation mark (New York Times style); consume both
                    if (openAt < 0 && IsStraightOpening(text, i, para))
                    {
                        openAt = i;
                        openStraight = true;
                        if (!continuing)
                        {
                            group++;
                        }
                    }
                    else if (openAt >= 0)
                    {
                        if (i > openAt + 2)
                        {
                            var innerStart = text[openAt] == '\'' ? openAt + 2 : openAt + 1;
                            result.Add(new QuoteSegment(new TextSpan(openAt, i + 2), new TextSpan(innerStart, i), group, false, true));
                        }

                        openAt = -1;
                        continuing = false;
                    }

                    i++;
                    continue;
                }

                if (openAt < 0)
                {
                    if (IsOpenDouble(c) || (c == '"' && IsStraightOpening(text, i, para)))
                    {
                        openAt = i;
                        openStraight = c == '"';
                        if (!continuing)
                        {
                            group++;
                        }
                    }
                    else if (c == '‘' || (c == '\'' && IsStraightSingleOpening(text, i, para)))
                    {
                        var close = FindSingleClose(text, i, para);
                        if (close > i + 1)
                        {
                            group++;
                            result.Add(new QuoteSegment(new TextSpan(i, close + 1), new TextSpan(i + 1, close), group, true, true));
                            i = close;
                        }
                    }
                }
                else if (IsCloseDouble(c) || c == '"' || (openStraight && IsCloseDouble(c)))
                {
                    var innerOpen = openAt + (text[openAt] == '\'' ? 2 : 1);
                    if (i > innerOpen)
                    {
                        result.Add(new QuoteSegment(new TextSpan(openAt, i + 1), new TextSpan(innerOpen, i), group, false, true));
                    }

                    openAt = -1;
                    continuing = false;
                }
                else if (IsOpenDouble(c))
                {
                    // A new opening before a close: the previous quotation was never closed; end it here.
                    if (TrimEnd(text, openAt + 1, i) > openAt + 1)
                    {
                        result.Add(new QuoteSegment(new TextSpan(openAt, TrimEnd(text, openAt, i)), new TextSpan(openAt + 1, TrimEnd(text, openAt + 1, i)), group, false, false));
                    }

                    group++;
                    openAt = i;
                    continuing = false;
                }
            }

            if (openAt >= 0)
            {
                var innerOpen = openAt + (text[openAt] == '\'' ? 2 : 1);
                if (para.End > innerOpen)
                {
                    result.Add(new QuoteSegment(new TextSpan(openAt, para.End), new TextSpan(innerOpen, para.End), group, false, false));
                }

                continuing = p + 1 < paragraphs.Length;
            }
            else
            {
                continuing = false;
            }
        }

        return result.ToImmutable();
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool IsStraightOpening(string text, int i, TextSpan para)
    {
        if (i + 1 >= para.End)
        {
            return false;
        }

        var prev = i > para.Start ? text[i - 1] : ' ';
        return !char.IsLetterOrDigit(prev) || i == para.Start;
    }

    private static bool IsStraightSingleOpening(string text, int i, TextSpan para)
    {
        if (i + 1 >= para.End || !char.IsLetter(text[i + 1]))
        {
            return false;
        }

        return i == para.Start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '-';
    }

    private static int FindSingleClose(string text, int open, TextSpan para)
    {
        var limit = Math.Min(para.End, open + 160);
        for (var j = open + 2; j < limit; j++)
        {
            var c = text[j];
            if (c is '’' or '\'')
            {
                var next = j + 1 < para.End ? text[j + 1] : ' ';
                if (char.IsLetter(next))
                {
                    continue; // apostrophe inside a word ("don’t")
                }

                var prev = text[j - 1];
                if (prev == 's' && c == '’' && text[open] == '‘' && j + 1 < para.End && text[j + 1] == ' ' && HasLaterClose(text, j + 1, limit))
                {
                    continue; // plural possessive ("workers’ union") when a later close exists
                }

                return j;
            }

            if (c is '"' or '“' or '”')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool HasLaterClose(string text, int from, int limit)
    {
        for (var j = from; j < limit; j++)
        {
            if (text[j] is '’' && (j + 1 >= text.Length || !char.IsLetter(text[j + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Quote-aware sentences of one paragraph: split after . ! ? … (plus closing marks) before an uppercase letter, digit or opening mark, never inside a quotation segment or after an abbreviation.</summary>
    public static void Sentences(string text, TextSpan para, ImmutableArray<QuoteSegment> segments, List<TextSpan> into)
    {
        var start = para.Start;
        for (var i = para.Start; i < para.End; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            var q = i + 1;
            while (q < para.End && text[q] is '.' or '!' or '?' or '…' or '"' or '”' or '’' or '\'' or ')' or ']')
            {
                q++;
            }

            if (q >= para.End || !char.IsWhiteSpace(text[q]))
            {
                continue;
            }

            var n = q;
            while (n < para.End && char.IsWhiteSpace(text[n]))
            {
                n++;
            }

            if (n >= para.End)
            {
                continue;
            }

            var next = text[n];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '‘' or '\'' or '(' or '['))
            {
                continue;
            }

            if (InsideSegment(segments, q))
            {
                continue;
            }

            if (q > i + 1 && text[q - 1] is '"' or '”' or '\'' or '’' && AttributionFollows(text, n, para.End))
            {
                continue; // “... shared.” Vahl told the council. — the attribution belongs to the quotation
            }

            if (c == '.' && IsAbbreviation(text, para.Start, i))
            {
                continue;
            }

            into.Add(new TextSpan(start, q));
            start = n;
            i = n - 1;
        }

        if (para.End > start)
        {
            into.Add(new TextSpan(start, para.End));
        }
    }

    private static readonly FrozenSet<string> _attributionWords = FrozenSet.ToFrozenSet(
        ["said", "says", "told", "added", "asked", "wrote", "writes", "explained", "noted", "continued", "replied", "tweeted", "insisted", "warned", "recalled", "argued", "declared", "stated", "concluded"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> _clauseOpeners = FrozenSet.ToFrozenSet(
        ["that", "he", "she", "they", "it", "we", "I", "the", "its", "his", "their", "our", "there", "this", "these"],
        StringComparer.Ordinal);

    /// <summary>True when a speech verb comes within the next few words before any sentence end ("Vahl told the council.").</summary>
    private static bool AttributionFollows(string text, int from, int end)
    {
        var words = 0;
        var i = from;
        while (i < end && words < 6)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '"' or '“' or '”' or ':' or ';')
            {
                return false;
            }

            if (char.IsLetter(c))
            {
                var j = i;
                while (j < end && (char.IsLetter(text[j]) || text[j] == '.' && j + 1 < end && char.IsLetter(text[j + 1])))
                {
                    j++;
                }

                if (_attributionWords.Contains(text[i..j]))
                {
                    // "… party’s nominee.” The speechwriter said the deal-breaker was …": a clause after the verb is its
                    // own content, so the verb opens a new sentence rather than attributing the quotation.
                    var w = j;
                    while (w < end && text[w] == ' ')
                    {
                        w++;
                    }

                    var e = w;
                    while (e < end && char.IsLetter(text[e]))
                    {
                        e++;
                    }

                    return !_clauseOpeners.Contains(text[w..e]);
                }

                words++;
                i = j;
                continue;
            }

            i++;
        }

        return false;
    }

    private static bool InsideSegment(ImmutableArray<QuoteSegment> segments, int pos)
    {
        foreach (var s in segments)
        {
            if (s.Single)
            {
                continue;
            }

            if (s.Span.Start < pos && pos < s.Span.End)
            {
                return true;
            }

            if (s.Span.Start >= pos)
            {
                break;
            }
        }

        return false;
    }

    private static bool IsAbbreviation(string text, int paraStart, int dot)
    {
        var s = dot;
        while (s > paraStart && (char.IsLetter(text[s - 1]) || text[s - 1] == '.'))
        {
            s--;
        }

        if (s == dot)
        {
            return false;
        }

        var word = text[s..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // initial ("John F. Kennedy")
        }

        return _abbreviations.Contains(word.ToLowerInvariant());
    }

    /// <summary>Word, punctuation and quotation-mark tokens of <paramref name="span"/>. Words keep inner apostrophes and hyphens; a period after an abbreviation stays on the word.</summary>
    public static List<Tok> Tokenize(string text, TextSpan span)
    {
        var toks = new List<Tok>(span.Length / 4 + 4); // about one token per 5 characters: one array, no regrowth
        var i = span.Start;
        while (i < span.End)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < span.End)
                {
                    var d = text[j];
                    if (char.IsLetterOrDigit(d))
                    {
                        j++;
                    }
                    else if ((d is '\'' or '’' or '-' or '.' or '&') && j + 1 < span.End && char.IsLetterOrDigit(text[j + 1]))
                    {
                        j += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                if (j < span.End && text[j] == '.' && IsAbbreviationWord(text[i..j]))
                {
                    j++;
                }

                var w = Parallax.Language.Text.CharStrings.Slice(text, i, j);
                toks.Add(new Tok(i, j, TokKind.Word, w, w.ToLowerInvariant()));
                i = j;
                continue;
            }

            var kind = c is '"' or '“' or '”' or '„' or '«' or '»' or '‘' or '’' or '\'' ? TokKind.QuoteMark : TokKind.Punct;
            var p = Parallax.Language.Text.CharStrings.Of(c);
            toks.Add(new Tok(i, i + 1, kind, p, p));
            i++;
        }

        return toks;
    }

    private static bool IsAbbreviationWord(string word) =>
        (word.Length == 1 && char.IsUpper(word[0])) || _abbreviations.Contains(word.ToLowerInvariant());
}
