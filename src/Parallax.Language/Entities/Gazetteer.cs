using System.Collections.Frozen;
using System.Reflection;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>Categories of the hand-written gazetteers shipped in Resources/gazetteer (see docs/models.md).</summary>
[Flags]
public enum GazetteerCategory : ushort
{
    None = 0,
    Country = 1,
    Place = 2,
    GivenName = 4,
    Organization = 8,
    OrgWord = 16,
    Demonym = 32,
    Title = 64,
    /// <summary>Sports clubs and teams (clubs.txt).</summary>
    Club = 128,
}

/// <summary>
/// Case-insensitive multi-token lookup of the hand-written name lists. Loaded once from embedded resources; immutable
/// and thread-safe. Entries are tokenized with <see cref="Tokenizer"/>, so matching works on token sequences.
/// </summary>
public sealed class Gazetteer
{
    internal const int MaxLength = 6;

    // stored with a token sequence that begins a longer entry, so matching stops as soon as no entry can continue
    private const GazetteerCategory PrefixBit = (GazetteerCategory)0x8000;
    private static readonly (string File, GazetteerCategory Category)[] _files =
    [
        ("countries.txt", GazetteerCategory.Country),
        ("places.txt", GazetteerCategory.Place),
        ("given-names.txt", GazetteerCategory.GivenName),
        ("organizations.txt", GazetteerCategory.Organization),
        ("org-suffixes.txt", GazetteerCategory.OrgWord),
        ("demonyms.txt", GazetteerCategory.Demonym),
        ("titles.txt", GazetteerCategory.Title),
        ("clubs.txt", GazetteerCategory.Club),
    ];

