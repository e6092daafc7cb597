using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Stories;

/// <summary>
/// Finds who copied or rewrote whom among a set of articles (usually one story): exact duplicates (hash of the
/// normalised words), near-duplicates (MinHash estimate ≥ <see cref="CopyJaccard"/>), rewrites (long shared passages
/// found by shingle alignment, the same quotes in the same order) and rewrites of a wire not in the set (datelines
/// such as "(Reuters)", "told Reuters", the RSS <c>&lt;source&gt;</c>). An article's origin is always earlier in the
/// canonical order (published date, undated last, then id), so lineage has no cycles. Pure, deterministic, thread-safe.
/// </summary>
public sealed partial class LineageDetector
{
    /// <summary>Version of the lineage rules.</summary>
    public const string Version = "1";

    /// <summary>MinHash Jaccard of 5-word shingles at or above which an article is a copy.</summary>
    public const double CopyJaccard = 0.8;

    /// <summary>Shortest shared passage, in words.</summary>
    public const int MinPassageWords = 8;

    /// <summary>A rewrite shares at least this share of its words with the origin (and <see cref="MinRewriteWords"/>).</summary>
    public const double RewriteCoverage = 0.2;

    public const int MinRewriteWords = 25;

    private readonly MinHasher _hasher = new();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"[""“]([^""“”\n]{12,600})[""”]")]
    private static partial Regex QuoteRegex();

    [GeneratedRegex(@"\((Reuters|AP|AFP|UPI|Bloomberg|dpa)\)|\b(?:told|according to|reported by|said to|confirmed to|tells)\s+(?:the\s+)?(Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|UPI)\b|\b(Reuters|The Associated Press|Associated Press|AFP|Agence France-Presse|Bloomberg)\s+(?:reported|reports|contributed|said|has reported|news agency|asked|sought|requested)\b|\b(?:Copyright|©)\s*(?:\d{4}\s+)?(Reuters|The Associated Press|Associated Press|AFP|Agence France-Presse)\b")]
    private static partial Regex CreditRegex();

    /// <summary>The origin of every article of <paramref name="articles"/>, in the canonical order.</summary>
    public ImmutableArray<ArticleOrigin> Detect(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var prepared = IdentifyWireCopies(articles.DistinctBy(a => a.Id, StringComparer.Ordinal).Select(Prepare).ToList())
            // Canonical order: date; on the same day a report whose outlet others credit comes before them; then id.
            .OrderBy(p => p.Article.Metadata.Published?.Date ?? DateOnly.MaxValue)
            .ThenBy(p => p.OwnWire is null ? 1 : 0)
            .ThenBy(p => p.Article.Id, StringComparer.Ordinal)
            .ToList();
        var lsh = new LshIndex();
        var result = ImmutableArray.CreateBuilder<ArticleOrigin>(prepared.Count);
        for (var b = 0; b < prepared.Count; b++)
        {
            var copy = prepared[b];
            var nearDuplicates = lsh.Candidates(copy.Signature).ToHashSet(StringComparer.Ordinal);
            Candidate? best = null;
            for (var a = 0; a < b; a++)
            {
                var origin = prepared[a];
                var candidate = Compare(copy, origin, nearDuplicates.Contains(origin.Article.Id));
                if (candidate is not null && (best is null || candidate.Beats(best)))
                {
                    best = candidate;
                }
            }

            lsh.Add(copy.Article.Id, copy.Signature);
            result.Add(Decide(copy, best, prepared.Take(b)));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Marks each wire's own report among the articles. An article is a credited source's own report when its outlet is
    /// a name others credit (<c>Meridian Wire</c> credited through an RSS <c>&lt;source&gt;</c>). When no article's
    /// outlet is a credited wire W, the earliest dated article that names no outlet and credits W in the wire's own
    /// voice ("sources have told Reuters") is presumed to be W's copy (unique earliest date required), with the reason.
    /// </summary>
    private static List<Prepared> IdentifyWireCopies(List<Prepared> prepared)
    {
        var credited = prepared.SelectMany(p => p.Credits.Select(c => c.Wire)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < prepared.Count; i++)
        {
            var outlet = prepared[i].Article.Metadata.Outlet;
            if (prepared[i].OwnWire is null && !IsUnknownOutlet(outlet) && credited.Contains(CanonicalWire(outlet))
                && prepared.Any(o => o.Article.Id != prepared[i].Article.Id && o.Credits.Any(c => c.Wire.Equals(CanonicalWire(outlet), StringComparison.OrdinalIgnoreCase))))
            {
                prepared[i] = prepared[i] with { OwnWire = CanonicalWire(outlet) };
            }
        }

        foreach (var wire in credited.Order(StringComparer.Ordinal))
        {
            if (prepared.Any(p => string.Equals(p.OwnWire, wire, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var voiced = prepared
                .Where(p => p.OwnWire is null && IsUnknownOutlet(p.Article.Metadata.Outlet) && p.Article.Metadata.Published is not null
                    && p.Credits.Any(c => c.Wire == wire && c.Cue == "told-wire"))
                .OrderBy(p => p.Article.Metadata.Published!.Date)
                .ThenBy(p => p.Article.Id, StringComparer.Ordinal)
                .ToList();
            if (voiced.Count == 0 || (voiced.Count > 1 && voiced[1].Article.Metadata.Published!.Date == voiced[0].Article.Metadata.Published!.Date))
            {
                continue;
            }

            var first = voiced[0];
            var cue = first.Credits.First(c => c.Wire == wire && c.Cue == "told-wire");
            var i = prepared.IndexOf(first);
            prepared[i] = first with
            {
                OwnWire = wire,
                PresumedReason = $"presumed to be the {wire} report itself: it names no outlet, credits {wire} in the wire's own voice (\"{first.Article.Text[cue.Span!.Value.Start..cue.Span.Value.End]}\") and is the earliest dated article doing so",
            };
        }

        return prepared;
    }

    private static bool IsUnknownOutlet(string? outlet) => string.IsNullOrWhiteSpace(outlet) || outlet.Equals("unknown", StringComparison.OrdinalIgnoreCase);

    /// <summary>Wire credits in an article's text and metadata (not counting the wire's own copy).</summary>
    public static ImmutableArray<WireCredit> FindCredits(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var credits = ImmutableArray.CreateBuilder<WireCredit>();
        foreach (Match m in CreditRegex().Matches(article.Text))
        {
            var (group, cue) = m.Groups[1].Success ? (m.Groups[1], "dateline")
                : m.Groups[2].Success ? (m.Groups[2], "told-wire")
                : m.Groups[3].Success ? (m.Groups[3], "credit")
                : (m.Groups[4], "copyright");
            credits.Add(new WireCredit(CanonicalWire(group.Value), new TextSpan(m.Index, m.Index + m.Length), cue));
        }

        if (!string.IsNullOrWhiteSpace(article.Metadata.SyndicationSource))
        {
            credits.Add(new WireCredit(CanonicalWire(article.Metadata.SyndicationSource.Trim()), null, "rss-source"));
        }

        return credits.ToImmutable();
    }

    /// <summary>Canonical wire name: <c>AP</c> for the Associated Press, <c>AFP</c> for Agence France-Presse, else the name.</summary>
    public static string CanonicalWire(string name)
    {
        var n = name.Trim();
        return n.ToLowerInvariant() switch
        {
            "ap" or "associated press" or "the associated press" => "AP",
            "afp" or "agence france-presse" or "agence france presse" => "AFP",
            "reuters" or "thomson reuters" => "Reuters",
            _ => n,
        };
    }

    private Prepared Prepare(Article article)
    {
        var words = new List<string>();
        var spans = new List<TextSpan>();
        foreach (Match m in WordRegex().Matches(article.Text))
        {
            words.Add(m.Value.ToLowerInvariant());
            spans.Add(new TextSpan(m.Index, m.Index + m.Length));
        }

        var shingles = _hasher.Shingles(words);
        var quotes = QuoteRegex().Matches(article.Text)
            .Select(m => string.Join(' ', WordRegex().Matches(m.Groups[1].Value).Select(w => w.Value.ToLowerInvariant())))
            .Where(q => q.Length > 0)
            .ToList();
        var credits = FindCredits(article);
        var outlet = article.Metadata.Outlet ?? "";
        var ownWire = outlet.Contains("reuters", StringComparison.OrdinalIgnoreCase) ? "Reuters"
            : outlet.Contains("associated press", StringComparison.OrdinalIgnoreCase) || outlet.Equals("AP", StringComparison.OrdinalIgnoreCase) || outlet.Contains("apnews", StringComparison.OrdinalIgnoreCase) ? "AP"
            : outlet.Contains("afp", StringComparison.OrdinalIgnoreCase) ? "AFP"
            : null;
        return new Prepared(article, words, spans, shingles, _hasher.Signature(shingles), Hashing.Sha256Hex(string.Join(' ', words)), quotes, credits, ownWire);
    }

    private Candidate? Compare(Prepared copy, Prepared origin, bool lshCandidate)
    {
        if (copy.Words.Count == 0 || origin.Words.Count == 0)
        {
            return null;
        }

        var exact = copy.ContentHash == origin.ContentHash;
        var jaccard = lshCandidate ? MinHasher.Similarity(copy.Signature, origin.Signature) : 0;
        var passages = Align(copy, origin);
        var shared = passages.Sum(p => p.Words);
        var coverage = (double)shared / copy.Words.Count;
        var quotesInOrder = QuotesInOrder(copy.Quotes, origin.Quotes);
        OriginKind kind;
        string reason;
        if (exact)
        {
            kind = OriginKind.CopyOf;
            reason = "exact duplicate: the same words";
        }
        else if (jaccard >= CopyJaccard)
        {
            kind = OriginKind.CopyOf;
            reason = $"near-duplicate: MinHash Jaccard {jaccard:F2} of 5-word shingles";
        }
        else if (shared >= MinRewriteWords && coverage >= RewriteCoverage)
        {
            kind = OriginKind.RewriteOf;
            reason = $"rewrite: {passages.Length} shared passage(s), {shared} words ({coverage:P0} of the article)";
        }
        else if (quotesInOrder >= 2 && shared >= 2 * MinPassageWords)
        {
            kind = OriginKind.RewriteOf;
            reason = $"rewrite: {quotesInOrder} quotes in the same order and {passages.Length} shared passage(s)";
        }
        else
        {
            return null;
        }

        var creditedOrigin = origin.OwnWire is { } w && copy.Credits.Any(c => c.Wire == w);
        return new Candidate(origin, kind, passages, shared, coverage, quotesInOrder, creditedOrigin, reason);
    }

    private static ArticleOrigin Decide(Prepared copy, Candidate? best, IEnumerable<Prepared> earlier)
    {
        var credits = copy.Credits.Where(c => c.Wire != copy.OwnWire).ToImmutableArray();
        if (best is not null)
        {
            var origin = best.Origin;
            var covered = new bool[copy.Words.Count];
            var originCovered = new bool[origin.Words.Count];
            foreach (var p in best.Passages)
            {
                Mark(copy.Spans, p.ArticleSpan, covered);
                Mark(origin.Spans, p.OriginSpan, originCovered);
            }

            return new ArticleOrigin
            {
                ArticleId = copy.Article.Id,
                Kind = best.Kind,
                OriginId = origin.Article.Id,
                Wire = origin.OwnWire ?? credits.Select(c => c.Wire).FirstOrDefault(),
                Coverage = Math.Round(best.Coverage, 4),
                Passages = best.Passages,
                Added = Uncovered(copy.Spans, covered),
                Cut = Uncovered(origin.Spans, originCovered),
                SharedQuotesInOrder = best.QuotesInOrder,
                Credits = copy.Credits,
                Reason = best.Reason + (best.CreditedOrigin ? $"; the article credits {origin.OwnWire}, the origin's outlet" : ""),
            };
        }

        // No shared passages, but the article credits a wire whose own report is in the set: it draws on that report.
        foreach (var credit in credits)
        {
            if (earlier.FirstOrDefault(e => e.OwnWire == credit.Wire) is { } wireCopy)
            {
                return new ArticleOrigin
                {
                    ArticleId = copy.Article.Id,
                    Kind = OriginKind.RewriteOf,
                    OriginId = wireCopy.Article.Id,
                    Wire = credit.Wire,
                    Credits = copy.Credits,
                    Added = copy.Words.Count > 0 ? [new TextSpan(copy.Spans[0].Start, copy.Spans[^1].End)] : [],
                    Reason = $"credits {credit.Wire} ({credit.Cue}) and the {credit.Wire} report is in the set; no passage is copied verbatim",
                };
            }
        }

        if (credits.Length > 0)
        {
            var wire = credits[0].Wire;
            return new ArticleOrigin
            {
                ArticleId = copy.Article.Id,
                Kind = OriginKind.RewriteOfWire,
                Wire = wire,
                Credits = copy.Credits,
                Added = copy.Words.Count > 0 ? [new TextSpan(copy.Spans[0].Start, copy.Spans[^1].End)] : [],
                Reason = $"credits {wire} ({credits[0].Cue}) and no copy of the {wire} report is in the set",
            };
        }

        return new ArticleOrigin
        {
            ArticleId = copy.Article.Id,
            Kind = OriginKind.Independent,
            Credits = copy.Credits,
            Reason = copy.PresumedReason is { } presumed ? presumed + "; no earlier article shares its passages"
                : copy.OwnWire is { } own ? $"the {own} report itself; no earlier article shares its passages" : "no earlier article shares long passages or quotes with it, and it credits no wire",
        };
    }

    /// <summary>Greedy longest-match alignment of the copy's words against the origin's 8-word shingles.</summary>
    private static ImmutableArray<SharedPassage> Align(Prepared copy, Prepared origin)
    {
        const int n = MinPassageWords;
        if (copy.Words.Count < n || origin.Words.Count < n)
        {
            return [];
        }

        var index = origin.PassageIndex.Value;
        var passages = ImmutableArray.CreateBuilder<SharedPassage>();
        var i = 0;
        while (i + n <= copy.Words.Count)
        {
            var h = MinHasher.HashWords(copy.Words, i, n);
            if (index.TryGetValue(h, out var starts))
            {
                int bestStart = -1, bestLength = 0;
                foreach (var j in starts)
                {
                    var len = 0;
                    while (i + len < copy.Words.Count && j + len < origin.Words.Count && copy.Words[i + len] == origin.Words[j + len])
                    {
                        len++;
                    }

                    if (len > bestLength)
                    {
                        bestStart = j;
                        bestLength = len;
                    }
                }

                if (bestLength >= n)
                {
                    passages.Add(new SharedPassage(
                        new TextSpan(copy.Spans[i].Start, copy.Spans[i + bestLength - 1].End),
                        new TextSpan(origin.Spans[bestStart].Start, origin.Spans[bestStart + bestLength - 1].End),
                        bestLength));
                    i += bestLength;
                    continue;
                }
            }

            i++;
        }

        return passages.ToImmutable();
    }

    /// <summary>Length of the longest run of the copy's quotes found in the origin in the same order (longest increasing subsequence).</summary>
    private static int QuotesInOrder(List<string> copyQuotes, List<string> originQuotes)
    {
        var positions = new List<int>();
        foreach (var q in copyQuotes)
        {
            var at = originQuotes.FindIndex(o => o.Contains(q, StringComparison.Ordinal) || q.Contains(o, StringComparison.Ordinal));
            if (at >= 0)
            {
                positions.Add(at);
            }
        }

        var tails = new List<int>();
        foreach (var p in positions)
        {
            var k = tails.BinarySearch(p);
            if (k < 0)
            {
                k = ~k;
            }
            else
            {
                continue;
            }

            if (k == tails.Count)
            {
                tails.Add(p);
            }
            else
            {
                tails[k] = p;
            }
        }

        return tails.Count;
    }

    private static void Mark(List<TextSpan> wordSpans, TextSpan span, bool[] covered)
    {
        for (var i = 0; i < wordSpans.Count; i++)
        {
            if (span.Contains(wordSpans[i]))
            {
                covered[i] = true;
            }
        }
    }

    private static ImmutableArray<TextSpan> Uncovered(List<TextSpan> wordSpans, bool[] covered)
    {
        var result = ImmutableArray.CreateBuilder<TextSpan>();
        var start = -1;
        for (var i = 0; i <= wordSpans.Count; i++)
        {
            var open = i < wordSpans.Count && !covered[i];
            if (open && start < 0)
            {
                start = i;
            }
            else if (!open && start >= 0)
            {
                result.Add(new TextSpan(wordSpans[start].Start, wordSpans[i - 1].End));
                start = -1;
            }
        }

        return result.ToImmutable();
    }

    private sealed record Prepared(
        Article Article,
        List<string> Words,
        List<TextSpan> Spans,
        ImmutableHashSet<ulong> Shingles,
        ImmutableArray<ulong> Signature,
        string ContentHash,
        List<string> Quotes,
        ImmutableArray<WireCredit> Credits,
        string? OwnWire,
        string? PresumedReason = null)
    {
        public Lazy<Dictionary<ulong, List<int>>> PassageIndex { get; } = new(() =>
        {
            var index = new Dictionary<ulong, List<int>>();
            for (var j = 0; j + MinPassageWords <= Words.Count; j++)
            {
                var h = MinHasher.HashWords(Words, j, MinPassageWords);
                if (!index.TryGetValue(h, out var list))
                {
                    index[h] = list = [];
                }

                list.Add(j);
            }

            return index;
        });
    }

    private sealed record Candidate(
        Prepared Origin,
        OriginKind Kind,
        ImmutableArray<SharedPassage> Passages,
        int SharedWords,
        double Coverage,
        int QuotesInOrder,
        bool CreditedOrigin,
        string Reason)
    {
        /// <summary>Copies beat rewrites; then the wire the article credits; then more shared words; earlier candidates win ties.</summary>
        public bool Beats(Candidate other)
        {
            if (Kind != other.Kind)
            {
                return Kind == OriginKind.CopyOf;
            }

            if (CreditedOrigin != other.CreditedOrigin)
            {
                return CreditedOrigin;
            }

            return SharedWords > other.SharedWords;
        }
    }
}
