namespace Parallax.Stories;

/// <summary>
/// Each article's <c>k</c> strongest edges of a consolidation graph, strongest first, ties broken by the other end's index
/// (so the lists are a function of the graph, not of the edge order). Used by <see cref="NeighbourRankJoin"/> and
/// <see cref="MutualPairSplit"/>. One pass over the edges; k ints and k doubles per article.
/// </summary>
internal sealed class StrongestEdges
{
    private readonly int _k;
    private readonly int[] _top;
    private readonly double[] _sim;
    private readonly int[] _count;

    private StrongestEdges(int n, int k)
    {
        _k = k;
        _top = new int[n * k];
        _sim = new double[n * k];
        _count = new int[n];
    }

    /// <summary>
    /// The k strongest edges of every article, or only of the articles <paramref name="only"/> marks (the others keep
    /// empty lists).
    /// </summary>
    public static StrongestEdges Of(int n, IReadOnlyList<SimilarityEdge> edges, int k, bool[]? only = null)
    {
        var result = new StrongestEdges(n, k);
        foreach (var e in edges)
        {
            if (only is null || only[e.A])
            {
                result.Offer(e.A, e.B, e.Similarity);
            }

            if (only is null || only[e.B])
            {
                result.Offer(e.B, e.A, e.Similarity);
            }
        }

        return result;
    }

    /// <summary>How many edges <paramref name="v"/> has in its list (at most k).</summary>
    public int Count(int v) => _count[v];

    /// <summary>The other end of <paramref name="v"/>'s <paramref name="i"/>-th strongest edge (0 = strongest).</summary>
    public int Neighbour(int v, int i) => _top[(v * _k) + i];

    /// <summary>True when <paramref name="u"/> is among <paramref name="v"/>'s k strongest.</summary>
    public bool Contains(int v, int u)
    {
        var b = v * _k;
        for (var i = 0; i < _count[v]; i++)
        {
            if (_top[b + i] == u)
            {
                return true;
            }
        }

        return false;
    }

    private void Offer(int v, int other, double s)
    {
        var k = _k;
        var b = v * k;
        var c = _count[v];
        if (c == k && (s < _sim[b + k - 1] || (s == _sim[b + k - 1] && other > _top[b + k - 1])))
        {
            return;
        }

        var i = Math.Min(c, k - 1);
        while (i > 0 && (_sim[b + i - 1] < s || (_sim[b + i - 1] == s && _top[b + i - 1] > other)))
        {
            _sim[b + i] = _sim[b + i - 1];
            _top[b + i] = _top[b + i - 1];
            i--;
        }

        _sim[b + i] = s;
        _top[b + i] = other;
        _count[v] = Math.Min(c + 1, k);
    }
}
