namespace Parallax.Stories;

/// <summary>
/// How a group of short texts grows by lone articles (see <see cref="StoryClustererOptions.ShortGrowthRatio"/>): a lone
/// short article joins a group of at least <see cref="StoryClustererOptions.ShortGrowthMinSize"/> members, all short,
/// only when its average similarity to the group reaches the ratio times the group's own average. Short leads of one
/// event repeat its few key words, so once a group of leads holds several of them its own average says how alike a
/// further lead of that event would be; a lead far below it is a lead of a neighbouring event of the topic (the next
/// week's jobless claims, another stage of the bill) that average link would otherwise attach to the nearest complete
/// group. Joins into smaller groups (a lead completing a pair) and every group holding a longer article are not
/// judged (<see cref="ShortMembers"/>). Not thread-safe; one instance per clustering run.
/// </summary>
internal sealed class ShortLeadGrowth
{
    private readonly ShortMembers _members;
    private readonly double _ratio;
    private readonly double _pairRatio;
    private readonly int _minSize;

    private ShortLeadGrowth(ShortMembers members, double ratio, double pairRatio, int minSize, double lowSingle)
    {
        _members = members;
        _ratio = ratio;
        _pairRatio = pairRatio;
        _minSize = minSize;
        LowSingle = lowSingle;
    }

    /// <summary>
    /// The average at which a lone short article may join a smaller short group (see
    /// <see cref="StoryClustererOptions.ShortGrowthSingletonThreshold"/>); <see cref="double.PositiveInfinity"/> when off.
    /// </summary>
    public double LowSingle { get; }

    /// <summary>The rule over the clusters of <paramref name="members"/>, or null when it is off.</summary>
    public static ShortLeadGrowth? For(ShortMembers members, StoryClustererOptions options)
    {
        var lowSingle = options.ShortGrowthSingletonThreshold is > 0 and var t && t < options.SingletonThreshold ? t : double.PositiveInfinity;
        if (options.ShortGrowthRatio <= 0 && options.ShortGrowthPairRatio <= 0 && double.IsPositiveInfinity(lowSingle))
        {
            return null;
        }

        return new ShortLeadGrowth(members, options.ShortGrowthRatio, options.ShortGrowthPairRatio, Math.Max(2, options.ShortGrowthMinSize), lowSingle);
    }

    /// <summary>
    /// True when lone article <paramref name="lone"/> would join group <paramref name="group"/> (a root of
    /// <paramref name="groupSize"/> ≥ 2 members with own average <paramref name="groupOwnAverage"/>), both all short,
    /// the group has at least the minimum size, and <paramref name="average"/> is below the ratio times the group's own average.
    /// </summary>
    public bool Refuses(int lone, int group, int groupSize, double average, double groupOwnAverage)
        => _ratio > 0 && groupSize >= _minSize && _members.AllShort(lone) && _members.AllShort(group) && average < _ratio * groupOwnAverage;

    /// <summary>
    /// True when lone article <paramref name="lone"/> may join <paramref name="group"/> (<paramref name="groupSize"/>
    /// members, possibly 1) at <see cref="LowSingle"/>: both all short and the group below the minimum size.
    /// </summary>
    public bool JoinsLow(int lone, int group, int groupSize, double average)
        => average >= LowSingle && groupSize < _minSize && _members.AllShort(lone) && _members.AllShort(group);

    /// <summary>
    /// True when a pair (<paramref name="pair"/>) would join group <paramref name="group"/> of at least the minimum size,
    /// both all short, at an <paramref name="average"/> below <see cref="StoryClustererOptions.ShortGrowthPairRatio"/>
    /// times the group's own average.
    /// </summary>
    public bool RefusesPair(int pair, int group, int groupSize, double average, double groupOwnAverage)
        => _pairRatio > 0 && groupSize >= _minSize && _members.AllShort(pair) && _members.AllShort(group) && average < _pairRatio * groupOwnAverage;
}
