namespace Parallax.Stories;

/// <summary>A weighted edge of the similarity graph, <c>A &lt; B</c>.</summary>
internal readonly record struct SimilarityEdge(int A, int B, double Similarity);

/// <summary>
/// The similarity graph of a set of articles (canonical order) and its average-link clustering. Candidates come from an
/// inverted index over each article's heaviest features; their exact time-discounted cosine is kept when at least
/// <see cref="StoryClustererOptions.EdgeFloor"/>. Pairs not in the graph count as 0 in the averages.
/// </summary>
internal sealed class AverageLinkClusterer
{
    private readonly StoryClustererOptions _options;

    public AverageLinkClusterer(StoryClustererOptions options) => _options = options;

    public List<SimilarityEdge> BuildGraph(IReadOnlyList<ArticleFeatures> articles, FeatureSpace space)
    {
        var n = articles.Count;
        var maxDf = Math.Max(_options.CandidateMaxDfMin, (int)(_options.CandidateMaxDfShare * n));
        var df = space.DocumentFrequency;
        // Postings (features in 2 .. maxDf articles → articles in canonical order, with weights) in two flat arrays:
        // after the fill, the entries of space id t are [t == 0 ? 0 : ends[t - 1], ends[t]). No list per feature.
        var ends = new int[df.Length];
        var queries = new (int Id, float Weight)[n][];
        var total = 0;
        for (var d = 0; d < n; d++)
        {
            var v = space.Vectors[d];
            queries[d] = Enumerable.Range(0, v.Ids.Length)
                .Where(i => df[v.Ids[i]] is > 1 and var f && f <= maxDf)
                .OrderByDescending(i => v.Weights[i]).ThenBy(i => v.Ids[i])
                .Take(_options.CandidateFeatures)
                .Select(i => (v.Ids[i], v.Weights[i]))
                .ToArray();
            foreach (var id in v.Ids)
            {
                if (df[id] > 1 && df[id] <= maxDf)
                {
                    ends[id]++;
                    total++;
                }
            }
        }

        for (int t = 0, sum = 0; t < ends.Length; t++)
        {
            (ends[t], sum) = (sum, sum + ends[t]);
        }

        var postingDocs = new int[total];
        var postingWeights = new float[total];
        for (var d = 0; d < n; d++)
        {
            var v = space.Vectors[d];
            for (var i = 0; i < v.Ids.Length; i++)
            {
                var id = v.Ids[i];
                if (df[id] > 1 && df[id] <= maxDf)
                {
                    var at = ends[id]++;
                    postingDocs[at] = d;
                    postingWeights[at] = v.Weights[i];
                }
            }
        }

        // Score accumulation over the query features, then the exact cosine for the best partial scores only.
        var distributional = DistributionalSimilarity.For(articles, space, _options);
        var words = WordView.For(articles, space, _options);
        var edges = new List<SimilarityEdge>();
        var seen = new HashSet<long>();
        var accumulator = new double[n];
        var touched = new List<int>();
        for (var d = 0; d < n; d++)
        {
            foreach (var (term, weight) in queries[d])
            {
                for (var p = term == 0 ? 0 : ends[term - 1]; p < ends[term]; p++)
                {
                    var (other, w) = (postingDocs[p], postingWeights[p]);
                    if (other == d)
                    {
                        continue;
                    }

                    if (accumulator[other] == 0)
                    {
                        touched.Add(other);
                    }

                    accumulator[other] += (double)weight * w;
                }
            }

            var best = touched
                .OrderByDescending(j => accumulator[j]).ThenBy(j => j)
                .Take(_options.CandidatesPerArticle)
                .ToList();
            foreach (var j in touched)
            {
                accumulator[j] = 0;
            }

            touched.Clear();
            foreach (var other in best)
            {
                var a = Math.Min(d, other);
                var b = Math.Max(d, other);
                if (!seen.Add(((long)a << 32) | (uint)b))
                {
                    continue;
                }

                var dot = SparseVector.Dot(space.Vectors[a], space.Vectors[b]);
                var sim = dot * FeatureSpace.PairFactor(articles[a], articles[b], _options);
                if (distributional is not null && distributional.Has(a) && distributional.Has(b))
                {
                    sim = DistributionalSimilarity.Adjust(sim, distributional.Cosine(a, b), _options);
                }

                if (words is not null && words.Has(a) && words.Has(b))
                {
                    sim = WordView.Adjust(sim, words.Cosine(a, b), dot, _options);
                }

                if (sim >= _options.EdgeFloor && (_options.MinFullCosine <= 0 || space.FullCosine(a, b) >= _options.MinFullCosine))
                {
                    edges.Add(new SimilarityEdge(a, b, sim));
                }
            }
        }

        edges = HubnessScaling.Apply(n, edges, articles, _options);
        if (_options.NeighbourLimit > 0)
        {
            edges = KeepNearest(n, edges, _options.NeighbourLimit);
        }

        edges.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return edges;
    }

