using System.Collections.Immutable;

namespace Parallax.Compare.QuotesAcross;

/// <summary>How one occurrence's wording relates to a quote's canonical wording (see <see cref="QuoteMatcher"/>).</summary>
internal enum MatchKind
{
    Exact,
    Truncated,
    Partial,
    Changed,
    Paraphrase,
}

/// <summary>A match of an occurrence against a canonical wording.</summary>
/// <param name="Matched">Words of the occurrence found in the canonical wording (for a paraphrase: shared content words).</param>
/// <param name="Changes">For <see cref="MatchKind.Changed"/>: (canonical words, words printed here) in text order.</param>
internal sealed record QuoteMatch(MatchKind Kind, int Matched, ImmutableArray<(string From, string To)> Changes);

/// <summary>
/// Compares an occurrence's words with a canonical quote's words (both folded: case, accents and apostrophe style ignored).
/// In order of preference: every piece found verbatim and in order (exact, truncated where an elision skips words,
/// partial where words are left out without one); else a word-level alignment (longest common subsequence) that covers
/// most of the occurrence (changed, with the differing words); else enough shared content words (paraphrase). Pure.
/// </summary>
internal static class QuoteMatcher
{
    /// <summary>At least this share of the occurrence's words must align for a <see cref="MatchKind.Changed"/> match.</summary>
    public const double ChangedCoverage = 0.6;

    /// <summary>At least this share of the occurrence's content words must be shared for a <see cref="MatchKind.Paraphrase"/>.</summary>
    public const double ParaphraseCoverage = 0.5;

    public static QuoteMatch? Match(ImmutableArray<QuoteWord> occurrence, ImmutableArray<QuoteWord> canonical)
    {
        var c = canonical.Where(w => w.IsWord).ToArray();
        var q = occurrence.Where(w => w.IsWord).ToArray();
        if (c.Length == 0 || q.Length == 0)
        {
            return null;
        }

        return Verbatim(occurrence, c) ?? Aligned(occurrence, q, c) ?? Paraphrased(q, c);
    }

    private static QuoteMatch? Verbatim(ImmutableArray<QuoteWord> occurrence, QuoteWord[] c)
    {
        // Segments between breaks; for each boundary whether an elision marks it.
        var segments = new List<QuoteWord[]>();
        var elidedBefore = new List<bool>();
        var current = new List<QuoteWord>();
        var elision = false;
        foreach (var w in occurrence)
        {
            if (w.IsWord)
            {
                if (current.Count == 0)
                {
                    elidedBefore.Add(elision);
                    elision = false;
                }

                current.Add(w);
                continue;
            }

            if (current.Count > 0)
            {
                segments.Add([.. current]);
                current.Clear();
            }

            elision |= w.Break == QuoteBreak.Elision;
        }

        if (current.Count > 0)
        {
            segments.Add([.. current]);
        }

        var elidedAfter = elision;
        var ranges = new List<(int Start, int End)>();
        var pos = 0;
        foreach (var seg in segments)
        {
            var at = IndexOf(c, seg, pos);
            if (at < 0)
            {
                return null;
            }

            ranges.Add((at, at + seg.Length));
            pos = at + seg.Length;
        }

        var elided = false;
        var skipped = false;
        void Skip(bool marked, int words)
        {
            if (words > 0)
            {
                elided |= marked;
                skipped |= !marked;
            }
        }

        Skip(elidedBefore[0], ranges[0].Start);
        for (var i = 1; i < ranges.Count; i++)
        {
            Skip(elidedBefore[i], ranges[i].Start - ranges[i - 1].End);
        }

        Skip(elidedAfter, c.Length - ranges[^1].End);
        var matched = segments.Sum(s => s.Length);
        var kind = elided ? MatchKind.Truncated : skipped ? MatchKind.Partial : MatchKind.Exact;
        return new QuoteMatch(kind, matched, []);
    }

