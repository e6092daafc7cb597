using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Compare.Slant;

/// <summary>A lexicon entry found in a text: its characters, the entry and its category.</summary>
/// <param name="Span">The matched words in the text (half-open UTF-16 offsets).</param>
/// <param name="Term">The lexicon entry (lower case).</param>
/// <param name="Category">The entry's category (<c>insult</c>, <c>epithet</c>, <c>fear</c>, ...).</param>
public readonly record struct LexiconHit(TextSpan Span, string Term, string Category);

/// <summary>
/// The shipped loaded-language lexicon (<c>Slant/Resources/loaded-terms.tsv</c>, written by hand; docs/slant.md):
/// words and phrases with a category. Matching is on whole words, case-insensitive, longest phrase first, without
/// overlaps. Loaded once; immutable and thread-safe.
/// </summary>
public sealed class LoadedLexicon
{
    private static readonly Lazy<LoadedLexicon> _default = new(() => Parse(ReadResource("Parallax.Compare.Slant.loaded-terms.tsv")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Categories whose hits count as loaded terms (word choice).</summary>
    public static readonly FrozenSet<string> LoadedCategories = FrozenSet.ToFrozenSet(
        ["insult", "epithet", "partisan", "fear", "moral", "derision", "conflict-verb", "exaggeration", "praise", "framing-verb", "subjective"], StringComparer.Ordinal);

    /// <summary>Categories whose hits count as opinion markers (the writer's stance, intensity or doubt).</summary>
    public static readonly FrozenSet<string> MarkerCategories = FrozenSet.ToFrozenSet(["intensifier", "stance", "doubt", "emphasis", "sweeping"], StringComparer.Ordinal);

    /// <summary>Categories that judge people or groups: a label holding one of these is a loaded label.</summary>
    public static readonly FrozenSet<string> PeopleCategories = FrozenSet.ToFrozenSet(["insult", "epithet", "partisan", "praise", "moral", "derision"], StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _entries;
    private readonly int _maxWords;

    private LoadedLexicon(FrozenDictionary<string, string> entries, int maxWords)
    {
        _entries = entries;
        _maxWords = maxWords;
    }

    /// <summary>The shipped lexicon.</summary>
    public static LoadedLexicon Default => _default.Value;

    /// <summary>Number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Every entry and its category.</summary>
    public IReadOnlyDictionary<string, string> Entries => _entries;

    /// <summary>Parses the TSV format: <c>term&lt;TAB&gt;category</c> lines; <c>#</c> lines and blank lines are skipped.</summary>
    public static LoadedLexicon Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var maxWords = 1;
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var words = Words(line[..tab], 0, tab).Select(w => w.Key).ToArray();
            if (words.Length == 0)
            {
                continue;
            }

            entries[string.Join(' ', words)] = line[(tab + 1)..].Trim();
            maxWords = Math.Max(maxWords, words.Length);
        }

        return new LoadedLexicon(entries.ToFrozenDictionary(StringComparer.Ordinal), maxWords);
    }

    /// <summary>The category of <paramref name="term"/> (any case), or null.</summary>
    public string? CategoryOf(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var key = string.Join(' ', Words(term, 0, term.Length).Select(w => w.Key));
        return _entries.TryGetValue(key, out var c) ? c : null;
    }

    /// <summary>Entries found in <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>), in text order, longest match first, not overlapping.</summary>
    public ImmutableArray<LexiconHit> Find(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        var words = Words(text, start, end);
        var hits = ImmutableArray.CreateBuilder<LexiconHit>();
        var i = 0;
        while (i < words.Count)
        {
            var matched = 0;
            for (var n = Math.Min(_maxWords, words.Count - i); n >= 1; n--)
            {
                var key = n == 1 ? words[i].Key : string.Join(' ', Enumerable.Range(i, n).Select(k => words[k].Key));
                if ((_entries.TryGetValue(key, out var category) || (key.EndsWith("'s", StringComparison.Ordinal) && _entries.TryGetValue(key = key[..^2], out category)))
                    && Adjacent(text, words, i, n))
                {
                    hits.Add(new LexiconHit(new TextSpan(words[i].Start, words[i + n - 1].End), key, category));
                    matched = n;
                    break;
                }
            }

            i += Math.Max(matched, 1);
        }

        return hits.ToImmutable();
    }

    /// <summary>The words of a phrase must be separated by spaces only (not by punctuation or a line break).</summary>
    private static bool Adjacent(string text, List<Word> words, int i, int n)
    {
        for (var k = i; k < i + n - 1; k++)
        {
            for (var c = words[k].End; c < words[k + 1].Start; c++)
            {
                if (text[c] is not (' ' or '\u00A0'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A word of a text: its span and its lookup key (lower case, typographic apostrophes folded).</summary>
    public readonly record struct Word(int Start, int End, string Key);

    /// <summary>
    /// The words of <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>): runs of letters and digits,
    /// joined by an inner hyphen or apostrophe ("steady-handed", "let's").
    /// </summary>
    public static List<Word> Words(string text, int start, int end)
    {
        var words = new List<Word>();
        var i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < end)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }
                else if (text[i] is '-' or '\'' or '\u2019' or '\u2010' or '\u2011' && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            var key = text[s..i].ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2010', '-').Replace('\u2011', '-');
            words.Add(new Word(s, i, key));
        }

        return words;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(LoadedLexicon).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from Parallax.Compare");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static string Resource(string name) => ReadResource(name);
}
