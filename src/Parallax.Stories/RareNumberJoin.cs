namespace Parallax.Stories;

/// <summary>
/// A lone short lead completes a small group of short leads on shared specific evidence (see
/// <see cref="StoryClustererOptions.RareNumberJoinThreshold"/>): when it states a number (an <c>n:</c> feature) that at most
/// <see cref="StoryClustererOptions.RareNumberMaxDf"/> articles of the set state and that a member of the group states too,
/// it may join a lone lead or a pair from that (lower) average. A figure found in two or three leads of the whole set —
/// a vote count, a sum, a death toll — is the same event reported twice far more often than a coincidence, even when the
/// rest of the wording differs (the third lead of a roundup, worded apart from its event). Groups of
/// <see cref="StoryClustererOptions.ShortGrowthMinSize"/> or more are not completed this way (they look complete), and
/// groups holding a longer article never (<see cref="ShortMembers"/>). Per cluster root: the sorted ids of its members'
/// rare numbers (most articles state none). Not thread-safe; one instance per clustering run.
/// </summary>
internal sealed class RareNumberJoin
{
    private readonly int[]?[] _numbers;
    private readonly ShortMembers _members;
    private readonly int _minSize;

    private RareNumberJoin(int[]?[] numbers, ShortMembers members, double threshold, int minSize)
    {
        _numbers = numbers;
        _members = members;
        Threshold = threshold;
        _minSize = minSize;
    }

    /// <summary>The lowest average at which a lone lead may join on a shared rare number.</summary>
    public double Threshold { get; }

    /// <summary>The rule over <paramref name="articles"/> (graph indices), or null when it is off.</summary>
    public static RareNumberJoin? For(IReadOnlyList<ArticleFeatures> articles, ShortMembers members, StoryClustererOptions options)
    {
        if (options.RareNumberJoinThreshold <= 0 || options.RareNumberJoinThreshold >= options.SingletonThreshold)
        {
            return null;
        }

        var df = new Dictionary<int, int>();
        for (var i = 0; i < articles.Count; i++)
        {
            foreach (var id in articles[i].IdsIn('n'))
            {
                df[id] = df.GetValueOrDefault(id) + 1;
            }
        }

        var maxDf = Math.Max(2, options.RareNumberMaxDf);
        var numbers = new int[]?[articles.Count];
        var rare = new List<int>();
        for (var i = 0; i < articles.Count; i++)
        {
            rare.Clear();
            foreach (var id in articles[i].IdsIn('n'))
            {
                if (df[id] is >= 2 and var d && d <= maxDf)
                {
                    rare.Add(id);
                }
            }

            if (rare.Count > 0)
            {
                rare.Sort();
                numbers[i] = [.. rare.Distinct()];
            }
        }

        return new RareNumberJoin(numbers, members, options.RareNumberJoinThreshold, Math.Max(2, options.ShortGrowthMinSize));
    }

    /// <summary>
    /// True when lone article <paramref name="lone"/> may join <paramref name="group"/> (<paramref name="groupSize"/>
    /// members, possibly 1) at <paramref name="average"/> ≥ <see cref="Threshold"/>: both all short, the group below the
    /// minimum size, and a rare number of the lone lead stated by a member of the group.
    /// </summary>
    public bool Joins(int lone, int group, int groupSize, double average)
        => average >= Threshold && groupSize < _minSize && _numbers[lone] is { } mine && _numbers[group] is { } theirs
            && _members.AllShort(lone) && _members.AllShort(group) && Intersect(mine, theirs);

    private static bool Intersect(int[] x, int[] y)
    {
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                return true;
            }

            if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    /// <summary>Records that cluster <paramref name="b"/> was merged into <paramref name="a"/> (the union of their rare numbers).</summary>
    public void Merge(int a, int b)
    {
        if (_numbers[b] is not { } nb)
        {
            return;
        }

        _numbers[a] = _numbers[a] is { } na ? [.. na.Concat(nb).Distinct().Order()] : nb;
        _numbers[b] = null;
    }
}
