using System.Collections.Frozen;
using System.IO.Compression;

namespace Parallax.Language.Entities;

/// <summary>
/// Lower-case English words (SCOWL via Debian's wamerican, letters a-z only; docs/models.md, rebuilt by
/// tools/build-english-words.sh): a word of this list written capitalised may be a common word in title case rather
/// than a name. Loaded once from the embedded resource on first use; immutable and thread-safe.
/// </summary>
internal static class EnglishWords
{
    internal const string Resource = "lexicon.english-words.txt.gz";

    private static readonly Lazy<FrozenSet<string>> _words = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when <paramref name="lower"/> (already lower-cased) is a listed English word.</summary>
    public static bool Contains(string lower) => _words.Value.Contains(lower);

    private static FrozenSet<string> Load()
    {
        using var gzip = new GZipStream(ResourceText.Open(Resource), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new List<string>(64_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
