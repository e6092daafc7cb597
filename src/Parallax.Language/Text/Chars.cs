namespace Parallax.Language.Text;

/// <summary>
/// <c>All</c>/<c>Any</c> over the characters of a string from an index on, as plain loops: the same answers as
/// <c>w.Skip(from).All(p)</c> / <c>w.Skip(from).Any(p)</c> without the enumerator LINQ allocates per call (the predicates
/// passed are static method groups or lambdas without captures, whose delegates the compiler caches).
/// </summary>
internal static class Chars
{
    /// <summary>Whether every character of <paramref name="w"/> from <paramref name="from"/> on satisfies <paramref name="p"/> (true when there are none).</summary>
    public static bool All(string w, Func<char, bool> p, int from = 0)
    {
        for (var k = from; k < w.Length; k++)
        {
            if (!p(w[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether some character of <paramref name="w"/> from <paramref name="from"/> on satisfies <paramref name="p"/>.</summary>
    public static bool Any(string w, Func<char, bool> p, int from = 0)
    {
        for (var k = from; k < w.Length; k++)
        {
            if (p(w[k]))
            {
                return true;
            }
        }

        return false;
    }
}
