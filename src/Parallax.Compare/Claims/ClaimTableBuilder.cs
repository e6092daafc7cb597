using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Claims;

/// <summary>
/// Splits sentences into claims (<see cref="ClaimExtractor"/>), aligns them across the story's articles
/// (<see cref="ClaimAligner"/>) and builds the fact table: one <see cref="FactReport"/> per group of aligned claims, with
/// the articles that state it, the member articles that omit it, its outlets and its origin count (reprints of one
/// origin count once). A claim whose names or numbers only one origin of the story gives also yields a <em>detail</em>
/// fact of its own (single-source, <see cref="FactReport.DetailOf"/> naming the broader fact), so that "the envoy is
/// John Coale" is not hidden inside the corroborated "a special envoy was appointed". <see cref="FactReport.Contradicts"/>
/// is left empty (the conflicts stage fills it). Facts are ordered by origins, then stating articles (both descending),
/// then first position (article report order, then character offset); ids are <c>F1</c>, <c>F2</c>, ... in that order.
/// Pure and deterministic; see docs/claims.md.
/// </summary>
public static class ClaimTableBuilder
{
    public const string Version = "1";

    /// <summary>Penalty on a headline when choosing a fact's wording (headlines are compressed and often loaded).</summary>
    private const double HeadlinePenalty = 0.3;

    /// <summary>Penalty on a clause holding direct quotation when choosing the wording (a fact reads as the outlet's own statement).</summary>
    private const double QuotedPenalty = 0.1;

    /// <summary>Penalty on a clause that does not start like a sentence ("who informed ...", "told him ..."): fragments read badly alone.</summary>
    private const double FragmentPenalty = 0.3;

    /// <summary>
    /// Weight of the stating article's corroboration rate (share of its claims that other origins also state) when
    /// choosing the wording: an article made mostly of claims nobody else makes (commentary, opinion) is a worse
    /// source of neutral wording than one whose claims others confirm.
    /// </summary>
    private const double CorroborationWeight = 0.5;

    public static ImmutableArray<FactReport> Build(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var claims = ExtractClaims(input);
        if (claims.Count == 0)
        {
            return [];
        }

        var groups = ClaimAligner.Align(claims, out var similarities);
        var unique = UniqueDetails(input, claims);
        var corroboration = Corroboration(input, claims, groups);
        var drafts = new List<Draft>();
        foreach (var group in groups)
        {
            var members = group.Select(i => claims[i]).ToList();
            var origins = members.Select(c => input.Articles[c.ArticleIndex].OriginKey).Distinct(StringComparer.Ordinal).Count();
            var details = members.SelectMany(c => DetailsOf(c, input, unique)).Distinct(StringComparer.Ordinal).ToList();
            var parent = new Draft(members, Choose(members, similarities, corroboration), origins == 1 ? details : []);
            drafts.Add(parent);
            if (origins < 2)
            {
                continue;
            }

            // Details only one origin gives, split off the corroborated fact: one detail fact per origin and detail set.
            foreach (var split in members
                .Select(c => (Claim: c, Details: DetailsOf(c, input, unique)))
                .Where(x => x.Details.Count > 0)
                .GroupBy(x => input.Articles[x.Claim.ArticleIndex].OriginKey + "\u0001" + string.Join("\u0001", x.Details), StringComparer.Ordinal))
            {
                var detailMembers = split.Select(x => x.Claim).ToList();
                drafts.Add(new Draft(detailMembers, Choose(detailMembers, similarities, corroboration), split.First().Details) { Parent = parent });
            }
        }

        var ordered = drafts
            .OrderByDescending(d => d.Origins(input))
            .ThenByDescending(d => d.Articles.Count)
            .ThenBy(d => d.Members[0].ArticleIndex)
            .ThenBy(d => d.Members[0].Span.Start)
            .ThenBy(d => d.Parent is null ? 0 : 1)
            .ThenBy(d => d.Members[0].Span.End)
            .ToList();
        var ids = new Dictionary<Draft, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < ordered.Count; i++)
        {
            ids[ordered[i]] = "F" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return [.. ordered.Select(d => ToReport(d, ids, input))];
    }

    /// <summary>All claims of the story, articles in report order, each in text order.</summary>
    internal static List<Claim> ExtractClaims(StoryInput input)
    {
        var entities = input.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var claims = new List<Claim>();
        for (var i = 0; i < input.Articles.Length; i++)
        {
            claims.AddRange(ClaimExtractor.Extract(input.Articles[i], i, claims.Count, entities));
        }

        return claims;
    }

    private sealed class Draft(List<Claim> members, Claim wording, IReadOnlyList<string> details)
    {
        public List<Claim> Members { get; } = [.. members.OrderBy(c => c.Index)];

        public Claim Wording { get; } = wording;

        public IReadOnlyList<string> Details { get; } = details;

        public Draft? Parent { get; init; }

        public List<int> Articles => [.. Members.Select(c => c.ArticleIndex).Distinct().Order()];

        public int Origins(StoryInput input) => Members.Select(c => input.Articles[c.ArticleIndex].OriginKey).Distinct(StringComparer.Ordinal).Count();
    }

