using System.Collections.Immutable;

namespace Parallax.Compare.Claims;

/// <summary>
/// Aligns claims of different articles into groups (facts). The similarity of two claims from different articles is
/// <c>StemWeight·cos(tf-idf of stems) + EntityWeight·overlap(entities)</c> (overlap = shared / (union + 1)), plus
/// <see cref="EventDateBonus"/> when they name a common day that is neither article's own date (an explicit past or
/// future day identifies an event: "the November 21 call"), else <see cref="SharedDateBonus"/> when they name a common
/// date, plus <see cref="SharedNumberBonus"/> when they state a common number, minus
/// <see cref="DateClashPenalty"/> when both give dates and none agree, minus <see cref="NegationPenalty"/> when only one
/// is negated. Groups are merged greedily from the most similar pair down (pairs below <see cref="PairThreshold"/> never
/// merge), and only while the average similarity between the two groups' claims of different articles stays at least
/// <see cref="GroupThreshold"/> (average link: stops chains of loosely related claims). Claims of one article are never
/// compared with each other; two of them can still end in one group through claims of other articles.
/// Deterministic: ties break by claim index.
/// </summary>
internal static class ClaimAligner
{
    public const double StemWeight = 0.65;
    public const double EntityWeight = 0.35;
    public const double SharedDateBonus = 0.15;
    public const double EventDateBonus = 0.30;
    public const double SharedNumberBonus = 0.10;
    public const double DateClashPenalty = 0.10;
    public const double NegationPenalty = 0.05;
    public const double PairThreshold = 0.40;
    public const double GroupThreshold = 0.30;

    /// <summary>A key (stem, entity, date, number) held by more claims than this and a fifth of the story's claims does not generate candidate pairs.</summary>
    public const int CommonKeyFloor = 64;

    /// <summary>Pairs scoring below this are not even stored (they count as 0 in group averages).</summary>
    private const double StoreFloor = 0.15;

    /// <summary>Groups of claim indexes (each ascending), ordered by their first claim; every claim is in exactly one group.</summary>
    public static List<List<int>> Align(IReadOnlyList<Claim> claims, out Dictionary<(int, int), double> similarities)
    {
        var vectors = Vectorize(claims);
        similarities = new Dictionary<(int, int), double>();
        var pairs = new List<(double Sim, int A, int B)>();

        // Inverted index over stems and entities: only claims sharing something are compared.
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = claims.Select(c => c.Terms.Keys.Select(k => "w:" + k).Concat(c.Entities.Select(e => "e:" + e))
            .Concat(c.Dates.Select(d => "d:" + (d.Length == 10 ? d[5..] : d))).Concat(c.Numbers.Select(n => "n:" + n)).ToArray()).ToArray();
        for (var i = 0; i < claims.Count; i++)
        {
            foreach (var key in keys[i])
            {
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }

                list.Add(i);
            }
        }

        // Keys carried by very many claims ("said", the story's main actor) find no particular partner; they still count
        // in the score, but pairs sharing nothing else are not scored (keeps large stories from going quadratic).
        var commonKey = Math.Max(CommonKeyFloor, claims.Count / 5);
        var candidates = new HashSet<int>();
        for (var i = 0; i < claims.Count; i++)
        {
            candidates.Clear();
            foreach (var key in keys[i])
            {
                var posting = postings[key];
                if (posting.Count > commonKey)
                {
                    continue;
                }

                foreach (var j in posting)
                {
                    if (j > i && claims[j].ArticleIndex != claims[i].ArticleIndex)
                    {
                        candidates.Add(j);
                    }
                }
            }

            foreach (var j in candidates)
            {
                var sim = Similarity(claims[i], claims[j], vectors[i], vectors[j]);
                if (sim >= StoreFloor)
                {
                    similarities[(i, j)] = sim;
                    if (sim >= PairThreshold)
                    {
                        pairs.Add((sim, i, j));
                    }
                }
            }
        }

        pairs.Sort((x, y) => x.Sim != y.Sim ? y.Sim.CompareTo(x.Sim) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var groupOf = Enumerable.Range(0, claims.Count).ToArray();
        var groups = Enumerable.Range(0, claims.Count).Select(i => new List<int> { i }).ToList();
        foreach (var (_, a, b) in pairs)
        {
            var ga = groupOf[a];
            var gb = groupOf[b];
            if (ga == gb || AverageLink(groups[ga], groups[gb], claims, similarities) < GroupThreshold)
            {
                continue;
            }

            var (keep, drop) = ga < gb ? (ga, gb) : (gb, ga);
            foreach (var m in groups[drop])
            {
                groupOf[m] = keep;
            }

            groups[keep].AddRange(groups[drop]);
            groups[drop] = [];
        }

        return [.. groups.Where(g => g.Count > 0).Select(g => g.Order().ToList()).OrderBy(g => g[0])];
    }

