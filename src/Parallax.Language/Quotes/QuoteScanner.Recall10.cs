using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of session 13 (round 17). Like rounds 9–16 they run after every other pass of a sentence, over unused
/// tokens only, so they never take a token another relation already holds. The word lists are hand-written from general
/// English, not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>Words that open an embedded question after a noun of open questions ("questions about whether …", "the debate over what …").</summary>
    private static readonly FrozenSet<string> _whOpeners10 = FrozenSet.ToFrozenSet(
        ["whether", "how", "why", "what", "who"], StringComparer.Ordinal);

    /// <summary>Prepositions between a noun or predicate and its embedded question ("debate over whether", "disagree on how").</summary>
    private static readonly FrozenSet<string> _whPrepositions10 = FrozenSet.ToFrozenSet(
        ["about", "on", "over", "regarding", "concerning", "with", "to"], StringComparer.Ordinal);

    /// <summary>Nouns of open questions and disputes whose content is an embedded question ("questions about whether …", "no consensus on whether …").</summary>
    private static readonly FrozenSet<string> _questionNouns10 = FrozenSet.ToFrozenSet(
    [
        "question", "questions", "doubt", "doubts", "concern", "concerns", "debate", "debates", "uncertainty", "speculation",
        "disagreement", "disagreements", "dispute", "disputes", "confusion", "worry", "worries", "fear", "fears", "consensus",
        "discussion", "discussions", "talk", "talks", "chatter", "furor", "furore", "controversy", "skepticism", "scepticism",
        "clarity", "details", "information", "guidance", "deliberations", "agreement",
    ], StringComparer.Ordinal);

    /// <summary>Modifiers of a noun of open questions ("fresh questions", "lingering doubts", "no consensus").</summary>
    private static readonly FrozenSet<string> _questionModifiers10 = FrozenSet.ToFrozenSet(
    [
        "no", "any", "new", "fresh", "renewed", "serious", "lingering", "growing", "nagging", "persistent", "widespread", "open",
        "big", "bigger", "major", "deep", "ongoing", "bitter", "heated", "fierce", "long", "early", "first", "real", "little",
        "much", "more", "further", "few", "broader", "larger", "key", "basic", "legitimate", "many", "some", "several", "numerous",
    ], StringComparer.Ordinal);

    private void RecallRules10(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        if (si == 0 || _sentences[si - 1].Paragraph != s.Paragraph)
        {
            PollLead10(s);
        }

        for (var i = 2; i < toks.Count - 1; i++)
        {
            if (_whOpeners10.Contains(toks[i].Lower) && !s.Used[i] && !s.InQuote[i] && !s.Used[i - 1] && !s.InQuote[i - 1])
            {
                WhAfterPredicate10(s, i);
            }
        }
    }

    /// <summary>
    /// An embedded question after a predicate no cue list holds. After a noun of open questions and its preposition
    /// ("raising fresh concerns about whether …", "there is no consensus on how …", "a long debate over why …") nobody
    /// speaks, as PolNeAR marks these without a source; after a verb or adjective with an agent subject ("Harbour officials
    /// disagree on how …", "Mayor Hollis is not sure why …", "The port board has deadlocked on whether …") the subject speaks.
    /// </summary>
    private void WhAfterPredicate10(SentenceInfo s, int w)
    {
        var toks = s.Toks;
        var cueEnd = w - 1;
        var head = cueEnd;
        var withPreposition = false;
        if (toks[cueEnd].Lower == "to" && cueEnd > 1 && toks[cueEnd - 1].Lower == "as")
        {
            head = cueEnd - 2; // "unclear as to who …"
            withPreposition = true;
        }
        else if (_whPrepositions10.Contains(toks[cueEnd].Lower))
        {
            head = cueEnd - 1;
            withPreposition = true;
        }

        if (head < 1 || !FreeLowerWord(s, head) || _blockers.Contains(toks[head].Lower) || _determiners.Contains(toks[head].Lower)
            || _pronounSubjects.Contains(toks[head].Lower) || _prepositions.Contains(toks[head].Lower) || _objectPronouns.Contains(toks[head].Lower))
        {
            return;
        }

        for (var k = head + 1; k < w; k++)
        {
            if (s.Used[k] || s.InQuote[k])
            {
                return;
            }
        }

        // the embedded question needs at least two free words after its opener ("pressed on why." is an elided question)
        if (w + 2 >= toks.Count || s.Used[w + 1] || s.Used[w + 2] || !toks[w + 1].IsWord || !toks[w + 2].IsWord && toks[w + 2].Kind != TokKind.QuoteMark)
        {
            return;
        }

        var before = toks[head - 1].Lower;
        if (_questionNouns10.Contains(toks[head].Lower))
        {
            // a noun: only with about/on/over (not "into", "with", "to"); not a verb after "to" or a subject ("to question whether")
            if (!withPreposition || toks[cueEnd].Lower is "with" or "into" or "to" || before == "to" || _pronounSubjects.Contains(before))
            {
                return;
            }

            // back over up to two modifiers and a determiner: "fresh questions about", "the national debate over", "no consensus on"
            var c = head;
            while (c - 1 >= 0 && head - c < 3 && FreeLowerWord(s, c - 1) && (_determiners.Contains(toks[c - 1].Lower) || _questionModifiers10.Contains(toks[c - 1].Lower)
                || toks[c - 1].Lower.EndsWith("al", StringComparison.Ordinal) || toks[c - 1].Lower.EndsWith("ous", StringComparison.Ordinal) || toks[c - 1].Lower.EndsWith("ive", StringComparison.Ordinal)))
            {
                c--;
                if (_determiners.Contains(toks[c].Lower))
                {
                    break;
                }
            }

            if (ContentForward(s, w) is { } nounContent)
            {
                AddClause(s, nounContent, c, cueEnd, -1, -1);
            }

            return;
        }

        // a verb or adjective: only before an embedded question proper ("what"/"who" after a verb are mostly free relatives
        // and relative clauses), never a gerund, nor after "to" or an article
        if (toks[w].Lower is "what" or "who" || toks[head].Lower.EndsWith("ing", StringComparison.Ordinal) || before is "to" or "the" or "a" or "an")
        {
            return;
        }

        if (SpeakerLeft(s, head, ClauseStart(s, head)) is not { } np || np.End >= head || !AgentLike(s, np))
        {
            return;
        }

        if (ContentForward(s, w) is { } content)
        {
            AddClause(s, content, head, cueEnd, np.Start, np.End);
        }
    }

    /// <summary>
    /// "Poll: Roe ties Hollis in a three-way race.": a paragraph (mostly a headline) opening with "Poll" and a colon reports
    /// the poll's finding, and PolNeAR names "Poll" as its source. <see cref="ColonLead"/> leaves "Poll:" out with the other
    /// section labels ("The Latest:", "Update:"), which name nobody.
    /// </summary>
    private void PollLead10(SentenceInfo s)
    {
        var toks = s.Toks;
        if (toks.Count < 5 || toks[0].Lower is not ("poll" or "polls") || !toks[0].IsCapitalized || toks[1].Text != ":" || s.Used[0] || s.Used[1] || s.InQuote[0])
        {
            return;
        }

        for (var k = 2; k < toks.Count; k++)
        {
            if (s.Used[k])
            {
                return;
            }
        }

        if (Trim(s, 2, toks.Count) is { } content)
        {
            AddClause(s, content, 1, 1, 0, 0);
        }
    }
}
