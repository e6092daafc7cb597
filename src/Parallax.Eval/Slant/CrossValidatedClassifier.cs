using System.Collections.Immutable;
using System.Text;
using Parallax.Compare.Slant;
using Parallax.Core;

namespace Parallax.Eval.Slant;

/// <summary>Out-of-fold predictions and the macro F1 of each fold.</summary>
public sealed record CrossValidation(ImmutableArray<BiasPrediction> Predictions, ImmutableArray<double> FoldMacroF1);

/// <summary>
/// DEVELOPMENT ONLY, NOT SHIPPED: a logistic regression over the slant features (lexicon categories, marker kinds,
/// lexicon terms) plus lower-cased word unigrams and bigrams (feature hashing), trained inside each of five folds of the
/// set's own split (fold = FNV-1a hash of the sentence's split key mod 5: the id for BABE, the event for BASIL) and applied to the held-out fold. It measures how far the
/// shipped features carry with a learned combiner; its weights are never saved, because the bias sets are evaluation
/// and development only. Deterministic (fixed seed, fixed order).
/// </summary>
public static class CrossValidatedClassifier
{
    public const int Folds = 5;
    private const int Bits = 20;
    private const int Epochs = 12;
    private const double LearningRate = 0.2;
    private const double L2 = 1e-5;

    /// <summary>The fold of an id: FNV-1a (32-bit) of its UTF-8 bytes, mod 5.</summary>
    public static int FoldOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return (int)(Fnv(id) % Folds);
    }

    private static uint Fnv(string s)
    {
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            h = unchecked((h ^ b) * 16777619u);
        }

        return h;
    }

    public static CrossValidation Run(IReadOnlyList<BiasSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var features = sentences.Select(s => Features(s.Text)).ToArray();
        var folds = sentences.Select(s => FoldOf(s.SplitKey)).ToArray();
        var predictions = new BiasPrediction[sentences.Count];
        var foldF1 = ImmutableArray.CreateBuilder<double>(Folds);
        for (var k = 0; k < Folds; k++)
        {
            var train = Enumerable.Range(0, sentences.Count).Where(i => folds[i] != k).ToArray();
            var w = Train(train, features, sentences);
            var held = new List<BiasPrediction>();
            foreach (var i in Enumerable.Range(0, sentences.Count).Where(i => folds[i] == k))
            {
                var p = Sigmoid(Dot(w, features[i]));
                predictions[i] = new BiasPrediction(sentences[i].Id, p >= 0.5, Math.Round(p, 6));
                held.Add(predictions[i]);
            }

            var gold = sentences.Where((s, i) => folds[i] == k).Select(s => new GoldLabel(s.Id, s.Biased)).ToList();
            foldF1.Add(ClassifyScorer.Score(gold, held).MacroF1);
        }

        return new CrossValidation([.. predictions], foldF1.MoveToImmutable());
    }

    private static double[] Train(int[] train, int[][] features, IReadOnlyList<BiasSentence> sentences)
    {
        var w = new double[(1 << Bits) + 1];
        var order = (int[])train.Clone();
        var random = new Random(20261124);

        // Class-balanced loss: each class weighs half in total, so a rare class (BASIL's 6% biased sentences) is not
        // drowned by the other; on a balanced set (BABE) the weights are close to 1.
        var positives = Math.Max(1, train.Count(i => sentences[i].Biased));
        var negatives = Math.Max(1, train.Length - positives);
        var positiveWeight = train.Length / (2.0 * positives);
        var negativeWeight = train.Length / (2.0 * negatives);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + epoch);
            foreach (var i in order)
            {
                var x = features[i];
                var y = sentences[i].Biased ? 1.0 : 0.0;
                var g = (y - Sigmoid(Dot(w, x))) * (y > 0 ? positiveWeight : negativeWeight);
                foreach (var f in x)
                {
                    w[f] += rate * (g - L2 * w[f]);
                }

                w[^1] += rate * g;
            }
        }

        return w;
    }

    private static double Dot(double[] w, int[] x)
    {
        var s = w[^1];
        foreach (var f in x)
        {
            s += w[f];
        }

        return s;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));

    /// <summary>Hashed feature indices of a sentence (with repeats for repeated features).</summary>
    public static int[] Features(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new List<string>();
        foreach (var h in SlantMarkers.Find(text, new TextSpan(0, text.Length), []))
        {
            names.Add("cat=" + h.Category);
            names.Add("comp=" + h.Component);
            names.Add("term=" + h.Term);
        }

        // The shipped sentence detector's view: its verdict, its score, and the categories it counted in the writer's
        // own words (attributed quotations excluded) and its context cues.
        var shipped = SentenceSlant.Score(text);
        names.Add("ship=" + (shipped.Biased ? "1" : "0"));
        names.Add("score=" + Math.Clamp(Math.Round(shipped.Score * 2) / 2, -1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var h in shipped.Hits)
        {
            names.Add("own=" + h.Category);
        }

        foreach (var c in shipped.Cues)
        {
            names.Add("cue=" + c.Category + ":" + c.Term);
        }

        var words = LoadedLexicon.Words(text, 0, text.Length).Select(w => w.Key).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            names.Add("w=" + words[i]);
            names.Add("b=" + (i == 0 ? "^" : words[i - 1]) + " " + words[i]);
        }

        names.Add("b=" + (words.Count == 0 ? "^" : words[^1]) + " $");
        return [.. names.Select(n => (int)(Fnv(n) & ((1u << Bits) - 1)))];
    }
}
