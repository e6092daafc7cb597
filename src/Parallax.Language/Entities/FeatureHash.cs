namespace Parallax.Language.Entities;

/// <summary>
/// 64-bit hashes of feature values and (template, value...) combinations; allocation-free and stable across runs and
/// platforms. Strings are hashed once per token (FNV-1a over UTF-16 code units); feature hashes mix a template id
/// with those value hashes (splitmix64 finaliser).
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of a string value.</summary>
    public static ulong Of(ReadOnlySpan<char> value)
    {
        var h = Offset;
        foreach (var c in value)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Feature (template, value hash).</summary>
    public static ulong Mix(int template, ulong value) => Finalise(value + ((ulong)(uint)template * 0x9E3779B97F4A7C15UL) + 0x632BE59BD9B4E019UL);

    /// <summary>Feature (template, value hash, value hash).</summary>
    public static ulong Mix(int template, ulong a, ulong b) => Mix(template, Finalise(a ^ 0xD6E8FEB86659FD93UL) + b);

    /// <summary>Feature (template, small integer).</summary>
    public static ulong Mix(int template, int value) => Mix(template, (ulong)(uint)value * 0xA24BAED4963EE407UL);

    /// <summary>Feature (template, small integer, value hash).</summary>
    public static ulong Mix(int template, int a, ulong b) => Mix(template, (ulong)(uint)a * 0xA24BAED4963EE407UL, b);

    /// <summary>Continues a hash of a token sequence with one more (already lower-cased) token.</summary>
    public static ulong Sequence(ulong h, ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            h = (h ^ c) * Prime;
        }

        return (h ^ 0x1F) * Prime;
    }

    public static ulong SequenceStart => Offset;
}
