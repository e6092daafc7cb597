using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parallax.Eval.Time;

/// <summary>A predicted or gold timex for scoring; offsets are Unicode code point indices (as ../shared/tools/score/timex.py), end exclusive.</summary>
public sealed record ScoredTimex(string Doc, int Start, int End, string Type, string Value);

/// <summary>Precision, recall, F1 and the match count behind them.</summary>
public sealed record Prf(double Precision, double Recall, double F1, int Matches);

/// <summary>The figures ../shared/tools/score/timex.py prints, with the same meaning.</summary>
public sealed record TimexScores(int Documents, int GoldTimexes, int PredictedTimexes, int UnknownDocPredictions, Prf Strict, Prf Relaxed,
    double ValueAccuracy, double TypeAccuracy, double ValueF1, double TypeF1)
{
    /// <summary>One JSON line with timex.py's keys, in its order.</summary>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            w.WriteNumber("documents", Documents);
            w.WriteNumber("gold_timexes", GoldTimexes);
            w.WriteNumber("predicted_timexes", PredictedTimexes);
            w.WriteNumber("unknown_doc_predictions", UnknownDocPredictions);
            Write(w, "strict", Strict);
            Write(w, "relaxed", Relaxed);
            w.WriteNumber("value_accuracy", ValueAccuracy);
            w.WriteNumber("type_accuracy", TypeAccuracy);
            w.WriteNumber("value_f1", ValueF1);
            w.WriteNumber("type_f1", TypeF1);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>The metrics the quality gate reads (<c>relaxed_f1</c>, <c>strict_f1</c>, <c>value_f1</c>, <c>type_accuracy</c>, ...).</summary>
    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>
    {
        ["relaxed_f1"] = Relaxed.F1,
        ["relaxed_precision"] = Relaxed.Precision,
        ["relaxed_recall"] = Relaxed.Recall,
        ["strict_f1"] = Strict.F1,
        ["value_f1"] = ValueF1,
        ["value_accuracy"] = ValueAccuracy,
        ["type_accuracy"] = TypeAccuracy,
        ["type_f1"] = TypeF1,
    };

    private static void Write(Utf8JsonWriter w, string name, Prf prf)
    {
        w.WriteStartObject(name);
        w.WriteNumber("precision", prf.Precision);
        w.WriteNumber("recall", prf.Recall);
        w.WriteNumber("f1", prf.F1);
        w.WriteNumber("matches", prf.Matches);
        w.WriteEndObject();
    }
}

/// <summary>
/// A port of ../shared/tools/score/timex.py (TempEval-3 Task A): strict and relaxed span matching, value and type
/// accuracy over relaxed pairs, value F1 = relaxed F1 × value accuracy. Pure and deterministic.
/// </summary>
public static class TimexScorer
{
    /// <summary>Scores <paramref name="predictions"/> (in file order; duplicates of doc/start/end count once) against <paramref name="gold"/> (document name → gold timexes).</summary>
    public static TimexScores Score(IReadOnlyDictionary<string, IReadOnlyList<ScoredTimex>> gold, IEnumerable<ScoredTimex> predictions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        var byDoc = new Dictionary<string, List<ScoredTimex>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, int, int)>();
        var unknown = 0;
        foreach (var p in predictions)
        {
            if (!seen.Add((p.Doc, p.Start, p.End)))
            {
                continue;
            }

            if (!gold.ContainsKey(p.Doc))
            {
                unknown++;
                continue;
            }

            if (!byDoc.TryGetValue(p.Doc, out var list))
            {
                byDoc[p.Doc] = list = [];
            }

            list.Add(p);
        }

        var nGold = gold.Values.Sum(v => v.Count);
        var nPred = byDoc.Values.Sum(v => v.Count) + unknown;
        int strictTp = 0, relaxedTp = 0, valueOk = 0, typeOk = 0;
        foreach (var (doc, golds) in gold)
        {
            var preds = byDoc.TryGetValue(doc, out var l) ? l : [];
            var spans = golds.Select(g => (g.Start, g.End)).ToHashSet();
            strictTp += preds.Count(p => spans.Contains((p.Start, p.End)));
            foreach (var (i, j) in MatchRelaxed(golds, preds))
            {
                relaxedTp++;
                if (golds[i].Value == preds[j].Value)
                {
                    valueOk++;
                }

                if (golds[i].Type.ToUpperInvariant() == preds[j].Type.ToUpperInvariant())
                {
                    typeOk++;
                }
            }
        }

