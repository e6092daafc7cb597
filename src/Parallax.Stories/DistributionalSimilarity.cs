namespace Parallax.Stories;

/// <summary>
/// Second-order (distributional) similarity of short texts, computed in consolidation from the set being clustered
/// itself: no labels, no shipped model. Every feature gets a random index vector (a few ±1 entries among
/// <see cref="StoryClustererOptions.DistributionalDimensions"/>, seeded by a hash of the feature's key, so the same
/// word has the same index vector in every set); a text's first-order sketch <c>y</c> is the sum of its features'
/// index vectors weighted by its TF-IDF weights; a feature's context vector <c>z</c> is the sum of the sketches of the
/// short texts it occurs in; a text's distributional vector is the sum of its features' unit context vectors weighted
/// by its TF-IDF weights. Two leads worded apart ("slams" / "castigates", "lawmakers" / "Congress") whose words keep
/// the same company in the set get close vectors. Only texts of at most
/// <see cref="StoryClustererOptions.DistributionalMaxWords"/> analysed words take part; longer ones get no vector
/// (their pairs are left as they are). Deterministic: sums run over the canonical order.
/// </summary>
internal sealed class DistributionalSimilarity
{
    private readonly float[] _vectors;
    private readonly bool[] _has;
    private readonly int _dims;

    private DistributionalSimilarity(float[] vectors, bool[] has, int dims) => (_vectors, _has, _dims) = (vectors, has, dims);

    /// <summary>True when article <paramref name="a"/> has a distributional vector (it is short and has shared features).</summary>
    public bool Has(int a) => _has[a];

