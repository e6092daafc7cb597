using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Parallax.Core;

namespace Parallax.Stories;

/// <summary>
/// Bag-of-features of one article for story similarity. Keys are namespaced: stemmed words (<c>w:</c>), entity-like
/// names (<c>e:</c>), adjacent stemmed word pairs (<c>b:</c>), numbers (<c>n:</c>), quote word trigrams (<c>q:</c>). A function of the article only.
/// <para>Compact: the keys are ids in a <see cref="FeatureVocabulary"/> (no string per key), the entries are in ordinal
/// key order with unique keys, and the weighted counts are kept as <c>float</c> when every count is exactly a
/// <c>float</c> (then 8 bytes an entry), else as <c>double</c>: <see cref="CountAt"/> always returns the exact count.
/// Immutable; thread-safe.</para>
/// </summary>
public sealed class ArticleFeatures
{
    private readonly int[] _ids;
    // Entries are in key order, so keys of one namespace (first character) are consecutive: (namespace, end) per run.
    private readonly (char Space, int End)[] _spaces;
    // Exactly one of these holds the counts: bytes when every count is a whole number in [0, 255] (the usual case:
    // counts are sums of whole weights), else floats when every count is exactly a float, else doubles.
    private readonly byte[]? _bytes;
    private readonly float[]? _floats;
    private readonly double[]? _doubles;

    /// <summary>
    /// Features from keys and counts (keys unique and in ordinal order), their keys in a vocabulary of their own; a
    /// <see cref="StoryClusterer"/> re-keys such features into its own vocabulary when they are added.
    /// </summary>
    public ArticleFeatures(string articleId, ImmutableArray<KeyValuePair<string, double>> counts, DateOnly? published, int words)
        : this(articleId, new FeatureVocabulary(), counts, published, words)
    {
    }

    private ArticleFeatures(string articleId, FeatureVocabulary vocabulary, ImmutableArray<KeyValuePair<string, double>> counts, DateOnly? published, int words)
        : this(articleId, vocabulary, [.. counts.Select(c => vocabulary.Intern(c.Key))], [.. counts.Select(c => c.Value)], null, published, words)
    {
    }

    /// <param name="ids">Key ids in <paramref name="vocabulary"/>, in ordinal key order (taken, not copied).</param>
    /// <param name="counts">Counts by entry (copied, as floats when exact).</param>
    /// <param name="spaces">The first character of each entry's key, or null to read them from the vocabulary.</param>
    internal ArticleFeatures(string articleId, FeatureVocabulary vocabulary, int[] ids, ReadOnlySpan<double> counts, ReadOnlySpan<char> spaces, DateOnly? published, int words)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArticleId = articleId;
        Vocabulary = vocabulary;
        _ids = ids;
        var runs = new List<(char, int)>();
        for (var i = 0; i < ids.Length; i++)
        {
            var space = spaces.IsEmpty ? vocabulary.NamespaceOf(ids[i]) : spaces[i];
            if (runs.Count > 0 && runs[^1].Item1 == space)
            {
                runs[^1] = (space, i + 1);
            }
            else
            {
                runs.Add((space, i + 1));
            }
        }

        _spaces = [.. runs];
        Published = published;
        Words = words;
        var exact = true;
        var whole = true;
        foreach (var c in counts)
        {
            if ((double)(float)c != c)
            {
                exact = false;
                whole = false;
                break;
            }

            if (whole && !(c >= 0 && c <= 255 && c == Math.Floor(c) && !(c == 0 && double.IsNegative(c))))
            {
                whole = false;
            }
        }

