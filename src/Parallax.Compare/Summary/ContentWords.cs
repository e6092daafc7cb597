using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Parallax.Core;

namespace Parallax.Compare.Summary;

/// <summary>
/// Content words of a stretch of text as comparable keys: lower-case Porter stems of the word and number tokens that are
/// not function words, plus <c>E:id</c> for each resolved entity mentioned there. Used to tell whether two articles
/// state the same thing (timeline merging, summary support). Pure and thread-safe.
/// </summary>
public static class ContentWords
{
    /// <summary>English function words and reporting verbs that say nothing about what happened.</summary>
    public static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "about", "as", "into", "onto", "over", "under", "after", "before", "since", "until", "during", "than", "then",
        "that", "this", "these", "those", "there", "here", "it", "its", "it's", "he", "him", "his", "she", "her", "hers",
        "they", "them", "their", "we", "us", "our", "you", "your", "i", "me", "my", "who", "whom", "whose", "which", "what",
        "when", "where", "why", "how", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
        "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not",
        "no", "if", "while", "also", "more", "most", "some", "any", "all", "each", "other", "such", "only", "own", "same",
        "too", "very", "just", "s", "said", "says", "say", "told", "tell", "according", "reported", "reports", "added",
        "one", "up", "out", "off", "again", "further", "once", "both", "few", "many", "much", "via", "per", "against",
        "between", "through", "because", "though", "although", "whether", "either", "neither", "now", "still", "even",
        "mr", "ms", "mrs", "new",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _calendarWords = FrozenSet.ToFrozenSet(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday",
        "tomorrow", "morning", "afternoon", "evening", "night", "week", "month", "year", "day", "days", "weeks", "months",
        "years", "last", "next", "earlier", "later", "ago",
    ], StringComparer.Ordinal);

    /// <summary>The keys of <paramref name="span"/> of <paramref name="doc"/>; calendar words are left out when <paramref name="withoutCalendarWords"/>.</summary>
    public static ImmutableHashSet<string> Of(Doc doc, TextSpan span, bool withoutCalendarWords = true)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var keys = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var token in doc.Tokens)
        {
            if (token.Span.End <= span.Start || token.Span.Start >= span.End || token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                continue;
            }

            var key = Key(doc.Text.AsSpan(token.Span.Start, token.Span.End - token.Span.Start));
            if (key.Length > 0 && !StopWords.Contains(key) && !(withoutCalendarWords && _calendarWords.Contains(key)))
            {
                keys.Add(key.Length > 3 ? PorterStemmer.Stem(key) : key);
            }
        }

        foreach (var mention in doc.Mentions)
        {
            if (mention.EntityId is { } id && mention.Span.Start >= span.Start && mention.Span.End <= span.End)
            {
                keys.Add("E:" + id);
            }
        }

        return keys.ToImmutable();
    }

    /// <summary>The lower-case ASCII letters and digits of a token, accents folded ("Nicolás" → <c>nicolas</c>), possessive <c>'s</c> dropped.</summary>
    public static string Key(ReadOnlySpan<char> token)
    {
        if (!Ascii.IsValid(token))
        {
            token = new string(token).Normalize(System.Text.NormalizationForm.FormD);
        }

        var end = token.Length;
        if (end > 2 && token[end - 1] is 's' or 'S' && token[end - 2] is '\'' or '\u2019')
        {
            end -= 2;
        }

        Span<char> buffer = stackalloc char[Math.Min(end, 64)];
        var n = 0;
        for (var i = 0; i < end && n < buffer.Length; i++)
        {
            var c = char.ToLowerInvariant(token[i]);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>|a ∩ b| / min(|a|, |b|), 0 when either is empty.</summary>
    public static double Overlap(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        return (double)Shared(a, b) / Math.Min(a.Count, b.Count);
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> share a word key (not only entity ids).</summary>
    public static bool ShareWord(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Any(x => !x.StartsWith("E:", StringComparison.Ordinal) && large.Contains(x));
    }

    /// <summary>|a ∩ b|.</summary>
    public static int Shared(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var n = 0;
        foreach (var x in small)
        {
            if (large.Contains(x))
            {
                n++;
            }
        }

        return n;
    }
}
