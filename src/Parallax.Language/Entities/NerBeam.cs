namespace Parallax.Language.Entities;

/// <summary>
/// Beam search over the IOB2 tags of one sentence for the entity tagger and its trainer. A hypothesis is scored by the sum
/// over its tokens of (static score of the token's tag + tag-history score given the hypothesis' two previous tags);
/// hypotheses ending in the same two tags are recombined (the better one is kept: the future scores depend only on those
/// two tags), I-X only follows B-X/I-X (<see cref="NerTags.Allowed"/>). Ties break by beam position, then tag index, so
/// decoding is deterministic. Not thread-safe: one instance per thread (it reuses its arrays).
/// </summary>
internal sealed class NerBeam
{
    /// <summary>Adds the tag-history weights of token <c>i</c> given its two previous tags (-1 before the sentence) to the <see cref="NerModel.Stride"/> scores.</summary>
    internal delegate void DynamicScorer(int i, int prev, int prev2, Span<float> scores);

    private const int Stride = NerModel.Stride;
    private readonly int _width;
    private int[] _tag = new int[64];
    private int[] _parent = new int[64];
    private double[] _score = new double[64];
    private readonly (double Score, int Parent, int Tag)[] _candidates;
    private int[] _counts = new int[16];

    public NerBeam(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        _width = width;
        _candidates = new (double, int, int)[width * NerTags.Count];
    }

    public int Width => _width;

    /// <summary>
    /// Decodes a sentence of <paramref name="n"/> tokens into <paramref name="tags"/>. With <paramref name="gold"/> (training), stops at
    /// the first token where the gold prefix leaves the beam (early update) and returns that token's index, the
    /// <paramref name="tags"/> prefix up to it being the best hypothesis there; returns -1 when decoding ran to the end.
    /// </summary>
    public int Decode(int n, ReadOnlySpan<float> staticScores, DynamicScorer dynamic, int[] tags, int[]? gold = null)
    {
        if (_tag.Length < n * _width)
        {
            var size = n * 2 * _width;
            _tag = new int[size];
            _parent = new int[size];
            _score = new double[size];
        }

        if (_counts.Length < n)
        {
            _counts = new int[n * 2];
        }

        Span<float> scores = stackalloc float[Stride];
        var goldAt = -1; // beam position of the gold prefix at the previous token (-1 = the virtual start)
        for (var i = 0; i < n; i++)
        {
            var items = i == 0 ? 1 : _counts[i - 1];
            var candidates = 0;
            for (var b = 0; b < items; b++)
            {
                var prev = i == 0 ? -1 : _tag[((i - 1) * _width) + b];
                var prev2 = i < 2 ? -1 : _tag[((i - 2) * _width) + _parent[((i - 1) * _width) + b]];
                var baseScore = i == 0 ? 0 : _score[((i - 1) * _width) + b];
                staticScores.Slice(i * Stride, Stride).CopyTo(scores);
                dynamic(i, prev, prev2, scores);
                for (var t = 0; t < NerTags.Count; t++)
                {
                    if (!NerTags.Allowed(prev, t))
                    {
                        continue;
                    }

                    var s = baseScore + scores[t];
                    // recombination: same (tag, previous tag) as an earlier candidate → keep the better
                    var merged = false;
                    for (var c = 0; c < candidates; c++)
                    {
                        var (cs, cp, ct) = _candidates[c];
                        if (ct == t && (i == 0 || _tag[((i - 1) * _width) + cp] == prev))
                        {
                            if (s > cs)
                            {
                                _candidates[c] = (s, b, t);
                            }

                            merged = true;
                            break;
                        }
                    }

                    if (!merged)
                    {
                        _candidates[candidates++] = (s, b, t);
                    }
                }
            }

            // keep the best _width candidates, best first (stable: earlier candidates win ties)
            var kept = Math.Min(_width, candidates);
            for (var k = 0; k < kept; k++)
            {
                var best = k;
                for (var c = k + 1; c < candidates; c++)
                {
                    if (_candidates[c].Score > _candidates[best].Score)
                    {
                        best = c;
                    }
                }

                if (best != k)
                {
                    var moved = _candidates[best];
                    Array.Copy(_candidates, k, _candidates, k + 1, best - k);
                    _candidates[k] = moved;
                }

                var at = (i * _width) + k;
                (_score[at], _parent[at], _tag[at]) = _candidates[k];
            }

            _counts[i] = kept;
            if (gold is not null)
            {
                var found = -1;
                for (var k = 0; k < kept; k++)
                {
                    var at = (i * _width) + k;
                    if (_tag[at] == gold[i] && (i == 0 || _parent[at] == goldAt))
                    {
                        found = k;
                        break;
                    }
                }

                if (found < 0)
                {
                    Backtrack(i, tags);
                    return i;
                }

                goldAt = found;
            }
        }

        if (n > 0)
        {
            Backtrack(n - 1, tags);
        }

        return -1;
    }

    private void Backtrack(int last, int[] tags)
    {
        var b = 0;
        for (var i = last; i >= 0; i--)
        {
            var at = (i * _width) + b;
            tags[i] = _tag[at];
            b = _parent[at];
        }
    }
}
