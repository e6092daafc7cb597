using System.Collections.Immutable;
using System.Globalization;
using Parallax.Core;

namespace Parallax.Language.Text;

/// <summary>
/// Splits the cleaned text into word, number, punctuation and symbol tokens (Penn-Treebank-like: possessive
/// <c>'s</c> and <c>n't</c> are split off; hyphenated words, decimals, abbreviations with their period, URLs, e-mail
/// addresses and handles stay whole). Invariants: tokens are non-empty, in text order, do not overlap, contain no
/// whitespace, and together cover every non-whitespace character of the text. Stateless and thread-safe.
/// </summary>
public sealed class Tokenizer : IStage<Doc>
{
    public static readonly StageInfo StageInfo = new("Tokenizer", "1.0", [Layers.Text], [Layers.Tokens]);

    /// <summary>A shared instance (the tokenizer has no state).</summary>
    public static Tokenizer Instance { get; } = new();

    public StageInfo Info => StageInfo;

    public Doc Process(Doc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return (doc with { Tokens = Tokenize(doc.Text) }).WithLayers(Info);
    }

    /// <summary>Tokenizes <paramref name="text"/>; spans index into it.</summary>
    public static ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = ImmutableArray.CreateBuilder<Token>(Math.Max(4, text.Length / 5));
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var end = ScanSpecial(text, i, out var kind);
            if (end <= i)
            {
                if (IsWordChar(c))
                {
                    end = ScanWord(text, i, tokens);
                    kind = char.IsDigit(text[i]) ? TokenKind.Number : TokenKind.Word;
                    if (end <= i)
                    {
                        // ScanWord emitted the token(s) itself (clitic split).
                        i = -end;
                        continue;
                    }
                }
                else
                {
                    end = i + (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1);
                    kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                }
            }

