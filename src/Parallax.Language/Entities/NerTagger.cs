namespace Parallax.Language.Entities;

/// <summary>
/// IOB2 tagging of the sentences of one document with an averaged-perceptron <see cref="NerModel"/>: greedy left to right
/// when the model was trained greedily (<see cref="NerModel.Beam"/> 1), else beam search of that width
/// (<see cref="NerBeam"/>). Deterministic; thread-safe (all state is per call).
/// </summary>
public sealed class NerTagger
{
    private readonly NerModel _model;
    private readonly Gazetteer _gazetteer;

    private readonly int _beam;

    /// <param name="beam">Beam width of decoding; default the model's (<see cref="NerModel.Beam"/>).</param>
    public NerTagger(NerModel model, Gazetteer gazetteer, int? beam = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beam ?? 1, 1);
        _beam = beam ?? model.Beam;
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(gazetteer);
        _model = model;
        _gazetteer = gazetteer;
    }

    public NerModel Model => _model;

    /// <summary>Tags each sentence (a list of token strings) of one document; returns tag indexes (<see cref="NerTags"/>).</summary>
    public int[][] Tag(IReadOnlyList<IReadOnlyList<string>> sentences) => Tag(sentences, out _);

    /// <summary><see cref="Tag(IReadOnlyList{IReadOnlyList{string}})"/>, also giving the per-sentence feature views (lower-cased words, gazetteer matches, casing) for the rules after tagging.</summary>
    internal int[][] Tag(IReadOnlyList<IReadOnlyList<string>> sentences, out NerFeatures.SentenceView[] sentenceViews)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var features = new NerFeatures(_gazetteer, _model.CaseProfile, _model.CasingClasses);
        var views = new NerFeatures.SentenceView[sentences.Count];
        var scratch = t_hashes ??= [];
        for (var s = 0; s < views.Length; s++)
        {
            if (scratch.Count == s)
            {
                scratch.Add(new NerFeatures.HashScratch());
            }

            views[s] = features.View(sentences[s], scratch[s]);
        }

        sentenceViews = views;
        var ctx = NerFeatures.BuildContext(views);
        var result = new int[sentences.Count][];
        var buffer = new List<ulong>(64);
        Span<ulong> dynamic = stackalloc ulong[NerFeatures.DynamicCount];
        Span<float> scores = stackalloc float[Stride];
        // per token of the sentence: the sum of its tag-independent feature weights (Stride floats per token). Adding the
        // tag-history weights to that sum later adds the same floats in the same order as one pass over all features.
        var staticScores = new float[64 * Stride];
        var beam = _beam > 1 ? new BeamDecoder(_model, _beam) : null;
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            var n = words.Count;
            var tags = new int[n];
            if (n > 0)
            {
                var view = views[s];
                if (staticScores.Length < n * Stride)
                {
                    staticScores = new float[n * 2 * Stride];
                }

                // the static features of sentence s depend on the tags of sentences before it (ctx.History), never on its own
                for (var i = 0; i < n; i++)
                {
                    buffer.Clear();
                    features.Static(view, i, ctx, buffer);
                    var sum = staticScores.AsSpan(i * Stride, Stride);
                    sum.Clear();
                    _model.Score8(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer), sum);
                }

                if (beam is not null)
                {
                    beam.Decode(view, staticScores, tags);
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        var prev = i > 0 ? tags[i - 1] : -1;
                        var prev2 = i > 1 ? tags[i - 2] : -1;
                        NerFeatures.Dynamic(view, i, prev, prev2, dynamic);
                        staticScores.AsSpan(i * Stride, Stride).CopyTo(scores);
                        _model.Score8(dynamic, scores);
                        tags[i] = Best(scores[..NerTags.Count], prev);
                    }
                }

                Remember(view, tags, ctx);
            }

            result[s] = tags;
        }

        return result;
    }

    private const int Stride = NerModel.Stride;

    /// <summary>
    /// Per thread, one set of hash arrays per sentence index, reused by each document tagged on the thread (the hashes are
    /// read only inside <see cref="Tag(IReadOnlyList{IReadOnlyList{string}}, out NerFeatures.SentenceView[])"/>; the rules
    /// after it read the views' words, lower-cased words, gazetteer matches and casing, which are made per call).
    /// </summary>
    [ThreadStatic]
    private static List<NerFeatures.HashScratch>? t_hashes;

    /// <summary>Beam decoding of one document's sentences with the model's tag-history weights (one per <see cref="Tag(IReadOnlyList{IReadOnlyList{string}})"/> call).</summary>
    private sealed class BeamDecoder
    {
        private readonly NerModel _model;
        private readonly NerBeam _beam;
        private readonly NerBeam.DynamicScorer _scorer;
        private NerFeatures.SentenceView? _view;

        public BeamDecoder(NerModel model, int width)
        {
            _model = model;
            _beam = new NerBeam(width);
            _scorer = Score;
        }

        public void Decode(NerFeatures.SentenceView view, float[] staticScores, int[] tags)
        {
            _view = view;
            _beam.Decode(view.Words.Length, staticScores, _scorer, tags);
        }

        private void Score(int i, int prev, int prev2, Span<float> into)
        {
            Span<ulong> history = stackalloc ulong[NerFeatures.DynamicCount];
            NerFeatures.Dynamic(_view!, i, prev, prev2, history);
            _model.Score8(history, into);
        }
    }

    internal static int Best(ReadOnlySpan<float> scores, int prev)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var t = 0; t < scores.Length; t++)
        {
            if (NerTags.Allowed(prev, t) && scores[t] > bestScore)
            {
                best = t;
                bestScore = scores[t];
            }
        }

        return best;
    }

    /// <summary>Records the entity type given to each capitalised word, for the document-history feature.</summary>
    internal static void Remember(NerFeatures.SentenceView view, int[] tags, NerFeatures.DocContext ctx)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            var w = view.Words[i];
            if (w.Length > 0 && char.IsUpper(w[0]))
            {
                ctx.History[view.Lower[i]] = NerTags.TypeOf(tags[i]);
            }
        }
    }
}
