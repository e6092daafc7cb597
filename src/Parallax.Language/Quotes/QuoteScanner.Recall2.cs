using System.Collections.Frozen;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of round 10. Like round 9's, they run after every other pass of a sentence, over unused tokens only.
/// </summary>
internal sealed partial class QuoteScanner
{
    private void RecallRules2(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (!s.Used[i] && !s.InQuote[i] && toks[i].IsWord && _showForms.Contains(toks[i].Lower))
            {
                EvidenceShows(s, i);
            }
        }

        for (var i = 3; i + 1 < toks.Count; i++)
        {
            if (FreeLowerWord(s, i) && !s.Used[i - 1]
                && ((toks[i - 1].Lower is "who" or "which" && toks[i - 2].Text == ",") || (toks[i - 1].Lower == "whom" && toks[i - 2].Lower == "of")))
            {
                RelativeStance(s, i);
            }
        }
    }

    /// <summary>
    /// "a union, which endorsed Roe in the primary", "two members, both of whom opposed the deal": a stance verb of the cue
    /// lexicon right after a non-restrictive relative pronoun speaks for the pronoun (PolNeAR marks the relative word as the
    /// source there); its object is the content.
    /// </summary>
    private void RelativeStance(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var lower = toks[i].Lower;
        if (!CueLexicon.TryGet(lower, out var cls) || cls != CueClass.Object || lower.EndsWith("ing", StringComparison.Ordinal) || CueLexicon.TakesInfinitive(lower))
        {
            return;
        }

        var after = i + 1;
        if (after >= toks.Count || s.Used[after] || !(toks[after].IsWord || s.InQuote[after]) || (toks[after].IsWord && _blockers.Contains(toks[after].Lower) && toks[after].Lower is not ("this" or "these" or "those")))
        {
            return;
        }

        var spStart = i - 1;
        if (toks[spStart].Lower == "whom")
        {
            // "both of whom", "all of whom": the quantifier phrase is the source
            if (!toks[spStart - 2].IsWord || s.Used[spStart - 2])
            {
                return;
            }

            spStart -= 2;
        }

        if (ContentForward(s, after, objectContent: true) is { } content)
        {
            AddClause(s, content, i, i, spStart, i - 1);
        }
    }

    private static readonly FrozenSet<string> _showForms = FrozenSet.ToFrozenSet(
        ["show", "shows", "showed", "showing", "suggest", "suggests", "suggested", "suggesting", "indicate", "indicates", "indicated", "indicating"],
        StringComparer.Ordinal);

    /// <summary>Nouns of records and measurements that "show" something ("polls show …", "records show …", "a survey showing …").</summary>
    private static readonly FrozenSet<string> _showingNouns = FrozenSet.ToFrozenSet(
    [
        "poll", "polls", "polling", "survey", "surveys", "record", "records", "data", "result", "results", "report", "reports",
        "file", "files", "footage", "video", "email", "emails", "document", "documents", "ledger", "ledgers", "figures", "numbers",
        "study", "studies", "analysis", "tally", "tallies", "math", "research", "filing", "filings", "statistics", "census",
        "audit", "count", "returns", "estimates", "projections", "map", "chart", "photo", "photos", "picture", "pictures",
        "image", "images", "log", "logs", "receipts", "disclosures", "evidence", "review", "reviews", "tracking", "models",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "Polls there show Roe trailing", "records show the ferry has run …", "a survey that shows a 62%–32% divide", "new polls
    /// showing her well behind": a record or measurement shows its content; the noun phrase (or the relative word) is the
    /// source, the clause or object after the verb is the content.
    /// </summary>
    private void EvidenceShows(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var lower = toks[i].Lower;
        var after = i + 1;
        if (after >= toks.Count || s.Used[after] || !(toks[after].IsWord || s.InQuote[after]) || toks[after].Lower is "up" or "off" or "signs" or "no" or "little")
        {
            return;
        }

        (int Start, int End) speaker;
        var j = i - 1;
        if (toks[j].Lower is "that" or "which" && j > 0 && _showingNouns.Contains(toks[j - 1].Lower) && !s.Used[j])
        {
            if (lower.EndsWith("ing", StringComparison.Ordinal))
            {
                return;
            }

            speaker = (j, j);
        }
        else
        {
            var k = j;
            while (k > 0 && toks[k].IsWord && toks[k].Lower is "there" or "also" or "now" or "still" or "consistently" or "repeatedly" or "clearly")
            {
                k--;
            }

            if (!_showingNouns.Contains(toks[k].Lower) || s.Used[k] || s.InQuote[k])
            {
                return;
            }

            var np = SpeakerLeft(s, k + 1, ClauseStart(s, k + 1));
            speaker = np is { } l && l.End == k ? l : (k, k);
        }

        if (ContentForward(s, after, objectContent: true) is { } content)
        {
            AddClause(s, content, i, i, speaker.Start, speaker.End);
        }
    }
}
