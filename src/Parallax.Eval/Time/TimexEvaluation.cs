using System.Diagnostics;
using Parallax.Core;
using Parallax.Language.Time;

namespace Parallax.Eval.Time;

/// <summary>A loaded TimeML set: documents plus files that could not be read.</summary>
public sealed record TimeMlSet(IReadOnlyList<TimeMlDocument> Documents, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>Gold timexes per document, offsets converted to code points (the scorer's unit).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ScoredTimex>> Gold() =>
        Documents.ToDictionary(
            d => d.Name,
            d => (IReadOnlyList<ScoredTimex>)[.. d.Timexes.Select(g => new ScoredTimex(d.Name, TimexScorer.CodePointIndex(d.Text, g.Start), TimexScorer.CodePointIndex(d.Text, g.End), g.Type, g.Value))],
            StringComparer.Ordinal);
}

/// <summary>Runs <see cref="TimexTagger"/> over a TimeML set (anchor = each document's DCT) and scores it like timex.py.</summary>
public static class TimexEvaluation
{
    public static TimeMlSet Load(string directory)
    {
        var docs = new List<TimeMlDocument>();
        var problems = new List<Diagnostic>();
        foreach (var file in TimeMlDocument.Files(directory))
        {
            var (doc, problem) = TimeMlDocument.Read(file);
            if (doc is not null)
            {
                docs.Add(doc);
            }
            else if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return new TimeMlSet(docs, problems);
    }

    /// <summary>The tagger's predictions (code point offsets) and the wall time spent tagging (excluding I/O).</summary>
    public static (List<ScoredTimex> Predictions, TimeSpan Elapsed) Predict(TimeMlSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var predictions = new List<ScoredTimex>();
        var watch = Stopwatch.StartNew();
        foreach (var doc in set.Documents)
        {
            foreach (var t in TimexTagger.Tag(doc.Text, doc.Dct))
            {
                predictions.Add(new ScoredTimex(doc.Name, TimexScorer.CodePointIndex(doc.Text, t.Span.Start), TimexScorer.CodePointIndex(doc.Text, t.Span.End),
                    t.Type.ToString().ToUpperInvariant(), t.Value ?? string.Empty));
            }
        }

        watch.Stop();
        return (predictions, watch.Elapsed);
    }

    /// <summary>
    /// Human-readable error lines: missed gold (<c>FN</c>), spurious predictions (<c>FP</c>), span mismatches (<c>SPAN</c>),
    /// wrong values (<c>VAL</c>) and types (<c>TYPE</c>), each with the document, the text and some context.
    /// </summary>
    public static IEnumerable<string> Errors(TimeMlSet set, IReadOnlyList<ScoredTimex> predictions)
    {
        var byDoc = predictions.GroupBy(p => p.Doc).ToDictionary(g => g.Key, g => g.DistinctBy(p => (p.Start, p.End)).ToList());
        foreach (var doc in set.Documents)
        {
            var cps = doc.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
            string Slice(int s, int e) => string.Concat(cps[Math.Clamp(s, 0, cps.Length)..Math.Clamp(e, 0, cps.Length)]).Replace('\n', ' ');
            var golds = set.Gold()[doc.Name];
            var preds = byDoc.TryGetValue(doc.Name, out var l) ? l : [];
            var pairs = TimexScorer.MatchRelaxed(golds, preds);
            var mg = pairs.Select(p => p.Gold).ToHashSet();
            var mp = pairs.Select(p => p.Pred).ToHashSet();
            string Ctx(int s, int e) => Slice(s - 40, s) + "[" + Slice(s, e) + "]" + Slice(e, e + 30);
            for (var i = 0; i < golds.Count; i++)
            {
                if (!mg.Contains(i))
                {
                    yield return $"FN\t{doc.Name}\t{golds[i].Type}\t{golds[i].Value}\t{Slice(golds[i].Start, golds[i].End)}\t{Ctx(golds[i].Start, golds[i].End)}";
                }
            }

            for (var j = 0; j < preds.Count; j++)
            {
                if (!mp.Contains(j))
                {
                    yield return $"FP\t{doc.Name}\t{preds[j].Type}\t{preds[j].Value}\t{Slice(preds[j].Start, preds[j].End)}\t{Ctx(preds[j].Start, preds[j].End)}";
                }
            }

            foreach (var (i, j) in pairs)
            {
                var g = golds[i];
                var p = preds[j];
                if (g.Start != p.Start || g.End != p.End)
                {
                    yield return $"SPAN\t{doc.Name}\tgold=[{Slice(g.Start, g.End)}]\tpred=[{Slice(p.Start, p.End)}]\t{Ctx(g.Start, g.End)}";
                }

                if (g.Value != p.Value)
                {
                    yield return $"VAL\t{doc.Name}\tdct={doc.Dct:yyyy-MM-dd}\tgold={g.Value}\tpred={p.Value}\t{Slice(p.Start, p.End)}\t{Ctx(g.Start, g.End)}";
                }

                if (!g.Type.Equals(p.Type, StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"TYPE\t{doc.Name}\tgold={g.Type}\tpred={p.Type}\t{Slice(p.Start, p.End)}";
                }
            }
        }
    }
}
