namespace Parallax.Stories;

/// <summary>
/// A second view of a pair of short texts: the cosine of their vectors with the features re-weighted by namespace
/// (<see cref="StoryClustererOptions.WordViewNamespaces"/> at full weight, word pairs at
/// <see cref="StoryClustererOptions.WordViewBigramFactor"/>, the rest left out), folded into the pair's similarity as
/// <c>s · (cos_v / cos)^weight</c> (<see cref="StoryClustererOptions.WordViewMode"/> 1: the view's cosine in place of the
/// full one, the time, length and event factors kept) or <c>s · (1 + weight · (cos_v − centre))</c> (mode 0). Kept
/// (session 12): word pairs at 0.7 for short leads. In a 60-word lead each adjacent word pair repeats two of its
/// words, and the pairs two leads share are mostly the set phrases of a recurring topic ("national security adviser",
/// "political ads") that its sibling events share as well; weighed less, the pair's similarity rests more on which
/// words, names and figures the leads share. Full articles keep the full weight (the guard below; their pairs are
/// what keep the ECB+ events apart). Only texts of at most <see cref="StoryClustererOptions.DistributionalMaxWords"/>
/// analysed words, and only when at least <see cref="StoryClustererOptions.DistributionalMinShortShare"/> of the set is
/// short (the guard of <see cref="DistributionalSimilarity"/>); pairs with a longer text are left as they are. State:
/// one norm per article and one factor per feature while the graph is built; a function of the set's vectors, so the
/// stories depend only on the set.
/// </summary>
internal sealed class WordView
{
    private readonly SparseVector[] _vectors;
    private readonly float[] _factor;
    private readonly double[] _norm;

    private WordView(SparseVector[] vectors, float[] factor, double[] norm) => (_vectors, _factor, _norm) = (vectors, factor, norm);

    /// <summary>True when article <paramref name="a"/> takes part (short, with view features).</summary>
    public bool Has(int a) => _norm[a] > 0;

    /// <summary>The cosine of the view features of <paramref name="a"/> and <paramref name="b"/>; 0 when either has none.</summary>
    public double Cosine(int a, int b)
    {
        if (_norm[a] <= 0 || _norm[b] <= 0)
        {
            return 0;
        }

        var (x, y) = (_vectors[a], _vectors[b]);
        double sum = 0;
        int i = 0, j = 0;
        while (i < x.Ids.Length && j < y.Ids.Length)
        {
            var (p, q) = (x.Ids[i], y.Ids[j]);
            if (p == q)
            {
                var f = _factor[p];
                sum += (double)x.Weights[i] * y.Weights[j] * f * f;

                i++;
                j++;
            }
            else if (p < q)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum / (_norm[a] * _norm[b]);
    }

    /// <summary>The similarity <paramref name="similarity"/> of a pair of short texts with view cosine <paramref name="cosine"/> folded in.</summary>
    public static double Adjust(double similarity, double cosine, double fullCosine, StoryClustererOptions options)
        => options.WordViewMode == 1
            ? (fullCosine > 0 ? similarity * Math.Pow(cosine / fullCosine, options.WordViewWeight) : similarity)
            : similarity * Math.Max(0, 1 + (options.WordViewWeight * (cosine - options.WordViewCentre)));

    /// <summary>The view over <paramref name="articles"/> (canonical order) in <paramref name="space"/>; null when the option is off or the set is mostly long.</summary>
    public static WordView? For(IReadOnlyList<ArticleFeatures> articles, FeatureSpace space, StoryClustererOptions options)
    {
        if (options.WordViewWeight <= 0)
        {
            return null;
        }

        if (DistributionalSimilarity.ShortTexts(articles, options) is not { } shortText)
        {
            return null;
        }

        var uses = new float[space.DocumentFrequency.Length];
        for (var id = 0; id < uses.Length; id++)
        {
            var ns = space.Vocabulary.NamespaceOf(space.VocabularyIds[id]);
            uses[id] = Uses(ns, options.WordViewNamespaces) ? 1f : ns == 'b' ? (float)options.WordViewBigramFactor : 0f;
        }

        var norm = new double[shortText.Length];
        for (var d = 0; d < norm.Length; d++)
        {
            if (!shortText[d])
            {
                continue;
            }

            var v = space.Vectors[d];
            double sum = 0;
            for (var i = 0; i < v.Ids.Length; i++)
            {
                var f = uses[v.Ids[i]];
                sum += (double)v.Weights[i] * v.Weights[i] * f * f;
            }

            norm[d] = Math.Sqrt(sum);
        }

        return new WordView(space.Vectors, uses, norm);
    }

    /// <summary>Whether namespace <paramref name="space"/> is in <paramref name="mask"/> (1 words, 2 bigrams, 4 entities, 8 numbers, 16 quotes, 32 actions; 0: words).</summary>
    internal static bool Uses(char space, int mask) => ((mask == 0 ? 1 : mask) & NamespaceBit(space)) != 0;

    /// <summary>The mask bit of feature namespace <paramref name="space"/> (1 words, 2 bigrams, 4 entities, 8 numbers,
    /// 16 quotes, 32 actions; 0 for any other).</summary>
    internal static int NamespaceBit(char space) => space switch
    {
        'w' => 1,
        'b' => 2,
        'e' => 4,
        'n' => 8,
        'q' => 16,
        'a' => 32,
        _ => 0,
    };
}