    /// <summary>Keeps an edge when it is among the <paramref name="k"/> strongest of either endpoint (ties by the other index).</summary>
    private static List<SimilarityEdge> KeepNearest(int n, List<SimilarityEdge> edges, int k)
    {
        var byNode = new List<int>[n];
        for (var i = 0; i < edges.Count; i++)
        {
            (byNode[edges[i].A] ??= []).Add(i);
            (byNode[edges[i].B] ??= []).Add(i);
        }

        var keep = new bool[edges.Count];
        for (var v = 0; v < n; v++)
        {
            if (byNode[v] is not { } list)
            {
                continue;
            }

            foreach (var i in list
                .OrderByDescending(i => edges[i].Similarity)
                .ThenBy(i => edges[i].A == v ? edges[i].B : edges[i].A)
                .Take(k))
            {
                keep[i] = true;
            }
        }

        return [.. edges.Where((_, i) => keep[i])];
    }

    /// <summary>
    /// The event-level pass (see <see cref="StoryClustererOptions.EventSplitThreshold"/>): re-clusters each story of at
    /// least <see cref="StoryClustererOptions.EventSplitMinSize"/> members on cosines re-weighted by the features'
    /// inverse document frequency among the members. Each story is handled on its own with members in canonical order,
    /// so the result depends only on the set of articles. Stories of more than 400 members are left as they are.
    /// </summary>
    public int[] SplitEvents(IReadOnlyList<ArticleFeatures> articles, FeatureSpace space, int[] labels)
    {
        var threshold = _options.EventSplitThreshold;
        var result = (int[])labels.Clone();
        if (threshold <= 0)
        {
            return result;
        }

        foreach (var members in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).Select(g => g.Order().ToArray()))
        {
            var m = members.Length;
            if (m < Math.Max(_options.EventSplitMinSize, 2) || m > 400)
            {
                continue;
            }

            var localDf = new Dictionary<int, int>();
            foreach (var d in members)
            {
                foreach (var id in space.Vectors[d].Ids)
                {
                    localDf[id] = localDf.GetValueOrDefault(id) + 1;
                }
            }

            // Local vectors: global weight × ln(1 + m / local df), L2-normalised (features of one member stay: they
            // cannot link, but they keep the norm honest, as the global vectors do with features of several articles).
            var local = new SparseVector[m];
            for (var i = 0; i < m; i++)
            {
                var v = space.Vectors[members[i]];
                var weights = new float[v.Ids.Length];
                double norm = 0;
                for (var j = 0; j < v.Ids.Length; j++)
                {
                    var w = v.Weights[j] * Math.Log(1 + (double)m / localDf[v.Ids[j]]);
                    weights[j] = (float)w;
                    norm += w * w;
                }

                norm = Math.Sqrt(norm);
                for (var j = 0; j < weights.Length && norm > 0; j++)
                {
                    weights[j] = (float)(weights[j] / norm);
                }

                local[i] = new SparseVector(v.Ids, weights);
            }

            var edges = new List<SimilarityEdge>();
            for (var i = 0; i < m; i++)
            {
                for (var j = i + 1; j < m; j++)
                {
                    var (a, b) = (members[i], members[j]);
                    var s = SparseVector.Dot(local[i], local[j])
                        * FeatureSpace.PairFactor(articles[a], articles[b], _options);
                    if (s > 0)
                    {
                        edges.Add(new SimilarityEdge(i, j, s));
                    }
                }
            }

            // The threshold is relative to the story's own mean local similarity: a story of one event has no group
            // much looser to the rest than that mean, a story of two events does.
            var mean = edges.Sum(e => e.Similarity) / (m * (m - 1) / 2.0);
            if (mean <= 0)
            {
                continue;
            }

            var (inner, _, _) = new AverageLinkClusterer(_options with { CohesionRatio = 0 }).Cluster(m, edges, threshold * mean);

            // Only groups of two or more are events; a member left alone rejoins the group it is closest to on average
            // (local cosine), since one article is no evidence of a second event.
            var groups = Enumerable.Range(0, m).GroupBy(i => inner[i]).Where(g => g.Count() >= 2).Select(g => g.ToList()).ToList();
            if (groups.Count < 2)
            {
                continue;
            }

            // Two groups stay one story when, on the global similarity, they are nearly as close to each other as
            // their members are among themselves (two versions of one report, not two events).
            var ratio = _options.EventSplitCohesion;
            if (ratio > 0)
            {
                var global = new double[m, m];
                for (var i = 0; i < m; i++)
                {
                    for (var j = i + 1; j < m; j++)
                    {
                        global[i, j] = global[j, i] = PairSimilarity(articles, space, members[i], members[j]);
                    }
                }

                double Intra(List<int> g) => g.Sum(i => g.Where(j => j > i).Sum(j => global[i, j])) / (g.Count * (g.Count - 1) / 2.0);
                while (groups.Count > 1)
                {
                    var best = (G: -1, H: -1, Score: double.MinValue);
                    for (var g = 0; g < groups.Count; g++)
                    {
                        for (var h = g + 1; h < groups.Count; h++)
                        {
                            var cross = groups[g].Sum(i => groups[h].Sum(j => global[i, j])) / (groups[g].Count * (double)groups[h].Count);
                            var score = cross / Math.Max(Math.Min(Intra(groups[g]), Intra(groups[h])), 1e-9);
                            if (score > best.Score)
                            {
                                best = (g, h, score);
                            }
                        }
                    }

                    if (best.Score < ratio)
                    {
                        break;
                    }

                    groups[best.G].AddRange(groups[best.H]);
                    groups.RemoveAt(best.H);
                }

                if (groups.Count < 2)
                {
                    continue;
                }
            }

            var sim = new double[m, m];
            foreach (var e in edges)
            {
                sim[e.A, e.B] = sim[e.B, e.A] = e.Similarity;
            }

            var groupOf = new int[m];
            Array.Fill(groupOf, -1);
            for (var g = 0; g < groups.Count; g++)
            {
                foreach (var i in groups[g])
                {
                    groupOf[i] = g;
                }
            }

            for (var i = 0; i < m; i++)
            {
                if (groupOf[i] < 0)
                {
                    var best = 0;
                    var bestAvg = double.MinValue;
                    for (var g = 0; g < groups.Count; g++)
                    {
                        var avg = groups[g].Average(j => sim[i, j]);
                        if (avg > bestAvg)
                        {
                            (best, bestAvg) = (g, avg);
                        }
                    }

                    result[members[i]] = members[groups[best].Min()];
                }
                else
                {
                    result[members[i]] = members[groups[groupOf[i]].Min()];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Splits off the outliers of each cluster (see <see cref="StoryClustererOptions.OutlierRatio"/>): members judged
    /// against the cluster as it came out of average link, all at once, so the result does not depend on member order.
    /// Exact pair similarities (cosine · time · length) for clusters of up to 300 members; larger ones are left as they are.
    /// </summary>
    public int[] SplitOutliers(IReadOnlyList<ArticleFeatures> articles, FeatureSpace space, int[] labels)
    {
        var ratio = _options.OutlierRatio;
        var result = (int[])labels.Clone();
        if (ratio <= 0)
        {
            return result;
        }

        foreach (var members in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).Select(g => g.ToArray()))
        {
            var k = members.Length;
            if (k < 3 || k > 300)
            {
                continue;
            }

            var sim = new double[k, k];
            var rowSum = new double[k];
            var total = 0.0;
            for (var i = 0; i < k; i++)
            {
                for (var j = i + 1; j < k; j++)
                {
                    var (a, b) = (members[i], members[j]);
                    var s = SparseVector.Dot(space.Vectors[a], space.Vectors[b])
                        * FeatureSpace.PairFactor(articles[a], articles[b], _options);
                    sim[i, j] = sim[j, i] = s;
                    rowSum[i] += s;
                    rowSum[j] += s;
                    total += s;
                }
            }

            var outliers = new List<int>();
            for (var i = 0; i < k; i++)
            {
                var own = rowSum[i] / (k - 1);
                var rest = (total - rowSum[i]) / ((k - 1) * (k - 2) / 2.0);
                if (own < ratio * rest)
                {
                    outliers.Add(i);
                }
            }

            // Never dissolve a cluster: at least two members must stay together.
            if (outliers.Count > 0 && k - outliers.Count >= 2)
            {
                var stay = Enumerable.Range(0, k).Where(i => !outliers.Contains(i)).Select(i => members[i]).ToArray();
                var root = stay.Min();
                foreach (var m in stay)
                {
                    result[m] = root;
                }

                foreach (var i in outliers)
                {
                    result[members[i]] = members[i];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The similarity of articles <paramref name="a"/> and <paramref name="b"/> as the graph would weigh their edge
    /// (cosine · time · length), or 0 when the pair fails <see cref="StoryClustererOptions.MinFullCosine"/>.
    /// </summary>
    public double PairSimilarity(IReadOnlyList<ArticleFeatures> articles, FeatureSpace space, int a, int b)
    {
        var dot = SparseVector.Dot(space.Vectors[a], space.Vectors[b]);
        if (dot <= 0 || (_options.MinFullCosine > 0 && dot * space.SharedShare[a] * space.SharedShare[b] < _options.MinFullCosine))
        {
            return 0;
        }

        return dot
            * FeatureSpace.PairFactor(articles[a], articles[b], _options);
    }

    /// <summary>Average-link agglomeration while the best average ≥ threshold. Returns the cluster root of each item and the final inter-cluster sums.</summary>
    /// <param name="articles">When given, <see cref="LongPairRule"/> sets the thresholds by the clusters' lengths and the
    /// short-text rules (<see cref="ShortLeadCohesion"/>, <see cref="ShortLeadGrowth"/>) apply.</param>
    public (int[] Labels, Dictionary<int, double>[] Sums, int[] Sizes) Cluster(int n, IReadOnlyList<SimilarityEdge> edges, double threshold, double? singletonThreshold = null, IReadOnlyList<ArticleFeatures>? articles = null)
    {
        var cohesion = _options.CohesionRatio;
        // A lone article may join a story at the (lower) singleton threshold; two groups need the full threshold.
        var single = singletonThreshold is { } st && st > 0 && st < threshold ? st : threshold;
        var rule = articles is null ? null : LongPairRule.For(articles, _options, threshold, single);
        var floor = rule?.Floor ?? Math.Min(threshold, single);
        // The short-text rules (cohesion between groups, growth by lone leads) share one count of long members per root.
        var members = articles is null ? null : ShortMembers.For(articles, _options);
        var shortCohesion = members is null ? null : ShortLeadCohesion.For(members, _options);
        var growth = members is null ? null : ShortLeadGrowth.For(members, _options);
        var names = articles is null ? null : GroupNameConflict.For(articles, _options);
        if (rule is null && growth is not null && growth.LowSingle < floor)
        {
            floor = growth.LowSingle;
        }

        var rare = rule is null && growth is not null && members is not null ? RareNumberJoin.For(articles!, members, _options) : null;
        var nearJoin = members is null ? null : NeighbourRankJoin.For(n, edges, members, _options);
        floor = rare is not null ? Math.Min(floor, rare.Threshold) : floor;

        var inner = new double[n];
        var sums = new Dictionary<int, double>[n];
        var sizes = new int[n];

        // A cluster's own average: its inner similarity sum over its member pairs.
        double Own(int c) => inner[c] / (sizes[c] * (sizes[c] - 1) / 2.0);
        var versions = new int[n];
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            sums[i] = [];
            sizes[i] = 1;
            parent[i] = i;
        }

        var queue = new PriorityQueue<(int A, int B, int Va, int Vb), (double Avg, int A, int B)>(Comparer<(double Avg, int A, int B)>.Create(
            (x, y) => x.Avg != y.Avg ? y.Avg.CompareTo(x.Avg) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));
        foreach (var e in edges)
        {
            sums[e.A][e.B] = e.Similarity;
            sums[e.B][e.A] = e.Similarity;
            if (e.Similarity >= floor)
            {
                queue.Enqueue((e.A, e.B, 0, 0), (e.Similarity, e.A, e.B));
            }
        }

        while (queue.TryDequeue(out var item, out var priority))
        {
            if (priority.Avg < floor)
            {
                break;
            }

            var (a, b, va, vb) = item;
            if (parent[a] != a || parent[b] != b || versions[a] != va || versions[b] != vb)
            {
                continue;
            }

            if (rule is not null ? priority.Avg < rule.Required(a, sizes[a], b, sizes[b]) : priority.Avg < threshold && sizes[a] > 1 && sizes[b] > 1)
            {
                continue;
            }

            // Two clusters that are each much tighter than they are to each other are two events of one topic:
            // refuse the merge when the cross average is below CohesionRatio (ShortLeadCohesion: for short texts) × the
            // looser cluster's own average.
            if ((cohesion > 0 || shortCohesion is not null) && sizes[a] > 1 && sizes[b] > 1)
            {
                var looser = Math.Min(Own(a), Own(b));
                if (priority.Avg < cohesion * looser
                    || (shortCohesion is not null && shortCohesion.Refuses(a, b, priority.Avg, looser, Math.Min(sizes[a], sizes[b]), Math.Max(sizes[a], sizes[b]))))
                {
                    continue;
                }
            }

            if (names is not null && sizes[a] > 1 && sizes[b] > 1 && names.Refuses(a, b, priority.Avg, Math.Min(Own(a), Own(b)), members))
            {
                continue;
            }

            // Below the singleton threshold only a lone short lead joining a small group of short leads goes on (with the
            // length-aware thresholds on, LongPairRule alone decides what a lone article needs).
            if (rule is null && growth is not null && priority.Avg < single && (sizes[a] == 1 || sizes[b] == 1)
                && !(sizes[a] == 1 ? growth.JoinsLow(a, b, sizes[b], priority.Avg) : growth.JoinsLow(b, a, sizes[a], priority.Avg))
                && !(rare is not null && (sizes[a] == 1 ? rare.Joins(a, b, sizes[b], priority.Avg) : rare.Joins(b, a, sizes[a], priority.Avg))))
            {
                continue;
            }

            // A lone short lead joining a complete-looking group of short leads must be about as close to it as its members are.
            if (growth is not null && (sizes[a] == 1) != (sizes[b] == 1))
            {
                var (g, lone) = sizes[a] > 1 ? (a, b) : (b, a);
                if (growth.Refuses(lone, g, sizes[g], priority.Avg, Own(g)))
                {
                    continue;
                }
            }

            // A lone short text completes a small short group only through one of its near neighbours (NeighbourRankJoin).
            if (nearJoin is not null && (sizes[a] == 1 || sizes[b] == 1)
                && (sizes[a] == 1 ? nearJoin.Refuses(a, b, sizes[b], parent) : nearJoin.Refuses(b, a, sizes[a], parent)))
            {
                continue;
            }

            if (growth is not null && Math.Min(sizes[a], sizes[b]) == 2)
            {
                var (small, large) = sizes[a] == 2 && sizes[b] >= 2 && (sizes[b] > 2 || a > b) ? (a, b) : (b, a);
                if (growth.RefusesPair(small, large, sizes[large], priority.Avg, Own(large)))
                {
                    continue;
                }
            }

            members?.Merge(a, b);
            names?.Merge(a, b);
            rare?.Merge(a, b);

            // Merge b into a (a < b keeps the smaller canonical index as the root).
            inner[a] += inner[b] + sums[a].GetValueOrDefault(b);
            rule?.Merged(a, b);
            parent[b] = a;
            sizes[a] += sizes[b];
            sums[a].Remove(b);
            foreach (var (k, s) in sums[b].OrderBy(p => p.Key))
            {
                if (k == a)
                {
                    continue;
                }

                var total = sums[a].GetValueOrDefault(k) + s;
                sums[a][k] = total;
                sums[k].Remove(b);
                sums[k][a] = total;
            }


            sums[b].Clear();
            versions[a]++;
            foreach (var (k, s) in sums[a].OrderBy(p => p.Key))
            {
                var avg = s / ((double)sizes[a] * sizes[k]);
                if (avg >= (rule is not null ? rule.Required(a, sizes[a], k, sizes[k]) : sizes[k] == 1 ? floor : threshold))
                {
                    var (x, y) = a < k ? (a, k) : (k, a);
                    queue.Enqueue((x, y, versions[x], versions[y]), (avg, x, y));
                }
            }
        }

        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var r = i;
            while (parent[r] != r)
            {
                r = parent[r];
            }

            labels[i] = r;
        }

        return (labels, sums, sizes);
    }
}
