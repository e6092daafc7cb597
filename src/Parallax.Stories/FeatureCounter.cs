namespace Parallax.Stories;

/// <summary>
/// The weighted feature counts of one article while it is extracted: keys are copied into one character buffer and
/// found through an open-addressing table by their characters (no string per key). <see cref="ToFeatures"/> sorts the
/// keys ordinally (by their characters) and interns them all in the vocabulary, each shard's lock taken once. Reused
/// across articles (<see cref="Reset"/>); one article at a time, not thread-safe.
/// </summary>
internal sealed class FeatureCounter
{
    private char[] _chars = new char[16 * 1024];
    private int _charsUsed;
    private int[] _starts = new int[1024];
    private int[] _lengths = new int[1024];
    private int[] _hashes = new int[1024];
    private double[] _values = new double[1024];
    // Per key: its first 8 bytes in the vocabulary's encoding, big-endian, zero-padded (see ToFeatures).
    private ulong[] _prefixes = new ulong[1024];
    // Scratch of ToFeatures, reused.
    private ulong[] _sortPrefixes = new ulong[1024];
    private int[] _sortedStarts = new int[1024];
    private int[] _sortedLengths = new int[1024];
    private int[] _sortedHashes = new int[1024];
    private double[] _sortedCounts = new double[1024];
    private char[] _sortedSpaces = new char[1024];
    private int[] _table = new int[4096];
    private int _count;

    public int Count => _count;

    public void Reset()
    {
        if (_count > 0)
        {
            Array.Clear(_table);
        }

        _count = 0;
        _charsUsed = 0;
    }

    /// <summary>Adds <paramref name="weight"/> to <paramref name="key"/> (a new key starts at 0).</summary>
    public void Add(string key, double weight)
    {
        key.CopyTo(Reserve(key.Length));
        Commit(key.Length, weight);
    }

    /// <summary>Adds <paramref name="weight"/> to the key <paramref name="prefix"/> + <paramref name="a"/> (a new key starts at 0).</summary>
    public void Add(string prefix, ReadOnlySpan<char> a, double weight)
    {
        var length = prefix.Length + a.Length;
        var buffer = Reserve(length);
        prefix.CopyTo(buffer);
        a.CopyTo(buffer[prefix.Length..]);
        Commit(length, weight);
    }

    /// <summary>Adds <paramref name="weight"/> to the key <paramref name="prefix"/> + <paramref name="a"/> + <paramref name="separator"/> + <paramref name="b"/>.</summary>
    public void Add(string prefix, ReadOnlySpan<char> a, char separator, ReadOnlySpan<char> b, double weight)
    {
        var length = prefix.Length + a.Length + 1 + b.Length;
        var buffer = Reserve(length);
        prefix.CopyTo(buffer);
        a.CopyTo(buffer[prefix.Length..]);
        buffer[prefix.Length + a.Length] = separator;
        b.CopyTo(buffer[(prefix.Length + a.Length + 1)..]);
        Commit(length, weight);
    }

    /// <summary>Adds <paramref name="weight"/> to the key <paramref name="prefix"/> + <paramref name="a"/> + " " + <paramref name="b"/> + " " + <paramref name="c"/>.</summary>
    public void Add(string prefix, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c, double weight)
    {
        var length = prefix.Length + a.Length + 1 + b.Length + 1 + c.Length;
        var buffer = Reserve(length);
        prefix.CopyTo(buffer);
        var o = prefix.Length;
        a.CopyTo(buffer[o..]);
        o += a.Length;
        buffer[o++] = ' ';
        b.CopyTo(buffer[o..]);
        o += b.Length;
        buffer[o++] = ' ';
        c.CopyTo(buffer[o..]);
        Commit(length, weight);
    }

    /// <summary>The counts in ordinal key order, keys interned in <paramref name="vocabulary"/>.</summary>
    public ArticleFeatures ToFeatures(string articleId, FeatureVocabulary vocabulary, DateOnly? published, int words, byte weekdays = 0, LeadEvent? leadEvent = null, ulong actions = 0)
    {
        var n = _count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var chars = _chars;
        var starts = _starts;
        var lengths = _lengths;
        // Ordinal order in two steps: a primitive sort by the 8-byte prefix (the encoding is order-preserving, so a
        // smaller prefix means a smaller key), then each run of equal prefixes by full comparison. Keys are unique,
        // so the order is total and the unstable sorts are deterministic.
        EnsureScratch(n);
        var prefixes = _sortPrefixes;
        Array.Copy(_prefixes, prefixes, n);
        Array.Sort(prefixes, order, 0, n);
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && prefixes[j] == prefixes[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(order, i, j - i, Comparer<int>.Create((x, y) => chars.AsSpan(starts[x], lengths[x]).SequenceCompareTo(chars.AsSpan(starts[y], lengths[y]))));
            }

            i = j;
        }