        var strict = Prf(strictTp, nPred, nGold);
        var relaxed = Prf(relaxedTp, nPred, nGold);
        var vacc = relaxedTp > 0 ? (double)valueOk / relaxedTp : 0.0;
        var tacc = relaxedTp > 0 ? (double)typeOk / relaxedTp : 0.0;
        return new TimexScores(gold.Count, nGold, nPred, unknown, strict, relaxed, vacc, tacc, relaxed.F1 * vacc, relaxed.F1 * tacc);
    }

    /// <summary>One-to-one overlap matching: identical spans first, then by decreasing overlap (ties: earlier gold start, earlier prediction start).</summary>
    public static List<(int Gold, int Pred)> MatchRelaxed(IReadOnlyList<ScoredTimex> golds, IReadOnlyList<ScoredTimex> preds)
    {
        var pairs = new List<(int, int)>();
        var usedG = new HashSet<int>();
        var usedP = new HashSet<int>();
        var bySpan = new Dictionary<(int, int), int>();
        for (var j = 0; j < preds.Count; j++)
        {
            bySpan.TryAdd((preds[j].Start, preds[j].End), j);
        }

        for (var i = 0; i < golds.Count; i++)
        {
            if (bySpan.TryGetValue((golds[i].Start, golds[i].End), out var j) && !usedP.Contains(j))
            {
                pairs.Add((i, j));
                usedG.Add(i);
                usedP.Add(j);
            }
        }

        var cands = new List<(int NegOverlap, int GoldStart, int PredStart, int I, int J)>();
        for (var i = 0; i < golds.Count; i++)
        {
            if (usedG.Contains(i))
            {
                continue;
            }

            for (var j = 0; j < preds.Count; j++)
            {
                if (usedP.Contains(j))
                {
                    continue;
                }

                var ov = Math.Min(golds[i].End, preds[j].End) - Math.Max(golds[i].Start, preds[j].Start);
                if (ov > 0)
                {
                    cands.Add((-ov, golds[i].Start, preds[j].Start, i, j));
                }
            }
        }

        cands.Sort();
        foreach (var (_, _, _, i, j) in cands)
        {
            if (usedG.Contains(i) || usedP.Contains(j))
            {
                continue;
            }

            pairs.Add((i, j));
            usedG.Add(i);
            usedP.Add(j);
        }

        return pairs;
    }

    /// <summary>Reads prediction JSON Lines (<c>{"doc","start","end","type","value"}</c>); a bad line is reported by number.</summary>
    public static (List<ScoredTimex> Predictions, string? Error) ReadPredictions(string path)
    {
        var list = new List<ScoredTimex>();
        var n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                list.Add(new ScoredTimex(
                    r.GetProperty("doc").GetString() ?? string.Empty,
                    ReadInt(r.GetProperty("start")),
                    ReadInt(r.GetProperty("end")),
                    Str(r, "type"),
                    Str(r, "value")));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                return (list, $"bad prediction line {n}: {ex.Message}");
            }
        }

        return (list, null);
    }

    /// <summary>Writes predictions as JSON Lines in timex.py's format.</summary>
    public static void WritePredictions(TextWriter writer, IEnumerable<ScoredTimex> predictions)
    {
        foreach (var p in predictions)
        {
            writer.Write(JsonSerializer.Serialize(new Dictionary<string, object> { ["doc"] = p.Doc, ["start"] = p.Start, ["end"] = p.End, ["type"] = p.Type, ["value"] = p.Value }));
            writer.Write('\n');
        }
    }

    /// <summary>Code point index of UTF-16 index <paramref name="utf16Index"/> in <paramref name="text"/>.</summary>
    public static int CodePointIndex(string text, int utf16Index)
    {
        var cp = 0;
        for (var i = 0; i < utf16Index && i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                cp++;
            }
        }

        return cp;
    }

    private static int ReadInt(JsonElement e) => e.ValueKind == JsonValueKind.String ? int.Parse(e.GetString()!, CultureInfo.InvariantCulture) : (int)e.GetDouble();

    private static string Str(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.ToString()) : string.Empty;

    private static Prf Prf(int tp, int nPred, int nGold)
    {
        var p = nPred > 0 ? (double)tp / nPred : 0.0;
        var r = nGold > 0 ? (double)tp / nGold : 0.0;
        var f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        return new Prf(p, r, f, tp);
    }
}
