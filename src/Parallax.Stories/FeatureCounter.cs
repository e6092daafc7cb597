namespace Parallax.Stories;

/// <summary>
/// The weighted feature counts of one article while it is extracted: keys are looked up by characters (no string is
/// made for a key the article already has or that the extractor has seen before) and interned in the extractor's
/// table. <see cref="ToSorted"/> gives the counts in ordinal key order. One per extraction; not thread-safe (the intern
/// table is).
/// </summary>
internal sealed class FeatureCounter
{
    private readonly KeyInterner _intern;
    private readonly Dictionary<string, int> _slots;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _slotsBySpan;
    private readonly List<string> _keys;
    private readonly List<double> _values;
    private char[] _buffer = new char[64];

    public FeatureCounter(KeyInterner intern, int capacity = 256)
    {
        _intern = intern;
        _slots = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _slotsBySpan = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
        _keys = new List<string>(capacity);
        _values = new List<double>(capacity);
    }

    public int Count => _keys.Count;

    /// <summary>Adds <paramref name="weight"/> to <paramref name="key"/> (a new key starts at 0).</summary>
    public void Add(string key, double weight) => Add(key.AsSpan(), weight, key);

    /// <summary>Adds <paramref name="weight"/> to the key <paramref name="prefix"/> + <paramref name="a"/> (a new key starts at 0).</summary>
    public void Add(string prefix, ReadOnlySpan<char> a, double weight)
    {
        var length = prefix.Length + a.Length;
        var buffer = Buffer(length);
        prefix.CopyTo(buffer);
        a.CopyTo(buffer.AsSpan(prefix.Length));
        Add(buffer.AsSpan(0, length), weight, null);
    }

    /// <summary>Adds <paramref name="weight"/> to the key <paramref name="prefix"/> + <paramref name="a"/> + <paramref name="separator"/> + <paramref name="b"/>.</summary>
    public void Add(string prefix, ReadOnlySpan<char> a, char separator, ReadOnlySpan<char> b, double weight)
    {
        var length = prefix.Length + a.Length + 1 + b.Length;
        var buffer = Buffer(length);
        prefix.CopyTo(buffer);
        a.CopyTo(buffer.AsSpan(prefix.Length));
        buffer[prefix.Length + a.Length] = separator;
        b.CopyTo(buffer.AsSpan(prefix.Length + a.Length + 1));
        Add(buffer.AsSpan(0, length), weight, null);
    }

    /// <summary>The counts in ordinal key order, keys interned.</summary>
    public KeyValuePair<string, double>[] ToSorted()
    {
        var sorted = new KeyValuePair<string, double>[_keys.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = new KeyValuePair<string, double>(_keys[i], _values[i]);
        }

        Array.Sort(sorted, (x, y) => string.CompareOrdinal(x.Key, y.Key));
        return sorted;
    }

    private char[] Buffer(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new char[Math.Max(length, _buffer.Length * 2)];
        }

        return _buffer;
    }

    private void Add(ReadOnlySpan<char> key, double weight, string? made)
    {
        if (_slotsBySpan.TryGetValue(key, out var slot))
        {
            _values[slot] += weight;
            return;
        }

        var interned = _intern.Intern(key, made);
        _slots.Add(interned, _keys.Count);
        _keys.Add(interned);
        _values.Add(0 + weight);
    }
}
