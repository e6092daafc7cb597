using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parallax.Eval.Quotes;

/// <summary>A half-open range of Unicode code points (the offsets PolNeAR and the reference scorer use).</summary>
public readonly record struct CodePointSpan(int Start, int End);

/// <summary>One gold attribution relation: content, cue and source spans (code points), each list sorted by start.</summary>
public sealed record GoldRelation(ImmutableArray<CodePointSpan> Content, ImmutableArray<CodePointSpan> Cue, ImmutableArray<CodePointSpan> Source);

/// <summary>A gold document: its text (as read, BOM and line ends kept) and relations.</summary>
public sealed record GoldDocument(string Name, string Path, string Text, ImmutableArray<GoldRelation> Relations);

/// <summary>One predicted relation for a document, offsets in code points; <see cref="Content"/> is non-empty.</summary>
public sealed record QuotePrediction(string Doc, ImmutableArray<CodePointSpan> Content, ImmutableArray<CodePointSpan> Cue, ImmutableArray<CodePointSpan> Speaker);

/// <summary>Figures at one overlap threshold.</summary>
public sealed record ThresholdScore(double Precision, double Recall, double F1, int Matches);

/// <summary>The metrics of ../shared/tools/score/quotes.py, key for key.</summary>
public sealed record QuotesScore(int Documents, int GoldRelations, int PredictedRelations, ThresholdScore T03, ThresholdScore T08, double SpeakerAccuracy, double CueAccuracy, int IgnoredPredictionsUnknownDoc)
{
    /// <summary>The one JSON line the eval prints: same keys, order and values as the python scorer.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\"documents\": ").Append(Documents.ToString(CultureInfo.InvariantCulture))
          .Append(", \"gold_relations\": ").Append(GoldRelations.ToString(CultureInfo.InvariantCulture))
          .Append(", \"predicted_relations\": ").Append(PredictedRelations.ToString(CultureInfo.InvariantCulture))
          .Append(", \"t0.3\": ").Append(Threshold(T03))
          .Append(", \"t0.8\": ").Append(Threshold(T08))
          .Append(", \"speaker_accuracy\": ").Append(PyFloat(SpeakerAccuracy))
          .Append(", \"cue_accuracy\": ").Append(PyFloat(CueAccuracy))
          .Append(", \"ignored_predictions_unknown_doc\": ").Append(IgnoredPredictionsUnknownDoc.ToString(CultureInfo.InvariantCulture))
          .Append('}');
        return sb.ToString();
    }

    /// <summary>Flat metric names for the floors file: <c>t0.3.f1</c>, <c>t0.8.f1</c>, <c>speaker_accuracy</c>, ...</summary>
    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["t0.3.precision"] = T03.Precision,
        ["t0.3.recall"] = T03.Recall,
        ["t0.3.f1"] = T03.F1,
        ["t0.8.precision"] = T08.Precision,
        ["t0.8.recall"] = T08.Recall,
        ["t0.8.f1"] = T08.F1,
        ["speaker_accuracy"] = SpeakerAccuracy,
        ["cue_accuracy"] = CueAccuracy,
    };

    private static string Threshold(ThresholdScore t) =>
        $"{{\"precision\": {PyFloat(t.Precision)}, \"recall\": {PyFloat(t.Recall)}, \"f1\": {PyFloat(t.F1)}, \"matches\": {t.Matches.ToString(CultureInfo.InvariantCulture)}}}";

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, always with a decimal point or exponent.</summary>
    public static string PyFloat(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal))
        {
            var parts = s.Split('E');
            var exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return parts[0] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        return s.Contains('.', StringComparison.Ordinal) || s is "NaN" or "Infinity" or "-Infinity" ? s : s + ".0";
    }
}

/// <summary>
/// The PolNeAR attribution metric, a line-for-line port of ../shared/tools/score/quotes.py: content token overlap
/// (tokens = maximal runs of Unicode word characters, as python's <c>\w+</c>), greedy one-to-one matching per document
/// at thresholds 0.3 and 0.8, speaker and cue accuracy over the pairs matched at 0.3. Pure; thread-safe.
/// </summary>
public static class QuotesScorer
{
    private static readonly double[] _thresholds = [0.3, 0.8];