    private static FactReport ToReport(Draft d, Dictionary<Draft, string> ids, StoryInput input)
    {
        var stating = d.Articles;
        var origins = d.Origins(input);
        var wordingArticle = input.Articles[d.Wording.ArticleIndex];
        return new FactReport(
            ids[d],
            d.Wording.Text,
            [.. d.Members.Select(c => input.Articles[c.ArticleIndex].Evidence(c.Span))],
            [.. Enumerable.Range(0, input.Articles.Length).Where(i => !stating.Contains(i)).Select(i => input.Articles[i].Id)],
            [])
        {
            StatedBy = [.. stating.Select(i => OutletName(input.Articles[i])).Distinct(StringComparer.Ordinal)],
            Origins = origins,
            SingleSource = origins == 1,
            Attribution = d.Wording.Attribution ?? d.Members.Select(c => c.Attribution).FirstOrDefault(a => a is not null),
            Headline = d.Members.All(c => c.Headline),
            Wording = wordingArticle.Evidence(d.Wording.Span),
            Details = [.. d.Details],
            DetailOf = d.Parent is null ? null : ids[d.Parent],
        };
    }

    /// <summary>The outlet name, or <c>unknown:</c> + the article id when the outlet is unknown (unknown outlets are never merged).</summary>
    public static string OutletName(StoryArticle member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Outlet is { Length: > 0 } o && !string.Equals(o, "unknown", StringComparison.OrdinalIgnoreCase) ? o : "unknown:" + member.Id;
    }

    /// <summary>
    /// The member whose wording states the fact best: most central (mean similarity to the other articles' members), most
    /// supported (share of its stems other articles' members also use, so one outlet's own loaded words count against
    /// it) and most complete (share of the other members' stems it covers, so a clipped clause loses to the full one),
    /// not a headline, not a direct quotation, not a fragment, from an article whose claims others corroborate; ties to
    /// the earliest claim.
    /// </summary>
    private static Claim Choose(List<Claim> members, Dictionary<(int, int), double> similarities, double[] corroboration)
    {
        if (members.Count == 1)
        {
            return members[0];
        }

        Claim? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var m in members.OrderBy(c => c.Index))
        {
            var others = members.Where(o => o.ArticleIndex != m.ArticleIndex).ToList();
            double centrality = 0, support = 0, coverage = 0;
            if (others.Count > 0)
            {
                centrality = others.Average(o => ClaimAligner.Lookup(similarities, m.Index, o.Index));
                support = m.Terms.Keys.Count(k => others.Any(o => o.Terms.ContainsKey(k))) / (double)Math.Max(1, m.Terms.Count);
                var theirs = others.SelectMany(o => o.Terms.Keys).ToHashSet(StringComparer.Ordinal);
                coverage = theirs.Count(m.Terms.ContainsKey) / (double)Math.Max(1, theirs.Count);
            }

            var score = centrality + (support + coverage) / 2 - (m.Headline ? HeadlinePenalty : 0) - (m.Quoted ? QuotedPenalty : 0)
                - (char.IsLower(m.Text[0]) ? FragmentPenalty : 0) + CorroborationWeight * corroboration[m.ArticleIndex];
            if (score > bestScore + 1e-9)
            {
                best = m;
                bestScore = score;
            }
        }

        return best!;
    }

    /// <summary>Per member article: the share of its claims that fall in groups stated by two or more origins.</summary>
    private static double[] Corroboration(StoryInput input, List<Claim> claims, List<List<int>> groups)
    {
        var corroborated = new bool[claims.Count];
        foreach (var g in groups)
        {
            if (g.Select(i => input.Articles[claims[i].ArticleIndex].OriginKey).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                foreach (var i in g)
                {
                    corroborated[i] = true;
                }
            }
        }

        var rate = new double[input.Articles.Length];
        foreach (var byArticle in claims.GroupBy(c => c.ArticleIndex))
        {
            rate[byArticle.Key] = byArticle.Count(c => corroborated[c.Index]) / (double)byArticle.Count();
        }

        return rate;
    }

    /// <summary>Person/organisation entity ids and numbers mentioned by claims of exactly one origin of the story.</summary>
    private static HashSet<string> UniqueDetails(StoryInput input, List<Claim> claims)
    {
        var originsOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in claims)
        {
            var origin = input.Articles[c.ArticleIndex].OriginKey;
            foreach (var key in DetailKeys(c))
            {
                if (!originsOf.TryGetValue(key.Key, out var set))
                {
                    originsOf[key.Key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(origin);
            }
        }

        // Entity resolution can split one name into two ids ("Port Velin Operators' Association" / "Velin Operators"): a
        // name is only a detail when no article of another origin contains it at all.
        var display = claims.SelectMany(DetailKeys).GroupBy(k => k.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(k => k.Display).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        return [.. originsOf.Where(kv => kv.Value.Count == 1 && (!kv.Key.StartsWith("e:", StringComparison.Ordinal) || !display[kv.Key].Any(name =>
            input.Articles.Any(a => !kv.Value.Contains(a.OriginKey) && a.Text.Contains(name, StringComparison.OrdinalIgnoreCase)))))
            .Select(kv => kv.Key)];
    }

    private static IEnumerable<(string Key, string Display)> DetailKeys(Claim c)
    {
        for (var i = 0; i < c.Entities.Length; i++)
        {
            if (c.Names[i] is { Length: >= 3 } name && char.IsUpper(name[0]) && !name.StartsWith("The ", StringComparison.Ordinal) && name != "The")
            {
                yield return ("e:" + c.Entities[i], name);
            }
        }

        foreach (var (key, text) in c.NumberDetails)
        {
            yield return ("n:" + key, text);
        }
    }

    /// <summary>The display forms of <paramref name="c"/>'s details that only its origin gives, in text order.</summary>
    private static List<string> DetailsOf(Claim c, StoryInput input, HashSet<string> unique)
    {
        if (input.Articles.Select(a => a.OriginKey).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return [];
        }

        return [.. DetailKeys(c).Where(k => unique.Contains(k.Key)).Select(k => k.Display).Distinct(StringComparer.Ordinal)];
    }
}
