using System.Collections.Immutable;
using System.Runtime.Intrinsics;

namespace Parallax.Stories;

/// <summary>
/// MinHash signatures of word k-shingle sets. The hash functions are fixed (derived from <see cref="Seed"/> with
/// SplitMix64), so a signature depends only on the shingle set: equal sets give equal signatures, and the share of
/// equal positions of two signatures is an unbiased estimate of their Jaccard similarity. Immutable, thread-safe.
/// </summary>
public sealed class MinHasher
{
    public const ulong Seed = 0x5EED_0F_9A_11A7UL;

    private readonly ulong[] _salts;

    /// <param name="hashes">Signature length (&gt; 0); 128 by default.</param>
    /// <param name="shingleWords">Words per shingle (&gt; 0); 5 by default.</param>
    public MinHasher(int hashes = 128, int shingleWords = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hashes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shingleWords);
        ShingleWords = shingleWords;
        _salts = new ulong[hashes];
        var state = Seed;
        for (var i = 0; i < hashes; i++)
        {
            _salts[i] = SplitMix(ref state);
        }
    }

    public int Hashes => _salts.Length;

    public int ShingleWords { get; }

    /// <summary>The distinct shingle hashes of <paramref name="words"/> (lowercased words); one shingle of all words when there are fewer than <see cref="ShingleWords"/>.</summary>
    public ImmutableHashSet<ulong> Shingles(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var set = ImmutableHashSet.CreateBuilder<ulong>();
        if (words.Count == 0)
        {
            return set.ToImmutable();
        }

        var k = Math.Min(ShingleWords, words.Count);
        for (var i = 0; i + k <= words.Count; i++)
        {
            set.Add(HashWords(words, i, k));
        }

        return set.ToImmutable();
    }

    /// <summary>The signature of a shingle set; all positions are <see cref="ulong.MaxValue"/> for an empty set.</summary>
    public ImmutableArray<ulong> Signature(IEnumerable<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        return SignatureOf([.. shingles]);
    }

    /// <summary>
    /// The signature of the shingles of <paramref name="words"/>: equal to <c>Signature(Shingles(words as strings))</c>
    /// without a string per word or a set (a minimum does not care about repeats or order). Both overloads apply the
    /// hash functions eight or four at a time with vector instructions where the processor has them.
    /// </summary>
    public ImmutableArray<ulong> Signature(WordSequence words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var k = Math.Min(ShingleWords, words.Count);
        var shingles = new ulong[words.Count == 0 ? 0 : words.Count - k + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            var h = 14695981039346656037UL;
            for (var w = i; w < i + k; w++)
            {
                foreach (var c in words[w])
                {
                    h = (h ^ c) * 1099511628211UL;
                }

                h = (h ^ 0x1F) * 1099511628211UL;
            }

            shingles[i] = Mix(h);
        }

        return SignatureOf(shingles);
    }

    /// <summary>Position i is the minimum of Mix(shingle ^ salt i) over the shingles (<see cref="ulong.MaxValue"/> when there are none).</summary>
    private ImmutableArray<ulong> SignatureOf(ulong[] shingles)
    {
        var sig = new ulong[_salts.Length];
        var i0 = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i0 + 8 <= sig.Length; i0 += 8)
            {
                var salts = Vector512.Create<ulong>(_salts.AsSpan(i0, 8));
                var min = Vector512<ulong>.AllBitsSet;
                foreach (var s in shingles)
                {
                    min = Vector512.Min(min, Mix(Vector512.Create(s) ^ salts));
                }

                min.CopyTo(sig.AsSpan(i0, 8));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i0 + 4 <= sig.Length; i0 += 4)
            {
                var salts = Vector256.Create<ulong>(_salts.AsSpan(i0, 4));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (var s in shingles)
                {
                    min = Vector256.Min(min, Mix(Vector256.Create(s) ^ salts));
                }

                min.CopyTo(sig.AsSpan(i0, 4));
            }
        }

        for (var i = i0; i < sig.Length; i++)
        {
            var min = ulong.MaxValue;
            foreach (var s in shingles)
            {
                var h = Mix(s ^ _salts[i]);
                if (h < min)
                {
                    min = h;
                }
            }

            sig[i] = min;
        }

        return ImmutableCollections.AsImmutable(sig);
    }

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>Share of equal positions, in [0, 1]; the Jaccard estimate.</summary>
    public static double Similarity(ImmutableArray<ulong> a, ImmutableArray<ulong> b)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(a.Length, b.Length);
        if (a.Length == 0)
        {
            return 0;
        }

        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    /// <summary>Exact Jaccard similarity of two sets, in [0, 1] (1 for two empty sets).</summary>
    public static double Jaccard(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var inter = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }

    /// <summary>FNV-1a over the words with a separator, then mixed: a stable 64-bit hash of a word sequence.</summary>
    public static ulong HashWords(IReadOnlyList<string> words, int start, int count)
    {
        var h = 14695981039346656037UL;
        for (var i = start; i < start + count; i++)
        {
            foreach (var c in words[i])
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ 0x1F) * 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>SplitMix64: advances <paramref name="state"/> and returns its next well-mixed value (also the distributional vectors' index generator).</summary>
    internal static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// Locality-sensitive hashing over MinHash signatures: <c>bands × rows</c> positions; two signatures are candidates
/// when all rows of at least one band agree (probability 1 − (1 − J^rows)^bands for Jaccard J). Deterministic:
/// candidates come back in insertion order. Not thread-safe for writes.
/// </summary>
public sealed class LshIndex
{
    private readonly int _bands;
    private readonly int _rows;
    // Buckets as chains (no list object per bucket, most hold one signature): the last node of each (band, key), and per
    // node (one per signature and band) its signature's insertion index and the bucket's previous node (-1 at the end).
    private readonly Dictionary<(int Band, ulong Key), int> _heads = [];
    private int[] _nodeIndex = new int[256];
    private int[] _nodeNext = new int[256];
    private int _nodes;
    private readonly List<string> _ids = [];

    public LshIndex(int bands = 32, int rows = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bands);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        _bands = bands;
        _rows = rows;
    }

    /// <summary>Number of signatures added.</summary>
    public int Count => _ids.Count;

    /// <summary>Jaccard similarity at which a pair becomes a candidate with probability about 1/2: (1/bands)^(1/rows).</summary>
    public double Threshold => Math.Pow(1.0 / _bands, 1.0 / _rows);

    /// <summary>Ids already added that share a band with <paramref name="signature"/>, each once, in insertion order.</summary>
    public IReadOnlyList<string> Candidates(ImmutableArray<ulong> signature)
    {
        List<int>? found = null;
        foreach (var key in Keys(signature))
        {
            if (_heads.TryGetValue(key, out var node))
            {
                for (; node >= 0; node = _nodeNext[node])
                {
                    (found ??= []).Add(_nodeIndex[node]);
                }
            }
        }

        if (found is null)
        {
            return [];
        }

        found.Sort();
        var result = new List<string>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (i == 0 || found[i] != found[i - 1])
            {
                result.Add(_ids[found[i]]);
            }
        }

        return result;
    }

    public void Add(string id, ImmutableArray<ulong> signature)
    {
        var index = _ids.Count;
        _ids.Add(id);
        foreach (var key in Keys(signature))
        {
            if (_nodes == _nodeIndex.Length)
            {
                Array.Resize(ref _nodeIndex, _nodes * 2);
                Array.Resize(ref _nodeNext, _nodes * 2);
            }

            ref var head = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_heads, key, out var exists);
            _nodeIndex[_nodes] = index;
            _nodeNext[_nodes] = exists ? head : -1;
            head = _nodes++;
        }
    }

    private IEnumerable<(int Band, ulong Key)> Keys(ImmutableArray<ulong> signature)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(signature.Length, _bands * _rows);
        for (var b = 0; b < _bands; b++)
        {
            var h = 14695981039346656037UL;
            for (var r = 0; r < _rows; r++)
            {
                h = (h ^ signature[b * _rows + r]) * 1099511628211UL;
            }

            yield return (b, h);
        }
    }
}
