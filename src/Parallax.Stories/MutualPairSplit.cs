namespace Parallax.Stories;

/// <summary>
/// After average link, a story of exactly two short texts stays together only when each is among the
/// <see cref="StoryClustererOptions.PairNeighbourRank"/> strongest graph edges of the other (with the default 1: the two
/// are each other's nearest neighbour); otherwise both become stories of their own. A pair is the weakest evidence of a
/// story: when one of its two leads has a closer lead elsewhere — gone into another group before the pair formed — the
/// pair is most often the two left-over leads of two sibling events of one recurring topic (an op-ed and a background
/// piece paired by the topic's vocabulary), not two reports of one event. NeuS train whole, clusterer version 15: of the
/// 565 predicted pairs, the mutually nearest are 264 right against 105 wrong, the others 80 right against 116 wrong
/// (docs/stories.md, "Session 13"). Groups of three or more are left alone (splitting their least tied member cost more
/// than it gained), as is every pair holding a longer text (more than
/// <see cref="StoryClustererOptions.ShortCohesionMaxWords"/> analysed words). Ranks are taken in the consolidation graph
/// (after hubness scaling and the neighbour limit), ties by the other end's index, so the result is a function of the
/// canonical graph and depends only on the set of articles. Cost: one pass over the edges and one over the labels; state
/// of K ints and doubles per article.
/// </summary>
internal static class MutualPairSplit
{
    /// <summary>
    /// The labels (cluster root of each article, as <see cref="AverageLinkClusterer.Cluster"/> returns them) with the
    /// pairs that fail the rule split into two singletons; the input when the rule is off.
    /// </summary>
    public static int[] Apply(int[] labels, IReadOnlyList<SimilarityEdge> edges, IReadOnlyList<ArticleFeatures> articles, StoryClustererOptions options)
    {
        var k = options.PairNeighbourRank;
        var n = labels.Length;
        if (k <= 0 || n < 3)
        {
            return labels;
        }

        // The pairs: roots with exactly two members, both short.
        var size = new int[n];
        var other = new int[n];
        Array.Fill(other, -1);
        for (var i = 0; i < n; i++)
        {
            size[labels[i]]++;
        }

        var anyPair = false;
        for (var i = 0; i < n; i++)
        {
            var r = labels[i];
            if (size[r] == 2 && i != r)
            {
                other[i] = r;
                other[r] = i;
                anyPair |= articles[i].Words <= options.ShortCohesionMaxWords && articles[r].Words <= options.ShortCohesionMaxWords;
            }
        }

        if (!anyPair)
        {
            return labels;
        }

        // Each pair member's k strongest edges (ties by the other end's index); only the pair members' lists are filled.
        var member = new bool[n];
        for (var i = 0; i < n; i++)
        {
            member[i] = other[i] >= 0;
        }

        var strongest = StrongestEdges.Of(n, edges, k, member);

        var result = labels;
        for (var i = 0; i < n; i++)
        {
            var j = other[i];
            if (j <= i || articles[i].Words > options.ShortCohesionMaxWords || articles[j].Words > options.ShortCohesionMaxWords
                || (strongest.Contains(i, j) && strongest.Contains(j, i)))
            {
                continue;
            }

            if (ReferenceEquals(result, labels))
            {
                result = (int[])labels.Clone();
            }

            result[i] = i;
            result[j] = j;
        }

        return result;
    }
}
