using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parallax.Stories;

/// <summary>
/// The lowercased words of a text for duplicate detection: the matches of <c>[\p{L}\p{N}]+</c>, each lowercased with
/// the invariant culture, kept in one buffer joined by single spaces (no string per word). Equal to
/// <c>Regex.Matches(text, @"[\p{L}\p{N}]+").Select(m =&gt; m.Value.ToLowerInvariant())</c> (tested on real corpora).
/// Immutable after construction; thread-safe to read.
/// </summary>
public sealed class WordSequence
{
    private readonly char[] _chars;
    private readonly int _length;
    private readonly int[] _starts;
    private readonly int[] _ends;

    private WordSequence(char[] chars, int length, int[] starts, int[] ends, int count)
    {
        _chars = chars;
        _length = length;
        _starts = starts;
        _ends = ends;
        Count = count;
    }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>Word <paramref name="index"/> (0-based, lowercased).</summary>
    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _ends[index] - _starts[index]);

    /// <summary>The words joined by single spaces.</summary>
    public ReadOnlySpan<char> Joined => _chars.AsSpan(0, _length);

    /// <summary>Reads the words of <paramref name="text"/>.</summary>
    public static WordSequence Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = new char[text.Length];
        var starts = new int[Math.Max(16, text.Length / 5)];
        var ends = new int[starts.Length];
        var count = 0;
        var o = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            if (count == starts.Length)
            {
                Array.Resize(ref starts, starts.Length * 2);
                Array.Resize(ref ends, starts.Length);
            }

            if (count > 0)
            {
                chars[o++] = ' ';
            }

            starts[count] = o;
            while (i < text.Length && IsWordChar(text[i]))
            {
                chars[o++] = char.ToLowerInvariant(text[i]);
                i++;
            }

            ends[count++] = o;
        }

        return new WordSequence(chars, o, starts, ends, count);
    }

    /// <summary>SHA-256 (lowercase hex) of the UTF-8 of <see cref="Joined"/>: the exact-duplicate key.</summary>
    public string ExactHash()
    {
        // The UTF-8 bytes in a pooled buffer (hashed, never kept): the same digest without a new array per article.
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_length));
        try
        {
            var n = Encoding.UTF8.GetBytes(Joined, bytes);
            return Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, n)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The characters of <c>[\p{L}\p{N}]</c>: letters (Lu, Ll, Lt, Lm, Lo) and numbers (Nd, Nl, No), one UTF-16 unit at a time as .NET regexes test them.</summary>
    private static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
