using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of round 14. Like rounds 9–13 they run after every other pass of a sentence, over unused tokens only, so
/// they never take a token another relation already holds. The word lists are hand-written from general English, not
/// learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    private void RecallRules7(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (!FreeLowerWord(s, i))
            {
                continue;
            }

            var lower = toks[i].Lower;
            if (i >= 2 && lower.Length > 5 && lower.EndsWith("ing", StringComparison.Ordinal) && toks[i - 1].Kind == TokKind.QuoteMark)
            {
                QuoteParticiple7(s, i);
            }

            // each rule below looks only at a cue token no earlier rule of this pass took
            if (FreeLowerWord(s, i) && _whComplements7.Contains(toks[i + 1].Lower) && !s.Used[i + 1] && !s.InQuote[i + 1])
            {
                WhComplement7(s, i);
            }

            if (FreeLowerWord(s, i) && IsAdverbBeforeVerb7(toks[i - 1]))
            {
                NegatedAct7(s, i);
            }

            if (FreeLowerWord(s, i) && lower is "like" or "love" or "prefer" && i + 2 < toks.Count && toks[i + 1].Lower == "to" && (toks[i - 1].Lower is "would" or "wouldn't" or "wouldn’t" || IsContractedWould7(toks[i - 1].Lower)))
            {
                WouldLike7(s, i);
            }

            if (FreeLowerWord(s, i) && i >= 3 && (IsAdverbBeforeVerb7(toks[i - 1]) || toks[i - 1].Lower is "has" or "have" or "had" || toks[i - 1].Text is ")" or "—" or "–" or "-") && FiniteReport7(s, i, out var rcls))
            {
                ParentheticalSubject7(s, i, rcls);
            }

            if (FreeLowerWord(s, i) && (s.Used[i - 1] || _aux.Contains(toks[i - 1].Lower) || IsAdverbBeforeVerb7(toks[i - 1])) && FiniteReport7(s, i, out var scls))
            {
                SharedSubject7(s, i, scls);
            }

            if (FreeLowerWord(s, i) && i >= 2 && CueLexicon.TryGet(lower, out _) && (toks[i - 1].Text == "%" || toks[i - 1].Lower is "percent" || PercentOfBefore7(s, i) >= 0))
            {
                PollShare7(s, i);
            }
        }
    }

    /// <summary>
    /// True when token <paramref name="c"/> is a finite reporting verb: a cue-lexicon past or third-person form (not a
    /// quotation-only or -ing form), or a past or third-person act verb (not one whose -s form is mostly a plural noun).
    /// Act verbs report through their object, so they read as <see cref="CueClass.Object"/>.
    /// </summary>
    private static bool FiniteReport7(SentenceInfo s, int c, out CueClass cls)
    {
        var lower = s.Toks[c].Lower;
        if (CueLexicon.TryGet(lower, out cls))
        {
            return !CueLexicon.IsQuoteOnly(lower) && (lower.EndsWith("ed", StringComparison.Ordinal) || (lower.EndsWith('s') && !_nounLike.Contains(lower))
                || lower is "said" or "told" or "wrote" or "thought" or "found" or "knew" or "saw" or "felt" or "meant" or "heard" or "sought" or "showed" or "swore" or "understood");
        }

        cls = CueClass.Object;
        return ActLexicon.TryGet(lower, out var form) && (form == ActForm.Past || (form == ActForm.Present && !_nounLike.Contains(lower)));
    }

    /// <summary>
    /// "Rep. Jane Roe (R-Utah) blamed the court", "Sen. Piet Brandt (D) has since denounced the plan", "Jane Roe — a
    /// lawyer who has fought the ferry for years — insisted that …": the name before a closing parenthetical or a dashed
    /// apposition is the subject of a finite reporting verb right after it (adverbs and has/have/had between). The
    /// subject finder stops at the closing bracket or dash, so these verbs had no subject.
    /// </summary>
    private void ParentheticalSubject7(SentenceInfo s, int c, CueClass cls)
    {
        var toks = s.Toks;
        var j = c - 1;
        while (j > 0 && toks[j].IsWord && (IsAdverbBeforeVerb7(toks[j]) || toks[j].Lower is "has" or "have" or "had" or "since"))
        {
            j--;
        }

        if (j < 2 || s.Used[j] || s.InQuote[j] || toks[j].IsWord)
        {
            return;
        }

        int open;
        if (toks[j].Text == ")")
        {
            open = j - 1;
            while (open > 0 && open >= j - 10 && toks[open].Text != "(" && !s.Used[open] && toks[open].Text is not ("," or ";" or ")"))
            {
                open--;
            }

            if (open <= 0 || toks[open].Text != "(")
            {
                return;
            }
        }
        else if (toks[j].Text is "—" or "–" or "-")
        {
            // the apposition's opening dash: up to 30 tokens back, no sentence punctuation, quotation or relation between
            var close = toks[j - 1].Text == "-" ? j - 1 : j;
            open = close - 2;
            while (open > 0 && open >= close - 30 && toks[open].Text is not ("—" or "–" or "-") && !s.Used[open] && !s.InQuote[open] && toks[open].Text is not (";" or ":" or "(" or ")"))
            {
                open--;
            }

            if (open <= 0 || toks[open].Text is not ("—" or "–" or "-") || open > close - 3)
            {
                return;
            }

            if (toks[open - 1].Text == "-")
            {
                open--;
            }
        }
        else
        {
            return;
        }

        // the name before the opening bracket or dash: a run of capitalised words (initials and titles included)
        var end = open - 1;
        if (end < 0 || !toks[end].IsWord || !toks[end].IsCapitalized || s.Used[end] || _calendarWords.Contains(toks[end].Lower))
        {
            return;
        }

        var start = end;
        while (start > 0 && end - start < 6 && !s.Used[start - 1] && (toks[start - 1].IsCapitalized || (toks[start - 1].Text == "." && start >= 2 && toks[start - 2].IsCapitalized)))
        {
            start--;
        }

        if (toks[start].Text == ".")
        {
            start++;
        }

        if (start > 0 && toks[start - 1].IsWord && !toks[start - 1].IsCapitalized && !_determiners.Contains(toks[start - 1].Lower) && toks[start - 1].Lower is not ("and" or "but" or "then"))
        {
            return; // inside a clause ("… voted for Jane Roe (R) and …")
        }

        if (start > 0 && _determiners.Contains(toks[start - 1].Lower))
        {
            start--;
        }

        var after = c + 1;
        if (after >= toks.Count || s.Used[after] || toks[after].Lower == "by")
        {
            return;
        }

        if (ClassContentStart7(s, c, cls) is var from && from >= 0 && ContentForward(s, from, objectContent: cls == CueClass.Object) is { } content)
        {
            AddClause(s, content, c, c, start, end);
        }
    }

    /// <summary>
    /// "Cruz belittled the loans, calling them a paperwork error", "Davis lashed out at the nominee, telling him …": the
    /// participle after the comma is read first (by the clause patterns) and takes the sentence subject as its speaker, so the
    /// main verb before it found its subject already used and stayed unread. A finite cue or act verb right after (adverbs and
    /// auxiliaries between) the speaker phrase of a later relation of the same sentence shares that speaker, as PolNeAR marks
    /// both relations with the same source.
    /// </summary>
    private void SharedSubject7(SentenceInfo s, int c, CueClass cls)
    {
        var toks = s.Toks;
        var j = c - 1;
        while (j > 0 && toks[j].IsWord && !s.Used[j] && (_aux.Contains(toks[j].Lower) || IsAdverbBeforeVerb7(toks[j])))
        {
            if (toks[j].Lower is "is" or "was" or "were" or "are" or "been" or "being" or "be")
            {
                return; // passive: "they were quoted saying …"
            }

            j--;
        }

        if (j < 0 || !s.Used[j] || s.InQuote[j] || toks[j].Kind == TokKind.QuoteMark || toks[j].Lower is "when" or "if" or "as" or "while" or "after" or "before" or "once" or "since" or "because")
        {
            return;
        }

        for (var r = _relations.Count - 1; r >= 0; r--)
        {
            var rel = _relations[r];
            if (rel.Parts.Count > 0 && rel.Parts[0].End <= s.Span.Start)
            {
                return;
            }

            if (rel.Speaker is not { } sp || sp.End != toks[j].End || rel.Cue is not { } other || other.Start <= toks[c].End)
            {
                continue;
            }

            var (a, b) = s.TokenRange(sp);
            if (a < 0 || b != j || !AgentLike(s, (a, b)))
            {
                return;
            }

            if (VerbContent7(s, c, cls) is (var cueEnd, var content))
            {
                AddClause(s, content, c, cueEnd, a, b);
            }

            return;
        }
    }

    /// <summary>
    /// The cue end and content of a finite cue or act verb <paramref name="c"/> of class <paramref name="cls"/> read on
    /// its own (used by <see cref="SharedSubject7"/> and the relative-clause rule of round 15): a phrasal cue's particle
    /// ("spoke about"), or an object verb's preposition ("lashed out at", "called for"), ends the cue; the content follows
    /// it (for a bare cue of another class where its class says: "to", "that" …), never starting at a used token or a
    /// passive "by".
    /// </summary>
    private (int CueEnd, TextSpan Content)? VerbContent7(SentenceInfo s, int c, CueClass cls)
    {
        var toks = s.Toks;
        var cueEnd = CueLexicon.TryGet(toks[c].Lower, out _) ? CueEnd(s, c) : c;
        var after = cueEnd + 1;
        if (cueEnd == c && cls == CueClass.Object && after + 1 < toks.Count && toks[after].IsWord && toks[after].Lower is "for" or "about" or "on" or "against" or "with" or "at" or "into" or "over" or "out" or "up")
        {
            cueEnd = after;
            after++;
        }

        if (after >= toks.Count || s.Used[after] || toks[after].Lower == "by")
        {
            return null;
        }

        var from = cls == CueClass.Object || cueEnd > c ? after : ClassContentStart7(s, c, cls);
        return from >= 0 && ContentForward(s, from, objectContent: cls == CueClass.Object) is { } content ? (cueEnd, content) : null;
    }

    /// <summary>Where the content of cue <paramref name="c"/> of class <paramref name="cls"/> starts, or −1 (an intention verb without "to", a that-verb without "that").</summary>
    private static int ClassContentStart7(SentenceInfo s, int c, CueClass cls)
    {
        var toks = s.Toks;
        var after = c + 1;
        switch (cls)
        {
            case CueClass.Speech:
                return SkipToContent(s, after, _tellLike.Contains(toks[c].Lower));
            case CueClass.That:
            {
                var k = after;
                while (k < toks.Count && k < after + 4 && toks[k].Lower != "that" && toks[k].IsWord && !s.InQuote[k])
                {
                    k++;
                }

                return k < toks.Count && toks[k].Lower == "that" ? k : -1;
            }

            case CueClass.Infinitive:
                return after < toks.Count && toks[after].Lower == "to" ? after : -1;
            default:
                return after;
        }
    }

    /// <summary>An adverb that may stand between an auxiliary and its verb ("did not", "will also", "would likely", "has never").</summary>
    private static bool IsAdverbBeforeVerb7(Tok t) =>
        t.IsWord && (t.Lower is "not" or "never" or "also" or "still" or "even" or "just" or "only" or "again" or "then" or "now" or "soon" or "ever" or "yet" or "once" or "always"
            || (t.Lower.EndsWith("ly", StringComparison.Ordinal) && t.Lower.Length > 4));

    /// <summary>
    /// Index of "percent"/"%" when tokens before <paramref name="c"/> read "N percent of X" (X up to six words, no
    /// punctuation, no verb of the lexicons), else −1.
    /// </summary>
    private static int PercentOfBefore7(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        for (var k = c - 2; k >= 1 && k >= c - 8; k--)
        {
            var t = toks[k];
            if (!t.IsWord || s.Used[k] || s.InQuote[k] || CueLexicon.TryGet(t.Lower, out _))
            {
                return -1;
            }

            if (t.Lower == "of" && (toks[k - 1].Text == "%" || toks[k - 1].Lower == "percent"))
            {
                return k - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// "59 percent said it was not", "42% say they are liberal", "19 percent of college students polled support Roe": a
    /// poll share ("N percent", "N%", optionally "of" a group) is the subject of a speech verb, or of a verb of taking a
    /// side when the group is named. The share is the source, the clause or object after the verb the content. A bare
    /// share before "support" is a noun phrase ("48% support in the state"), not a subject.
    /// </summary>
    private void PollShare7(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var lower = toks[c].Lower;
        if (!CueLexicon.TryGet(lower, out var cls) || CueLexicon.IsQuoteOnly(lower) || lower.EndsWith("ing", StringComparison.Ordinal))
        {
            return;
        }

        var pct = toks[c - 1].Text == "%" || toks[c - 1].Lower == "percent" ? c - 1 : PercentOfBefore7(s, c);
        var named = pct != c - 1;
        if (pct < 1 || !(cls == CueClass.Speech || (named && cls is CueClass.Object or CueClass.That)) || lower is "support" or "supports" && !named)
        {
            return;
        }

        var num = toks[pct - 1];
        if (!num.IsWord || !char.IsDigit(num.Text[0]) || s.Used[pct - 1] || s.Used[pct])
        {
            return;
        }

        var start = pct - 1;
        if (start >= 1 && toks[start - 1].Lower is "about" or "only" or "just" or "nearly" or "almost" or "roughly" or "some" or "least" or "than" or "a" or "another")
        {
            start--;
            if (start >= 1 && toks[start].Lower is "least" or "than" && toks[start - 1].Lower is "at" or "more" or "fewer" or "less")
            {
                start--;
            }
        }

        if (s.Used[start])
        {
            return;
        }

        var after = c + 1;
        if (after >= toks.Count || s.Used[after])
        {
            return;
        }

        if (toks[c - 1].Lower is "was" or "were" or "been" or "being" or "be" or "is" or "are")
        {
            return; // passive: "71% of the stories were written by men"
        }

        var from = ClassContentStart7(s, c, cls);
        if (from >= 0 && ContentForward(s, from, objectContent: cls == CueClass.Object) is { } content)
        {
            AddClause(s, content, c, c, start, c - 1);
        }
    }

    /// <summary>
    /// "Trump insisted he had “expanded the party,” claiming that he drew new voters": the participle of a cue or act verb
    /// right after a quotation that ends in a comma (inside the marks, American style) speaks for the clause's subject, as
    /// ", claiming …" does after a plain comma.
    /// </summary>
    private void QuoteParticiple7(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        if (toks[i - 2].Text is not ("," or "!" or "?") || !s.InQuote[i - 2] || !s.InQuote[i - 1])
        {
            return;
        }

        var lower = toks[i].Lower;
        if (lower is "seeing" or "learning" or "trusting" or "guessing" or "whispering" or "responding" or "speaking" or "talking" or "writing" or "according" or "including" or "following" or "regarding" or "concerning")
        {
            return;
        }

        var isCue = CueLexicon.TryGet(lower, out var cls) && !CueLexicon.IsQuoteOnly(lower);
        if (!isCue && !IsActParticiple(lower))
        {
            return;
        }

        if (ParticipleContent(s, i, lower, isCue, cls, particleTo: true) is not (var content, var cueEnd))
        {
            return;
        }

        var probe = new Relation { Paragraph = s.Paragraph };
        probe.Parts.Add(content);
        var sp = LastSpeakerIn(s) ?? SpeakerReviser.SubjectForParticiple(s, i, probe, _relations);
        if (sp is not { } subject || subject.End >= i || !PlausibleSubject(s, subject))
        {
            return;
        }

        AddClause(s, content, i, cueEnd, subject.Start, subject.End);
    }

    /// <summary>Words that open an embedded question or a free relative clause ("wondered whether …", "explained why …").</summary>
    private static readonly FrozenSet<string> _whComplements7 = FrozenSet.ToFrozenSet(
        ["whether", "if", "why", "how", "what", "who", "where"], StringComparer.Ordinal);

    /// <summary>
    /// "Many voters wonder whether the ferry will run", "The board has not decided if …", "Roe explained why the fares
    /// rose": a cognition or speech verb with an embedded question after an agent subject. The cognition class otherwise
    /// needs "that"; the question from its wh-word to the clause end is the content, the subject the source.
    /// </summary>
    private void WhComplement7(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var lower = toks[c].Lower;
        if (!CueLexicon.TryGet(lower, out var cls) || CueLexicon.IsQuoteOnly(lower) || cls is CueClass.Infinitive or CueClass.Object || c == 0)
        {
            return;
        }

        var prev = toks[c - 1].Lower;
        if (prev is "to" or "was" or "were" or "been" or "being" or "be" or "is" or "are" || (lower.EndsWith("ing", StringComparison.Ordinal) && !AfterCopula7(s, c)))
        {
            return; // "to see if …" (whose act is unknown), passives, bare participles
        }

        if (SpeakerLeft(s, c, ClauseStart(s, c)) is not { } np || np.End >= c || !AgentLike(s, np))
        {
            return;
        }

        if (_nounLike.Contains(lower) && !StrongSubject(s, np.Start, np.End, lower) && !AfterVerbalAux(s, c))
        {
            return;
        }

        if (ContentForward(s, c + 1) is { } content)
        {
            AddClause(s, content, c, c, np.Start, np.End);
        }
    }

    /// <summary>True when a form of "be" (possibly with adverbs between) stands before token <paramref name="c"/>: a progressive.</summary>
    private static bool AfterCopula7(SentenceInfo s, int c)
    {
        var j = c - 1;
        while (j > 0 && s.Toks[j].IsWord && (s.Toks[j].Lower is "still" or "also" or "now" or "left" || (s.Toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && s.Toks[j].Lower.Length > 4)))
        {
            j--;
        }

        return j >= 0 && (s.Toks[j].Lower is "is" or "are" or "was" or "were" or "am" or "been" || IsContractedPronoun(s.Toks[j].Lower));
    }

    /// <summary>
    /// "The company did not discuss the plan", "Roe would not directly address the fares", "she has never disavowed him":
    /// an act verb after a negated auxiliary written in two words. The act rule of round 7 reads the contracted forms
    /// ("didn't discuss") and a bare form right after a modal; "not"/"never" between them hid the verb.
    /// </summary>
    private void NegatedAct7(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var t = toks[i];
        if (!ActLexicon.TryGet(t.Lower, out var form) || CueLexicon.TryGet(t.Lower, out _))
        {
            return;
        }

        var j = i - 1;
        while (j > 0 && toks[j].IsWord && (toks[j].Lower is "not" or "never" or "yet" or "even" or "ever" or "also" or "always" or "once" || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4)))
        {
            j--;
        }

        var aux = toks[j].Lower;
        var finite = form == ActForm.Base
            ? aux is "will" or "would" or "could" or "can" or "did" or "does" or "do" or "should" or "must" or "might" or "may"
            : form == ActForm.Past && aux is "has" or "have" or "had";
        if (!finite || j == 0)
        {
            return;
        }

        ActClause(s, i);
    }

    /// <summary>
    /// "The mayor would like to see the pier rebuilt", "I'd love to run again": a wish with its infinitive. The subject
    /// speaks, "like"/"love"/"prefer" is the cue and the infinitive the content, as for "wants to".
    /// </summary>
    private void WouldLike7(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        if (s.Used[c + 1] || s.InQuote[c + 1] || s.Used[c + 2] || !toks[c + 2].IsWord)
        {
            return;
        }

        // "I'd like to", "we’d love to": the tokenizer keeps the contracted pronoun whole, and it speaks
        var np = IsContractedWould7(toks[c - 1].Lower) ? (c - 1, c - 1) : SpeakerLeft(s, c, ClauseStart(s, c));
        if (np is not { } l || l.End >= c || (l.Start != c - 1 && !AgentLike(s, l)))
        {
            return;
        }

        if (ContentForward(s, c + 1) is { } f)
        {
            AddClause(s, f, c, c, l.Start, l.End);
        }
    }

    /// <summary>A pronoun contracted with "would" ("I'd", "we’d", "she'd").</summary>
    private static bool IsContractedWould7(string lower) =>
        lower is "i'd" or "i’d" or "we'd" or "we’d" or "he'd" or "he’d" or "she'd" or "she’d" or "they'd" or "they’d" or "you'd" or "you’d";
}