    private static int IndexOf(QuoteWord[] haystack, QuoteWord[] needle, int from)
    {
        for (var i = from; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && string.Equals(haystack[i + j].Norm, needle[j].Norm, StringComparison.Ordinal))
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static QuoteMatch? Aligned(ImmutableArray<QuoteWord> occurrence, QuoteWord[] q, QuoteWord[] c)
    {
        // Which occurrence words follow an elision (an elided stretch is not a change).
        var elidedBefore = new bool[q.Length + 1];
        var k = 0;
        var pending = false;
        foreach (var w in occurrence)
        {
            if (w.IsWord)
            {
                elidedBefore[k++] = pending;
                pending = false;
            }
            else
            {
                pending |= w.Break == QuoteBreak.Elision;
            }
        }

        elidedBefore[q.Length] = pending;

        var pairs = Lcs(q, c);
        if (pairs.Count < 3 || pairs.Count < ChangedCoverage * q.Length)
        {
            return null;
        }

        var window = pairs[^1].C - pairs[0].C + 1;
        if (pairs.Count < 0.5 * window)
        {
            return null;
        }

        var changes = ImmutableArray.CreateBuilder<(string, string)>();
        var (pq, pc) = (-1, pairs[0].C - 1);
        foreach (var (qi, ci) in pairs.Append((q.Length, pairs[^1].C + 1)))
        {
            var qGap = q[(pq + 1)..qi];
            var cGap = ci <= c.Length ? c[(pc + 1)..Math.Min(ci, c.Length)] : [];
            var elided = false;
            for (var x = pq + 1; x <= qi && x <= q.Length; x++)
            {
                elided |= elidedBefore[x];
            }

            if (qGap.Length > 0 || (cGap.Length > 0 && !elided))
            {
                changes.Add((Join(cGap), Join(qGap)));
            }

            (pq, pc) = (qi, ci);
        }

        return changes.Count == 0 ? null : new QuoteMatch(MatchKind.Changed, pairs.Count, changes.ToImmutable());
    }

    /// <summary>Length of the longest common word subsequence of two wordings (folded words; breaks ignored).</summary>
    public static int CommonWords(ImmutableArray<QuoteWord> a, ImmutableArray<QuoteWord> b) =>
        Lcs([.. a.Where(w => w.IsWord)], [.. b.Where(w => w.IsWord)]).Count;

    private static string Join(QuoteWord[] words) => string.Join(' ', words.Select(w => w.Surface));

    /// <summary>Index pairs (occurrence, canonical) of a longest common subsequence, in order.</summary>
    private static List<(int Q, int C)> Lcs(QuoteWord[] q, QuoteWord[] c)
    {
        var dp = new int[q.Length + 1, c.Length + 1];
        for (var i = q.Length - 1; i >= 0; i--)
        {
            for (var j = c.Length - 1; j >= 0; j--)
            {
                dp[i, j] = string.Equals(q[i].Norm, c[j].Norm, StringComparison.Ordinal)
                    ? dp[i + 1, j + 1] + 1
                    : Math.Max(dp[i + 1, j], dp[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        var (a, b) = (0, 0);
        while (a < q.Length && b < c.Length)
        {
            if (string.Equals(q[a].Norm, c[b].Norm, StringComparison.Ordinal) && dp[a, b] == dp[a + 1, b + 1] + 1)
            {
                pairs.Add((a, b));
                a++;
                b++;
            }
            else if (dp[a + 1, b] >= dp[a, b + 1])
            {
                a++;
            }
            else
            {
                b++;
            }
        }

        return pairs;
    }

    private static QuoteMatch? Paraphrased(QuoteWord[] q, QuoteWord[] c)
    {
        var qc = QuoteWords.ContentWords(q);
        var cc = QuoteWords.ContentWords(c);
        var shared = qc.Count(cc.Contains);
        return shared >= 3 && shared >= ParaphraseCoverage * qc.Count ? new QuoteMatch(MatchKind.Paraphrase, shared, []) : null;
    }
}
