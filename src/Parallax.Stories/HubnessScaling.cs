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
/// canonical candidate graph (before the neighbour limit), so the result depends only on the set of articles; one
/// double per article while it runs.
/// </summary>
internal static class HubnessScaling
{
    /// <summary>The candidate graph with the short pairs' similarities shifted (pairs falling to 0 or below dropped); <paramref name="edges"/> itself when off.</summary>
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
        var scaled = new List<SimilarityEdge>(edges.Count);
        foreach (var e in edges)
        {
            if (maxWords > 0 && Math.Max(articles[e.A].Words, articles[e.B].Words) > maxWords)
            {
                scaled.Add(e);
                continue;
            }

            var excess = ((crowding[e.A] + crowding[e.B]) / 2) - mean;
            var s = e.Similarity - (beta * (options.HubnessDownOnly ? Math.Max(0, excess) : excess));
            if (s > 0)
            {
                scaled.Add(e with { Similarity = s });
            }
        }

        return scaled;
    }

    /// <summary>Per article: the mean of its <paramref name="k"/> strongest edge similarities (with fewer edges the rest count 0).</summary>
    public static double[] Crowding(int n, IReadOnlyList<SimilarityEdge> edges, int k)
    {
        var byNode = new List<double>[n];
        foreach (var e in edges)
        {
            (byNode[e.A] ??= []).Add(e.Similarity);
            (byNode[e.B] ??= []).Add(e.Similarity);
        }

        var crowding = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (byNode[v] is { } list)
            {
                list.Sort((x, y) => y.CompareTo(x));
                var sum = 0.0;
                for (var i = 0; i < Math.Min(k, list.Count); i++)
                {
                    sum += list[i];
                }

                crowding[v] = sum / k;
            }
        }

        return crowding;
    }
}
