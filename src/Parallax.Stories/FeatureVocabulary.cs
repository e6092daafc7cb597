using System.Runtime.CompilerServices;

namespace Parallax.Stories;

/// <summary>
/// The feature keys of one extractor (and of the clusterer that uses it), each stored once as bytes in an arena and
/// numbered by an integer id: no string or dictionary node per key, so millions of keys cost the garbage collector
/// nothing to mark or copy. Append-only; an id never changes or goes away.
/// <para>A key is kept as its UTF-16 code units, each encoded like UTF-8 encodes a code point (1–3 bytes; surrogates
/// one by one). That encoding is prefix-free and increasing, so comparing two keys' bytes gives exactly the sign of
/// <see cref="string.CompareOrdinal(string, string)"/> on the keys (<see cref="Compare"/>): ordinal key order, used for
/// every tie-break and for the order of <see cref="ArticleFeatures"/> entries, is preserved without strings.</para>
/// <para>Sixteen shards (by key hash), each an open-addressing id table and an arena of 1 MB chunks, each under its own
/// lock for inserts and look-ups; reading a known id (<see cref="Compare"/>, <see cref="KeyOf"/>,
/// <see cref="NamespaceOf"/>) takes no lock. Ids are <c>local index × 16 + shard</c>, so they are dense up to
/// <see cref="IdBound"/> but not numbered in order of arrival; nothing may depend on their values (results depend on
/// key order only). Thread-safe.</para>
/// </summary>
public sealed class FeatureVocabulary
{
    internal const int ShardBits = 4;
    internal const int ShardCount = 1 << ShardBits;
    private readonly Shard[] _shards = new Shard[ShardCount];

