namespace Parallax.Stories;

/// <summary>
/// Names as conflict evidence between two groups of full articles (see <see cref="StoryClustererOptions.NameConflictRatio"/>):
/// two groups that each name someone or somewhere in most of their members whom the other group hardly names, and that
/// are much looser to each other than within, are two events of one topic (two governors' laws, two candidates' races).
/// Per cluster root it keeps the member list; the name sets are read from the articles' entity features (<c>e:</c>).
/// Not thread-safe; one instance per clustering run.
/// </summary>
internal sealed class GroupNameConflict
{
    private readonly int[][] _names;
    private readonly List<int>[] _members;
    private readonly double _ratio;
    private readonly int _minSize;
    private readonly int _maxSize;
    private readonly double _share;

    private GroupNameConflict(IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options)
    {
        _ratio = options.NameConflictRatio;
        _minSize = Math.Max(2, options.NameConflictMinSize);
        _maxSize = options.NameConflictMaxSize > 0 ? options.NameConflictMaxSize : int.MaxValue;
        _share = options.NameConflictShare;
        _names = new int[articles.Count][];
        _members = new List<int>[articles.Count];
        for (var i = 0; i < articles.Count; i++)
        {
            _members[i] = [i];
            _names[i] = articles[i].IdsIn('e').ToArray();
        }
    }

    /// <summary>The rule for <paramref name="articles"/> (graph indices), or null when it is off.</summary>
    public static GroupNameConflict? For(IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options)
        => options.NameConflictRatio > 0 ? new GroupNameConflict(articles, options) : null;

    /// <summary>
    /// True when clusters <paramref name="a"/> and <paramref name="b"/> (roots), each of at least the minimum size and
    /// neither all short (<paramref name="members"/>), are tied at <paramref name="average"/> below the ratio times the
    /// looser one's own average, and each names in at least half its members a name that fewer than a quarter of the
    /// other's members name.
    /// </summary>
    public bool Refuses(int a, int b, double average, double looserOwn, ShortMembers? members)
    {
        var (ga, gb) = (_members[a], _members[b]);
        if (ga.Count < _minSize || gb.Count < _minSize || ga.Count > _maxSize || gb.Count > _maxSize || average >= _ratio * looserOwn
            || (members is not null && (members.AllShort(a) || members.AllShort(b))))
        {
            return false;
        }

        var ca = Counts(ga);
        var cb = Counts(gb);
        return HasOwnName(ca, ga.Count, cb, gb.Count, _share) && HasOwnName(cb, gb.Count, ca, ga.Count, _share);
    }

    /// <summary>Records that cluster <paramref name="b"/> was merged into <paramref name="a"/>.</summary>
    public void Merge(int a, int b)
    {
        _members[a].AddRange(_members[b]);
        _members[b] = [];
    }

    private Dictionary<int, int> Counts(List<int> group)
    {
        var counts = new Dictionary<int, int>();
        foreach (var d in group)
        {
            foreach (var id in _names[d])
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts;
    }

    private static bool HasOwnName(Dictionary<int, int> own, int ownSize, Dictionary<int, int> other, int otherSize, double share)
    {
        foreach (var (id, c) in own)
        {
            if (c >= share * ownSize && c >= 2 && 4 * other.GetValueOrDefault(id) < otherSize)
            {
                return true;
            }
        }

        return false;
    }
}
