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
    // PXNER4: PXNER3 with, after the tag count, the beam width (int32) and the casing classes (count, then UTF-8 word +
    // 1-byte class, by word); written only for models with a beam > 1 or casing classes, so other models keep their PXNER3 bytes.
    private const string BeamMagic = "PXNER4";

    // Open addressing over one array of (key, row) entries (key 0 = empty): a probe reads the key and the row from the
    // same cache line. Capacity is a power of two with load <= 3/8, so a miss (most features of a news text are not in the
    // model) ends after one or two probes. _tags holds 16 bits of each slot's key (0 = empty; a key whose bits are 0 is
    // stored as 1): probes read this small array first and touch an entry only when those bits match, so misses stay in
    // cache. Weights are dense, row * Stride, the padding lane 0.
    private readonly Entry[] _entries;
    private readonly ushort[] _tags;
    private readonly float[] _weights;
    private readonly int _mask;
    private readonly ulong[] _sortedKeys;

    private struct Entry
    {
        public ulong Key;
        public int Row;
    }

    internal NerModel(IReadOnlyDictionary<ulong, float[]> weights, IReadOnlyDictionary<string, byte> caseProfile, int beam = 1, IReadOnlyDictionary<string, byte>? casingClasses = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beam, 1);
        Beam = beam;
        CasingClasses = (casingClasses ?? new Dictionary<string, byte>()).ToFrozenDictionary(StringComparer.Ordinal);
        _sortedKeys = [.. weights.Keys.Order()];
        var capacity = 16;
        while (capacity * 3 < _sortedKeys.Length * 8)
        {
            capacity <<= 1;
        }

        _entries = new Entry[capacity];
        _tags = new ushort[capacity];
        _weights = new float[_sortedKeys.Length * Stride];
        _mask = capacity - 1;
        for (var row = 0; row < _sortedKeys.Length; row++)
        {
            var key = _sortedKeys[row];
            var k = key == 0 ? 1UL : key;
            var slot = (int)(k & (ulong)_mask);
            while (_entries[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry { Key = k, Row = row };
            _tags[slot] = TagOf(k);
            weights[key].AsSpan(0, NerTags.Count).CopyTo(_weights.AsSpan(row * Stride));
        }

        CaseProfile = caseProfile.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ushort TagOf(ulong key) => (ushort)(key >> 48) is var t && t != 0 ? t : (ushort)1;

    private int Find(ulong key)
    {
        var k = key == 0 ? 1UL : key;
        var tag = TagOf(k);
        var tags = _tags;
        var slot = (int)(k & (ulong)_mask);
        while (true)
        {
            var at = tags[slot];
            if (at == tag && _entries[slot].Key == k)
            {
                return _entries[slot].Row;
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

    /// <summary>How often each lower-cased word is capitalised inside sentences of open unlabelled text (class 1..5, see
    /// <see cref="NerFeatures.CasingClasses"/>); empty for models trained without such text.</summary>
    public FrozenDictionary<string, byte> CasingClasses { get; }

    private bool Extended => Beam > 1 || CasingClasses.Count > 0;

    /// <summary>Beam width the model was trained with and is decoded with (<see cref="NerTagger"/>); 1 = greedy left to right.</summary>
    public int Beam { get; }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length = tag count).</summary>
    public void Score(List<ulong> features, Span<float> scores) => Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), scores);

    /// <summary>
    /// Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length = tag count), feature by feature
    /// in the given order (float sums depend on the order: the same order gives the same bits).
    /// </summary>
    internal void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (scores.Length >= Stride)
        {
            Score8(features, scores);
            return;
        }

        Span<float> sum = stackalloc float[Stride];
        scores[..NerTags.Count].CopyTo(sum);
        Score8(features, sum);
        sum[..NerTags.Count].CopyTo(scores);
    }

    /// <summary>
    /// <see cref="Score(ReadOnlySpan{ulong}, Span{float})"/> on a <see cref="Stride"/>-float sum: one 8-lane vector add per
    /// feature (lane-wise IEEE single additions, the same bits as 7 scalar additions; the padding lane adds 0).
    /// </summary>
    internal void Score8(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        ref var acc = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(scores[..Stride]);
        var sum = System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref acc);
        ref var weights = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_weights);
        foreach (var f in features)
        {
            var row = Find(f);
            if (row >= 0)
            {
                sum += System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref weights, (nuint)(row * Stride));
            }
        }

        System.Runtime.Intrinsics.Vector256.StoreUnsafe(sum, ref acc);
    }

    /// <summary>Floats per score vector in <see cref="Score8"/>: the tag count padded to 8.</summary>
    internal const int Stride = 8;

    private ReadOnlySpan<float> WeightsOf(ulong key) => _weights.AsSpan(Find(key) * Stride, NerTags.Count);

    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Extended ? BeamMagic : Magic));
        w.Write(NerTags.Count);
        if (Extended)
        {
            w.Write(Beam);
            var classes = CasingClasses.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
            w.Write(classes.Length);
            foreach (var (word, c) in classes)
            {
                w.Write(word);
                w.Write(c);
            }
        }

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
        if ((magic != Magic && magic != BeamMagic) || r.ReadInt32() != NerTags.Count)
        {
            throw new InvalidDataException("PX0502: not a Parallax NER model (bad magic or tag count).");
        }

        var beam = magic == BeamMagic ? r.ReadInt32() : 1;
        if (beam is < 1 or > 64)
        {
            throw new InvalidDataException("PX0502: not a Parallax NER model (bad beam width).");
        }

        var casing = new Dictionary<string, byte>(StringComparer.Ordinal);
        if (magic == BeamMagic)
        {
            var classCount = r.ReadInt32();
            for (var i = 0; i < classCount; i++)
            {
                var word = r.ReadString();
                casing[word] = r.ReadByte();
            }
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

        return new NerModel(weights, vocab, beam, casing);
    }
}
