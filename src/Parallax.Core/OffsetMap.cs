using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>
/// One run of characters copied verbatim: <c>clean[CleanStart .. CleanStart+Length) == raw[RawStart .. RawStart+Length)</c>.
/// </summary>
public readonly record struct OffsetSegment(int CleanStart, int RawStart, int Length)
{
    public int CleanEnd => CleanStart + Length;
    public int RawEnd => RawStart + Length;
}

/// <summary>
/// Maps offsets of a derived (cleaned) text back to the text it was derived from. The derived text consists of
/// copied segments (listed here, in increasing order of both offsets) and inserted characters (separators such as
/// a newline between kept paragraphs) that map to the raw position of the next copied character. Immutable and
/// thread-safe.
/// </summary>
public sealed class OffsetMap
{
    private readonly OffsetSegment[] _segments;

    public OffsetMap(IEnumerable<OffsetSegment> segments, int cleanLength, int rawLength)
    {
        ArgumentNullException.ThrowIfNull(segments);
        _segments = segments.Where(s => s.Length > 0).ToArray();
        CleanLength = cleanLength;
        RawLength = rawLength;
        for (var i = 0; i < _segments.Length; i++)
        {
            var s = _segments[i];
            if (s.CleanStart < 0 || s.RawStart < 0 || s.CleanEnd > cleanLength || s.RawEnd > rawLength)
            {
                throw new ArgumentException($"Segment {s} does not fit clean length {cleanLength} / raw length {rawLength}.", nameof(segments));
            }

            if (i > 0 && (s.CleanStart < _segments[i - 1].CleanEnd || s.RawStart < _segments[i - 1].RawEnd))
            {
                throw new ArgumentException("Segments must be ordered and non-overlapping.", nameof(segments));
            }
        }
    }

    /// <summary>The identity map of a text onto itself.</summary>
    public static OffsetMap Identity(int length) => new([new OffsetSegment(0, 0, length)], length, length);

    public ImmutableArray<OffsetSegment> Segments => [.. _segments];

    public int CleanLength { get; }

    public int RawLength { get; }

    /// <summary>
    /// The raw offset of clean offset <paramref name="cleanOffset"/> (0..CleanLength inclusive). Inside a copied
    /// segment it is exact; an inserted character maps to the start of the next copied segment (or RawLength).
    /// </summary>
    public int ToRaw(int cleanOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cleanOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cleanOffset, CleanLength);
        var i = FindByClean(cleanOffset);
        if (i >= 0)
        {
            var s = _segments[i];
            return s.RawStart + (cleanOffset - s.CleanStart);
        }

        var next = ~i;
        if (next > 0 && _segments[next - 1].CleanEnd == cleanOffset)
        {
            // The end of a segment maps to just after its last raw character.
            return _segments[next - 1].RawEnd;
        }

