using System.Globalization;
using System.Text;

namespace Parallax.Eval.Clustering;

/// <summary>B-cubed and pairwise scores of a predicted partition, with the same keys, rounding and rules as
/// <c>../shared/tools/score/clustering.py</c> (a gold id without prediction is its own singleton).</summary>
public sealed record ClusteringScore(
    double B3Precision,
    double B3Recall,
    double B3F1,
    double PairwisePrecision,
    double PairwiseRecall,
    double PairwiseF1,
    int Documents,
    int GoldClusters,
    int PredictedClusters,
    int MissingPredictions,
    int UnknownPredictions,
    int DuplicatePredictions)
{
    /// <summary>The metrics by the names used in floors files.</summary>
    public IReadOnlyDictionary<string, double> Metrics => new Dictionary<string, double>
    {
        ["b3_precision"] = B3Precision,
        ["b3_recall"] = B3Recall,
        ["b3_f1"] = B3F1,
        ["pairwise_precision"] = PairwisePrecision,
        ["pairwise_recall"] = PairwiseRecall,
        ["pairwise_f1"] = PairwiseF1,
    };

    /// <summary>One JSON line with the python scorer's keys in its order.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder("{");
        void Num(string key, double v) => sb.Append('"').Append(key).Append("\": ").Append(Format(v)).Append(", ");
        void Int(string key, int v) => sb.Append('"').Append(key).Append("\": ").Append(v.ToString(CultureInfo.InvariantCulture)).Append(", ");
        Num("b3_precision", B3Precision);
        Num("b3_recall", B3Recall);
        Num("b3_f1", B3F1);
        Num("pairwise_precision", PairwisePrecision);
        Num("pairwise_recall", PairwiseRecall);
        Num("pairwise_f1", PairwiseF1);
        Int("documents", Documents);
        Int("gold_clusters", GoldClusters);
        Int("predicted_clusters", PredictedClusters);
        Int("missing_predictions", MissingPredictions);
        if (MissingPredictions > 0)
        {
            sb.Append("\"note\": \"").Append(MissingPredictions.ToString(CultureInfo.InvariantCulture)).Append(" gold ids had no prediction and were scored as singleton clusters\", ");
        }

        Int("unknown_predictions", UnknownPredictions);
        sb.Append("\"duplicate_predictions\": ").Append(DuplicatePredictions.ToString(CultureInfo.InvariantCulture)).Append('}');
        return sb.ToString();
    }

    private static string Format(double v)
    {
        // Python prints floats with repr: 0.0, 1.0, 0.8765.
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }
}

/// <summary>Computes <see cref="ClusteringScore"/> (Bagga &amp; Baldwin B-cubed; pairwise over unordered pairs).</summary>
public static class ClusteringScorer
{
    /// <param name="gold">Gold id → story, in file order.</param>
    /// <param name="predictions">Predicted (id, story) rows in order; the last row of a repeated id wins.</param>
    public static ClusteringScore Score(IReadOnlyList<(string Id, string Story)> gold, IReadOnlyList<(string Id, string Story)> predictions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        var goldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, story) in gold)
        {
            goldOf[id] = "g:" + story;
        }

        var pred = new Dictionary<string, string>(StringComparer.Ordinal);
        int unknown = 0, duplicate = 0;
        foreach (var (id, story) in predictions)
        {
            if (!goldOf.ContainsKey(id))
            {
                unknown++;
                continue;
            }

            if (pred.ContainsKey(id))
            {
                duplicate++;
            }

            pred[id] = "p:" + story;
        }

        var missing = 0;
        foreach (var id in goldOf.Keys)
        {
            if (!pred.ContainsKey(id))
            {
                pred[id] = "singleton:" + id;
                missing++;
            }
        }

        var n = goldOf.Count;
        var joint = new Dictionary<(string G, string C), long>();
        var gsize = new Dictionary<string, long>(StringComparer.Ordinal);
        var csize = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, g) in goldOf)
        {
            var c = pred[id];
            joint[(g, c)] = joint.GetValueOrDefault((g, c)) + 1;
            gsize[g] = gsize.GetValueOrDefault(g) + 1;
            csize[c] = csize.GetValueOrDefault(c) + 1;
        }

        double b3p = 0, b3r = 0;
        long tp = 0;
        // Same summation order as python (Counter insertion order = first occurrence in gold file order).
        foreach (var ((g, c), count) in joint)
        {
            b3p += (double)(count * count) / csize[c];
            b3r += (double)(count * count) / gsize[g];
            tp += Pairs(count);
        }

        b3p = n > 0 ? b3p / n : 0;
        b3r = n > 0 ? b3r / n : 0;
        var pp = csize.Values.Sum(Pairs);
        var gp = gsize.Values.Sum(Pairs);
        var pwp = pp > 0 ? (double)tp / pp : 0;
        var pwr = gp > 0 ? (double)tp / gp : 0;
        return new ClusteringScore(
            Round(b3p), Round(b3r), Round(F1(b3p, b3r)),
            Round(pwp), Round(pwr), Round(F1(pwp, pwr)),
            n, gsize.Count, csize.Count, missing, unknown, duplicate);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;

    private static double F1(double p, double r) => p + r > 0 ? 2 * p * r / (p + r) : 0;

    /// <summary>Python's round(x, 4): round half to even on the binary value.</summary>
    private static double Round(double v) => Math.Round(v, 4, MidpointRounding.ToEven);
}
