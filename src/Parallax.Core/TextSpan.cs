namespace Parallax.Core;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in one immutable text.
/// <see cref="End"/> is the index of the first character after the span. Validated on construction:
/// <c>0 &lt;= Start &lt;= End</c>.
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    /// <summary>Index of the first character (inclusive).</summary>
    public int Start { get; }

    /// <summary>Index of the first character after the span (exclusive).</summary>
    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => Start == End;

    public static TextSpan FromLength(int start, int length) => new(start, start + length);

    public bool Contains(int index) => index >= Start && index < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>The characters this span points at; throws when the span does not fit <paramref name="text"/>.</summary>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(End, text.Length);
        return text.Substring(Start, Length);
    }

    public bool FitsIn(string text) => End <= text.Length;

    public override string ToString() => $"[{Start}, {End})";
}
