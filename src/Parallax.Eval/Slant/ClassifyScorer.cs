using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Parallax.Eval.Quotes;

namespace Parallax.Eval.Slant;

/// <summary>A gold sentence label: <c>biased</c> or <c>non-biased</c>.</summary>
public sealed record GoldLabel(string Id, bool Biased);

/// <summary>A sentence prediction: the JSON line <c>{"id", "biased", "score"}</c>.</summary>
public sealed record BiasPrediction(string Id, bool Biased, double Score)
{
    /// <summary>The prediction as one JSON line (ids escaped as JSON strings).</summary>
    public string ToJsonLine() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"id\": {System.Text.Json.JsonSerializer.Serialize(Id)}, \"biased\": {(Biased ? "true" : "false")}, \"score\": {QuotesScore.PyFloat(Score)}}}");
}

/// <summary>Precision, recall, F1 and support of one class.</summary>
public sealed record ClassScore(double Precision, double Recall, double F1, int Support);

/// <summary>The metrics of ../shared/tools/score/classify.py, key for key.</summary>
public sealed record ClassifyScore(int N, int Missing, double Accuracy, ClassScore Biased, ClassScore NonBiased, double MacroF1)
{
    /// <summary>The JSON line <c>classify.py --json</c> prints: same keys, order and float formatting.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\"n\": ").Append(N.ToString(CultureInfo.InvariantCulture))
          .Append(", \"missing\": ").Append(Missing.ToString(CultureInfo.InvariantCulture))
          .Append(", \"accuracy\": ").Append(QuotesScore.PyFloat(Accuracy))
          .Append(", \"biased\": ").Append(Class(Biased))
          .Append(", \"non-biased\": ").Append(Class(NonBiased))
          .Append(", \"macro_f1\": ").Append(QuotesScore.PyFloat(MacroF1))
          .Append('}');
        return sb.ToString();
    }

    /// <summary>Flat metric names for the floors file: <c>macro_f1</c>, <c>accuracy</c>, <c>biased.f1</c>, ...</summary>
    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["accuracy"] = Accuracy,
        ["macro_f1"] = MacroF1,
        ["biased.precision"] = Biased.Precision,
        ["biased.recall"] = Biased.Recall,
        ["biased.f1"] = Biased.F1,
        ["non-biased.f1"] = NonBiased.F1,
    };

    private static string Class(ClassScore c) =>
        $"{{\"precision\": {QuotesScore.PyFloat(c.Precision)}, \"recall\": {QuotesScore.PyFloat(c.Recall)}, \"f1\": {QuotesScore.PyFloat(c.F1)}, \"support\": {c.Support.ToString(CultureInfo.InvariantCulture)}}}";
}

/// <summary>
/// Binary sentence classification metrics, a port of ../shared/tools/score/classify.py: the last prediction of an id
/// wins, predictions for unknown ids are ignored, a gold id without a prediction counts as the opposite label. Pure.
/// </summary>
public static class ClassifyScorer
{
    public static ClassifyScore Score(IReadOnlyList<GoldLabel> gold, IEnumerable<BiasPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        var p = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var r in predictions)
        {
            p[r.Id] = r.Biased;
        }

        var pairs = new List<(bool Gold, bool Pred)>(gold.Count);
        var missing = 0;
        foreach (var g in gold)
        {
            if (!p.TryGetValue(g.Id, out var pl))
            {
                missing++;
                pl = !g.Biased;
            }

            pairs.Add((g.Biased, pl));
        }

        var n = pairs.Count;
        var accuracy = n == 0 ? 0.0 : (double)pairs.Count(x => x.Gold == x.Pred) / n;
        var biased = Class(pairs, true);
        var nonBiased = Class(pairs, false);
        return new ClassifyScore(n, missing, accuracy, biased, nonBiased, (biased.F1 + nonBiased.F1) / 2);
    }

    private static ClassScore Class(List<(bool Gold, bool Pred)> pairs, bool c)
    {
        var tp = pairs.Count(x => x.Gold == c && x.Pred == c);
        var fp = pairs.Count(x => x.Gold != c && x.Pred == c);
        var fn = pairs.Count(x => x.Gold == c && x.Pred != c);
        var pr = tp + fp > 0 ? (double)tp / (tp + fp) : 0.0;
        var rc = tp + fn > 0 ? (double)tp / (tp + fn) : 0.0;
        var f1 = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0.0;
        return new ClassScore(pr, rc, f1, tp + fn);
    }
}