    /// <summary>Every <c>&lt;doc&gt;.jsonl</c> under <paramref name="goldDirectory"/> (recursive, ordinal path order) that has a <c>&lt;doc&gt;.txt</c> beside it.</summary>
    public static ImmutableArray<GoldDocument> LoadGold(string goldDirectory)
    {
        var files = Directory.GetFiles(goldDirectory, "*.jsonl", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal);
        var docs = ImmutableArray.CreateBuilder<GoldDocument>();
        foreach (var jf in files)
        {
            var tf = jf[..^".jsonl".Length] + ".txt";
            if (!File.Exists(tf))
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(File.ReadAllBytes(tf));
            var rels = ImmutableArray.CreateBuilder<GoldRelation>();
            foreach (var line in File.ReadLines(jf))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                rels.Add(new GoldRelation(Spans(root, "content"), Spans(root, "cue"), Spans(root, "source")));
            }

            docs.Add(new GoldDocument(Path.GetFileName(jf)[..^".jsonl".Length], tf, text, rels.ToImmutable()));
        }

        return docs.ToImmutable();
    }

    /// <summary>Reads prediction JSON Lines (blank lines skipped). Error is reserved for unreadable input and is null today; a prediction without content is reported by <see cref="Score"/>, as the python scorer does.</summary>
    public static (ImmutableArray<QuotePrediction> Predictions, string? Error) ReadPredictions(string path)
    {
        var list = ImmutableArray.CreateBuilder<QuotePrediction>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var doc = root.TryGetProperty("doc", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? "" : "";
            list.Add(new QuotePrediction(doc, Spans(root, "content"), Spans(root, "cue"), Spans(root, "speaker")));
        }

        return (list.ToImmutable(), null);
    }

    /// <summary>Scores <paramref name="predictions"/> against <paramref name="gold"/> exactly as quotes.py does.</summary>
    public static (QuotesScore? Score, string? Error) Score(ImmutableArray<GoldDocument> gold, IEnumerable<QuotePrediction> predictions)
    {
        var byName = new Dictionary<string, GoldDocument>(StringComparer.Ordinal);
        foreach (var g in gold)
        {
            byName[g.Name] = g;
        }

        var preds = new Dictionary<string, List<QuotePrediction>>(StringComparer.Ordinal);
        var unknown = 0;
        var line = 0;
        foreach (var p in predictions)
        {
            line++;
            var doc = p.Doc.EndsWith(".txt", StringComparison.Ordinal) ? p.Doc[..^4] : p.Doc;
            if (!byName.ContainsKey(doc))
            {
                unknown++;
                continue;
            }

            if (p.Content.IsDefaultOrEmpty)
            {
                return (null, $"prediction {line} has no content span");
            }

            if (!preds.TryGetValue(doc, out var list))
            {
                preds[doc] = list = [];
            }

            list.Add(p with { Content = [.. p.Content.OrderBy(c => c.Start).ThenBy(c => c.End)] });
        }

        var nGold = gold.Sum(g => g.Relations.Length);
        var nPred = preds.Values.Sum(l => l.Count);
        var matched = new int[_thresholds.Length];
        int spkOk = 0, cueOk = 0;
        foreach (var g in gold)
        {
            if (!preds.TryGetValue(g.Name, out var prels) || prels.Count == 0 || g.Relations.IsEmpty)
            {
                continue;
            }

            var toks = WordTokens(g.Text);
            var gt = g.Relations.Select(r => TokenSet(toks, r.Content)).ToList();
            var pt = prels.Select(p => TokenSet(toks, p.Content)).ToList();
            var cands = new List<(double NegOv, int GStart, int PStart, int I, int J)>();
            for (var i = 0; i < gt.Count; i++)
            {
                for (var j = 0; j < pt.Count; j++)
                {
                    var shared = 0;
                    foreach (var t in pt[j])
                    {
                        if (gt[i].Contains(t))
                        {
                            shared++;
                        }
                    }

                    if (shared > 0)
                    {
                        var ov = shared / (double)Math.Max(gt[i].Count, pt[j].Count);
                        cands.Add((-ov, g.Relations[i].Content[0].Start, prels[j].Content[0].Start, i, j));
                    }
                }
            }

            cands.Sort((a, b) =>
            {
                var c = a.NegOv.CompareTo(b.NegOv);
                if (c != 0) return c;
                c = a.GStart.CompareTo(b.GStart);
                if (c != 0) return c;
                c = a.PStart.CompareTo(b.PStart);
                if (c != 0) return c;
                c = a.I.CompareTo(b.I);
                return c != 0 ? c : a.J.CompareTo(b.J);
            });

            for (var ti = 0; ti < _thresholds.Length; ti++)
            {
                var t = _thresholds[ti];
                var ug = new HashSet<int>();
                var up = new HashSet<int>();
                foreach (var (negOv, _, _, i, j) in cands)
                {
                    if (-negOv < t - 1e-12)
                    {
                        break;
                    }

                    if (ug.Contains(i) || up.Contains(j))
                    {
                        continue;
                    }

                    ug.Add(i);
                    up.Add(j);
                    matched[ti]++;
                    if (ti == 0)
                    {
                        var gr = g.Relations[i];
                        var pr = prels[j];
                        spkOk += Correct(pr.Speaker, gr.Source) ? 1 : 0;
                        cueOk += Correct(pr.Cue, gr.Cue) ? 1 : 0;
                    }
                }
            }
        }

        ThresholdScore At(int ti)
        {
            var m = matched[ti];
            var p = nPred > 0 ? m / (double)nPred : 0.0;
            var r = nGold > 0 ? m / (double)nGold : 0.0;
            var f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
            return new ThresholdScore(p, r, f, m);
        }

        var m3 = matched[0];
        return (new QuotesScore(gold.Length, nGold, nPred, At(0), At(1), m3 > 0 ? spkOk / (double)m3 : 0.0, m3 > 0 ? cueOk / (double)m3 : 0.0, unknown), null);
    }

    /// <summary>UTF-16 offsets of <paramref name="text"/> to code point offsets (index i of the result = code points before UTF-16 index i).</summary>
    public static int[] CodePointIndex(string text)
    {
        var map = new int[text.Length + 1];
        var cp = 0;
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = cp;
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                cp++;
            }
            else
            {
                map[i] = cp - 1;
            }
        }

        map[text.Length] = cp;
        return map;
    }

    internal static bool Correct(ImmutableArray<CodePointSpan> predicted, ImmutableArray<CodePointSpan> gold)
    {
        if (!gold.IsDefaultOrEmpty)
        {
            if (predicted.IsDefaultOrEmpty)
            {
                return false;
            }

            foreach (var a in predicted)
            {
                foreach (var b in gold)
                {
                    if (a.Start < b.End && b.Start < a.End)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        return predicted.IsDefaultOrEmpty;
    }

    /// <summary>Word tokens as code point ranges: maximal runs of characters python's <c>\w</c> accepts (letters, numbers, underscore).</summary>
    internal static List<CodePointSpan> WordTokens(string text)
    {
        var toks = new List<CodePointSpan>();
        var cp = 0;
        var start = -1;
        foreach (var rune in text.EnumerateRunes())
        {
            var word = IsWord(rune);
            if (word && start < 0)
            {
                start = cp;
            }
            else if (!word && start >= 0)
            {
                toks.Add(new CodePointSpan(start, cp));
                start = -1;
            }

            cp++;
        }

        if (start >= 0)
        {
            toks.Add(new CodePointSpan(start, cp));
        }

        return toks;
    }

    private static bool IsWord(Rune r)
    {
        if (r.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    internal static HashSet<int> TokenSet(List<CodePointSpan> toks, ImmutableArray<CodePointSpan> spans)
    {
        var set = new HashSet<int>();
        if (spans.IsDefaultOrEmpty)
        {
            return set;
        }

        foreach (var s in spans)
        {
            // binary search the first token ending after s.Start
            int lo = 0, hi = toks.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (toks[mid].End <= s.Start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            for (var i = lo; i < toks.Count && toks[i].Start < s.End; i++)
            {
                if (toks[i].Start < s.End && s.Start < toks[i].End)
                {
                    set.Add(i);
                }
            }
        }

        return set;
    }

    private static ImmutableArray<CodePointSpan> Spans(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var items = e.EnumerateArray().ToList();
        if (items.Count == 2 && items.All(x => x.ValueKind == JsonValueKind.Number))
        {
            return [new CodePointSpan(items[0].GetInt32(), items[1].GetInt32())];
        }

        var list = ImmutableArray.CreateBuilder<CodePointSpan>();
        foreach (var x in items)
        {
            if (x.ValueKind == JsonValueKind.Array && x.GetArrayLength() == 2)
            {
                list.Add(new CodePointSpan(x[0].GetInt32(), x[1].GetInt32()));
            }
        }

        return list.ToImmutable();
    }
}