            tokens.Add(new Token(new TextSpan(i, end), kind));
            i = end;
        }

        return tokens.ToImmutable();
    }

    internal static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    /// <summary>URLs, e-mails, handles, ellipses, dash runs. Returns the end, or <paramref name="start"/> when nothing special starts here.</summary>
    private static int ScanSpecial(string text, int start, out TokenKind kind)
    {
        kind = TokenKind.Word;
        var c = text[start];
        if (c == '.' && start + 1 < text.Length && text[start + 1] == '.')
        {
            var e = start;
            while (e < text.Length && text[e] == '.')
            {
                e++;
            }

            kind = TokenKind.Punctuation;
            return e;
        }

        if (c == '-' && start + 1 < text.Length && text[start + 1] == '-')
        {
            var e = start;
            while (e < text.Length && text[e] == '-')
            {
                e++;
            }

            kind = TokenKind.Punctuation;
            return e;
        }

        if ((c is 'h' or 'H' or 'w' or 'W') && (StartsWith(text, start, "http://") || StartsWith(text, start, "https://") || StartsWith(text, start, "www.")))
        {
            return TrimTrailing(text, start, RunEnd(text, start));
        }

        if ((c is '@' or '#') && start + 1 < text.Length && (char.IsLetterOrDigit(text[start + 1]) || text[start + 1] == '_')
            && (start == 0 || !IsWordChar(text[start - 1])))
        {
            var e = start + 1;
            while (e < text.Length && (char.IsLetterOrDigit(text[e]) || text[e] == '_'))
            {
                e++;
            }

            return e;
        }

        if (char.IsLetterOrDigit(c))
        {
            // e-mail address: a whitespace-free run with letters@letters.letters
            var run = RunEnd(text, start);
            var at = text.IndexOf('@', start, run - start);
            if (at > start && at + 1 < run && char.IsLetterOrDigit(text[at + 1]) && text.IndexOf('.', at, run - at) > at)
            {
                return TrimTrailing(text, start, run);
            }
        }

        return start;
    }

    private static bool StartsWith(string text, int at, string prefix) =>
        string.Compare(text, at, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0 && text.Length - at >= prefix.Length;

    private static int RunEnd(string text, int start)
    {
        var e = start;
        while (e < text.Length && !char.IsWhiteSpace(text[e]))
        {
            e++;
        }

        return e;
    }

    private static int TrimTrailing(string text, int start, int end)
    {
        while (end > start + 1 && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '"' or '\'' or '”' or '’' or '»')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Scans a word or number starting at <paramref name="start"/>. Returns its end; when a clitic ('s, n't) was split off,
    /// adds both tokens itself and returns the negated end.
    /// </summary>
    private static int ScanWord(string text, int start, ImmutableArray<Token>.Builder tokens)
    {
        var i = start;
        var n = text.Length;
        var numeric = char.IsDigit(text[start]);
        while (i < n)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                i++;
                continue;
            }

            var next = i + 1 < n ? text[i + 1] : '\0';
            if (IsApostrophe(c) && IsWordChar(next) && !numeric)
            {
                var clitic = CliticLength(text, i);
                if (clitic > 0)
                {
                    var wordEnd = i;
                    var cliticStart = i;
                    if (char.ToLowerInvariant(next) == 't' && i - 1 > start && char.ToLowerInvariant(text[i - 1]) == 'n')
                    {
                        wordEnd = i - 1;
                        cliticStart = i - 1;
                    }

                    tokens.Add(new Token(new TextSpan(start, wordEnd), TokenKind.Word));
                    tokens.Add(new Token(new TextSpan(cliticStart, i + clitic), TokenKind.Word));
                    return -(i + clitic);
                }

                if (char.IsLetter(next))
                {
                    i++; // O'Brien, rock'n'roll
                    continue;
                }

                break;
            }

            if (IsHyphen(c) && IsWordChar(next))
            {
                i++;
                continue;
            }

            if (numeric && (c is ',' or '.') && char.IsDigit(next) && char.IsDigit(text[i - 1]))
            {
                i++;
                continue;
            }

            if (c == '.' && char.IsLetter(next) && !numeric && SegmentLength(text, start, i) <= 2 && (i + 2 >= n || !char.IsLetter(text[i + 2]) || text[i + 2] == '.'))
            {
                // U.S, a.m, Ph.D: short letter segments joined by periods
                i++;
                continue;
            }

            if (c == '&' && char.IsUpper(next) && i - start <= 2 && char.IsUpper(text[i - 1]))
            {
                i++; // AT&T, S&P
                continue;
            }

            break;
        }

        // a final period belongs to abbreviations and initials
        if (i < n && text[i] == '.' && !numeric && !(i + 1 < n && text[i + 1] == '.'))
        {
            var word = text.AsSpan(start, i - start);
            var isInitial = word.Length == 1 && char.IsUpper(word[0]);
            var dotted = word.Contains('.') && SegmentLength(text, start, i) <= 2;
            if (isInitial || dotted || Abbreviations.IsKnown(word))
            {
                i++;
            }
        }

        return i;
    }

    private static int SegmentLength(string text, int start, int end)
    {
        var s = end;
        while (s > start && text[s - 1] != '.')
        {
            s--;
        }

        return end - s;
    }

    /// <summary>Length of a clitic starting at the apostrophe <paramref name="i"/> ('s 're 've 'll 'd 'm n't), or 0.</summary>
    private static int CliticLength(string text, int i)
    {
        var e = i + 1;
        while (e < text.Length && char.IsLetter(text[e]))
        {
            e++;
        }

        var len = e - i - 1;
        if (len is < 1 or > 2)
        {
            return 0;
        }

        var s = text.AsSpan(i + 1, len);
        return s.Equals("s", StringComparison.OrdinalIgnoreCase) || s.Equals("re", StringComparison.OrdinalIgnoreCase)
            || s.Equals("ve", StringComparison.OrdinalIgnoreCase) || s.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || s.Equals("d", StringComparison.OrdinalIgnoreCase) || s.Equals("m", StringComparison.OrdinalIgnoreCase)
            || (s.Equals("t", StringComparison.OrdinalIgnoreCase) && i > 0 && char.ToLowerInvariant(text[i - 1]) == 'n')
            ? len + 1
            : 0;
    }
}