    public FeatureVocabulary()
    {
        for (var i = 0; i < ShardCount; i++)
        {
            _shards[i] = new Shard();
        }
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count
    {
        get
        {
            var n = 0;
            foreach (var s in _shards)
            {
                n += Volatile.Read(ref s.Count);
            }

            return n;
        }
    }

    /// <summary>An exclusive upper bound of every id handed out so far (ids are in [0, IdBound)).</summary>
    public int IdBound
    {
        get
        {
            var max = 0;
            foreach (var s in _shards)
            {
                max = Math.Max(max, Volatile.Read(ref s.Count));
            }

            return max << ShardBits;
        }
    }

    /// <summary>Bytes held by the key arenas and id tables (for memory figures).</summary>
    public long ArenaBytes
    {
        get
        {
            long n = 0;
            foreach (var s in _shards)
            {
                lock (s.Lock)
                {
                    n += (long)s.ChunkCount * Shard.ChunkSize + (long)s.Starts.Length * sizeof(int) + (long)s.Table.Length * sizeof(long);
                }
            }

            return n;
        }
    }

    /// <summary>The id of <paramref name="key"/>, adding it when new.</summary>
    public int Intern(ReadOnlySpan<char> key)
    {
        var hash = Hash(key);
        var shard = hash & (ShardCount - 1);
        return _shards[shard].Intern(key, hash, shard);
    }

    /// <summary>The id of <paramref name="key"/>, or false when it was never added.</summary>
    public bool TryGetId(ReadOnlySpan<char> key, out int id)
    {
        var hash = Hash(key);
        return _shards[hash & (ShardCount - 1)].TryGet(key, hash, ShardIndex(hash), out id);
    }

    /// <summary>
    /// Interns keys <c>chars[starts[i] .. starts[i] + lengths[i])</c> for i in [0, n) with their <paramref name="hashes"/>
    /// (<see cref="Hash"/>), writing the ids to <paramref name="ids"/>; takes each shard's lock once.
    /// </summary>
    internal void InternMany(ReadOnlySpan<char> chars, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<int> hashes, Span<int> ids)
    {
        var n = hashes.Length;
        // Keys grouped by shard (a counting sort of positions), then each shard's keys interned under one lock.
        Span<int> from = stackalloc int[ShardCount + 1];
        for (var i = 0; i < n; i++)
        {
            from[(hashes[i] & (ShardCount - 1)) + 1]++;
        }

        for (var s = 0; s < ShardCount; s++)
        {
            from[s + 1] += from[s];
        }

        var pool = System.Buffers.ArrayPool<int>.Shared;
        var members = pool.Rent(n);
        var candidates = pool.Rent(n);
        var entries = System.Buffers.ArrayPool<long>.Shared.Rent(n);
        try
        {
            Span<int> next = stackalloc int[ShardCount];
            from[..ShardCount].CopyTo(next);
            for (var i = 0; i < n; i++)
            {
                members[next[hashes[i] & (ShardCount - 1)]++] = i;
            }

            for (var s = 0; s < ShardCount; s++)
            {
                if (from[s] == from[s + 1])
                {
                    continue;
                }

                var shard = _shards[s];
                lock (shard.Lock)
                {
                    shard.InternLocked(chars, starts, lengths, hashes, ids, members.AsSpan(from[s], from[s + 1] - from[s]), entries, candidates, s);
                }
            }
        }
        finally
        {
            pool.Return(members);
            pool.Return(candidates);
            System.Buffers.ArrayPool<long>.Shared.Return(entries);
        }
    }

    /// <summary>The sign of the ordinal comparison of the keys of <paramref name="a"/> and <paramref name="b"/> (as <see cref="string.CompareOrdinal(string, string)"/>).</summary>
    public int Compare(int a, int b) => a == b ? 0 : Bytes(a).SequenceCompareTo(Bytes(b));

    /// <summary>The first UTF-16 code unit of the key of <paramref name="id"/> (its namespace letter for extractor keys); '\0' for an empty key.</summary>
    public char NamespaceOf(int id)
    {
        var b = Bytes(id);
        if (b.Length == 0)
        {
            return '\0';
        }

        if (b[0] < 0x80)
        {
            return (char)b[0];
        }

        Span<char> one = stackalloc char[b.Length];
        Decode(b, one);
        return one[0];
    }

    /// <summary>The same key's id in <paramref name="other"/> (added there when new); no string is made.</summary>
    internal int InternIn(int id, FeatureVocabulary other)
    {
        var b = Bytes(id);
        var chars = b.Length <= 512 ? stackalloc char[b.Length] : new char[b.Length];
        var n = Decode(b, chars);
        return other.Intern(chars[..n]);
    }

    /// <summary>The key of <paramref name="id"/> as a new string.</summary>
    public string KeyOf(int id)
    {
        var b = Bytes(id);
        var chars = b.Length <= 512 ? stackalloc char[b.Length] : new char[b.Length];
        var n = Decode(b, chars);
        return new string(chars[..n]);
    }

    /// <summary>Hash of a key (deterministic, by code units); its low bits choose the shard.</summary>
    internal static int Hash(ReadOnlySpan<char> key)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        foreach (var c in key)
        {
            h = (h ^ c) * 0x100000001B3UL;
            h ^= h >> 29;
        }

        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 31;
        return (int)h & int.MaxValue;
    }

    private static int ShardIndex(int hash) => hash >> ShardBits;

    private ReadOnlySpan<byte> Bytes(int id) => _shards[id & (ShardCount - 1)].Bytes(id >> ShardBits);

    /// <summary>Encoded length of a key: 1 byte per code unit below 0x80, 2 below 0x800, else 3.</summary>
    private static int EncodedLength(ReadOnlySpan<char> key)
    {
        var n = key.Length;
        foreach (var c in key)
        {
            if (c >= 0x80)
            {
                n += c < 0x800 ? 1 : 2;
            }
        }

        return n;
    }

