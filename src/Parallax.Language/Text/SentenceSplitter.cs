using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Text;

/// <summary>
/// Groups tokens into sentences. A line break always ends a sentence (the cleaned text has one block — paragraph,
/// headline, list item — per line). Within a line a sentence ends at <c>. ! ? … ...</c> (closing quotes and brackets stay
/// with it), unless the next word starts in lower case ("“We will win!” he said"), or the period belongs to an
/// abbreviation or initial ("Gen.", "U.S.", "J. R.") that is not followed by a typical sentence opener.
/// Invariants: sentence spans are non-empty, in order, do not overlap, start and end on token boundaries, and
/// together contain every token (so they tile the non-whitespace text). Stateless and thread-safe.
/// </summary>
public sealed class SentenceSplitter : IStage<Doc>
{
    public static readonly StageInfo StageInfo = new("SentenceSplitter", "1.0", [Layers.Text, Layers.Tokens], [Layers.Sentences]);

    public static SentenceSplitter Instance { get; } = new();

    public StageInfo Info => StageInfo;

    public Doc Process(Doc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return (doc with { Sentences = Split(doc.Text, doc.Tokens) }).WithLayers(Info);
    }

    /// <summary>Tokenizes and splits <paramref name="text"/>.</summary>
    public static ImmutableArray<Sentence> Split(string text) => Split(text, Tokenizer.Tokenize(text));

    /// <summary>Splits <paramref name="text"/> whose tokens (from <see cref="Tokenizer"/>) are <paramref name="tokens"/>.</summary>
    public static ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = ImmutableArray.CreateBuilder<Sentence>();
        foreach (var (first, last) in TokenRanges(text, tokens))
        {
            var span = new TextSpan(tokens[first].Span.Start, tokens[last].Span.End);
            result.Add(new Sentence(span, Classify(text, tokens, first, last, result.Count == 0)));
        }

        return result.ToImmutable();
    }

    /// <summary>The sentences as inclusive token index ranges <c>(first, last)</c>.</summary>
    public static IEnumerable<(int First, int Last)> TokenRanges(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            var next = t + 1;
            if (next >= tokens.Length)
            {
                yield return (start, t);
                yield break;
            }

            if (HasLineBreak(text, tokens[t].Span.End, tokens[next].Span.Start))
            {
                yield return (start, t);
                start = next;
                continue;
            }

            if (!IsTerminator(text, tokens[t]))
            {
                continue;
            }

            // absorb further terminators and closing quotes/brackets on the same line
            var end = t;
            while (end + 1 < tokens.Length && !HasLineBreak(text, tokens[end].Span.End, tokens[end + 1].Span.Start)
                   && (IsCloser(text, tokens[end + 1], tokens[end].Span.End) || (tokens[end + 1].Kind == TokenKind.Punctuation && IsTerminator(text, tokens[end + 1]))))
            {
                end++;
            }

            if (end + 1 >= tokens.Length)
            {
                continue;
            }

            if (HasLineBreak(text, tokens[end].Span.End, tokens[end + 1].Span.Start))
            {
                t = end - 1;
                continue;
            }

            if (!StartsNewSentence(text, tokens, t, end + 1))
            {
                t = end;
                continue;
            }

            yield return (start, end);
            start = end + 1;
            t = end;
        }
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTerminator(string text, Token token)
    {
        var s = token.Span;
        var last = text[s.End - 1];
        if (token.Kind == TokenKind.Punctuation)
        {
            return last is '.' or '!' or '?' or '…' or '‼' or '⁇';
        }

        // abbreviations carry their period; they may end a sentence (decided by StartsNewSentence)
        return token.Kind == TokenKind.Word && last == '.' && s.Length > 1;
    }

    private static bool IsCloser(string text, Token token, int previousEnd)
    {
        if (token.Span.Length != 1)
        {
            return false;
        }

        var c = text[token.Span.Start];
        if (c is '”' or '’' or '»' or ')' or ']' or '}')
        {
            return true;
        }

        // a straight quote right after the terminator closes
        return (c is '"' or '\'') && token.Span.Start == previousEnd;
    }

    private static bool StartsNewSentence(string text, ImmutableArray<Token> tokens, int terminator, int next)
    {
        var term = tokens[terminator];
        var nextToken = tokens[next];
        var firstLetter = FirstLetterOrDigit(text, tokens, next);
        if (firstLetter is { } ch && char.IsLower(ch))
        {
            return false;
        }

        if (term.Kind == TokenKind.Word)
        {
            var word = text.Substring(term.Span.Start, term.Span.Length - 1);
            if (word.Length == 1 && char.IsUpper(word[0]))
            {
                return false; // initial: "J. R. Ortiz"
            }

            if (Abbreviations.NeverFinal.Contains(word))
            {
                return false;
            }

            // "U.S.", "Inc.", "a.m.": a break only before a typical sentence opener
            var nextText = nextToken.Span.Of(text);
            return Abbreviations.SentenceStarters.Contains(nextText) || nextToken.Kind == TokenKind.Punctuation && text[nextToken.Span.Start] is '“' or '"';
        }

        return true;
    }

    private static char? FirstLetterOrDigit(string text, ImmutableArray<Token> tokens, int from)
    {
        for (var k = from; k < tokens.Length && k < from + 3; k++)
        {
            var t = tokens[k];
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                return text[t.Span.Start];
            }
        }

        return null;
    }

    private static SentenceKind Classify(string text, ImmutableArray<Token> tokens, int first, int last, bool isFirst)
    {
        var c = text[tokens[first].Span.Start];
        var lineStart = tokens[first].Span.Start == 0 || HasLineBreak(text, first == 0 ? 0 : tokens[first - 1].Span.End, tokens[first].Span.Start);
        if (lineStart && (c is '•' or '·' or '▪' or '–' or '*' || (c == '-' && tokens[first].Span.Length == 1)))
        {
            return SentenceKind.ListItem;
        }

        var lastChar = text[tokens[last].Span.End - 1];
        var lineEnd = last + 1 >= tokens.Length || HasLineBreak(text, tokens[last].Span.End, tokens[last + 1].Span.Start);
        if (lineStart && lineEnd && lastChar is not ('.' or '!' or '?' or '…' or '”' or '"' or ':' or ',' or ';') && last - first < 20)
        {
            return isFirst ? SentenceKind.Headline : SentenceKind.Heading;
        }

        return SentenceKind.Sentence;
    }
}