    private static double AverageLink(List<int> a, List<int> b, IReadOnlyList<Claim> claims, Dictionary<(int, int), double> similarities)
    {
        double sum = 0;
        var n = 0;
        foreach (var i in a)
        {
            foreach (var j in b)
            {
                if (claims[i].ArticleIndex == claims[j].ArticleIndex)
                {
                    continue;
                }

                n++;
                sum += Lookup(similarities, i, j);
            }
        }

        return n == 0 ? 0 : sum / n;
    }

    /// <summary>The stored similarity of two claims (0 when below the storage floor or from one article).</summary>
    public static double Lookup(Dictionary<(int, int), double> similarities, int i, int j) =>
        similarities.GetValueOrDefault(i < j ? (i, j) : (j, i));

    /// <summary>Similarity of two claims of different articles, given their L2-normalised tf-idf vectors.</summary>
    internal static double Similarity(Claim a, Claim b, Dictionary<string, double> va, Dictionary<string, double> vb)
    {
        double cos = 0;
        var (small, large) = va.Count <= vb.Count ? (va, vb) : (vb, va);
        foreach (var (k, w) in small)
        {
            if (large.TryGetValue(k, out var w2))
            {
                cos += w * w2;
            }
        }

        var sim = StemWeight * cos + EntityWeight * EntityOverlap(a.Entities, b.Entities);
        if (a.Dates.Length > 0 && b.Dates.Length > 0)
        {
            var shared = a.Dates.Where(d => b.Dates.Any(e => DatesAgree(d, e))).ToList();
            sim += shared.Count == 0 ? -DateClashPenalty
                : shared.Any(d => d.Length == 10 && d != a.Anchor && d != b.Anchor) ? EventDateBonus
                : SharedDateBonus;
        }

        if (a.Numbers.Length > 0 && b.Numbers.Length > 0 && a.Numbers.Any(n => b.Numbers.Contains(n, StringComparer.Ordinal)))
        {
            sim += SharedNumberBonus;
        }

        if (a.Negated != b.Negated)
        {
            sim -= NegationPenalty;
        }

        return sim;
    }

    /// <summary>Equal values, or equal month and day when one year is unknown (<c>XXXX-11-21</c> agrees with <c>2025-11-21</c>).</summary>
    internal static bool DatesAgree(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal)
        || ((a.StartsWith("XXXX", StringComparison.Ordinal) || b.StartsWith("XXXX", StringComparison.Ordinal)) && a.Length == b.Length && string.Equals(a[4..], b[4..], StringComparison.Ordinal));

    /// <summary>
    /// Smoothed Jaccard: shared / (union + 1), so one shared name alone ("Washington" and "Washington") scores 0.5, not 1:
    /// sharing a single participant is weak evidence of the same claim.
    /// </summary>
    internal static double EntityOverlap(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        // Entity lists are short and distinct: a nested loop beats building sets on this hot path.
        var inter = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (string.Equals(x, y, StringComparison.Ordinal))
                {
                    inter++;
                    break;
                }
            }
        }

        return (double)inter / (a.Length + b.Length - inter + 1);
    }

    /// <summary>L2-normalised tf-idf vectors; idf = ln((1 + claims) / (1 + claims with the stem)) + 1 over the story's claims.</summary>
    internal static Dictionary<string, double>[] Vectorize(IReadOnlyList<Claim> claims)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            foreach (var k in c.Terms.Keys)
            {
                df[k] = df.GetValueOrDefault(k) + 1;
            }
        }

        var result = new Dictionary<string, double>[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            var v = new Dictionary<string, double>(claims[i].Terms.Count, StringComparer.Ordinal);
            double norm = 0;
            foreach (var (k, tf) in claims[i].Terms)
            {
                var w = (1 + Math.Log(tf)) * (Math.Log((1.0 + claims.Count) / (1.0 + df[k])) + 1);
                v[k] = w;
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            foreach (var k in v.Keys.ToList())
            {
                v[k] /= norm;
            }

            result[i] = v;
        }

        return result;
    }
}
