using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Ingest.Cleaning;

/// <summary>
/// Decides whether a trailing run of short title-case lines is a list of unrelated headlines ("more stories")
/// rather than part of the story. Pure and thread-safe.
/// </summary>
public static class HeadlineRunDetector
{
    /// <summary>Fewest lines a run needs.</summary>
    public const int MinRun = 3;

    /// <summary>A run is unrelated when its lines' mean share of salient words found in the story is below this.</summary>
    public const double MaxMeanOverlap = 0.3;

    /// <summary>... and fewer than this fraction of its lines have half or more of their salient words in the story.</summary>
    public const double MaxRelatedLineFraction = 1.0 / 3;

    private static readonly Regex _bullet = new(@"^\s*([-*•·▪–—]|\d{1,2}[.)])\s", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex _dataRow = new(@":\s*[$€£]?\d", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex _word = new(@"[\p{L}\p{N}][\p{L}\p{N}'’.-]*", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly FrozenSet<string> _smallWords = new[]
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
        "into", "onto", "over", "amid", "after", "before", "about", "against", "than", "via", "vs", "is", "are", "be",
        "de", "la", "le", "van", "von",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> _stopWords = new[]
    {
        "about", "after", "again", "against", "amid", "also", "been", "before", "being", "between", "could", "does",
        "during", "each", "from", "have", "having", "here", "into", "just", "more", "most", "only", "other", "over",
        "said", "says", "should", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "under", "until", "very", "what", "when", "where", "which", "while", "will",
        "with", "would", "your", "years", "year", "week", "new", "news",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// True when <paramref name="line"/> looks like a headline: 3–25 words, no sentence-final punctuation other than
    /// <c>?</c>, no trailing <c>: ; ,</c>, and at least 60% of its non-small words capitalised (or numbers).
    /// </summary>
    public static bool IsHeadlineLike(string line)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 4 or > 25)
        {
            return false;
        }

        // Bulleted items and "Label: 123" data rows are lists that belong to the story, not headline lists.
        if (_bullet.IsMatch(line) || _dataRow.IsMatch(line))
        {
            return false;
        }

        var last = line.TrimEnd()[^1];
        if (last is ':' or ';' or ',' || (LineRules.EndsWithSentencePunctuation(line) && last != '?'))
        {
            return false;
        }

        int counted = 0, capital = 0;
        foreach (var w in words)
        {
            var core = w.Trim('"', '“', '”', '‘', '’', '\'', '(', ')', '[', ']', ',', '-', '–', '—');
            if (core.Length == 0 || !char.IsLetterOrDigit(core[0]))
            {
                continue;
            }

            if (_smallWords.Contains(core.ToLowerInvariant()) && char.IsLower(core[0]))
            {
                continue;
            }

            counted++;
            if (char.IsUpper(core[0]) || char.IsDigit(core[0]))
            {
                capital++;
            }
        }

        return counted >= 2 && capital >= 0.6 * counted;
    }

    /// <summary>Salient words of a text: lower-cased, possessive stripped, at least 4 letters, not a stop word.</summary>
    public static HashSet<string> SalientWords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in _word.Matches(text))
        {
            var w = m.Value.ToLowerInvariant().TrimEnd('.', '-');
            if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))
            {
                w = w[..^2];
            }

            w = w.TrimEnd('\'', '’');
            if (w.Length >= 4 && !_stopWords.Contains(w) && !w.All(char.IsDigit))
            {
                set.Add(w);
            }
        }

        return set;
    }

    /// <summary>The share of <paramref name="line"/>'s salient words present in <paramref name="storyWords"/> (0 when it has none).</summary>
    public static double Overlap(string line, IReadOnlySet<string> storyWords)
    {
        var words = SalientWords(line);
        return words.Count == 0 ? 0 : words.Count(storyWords.Contains) / (double)words.Count;
    }

    /// <summary>True when the run of headline-like lines is unrelated to the story (see the constants).</summary>
    public static bool IsUnrelated(IReadOnlyList<string> run, IReadOnlySet<string> storyWords, out double meanOverlap)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(storyWords);
        meanOverlap = 0;
        if (run.Count < MinRun || storyWords.Count == 0)
        {
            return false;
        }

        var overlaps = run.Select(l => Overlap(l, storyWords)).ToList();
        meanOverlap = overlaps.Average();
        var related = overlaps.Count(o => o >= 0.5);
        return meanOverlap < MaxMeanOverlap && related < MaxRelatedLineFraction * run.Count;
    }
}