        return next < _segments.Length ? _segments[next].RawStart : RawLength;
    }

    /// <summary>
    /// The raw span covering clean span <paramref name="span"/>: from the raw position of its first character to just
    /// after the raw position of its last character. An empty span maps to an empty raw span.
    /// </summary>
    public TextSpan ToRaw(TextSpan span)
    {
        if (span.IsEmpty)
        {
            var p = ToRaw(span.Start);
            return new TextSpan(p, p);
        }

        var start = ToRaw(span.Start);
        var lastIndex = FindByClean(span.End - 1);
        var end = lastIndex >= 0
            ? _segments[lastIndex].RawStart + (span.End - 1 - _segments[lastIndex].CleanStart) + 1
            : ToRaw(span.End);
        return new TextSpan(start, Math.Max(start, end));
    }

    /// <summary>The clean offset of raw offset <paramref name="rawOffset"/>, or null when that raw character was removed.</summary>
    public int? ToClean(int rawOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rawOffset);
        int lo = 0, hi = _segments.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = _segments[mid];
            if (rawOffset < s.RawStart)
            {
                hi = mid - 1;
            }
            else if (rawOffset >= s.RawEnd)
            {
                lo = mid + 1;
            }
            else
            {
                return s.CleanStart + (rawOffset - s.RawStart);
            }
        }

        return null;
    }

    /// <summary>Index of the segment containing clean offset, or the bitwise complement of the next segment's index.</summary>
    private int FindByClean(int cleanOffset)
    {
        int lo = 0, hi = _segments.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = _segments[mid];
            if (cleanOffset < s.CleanStart)
            {
                hi = mid - 1;
            }
            else if (cleanOffset >= s.CleanEnd)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return ~lo;
    }

    /// <summary>Composes this map (clean→mid) with <paramref name="inner"/> (mid→raw) into clean→raw.</summary>
    public OffsetMap Compose(OffsetMap inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var result = new List<OffsetSegment>();
        foreach (var s in _segments)
        {
            var cleanPos = s.CleanStart;
            var midPos = s.RawStart;
            var remaining = s.Length;
            while (remaining > 0)
            {
                var i = inner.FindByClean(midPos);
                if (i < 0)
                {
                    // Characters inserted by the inner map: skip them (they have no raw counterpart).
                    var next = ~i;
                    var skipTo = next < inner._segments.Length ? inner._segments[next].CleanStart : midPos + remaining;
                    var skip = Math.Min(remaining, skipTo - midPos);
                    cleanPos += skip;
                    midPos += skip;
                    remaining -= skip;
                    continue;
                }

                var seg = inner._segments[i];
                var take = Math.Min(remaining, seg.CleanEnd - midPos);
                result.Add(new OffsetSegment(cleanPos, seg.RawStart + (midPos - seg.CleanStart), take));
                cleanPos += take;
                midPos += take;
                remaining -= take;
            }
        }

        return new OffsetMap(Merge(result), CleanLength, inner.RawLength);
    }

    private static IEnumerable<OffsetSegment> Merge(List<OffsetSegment> segments)
    {
        OffsetSegment? current = null;
        foreach (var s in segments)
        {
            if (current is { } c && c.CleanEnd == s.CleanStart && c.RawEnd == s.RawStart)
            {
                current = c with { Length = c.Length + s.Length };
            }
            else
            {
                if (current is { } done)
                {
                    yield return done;
                }

                current = s;
            }
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}

/// <summary>Builds a derived text by copying runs of a raw text and inserting separators, recording the map.</summary>
public sealed class OffsetMapBuilder
{
    private readonly string _raw;
    private readonly System.Text.StringBuilder _clean = new();
    private readonly List<OffsetSegment> _segments = [];

    public OffsetMapBuilder(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        _raw = raw;
    }

    public int Length => _clean.Length;

    /// <summary>Copies <c>raw[span]</c> verbatim.</summary>
    public OffsetMapBuilder Copy(TextSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(span.End, _raw.Length);
        if (span.IsEmpty)
        {
            return this;
        }

        if (_segments.Count > 0)
        {
            var last = _segments[^1];
            if (last.CleanEnd == _clean.Length && last.RawEnd == span.Start)
            {
                _segments[^1] = last with { Length = last.Length + span.Length };
                _clean.Append(_raw, span.Start, span.Length);
                return this;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(span.Start, last.RawEnd);
        }

        _segments.Add(new OffsetSegment(_clean.Length, span.Start, span.Length));
        _clean.Append(_raw, span.Start, span.Length);
        return this;
    }

    /// <summary>Inserts characters that are not in the raw text (e.g. a paragraph separator).</summary>
    public OffsetMapBuilder Insert(string text)
    {
        _clean.Append(text);
        return this;
    }

    public bool EndsWith(char c) => _clean.Length > 0 && _clean[^1] == c;

    public (string Text, OffsetMap Map) Build()
    {
        var text = _clean.ToString();
        return (text, new OffsetMap(_segments, text.Length, _raw.Length));
    }
}
