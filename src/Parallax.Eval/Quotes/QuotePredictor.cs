using System.Collections.Immutable;
using System.Text;
using Parallax.Language.Quotes;

namespace Parallax.Eval.Quotes;

/// <summary>Runs <see cref="QuoteExtractor"/> on gold documents and writes predictions in the scorer's JSON Lines format.</summary>
public static class QuotePredictor
{
    /// <summary>Predictions for <paramref name="doc"/>: one per extracted quote, content as its parts, offsets converted from UTF-16 to code points.</summary>
    public static ImmutableArray<QuotePrediction> Predict(GoldDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var extraction = QuoteExtractor.Extract(doc.Text);
        var cp = QuotesScorer.CodePointIndex(doc.Text);
        CodePointSpan Conv(Parallax.Core.TextSpan s) => new(cp[s.Start], cp[s.End]);
        var list = ImmutableArray.CreateBuilder<QuotePrediction>(extraction.Quotes.Length);
        foreach (var q in extraction.Quotes)
        {
            list.Add(new QuotePrediction(
                doc.Name,
                [.. q.ContentParts.Select(Conv)],
                q.Quote.Cue is { } c ? [Conv(c)] : [],
                q.Quote.Speaker is { } s ? [Conv(s)] : []));
        }

        return list.ToImmutable();
    }

    /// <summary>One JSON line: <c>{"doc": ..., "content": [[s,e],...], "cue": [s,e] | null, "speaker": [s,e] | null}</c>.</summary>
    public static string ToJsonLine(QuotePrediction p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var sb = new StringBuilder();
        sb.Append("{\"doc\": ").Append(System.Text.Json.JsonSerializer.Serialize(p.Doc)).Append(", \"content\": [");
        for (var i = 0; i < p.Content.Length; i++)
        {
            sb.Append(i > 0 ? ", " : "").Append('[').Append(p.Content[i].Start).Append(", ").Append(p.Content[i].End).Append(']');
        }

        sb.Append("], \"cue\": ").Append(Single(p.Cue)).Append(", \"speaker\": ").Append(Single(p.Speaker)).Append('}');
        return sb.ToString();
    }

    private static string Single(ImmutableArray<CodePointSpan> spans) =>
        spans.IsDefaultOrEmpty ? "null" : $"[{spans[0].Start}, {spans[0].End}]";
}
