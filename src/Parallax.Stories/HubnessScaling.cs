namespace Parallax.Stories;

/// <summary>
/// Local scaling of the similarity graph against hubness (see <see cref="StoryClustererOptions.HubnessNeighbours"/>).
/// In a large set a recurring topic (one official's court cases, the stages of one bill, each week's figures) holds many
/// events whose short leads are all alike, and a lead in such a crowded region is similar to many others: its nearest
/// neighbours are more often leads of another event than in a small set (NeuS train whole: 72% of leads have their most
/// similar lead in their own story, against 88% in sets of 307 stories). Each article's crowding <c>r</c> is the mean of
/// its <c>k</c> strongest candidate similarities (missing ones count 0); the similarity of two short texts is lowered by
/// how much their mean crowding exceeds the set's mean crowding <c>r̄</c>:
/// <c>s − β · max(0, (r_a + r_b) / 2 − r̄)</c> (the CSLS correction of Conneau et al. 2018, centred on the set's mean and
/// lowering only, so the thresholds keep their meaning for texts outside crowded regions). Among a lead's candidates the
/// ones in a crowded region lose more, so the nearest neighbour moves toward a lead of its own event (0.717 → 0.749 on
/// NeuS train whole with the uncentred form). Pairs with a longer text are left as they are: a full article's
/// neighbours are the other reports of its (larger) event, not look-alike events. Computed in consolidation from the
/// canonical candidate graph (before the neighbour limit), so the result depends only on the set of articles; it keeps
/// the k strongest similarities of each article while it runs.
/// </summary>
internal static class HubnessScaling
{
    /// <summary>
    /// Shifts the short pairs' similarities of <paramref name="edges"/> in place and drops the pairs falling to 0 or below;
    /// returns the same list (unchanged when off).
    /// </summary>
    public static List<SimilarityEdge> Apply(int n, List<SimilarityEdge> edges, IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options)
    {
        var k = options.HubnessNeighbours;
        var beta = options.HubnessWeight;
        if (k <= 0 || beta <= 0 || edges.Count == 0)
        {
            return edges;
        }

        var crowding = Crowding(n, edges, k);
        var mean = crowding.Average();
        var maxWords = options.HubnessMaxWords;
        for (var i = 0; i < edges.Count; i++)
        {
            var e = edges[i];
            if (maxWords > 0 && Math.Max(articles[e.A].Words, articles[e.B].Words) > maxWords)
            {
                continue;
            }

            var excess = ((crowding[e.A] + crowding[e.B]) / 2) - mean;
            edges[i] = e with { Similarity = e.Similarity - (beta * (options.HubnessDownOnly ? Math.Max(0, excess) : excess)) };
        }

        // Only shifted pairs can fall this low: the graph keeps no pair below EdgeFloor (> 0).
        edges.RemoveAll(e => e.Similarity <= 0);
        return edges;
    }

    /// <summary>
    /// Per article: the mean of its <paramref name="k"/> strongest edge similarities (with fewer edges the rest count 0),
    /// summed strongest first. Keeps k values per article (not every edge) while it runs.
    /// </summary>
    public static double[] Crowding(int n, IReadOnlyList<SimilarityEdge> edges, int k)
    {
        var top = new double[n * k];
        var count = new int[n];
        void Offer(int v, double s)
        {
            var start = v * k;
            var c = count[v];
            if (c == k && s <= top[start + k - 1])
            {
                return;
            }

            // Insert into the descending run top[start .. start + c), dropping the weakest when full.
            var i = Math.Min(c, k - 1);
            while (i > 0 && top[start + i - 1] < s)
            {
                top[start + i] = top[start + i - 1];
                i--;
            }

            top[start + i] = s;
            count[v] = Math.Min(c + 1, k);
        }

        foreach (var e in edges)
        {
            Offer(e.A, e.Similarity);
            Offer(e.B, e.Similarity);
        }

        var crowding = new double[n];
        for (var v = 0; v < n; v++)
        {
            var sum = 0.0;
            for (var i = 0; i < count[v]; i++)
            {
                sum += top[(v * k) + i];
            }

            crowding[v] = sum / k;
        }

        return crowding;
    }
}
