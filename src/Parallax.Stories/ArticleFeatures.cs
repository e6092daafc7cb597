using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Parallax.Core;

namespace Parallax.Stories;

/// <summary>
/// Bag-of-features of one article for story similarity. Keys are namespaced: stemmed words (<c>w:</c>), entity-like
/// names (<c>e:</c>), adjacent stemmed word pairs (<c>b:</c>), numbers (<c>n:</c>), quote word trigrams (<c>q:</c>). A function of the article only.
/// </summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Counts">Feature key and weighted count (title words count <see cref="StoryClustererOptions.TitleWeight"/> times), keys unique and in ordinal order; keys are interned per extractor (a compact form: 37k long articles fit in memory).</param>
/// <param name="Published">Stated publication date, or null.</param>
/// <param name="Words">Number of analysed word tokens (body + title, before weighting).</param>
public sealed record ArticleFeatures(string ArticleId, ImmutableArray<KeyValuePair<string, double>> Counts, DateOnly? Published, int Words);

/// <summary>A source of entity-like features (names of people, places, organisations) for an article. Implementations are pure and thread-safe.</summary>
public interface IEntityFeatureSource
{
    /// <summary>Entity keys found in the article (lowercased, normalised), with repeats; the order does not matter.</summary>
    IEnumerable<string> Extract(Article article);
}

/// <summary>
/// Entity-like features without a trained model: runs of capitalised words (<c>Tara Reid</c>, <c>Promises Treatment
/// Center</c>), each run as a phrase and each of its words. A sentence-initial single word is skipped when it is a
/// common word. A placeholder until the language layer's entities are wired in. Thread-safe.
/// </summary>
public sealed partial class CapitalisedPhraseEntities : IEntityFeatureSource
{
    public static CapitalisedPhraseEntities Instance { get; } = new();

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'’\-\.]*|[\.!?;:""“”]")]
    private static partial Regex TokenRegex();

    public IEnumerable<string> Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var result = new List<string>();
        if (article.Metadata.Title is { Length: > 0 } title)
        {
            ExtractFrom(title, result);
        }

