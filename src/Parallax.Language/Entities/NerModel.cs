using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// The trained weights of the entity tagger: for each feature hash, one weight per tag (<see cref="NerTags"/>), plus the
/// lexicon of words seen in lower case in the training text. Immutable and thread-safe once loaded.
/// File format (gzip): magic <c>PXNER1</c>, tag count, vocabulary (count, UTF-8 strings), features (count, then per
/// feature: 8-byte hash, tag count × float32), all little-endian, features in ascending hash order.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "PXNER1";
    private readonly FrozenDictionary<ulong, int> _index;
    private readonly float[] _weights;

    internal NerModel(IReadOnlyDictionary<ulong, float[]> weights, IEnumerable<string> lowerVocab)
    {
        var keys = weights.Keys.Order().ToArray();
        _weights = new float[keys.Length * NerTags.Count];
        var index = new Dictionary<ulong, int>(keys.Length);
        for (var k = 0; k < keys.Length; k++)
        {
            index[keys[k]] = k * NerTags.Count;
            weights[keys[k]].AsSpan(0, NerTags.Count).CopyTo(_weights.AsSpan(k * NerTags.Count));
        }

        _index = index.ToFrozenDictionary();
        LowerVocab = lowerVocab.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Words used in lower case in the training text (a feature: such words are rarely names).</summary>
    public FrozenSet<string> LowerVocab { get; }

    public int FeatureCount => _index.Count;

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (length = tag count).</summary>
    public void Score(List<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (_index.TryGetValue(f, out var at))
            {
                var w = _weights.AsSpan(at, NerTags.Count);
                for (var t = 0; t < w.Length; t++)
                {
                    scores[t] += w[t];
                }
            }
        }
    }

    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(NerTags.Count);
        var vocab = LowerVocab.Order(StringComparer.Ordinal).ToArray();
        w.Write(vocab.Length);
        foreach (var v in vocab)
        {
            w.Write(v);
        }

        w.Write(_index.Count);
        foreach (var (key, at) in _index.OrderBy(p => p.Key))
        {
            w.Write(key);
            for (var t = 0; t < NerTags.Count; t++)
            {
                w.Write(_weights[at + t]);
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

        var vocab = new string[r.ReadInt32()];
        for (var i = 0; i < vocab.Length; i++)
        {
            vocab[i] = r.ReadString();
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
