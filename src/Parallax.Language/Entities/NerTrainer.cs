namespace Parallax.Language.Entities;

/// <summary>One training document: its sentences, each a list of (token, gold IOB2 tag index).</summary>
/// <param name="Unsure">Per sentence, tokens whose gold tag is not trusted (partial annotation): no update is made there. May be null.</param>
public sealed record NerTrainingDoc(string Id, IReadOnlyList<IReadOnlyList<string>> Sentences, IReadOnlyList<int[]> Tags, IReadOnlyList<bool[]>? Unsure = null);

/// <summary>
/// Trains an averaged perceptron (Collins 2002; lazy averaging) for <see cref="NerTagger"/>. Deterministic: documents
/// are shuffled each epoch with a fixed-seed xorshift generator; the same data, seed and epochs give the same model.
/// </summary>
public sealed class NerTrainer
{
    private readonly Dictionary<ulong, float[]> _w = [];
    private readonly Dictionary<ulong, double[]> _total = [];
    private readonly Dictionary<ulong, int[]> _stamp = [];
    private int _clock;
    private NerBeam? _beam;

    /// <summary>Trains on <paramref name="docs"/> and returns the averaged model.</summary>
    /// <param name="progress">Called after each epoch with (epoch, token accuracy).</param>
    /// <param name="minCount">How often a word must occur in lower case to enter the lower-case lexicon.</param>
    /// <param name="ensemble">How many perceptrons to train, each with its own document order (seeds <paramref name="seed"/>,
    /// <paramref name="seed"/> + 1, ...); the model holds the mean of their averaged weights (a feature missing from one
    /// counts as zero there). 1 trains one perceptron.</param>
    /// <param name="beam">1: greedy left-to-right training and decoding (one perceptron update per wrongly tagged token). Above 1:
    /// a structured perceptron over whole sentences decoded by beam search of that width (<see cref="NerBeam"/>), with early
    /// update (Collins and Roark 2004: when the gold prefix leaves the beam, the prefix of the best hypothesis is penalised
    /// and the gold prefix rewarded); the model records the width and <see cref="NerTagger"/> decodes with it.</param>
    /// <param name="openText">Sentences of open unlabelled text for the casing classes of words (<see cref="NerFeatures.CasingClasses"/>), or null for none.</param>
    public static NerModel Train(IReadOnlyList<NerTrainingDoc> docs, Gazetteer gazetteer, int epochs, ulong seed, int minCount = 2, Action<int, double>? progress = null, int ensemble = 1, int beam = 1, IEnumerable<IReadOnlyList<string>>? openText = null)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentOutOfRangeException.ThrowIfLessThan(ensemble, 1);
        var profile = NerFeatures.CaseProfile(docs.SelectMany(d => d.Sentences), minCount);
        var casing = openText is null ? null : NerFeatures.CasingClasses(openText, minCount);
        if (ensemble == 1)
        {
            return new NerModel(TrainOne(docs, gazetteer, epochs, seed, profile, casing, progress, beam), profile, beam, casing);
        }

        var sum = new Dictionary<ulong, float[]>();
        for (var m = 0; m < ensemble; m++)
        {
            foreach (var (f, w) in TrainOne(docs, gazetteer, epochs, seed + (ulong)m, profile, casing, progress, beam))
            {
                if (!sum.TryGetValue(f, out var acc))
                {
                    acc = new float[NerTags.Count];
                    sum[f] = acc;
                }

                for (var t = 0; t < acc.Length; t++)
                {
                    acc[t] += w[t];
                }
            }
        }

        // the same order of additions for every feature, so the mean is deterministic
        foreach (var acc in sum.Values)
        {
            for (var t = 0; t < acc.Length; t++)
            {
                acc[t] /= ensemble;
            }
        }

