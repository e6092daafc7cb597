using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// The trained weights of the entity tagger: for each feature hash, one weight per tag (<see cref="NerTags"/>), plus the
/// casing profile of words. Immutable and thread-safe once loaded.
/// File format (gzip): magic <c>PXNER3</c>, tag count, casing profile (count, then UTF-8 word + 1-byte bucket, by word),
/// features (count, then per feature: 8-byte hash, tag count × float32), all little-endian, features in ascending hash order.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "PXNER3";
    private const int Stride = 8; // 7 tag weights, padded

    // open addressing: _keys[slot] (0 = empty) and _rows[slot]; weights are dense, row * Stride; capacity a power of
    // two, load <= 3/4. Keeps the probed arrays small enough to stay in cache.
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly float[] _weights;
    private readonly int _mask;
    private readonly ulong[] _sortedKeys;

    internal NerModel(IReadOnlyDictionary<ulong, float[]> weights, IReadOnlyDictionary<string, byte> caseProfile)
    {
        _sortedKeys = [.. weights.Keys.Order()];
        var capacity = 16;
        while (capacity * 3 < _sortedKeys.Length * 4)
        {
            capacity <<= 1;
        }

        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _weights = new float[_sortedKeys.Length * Stride];
        _mask = capacity - 1;
        for (var row = 0; row < _sortedKeys.Length; row++)
        {
            var key = _sortedKeys[row];
            var k = key == 0 ? 1UL : key;
            var slot = (int)(k & (ulong)_mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = k;
            _rows[slot] = row;
            weights[key].AsSpan(0, NerTags.Count).CopyTo(_weights.AsSpan(row * Stride));
        }

        CaseProfile = caseProfile.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private int Find(ulong key)
    {
        var k = key == 0 ? 1UL : key;
        var slot = (int)(k & (ulong)_mask);
        while (true)
        {
            var at = _keys[slot];
            if (at == k)
            {
                return _rows[slot];
            }

            if (at == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The lower-case lexicon (word → 1) of the training text; see <see cref="NerFeatures.CaseProfile"/>.</summary>
    public FrozenDictionary<string, byte> CaseProfile { get; }

    public int FeatureCount => _sortedKeys.Length;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length = tag count).</summary>
    public void Score(List<ulong> features, Span<float> scores)
    {
        foreach (var f in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features))
        {
            var row = Find(f);
            if (row >= 0)
            {
                var w = _weights.AsSpan(row * Stride, NerTags.Count);
                for (var t = 0; t < w.Length; t++)
                {
                    scores[t] += w[t];
                }
            }
        }
    }

    private ReadOnlySpan<float> WeightsOf(ulong key) => _weights.AsSpan(Find(key) * Stride, NerTags.Count);

    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(NerTags.Count);
        var vocab = CaseProfile.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        w.Write(vocab.Length);
        foreach (var (word, bucket) in vocab)
        {
            w.Write(word);
            w.Write(bucket);
        }

        w.Write(_sortedKeys.Length);
        foreach (var key in _sortedKeys)
        {
            w.Write(key);
            foreach (var x in WeightsOf(key))
            {
                w.Write(x);
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> on a malformed file.</summary>
    public static NerModel Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(gz, Encoding.UTF8);
        var magic = Encoding.ASCII.GetString(r.ReadBytes(Magic.Length));
        if (magic != Magic || r.ReadInt32() != NerTags.Count)
        {
            throw new InvalidDataException("PX0502: not a Parallax NER model (bad magic or tag count).");
        }

        var vocabCount = r.ReadInt32();
        var vocab = new Dictionary<string, byte>(vocabCount, StringComparer.Ordinal);
        for (var i = 0; i < vocabCount; i++)
        {
            var word = r.ReadString();
            vocab[word] = r.ReadByte();
        }

        var count = r.ReadInt32();
        var weights = new Dictionary<ulong, float[]>(count);
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadUInt64();
            var w = new float[NerTags.Count];
            for (var t = 0; t < w.Length; t++)
            {
                w[t] = r.ReadSingle();
            }

            weights[key] = w;
        }

        return new NerModel(weights, vocab);
    }
}
