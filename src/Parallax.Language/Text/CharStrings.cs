namespace Parallax.Language.Text;

/// <summary>
/// One shared string per ASCII character, so the one-character tokens of the lexers (punctuation, "a", digits) cost no
/// allocation. The strings are equal to <c>c.ToString()</c>; outside ASCII a new string is made as before.
/// </summary>
internal static class CharStrings
{
    private static readonly string[] _ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>The string of the single character <paramref name="c"/>.</summary>
    public static string Of(char c) => c < 128 ? _ascii[c] : c.ToString();

    /// <summary><c>text[start..end]</c>, shared when it is one ASCII character.</summary>
    public static string Slice(string text, int start, int end) => end - start == 1 ? Of(text[start]) : text[start..end];
}