    /// <summary>The cosine of the distributional vectors of <paramref name="a"/> and <paramref name="b"/>; 0 when either has none.</summary>
    public double Cosine(int a, int b)
    {
        if (!_has[a] || !_has[b])
        {
            return 0;
        }

        var x = _vectors.AsSpan(a * _dims, _dims);
        var y = _vectors.AsSpan(b * _dims, _dims);
        var sum = 0f;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>The similarity <paramref name="similarity"/> of a pair of short texts with distributional cosine <paramref name="cosine"/> folded in (see <see cref="StoryClustererOptions.DistributionalWeight"/>).</summary>
    public static double Adjust(double similarity, double cosine, StoryClustererOptions options)
    {
        var shift = options.DistributionalWeight * (cosine - options.DistributionalCentre);
        return options.DistributionalMode == 1 ? similarity + shift : similarity * (1 + shift);
    }

    /// <summary>
    /// Which of <paramref name="articles"/> are short (at most <see cref="StoryClustererOptions.DistributionalMaxWords"/>
    /// analysed words; every text when that is 0), or null when fewer than
    /// <see cref="StoryClustererOptions.DistributionalMinShortShare"/> of the set are: the set's own co-occurrences
    /// describe leads only when the set is mostly leads, and a few briefs among full articles (ECB+) are left as they
    /// are. The guard of this rule and of <see cref="WordView"/>.
    /// </summary>
    internal static bool[]? ShortTexts(IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options)
    {
        var n = articles.Count;
        var maxWords = options.DistributionalMaxWords;
        var shortText = new bool[n];
        var shortCount = 0;
        for (var d = 0; d < n; d++)
        {
            shortText[d] = maxWords <= 0 || articles[d].Words <= maxWords;
            shortCount += shortText[d] ? 1 : 0;
        }

        return n == 0 || shortCount < options.DistributionalMinShortShare * n ? null : shortText;
    }

    /// <summary>The vectors for <paramref name="articles"/> (canonical order) in <paramref name="space"/>; null when the option is off.</summary>
    public static DistributionalSimilarity? For(IReadOnlyList<ArticleFeatures> articles, FeatureSpace space, StoryClustererOptions options)
    {
        var dims = options.DistributionalDimensions;
        if (options.DistributionalWeight <= 0 || dims <= 0)
        {
            return null;
        }

        var n = articles.Count;
        if (ShortTexts(articles, options) is not { } shortText)
        {
            return null;
        }

        // Rows for the features of short texts only (space id → row).
        var rowOf = new int[space.DocumentFrequency.Length];
        Array.Fill(rowOf, -1);
        var rows = 0;
        for (var d = 0; d < n; d++)
        {
            if (!shortText[d])
            {
                continue;
            }

            foreach (var id in space.Vectors[d].Ids)
            {
                if (rowOf[id] < 0 && Uses(space, id, options))
                {
                    rowOf[id] = rows++;
                }
            }
        }

        // Random index vectors: NonZero entries of ±1 per feature, positions and signs from a hash of its key.
        var nonZero = Math.Clamp(options.DistributionalNonZero, 1, dims);
        var indexPos = new int[rows * nonZero];
        var indexSign = new sbyte[rows * nonZero];
        for (var id = 0; id < rowOf.Length; id++)
        {
            var r = rowOf[id];
            if (r < 0)
            {
                continue;
            }

            var state = KeyHash(space.Vocabulary.KeyOf(space.VocabularyIds[id]));
            for (var j = 0; j < nonZero; j++)
            {
                var h = MinHasher.SplitMix(ref state);
                indexPos[(r * nonZero) + j] = (int)((h >> 1) % (ulong)dims);
                indexSign[(r * nonZero) + j] = (h & 1) == 0 ? (sbyte)1 : (sbyte)-1;
            }
        }

        // First-order sketches y (short texts), then context vectors z (rows), then distributional vectors.
        var sketch = new float[dims];
        var context = new float[(long)rows * dims > int.MaxValue ? throw new InvalidOperationException("too many features for the distributional vectors") : rows * dims];
        for (var d = 0; d < n; d++)
        {
            if (!shortText[d])
            {
                continue;
            }

            var v = space.Vectors[d];
            Array.Clear(sketch);
            for (var i = 0; i < v.Ids.Length; i++)
            {
                var r = rowOf[v.Ids[i]];
                if (r < 0)
                {
                    continue;
                }

                for (var j = 0; j < nonZero; j++)
                {
                    sketch[indexPos[(r * nonZero) + j]] += v.Weights[i] * indexSign[(r * nonZero) + j];
                }
            }

            for (var i = 0; i < v.Ids.Length; i++)
            {
                var r = rowOf[v.Ids[i]];
                if (r >= 0)
                {
                    var row = context.AsSpan(r * dims, dims);
                    var w = options.DistributionalContextWeighted ? v.Weights[i] : 1f;
                    for (var j = 0; j < dims; j++)
                    {
                        row[j] += w * sketch[j];
                    }
                }
            }
        }

        for (var r = 0; r < rows; r++)
        {
            Normalise(context.AsSpan(r * dims, dims));
        }

        var vectors = new float[n * dims];
        var has = new bool[n];
        for (var d = 0; d < n; d++)
        {
            if (!shortText[d])
            {
                continue;
            }

            var v = space.Vectors[d];
            var target = vectors.AsSpan(d * dims, dims);
            for (var i = 0; i < v.Ids.Length; i++)
            {
                var r = rowOf[v.Ids[i]];
                if (r >= 0)
                {
                    var row = context.AsSpan(r * dims, dims);
                    var w = v.Weights[i];
                    for (var j = 0; j < dims; j++)
                    {
                        target[j] += w * row[j];
                    }
                }
            }

            has[d] = Normalise(target);
        }

        // The set's common direction (what every lead of the set shares) says nothing about a pair: taken out.
        if (options.DistributionalCentreVectors)
        {
            var mean = new double[dims];
            var count = 0;
            for (var d = 0; d < n; d++)
            {
                if (has[d])
                {
                    count++;
                    for (var j = 0; j < dims; j++)
                    {
                        mean[j] += vectors[(d * dims) + j];
                    }
                }
            }

            for (var d = 0; d < n && count > 0; d++)
            {
                if (has[d])
                {
                    var target = vectors.AsSpan(d * dims, dims);
                    for (var j = 0; j < dims; j++)
                    {
                        target[j] -= (float)(mean[j] / count);
                    }

                    has[d] = Normalise(target);
                }
            }
        }

        return new DistributionalSimilarity(vectors, has, dims);
    }

    /// <summary>Whether feature <paramref name="id"/> takes part (by namespace: <see cref="StoryClustererOptions.DistributionalNamespaces"/>).</summary>
    private static bool Uses(FeatureSpace space, int id, StoryClustererOptions options)
    {
        var mask = options.DistributionalNamespaces;
        if (mask == 0)
        {
            return true;
        }

        return (mask & WordView.NamespaceBit(space.Vocabulary.NamespaceOf(space.VocabularyIds[id]))) != 0;
    }

    /// <summary>Scales <paramref name="row"/> to unit length; false when it is all zero.</summary>
    private static bool Normalise(Span<float> row)
    {
        var sum = 0.0;
        foreach (var x in row)
        {
            sum += (double)x * x;
        }

        if (sum <= 0)
        {
            return false;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var j = 0; j < row.Length; j++)
        {
            row[j] *= scale;
        }

        return true;
    }

    private static ulong KeyHash(string key)
    {
        var h = 0xCBF29CE484222325UL ^ (ulong)key.Length;
        foreach (var c in key)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h ^ Seed;
    }

    private const ulong Seed = 0x5EED_D157UL;
}
