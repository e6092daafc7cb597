using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of session 11 (round 15). Like rounds 9–14 they run after every other pass of a sentence, over unused
/// tokens only, so they never take a token another relation already holds. The word lists are hand-written from general
/// English, not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    private void RecallRules8(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (!FreeLowerWord(s, i))
            {
                continue;
            }

            if (RelativeBefore8(s, i) >= 0)
            {
                RelativeAct8(s, i);
            }

            if (FreeLowerWord(s, i) && toks[i].Lower == "known" && i + 2 < toks.Count && toks[i + 1].Lower is "as" or "for" && !s.Used[i + 1] && !s.Used[i + 2])
            {
                KnownAs8(s, i, i + 1);
            }

            if (FreeLowerWord(s, i) && toks[i].Lower is "titled" or "entitled" && !s.Used[i + 1] && (s.InQuote[i + 1] || toks[i + 1].IsCapitalized))
            {
                KnownAs8(s, i, i);
            }
        }
    }

    /// <summary>The token before verb <paramref name="c"/> once up to three free auxiliaries, negations and adverbs
    /// before it are skipped ("who has [long] said", "that would not [ever] endorse"): where a relative pronoun would stand.</summary>
    private static int BeforeAuxiliaries8(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var j = c - 1;
        while (j > 0 && c - j <= 4 && toks[j].IsWord && !s.Used[j] && (toks[j].Lower is "has" or "have" or "had" or "will" or "would" or "could" or "can" or "did" or "does" or "do" || IsNegatedAux(toks[j].Lower) || IsAdverbBeforeVerb7(toks[j])))
        {
            j--;
        }

        return j;
    }

    /// <summary>
    /// Index of a relative pronoun ("who" or "which") standing before token <paramref name="c"/> with only adverbs and
    /// auxiliaries (not a form of "be") between, else −1.
    /// </summary>
    private static int RelativeBefore8(SentenceInfo s, int c)
    {
        var j = BeforeAuxiliaries8(s, c);
        return j >= 1 && !s.Used[j] && !s.InQuote[j] && s.Toks[j].Lower is "who" or "which" ? j : -1;
    }

    /// <summary>
    /// "Donald Trump, who has insulted women and veterans", "the Latino community, which largely supports reform": a
    /// cue or act verb in a relative clause. The relative pronoun is the subject and speaks (PolNeAR marks the in-clause
    /// mention), the object or clause after the verb is the content. The clause passes read most cue verbs after "who"
    /// already; act verbs were left out because "who" is no agent word. "that" is left out: PolNeAR names the noun before
    /// it as often as the pronoun, so the source is a coin toss.
    /// </summary>
    private void RelativeAct8(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var rp = RelativeBefore8(s, c);
        var lower = toks[c].Lower;
        var isCue = CueLexicon.TryGet(lower, out var cls) && !CueLexicon.IsQuoteOnly(lower) && !lower.EndsWith("ing", StringComparison.Ordinal);
        var isAct = !isCue && ActLexicon.TryGet(lower, out var form) && !CueLexicon.TryGet(lower, out _) && (form != ActForm.Base || c - 1 != rp || toks[rp].Lower == "who");
        if (!isCue && !isAct)
        {
            return;
        }

        if (isAct)
        {
            cls = CueClass.Object;
        }

        if (VerbContent7(s, c, cls) is (var cueEnd, var content))
        {
            AddClause(s, ParentheticalEnd8(s, rp, content), c, cueEnd, rp, rp);
        }
    }

    /// <summary>
    /// "Roe, who has belittled the plan, spoke on Monday": a relative clause opened after a comma is a parenthetical and
    /// ends at the next comma outside quotation marks, before the main clause resumes.
    /// </summary>
    private static TextSpan ParentheticalEnd8(SentenceInfo s, int rp, TextSpan content)
    {
        var toks = s.Toks;
        if (rp < 1 || toks[rp - 1].Text != ",")
        {
            return content;
        }

        for (var k = rp + 2; k < toks.Count && toks[k].End <= content.End; k++)
        {
            if (toks[k].Start > content.Start && toks[k].Text == "," && !s.InQuote[k])
            {
                return new TextSpan(content.Start, toks[k - 1].End);
            }
        }

        return content;
    }

    /// <summary>
    /// "the string of contests known as Super Tuesday", "Allergan is best known for making Botox", "a book titled “Tides”":
    /// a naming without a named namer (<paramref name="cueEnd"/> is "as"/"for" after "known", or "titled" itself). The
    /// noun phrase named and the name (or what it is known for) are the two content parts; nobody speaks, as PolNeAR marks
    /// these namings without a source.
    /// </summary>
    private void KnownAs8(SentenceInfo s, int c, int cueEnd)
    {
        var toks = s.Toks;
        var j = c - 1;
        while (j > 0 && toks[j].IsWord && !s.Used[j] && (IsAdverbBeforeVerb7(toks[j]) || toks[j].Lower is "best" or "better" or "well" or "widely" or "commonly" or "also" or "now" or "once" or "is" or "was" or "are" or "were" or "be" or "been" or "became" or "become" or "becomes" or "has" or "have" or "had" or "being"))
        {
            j--;
        }

        if (j < 0 || s.Used[j] || !(toks[j].IsWord || (s.InQuote[j] && toks[j].Kind == TokKind.QuoteMark)))
        {
            return;
        }

        // the noun phrase named: back over words (no verb of the lexicons, no preposition or relative word) to a determiner
        var end = j;
        var start = j;
        while (start > 0 && end - start < 7)
        {
            var w = toks[start];
            if (_determiners.Contains(w.Lower) || w.Lower is "this" or "these" or "those")
            {
                break;
            }

            var p = toks[start - 1];
            if (s.Used[start - 1] || !(p.IsWord || p.Kind == TokKind.QuoteMark) || _prepositions.Contains(p.Lower) && !_determiners.Contains(p.Lower) || _blockers.Contains(p.Lower) && p.Lower is not ("this" or "these" or "those")
                || p.Lower is "who" or "which" or "and" or "or" || CueLexicon.TryGet(p.Lower, out _) || ActLexicon.TryGet(p.Lower, out _))
            {
                break;
            }

            start--;
        }

        if (toks[end].IsWord && (_prepositions.Contains(toks[end].Lower) || _blockers.Contains(toks[end].Lower) || _pronounSubjects.Contains(toks[end].Lower) && toks[end].Lower is not ("he" or "she" or "they" or "it" or "we" or "i")))
        {
            return;
        }

        if (cueEnd > c && toks[c + 1].Lower == "for" && (_timeWords.Contains(toks[c + 2].Lower) || toks[c + 2].Lower is "now" or "decades" or "ages" or "long"
            || (toks[c + 2].Lower is "some" or "a" && c + 3 < toks.Count && _timeWords.Contains(toks[c + 3].Lower))))
        {
            return; // "has been known for years", "known for a week": a duration, not what something is known for
        }

        var named = new TextSpan(toks[start].Start, toks[end].End);
        if (ContentForward(s, cueEnd + 1, objectContent: true) is not { } name)
        {
            return;
        }

        AddClause(s, named, c, cueEnd, -1, -1, name);
    }
}
