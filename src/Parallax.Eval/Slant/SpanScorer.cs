using System.Globalization;
using Parallax.Eval.Quotes;

namespace Parallax.Eval.Slant;

/// <summary>A technique span in code points (half-open) of one article; <see cref="Technique"/> may be null in predictions.</summary>
public sealed record TechniqueSpan(string Article, int Start, int End, string? Technique)
{
    public string ToJsonLine()
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"{{\"article\": {System.Text.Json.JsonSerializer.Serialize(Article)}, \"start\": {Start}, \"end\": {End}");
        return Technique is null ? head + "}" : head + ", \"technique\": " + System.Text.Json.JsonSerializer.Serialize(Technique) + "}";
    }
}

/// <summary>The metrics of ../shared/tools/score/spans.py, key for key.</summary>
public sealed record SpanScore(double Precision, double Recall, double F1, int GoldSpans, int PredSpans)
{
    public string ToJson() =>
        $"{{\"precision\": {QuotesScore.PyFloat(Precision)}, \"recall\": {QuotesScore.PyFloat(Recall)}, \"f1\": {QuotesScore.PyFloat(F1)}, \"gold_spans\": {GoldSpans.ToString(CultureInfo.InvariantCulture)}, \"pred_spans\": {PredSpans.ToString(CultureInfo.InvariantCulture)}}}";

    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["precision"] = Precision,
        ["recall"] = Recall,
        ["f1"] = F1,
    };
}

/// <summary>
/// SemEval-2020 Task 11 span identification (character overlap P/R/F1), a port of ../shared/tools/score/spans.py:
/// gold filtered by technique, predictions with a technique filtered the same way; overlapping or touching spans merged
/// per article; P and R are averaged partial overlaps. Pure.
/// </summary>
public static class SpanScorer
{
    /// <summary>The gold techniques of the project's loaded-language view, as <c>spans.py --techniques</c> expands them.</summary>
    public static readonly IReadOnlySet<string> LoadedLanguageTechniques = Techniques("Loaded_Language,Name_Calling,Labeling");

    /// <summary><c>parse_techniques</c> of spans.py: comma-separated names; halves of comma-joined official names select the whole name.</summary>
    public static IReadOnlySet<string> Techniques(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        var allowed = new HashSet<string>(arg.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0), StringComparer.Ordinal);
        foreach (var name in (string[])["Name_Calling,Labeling", "Exaggeration,Minimisation", "Whataboutism,Straw_Men,Red_Herring", "Bandwagon,Reductio_ad_hitlerum"])
        {
            if (name.Split(',').Any(allowed.Contains))
            {
                allowed.Add(name);
            }
        }

        return allowed;
    }

    public static SpanScore Score(IEnumerable<TechniqueSpan> gold, IEnumerable<TechniqueSpan> predictions, IReadOnlySet<string>? allowed)
    {
        var g = Group(gold, allowed, true);
        var p = Group(predictions, allowed, false);
        double pSum = 0, rSum = 0;
        var nS = p.Values.Sum(v => v.Count);
        var nT = g.Values.Sum(v => v.Count);
        foreach (var article in g.Keys.Union(p.Keys, StringComparer.Ordinal))
        {
            var gs = g.GetValueOrDefault(article) ?? [];
            var ps = p.GetValueOrDefault(article) ?? [];
            foreach (var s in ps)
            {
                pSum += (double)gs.Sum(t => Overlap(s, t)) / (s.End - s.Start);
            }

            foreach (var t in gs)
            {
                rSum += (double)ps.Sum(s => Overlap(s, t)) / (t.End - t.Start);
            }
        }

        var precision = nS > 0 ? pSum / nS : 0.0;
        var recall = nT > 0 ? rSum / nT : 0.0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new SpanScore(precision, recall, f1, nT, nS);
    }

    private static int Overlap((int Start, int End) a, (int Start, int End) b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    private static Dictionary<string, List<(int Start, int End)>> Group(IEnumerable<TechniqueSpan> rows, IReadOnlySet<string>? allowed, bool gold)
    {
        var by = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var keep = allowed is null || r.Technique is null || allowed.Contains(r.Technique);
            if (!keep)
            {
                continue;
            }

            if (!by.TryGetValue(r.Article, out var list))
            {
                by[r.Article] = list = [];
            }

            list.Add((r.Start, r.End));
        }

        return by.ToDictionary(kv => kv.Key, kv => Merge(kv.Value), StringComparer.Ordinal);
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        var output = new List<(int Start, int End)>();
        foreach (var (s, e) in spans.OrderBy(x => x.Start).ThenBy(x => x.End))
        {
            if (e <= s)
            {
                continue;
            }

            if (output.Count > 0 && s <= output[^1].End)
            {
                output[^1] = (output[^1].Start, Math.Max(output[^1].End, e));
            }
            else
            {
                output.Add((s, e));
            }
        }

        return output;
    }
}
