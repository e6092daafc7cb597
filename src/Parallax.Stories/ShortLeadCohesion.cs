namespace Parallax.Stories;

/// <summary>
/// The cohesion check of average link for short texts (see <see cref="StoryClustererOptions.ShortCohesionRatio"/>):
/// two groups of articles, every member at most <see cref="StoryClustererOptions.ShortCohesionMaxWords"/> words long,
/// are not merged when their average similarity is below the ratio times the looser group's own average. Short leads of
/// one event repeat its few key words, so two leads of one event are about as close to each other as to a third lead
/// of that event; two tight groups of leads loosely tied are two events of one topic (three stages of a relief bill,
/// weekly jobless claims). Full articles of one large event form tight near-copy groups that are loosely tied (ECB+),
/// so a group holding any longer article is never refused (<see cref="ShortMembers"/>). Not thread-safe; one instance
/// per clustering run.
/// </summary>
internal sealed class ShortLeadCohesion
{
    private readonly ShortMembers _members;
    private readonly double _ratio;
    private readonly double _pairRatio;
    private readonly double _largeRatio;
    private readonly int _largeSize;

    private ShortLeadCohesion(ShortMembers members, double ratio, double pairRatio, double largeRatio, int largeSize)
    {
        _members = members;
        _ratio = ratio;
        _pairRatio = pairRatio;
        _largeRatio = largeRatio;
        _largeSize = largeSize;
    }

    /// <summary>The check over the clusters of <paramref name="members"/>, or null when it is off.</summary>
    public static ShortLeadCohesion? For(ShortMembers members, StoryClustererOptions options)
    {
        if (options.ShortCohesionRatio <= 0)
        {
            return null;
        }

        return new ShortLeadCohesion(
            members,
            options.ShortCohesionRatio,
            options.ShortCohesionPairRatio > 0 ? options.ShortCohesionPairRatio : options.ShortCohesionRatio,
            options.ShortCohesionLargeRatio > 0 ? options.ShortCohesionLargeRatio : options.ShortCohesionRatio,
            Math.Max(3, options.ShortCohesionLargeSize));
    }

    /// <summary>
    /// True when clusters <paramref name="a"/> and <paramref name="b"/> (roots, both of several members) are both
    /// all short and their <paramref name="average"/> is below the ratio times <paramref name="looserOwnAverage"/> (the
    /// smaller of their own averages). The ratio is <see cref="StoryClustererOptions.ShortCohesionPairRatio"/> when the
    /// smaller group (<paramref name="smallerSize"/> members) is a pair (its own average is one similarity), else
    /// <see cref="StoryClustererOptions.ShortCohesionRatio"/>, or <see cref="StoryClustererOptions.ShortCohesionLargeRatio"/>
    /// when the larger group (<paramref name="largerSize"/>) has at least <see cref="StoryClustererOptions.ShortCohesionLargeSize"/>
    /// members. Why the large ratio: the check is there for two complete-looking reports of two events of one topic (a
    /// triple of leads against a triple); a group of four or more short texts is an event reported more widely than that,
    /// whose briefs (updates over days, agency shorts) form tight sub-groups loosely tied to each other — the shape the
    /// strict ratio reads as two events. On ecbplus-dev every merge of two groups of ≥ 3 briefs that the strict ratio
    /// refused and a ratio of 0.5 allows had a group of ≥ 4 and was inside one event; on NeuS train (c0–c7) every such
    /// refusal was of two triples and between two events.
    /// </summary>
    public bool Refuses(int a, int b, double average, double looserOwnAverage, int smallerSize, int largerSize)
        => _members.AllShort(a) && _members.AllShort(b)
            && average < (smallerSize == 2 ? _pairRatio : largerSize >= _largeSize ? _largeRatio : _ratio) * looserOwnAverage;
}
