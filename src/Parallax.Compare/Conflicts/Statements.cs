using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Compare.Conflicts;

/// <summary>Sentence-level cues shared by the denial and overstatement rules.</summary>
internal static partial class Statements
{
    /// <summary>Words that keep a sentence from asserting anything: questions, hedges, possibilities.</summary>
    private static readonly FrozenSet<string> Hedges = new[]
    {
        "whether", "may", "might", "could", "potential", "potentially", "possible", "possibly", "perhaps", "if",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Negations = new[]
    {
        "no", "not", "never", "nothing", "none", "nobody", "neither", "nor", "without", "deny", "denies", "denied", "denying",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the sentence states something outright: no question, hedge or negation.</summary>
    public static bool Asserts(string sentence)
    {
        if (sentence.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var (w, _) in ArticleView.Words(sentence))
        {
            if (Hedges.Contains(w) || Negations.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when some clause of the sentence (split at , ; : dashes and quote marks) holds a word matching
    /// <paramref name="match"/> and states it outright: no question mark in the sentence, no hedge or negation in that clause.
    /// </summary>
    public static bool AssertsAround(string sentence, Func<string, bool> match)
    {
        if (sentence.Contains('?', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var clause in sentence.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries))
        {
            if (ArticleView.Words(clause).Any(w => match(w.Word)) && Asserts(clause))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] ClauseBreaks = [',', ';', ':', '—', '–', '"', '“', '”'];

    /// <summary>True when the sentence carries a negation.</summary>
    public static bool Negates(string sentence) =>
        ArticleView.Words(sentence).Any(p => Negations.Contains(p.Word) || p.Word.EndsWith("n't", StringComparison.Ordinal));

    /// <summary>True when the sentence quotes someone (straight or curly double quotes).</summary>
    public static bool Quotes(string sentence) => sentence.IndexOfAny(['"', '“', '”']) >= 0;

    /// <summary>Content-word stems of <paramref name="text"/> (no stop words, no names, at least three letters).</summary>
    public static HashSet<string> ContentStems(string text, bool keepCapitalised = false)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (w, start) in ArticleView.Words(text))
        {
            if (NumberRule.StopWords.Contains(w) || Weak.Contains(w) || (!keepCapitalised && char.IsUpper(text[start])))
            {
                continue;
            }

            var stem = ArticleView.Stem(w);
            if (stem.Length >= 3 && !Weak.Contains(stem))
            {
                result.Add(stem);
            }
        }

        return result;
    }

    private static readonly FrozenSet<string> Weak = new[]
    {
        "willing", "able", "ready", "step", "stepp", "down", "make", "made", "take", "took", "get", "got", "give", "gave", "go", "went",
        "want", "wish", "need", "like", "any", "kind", "further", "comment", "clarification", "significance", "leave", "chose",
        "ever", "him", "her", "them", "whether", "might", "would", "should", "shall", "sought", "request", "requested", "asked", "ask",
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)\b", RegexOptions.IgnoreCase)]
    public static partial Regex DenialVerb();

    [GeneratedRegex(@"\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+(?:(?:the|a|an|this|that|these|those|any|such|all)\s+)?(?:[\p{L}-]+\s+)?(?:allegations?|accusations?|claims?|charges?|reports?)\b", RegexOptions.IgnoreCase)]
    public static partial Regex RejectionVerb();

    [GeneratedRegex(@"\b(?:accus(?:e|es|ed|ing)|alleg(?:e|es|ed|ing)|claims?\s+that|claimed\s+that|charg(?:es|ed)\s+that)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AccusationCue();

    [GeneratedRegex(@"^\W*(?:(?:the|a|an|this|that|any|these|those|such|all)\s+)?(?:[\p{L}-]+\s+)?(?:allegations?|accusations?|claims?|charges?|reports?)\b|^\W*(?:it|this|that|them|these|those)\b", RegexOptions.IgnoreCase)]
    public static partial Regex AccusationObject();

    [GeneratedRegex(@"\bno\s+such\s+(?<topic>[\p{L}-]+)|\bthere\s+(?:have|has|had)\s+been\s+no\s+(?<topic>[\p{L}-]+)|\bno\s+(?<topic>[\p{L}-]+)\s+(?:have|has|had)\s+(?:taken\s+place|been\s+held|occurred)", RegexOptions.IgnoreCase)]
    public static partial Regex NegatedExistence();

    [GeneratedRegex(@"\b(?:(?:did|does|has|have|had)\s+not|didn't|hasn't|haven't)\s+(?:immediately\s+)?(?:respond|reply|comment|return)|\bno\s+immediate\s+(?:response|reply|comment)|\bdeclined\s+to\s+comment|\bcould\s+not\s+be\s+reached", RegexOptions.IgnoreCase)]
    public static partial Regex NoResponse();

    [GeneratedRegex(@"\bwhether\s+(?<q>[^,.;?]+)", RegexOptions.IgnoreCase)]
    public static partial Regex Question();
}