        var sortedStarts = _sortedStarts;
        var sortedLengths = _sortedLengths;
        var sortedHashes = _sortedHashes;
        var counts = _sortedCounts;
        for (var i = 0; i < n; i++)
        {
            var k = order[i];
            sortedStarts[i] = starts[k];
            sortedLengths[i] = lengths[k];
            sortedHashes[i] = _hashes[k];
            counts[i] = _values[k];
            _sortedSpaces[i] = lengths[k] > 0 ? chars[starts[k]] : '\0';
        }

        // order is reused as the id array (no longer needed as an order).
        vocabulary.InternMany(chars.AsSpan(0, _charsUsed), sortedStarts.AsSpan(0, n), sortedLengths.AsSpan(0, n), sortedHashes.AsSpan(0, n), order);
        return new ArticleFeatures(articleId, vocabulary, order, counts.AsSpan(0, n), _sortedSpaces.AsSpan(0, n), published, words) { StatedWeekdays = weekdays, LeadEvent = leadEvent, HeadlineActions = actions };
    }

    private void EnsureScratch(int n)
    {
        if (_sortPrefixes.Length < n)
        {
            _sortPrefixes = new ulong[n];
            _sortedStarts = new int[n];
            _sortedLengths = new int[n];
            _sortedHashes = new int[n];
            _sortedCounts = new double[n];
            _sortedSpaces = new char[n];
        }
    }

    /// <summary>The first 8 bytes of the key in <see cref="FeatureVocabulary"/>'s encoding (UTF-8 style per code unit), big-endian, zero-padded.</summary>
    private static ulong Prefix(ReadOnlySpan<char> key)
    {
        ulong p = 0;
        var bytes = 0;
        foreach (var c in key)
        {
            if (c < 0x80)
            {
                Push(ref p, ref bytes, c);
            }
            else if (c < 0x800)
            {
                Push(ref p, ref bytes, (uint)(0xC0 | (c >> 6)));
                Push(ref p, ref bytes, (uint)(0x80 | (c & 0x3F)));
            }
            else
            {
                Push(ref p, ref bytes, (uint)(0xE0 | (c >> 12)));
                Push(ref p, ref bytes, (uint)(0x80 | ((c >> 6) & 0x3F)));
                Push(ref p, ref bytes, (uint)(0x80 | (c & 0x3F)));
            }

            if (bytes == 8)
            {
                return p;
            }
        }

        return p << (8 * (8 - bytes));

        static void Push(ref ulong p, ref int bytes, uint b)
        {
            if (bytes < 8)
            {
                p = (p << 8) | b;
                bytes++;
            }
        }
    }

    private Span<char> Reserve(int length)
    {
        if (_charsUsed + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_charsUsed + length, _chars.Length * 2));
        }

        return _chars.AsSpan(_charsUsed, length);
    }

    /// <summary>Counts the key just written by <see cref="Reserve"/>: keeps its characters when new, else forgets them.</summary>
    private void Commit(int length, double weight)
    {
        var key = _chars.AsSpan(_charsUsed, length);
        var hash = FeatureVocabulary.Hash(key);
        var mask = _table.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var k = _table[slot] - 1;
            if (k < 0)
            {
                break;
            }

            if (_hashes[k] == hash && _chars.AsSpan(_starts[k], _lengths[k]).SequenceEqual(key))
            {
                _values[k] += weight;
                return;
            }

            slot = (slot + 1) & mask;
        }

        var index = _count;
        if (index == _starts.Length)
        {
            Array.Resize(ref _starts, index * 2);
            Array.Resize(ref _lengths, index * 2);
            Array.Resize(ref _hashes, index * 2);
            Array.Resize(ref _values, index * 2);
            Array.Resize(ref _prefixes, index * 2);
        }

        _starts[index] = _charsUsed;
        _lengths[index] = length;
        _hashes[index] = hash;
        _values[index] = 0 + weight;
        _prefixes[index] = Prefix(key);
        _charsUsed += length;
        _count++;
        _table[slot] = index + 1;
        if (_count * 2 > _table.Length)
        {
            Rehash();
        }
    }

    private void Rehash()
    {
        _table = new int[_table.Length * 2];
        var mask = _table.Length - 1;
        for (var k = 0; k < _count; k++)
        {
            var slot = _hashes[k] & mask;
            while (_table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _table[slot] = k + 1;
        }
    }
}
