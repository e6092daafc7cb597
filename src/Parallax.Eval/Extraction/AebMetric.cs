using System.Globalization;
using System.Text;

namespace Parallax.Eval.Extraction;

/// <summary>The figures of the AEB metric over a set of documents (same keys and values as <c>../shared/tools/score/aeb.py</c>).</summary>
/// <param name="Precision">Mean per-document shingle precision over documents with a non-empty prediction.</param>
/// <param name="Recall">Mean per-document shingle recall over documents with a non-empty gold or prediction.</param>
/// <param name="F1">Harmonic mean of <paramref name="Precision"/> and <paramref name="Recall"/> (0 when both are 0).</param>
/// <param name="Accuracy">Share of documents whose token sequence equals the gold one.</param>
/// <param name="N">Number of gold documents.</param>
public sealed record AebScore(double Precision, double Recall, double F1, double Accuracy, int N)
{
    /// <summary>The scorer's JSON line: <c>{"precision": .., "recall": .., "f1": .., "accuracy": .., "n": ..}</c>, round-trip doubles.</summary>
    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"precision\": {Format(Precision)}, \"recall\": {Format(Recall)}, \"f1\": {Format(F1)}, \"accuracy\": {Format(Accuracy)}, \"n\": {N}}}");

    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["precision"] = Precision,
        ["recall"] = Recall,
        ["f1"] = F1,
        ["accuracy"] = Accuracy,
    };

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, always with a dot or an exponent (<c>0.0</c>, <c>1e-05</c>).</summary>
    private static string Format(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal))
        {
            return s.Replace("E", "e", StringComparison.Ordinal);
        }

        return s.Contains('.', StringComparison.Ordinal) || !double.IsFinite(value) ? s : s + ".0";
    }
}

/// <summary>Per-document figures; null precision/recall where the document is left out of that mean.</summary>
public sealed record AebDocumentScore(string Id, double? Precision, double? Recall, bool Exact);

/// <summary>
/// The article-extraction-benchmark metric (Zyte), exactly as <c>../shared/data/extraction/aeb/FORMAT.md</c> and
/// <c>aeb.py</c> define it: tokens are maximal runs of Python-<c>\w</c> characters (Unicode letters, numbers and
/// <c>_</c>, by code point; combining marks are not word characters), 4-token shingle multisets, per-document
/// precision and recall averaged over documents, F1 from the two means. Pure and thread-safe.
/// </summary>
public static class AebMetric
{
    public const int ShingleSize = 4;

    /// <summary>Scores <paramref name="predictions"/> against <paramref name="gold"/> (id → text). A gold id missing from the predictions counts as an empty prediction; extra prediction ids are ignored.</summary>
    public static AebScore Score(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predictions, List<AebDocumentScore>? perDocument = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        double precisionSum = 0, recallSum = 0;
        int precisionCount = 0, recallCount = 0, exact = 0;
        foreach (var (id, goldText) in gold)
        {
            var predText = predictions.TryGetValue(id, out var p) ? p : "";
            var goldTokens = Tokens(goldText);
            var predTokens = Tokens(predText);
            var (tp, fp, fn) = Counts(goldTokens, predTokens);
            double? precision = null, recall = null;
            if (tp + fp > 0)
            {
                precision = fp == 0 && fn == 0 ? 1.0 : tp / (tp + fp);
                precisionSum += precision.Value;
                precisionCount++;
            }

            if (tp + fn > 0)
            {
                recall = fp == 0 && fn == 0 ? 1.0 : tp / (tp + fn);
                recallSum += recall.Value;
                recallCount++;
            }

            var same = goldTokens.SequenceEqual(predTokens, StringComparer.Ordinal);
            if (same)
            {
                exact++;
            }

            perDocument?.Add(new AebDocumentScore(id, precision, recall, same));
        }

        var prec = precisionCount > 0 ? precisionSum / precisionCount : 0.0;
        var rec = recallCount > 0 ? recallSum / recallCount : 0.0;
        var f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0;
        var n = gold.Count;
        return new AebScore(prec, rec, f1, n > 0 ? (double)exact / n : 0.0, n);
    }

    /// <summary>The maximal runs of word characters of <paramref name="text"/>, in order (Python <c>re.findall(r"\w+", text)</c>).</summary>
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var word = status == System.Buffers.OperationStatus.Done && IsWordRune(rune);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }

            i += Math.Max(1, consumed);
        }

        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }

    /// <summary>Python's <c>str.isalnum() or == "_"</c> for one code point: letters (L*), numbers (Nd, Nl, No) and underscore.</summary>
    public static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>(tp, fp, fn) of one document, normalised to sum 1 as the scorer does (all 0 when both texts are empty).</summary>
    public static (double Tp, double Fp, double Fn) Counts(List<string> goldTokens, List<string> predTokens)
    {
        var gold = Shingles(goldTokens);
        var pred = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (shingle, a) in gold)
        {
            var b = pred.TryGetValue(shingle, out var c) ? c : 0;
            var common = Math.Min(a, b);
            tp += common;
            fp += b - common;
            fn += a - common;
        }

        foreach (var (shingle, b) in pred)
        {
            if (!gold.ContainsKey(shingle))
            {
                fp += b;
            }
        }

        var total = tp + fp + fn;
        return total > 0 ? (tp / total, fp / total, fn / total) : (0, 0, 0);
    }

    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return counts;
        }

        // Tokens never contain U+0001, so joining with it keeps distinct shingles distinct.
        if (tokens.Count < ShingleSize)
        {
            counts[string.Join('\u0001', tokens)] = 1;
            return counts;
        }

        for (var i = 0; i + ShingleSize <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]);
            counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
        }

        return counts;
    }
}
