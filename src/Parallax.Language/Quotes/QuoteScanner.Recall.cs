using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of round 9 (relations the earlier passes miss entirely). They run after every other pass of a sentence,
/// over unused tokens only, so they never take a token another relation already holds.
/// </summary>
internal sealed partial class QuoteScanner
{
    private void RecallRules(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (s.Used[i] || s.InQuote[i] || !toks[i].IsWord || toks[i].IsCapitalized)
            {
                continue;
            }

            var lower = toks[i].Lower;
            if (lower.Length > 5 && lower.EndsWith("ing", StringComparison.Ordinal))
            {
                ConnectedParticiple(s, i);
                if (!s.Used[i])
                {
                    ProgressiveAct(s, i);
                }
            }
            else if (toks[i + 1].Lower == "by")
            {
                PassiveByAgent(s, i);
            }
        }

        if (toks.Count > 4 && IsTitleCase(s))
        {
            HeadlineVerb(s);
        }

        for (var i = 1; i + 2 < toks.Count; i++)
        {
            if (toks[i].Text == ":" && !s.Used[i] && !s.InQuote[i] && s.InQuote[i + 1] && !s.Used[i + 1] && toks[i + 1].Kind == TokKind.QuoteMark)
            {
                ColonQuotation(s, i);
            }
        }
    }

    /// <summary>Words that attach a participle clause to its clause's subject ("and calling for …", "before adding …", "by touting …").</summary>
    private static readonly FrozenSet<string> _participleConnectors = FrozenSet.ToFrozenSet(
        ["and", "or", "but", "by", "after", "before", "while", "since", "without", "when", "then"], StringComparer.Ordinal);

    /// <summary>The lemma behind an -ing form, if it is an act verb ("touting" → "tout", "blasting" → "blast", "taking" → "take").</summary>
    private static bool IsActParticiple(string lower)
    {
        var stem = lower[..^3];
        if (ActLexicon.TryGet(stem, out var f) && f == ActForm.Base)
        {
            return true;
        }

        if (ActLexicon.TryGet(stem + "e", out f) && f == ActForm.Base)
        {
            return true;
        }

        return stem.Length > 3 && stem[^1] == stem[^2] && ActLexicon.TryGet(stem[..^1], out f) && f == ActForm.Base;
    }

    /// <summary>
    /// "… and calling for a ban", "Sanders answered by focusing on …", "before taking aim at …": a participle of a cue or act
    /// verb after a connector speaks for the clause's subject (or the sentence's last speaker); its complement is the content.
    /// </summary>
    private void ConnectedParticiple(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var j = i - 1;
        while (j > 0 && toks[j].IsWord && (toks[j].Lower is "also" or "then" or "even" or "again" or "later" or "repeatedly" or "publicly" or "not" or "instead" || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4)))
        {
            j--;
        }

        var lower = toks[i].Lower;
        var afterComma = j > 0 && toks[j].Text == "," && j == i - 1 && !CueLexicon.TryGet(lower, out _) && IsActParticiple(lower);
        if (j <= 0 || !(afterComma || _participleConnectors.Contains(toks[j].Lower)) || s.InQuote[j])
        {
            return;
        }

        if (lower is "seeing" or "learning" or "trusting" or "guessing" or "whispering" or "responding")
        {
            return; // perception and reply forms that mostly report an event, not a stance
        }

        var isCue = CueLexicon.TryGet(lower, out var cls) && !CueLexicon.IsQuoteOnly(lower);
        if (!isCue && !IsActParticiple(lower))
        {
            return;
        }

        if (ParticipleContent(s, i, lower, isCue, cls, particleTo: false) is not (var content, var cueEnd))
        {
            return;
        }

        var probe = new Relation { Paragraph = s.Paragraph };
        probe.Parts.Add(content);
        if (SpeakerReviser.SubjectForParticiple(s, i, probe, _relations) is not { } sp || sp.End >= i || !PlausibleSubject(s, sp))
        {
            return;
        }

        AddClause(s, content, i, cueEnd, sp.Start, sp.End);
    }

    /// <summary>
    /// The cue end and content of a participle or cue word at <paramref name="i"/>: a phrasal cue, or one particle or
    /// preposition after it (also "to" when <paramref name="particleTo"/>), then the content forward from there; an
    /// intention verb needs its infinitive, right after it or after a short object of a "tell"-like verb ("urging the
    /// board to act"). Null when there is no content.
    /// </summary>
    private (TextSpan Content, int CueEnd)? ParticipleContent(SentenceInfo s, int i, string lower, bool isCue, CueClass cls, bool particleTo)
    {
        var toks = s.Toks;
        var cueEnd = CueEnd(s, i);
        var phrasal = cueEnd > i;
        var after = cueEnd + 1;
        if (cueEnd == i && after + 1 < toks.Count && toks[after].IsWord && (toks[after].Lower is "for" or "about" or "on" or "against" or "with" or "at" or "into" or "over" or "out" or "up" || (particleTo && toks[after].Lower == "to")))
        {
            cueEnd = after;
            after++;
        }

        if (isCue && !phrasal && cls == CueClass.Infinitive && !(after < toks.Count && toks[after].Lower == "to") && !(_tellLike.Contains(lower) && InfinitiveWithin(s, after, 6)))
        {
            return null;
        }

        if (after >= toks.Count || s.Used[after] || !(toks[after].IsWord || s.InQuote[after]))
        {
            return null;
        }

        return ContentForward(s, after, objectContent: !isCue || (cls == CueClass.Object && !phrasal)) is { } content ? (content, cueEnd) : null;
    }

    /// <summary>A subject phrase that can speak: not a lone determiner, time word or expletive ("The", "Tuesday", "There's").</summary>
    private static bool PlausibleSubject(SentenceInfo s, (int Start, int End) sp)
    {
        var first = s.Toks[sp.Start].Lower;
        if (sp.Start == sp.End && (_determiners.Contains(first) || _calendarWords.Contains(first) || first is "this" or "that" or "it" or "there" or "that’s" or "there’s" or "that's" or "there's" or "one"))
        {
            return false;
        }

        var last = s.Toks[sp.End].Lower;
        return !_calendarWords.Contains(last) && last is not ("after" or "before" or "when" or "while");
    }

    /// <summary>True when an unquoted "to" stands within <paramref name="span"/> words from <paramref name="k"/>, before any punctuation.</summary>
    private static bool InfinitiveWithin(SentenceInfo s, int k, int span)
    {
        for (var j = k + 1; j < s.Toks.Count && j <= k + span; j++)
        {
            if (!s.Toks[j].IsWord || s.InQuote[j])
            {
                return false;
            }

            if (s.Toks[j].Lower == "to")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Cruz was endorsed by Fiorina", "the plan was criticized by Democrats": a passive cue or act verb with its agent; the
    /// subject is the content, the agent after "by" the speaker.
    /// </summary>
    private void PassiveByAgent(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var lower = toks[i].Lower;
        if (!(lower.EndsWith("ed", StringComparison.Ordinal) || lower is "told" or "written" or "shown" or "made" or "given")
            || !((CueLexicon.TryGet(lower, out _) && !CueLexicon.IsQuoteOnly(lower)) || (ActLexicon.TryGet(lower, out var f) && f == ActForm.Past)))
        {
            return;
        }

        // "This story was first published by Meridian Wire": a publishing credit, not an attribution
        if (lower is "published" or "written" or "edited" or "produced" or "distributed" or "syndicated" or "updated" or "contributed" or "posted" or "printed" or "reprinted")
        {
            return;
        }

        var aux = i - 1;
        while (aux > 0 && toks[aux].IsWord && toks[aux].Lower is "also" or "not" or "never" or "widely" or "first" or "repeatedly" or "publicly" or "even" or "later" or "already" or "since")
        {
            aux--;
        }

        if (aux <= 0 || toks[aux].Lower is not ("was" or "were" or "is" or "are" or "been" or "be" or "being"))
        {
            return;
        }

        var cueStart = aux;
        while (cueStart > 0 && toks[cueStart - 1].IsWord && (toks[cueStart - 1].Lower is "has" or "have" or "had" or "will" or "would" or "could" or "may" or "might" or "to" || IsNegatedAux(toks[cueStart - 1].Lower)))
        {
            cueStart--;
        }

        // the agent: a noun phrase after "by", up to punctuation or a clause word
        var a0 = i + 2;
        var a1 = a0 - 1;
        for (var k = a0; k < toks.Count && k < a0 + 10; k++)
        {
            var t = toks[k];
            if (s.Used[k] || s.InQuote[k] || !(t.IsWord || t.Text is "." or "-" or "'" or "’" or "&") || (t.IsWord && (_blockers.Contains(t.Lower) || t.Lower is "in" or "on" or "at" or "for" or "during" or "after" or "over" or "to" or "with" or "last")))
            {
                break;
            }

            a1 = k;
        }

        while (a1 >= a0 && !toks[a1].IsWord)
        {
            a1--;
        }

        if (a1 < a0)
        {
            return;
        }

        // an agent is a name, a determined or counted phrase, or a plural ("critics", "voters"), not "now" or "less"
        var head = toks[a0];
        if (!(head.IsCapitalized || _determiners.Contains(head.Lower) || char.IsDigit(head.Text[0]) || _numberWords.Contains(head.Lower) || head.Lower is "nearly" or "about" or "more" or "some" or "overwhelming"
            || (a0 == a1 && head.Lower.EndsWith('s') && head.Lower.Length > 3)))
        {
            return;
        }

        // the content: the subject, from the clause start to the auxiliary
        var c0 = ClauseStart(s, cueStart);
        while (c0 < cueStart && (s.Used[c0] || !toks[c0].IsWord || toks[c0].Lower is "and" or "but" or "so" or "yet"))
        {
            c0++;
        }

        if (c0 >= cueStart || s.InQuote[c0])
        {
            return;
        }

        for (var k = c0; k < cueStart; k++)
        {
            if (s.Used[k] || (toks[k].IsWord && k > c0 && toks[k].Lower is "when" or "if" or "after" or "who" or "are" or "is" or "was" or "could" or "should" or "must" or "would" or "will" or "may" or "might" or "can" or "that"))
            {
                return;
            }
        }

        if (Trim(s, c0, cueStart) is not { } content)
        {
            return;
        }

        AddClause(s, content, cueStart, i, a0, a1);
    }

    /// <summary>
    /// "- Mark Blumenthal and Jon Cohen: “Although …”", "More from the report: “…”", "Rep. Jane Roe (R-Utah):“…”": a quotation
    /// right after a colon that follows a name (or "from" and a phrase) is that name's words; the colon is the cue.
    /// </summary>
    private void ColonQuotation(SentenceInfo s, int colon)
    {
        var toks = s.Toks;
        var last = colon + 1;
        while (last + 1 < toks.Count && s.InQuote[last + 1] && !s.Used[last + 1])
        {
            last++;
        }

        var end = colon - 1;
        if (toks[end].Text == ")")
        {
            while (end > 0 && toks[end].Text != "(")
            {
                end--;
            }

            end--;
        }

        if (end < 0 || !toks[end].IsWord || s.Used[end] || s.InQuote[end])
        {
            return;
        }

        var start = end;
        while (start > 0 && toks[start - 1].IsWord && !s.Used[start - 1] && !s.InQuote[start - 1]
            && (toks[start - 1].IsCapitalized || toks[start - 1].Lower is "and" or "of" or "the" || (toks[start - 1].Text.EndsWith('.') && toks[start - 1].Text.Length <= 5)))
        {
            start--;
        }

        while (start < end && toks[start].Lower is "and" or "of")
        {
            start++;
        }

        var before = start - 1;
        var fromPhrase = before >= 0 && toks[before].Lower == "from";
        if (!fromPhrase && !toks[end].IsCapitalized)
        {
            return;
        }

        if (fromPhrase && !(toks[start].Lower == "the" || toks[start].IsCapitalized))
        {
            return;
        }

        // the name opens the sentence, follows a dash (a headline's byline) or "from" ("More from Jones:")
        if (!(before < 0 || fromPhrase || toks[before].Text is "-" or "—" or "–" or ":" or "|"))
        {
            return;
        }

        if (Trim(s, colon + 1, last + 1) is not { } content)
        {
            return;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[colon].Start, toks[colon].End), Speaker = new TextSpan(toks[start].Start, toks[colon - 1].End), Direct = true };
        rel.Parts.Add(content);
        MarkUsed(s, start, last);
        _relations.Add(rel);
    }

    /// <summary>The cue end and content start after an -ing cue at <paramref name="i"/>: a particle ("for", "about", "on" …) joins the cue.</summary>
    private (int CueEnd, int After) ParticipleCueEnd(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var cueEnd = CueEnd(s, i);
        var after = cueEnd + 1;
        if (cueEnd == i && after + 1 < toks.Count && toks[after].IsWord && toks[after].Lower is "for" or "about" or "on" or "against" or "with" or "at" or "into" or "over" or "out" or "up")
        {
            cueEnd = after;
            after++;
        }

        return (cueEnd, after);
    }

    /// <summary>"Trump is touting his plan", "they were blasting the deal": a progressive act verb after an agent subject.</summary>
    private void ProgressiveAct(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var lower = toks[i].Lower;
        if (!IsActParticiple(lower) || CueLexicon.TryGet(lower, out _))
        {
            return;
        }

        var j = i - 1;
        while (j > 0 && toks[j].IsWord && (toks[j].Lower is "also" or "now" or "still" or "not" or "already" or "increasingly" or "openly" or "publicly" || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4)))
        {
            j--;
        }

        if (j <= 0 || !(toks[j].Lower is "is" or "are" or "was" or "were" or "am" or "been" || IsContractedPronoun(toks[j].Lower)))
        {
            return;
        }

        var np = SpeakerLeft(s, i, ClauseStart(s, i));
        if (np is not { } l || !AgentLike(s, l))
        {
            return;
        }

        var (cueEnd, after) = ParticipleCueEnd(s, i);
        if (after >= toks.Count || s.Used[after] || !(toks[after].IsWord || s.InQuote[after]) || (toks[after].IsWord && _blockers.Contains(toks[after].Lower) && toks[after].Lower is not ("that" or "to" or "this" or "these" or "those")))
        {
            return;
        }

        if (ContentForward(s, after, objectContent: true) is { } content)
        {
            AddClause(s, content, i, cueEnd, l.Start, l.End);
        }
    }

    /// <summary>
    /// "Conservative Icon Jane Roe Endorses Ted Cruz", "Mayor Slams Ferry Plan": in a title-case headline, the first capitalised
    /// cue or act verb in the third person or past after a capitalised subject is the cue, the subject speaks, the rest is the content.
    /// </summary>
    private void HeadlineVerb(SentenceInfo s)
    {
        var toks = s.Toks;
        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (s.Used[i] || s.InQuote[i] || !toks[i].IsWord)
            {
                return;
            }

            var lower = toks[i].Lower;
            var verb = (lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal)) || lower.EndsWith("ed", StringComparison.Ordinal);
            if (!verb || !((CueLexicon.TryGet(lower, out _) && !CueLexicon.IsQuoteOnly(lower)) || (ActLexicon.TryGet(lower, out var form) && form != ActForm.Base)))
            {
                continue;
            }

            if (lower is "says" or "said" or "tells" or "told" or "warns" or "claims" or "insists" or "admits" or "asks")
            {
                return; // the clause patterns read these already
            }

            var start = i - 1;
            while (start > 0 && toks[start - 1].IsWord && !s.Used[start - 1] && !s.InQuote[start - 1])
            {
                start--;
            }

            if (start > 0 && toks[start - 1].Text is not ("," or ":" or "—" or "-" or "–"))
            {
                return;
            }

            for (var k = start; k < i; k++)
            {
                if (!toks[k].IsCapitalized && !char.IsDigit(toks[k].Text[0]) || (k > start && _blockers.Contains(toks[k].Lower)))
                {
                    return;
                }
            }

            var cueEnd = i;
            var after = i + 1;
            if (after + 1 < toks.Count && toks[after].IsWord && toks[after].Lower is "for" or "on" or "against" or "with" or "out" or "to" or "at" or "up")
            {
                cueEnd = after;
                after++;
            }

            // "Trump Just Announced", "Tim Kaine Fully Embraced": a headline adverb is not part of the subject
            var spEnd = i - 1;
            while (spEnd > start && toks[spEnd].Lower is "just" or "finally" or "fully" or "once" or "now" or "also" or "again" or "still" or "never" or "quietly" or "officially")
            {
                spEnd--;
            }

            if (after < toks.Count && !s.Used[after] && ContentForward(s, after, objectContent: true) is { } content)
            {
                AddClause(s, content, i, cueEnd, start, spEnd);
            }

            return;
        }
    }
}
