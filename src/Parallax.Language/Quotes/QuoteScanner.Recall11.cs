using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rule of session 13 (qr11): a quotation introduced by a colon whose clause has no speech verb
/// ("Hollis leaned in and boomed: “We will not close the pier.”"). No word list; the rule reuses the speaker helpers.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>
    /// The subject and predicate of the clause that ends with the colon at <paramref name="colon"/>: the clause opens after
    /// the last comma or semicolon before the colon (or at the sentence start), its first free lowercase word is the verb,
    /// and the agent-like noun phrase right before that verb (a name or pronoun) speaks. The cue runs from the verb to the
    /// colon. Null when the clause has no such subject.
    /// </summary>
    private static (int SpStart, int SpEnd, int Cue)? ColonClause11(SentenceInfo s, int colon)
    {
        var toks = s.Toks;
        var start = 0;
        for (var k = colon - 1; k >= 0; k--)
        {
            if (s.InQuote[k] || s.Used[k])
            {
                start = k + 1;
                break;
            }

            if (toks[k].Text is "," or ";" or "—" or "(" or ")")
            {
                start = k + 1;
                break;
            }
        }

        // "Then she turned to the budget:", "And Hollis shrugged:": an opening connective is not the subject
        var connective = false;
        while (start < colon - 1 && toks[start].Lower is "then" or "and" or "but" or "so" or "still" or "yet" && !s.InQuote[start])
        {
            start++;
            connective = true;
        }

        // "Vahl paused, then boomed:", "… and recalled the freeze:": a connective before the verb, the sentence's subject speaks
        if (connective && start > 1 && FreeLowerWord(s, start) && !_pronounSubjects.Contains(toks[start].Lower) && !_determiners.Contains(toks[start].Lower)
            && !_prepositions.Contains(toks[start].Lower) && !_blockers.Contains(toks[start].Lower) && !_objectPronouns.Contains(toks[start].Lower) && SubjectOf(s) is { } subj
            && subj.End < start - 1 && AgentLike(s, subj))
        {
            return (subj.Start, subj.End, start);
        }

        // a clause of at most a dozen tokens: a short subject and its predicate
        if (colon - start < 2 || colon - start > 12)
        {
            return null;
        }

        // "Mayor Jo Hollis, a Democrat, shot back:": a clause opening with its verb after an apposition
        if (start > 1 && toks[start - 1].Text == "," && FreeLowerWord(s, start) && SpeakerLeft(s, start, 0) is { } appo && appo.End < start - 1
            && AgentLike(s, appo) && toks[appo.Start].IsCapitalized && !IsAttributiveVerb(toks[start].Lower))
        {
            return (appo.Start, appo.End, start);
        }

        for (var c = start + 1; c < colon; c++)
        {
            if (!FreeLowerWord(s, c))
            {
                continue;
            }

            // "More from the report:": a preposition or function word is no predicate
            if (_prepositions.Contains(toks[c].Lower) || _determiners.Contains(toks[c].Lower)
                || (_blockers.Contains(toks[c].Lower) && !_aux.Contains(toks[c].Lower) && !IsNegatedAux(toks[c].Lower) && toks[c].Lower is not ("is" or "was" or "are" or "were")))
            {
                return null;
            }

            if (SpeakerLeft(s, c, start) is not { } np || !AgentLike(s, np))
            {
                return null;
            }

            // the subject opens the clause (after a conjunction at most)
            if (np.Start != start && !(np.Start == start + 1 && toks[start].Lower is "and" or "but" or "then" or "so"))
            {
                return null;
            }

            return (np.Start, np.End, c);
        }

        return null;
    }

    /// <summary>
    /// Gives <paramref name="rel"/> the speaker and cue of a colon clause that ends sentence <paramref name="s"/> (the
    /// quotation follows as its own sentence): the clause's subject speaks, its predicate through the colon is the cue.
    /// </summary>
    private static void AttributeToColonClause11(Relation rel, SentenceInfo s, (int SpStart, int SpEnd, int Cue) clause)
    {
        var toks = s.Toks;
        rel.Cue = new TextSpan(toks[clause.Cue].Start, toks[^1].End);
        rel.Speaker = new TextSpan(toks[clause.SpStart].Start, toks[clause.SpEnd].End);
    }

    /// <summary>A quotation right after a colon inside the sentence ("Hollis leaned in and boomed: “…”").</summary>
    private Relation? ColonQuote11(SentenceInfo s, QuoteSegment seg, int first, int last)
    {
        var colon = first - 1;
        if (colon < 2 || s.Toks[colon].Text != ":" || ColonClause11(s, colon) is not { } cl)
        {
            return null;
        }

        return MakeDirect(s, seg, first, last, cl.Cue, colon, cl.SpStart, cl.SpEnd);
    }
}
