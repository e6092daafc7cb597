namespace Parallax.Language.Entities;

/// <summary>64-bit FNV-1a hashes of (feature template, value) pairs; allocation-free. Stable across runs and platforms.</summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Start(int template)
    {
        var h = Offset;
        h = (h ^ (uint)template) * Prime;
        h = (h ^ ((uint)template >> 8)) * Prime;
        return h;
    }

    public static ulong Add(ulong h, ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            h = (h ^ (byte)c) * Prime;
            h = (h ^ (byte)(c >> 8)) * Prime;
        }

        return (h ^ 0x1F) * Prime; // separator so ("ab","c") != ("a","bc")
    }

    public static ulong Add(ulong h, int value)
    {
        h = (h ^ (byte)value) * Prime;
        h = (h ^ (byte)(value >> 8)) * Prime;
        h = (h ^ (byte)(value >> 16)) * Prime;
        return (h ^ 0x1E) * Prime;
    }

    public static ulong Of(int template, ReadOnlySpan<char> value) => Add(Start(template), value);

    public static ulong Of(int template, int value) => Add(Start(template), value);

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Add(Add(Start(template), a), b);
}
