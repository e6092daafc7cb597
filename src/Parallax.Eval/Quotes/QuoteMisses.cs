using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Parallax.Eval.Quotes;

/// <summary>
/// An error-analysis dump for the quotes task: one JSON line per gold relation that no prediction overlaps at 0.3
/// (<c>missed</c>), per prediction that overlaps no gold relation at 0.3 (<c>spurious</c>), and per pair that does but
/// names another speaker (<c>wrong-speaker</c>), each with the texts of its spans and the paragraph around it. Matching is
/// by best overlap, not the scorer's one-to-one assignment, so counts can differ slightly from the metric's. For reading
/// errors on a development split; never a training signal.
/// </summary>
public static class QuoteMisses
{
    public const double Threshold = 0.3;

    /// <summary>JSON lines, in document order then text order.</summary>
    public static IEnumerable<string> Lines(ImmutableArray<GoldDocument> gold, IEnumerable<QuotePrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var byDoc = predictions.GroupBy(p => p.Doc.EndsWith(".txt", StringComparison.Ordinal) ? p.Doc[..^4] : p.Doc, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var g in gold)
        {
            var preds = byDoc.GetValueOrDefault(g.Name) ?? [];
            var toks = QuotesScorer.WordTokens(g.Text);
            var utf16 = Utf16Index(g.Text);
            string Of(ImmutableArray<CodePointSpan> spans) => spans.IsDefaultOrEmpty ? "" : string.Join(" | ", spans.Select(s => g.Text[utf16[s.Start]..utf16[s.End]]));
            var pt = preds.Select(p => QuotesScorer.TokenSet(toks, p.Content)).ToList();
            var predMatched = new bool[preds.Count];
            foreach (var r in g.Relations)
            {
                var gt = QuotesScorer.TokenSet(toks, r.Content);
                var (best, bestJ) = (0.0, -1);
                for (var j = 0; j < pt.Count; j++)
                {
                    var shared = pt[j].Count(gt.Contains);
                    var ov = shared / (double)Math.Max(1, Math.Max(gt.Count, pt[j].Count));
                    if (ov > best)
                    {
                        (best, bestJ) = (ov, j);
                    }
                }

                if (best >= Threshold)
                {
                    predMatched[bestJ] = true;
                    if (!QuotesScorer.Correct(preds[bestJ].Speaker, r.Source))
                    {
                        yield return Line("wrong-speaker", g, Of(r.Content), Of(r.Cue), Of(r.Source), best, Of(preds[bestJ].Content), Of(preds[bestJ].Speaker), Paragraph(g.Text, utf16[r.Content[0].Start]));
                    }

                    continue;
                }

                yield return Line("missed", g, Of(r.Content), Of(r.Cue), Of(r.Source), best, bestJ >= 0 ? Of(preds[bestJ].Content) : null, null, Paragraph(g.Text, utf16[r.Content[0].Start]));
            }

            for (var j = 0; j < preds.Count; j++)
            {
                if (!predMatched[j] && !g.Relations.Any(r => Overlap(QuotesScorer.TokenSet(toks, r.Content), pt[j]) >= Threshold))
                {
                    yield return Line("spurious", g, null, Of(preds[j].Cue), null, 0, Of(preds[j].Content), Of(preds[j].Speaker), Paragraph(g.Text, utf16[preds[j].Content[0].Start]));
                }
            }
        }
    }

    private static double Overlap(HashSet<int> a, HashSet<int> b) => a.Count(b.Contains) / (double)Math.Max(1, Math.Max(a.Count, b.Count));

    private static string Line(string kind, GoldDocument g, string? gold, string? cue, string? source, double overlap, string? predicted, string? predictedSpeaker, string paragraph)
    {
        var o = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["doc"] = g.Name,
            ["cue"] = cue,
            ["source"] = source,
            ["content"] = gold,
            ["overlap"] = Math.Round(overlap, 3),
            ["predicted"] = predicted,
            ["predictedSpeaker"] = predictedSpeaker,
            ["paragraph"] = paragraph,
        };
        return JsonSerializer.Serialize(o);
    }

    /// <summary>The line (paragraph) of <paramref name="text"/> around UTF-16 offset <paramref name="at"/>.</summary>
    private static string Paragraph(string text, int at)
    {
        var start = at <= 0 ? 0 : text.LastIndexOf('\n', Math.Min(at, text.Length) - 1) + 1;
        var end = text.IndexOf('\n', Math.Min(at, text.Length));
        return text[start..(end < 0 ? text.Length : end)];
    }

    /// <summary>Code point offset → UTF-16 offset (one entry per code point plus the end).</summary>
    private static int[] Utf16Index(string text)
    {
        var index = new List<int>(text.Length + 1);
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            index.Add(i);
            i += rune.Utf16SequenceLength;
        }

        index.Add(i);
        return [.. index];
    }
}
