using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Summary;

/// <summary>How <see cref="SummaryWriter"/> picks and writes sentences. Defaults were tuned on the NeuS train part only (docs/summary.md).</summary>
public sealed record SummaryOptions
{
    public static SummaryOptions Default { get; } = new();

    /// <summary>At least this many sentences when that many neutral candidates exist.</summary>
    public int MinSentences { get; init; } = 3;

    /// <summary>At most this many sentences.</summary>
    public int MaxSentences { get; init; } = 7;

    /// <summary>Stop adding sentences (beyond <see cref="MinSentences"/>) once the summary has this many words.</summary>
    public int WordBudget { get; init; } = 110;

    /// <summary>MMR trade-off: weight of a sentence's score against its similarity to sentences already chosen.</summary>
    public double Lambda { get; init; } = 0.9;

    /// <summary>Weight of cross-article support (mean best similarity to each other origin's sentences).</summary>
    public double SupportWeight { get; init; } = 1.0;

    /// <summary>Weight of the position prior 1/(1 + index of the sentence in its article).</summary>
    public double PositionWeight { get; init; } = 0.6;

    /// <summary>Weight of fact support (share of other origins stating a fact the sentence states), when facts exist.</summary>
    public double FactWeight { get; init; } = 1.0;

    /// <summary>Two sentences state the same content at this similarity (cosine of their content-key sets) or above.</summary>
    public double SameContent { get; init; } = 0.3;

    /// <summary>A candidate this similar to a chosen sentence is redundant and skipped.</summary>
    public double Redundant { get; init; } = 0.3;

    /// <summary>Candidate sentences have between these many words (inclusive).</summary>
    public int MinWords { get; init; } = 6;

    public int MaxWords { get; init; } = 45;

    /// <summary>Drop datelines, bracketed asides and trailing attributions.</summary>
    public bool Compress { get; init; } = true;

    /// <summary>
    /// Choose sentences that another origin also states before any that only their own origin states (those only fill up
    /// to <see cref="MinSentences"/>). Ignored when the story has a single origin.
    /// </summary>
    public bool PreferSupported { get; init; } = true;

    /// <summary>Write chosen sentences in story order (article order, then position) rather than by rank (the default: best supported first).</summary>
    public bool StoryOrder { get; init; }
}

/// <summary>
/// The neutral summary: 3–7 sentences chosen from the story's articles by how well other articles (independent origins:
/// reprints counted once) support them, and by the facts they state when the claim table has facts; neutral wording only
/// (<see cref="NeutralWording"/>); no redundancy (maximal marginal relevance). Extractive: each sentence is a source
/// sentence, lightly compressed by dropping words, never adding any. Pure and deterministic; see docs/summary.md.
/// </summary>
public static partial class SummaryWriter
{
    public static ImmutableArray<SummarySentence> Write(StoryInput input, ImmutableArray<FactReport> facts) => Write(input, facts, SummaryOptions.Default);

    public static ImmutableArray<SummarySentence> Write(StoryInput input, ImmutableArray<FactReport> facts, SummaryOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        facts = facts.IsDefault ? [] : facts;
        var all = Candidates(input, options);
        if (all.Count == 0)
        {
            return [];
        }

        Score(input, all, facts, options);
        var chosen = Select(all, options);
        var ordered = options.StoryOrder
            ? chosen.OrderBy(c => c.Article).ThenBy(c => c.Span.Start)
            : chosen.AsEnumerable();
        return [.. ordered.Select(c => ToSentence(input, c, facts))];
    }

    /// <summary>The summary as plain text: the sentences joined by spaces.</summary>
    public static string Text(ImmutableArray<SummarySentence> summary) => string.Join(" ", summary.Select(s => s.Text));

    private sealed class Candidate
    {
        public required int Article { get; init; }
        public required StoryArticle Member { get; init; }
        public required TextSpan Span { get; init; }
        public required int Position { get; init; }
        public required ImmutableArray<TextSpan> Pieces { get; init; }
        public required string Text { get; init; }
        public required int Words { get; init; }
        public required ImmutableHashSet<string> Keys { get; init; }
        public required bool Neutral { get; init; }
        public double Score { get; set; }
        public List<(StoryArticle Member, TextSpan Span)> Supporters { get; } = [];
        public HashSet<string> SupportingOrigins { get; } = new(StringComparer.Ordinal);
    }