        return new NerModel(sum, profile, beam, casing);
    }

    private static Dictionary<ulong, float[]> TrainOne(IReadOnlyList<NerTrainingDoc> docs, Gazetteer gazetteer, int epochs, ulong seed, IReadOnlyDictionary<string, byte> profile, IReadOnlyDictionary<string, byte>? casing, Action<int, double>? progress, int beam)
    {
        var trainer = new NerTrainer { _beam = beam > 1 ? new NerBeam(beam) : null };
        var order = Enumerable.Range(0, docs.Count).ToArray();
        var rng = seed == 0 ? 88172645463325252UL : seed;
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                var j = (int)(rng % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            long correct = 0, total = 0;
            foreach (var k in order)
            {
                var (c, t) = trainer.TrainDoc(docs[k], gazetteer, profile, casing);
                correct += c;
                total += t;
            }

            progress?.Invoke(epoch, total == 0 ? 0 : (double)correct / total);
        }

        return trainer.Average();
    }

    private (int Correct, int Total) TrainDoc(NerTrainingDoc doc, Gazetteer gazetteer, IReadOnlyDictionary<string, byte> profile, IReadOnlyDictionary<string, byte>? casing)
    {
        var features = new NerFeatures(gazetteer, profile, casing);
        var views = doc.Sentences.Select(features.View).ToArray();
        var ctx = NerFeatures.BuildContext(views);
        var buffer = new List<ulong>(64);
        var scores = new float[NerTags.Count];
        int correct = 0, total = 0;
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var words = doc.Sentences[s];
            var gold = doc.Tags[s];
            if (words.Count == 0)
            {
                continue;
            }

            var view = views[s];
            var tags = new int[words.Count];
            if (_beam is not null && doc.Unsure is null)
            {
                correct += TrainSentence(features, view, ctx, gold, tags);
                total += words.Count;
                NerTagger.Remember(view, tags, ctx);
                continue;
            }

            for (var i = 0; i < words.Count; i++)
            {
                buffer.Clear();
                features.Static(view, i, ctx, buffer);
                var prev = i > 0 ? tags[i - 1] : -1;
                var prev2 = i > 1 ? tags[i - 2] : -1;
                NerFeatures.Dynamic(view, i, prev, prev2, buffer);
                Array.Clear(scores);
                foreach (var f in buffer)
                {
                    if (_w.TryGetValue(f, out var w))
                    {
                        for (var t = 0; t < NerTags.Count; t++)
                        {
                            scores[t] += w[t];
                        }
                    }
                }

                var guess = NerTagger.Best(scores, prev);
                _clock++;
                var unsure = doc.Unsure is not null && doc.Unsure[s][i];
                if (guess != gold[i] && !unsure)
                {
                    foreach (var f in buffer)
                    {
                        Update(f, gold[i], 1f);
                        Update(f, guess, -1f);
                    }
                }
                else
                {
                    correct++;
                }

                total++;
                tags[i] = guess;
            }

            NerTagger.Remember(view, tags, ctx);
        }

        return (correct, total);
    }

    private List<ulong>[] _static = [];
    private float[] _staticScores = [];

    /// <summary>One structured-perceptron step on a sentence (beam search with early update); leaves in <paramref name="tags"/> the
    /// decoding of the whole sentence with the updated weights and returns how many of its tags equal the gold ones.</summary>
    private int TrainSentence(NerFeatures features, NerFeatures.SentenceView view, NerFeatures.DocContext ctx, int[] gold, int[] tags)
    {
        var n = view.Words.Length;
        if (_static.Length < n)
        {
            var grown = new List<ulong>[n * 2];
            Array.Copy(_static, grown, _static.Length);
            for (var i = _static.Length; i < grown.Length; i++)
            {
                grown[i] = new List<ulong>(64);
            }

            _static = grown;
            _staticScores = new float[n * 2 * NerModel.Stride];
        }

        for (var i = 0; i < n; i++)
        {
            _static[i].Clear();
            features.Static(view, i, ctx, _static[i]);
        }

        var scorer = Scorer(view);
        StaticScores(n);
        var early = _beam!.Decode(n, _staticScores, scorer, tags, gold);
        var last = early >= 0 ? early : n - 1;
        _clock += n;
        var wrong = false;
        Span<ulong> goldHistory = stackalloc ulong[NerFeatures.DynamicCount];
        Span<ulong> guessHistory = stackalloc ulong[NerFeatures.DynamicCount];
        for (var j = 0; j <= last; j++)
        {
            var gp = j > 0 ? gold[j - 1] : -1;
            var gp2 = j > 1 ? gold[j - 2] : -1;
            var tp = j > 0 ? tags[j - 1] : -1;
            var tp2 = j > 1 ? tags[j - 2] : -1;
            if (gold[j] == tags[j] && gp == tp && gp2 == tp2)
            {
                continue;
            }

            wrong = true;
            if (gold[j] != tags[j])
            {
                foreach (var f in _static[j])
                {
                    Update(f, gold[j], 1f);
                    Update(f, tags[j], -1f);
                }
            }

            NerFeatures.Dynamic(view, j, gp, gp2, goldHistory);
            NerFeatures.Dynamic(view, j, tp, tp2, guessHistory);
            foreach (var f in goldHistory)
            {
                Update(f, gold[j], 1f);
            }

            foreach (var f in guessHistory)
            {
                Update(f, tags[j], -1f);
            }
        }

        if (wrong || early >= 0)
        {
            // the tags the document history remembers come from a full decoding, as at tagging time
            StaticScores(n);
            _beam.Decode(n, _staticScores, scorer, tags);
        }

        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            correct += tags[i] == gold[i] ? 1 : 0;
        }

        return correct;
    }

    private void StaticScores(int n)
    {
        Array.Clear(_staticScores, 0, n * NerModel.Stride);
        for (var i = 0; i < n; i++)
        {
            var sum = _staticScores.AsSpan(i * NerModel.Stride, NerTags.Count);
            foreach (var f in _static[i])
            {
                if (_w.TryGetValue(f, out var w))
                {
                    for (var t = 0; t < NerTags.Count; t++)
                    {
                        sum[t] += w[t];
                    }
                }
            }
        }
    }

    private NerBeam.DynamicScorer Scorer(NerFeatures.SentenceView view) => (i, prev, prev2, into) =>
    {
        Span<ulong> history = stackalloc ulong[NerFeatures.DynamicCount];
        NerFeatures.Dynamic(view, i, prev, prev2, history);
        foreach (var f in history)
        {
            if (_w.TryGetValue(f, out var w))
            {
                for (var t = 0; t < NerTags.Count; t++)
                {
                    into[t] += w[t];
                }
            }
        }
    };

    private void Update(ulong feature, int tag, float delta)
    {
        if (!_w.TryGetValue(feature, out var w))
        {
            w = new float[NerTags.Count];
            _w[feature] = w;
            _total[feature] = new double[NerTags.Count];
            _stamp[feature] = new int[NerTags.Count];
        }

        var total = _total[feature];
        var stamp = _stamp[feature];
        total[tag] += (double)(_clock - stamp[tag]) * w[tag];
        stamp[tag] = _clock;
        w[tag] += delta;
    }

    private Dictionary<ulong, float[]> Average()
    {
        var averaged = new Dictionary<ulong, float[]>(_w.Count);
        foreach (var (f, w) in _w)
        {
            var total = _total[f];
            var stamp = _stamp[f];
            var avg = new float[NerTags.Count];
            var any = false;
            for (var t = 0; t < NerTags.Count; t++)
            {
                var sum = total[t] + ((double)(_clock - stamp[t]) * w[t]);
                avg[t] = (float)(sum / _clock);
                any |= Math.Abs(avg[t]) >= 1e-3f;
            }

            if (any)
            {
                averaged[f] = avg;
            }
        }

        return averaged;
    }
}
