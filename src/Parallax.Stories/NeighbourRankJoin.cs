namespace Parallax.Stories;

/// <summary>
/// A lone short text completes a small group of short texts only through a near neighbour (see
/// <see cref="StoryClustererOptions.NeighbourRankJoin"/>): one of its graph edges to a member must be among the
/// <c>K</c> strongest edges of the lone text or of that member. Average link takes the strongest remaining average
/// first, so a lone lead whose nearest leads have already gone into groups is left with its weaker ties; in a large set
/// (many look-alike events of one recurring topic) those ties are most often to a lead of a sibling event, worded alike
/// but telling another stage of the topic. A lead of the same event is, nearly always, among the few nearest of one of
/// the two ends (NeuS train whole, version 12: lone-to-lone joins where neither end is the other's nearest were 114
/// wrong against 47 right; where one is, 1,968 right against 452 wrong). Only lone texts in a crowded region are judged
/// (crowding as in <see cref="HubnessScaling"/>, over <see cref="StoryClustererOptions.NeighbourRankCrowding"/> edges, above <see cref="StoryClustererOptions.NeighbourRankCrowded"/> × the
/// set's mean): an uncrowded lead's few weak ties are more often its own event worded apart (ECB+ briefs, the third lead
/// of a roundup). Ranks and crowding are taken in the consolidation graph
/// (after <see cref="HubnessScaling"/>), ties by the other end's index, so the rule is a function of the canonical
/// graph and the result depends only on the set of articles. Groups of
/// <see cref="StoryClustererOptions.NeighbourRankMaxGroup"/> or more members and every group holding a longer article
/// (<see cref="ShortMembers"/>) are not judged. State: each article's near list (2K indices on average, CSR arrays) and
/// one flag.
/// Not thread-safe; one instance per clustering run.
/// </summary>
internal sealed class NeighbourRankJoin
{
    private readonly int[] _start;
    private readonly int[] _near;
    private readonly ShortMembers _members;
    private readonly int _maxGroup;
    private readonly bool[]? _crowded;

    private NeighbourRankJoin(int[] start, int[] near, ShortMembers members, int maxGroup, bool[]? crowded)
    {
        _crowded = crowded;
        _start = start;
        _near = near;
        _members = members;
        _maxGroup = maxGroup;
    }

    /// <summary>The rule over the graph <paramref name="edges"/> of <paramref name="n"/> articles, or null when it is off.</summary>
    public static NeighbourRankJoin? For(int n, IReadOnlyList<SimilarityEdge> edges, ShortMembers members, StoryClustererOptions options)
    {
        var k = options.NeighbourRankJoin;
        if (k <= 0 || options.NeighbourRankMaxGroup < 2)
        {
            return null;
        }

        // Each article's k strongest edges (ties by the other end's index).
        var strongest = StrongestEdges.Of(n, edges, k);

        // Near(v): v's own k strongest plus every article that has v among its k strongest.
        var degree = new int[n];
        for (var v = 0; v < n; v++)
        {
            degree[v] += strongest.Count(v);
            for (var i = 0; i < strongest.Count(v); i++)
            {
                degree[strongest.Neighbour(v, i)]++;
            }
        }

        var start = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            start[v + 1] = start[v] + degree[v];
        }

        var near = new int[start[n]];
        var fill = start[..n];
        for (var v = 0; v < n; v++)
        {
            for (var i = 0; i < strongest.Count(v); i++)
            {
                var u = strongest.Neighbour(v, i);
                near[fill[v]++] = u;
                near[fill[u]++] = v;
            }
        }

        bool[]? crowded = null;
        if (options.NeighbourRankCrowded > 0 && options.NeighbourRankCrowding > 0)
        {
            var r = HubnessScaling.Crowding(n, edges, options.NeighbourRankCrowding);
            var mean = r.Length == 0 ? 0 : r.Average();
            crowded = [.. r.Select(x => x > options.NeighbourRankCrowded * mean)];
        }

        return new NeighbourRankJoin(start, near, members, options.NeighbourRankMaxGroup, crowded);
    }

    /// <summary>
    /// True when lone article <paramref name="lone"/> joining <paramref name="group"/> (a root of
    /// <paramref name="groupSize"/> members; <paramref name="parent"/> the run's union tree) is refused: both all short,
    /// the group below <see cref="StoryClustererOptions.NeighbourRankMaxGroup"/>, and no near neighbour of the lone text
    /// in the group.
    /// </summary>
    public bool Refuses(int lone, int group, int groupSize, int[] parent)
    {
        if (groupSize >= _maxGroup || !_members.AllShort(lone) || !_members.AllShort(group) || (_crowded is not null && !_crowded[lone]))
        {
            return false;
        }

        for (var i = _start[lone]; i < _start[lone + 1]; i++)
        {
            var r = _near[i];
            while (parent[r] != r)
            {
                r = parent[r];
            }

            if (r == group)
            {
                return false;
            }
        }

        return true;
    }
}
