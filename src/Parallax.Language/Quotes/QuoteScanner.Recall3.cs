using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Content rules of round 11: contents whose cue is already found but whose span was cut short or joined wrongly.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>
    /// "“Word is,” Vahl said last month on the radio, “that the plant will stay”", "“The risk,” said Ada Roe, an economist at
    /// the institute, “is that …”", "“First of all,” she told the council, “…”": a quotation interrupted by an attribution that
    /// carries more than the speaker and the verb (an object, a time, an apposition) goes on in the next quotation of the same
    /// sentence when only a comma stands between the attribution and the opening mark. <paramref name="attributionEnd"/> is
    /// the end of the previous relation's cue or speaker; <paramref name="first"/> the first token of the next quotation.
    /// </summary>
    private static bool ContinuesAfterLongAttribution(SentenceInfo s, int attributionEnd, int first)
    {
        var toks = s.Toks;
        if (first < 2 || toks[first - 1].Text != ",")
        {
            return false;
        }

        var words = 0;
        for (var k = first - 2; k >= 0 && toks[k].Start >= attributionEnd; k--)
        {
            var t = toks[k];
            if (s.InQuote[k] || s.Used[k] || t.Text is "." or "!" or "?" or ";" or ":" || (t.IsWord && (t.Lower is "and" or "but" or "while" or "whereas" || (!t.IsCapitalized && CueLexicon.TryGet(t.Lower, out _)))))
            {
                // another quotation, relation, clause or cue ("she wrote, arguing that if …, “…”") between the two quotations
                return false;
            }

            if (t.IsWord && ++words > 20)
            {
                return false;
            }
        }

        return words > 0;
    }

    /// <summary>Relative words that stand for the subject of a reported clause ("which he said was a mistake").</summary>
    private static readonly FrozenSet<string> _objectRelatives = FrozenSet.ToFrozenSet(["which", "what", "whom"], StringComparer.Ordinal);

    /// <summary>
    /// Runs before the clause patterns: "the ban, which he has said was a mistake", "what officials said was a sign of …",
    /// "costs, which the report said would rise": a relative word, a subject, a speech or cognition verb and a finite
    /// predicate whose subject is the relative word. The relative word and the predicate are the content's two parts, the
    /// subject after the relative word speaks, as PolNeAR marks it (the relation is not nested in an outer content). Tried
    /// and dropped (round 11): the same for any lexicon verb without an object ("which he denied": 17 of 44 new firings
    /// matched), naming verbs ("which he called “a disgrace”", "what she sees as …": matched, but the speaker accuracy fell).
    /// </summary>
    private void RelativeObjects(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var r = 0; r + 3 < toks.Count; r++)
        {
            if (toks[r].IsWord && !s.Used[r] && !s.InQuote[r] && _objectRelatives.Contains(toks[r].Lower))
            {
                RelativeObject(s, r);
            }
        }
    }

    private void RelativeObject(SentenceInfo s, int r)
    {
        var toks = s.Toks;
        // the cue: the first speech or that-verb within seven tokens after the relative word, nothing used or quoted between
        var c = -1;
        for (var k = r + 1; k < Math.Min(toks.Count, r + 8); k++)
        {
            if (s.Used[k] || s.InQuote[k] || !toks[k].IsWord)
            {
                return;
            }

            if (!toks[k].IsCapitalized && CueLexicon.TryGet(toks[k].Lower, out var cls) && cls is CueClass.Speech or CueClass.That
                && !toks[k].Lower.EndsWith("ing", StringComparison.Ordinal) && !_nounLike.Contains(toks[k].Lower))
            {
                c = k;
                break;
            }
        }

        if (c < 0 || SpeakerLeft(s, c, r + 1) is not { } np || np.Start != r + 1 || _objectRelatives.Contains(toks[np.Start].Lower))
        {
            return;
        }

        var cueEnd = CueEnd(s, c);
        var after = cueEnd + 1;
        if (after >= toks.Count || s.Used[after] || !FiniteVerbAt(s, after) || ContentForward(s, after) is not { } predicate)
        {
            return;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[c].Start, toks[cueEnd].End) };
        rel.Parts.Add(new TextSpan(toks[r].Start, toks[r].End));
        rel.Parts.Add(predicate);
        rel.Speaker = new TextSpan(toks[np.Start].Start, toks[np.End].End);
        MarkUsed(s, r, r);
        MarkUsed(s, np.Start, np.End);
        MarkUsed(s, c, cueEnd);
        MarkSpanUsed(s, predicate);
        _relations.Add(rel);
    }

    /// <summary>
    /// "“Q1,” Roe said.¶“Q2.”": a paragraph that is one quotation, without attribution, right after a paragraph whose last
    /// relation is an attributed direct quotation, goes on with that quotation (PolNeAR joins such paragraphs into one
    /// relation with several parts), unless the paragraph before ends with a colon ("Roe told the crowd:", where
    /// <see cref="IntroducedBy"/> gives the cue). Adds the quotation to that relation and returns true.
    /// </summary>
    private bool ContinuesPreviousParagraph(int si, QuoteSegment seg)
    {
        var s = _sentences[si];
        if (si == 0 || _relations.Count == 0)
        {
            return false;
        }

        var prevToks = _sentences[si - 1].Toks;
        if (prevToks.Count > 0 && prevToks[^1].Text == ":")
        {
            return false;
        }

        var rel = _relations[^1];
        if (!rel.Direct || rel.Cue is null || rel.Parts.Count == 0)
        {
            return false;
        }

        // the paragraph of the relation's last part must be the one before this sentence's
        var lastStart = rel.Parts[^1].Start;
        var k = si - 1;
        while (k > 0 && _sentences[k].Span.Start > lastStart)
        {
            k--;
        }

        if (_sentences[k].Paragraph != s.Paragraph - 1)
        {
            return false;
        }

        rel.Parts.Add(seg.Inner);
        return true;
    }

    /// <summary>
    /// "A mild winter, he said, “could be a good time to dredge”", "If the bill passes, Roe added, “it will …”": an
    /// attribution between commas before a quotation that goes on in lower case continues the clause opened before the
    /// attribution, so that clause is the first part of the content. A capitalised quotation after such an opening ("Asked
    /// about it, Roe said, “We …”") starts a new sentence and keeps the opening out, as PolNeAR does.
    /// </summary>
    private void ParentheticalHead(SentenceInfo s, Relation rel, int first)
    {
        if (ClauseHead(s, rel, first))
        {
            return;
        }

        var toks = s.Toks;
        if (rel.Cue is not { } cue || rel.Speaker is not { } speaker || rel.Parts.Count != 1 || first < 4 || toks[first - 1].Text != ","
            || cue.End > toks[first].Start || speaker.End > toks[first].Start)
        {
            return;
        }

        // the first word inside the quotation is lower case
        var w = first;
        while (w < toks.Count && !toks[w].IsWord)
        {
            w++;
        }

        if (w >= toks.Count || !s.InQuote[w] || !char.IsLower(toks[w].Text[0]))
        {
            return;
        }

        // nothing between the attribution and the comma before the quotation; a comma right before the attribution
        var attributionStart = Math.Min(cue.Start, speaker.Start);
        var attributionEnd = Math.Max(cue.End, speaker.End);
        var open = -1;
        for (var k = 0; k < first - 1; k++)
        {
            if (toks[k].Start >= attributionEnd)
            {
                return;
            }

            if (toks[k].End <= attributionStart)
            {
                open = k;
            }
        }

        if (open < 1 || toks[open].Text != "," || toks[open - 1].Kind == TokKind.QuoteMark || s.InQuote[open - 1])
        {
            return;
        }

        // the opening clause: no quotation and no other cue inside ("…, saying X and Ms. Warren, she said, “exposes …”"), not
        // a lone connector ("But, he noted, “while …”", "At the same time, she added, “…”")
        var start = open;
        var words = 0;
        while (start > 0 && !s.Used[start - 1])
        {
            var t = toks[start - 1];
            if (s.InQuote[start - 1] || t.Kind == TokKind.QuoteMark || (t.IsWord && !t.IsCapitalized && CueLexicon.TryGet(t.Lower, out _)) || ++words > 30)
            {
                return;
            }

            start--;
        }

        if (words <= 4 && toks[start].Lower is "but" or "and" or "still" or "yet" or "so" or "also" or "however" or "at" or "meanwhile")
        {
            return;
        }

        if (ContentBackward(s, open) is { } head)
        {
            rel.Parts.Insert(0, head);
            MarkSpanUsed(s, head);
        }
    }

    /// <summary>
    /// True when the quotation starting at token <paramref name="first"/> goes on a clause (the word before its opening mark
    /// is a clause word, not a cue, "that" or punctuation) that an earlier cue of the sentence introduces: "… mocked the plan,
    /// calling it “a fiasco,” Roe said", "Vahl said Brandt “would never win,” the source recalled", "said he voted no because
    /// “the bill went too far,” including …". The quotation is part of that cue's content (the clause patterns take it), not
    /// the words of the attribution after it.
    /// </summary>
    private static bool QuotedInsideCueClause(SentenceInfo s, int first) => ClauseWordBefore(s, first) && CueWordBefore(s, first - 1) >= 0;

    private static bool ClauseWordBefore(SentenceInfo s, int first)
    {
        if (first < 1)
        {
            return false;
        }

        var t = s.Toks[first - 1];
        return t.IsWord && !s.InQuote[first - 1] && !s.Used[first - 1] && t.Lower != "that" && !IsAttributiveVerb(t.Lower);
    }

    /// <summary>Index of the nearest unused, unquoted lower-case cue-lexicon word at or before <paramref name="k"/> in the same clause run (no quotation between), else -1.</summary>
    private static int CueWordBefore(SentenceInfo s, int k)
    {
        for (var j = k; j >= 0; j--)
        {
            var t = s.Toks[j];
            if (s.Used[j] || s.InQuote[j] || t.Kind == TokKind.QuoteMark || t.Text is "." or "!" or "?" or ";")
            {
                return -1;
            }

            if (t.IsWord && !t.IsCapitalized && CueLexicon.TryGet(t.Lower, out _) && !_nounLike.Contains(t.Lower))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>
    /// "The vote on the pier was “a disgrace,” she said": a quotation that ends a clause begun before its opening mark (and
    /// not introduced by a cue) is attributed together with that clause, as PolNeAR marks it; the clause is the first part
    /// of the content. Returns true when it added the clause.
    /// </summary>
    private bool ClauseHead(SentenceInfo s, Relation rel, int first)
    {
        if (rel.Cue is not { } cue || rel.Parts.Count != 1 || cue.Start < rel.Parts[0].End || !ClauseWordBefore(s, first))
        {
            return false;
        }

        var start = first;
        while (start > 0 && !s.Used[start - 1] && first - start < 40)
        {
            var t = s.Toks[start - 1];
            if (s.InQuote[start - 1] || t.Kind == TokKind.QuoteMark)
            {
                return false;
            }

            start--;
        }

        if (ContentBackward(s, first) is not { } head)
        {
            return false;
        }

        rel.Parts.Insert(0, head);
        MarkSpanUsed(s, head);
        return true;
    }
}
