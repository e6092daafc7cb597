using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Compare.Slant;

/// <summary>The slant of one sentence: its features and their weighted sum.</summary>
/// <param name="Score">Sum of the category weights of <see cref="Hits"/>.</param>
/// <param name="Biased">True when <see cref="Score"/> reaches the weights' sentence threshold.</param>
public sealed record SentenceSlantResult(double Score, bool Biased, ImmutableArray<SlantHit> Hits);

/// <summary>
/// The shipped sentence-level loaded-language detector (what <c>parallax eval loaded-language</c> scores): the
/// lexicon and marker features of <see cref="SlantMarkers"/>, weighted by category, against one threshold. No
/// trained parameters. Pure and thread-safe.
/// </summary>
public static class SentenceSlant
{
    /// <summary>Scores a standalone sentence (every word counts, quoted or not).</summary>
    public static SentenceSlantResult Score(string sentence, SlantWeights? weights = null, LoadedLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return Score(sentence, new TextSpan(0, sentence.Length), [], weights, lexicon);
    }

    /// <summary>Scores the sentence at <paramref name="span"/> of <paramref name="text"/>, skipping words in <paramref name="excluded"/>.</summary>
    public static SentenceSlantResult Score(string text, TextSpan span, IReadOnlyList<TextSpan> excluded, SlantWeights? weights = null, LoadedLexicon? lexicon = null)
    {
        weights ??= SlantWeights.Default;
        var hits = SlantMarkers.Find(text, span, excluded, lexicon);
        var score = hits.Sum(h => weights.Category(h.Category));
        return new SentenceSlantResult(score, hits.Length > 0 && score >= weights.SentenceThreshold, hits);
    }
}
