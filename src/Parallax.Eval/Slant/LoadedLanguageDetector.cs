using System.Collections.Immutable;
using Parallax.Compare.Slant;
using Parallax.Core;

namespace Parallax.Eval.Slant;

/// <summary>
/// The shipped loaded-language detector applied to the bias sets: <see cref="SentenceSlant"/> per sentence (BABE,
/// BASIL), and the loaded-term spans of <see cref="SlantMarkers"/> per article line (PTC). No training. Pure.
/// </summary>
public static class LoadedLanguageDetector
{
    /// <summary>
    /// One prediction per sentence: biased when the weighted sum of its slant features reaches the shipped threshold.
    /// Sentences of one article (ids <c>&lt;article&gt;#&lt;i&gt;</c>, BASIL) are read in order, so that a quotation
    /// opened in one sentence and closed in a later one stays the speaker's words in the sentences between.
    /// </summary>
    public static ImmutableArray<BiasPrediction> Predict(IEnumerable<BiasSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var predictions = ImmutableArray.CreateBuilder<BiasPrediction>();
        string? article = null;
        var inQuote = false;
        foreach (var s in sentences)
        {
            var hash = s.Id.LastIndexOf('#');
            var current = hash > 0 ? s.Id[..hash] : null;
            if (current is null || current != article)
            {
                inQuote = false;
            }

            article = current;
            var span = new TextSpan(0, s.Text.Length);
            var excluded = SentenceSlant.AttributedQuotations(s.Text, span).ToList();
            var firstMark = s.Text.IndexOfAny(['\u201C', '\u201D', '"']);
            if (inQuote)
            {
                // The sentence continues a quotation: its words up to the first quotation mark are the speaker's.
                excluded.Add(new TextSpan(0, firstMark < 0 ? s.Text.Length : firstMark));
            }

            var r = SentenceSlant.Score(s.Text, span, excluded);
            predictions.Add(new BiasPrediction(s.Id, r.Biased, r.Score));
            inQuote = current is not null && EndsInQuote(s.Text, inQuote);
        }

        return predictions.ToImmutable();
    }

    /// <summary>True when a quotation is still open at the end of <paramref name="text"/>, given whether it began inside one.</summary>
    private static bool EndsInQuote(string text, bool startsInQuote)
    {
        var open = startsInQuote;
        foreach (var c in text)
        {
            open = c switch
            {
                '\u201C' => true,
                '\u201D' => false,
                '"' => !open,
                _ => open,
            };
        }

        return open;
    }

    /// <summary>
    /// Loaded-term spans of each article (code-point offsets, as the PTC gold): lexicon terms of the word-choice
    /// categories; name-calling categories (insult, epithet, partisan) are tagged <c>Name_Calling,Labeling</c>, the
    /// others <c>Loaded_Language</c>.
    /// </summary>
    public static ImmutableArray<TechniqueSpan> PredictSpans(IEnumerable<PtcArticle> articles)
    {
        var spans = ImmutableArray.CreateBuilder<TechniqueSpan>();
        foreach (var article in articles)
        {
            var text = article.Text;
            var toCodePoint = CodePointIndex(text);
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                foreach (var h in SlantMarkers.Find(text, new TextSpan(start, end), []))
                {
                    if (h.Component != SlantMarkers.LoadedTerms)
                    {
                        continue;
                    }

                    var technique = h.Category is "insult" or "epithet" or "partisan" ? "Name_Calling,Labeling" : "Loaded_Language";
                    spans.Add(new TechniqueSpan(article.Id, toCodePoint[h.Span.Start], toCodePoint[h.Span.End], technique));
                }

                start = end + 1;
            }
        }

        return spans.ToImmutable();
    }

    /// <summary>Maps each UTF-16 offset (0..Length) to its code-point offset (python string index).</summary>
    public static int[] CodePointIndex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new int[text.Length + 1];
        var cp = 0;
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = cp;
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                cp++;
            }
        }

        map[text.Length] = cp;
        return map;
    }
}
