using System.Globalization;
using System.Text;

namespace Parallax.Eval.Entities;

/// <summary>Precision, recall and F1 of one type (or micro over all), as ../shared/tools/score/ner.py computes them.</summary>
public sealed record Prf(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0.0 : (double)Correct / Predicted;
    public double Recall => Gold == 0 ? 0.0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0.0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Exact-span NER score over PER/ORG/LOC, identical to ner.py: entities are read per sentence from IOB2 tags (an I-X
/// that does not continue an X entity starts a new one, as in conlleval); correct when type, first and last token match.
/// </summary>
public sealed record NerScore(Prf Micro, int Sentences, int Tokens, Prf Per, Prf Org, Prf Loc)
{
    private static readonly string[] _types = ["PER", "ORG", "LOC"];

    /// <summary>Scores aligned gold and predicted tag sequences (one pair per sentence, equal lengths).</summary>
    public static NerScore Compute(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("gold and predictions do not have the same sentences", nameof(predicted));
        }

        var tp = new int[3];
        var ng = new int[3];
        var np = new int[3];
        var tokens = 0;
        for (var s = 0; s < gold.Count; s++)
        {
            if (gold[s].Count != predicted[s].Count)
            {
                throw new ArgumentException($"sentence {s}: gold and predictions differ in length", nameof(predicted));
            }

            tokens += gold[s].Count;
            var gs = Spans(gold[s]);
            var ps = Spans(predicted[s]);
            foreach (var g in gs)
            {
                ng[g.Type]++;
            }

            foreach (var p in ps)
            {
                np[p.Type]++;
                if (gs.Contains(p))
                {
                    tp[p.Type]++;
                }
            }
        }

        return new NerScore(new Prf(tp.Sum(), np.Sum(), ng.Sum()), gold.Count, tokens,
            new Prf(tp[0], np[0], ng[0]), new Prf(tp[1], np[1], ng[1]), new Prf(tp[2], np[2], ng[2]));
    }

    /// <summary>The (type index, first token, end token exclusive) entities of one sentence, PER/ORG/LOC only.</summary>
    public static HashSet<(int Type, int Start, int End)> Spans(IReadOnlyList<string> tags)
    {
        var result = new HashSet<(int, int, int)>();
        string? curType = null;
        var curStart = 0;
        for (var i = 0; i <= tags.Count; i++)
        {
            var t = i < tags.Count ? tags[i] : "O";
            if (t.StartsWith("I-", StringComparison.Ordinal) && curType is not null && curType == t[2..])
            {
                continue;
            }

            if (curType is not null)
            {
                var k = Array.IndexOf(_types, curType);
                if (k >= 0)
                {
                    result.Add((k, curStart, i));
                }

                curType = null;
            }

            if (t.StartsWith("B-", StringComparison.Ordinal) || t.StartsWith("I-", StringComparison.Ordinal))
            {
                curType = t[2..];
                curStart = i;
            }
        }

        return result;
    }

    /// <summary>The metrics for the quality gate: <c>f1</c>, <c>precision</c>, <c>recall</c> (micro) and <c>f1_PER</c> etc.</summary>
    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>
    {
        ["f1"] = Micro.F1,
        ["precision"] = Micro.Precision,
        ["recall"] = Micro.Recall,
        ["f1_PER"] = Per.F1,
        ["f1_ORG"] = Org.F1,
        ["f1_LOC"] = Loc.F1,
    };

    /// <summary>One JSON line with the same keys, order and values as ner.py prints (Python float formatting).</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\"micro\": ").Append(Json(Micro))
          .Append(", \"sentences\": ").Append(Sentences.ToString(CultureInfo.InvariantCulture))
          .Append(", \"tokens\": ").Append(Tokens.ToString(CultureInfo.InvariantCulture))
          .Append(", \"PER\": ").Append(Json(Per))
          .Append(", \"ORG\": ").Append(Json(Org))
          .Append(", \"LOC\": ").Append(Json(Loc))
          .Append('}');
        return sb.ToString();
    }

    private static string Json(Prf p) =>
        $"{{\"precision\": {PyFloat(p.Precision)}, \"recall\": {PyFloat(p.Recall)}, \"f1\": {PyFloat(p.F1)}, \"correct\": {p.Correct}, \"predicted\": {p.Predicted}, \"gold\": {p.Gold}}}";

    /// <summary>Formats like Python's <c>repr(float)</c>: shortest round-trip digits, ".0" on integral values, "e-05" exponents.</summary>
    public static string PyFloat(double v)
    {
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E'))
        {
            var parts = s.Split('E');
            var exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return parts[0] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        return s.Contains('.') || s.Contains("Infinity") || s == "NaN" ? s : s + ".0";
    }
}
