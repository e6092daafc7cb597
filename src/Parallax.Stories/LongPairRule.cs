namespace Parallax.Stories;

/// <summary>
/// Length-aware thresholds of average link (<see cref="StoryClustererOptions.LongPairWords"/>): two full articles on
/// one event share a smaller part of their vocabulary than two 60-word leads, so two stories of long articles merge at
/// <see cref="StoryClustererOptions.LongMergeThreshold"/> and a lone long article joins a story at
/// <see cref="StoryClustererOptions.LongSingletonThreshold"/>. "Long" is judged on the geometric mean of the members'
/// lengths (<see cref="ArticleFeatures.Words"/>), for a story pair on the geometric mean of both stories' means. The pair
/// similarities themselves are untouched, so every article's nearest neighbours (the graph) stay as they are.
/// One instance per clustering run (it keeps per-cluster sums); deterministic.
/// </summary>
internal sealed class LongPairRule
{
    private readonly double[] _sumLogWords;
    private readonly double _threshold;
    private readonly double _longThreshold;
    private readonly double _single;
    private readonly double _longSingle;
    private readonly double _logLong;

    private LongPairRule(IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options, double threshold, double single)
    {
        _threshold = threshold;
        _longThreshold = options.LongMergeThreshold is > 0 and var t && t < threshold ? t : threshold;
        _single = single;
        _longSingle = options.LongSingletonThreshold is > 0 and var s && s < _longThreshold ? s : Math.Min(single, _longThreshold);
        _logLong = Math.Log(options.LongPairWords);
        _sumLogWords = new double[articles.Count];
        for (var i = 0; i < _sumLogWords.Length; i++)
        {
            _sumLogWords[i] = Math.Log(Math.Max(articles[i].Words, 1));
        }

        Floor = Math.Min(Math.Min(_threshold, _single), Math.Min(_longThreshold, _longSingle));
    }

    /// <summary>The lowest average any merge may need: average link stops below it.</summary>
    public double Floor { get; }

    /// <summary>
    /// The rule for <paramref name="articles"/> (canonical order), or null when <see cref="StoryClustererOptions.LongPairWords"/>
    /// is 0 or neither long threshold is set (the default): then every length needs the ordinary thresholds.
    /// </summary>
    /// <param name="single">The singleton threshold of short articles (the merge threshold when there is none).</param>
    public static LongPairRule? For(IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options, double threshold, double single)
        => options.LongPairWords > 0 && (options.LongMergeThreshold > 0 || options.LongSingletonThreshold > 0)
            ? new LongPairRule(articles, options, threshold, single)
            : null;

    /// <summary>The average clusters rooted at <paramref name="a"/> and <paramref name="b"/> (sizes given) need to merge.</summary>
    public double Required(int a, int sizeA, int b, int sizeB)
    {
        var meanLog = (_sumLogWords[a] / sizeA + _sumLogWords[b] / sizeB) / 2;
        var isLong = meanLog >= _logLong;
        if (sizeA > 1 && sizeB > 1)
        {
            return isLong ? _longThreshold : _threshold;
        }

        // A lone article joins at the singleton threshold of its own length (the lower of two lone articles').
        var required = isLong ? _longThreshold : _threshold;
        if (sizeA == 1)
        {
            required = Math.Min(required, _sumLogWords[a] >= _logLong ? _longSingle : _single);
        }

        if (sizeB == 1)
        {
            required = Math.Min(required, _sumLogWords[b] >= _logLong ? _longSingle : _single);
        }

        return required;
    }

    /// <summary>Records that the cluster rooted at <paramref name="b"/> was merged into the one rooted at <paramref name="a"/>.</summary>
    public void Merged(int a, int b) => _sumLogWords[a] += _sumLogWords[b];
}