        if (whole)
        {
            _bytes = new byte[counts.Length];
            for (var i = 0; i < counts.Length; i++)
            {
                _bytes[i] = (byte)counts[i];
            }
        }
        else if (exact)
        {
            _floats = new float[counts.Length];
            for (var i = 0; i < counts.Length; i++)
            {
                _floats[i] = (float)counts[i];
            }
        }
        else
        {
            _doubles = counts.ToArray();
        }
    }

    /// <summary>The article.</summary>
    public string ArticleId { get; }

    /// <summary>Stated publication date, or null.</summary>
    public DateOnly? Published { get; }

    /// <summary>Number of analysed word tokens (body + title, before weighting).</summary>
    public int Words { get; }

    /// <summary>
    /// Days of the week named in the headline or the lead (the first <see cref="StoryClustererOptions.WeekdayLeadChars"/>
    /// characters of the body): bit 0 Monday … bit 6 Sunday; 0 when none. The day a lead names is the day of its event
    /// ("on Tuesday"), so two leads naming only different days report different days (see
    /// <see cref="StoryClustererOptions.WeekdayConflictFactor"/>).
    /// </summary>
    public byte StatedWeekdays { get; init; }

    /// <summary>The key figures (magnitudes, sums of money) the headline and lead state, or null when none (see <see cref="Stories.LeadEvent"/>).</summary>
    public LeadEvent? LeadEvent { get; init; }

    /// <summary>The action classes of the headline and the lead's first sentence (bit i: <see cref="HeadlineAction.Classes"/>[i]); 0 when none or not extracted.</summary>
    public ulong HeadlineActions { get; init; }

    /// <summary>The vocabulary the <see cref="Ids"/> belong to.</summary>
    public FeatureVocabulary Vocabulary { get; }

    /// <summary>Number of entries (distinct keys).</summary>
    public int Length => _ids.Length;

    /// <summary>Key ids in <see cref="Vocabulary"/>, in ordinal key order.</summary>
    public ReadOnlySpan<int> Ids => _ids;

    /// <summary>The first character of the keys of entries [previous run's end, <c>End</c>): runs in entry order, covering every entry.</summary>
    internal ReadOnlySpan<(char Space, int End)> Namespaces => _spaces;

    /// <summary>The key ids of namespace <paramref name="space"/> (the keys starting with it): one run, as the keys are in ordinal order.</summary>
    internal ReadOnlySpan<int> IdsIn(char space)
    {
        var from = 0;
        foreach (var (s, end) in _spaces)
        {
            if (s == space)
            {
                return _ids.AsSpan(from, end - from);
            }

            from = end;
        }

        return default;
    }

    /// <summary>The weighted count of entry <paramref name="index"/> (title words count <see cref="StoryClustererOptions.TitleWeight"/> times).</summary>
    public double CountAt(int index) => _bytes is { } b ? b[index] : _floats is { } f ? f[index] : _doubles![index];

    /// <summary>
    /// Feature key and weighted count, keys unique and in ordinal order. Makes a string per key on every call: for
    /// tests and inspection, not for hot paths.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, double>> Counts
    {
        get
        {
            var result = new KeyValuePair<string, double>[_ids.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = new(Vocabulary.KeyOf(_ids[i]), CountAt(i));
            }

            return ImmutableCollections.AsImmutable(result);
        }
    }

    /// <summary>The same features keyed in <paramref name="vocabulary"/> (itself when it already is).</summary>
    internal ArticleFeatures In(FeatureVocabulary vocabulary)
    {
        if (ReferenceEquals(vocabulary, Vocabulary))
        {
            return this;
        }

        var ids = new int[_ids.Length];
        var counts = new double[_ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Vocabulary.InternIn(_ids[i], vocabulary);
            counts[i] = CountAt(i);
        }

        var spaces = new char[_ids.Length];
        var from = 0;
        foreach (var (space, end) in _spaces)
        {
            spaces.AsSpan(from, end - from).Fill(space);
            from = end;
        }

        return new ArticleFeatures(ArticleId, vocabulary, ids, counts, spaces, Published, Words) { StatedWeekdays = StatedWeekdays, LeadEvent = LeadEvent, HeadlineActions = HeadlineActions };
    }
}

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

    /// <summary>The token pattern <see cref="NextToken"/> scans for by hand (kept for the tests that compare the two).</summary>
    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'’\-\.]*|[\.!?;:""“”]")]
    internal static partial Regex TokenRegex();

    /// <summary>
    /// The next match of <see cref="TokenRegex"/> at or after <paramref name="from"/> (length 0 when none): a letter and the
    /// letters, numbers, ', ’, - and . after it, or one of . ! ? ; : " “ ”. \p{L} and \p{N} test one UTF-16 unit's
    /// category as <see cref="char.IsLetter(char)"/> and <see cref="char.IsNumber(char)"/> do; a letter is never one of the
    /// punctuation marks, so the leftmost match is the first letter or mark and the same tokens come out.
    /// </summary>
    internal static (int Index, int Length) NextToken(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var j = i + 1;
                while (j < text.Length && (char.IsLetter(text[j]) || char.IsNumber(text[j]) || text[j] is '\'' or '’' or '-' or '.'))
                {
                    j++;
                }

                return (i, j - i);
            }

            if (c is '.' or '!' or '?' or ';' or ':' or '"' or '“' or '”')
            {
                return (i, 1);
            }
        }

        return (text.Length, 0);
    }

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
        var kept = new List<string>();
        var sentenceStart = true;
        var runStartsSentence = false;
        // Lower-cased tokens are written here first: a string is made only for a word that joins a run.
        Span<char> lower = stackalloc char[128];
        for (var m = NextToken(text, 0); m.Length > 0; m = NextToken(text, m.Index + m.Length))
        {
            // A span, not a string: most tokens are neither capitalised nor punctuation and need no copy.
            var token = text.AsSpan(m.Index, m.Length);
            var isPunct = token.Length == 1 && !char.IsLetter(token[0]);
            var isCap = !isPunct && char.IsUpper(token[0]) && !IsAllCapsNoise(token);
            if (isCap && !(run.Count > 0 && StopWordsBySpan.Contains(LowerInvariant(token, ref lower))))
            {
                if (run.Count == 0)
                {
                    runStartsSentence = sentenceStart;
                }

                run.Add(new string(LowerInvariant(token.TrimEnd(".'’"), ref lower)));
            }
            else
            {
                Flush(run, runStartsSentence, into, kept);
            }

            sentenceStart = isPunct && token is "." or "!" or "?" or "\"" or "“" or "”" or ":" or ";";
            if (!isPunct && !isCap)
            {
                sentenceStart = false;
            }
        }

        Flush(run, runStartsSentence, into, kept);
    }

    /// <summary><paramref name="token"/> lower-cased as <see cref="string.ToLowerInvariant()"/> does, in <paramref name="buffer"/> (grown when short).</summary>
    private static ReadOnlySpan<char> LowerInvariant(ReadOnlySpan<char> token, ref Span<char> buffer)
    {
        if (buffer.Length < token.Length)
        {
            buffer = new char[token.Length * 2];
        }

        var n = token.ToLowerInvariant(buffer);
        return buffer[..n];
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

    /// <param name="words">Scratch list (cleared here), reused across runs.</param>
    private static void Flush(List<string> run, bool startsSentence, List<string> into, List<string> words)
    {
        if (run.Count == 0)
        {
            return;
        }

        // A lone capitalised common word at a sentence start ("The", "Police") is not a name.
        if (!(run.Count == 1 && (StopWords.Contains(run[0]) || (startsSentence && CommonSentenceStarts.Contains(run[0])))))
        {
            words.Clear();
            foreach (var w in run)
            {
                if (w.Length > 1 && !StopWords.Contains(w))
                {
                    words.Add(w);
                }
            }

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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsBySpan = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> CommonSentenceStarts = new(StringComparer.Ordinal)
    {
        "police", "officials", "authorities", "according", "one", "two", "three", "some", "many", "more", "most",
        "last", "next", "now", "today", "yesterday", "new", "other", "both", "after", "during", "despite", "however",
        "meanwhile", "earlier", "later", "still", "even", "just", "only", "according", "photo", "video", "read",
    };
}

/// <summary>
/// Turns an article into <see cref="ArticleFeatures"/>: the terms of Lucene's <see cref="EnglishAnalyzer"/> (stop words,
/// possessives, Porter stemming; through <see cref="CachingEnglishAnalyzer"/>, the same terms with the filters answered
/// from a per-thread cache) for words, an <see cref="IEntityFeatureSource"/> for names, numbers and quote trigrams.
/// Thread-safe; the analyzer is created once per extractor.
/// </summary>
public sealed partial class StoryFeatureExtractor : IDisposable
{
    private readonly Analyzer _analyzer = new CachingEnglishAnalyzer();
    private readonly StoryClustererOptions _options;
    private readonly IEntityFeatureSource _entities;

    // Counters are reused across articles (their buffers grow once); one per concurrent extraction.
    private readonly System.Collections.Concurrent.ConcurrentBag<FeatureCounter> _counters = [];

    public StoryFeatureExtractor(StoryClustererOptions options, IEntityFeatureSource? entities = null)
        : this(options, entities, new FeatureVocabulary())
    {
    }

    /// <param name="vocabulary">Where the keys of every extracted article are interned (shared with a <see cref="StoryClusterer"/> so its features need no re-keying).</param>
    public StoryFeatureExtractor(StoryClustererOptions options, IEntityFeatureSource? entities, FeatureVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vocabulary);
        _options = options;
        _entities = entities ?? CapitalisedPhraseEntities.Instance;
        Vocabulary = vocabulary;
    }

    /// <summary>The vocabulary every extracted article's keys are interned in (append-only, thread-safe).</summary>
    public FeatureVocabulary Vocabulary { get; }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\d[\d,\.]*\d(?:\s?%)?|(?<![\p{L}\p{N}\.,])\d(?![\p{L}\p{N}])")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"[""“]([^""“”\n]{12,400})[""”]|``(.{12,400}?)''")]
    private static partial Regex QuoteRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    public ArticleFeatures Extract(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!_counters.TryTake(out var counts))
        {
            counts = new FeatureCounter();
        }

        try
        {
            return Extract(article, counts);
        }
        finally
        {
            counts.Reset();
            _counters.Add(counts);
        }
    }

    private ArticleFeatures Extract(Article article, FeatureCounter counts)
    {
        var words = 0;
        var title = article.Metadata.Title ?? "";
        var text = article.Text;
        // Many sources repeat the headline as the first line; count it once as a title. The body is the text from
        // `from` on (a slice: no copy of the text).
        var from = title.Length > 0 && text.StartsWith(title, StringComparison.Ordinal) ? title.Length : 0;
        var body = text.AsSpan(from);

        // A "headline" that is only a date line ("9 September 2013 , 14 : 08", "Posted 11/27/2005 7:21 AM") is no headline.
        words += AddTerms(title, 0, IsDateLine(title) ? 1.0 : _options.TitleWeight, counts);
        words += AddTerms(text, from, 1.0, counts);

        foreach (var e in _entities.Extract(article))
        {
            counts.Add("e:", e, 1.0);
        }

        // Numbers of title + "\n" + body. Matched in the title and in the body separately (no joined copy): the same
        // matches, since no match can contain the "\n" unless it ends the title with "\n%" (`\s?%`); then the joined
        // text is matched as before.
        if (body.Length > 0 && body[0] == '%' && title.Length > 0)
        {
            AddNumbers((title + "\n" + body.ToString()).AsSpan(), counts);
        }
        else
        {
            AddNumbers(title, counts);
            AddNumbers(body, counts);
        }

        Span<char> lower = stackalloc char[512];
        Span<int> wordEnds = stackalloc int[256];
        foreach (var m in QuoteRegex().EnumerateMatches(body))
        {
            // Group 1 ("…" or “…”) is the match without its first and last character, group 2 (``…'') without two each.
            var match = body.Slice(m.Index, m.Length);
            var quote = match[0] == '`' ? match[2..^2] : match[1..^1];
            AddQuoteTrigrams(quote, lower, wordEnds, counts);
        }

        var weekdays = (byte)(Weekdays(title) | Weekdays(body[..Math.Min(body.Length, Math.Max(_options.WeekdayLeadChars, 0))]));
        var leadEvent = _options.LeadEventConflictFactor < 1
            ? LeadEvent.From(title, body[..Math.Min(body.Length, Math.Max(_options.LeadEventChars, 0))], _options.LeadEventKinds, IsDateLine(title))
            : null;
        var actions = _options.ActionConflictFactor != 1 || _options.ActionMatchFactor != 1 || _options.ActionFeatureWeight > 0
            ? HeadlineAction.From(title, body, _options.ActionLeadChars)
            : 0;
        HeadlineAction.AddFeatures(actions, words, _options, counts);
        return counts.ToFeatures(article.Id, Vocabulary, article.Metadata.Published?.Date, words, weekdays, leadEvent, actions);
    }

    [GeneratedRegex(@"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayRegex();

    /// <summary>Bit mask of the weekdays named in <paramref name="text"/> (bit 0 Monday … bit 6 Sunday).</summary>
    internal static byte Weekdays(ReadOnlySpan<char> text)
    {
        var mask = 0;
        foreach (var m in WeekdayRegex().EnumerateMatches(text))
        {
            mask |= char.ToLowerInvariant(text[m.Index]) switch
            {
                'm' => 1,
                'w' => 4,
                'f' => 16,
                't' => char.ToLowerInvariant(text[m.Index + 1]) == 'u' ? 2 : 8,
                _ => char.ToLowerInvariant(text[m.Index + 1]) == 'a' ? 32 : 64,
            };
        }

        return (byte)mask;
    }

    private static void AddNumbers(ReadOnlySpan<char> text, FeatureCounter counts)
    {
        Span<char> key = stackalloc char[64];
        foreach (var m in NumberRegex().EnumerateMatches(text))
        {
            // The number without "," and " " and without trailing dots (as Replace(",").Replace(" ").TrimEnd('.')).
            var value = text.Slice(m.Index, m.Length);
            var buffer = value.Length <= key.Length ? key : new char[value.Length];
            var n = 0;
            foreach (var c in value)
            {
                if (c is not (',' or ' '))
                {
                    buffer[n++] = c;
                }
            }

            counts.Add("n:", buffer[..n].TrimEnd('.'), 1.0);
        }
    }

    /// <summary>Quote word trigrams: the quote's <c>[\p{L}\p{N}]+</c> words lowercased (invariant), "q:a b c" for each three in a row.</summary>
    private static void AddQuoteTrigrams(ReadOnlySpan<char> quote, Span<char> lower, Span<int> wordEnds, FeatureCounter counts)
    {
        if (quote.Length > lower.Length)
        {
            lower = new char[quote.Length];
        }

        var n = 0;
        var used = 0;
        foreach (var w in WordRegex().EnumerateMatches(quote))
        {
            if (n == wordEnds.Length)
            {
                var grown = new int[wordEnds.Length * 2];
                wordEnds.CopyTo(grown);
                wordEnds = grown;
            }

            used += quote.Slice(w.Index, w.Length).ToLowerInvariant(lower[used..]);
            wordEnds[n++] = used;
        }

        for (var i = 0; i + 3 <= n; i++)
        {
            var a = i == 0 ? 0 : wordEnds[i - 1];
            counts.Add("q:", lower[a..wordEnds[i]], lower[wordEnds[i]..wordEnds[i + 1]], lower[wordEnds[i + 1]..wordEnds[i + 2]], 1.0);
        }
    }

    private int AddTerms(string text, int from, double weight, FeatureCounter counts)
    {
        if (text.Length - from == 0)
        {
            return 0;
        }

        var n = 0;
        // The previous term's characters (no string per token: keys are looked up by characters).
        Span<char> previous = stackalloc char[64];
        var previousLength = -1;
        using var stream = _analyzer.GetTokenStream("text", from == 0 ? new StringReader(text) : new SliceReader(text, from));
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
                counts.Add("b:", previous[..previousLength], ' ', t, weight);
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

    public void Dispose() => _analyzer.Dispose();
}

/// <summary>A reader over the characters of a string from an offset on (what <c>new StringReader(text[from..])</c> reads, without the copy).</summary>
internal sealed class SliceReader(string text, int from) : TextReader
{
    private int _position = from;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, text.Length - _position);
        text.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }
}

internal static class ImmutableCollections
{
    /// <summary>Wraps an array the caller no longer touches as an immutable array without copying.</summary>
    public static ImmutableArray<T> AsImmutable<T>(T[] array) => System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
}