    private static readonly Lazy<Gazetteer> _default = new(() => Load(_files), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Gazetteer> _towns = new(() => Load([("towns.txt", GazetteerCategory.Place)]), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Gazetteer> _webOrganisations = new(() => Load([("web-organizations.txt", GazetteerCategory.Organization)]), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Gazetteer> _hyphenSplit = new(LoadHyphenSplit, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly FrozenDictionary<ulong, GazetteerCategory> _entries;

    private Gazetteer(Dictionary<ulong, GazetteerCategory> entries) => _entries = entries.ToFrozenDictionary();

    /// <summary>The shipped lists.</summary>
    public static Gazetteer Default => _default.Value;

    /// <summary>
    /// The towns list (<c>towns.txt</c>, every entry <see cref="GazetteerCategory.Place"/>): read only by the rules after
    /// the tagger, never by the tagger's features, so adding to it does not change what the shipped model was trained on.
    /// </summary>
    internal static Gazetteer Towns => _towns.Value;

    /// <summary>
    /// The web organisations list (<c>web-organizations.txt</c>, every entry <see cref="GazetteerCategory.Organization"/>):
    /// like <see cref="Towns"/>, read only by the rules after the tagger, so the shipped model does not see it.
    /// </summary>
    internal static Gazetteer WebOrganisations => _webOrganisations.Value;

    /// <summary>
    /// The hyphenated entries of the country, place, town, organisation, web organisation and club lists in the form
    /// of text tokenized with its hyphens split off ("Coca - Cola", "al - Qaida", as the English Web Treebank writes
    /// them; our own <see cref="Tokenizer"/> keeps "Coca-Cola" one token, which the other instances match): categories
    /// <see cref="GazetteerCategory.Place"/> or <see cref="GazetteerCategory.Organization"/>. Read only by the rules after
    /// the tagger, never by its features.
    /// </summary>
    internal static Gazetteer HyphenSplit => _hyphenSplit.Value;

    /// <summary>The entries of one shipped list (<c>countries.txt</c>, <c>places.txt</c>, ...): trimmed, comments and blank lines skipped, in file order.</summary>
    public static IEnumerable<string> Entries(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ResourceText.Lines("gazetteer." + file);
    }

    /// <summary>Number of distinct token sequences.</summary>
    public int Count => _entries.Values.Count(c => (c & ~PrefixBit) != 0);


    private static Gazetteer Load((string File, GazetteerCategory Category)[] files) => Load(files, TokenWords);

    /// <summary>
    /// Every entry of <paramref name="files"/> as the token sequence <paramref name="words"/> makes of its line (null or
    /// empty: skipped), with a prefix mark on each shorter sequence a longer entry continues from.
    /// </summary>
    private static Gazetteer Load((string File, GazetteerCategory Category)[] files, Func<string, List<string>?> words)
    {
        var entries = new Dictionary<ulong, GazetteerCategory>();
        foreach (var (file, category) in files)
        {
            foreach (var line in ResourceText.Lines("gazetteer." + file))
            {
                var tokens = words(line);
                if (tokens is null || tokens.Count == 0 || tokens.Count > MaxLength)
                {
                    continue;
                }

                var h = SequenceStart();
                for (var k = 0; k < tokens.Count; k++)
                {
                    h = SequenceAdd(h, tokens[k]);
                    if (k + 1 < tokens.Count)
                    {
                        entries[h] = entries.GetValueOrDefault(h) | PrefixBit; // a longer entry continues from here
                    }
                }

                entries[h] = entries.GetValueOrDefault(h) | category;
            }
        }

        return new Gazetteer(entries);
    }

    private static List<string> TokenWords(string line) => [.. Tokenizer.Tokenize(line).Select(t => t.Span.Of(line))];

    private static Gazetteer LoadHyphenSplit() => Load(
        [
            ("countries.txt", GazetteerCategory.Place), ("places.txt", GazetteerCategory.Place), ("towns.txt", GazetteerCategory.Place),
            ("organizations.txt", GazetteerCategory.Organization), ("web-organizations.txt", GazetteerCategory.Organization),
            ("clubs.txt", GazetteerCategory.Organization),
        ],
        HyphenSplitWords);

    /// <summary>The tokens of <paramref name="line"/> with each hyphen split off as its own token; null when it has none.</summary>
    private static List<string>? HyphenSplitWords(string line)
    {
        var words = new List<string>();
        foreach (var token in Tokenizer.Tokenize(line))
        {
            var parts = token.Span.Of(line).Split('-');
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0)
                {
                    words.Add("-");
                }

                if (parts[k].Length > 0)
                {
                    words.Add(parts[k]);
                }
            }
        }

        return words.Contains("-") ? words : null;
    }

    private static ulong SequenceStart() => FeatureHash.SequenceStart;

    private static ulong SequenceAdd(ulong h, ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        return FeatureHash.Sequence(h, lower);
    }

    /// <summary>Categories of the exact single word <paramref name="word"/> (case-insensitive).</summary>
    public GazetteerCategory Categories(ReadOnlySpan<char> word) => _entries.GetValueOrDefault(SequenceAdd(SequenceStart(), word)) & ~PrefixBit;

    /// <summary>
    /// Marks every token of <paramref name="words"/> with the categories of the longest entry covering it, starting at
    /// each position: <paramref name="begin"/> gets the categories of entries starting at the token, <paramref name="inside"/>
    /// those of entries continuing through it. Arrays must have the length of <paramref name="words"/>.
    /// </summary>
    public void Match(IReadOnlyList<string> words, GazetteerCategory[] begin, GazetteerCategory[] inside)
    {
        ArgumentNullException.ThrowIfNull(words);
        MatchLower([.. words.Select(w => w.ToLowerInvariant())], begin, inside);
    }

    /// <summary>
    /// <see cref="Match"/> over the run of words [<paramref name="from"/>, <paramref name="to"/>) alone (matches may not
    /// start before or run past it): index 0 of the arrays is word <paramref name="from"/>.
    /// </summary>
    internal (GazetteerCategory[] Begin, GazetteerCategory[] Inside) MatchRun(IReadOnlyList<string> words, int from, int to)
    {
        var lower = new string[to - from];
        for (var k = from; k < to; k++)
        {
            lower[k - from] = words[k].ToLowerInvariant();
        }

        var begin = new GazetteerCategory[lower.Length];
        var inside = new GazetteerCategory[lower.Length];
        MatchLower(lower, begin, inside);
        return (begin, inside);
    }

    /// <summary><see cref="Match"/> over words already lower-cased (invariant culture).</summary>
    internal void MatchLower(string[] words, GazetteerCategory[] begin, GazetteerCategory[] inside)
    {
        Array.Clear(begin);
        Array.Clear(inside);
        for (var i = 0; i < words.Length; i++)
        {
            var h = SequenceStart();
            var bestLen = 0;
            var bestCat = GazetteerCategory.None;
            for (var len = 1; len <= MaxLength && i + len <= words.Length; len++)
            {
                h = FeatureHash.Sequence(h, words[i + len - 1]);
                if (!_entries.TryGetValue(h, out var cat))
                {
                    break;
                }

                if ((cat & ~PrefixBit) != 0)
                {
                    bestLen = len;
                    bestCat = cat & ~PrefixBit;
                }

                if ((cat & PrefixBit) == 0)
                {
                    break;
                }
            }

            if (bestLen == 0)
            {
                continue;
            }

            begin[i] |= bestCat;
            for (var k = 1; k < bestLen; k++)
            {
                inside[i + k] |= bestCat;
            }
        }
    }
}

/// <summary>Reads the embedded text resources of Parallax.Language.</summary>
internal static class ResourceText
{
    public static Stream Open(string name)
    {
        var asm = typeof(ResourceText).Assembly;
        return asm.GetManifestResourceStream("Parallax.Language.Resources." + name)
               ?? throw new InvalidOperationException($"PX0501: embedded resource {name} is missing from {asm.GetName().Name}.");
    }

    public static bool Exists(string name) =>
        typeof(ResourceText).Assembly.GetManifestResourceInfo("Parallax.Language.Resources." + name) is not null;

    public static IEnumerable<string> Lines(string name)
    {
        using var reader = new StreamReader(Open(name));
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