        ExtractFrom(article.Text, result);
        return result;
    }

    private static void ExtractFrom(string text, List<string> into)
    {
        var run = new List<string>();
        var sentenceStart = true;
        var runStartsSentence = false;
        foreach (var m in TokenRegex().EnumerateMatches(text))
        {
            // A span, not a string: most tokens are neither capitalised nor punctuation and need no copy.
            var token = text.AsSpan(m.Index, m.Length);
            var isPunct = token.Length == 1 && !char.IsLetter(token[0]);
            var isCap = !isPunct && char.IsUpper(token[0]) && !IsAllCapsNoise(token);
            if (isCap && !(run.Count > 0 && StopWords.Contains(token.ToString().ToLowerInvariant())))
            {
                if (run.Count == 0)
                {
                    runStartsSentence = sentenceStart;
                }

                run.Add(token.TrimEnd(".'’").ToString().ToLowerInvariant());
            }
            else
            {
                Flush(run, runStartsSentence, into);
            }

            sentenceStart = isPunct && token is "." or "!" or "?" or "\"" or "“" or "”" or ":" or ";";
            if (!isPunct && !isCap)
            {
                sentenceStart = false;
            }
        }

        Flush(run, runStartsSentence, into);
    }

    private static bool IsAllCapsNoise(ReadOnlySpan<char> token)
    {
        if (token.Length <= 6)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Flush(List<string> run, bool startsSentence, List<string> into)
    {
        if (run.Count == 0)
        {
            return;
        }

        // A lone capitalised common word at a sentence start ("The", "Police") is not a name.
        if (!(run.Count == 1 && (StopWords.Contains(run[0]) || (startsSentence && CommonSentenceStarts.Contains(run[0])))))
        {
            var words = run.Where(w => w.Length > 1 && !StopWords.Contains(w)).ToList();
            if (words.Count > 0)
            {
                if (words.Count > 1)
                {
                    into.Add(string.Join(' ', words));
                }

                foreach (var w in words)
                {
                    into.Add(w);
                }
            }
        }

        run.Clear();
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is",
        "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "this", "that", "these",
        "those", "there", "here", "when", "where", "what", "who", "why", "how", "if", "after", "before", "while",
        "mr", "mrs", "ms", "dr", "said", "says", "also", "but", "not", "no", "yes", "so", "then", "than", "all",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private static readonly HashSet<string> CommonSentenceStarts = new(StringComparer.Ordinal)
    {
        "police", "officials", "authorities", "according", "one", "two", "three", "some", "many", "more", "most",
        "last", "next", "now", "today", "yesterday", "new", "other", "both", "after", "during", "despite", "however",
        "meanwhile", "earlier", "later", "still", "even", "just", "only", "according", "photo", "video", "read",
    };
}

/// <summary>
/// Turns an article into <see cref="ArticleFeatures"/>: Lucene's <see cref="EnglishAnalyzer"/> (stop words, possessives,
/// Porter stemming) for words, an <see cref="IEntityFeatureSource"/> for names, numbers and quote trigrams.
/// Thread-safe; the analyzer is created once per extractor.
/// </summary>
public sealed partial class StoryFeatureExtractor : IDisposable
{
    private readonly Analyzer _analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly StoryClustererOptions _options;
    private readonly IEntityFeatureSource _entities;

    // One string per distinct feature key across all articles of this extractor (thread-safe).
    private readonly KeyInterner _keys = new();

    public StoryFeatureExtractor(StoryClustererOptions options, IEntityFeatureSource? entities = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _entities = entities ?? CapitalisedPhraseEntities.Instance;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\d[\d,\.]*\d(?:\s?%)?|(?<![\p{L}\p{N}\.,])\d(?![\p{L}\p{N}])")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"[""“]([^""“”\n]{12,400})[""”]|``(.{12,400}?)''")]
    private static partial Regex QuoteRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    public ArticleFeatures Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var counts = new FeatureCounter(_keys, 1024);
        var words = 0;
        var title = article.Metadata.Title ?? "";
        var text = article.Text;
        // Many sources repeat the headline as the first line; count it once as a title.
        if (title.Length > 0 && text.StartsWith(title, StringComparison.Ordinal))
        {
            text = text[title.Length..];
        }

        // A "headline" that is only a date line ("9 September 2013 , 14 : 08", "Posted 11/27/2005 7:21 AM") is no headline.
        words += AddTerms(title, IsDateLine(title) ? 1.0 : _options.TitleWeight, counts);
        words += AddTerms(text, 1.0, counts);

        foreach (var e in _entities.Extract(article))
        {
            counts.Add("e:", e, 1.0);
        }

        foreach (Match m in NumberRegex().Matches(title + "\n" + text))
        {
            var n = m.Value.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).TrimEnd('.');
            Add(counts, "n:" + n, 1.0);
        }

        foreach (Match m in QuoteRegex().Matches(text))
        {
            var quote = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            var qw = WordRegex().Matches(quote).Select(w => w.Value.ToLowerInvariant()).ToArray();
            for (var i = 0; i + 3 <= qw.Length; i++)
            {
                Add(counts, "q:" + qw[i] + " " + qw[i + 1] + " " + qw[i + 2], 1.0);
            }
        }

        var sorted = counts.ToSorted();
        return new ArticleFeatures(article.Id, ImmutableCollections.AsImmutable(sorted), article.Metadata.Published?.Date, words);
    }

    private int AddTerms(string text, double weight, FeatureCounter counts)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var n = 0;
        // The previous term's characters (no string per token: keys are looked up by characters).
        var previous = new char[64];
        var previousLength = -1;
        using var stream = _analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = term.Buffer.AsSpan(0, term.Length);
            if (t.Length < 2)
            {
                continue;
            }

            counts.Add("w:", t, weight);
            if (previousLength >= 0 && _options.BigramWeight > 0)
            {
                counts.Add("b:", previous.AsSpan(0, previousLength), ' ', t, weight);
            }

            if (previous.Length < t.Length)
            {
                previous = new char[t.Length * 2];
            }

            t.CopyTo(previous);
            previousLength = t.Length;
            n++;
        }

        stream.End();
        return n;
    }

    [GeneratedRegex(@"^(?:[\d\s\p{P}\p{S}]|(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|st|nd|rd|th|am|pm|a\.m|p\.m|gmt|utc|est|edt|et|bst|cet|last|updated?|posted|published|at|on)\b)*$")]
    private static partial Regex DateLineRegex();

    private static bool IsDateLine(string title) => title.Length > 0 && title.Any(char.IsDigit) && DateLineRegex().IsMatch(title);

    private static void Add(FeatureCounter counts, string key, double weight) => counts.Add(key, weight);

    public void Dispose() => _analyzer.Dispose();
}

internal static class ImmutableCollections
{
    /// <summary>Wraps an array the caller no longer touches as an immutable array without copying.</summary>
    public static ImmutableArray<T> AsImmutable<T>(T[] array) => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
}