    private static List<Candidate> Candidates(StoryInput input, SummaryOptions options)
    {
        var result = new List<Candidate>();
        for (var a = 0; a < input.Articles.Length; a++)
        {
            var member = input.Articles[a];
            var doc = member.Doc;
            var position = 0;
            foreach (var sentence in doc.Sentences)
            {
                if (sentence.Kind != SentenceKind.Sentence)
                {
                    continue;
                }

                var pos = position++;
                var text = doc.Text[sentence.Span.Start..sentence.Span.End];
                var pieces = options.Compress ? Compress(doc.Text, sentence.Span, pos == 0) : [Trimmed(doc.Text, sentence.Span)];
                if (pieces.IsEmpty)
                {
                    continue;
                }

                var written = Join(doc.Text, pieces, text);
                var words = written.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words < options.MinWords || words > options.MaxWords)
                {
                    continue;
                }

                result.Add(new Candidate
                {
                    Article = a,
                    Member = member,
                    Span = sentence.Span,
                    Position = pos,
                    Pieces = pieces,
                    Text = written,
                    Words = words,
                    Keys = ContentWords.Of(doc, sentence.Span, withoutCalendarWords: false),
                    Neutral = NeutralWording.Reason(written) is null,
                });
            }
        }

        return result;
    }

    private static void Score(StoryInput input, List<Candidate> all, ImmutableArray<FactReport> facts, SummaryOptions options)
    {
        // Every body sentence of every article is a possible supporter, not only the candidates.
        var sentences = new List<(StoryArticle Member, TextSpan Span, ImmutableHashSet<string> Keys)>();
        foreach (var member in input.Articles)
        {
            foreach (var s in member.Doc.Sentences.Where(s => s.Kind is SentenceKind.Sentence or SentenceKind.ListItem))
            {
                sentences.Add((member, s.Span, ContentWords.Of(member.Doc, s.Span, withoutCalendarWords: false)));
            }
        }

        var origins = input.Articles.Select(a => a.OriginKey).Distinct(StringComparer.Ordinal).ToList();
        var others = Math.Max(1, origins.Count - 1);
        foreach (var c in all)
        {
            c.SupportingOrigins.Add(c.Member.OriginKey);
            var support = 0.0;
            foreach (var origin in origins)
            {
                var own = origin == c.Member.OriginKey;
                // The origin's support is its best sentence; each of its articles (a reprint too) is cited by its own best one.
                var best = 0.0;
                var bestByArticle = new Dictionary<string, (double Sim, StoryArticle Member, TextSpan Span)>(StringComparer.Ordinal);
                foreach (var s in sentences.Where(s => s.Member.OriginKey == origin && s.Member.Id != c.Member.Id))
                {
                    var sim = Similarity(c.Keys, s.Keys);
                    best = Math.Max(best, sim);
                    if (!bestByArticle.TryGetValue(s.Member.Id, out var known) || sim > known.Sim)
                    {
                        bestByArticle[s.Member.Id] = (sim, s.Member, s.Span);
                    }
                }

                if (!own)
                {
                    support += best;
                }

                // Reprints of the source's own origin are cited but add no support.
                if (best >= options.SameContent)
                {
                    c.SupportingOrigins.Add(origin);
                    c.Supporters.AddRange(bestByArticle.Values.Where(v => v.Sim >= options.SameContent).Select(v => (v.Member, v.Span)));
                }
            }

            var factSupport = 0.0;
            foreach (var fact in FactsOf(c, facts))
            {
                var stating = fact.States.Select(s => input.Articles.FirstOrDefault(a => a.Id == s.ArticleId)?.OriginKey)
                    .Where(o => o is not null && o != c.Member.OriginKey).Distinct(StringComparer.Ordinal).Count();
                factSupport = Math.Max(factSupport, (double)stating / others);
            }

            c.Score = (options.SupportWeight * support / others)
                + (options.PositionWeight / (1 + c.Position))
                + (options.FactWeight * factSupport);
        }
    }

    private static IEnumerable<FactReport> FactsOf(Candidate c, ImmutableArray<FactReport> facts) =>
        facts.Where(f => f.States.Any(s => s.ArticleId == c.Member.Id && s.Start < c.Span.End && c.Span.Start < s.End));

    /// <summary>
    /// Greedy maximal marginal relevance over neutral candidates (non-neutral ones only when no neutral one exists): first
    /// those other origins support (<see cref="SummaryOptions.PreferSupported"/>), then the rest up to the minimum.
    /// </summary>
    private static List<Candidate> Select(List<Candidate> all, SummaryOptions options)
    {
        var pool = all.Where(c => c.Neutral).ToList();
        if (pool.Count == 0)
        {
            pool = [.. all];
        }

        var chosen = new List<Candidate>();
        if (options.PreferSupported && all.Select(c => c.Member.OriginKey).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            var supported = pool.Where(c => c.SupportingOrigins.Count > 1).ToList();
            Fill(chosen, supported, options);
            pool.RemoveAll(chosen.Contains);
            if (chosen.Count >= options.MinSentences)
            {
                return chosen;
            }
        }

        Fill(chosen, pool, options);
        return chosen;
    }

    private static void Fill(List<Candidate> chosen, List<Candidate> candidates, SummaryOptions options)
    {
        var pool = new List<Candidate>(candidates);
        var words = chosen.Sum(c => c.Words);
        while (chosen.Count < options.MaxSentences && pool.Count > 0)
        {
            if (chosen.Count >= options.MinSentences && words >= options.WordBudget)
            {
                break;
            }

            Candidate? best = null;
            var bestValue = double.NegativeInfinity;
            foreach (var c in pool)
            {
                var redundancy = chosen.Count == 0 ? 0 : chosen.Max(s => Similarity(c.Keys, s.Keys));
                if (redundancy >= options.Redundant)
                {
                    continue;
                }

                var value = (options.Lambda * c.Score) - ((1 - options.Lambda) * redundancy);
                if (value > bestValue)
                {
                    (best, bestValue) = (c, value);
                }
            }

            if (best is null)
            {
                break;
            }

            if (chosen.Count >= options.MinSentences && words + best.Words > options.WordBudget + (best.Words / 2))
            {
                break;
            }

            chosen.Add(best);
            words += best.Words;
            pool.Remove(best);
        }
    }

    private static SummarySentence ToSentence(StoryInput input, Candidate c, ImmutableArray<FactReport> facts)
    {
        var evidence = c.Pieces.Select(c.Member.Evidence).Concat(c.Supporters.Select(s => s.Member.Evidence(s.Span))).ToImmutableArray();
        var outlets = new[] { c.Member.Outlet }.Concat(c.Supporters.Select(s => s.Member.Outlet)).Distinct(StringComparer.Ordinal);
        return new SummarySentence(c.Text, [.. FactsOf(c, facts).Select(f => f.Id)], [.. outlets], evidence)
        {
            ArticleId = c.Member.Id,
            SourcePieces = c.Pieces.Length,
            Sources = c.SupportingOrigins.Count,
            Score = Math.Round(c.Score, 4),
            Compressed = c.Pieces.Length > 1 || c.Pieces[0] != Trimmed(c.Member.Text, c.Span),
        };
    }

    /// <summary>Cosine similarity of two key sets: |a ∩ b| / √(|a|·|b|).</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == 0 || b.Count == 0 ? 0 : ContentWords.Shared(a, b) / Math.Sqrt((double)a.Count * b.Count);
    }

    /// <summary>
    /// The pieces of a sentence kept by light compression: without a leading wire dateline, bracketed asides, or a trailing
    /// attribution (", officials said.") when enough of the sentence remains. Each piece is a trimmed span of the sentence.
    /// </summary>
    public static ImmutableArray<TextSpan> Compress(string text, TextSpan sentence, bool first)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = sentence.Start;
        var end = sentence.End;
        var s = text[start..end];
        if (first && DatelinePattern().Match(s) is { Success: true } dateline)
        {
            start += dateline.Length;
        }

        var body = text[start..end];
        if (!body.Contains('"', StringComparison.Ordinal) && !body.Contains('\u201c', StringComparison.Ordinal)
            && TrailingAttributionPattern().Match(body) is { Success: true } attribution
            && body[..attribution.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 8)
        {
            end = start + attribution.Index;
        }

        var pieces = ImmutableArray.CreateBuilder<TextSpan>();
        var from = start;
        foreach (Match m in BracketPattern().Matches(text[start..end]))
        {
            var at = start + m.Index;
            if (at > from)
            {
                pieces.Add(new TextSpan(from, at));
            }

            from = at + m.Length;
        }

        if (end > from)
        {
            pieces.Add(new TextSpan(from, end));
        }

        return [.. pieces.Select(p => Trimmed(text, p)).Where(p => p.Length > 0)];
    }

    private static TextSpan Trimmed(string text, TextSpan span)
    {
        int start = span.Start, end = span.End;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == ','))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    private static string Join(string text, ImmutableArray<TextSpan> pieces, string original)
    {
        var joined = string.Join(" ", pieces.Select(p => text[p.Start..p.End]));
        var ended = original.TrimEnd();
        if (ended.Length > 0 && ended[^1] is '.' && !joined.EndsWith('.'))
        {
            joined = joined.TrimEnd(',', ';', ':', ' ') + ".";
        }

        return joined;
    }

    [GeneratedRegex(@"\A[^\n]{0,100}?\([^()\n]{1,40}\)\s*[-\u2013\u2014]+\s+")]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@",\s+(?:according to [^,]{1,60}|[^,]{1,50}?\b(?:said|says|told [^,]{1,40}|reported|added|noted|announced))\s*\.?\s*$")]
    private static partial Regex TrailingAttributionPattern();

    [GeneratedRegex(@"\s*\([^()]{1,120}\)")]
    private static partial Regex BracketPattern();
}
