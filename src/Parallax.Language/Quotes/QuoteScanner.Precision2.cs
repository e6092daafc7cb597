using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Precision rules of session 10 (docs/quotes.md, "Session 10 — quotes precision and content boundaries (qp2)"): a last
/// pass over the finished relations of a text, after round 13's. It drops readings whose content is no reported matter
/// (a lone noun after the cue: "saw fit", "backed down", "think tank"; "adding to her lead"; "pledged delegates"; a
/// "from" phrase of place), joins an unattributed quotation sentence to the relation before it in the paragraph when
/// the quotation already took that relation's speaker, and ends a content read inside a mid-sentence subordinate clause
/// at the comma that closes the clause. The word lists are hand-written from general English, not learned from any
/// dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>One-word contents that are still a full object: pronouns, reflexives and answers ("endorsed him", "said no", "asked why").</summary>
    private static readonly FrozenSet<string> _fullOneWordContents14 = FrozenSet.ToFrozenSet(
    [
        "him", "her", "them", "me", "you", "us", "it", "this", "that", "why", "how", "yes", "no", "whether", "itself",
        "himself", "herself", "themselves", "myself", "ourselves", "yourself",
    ], StringComparer.Ordinal);

    /// <summary>Forms of "add" and "admit" that mean "increase" or "let in" before "to" plus a noun phrase ("adding to her lead", "admitted to the country").</summary>
    private static readonly FrozenSet<string> _increaseForms14 = FrozenSet.ToFrozenSet(
        ["add", "adds", "added", "adding", "admitted"], StringComparer.Ordinal);

    /// <summary>Words that open the noun phrase after "to" in "added to the uncertainty", "adding to her lead".</summary>
    private static readonly FrozenSet<string> _nounPhraseOpeners14 = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "her", "his", "their", "its", "our", "my", "your", "this", "these", "those", "growing",
        "mounting",
    ], StringComparer.Ordinal);

    /// <summary>Words that open a subordinate clause inside a sentence (", while her team is confident in X, there is …").</summary>
    private static readonly FrozenSet<string> _midSubordinators14 = FrozenSet.ToFrozenSet(
    [
        "although", "though", "while", "if", "when", "as", "because", "after", "before", "since", "despite", "whereas",
        "unless", "once", "until", "whenever",
    ], StringComparer.Ordinal);

    /// <summary>Words that may stand right before such a subordinator ("…, and while …", "However when …").</summary>
    private static readonly FrozenSet<string> _midSubordinatorLeads14 = FrozenSet.ToFrozenSet(
        [",", "and", "but", "yet", "so", "however", "even"], StringComparer.Ordinal);

    /// <summary>Words that open the subject of a new main clause after a comma ("…, the reality is …", "…, there is …").</summary>
    private static readonly FrozenSet<string> _clauseSubjectOpeners14 = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "it", "he", "she", "they", "we", "i", "there",
        "this", "these", "those", "some", "many", "most", "no", "one",
    ], StringComparer.Ordinal);

    /// <summary>Runs once after <see cref="PrecisionRules13"/>.</summary>
    private void PrecisionRules14()
    {
        _relations.RemoveAll(NotAReport14);
        JoinOrphanQuotations14();
        foreach (var rel in _relations)
        {
            EndMidSentenceClause14(rel);
            EndParentheticalRelative14(rel);
            ThatBeforeQuotation14(rel);
        }
    }

    /// <summary>
    /// "Roe told the council that if the fares rose, “the islanders will leave.”", "Vahl stated that the report “was not
    /// good.”": a direct quotation introduced by a cue before it, with "that" and one to twenty words of the that-clause
    /// between the cue and the opening mark, is the end of the that-clause; the complementizer and the words before the
    /// mark are the content's first part, as PolNeAR includes the complementizer in a clause content (before, only the
    /// quoted words were the content). Not when a sentence stop, a colon or another relation's words stand between, nor for
    /// a determiner "that" with one lower-case noun ("that way").
    /// </summary>
    private void ThatBeforeQuotation14(Relation rel)
    {
        if (!rel.Direct || rel.Cue is not { } cue || rel.Parts.Count == 0 || cue.End > rel.Parts[0].Start || SentenceAt13(cue.Start) is not { } s)
        {
            return;
        }

        var toks = s.Toks;
        var (_, cueLast) = s.TokenRange(cue);
        if (cueLast < 0)
        {
            return;
        }

        int that = -1, words = 0, k = cueLast + 1;
        for (; k < toks.Count && toks[k].Start < rel.Parts[0].Start; k++)
        {
            var t = toks[k];
            if (t.Kind == TokKind.QuoteMark)
            {
                break;
            }

            if (s.InQuote[k] || t.Text is ";" or ":" or "." or "?" or "!" or "(" or ")")
            {
                return;
            }

            if (that < 0)
            {
                that = t.Lower == "that" ? k : -1;
            }
            else if (t.IsWord && ++words > 20)
            {
                return;
            }
        }

        // a bare "that" right before the mark ("promised that “every family …”") adds no words of the clause: the quoted
        // words alone stay the content, so the quotation still lines up with the other outlets' copies of it
        if (that < 0 || words == 0 || k >= toks.Count || toks[k].Kind != TokKind.QuoteMark)
        {
            return;
        }

        // "who feel that way, “but …”": "that" plus one lower-case word is a determiner phrase, not a complementizer
        if (words == 1 && toks[that + 1].IsWord && !toks[that + 1].IsCapitalized)
        {
            return;
        }

        var head = new TextSpan(toks[that].Start, toks[k - 1].End);
        foreach (var other in _relations)
        {
            if (other != rel && (other.Parts.Exists(p => p.Overlaps(head)) || (other.Cue is { } oc && oc.Overlaps(head)) || (other.Speaker is { } os && os.Overlaps(head))))
            {
                return;
            }
        }

        if (rel.Speaker is { } sp && sp.Overlaps(head))
        {
            return;
        }

        rel.Parts.Insert(0, head);
    }

    /// <summary>
    /// "The rules, which officials said will go into effect in May, will not apply to …": a content whose first part is
    /// the relative word of a parenthetical relative clause (a comma before it) and whose second part is that clause's
    /// predicate ends at the comma that closes the clause, when the main clause's finite verb follows it (before, the
    /// predicate ran on over the main clause).
    /// </summary>
    private void EndParentheticalRelative14(Relation rel)
    {
        if (rel.Parts.Count < 2 || rel.Direct)
        {
            return;
        }

        var head = rel.Parts[0];
        var w = _text.AsSpan(head.Start, head.Length);
        if (!w.Equals("which", StringComparison.OrdinalIgnoreCase) && !w.Equals("who", StringComparison.OrdinalIgnoreCase) && !w.Equals("whom", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var b = head.Start - 1;
        while (b >= 0 && _text[b] == ' ')
        {
            b--;
        }

        if (b < 0 || _text[b] != ',' || SentenceAt13(rel.Parts[1].Start) is not { } s)
        {
            return;
        }

        var (first, last) = s.TokenRange(rel.Parts[1]);
        for (var k = first + 1; k >= 1 && k < last; k++)
        {
            if (s.Toks[k].Text == "," && !s.InQuote[k] && FiniteVerbAt(s, k + 1))
            {
                CutAt14(rel, s.Toks[k].Start);
                return;
            }
        }
    }

    /// <summary>
    /// A content read after its cue that reports nothing: one lower-case word that is no pronoun or answer ("saw fit",
    /// "backed down", "sought shelter"), "tank(s)" after "think", "delegates" after "pledged" (an adjective there), a
    /// "from" phrase ("reported from Washington", "praise from Bush's team isn't likely …"), or "to" plus a noun phrase
    /// after add/admit ("adding to her delegate lead", "admitted to the United States").
    /// </summary>
    private bool NotAReport14(Relation rel)
    {
        if (rel.Direct || rel.Cue is not { } cue || rel.Parts.Count == 0 || cue.End > rel.Parts[0].Start || SentenceAt13(cue.Start) is not { } s)
        {
            return false;
        }

        var toks = s.Toks;
        var (first, last) = ContentTokens14(s, rel);
        if (first < 0)
        {
            return false;
        }

        var words = 0;
        for (var k = first; k <= last; k++)
        {
            if (s.InQuote[k])
            {
                return false; // a quoted fragment is reported words
            }

            words += toks[k].IsWord ? 1 : 0;
        }

        var w0 = toks[first];
        if (!w0.IsWord || w0.IsCapitalized)
        {
            return false;
        }

        if (words == 1 && rel.Parts.Count == 1 && !_fullOneWordContents14.Contains(w0.Lower) && !char.IsDigit(w0.Text[0]))
        {
            return true;
        }

        var cueLast = CueLastWord14(s, cue);
        if (cueLast == "think" && w0.Lower is "tank" or "tanks")
        {
            return true;
        }

        if (cueLast == "pledged" && w0.Lower == "delegates")
        {
            return true;
        }

        if (w0.Lower == "from")
        {
            return true;
        }

        return w0.Lower == "to" && first + 1 <= last && _increaseForms14.Contains(cueLast) && _nounPhraseOpeners14.Contains(toks[first + 1].Lower);
    }

    /// <summary>The lower-case last word of the cue, or "" when the cue holds no word of the sentence.</summary>
    private static string CueLastWord14(SentenceInfo s, TextSpan cue)
    {
        var (first, last) = s.TokenRange(cue);
        for (var k = last; k >= first && k >= 0; k--)
        {
            if (s.Toks[k].IsWord)
            {
                return s.Toks[k].Lower;
            }
        }

        return "";
    }

    /// <summary>The token range of the relation's content inside <paramref name="s"/> (from the earliest part's start to the latest part's end), or (-1, -1).</summary>
    private static (int First, int Last) ContentTokens14(SentenceInfo s, Relation rel)
    {
        int start = int.MaxValue, end = 0;
        foreach (var part in rel.Parts)
        {
            start = Math.Min(start, part.Start);
            end = Math.Max(end, part.End);
        }

        return s.TokenRange(new TextSpan(start, end));
    }

    /// <summary>
    /// "Ms. Roe said the ferry would run all winter. “We have the crews for it.”": a quotation sentence with no cue of its
    /// own took the speaker of the last relation (<see cref="IntroducedBy"/>); when the relation right before it in the
    /// text is in the same paragraph and has that same speaker, the quotation is a further part of that relation, as
    /// PolNeAR joins them (a direct quotation before it was joined already when the quotation was read).
    /// </summary>
    private void JoinOrphanQuotations14()
    {
        var hasOrphan = false;
        foreach (var r in _relations)
        {
            hasOrphan |= r.Direct && r.Cue is null && r.Speaker is not null;
        }

        if (!hasOrphan)
        {
            return;
        }

        var ordered = new List<Relation>(_relations);
        ordered.Sort((a, b) => a.Parts[0].Start.CompareTo(b.Parts[0].Start));
        Relation? prev = null;
        List<Relation>? joined = null;
        foreach (var rel in ordered)
        {
            if (prev is not null && rel.Direct && rel.Cue is null && rel.Speaker is { } sp && prev.Speaker == sp
                && prev.Paragraph == rel.Paragraph && prev.Parts[^1].End <= rel.Parts[0].Start)
            {
                prev.Parts.AddRange(rel.Parts);
                (joined ??= []).Add(rel);
                continue;
            }

            prev = rel;
        }

        if (joined is not null)
        {
            var gone = new HashSet<Relation>(joined, ReferenceEqualityComparer.Instance);
            _relations.RemoveAll(gone.Contains);
        }
    }

    /// <summary>
    /// "…, and while her team is confident in the outcome, there is a debate …", "However when Biden tried to attack Trump,
    /// Japan's sensitivities became …": a cue inside a subordinate clause that opens mid-sentence (after a comma or a
    /// conjunction, with no comma between the subordinator and the cue) has a content that ends at the first comma
    /// after which a new main clause starts (a subject word, then a finite verb within four words). Round 13's
    /// <see cref="EndFrontedClause13"/> covers the clause that opens the sentence.
    /// </summary>
    private void EndMidSentenceClause14(Relation rel)
    {
        if (rel.Direct || rel.Cue is not { } cue || rel.Parts.Count == 0 || cue.End > rel.Parts[0].Start || SentenceAt13(cue.Start) is not { } s)
        {
            return;
        }

        var toks = s.Toks;
        var (cueFirst, _) = s.TokenRange(cue);
        if (cueFirst < 0)
        {
            return;
        }

        var sub = -1;
        for (var k = cueFirst - 1; k >= 0 && k >= cueFirst - 12; k--)
        {
            if (!toks[k].IsWord)
            {
                if (toks[k].Text is "," or ";" or ":" or "(" or ")" or "—" or "–" or "-")
                {
                    break;
                }

                continue;
            }

            if (_midSubordinators14.Contains(toks[k].Lower))
            {
                sub = k;
                break;
            }
        }

        // at the sentence start (after at most a conjunction) the clause is round 13's
        if (sub < 1 || !_midSubordinatorLeads14.Contains(toks[sub - 1].Lower) || (sub == 1 && toks[0].Text != "," && toks[0].Lower != "however"))
        {
            return;
        }

        var (first, last) = ContentTokens14(s, rel);
        if (first < 0)
        {
            return;
        }

        for (var k = first + 1; k < last; k++)
        {
            if (toks[k].Text != "," || s.InQuote[k])
            {
                continue;
            }

            if (NewMainClause14(s, k + 1))
            {
                CutAt14(rel, toks[k].Start);
                return;
            }
        }
    }

    /// <summary>True when a subject word opens at <paramref name="k"/> and a finite verb follows within four words, before any punctuation.</summary>
    private static bool NewMainClause14(SentenceInfo s, int k)
    {
        var toks = s.Toks;
        if (k >= toks.Count || !toks[k].IsWord || s.InQuote[k] || !(toks[k].IsCapitalized || _clauseSubjectOpeners14.Contains(toks[k].Lower)))
        {
            return false;
        }

        for (var j = k + 1; j < Math.Min(toks.Count, k + 5); j++)
        {
            if (!toks[j].IsWord)
            {
                return false;
            }

            if (FiniteVerbAt(s, j) || toks[j].Lower is "are" or "’s" or "'s" or "may" or "might" or "must")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ends the relation's content at <paramref name="pos"/>: parts after it go, a part across it is cut.</summary>
    private static void CutAt14(Relation rel, int pos)
    {
        for (var p = rel.Parts.Count - 1; p >= 0; p--)
        {
            var part = rel.Parts[p];
            if (part.Start >= pos)
            {
                rel.Parts.RemoveAt(p);
            }
            else if (part.End > pos)
            {
                rel.Parts[p] = new TextSpan(part.Start, pos);
            }
        }
    }
}