    private static void Encode(ReadOnlySpan<char> key, Span<byte> into)
    {
        var o = 0;
        foreach (var c in key)
        {
            if (c < 0x80)
            {
                into[o++] = (byte)c;
            }
            else if (c < 0x800)
            {
                into[o++] = (byte)(0xC0 | (c >> 6));
                into[o++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                into[o++] = (byte)(0xE0 | (c >> 12));
                into[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                into[o++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    private static int Decode(ReadOnlySpan<byte> bytes, Span<char> into)
    {
        var n = 0;
        for (var i = 0; i < bytes.Length;)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                into[n++] = (char)b;
                i++;
            }
            else if (b < 0xE0)
            {
                into[n++] = (char)(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            }
            else
            {
                into[n++] = (char)(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
                i += 3;
            }
        }

        return n;
    }

    /// <summary>Equal when the stored bytes encode exactly <paramref name="key"/>.</summary>
    private static bool EncodesKey(ReadOnlySpan<byte> stored, ReadOnlySpan<char> key)
    {
        if (stored.Length < key.Length)
        {
            return false;
        }

        var o = 0;
        foreach (var c in key)
        {
            if (c < 0x80)
            {
                if (o >= stored.Length || stored[o] != c)
                {
                    return false;
                }

                o++;
            }
            else if (c < 0x800)
            {
                if (o + 2 > stored.Length || stored[o] != (byte)(0xC0 | (c >> 6)) || stored[o + 1] != (byte)(0x80 | (c & 0x3F)))
                {
                    return false;
                }

                o += 2;
            }
            else
            {
                if (o + 3 > stored.Length || stored[o] != (byte)(0xE0 | (c >> 12)) || stored[o + 1] != (byte)(0x80 | ((c >> 6) & 0x3F))
                    || stored[o + 2] != (byte)(0x80 | (c & 0x3F)))
                {
                    return false;
                }

                o += 3;
            }
        }

        return o == stored.Length;
    }

    /// <summary>One shard: keys as length-prefixed bytes in 1 MB chunks, local index → start, an open-addressing table of local index + 1.</summary>
    private sealed class Shard
    {
        public const int ChunkBits = 20;
        public const int ChunkSize = 1 << ChunkBits;
        public readonly Lock Lock = new();
        public int Count;
        public int[] Starts = new int[256];
        public long[] Table = new long[512];
        public int ChunkCount;
        private byte[][] _chunks = new byte[4][];
        private int _used = ChunkSize;
        public int Touched; // sink of the length-prefix loads of InternLocked

        public ReadOnlySpan<byte> Bytes(int local) => BytesAt(Volatile.Read(ref Starts)[local]);

        private ReadOnlySpan<byte> BytesAt(int start)
        {
            var chunk = Volatile.Read(ref _chunks)[start >>> ChunkBits];
            var offset = start & (ChunkSize - 1);
            // Length prefix: 7 bits per byte, low groups first, high bit = more.
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = chunk[offset++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while (b >= 0x80);

            return new ReadOnlySpan<byte>(chunk, offset, length);
        }

        public int Intern(ReadOnlySpan<char> key, int hash, int shard)
        {
            lock (Lock)
            {
                return InternLocked(key, hash, shard);
            }
        }

        public bool TryGet(ReadOnlySpan<char> key, int hash, int index, out int id)
        {
            lock (Lock)
            {
                var slot = Find(key, index);
                var local = (int)Table[slot] - 1;
                id = local < 0 ? -1 : (local << ShardBits) | (hash & (ShardCount - 1));
                return local >= 0;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int InternLocked(ReadOnlySpan<char> key, int hash, int shard)
        {
            var slot = Find(key, hash >> ShardBits);
            var local = (int)Table[slot] - 1;
            if (local < 0)
            {
                local = Add(key);
                Table[slot] = ((long)(hash >> ShardBits) << 32) | (uint)(local + 1);
                if (Count * 3 > Table.Length * 2)
                {
                    Grow();
                }
            }

            return (local << ShardBits) | shard;
        }

        /// <summary>The slot holding <paramref name="key"/> or the empty slot where it goes; a slot is (index hash &lt;&lt; 32) | (local + 1), so other keys are passed over without reading their bytes.</summary>
        /// <summary>
        /// Interns the keys at positions <paramref name="members"/> (all of this shard). Memory-level parallelism: the
        /// first table slot of every key is loaded in one pass, the arena start of every tag match in a second, and the
        /// bytes compared in a third, so the cache misses of different keys overlap instead of queueing one after the
        /// other. A key whose first slot is not its own (or is empty) takes the ordinary probe. Caller holds the lock.
        /// </summary>
        public void InternLocked(ReadOnlySpan<char> chars, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths, ReadOnlySpan<int> hashes, Span<int> ids,
            ReadOnlySpan<int> members, long[] entries, int[] candidates, int shard)
        {
            var table = Table;
            var mask = table.Length - 1;
            for (var m = 0; m < members.Length; m++)
            {
                entries[m] = table[(hashes[members[m]] >> ShardBits) & mask];
            }

            var localStarts = Starts;
            for (var m = 0; m < members.Length; m++)
            {
                var entry = entries[m];
                var local = (int)entry - 1;
                if (local >= 0 && (int)(entry >>> 32) == hashes[members[m]] >> ShardBits)
                {
                    candidates[m] = local;
                    entries[m] = localStarts[local];
                }
                else
                {
                    candidates[m] = -1;
                }
            }

            // The first byte (length prefix) of every candidate's stored key, loaded in a pass of its own so these
            // misses overlap too; the comparison below then finds the key's bytes in cache. Reads only.
            var chunks = Volatile.Read(ref _chunks);
            var touched = 0;
            for (var m = 0; m < members.Length; m++)
            {
                if (candidates[m] >= 0)
                {
                    var start = (int)entries[m];
                    touched += chunks[start >>> ChunkBits][start & (ChunkSize - 1)];
                }
            }

            Touched = touched; // kept, so the loads are not removed as unused
            for (var m = 0; m < members.Length; m++)
            {
                var i = members[m];
                var key = chars.Slice(starts[i], lengths[i]);
                ids[i] = candidates[m] >= 0 && EncodesKey(BytesAt((int)entries[m]), key)
                    ? (candidates[m] << ShardBits) | shard
                    : InternLocked(key, hashes[i], shard);
            }
        }

        private int Find(ReadOnlySpan<char> key, int index)
        {
            var table = Table;
            var mask = table.Length - 1;
            var slot = index & mask;
            while (true)
            {
                var entry = table[slot];
                var local = (int)entry - 1;
                if (local < 0 || ((int)(entry >>> 32) == index && EncodesKey(Bytes(local), key)))
                {
                    return slot;
                }

                slot = (slot + 1) & mask;
            }
        }

        private int Add(ReadOnlySpan<char> key)
        {
            var length = EncodedLength(key);
            var prefix = 1;
            for (var l = length >> 7; l > 0; l >>= 7)
            {
                prefix++;
            }

            var size = prefix + length;
            if (ChunkCount == 0 || _used + size > _chunks[ChunkCount - 1].Length)
            {
                if (ChunkCount == _chunks.Length)
                {
                    var grown = new byte[_chunks.Length * 2][];
                    Array.Copy(_chunks, grown, _chunks.Length);
                    Volatile.Write(ref _chunks, grown);
                }

                _chunks[ChunkCount++] = new byte[Math.Max(ChunkSize, size)];
                _used = 0;
            }

            var chunkIndex = ChunkCount - 1;
            var chunk = _chunks[chunkIndex];
            var start = (chunkIndex << ChunkBits) | _used;
            var o = _used;
            var rest = length;
            do
            {
                var b = (byte)(rest & 0x7F);
                rest >>= 7;
                chunk[o++] = rest > 0 ? (byte)(b | 0x80) : b;
            }
            while (rest > 0);

            Encode(key, chunk.AsSpan(o, length));
            _used = o + length;
            var local = Count;
            if (local == Starts.Length)
            {
                var grown = new int[Starts.Length * 2];
                Array.Copy(Starts, grown, Starts.Length);
                Volatile.Write(ref Starts, grown);
            }

            Starts[local] = start;
            Volatile.Write(ref Count, local + 1);
            return local;
        }

        private void Grow()
        {
            var old = Table;
            var table = new long[old.Length * 2];
            var mask = table.Length - 1;
            foreach (var entry in old)
            {
                if (entry == 0)
                {
                    continue;
                }

                var slot = (int)(entry >>> 32) & mask;
                while (table[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                table[slot] = entry;
            }

            Table = table;
        }
    }
}
