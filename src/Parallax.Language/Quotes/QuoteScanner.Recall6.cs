using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of round 13. Like rounds 9–12 they run after every other pass of a sentence, over unused tokens only, so
/// they never take a token another relation already holds. The word lists are hand-written from general English, not
/// learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>
    /// Verbs of speaking about, defending or attacking something that report a stance when they follow "to" as the purpose
    /// or complement of another verb ("appeared on the show to defend her", "was the first to endorse him", "took to the
    /// radio to call the plan a disgrace"). Verbs whose infinitive mostly names a plan or an event rather than a stance
    /// (support, back, oppose, show, ask, vote, speak, sign, campaign, rally) are left out.
    /// </summary>
    private static readonly FrozenSet<string> _purposeVerbs6 = FrozenSet.ToFrozenSet(
        [
            "discuss", "endorse", "address", "defend", "highlight", "criticize", "criticise", "question", "say", "tell", "praise",
            "attack", "condemn", "denounce", "promote", "tout", "blast", "slam", "reject", "call", "urge", "demand", "warn",
            "argue", "explain", "declare", "express", "voice", "answer", "describe", "accuse", "blame", "dismiss", "mock",
            "advocate", "repudiate", "disavow", "applaud", "emphasize", "emphasise", "stress", "reiterate", "claim", "insist",
            "acknowledge", "admit", "propose", "unveil", "outline", "recommend", "respond", "talk", "comment", "rebut", "refute",
            "decry", "lambaste", "champion", "hail", "laud", "thank", "congratulate", "reassure", "assure", "insist", "pitch",
        ],
        StringComparer.Ordinal);

    private void RecallRules6(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 2 < toks.Count; i++)
        {
            if (toks[i].Lower == "to" && FreeLowerWord(s, i))
            {
                PurposeInfinitive6(s, i);
            }
            else if (FreeLowerWord(s, i) && _copulaPerception6.Contains(toks[i].Lower) && PredicativeAfter6(s, i))
            {
                Raising(s, i, predicative: true);
            }
            else if (FreeLowerWord(s, i) && toks[i].Lower is "put" or "puts" && toks[i + 1].Lower == "it" && !s.Used[i + 1])
            {
                AsOnePutIt6(s, i);
            }
        }

        FrontedParticiple6(s);
    }

    /// <summary>Verbs of seeming that report an impression without naming whose it is ("the race appears closer", "the team appeared paralyzed").</summary>
    private static readonly FrozenSet<string> _copulaPerception6 = FrozenSet.ToFrozenSet(
        ["appear", "appears", "appeared", "seem", "seems", "seemed", "sounded"], StringComparer.Ordinal);

    /// <summary>
    /// True when a predicate follows the verb of seeming at <paramref name="c"/>: an adjective or participle ("appeared
    /// paralyzed", "appears certain to …", "sounded equivocal"), after an optional degree adverb, or "like" after
    /// seem/sound ("seems like a fair idea"). Not a place or a time ("appeared at a rally", "appeared on Sunday shows"), a
    /// noun phrase, "to"/"that" (read by the raising rule already) or a particle ("sound off").
    /// </summary>
    private static bool PredicativeAfter6(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var k = c + 1;
        if (k < toks.Count && toks[k].IsWord && toks[k].Lower is "more" or "less" or "very" or "so" or "too" or "quite" or "rather" or "somewhat" or "increasingly" or "all" or "especially" or "particularly" or "almost" or "fairly" or "even" or "much" or "far" or "most" or "just")
        {
            k++;
        }

        if (k + 1 >= toks.Count || !FreeLowerWord(s, k))
        {
            return false;
        }

        // a bare "appear"/"seem" reads as seeming only after a modal or "do" ("might seem odd"); "to appear next time" is an appearance
        if (toks[c].Lower is "appear" or "seem" && (!AfterVerbalAux(s, c) || toks[c - 1].Lower == "to"))
        {
            return false;
        }

        var next = toks[k].Lower;
        if (next == "like")
        {
            return !toks[c].Lower.StartsWith("appear", StringComparison.Ordinal) && k == c + 1;
        }

        return !_prepositions.Contains(next) && !_determiners.Contains(next) && !_blockers.Contains(next) && !_pronounSubjects.Contains(next)
            && next is not ("to" or "that" or "off" or "out" or "up" or "down" or "back" or "ahead" or "and" or "or" or "but" or "as" or "if" or "before" or "after" or "here" or "there" or "again" or "now" or "then" or "only" or "not")
            && !CueLexicon.TryGet(next, out _) && !(next.EndsWith("ing", StringComparison.Ordinal) && k == c + 1);
    }

    /// <summary>
    /// "Noting that the fares had doubled, Vahl said …", "After saying he was nervous, the man asked …": a clause opening
    /// the sentence with the -ing form of a cue or act verb (alone or after after/while/before/without/by/upon/despite/
    /// "instead of") speaks for the subject of the main clause; its complement up to the comma that closes it is the content.
    /// The main clause's subject is taken only when another relation of the sentence already names it as its speaker right
    /// after that comma ("…, Vahl said"), so the source is certain.
    /// </summary>
    private void FrontedParticiple6(SentenceInfo s)
    {
        var toks = s.Toks;
        var i = 0;
        if (toks.Count > 2 && toks[0].Lower is "after" or "while" or "before" or "without" or "by" or "upon" or "despite" or "since")
        {
            i = 1;
        }
        else if (toks.Count > 3 && toks[0].Lower == "instead" && toks[1].Lower == "of")
        {
            i = 2;
        }

        if (i + 2 >= toks.Count || s.Used[i] || s.InQuote[i] || !toks[i].IsWord || toks[i].Lower.Length <= 5 || !toks[i].Lower.EndsWith("ing", StringComparison.Ordinal)
            || toks[i].Lower is "speaking" or "talking" or "writing" or "addressing" or "responding" or "seeing" or "learning" or "hearing" or "regarding" or "concerning" or "including" or "following" or "according" or "excluding" or "barring" or "pending")
        {
            return;
        }

        var lower = toks[i].Lower;
        var isCue = CueLexicon.TryGet(lower, out var cls) && !CueLexicon.IsQuoteOnly(lower);
        if (!isCue && !IsActParticiple(lower))
        {
            return;
        }

        var (cueEnd, after) = ParticipleCueEnd(s, i);
        var comma = -1;
        for (var k = after; k < toks.Count && k <= after + 40; k++)
        {
            if (s.Used[k])
            {
                break;
            }

            if (toks[k].Text == "," && !s.InQuote[k])
            {
                comma = k;
                break;
            }
        }

        if (comma <= after || comma + 1 >= toks.Count)
        {
            return;
        }

        var subjectStart = toks[comma + 1].Start;
        Relation? main = null;
        foreach (var rel in _relations)
        {
            if (rel.Paragraph == s.Paragraph && rel.Speaker is { } sp && sp.Start == subjectStart)
            {
                main = rel;
                break;
            }
        }

        if (main?.Speaker is not { } speaker || Trim(s, after, comma) is not { } content)
        {
            return;
        }

        _ = cls;
        var r = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[i].Start, toks[cueEnd].End), Speaker = speaker };
        r.Parts.Add(content);
        MarkUsed(s, i, cueEnd);
        MarkSpanUsed(s, content);
        _relations.Add(r);
    }

    /// <summary>
    /// "Roe appeared on the morning show to defend the plan", "Vahl was the first councillor to endorse her", "he took to
    /// the radio to call the fees a tax": "to" plus a verb of speaking about or taking a side, outside every other relation.
    /// "to" and the verb are the cue, the verb's complement the content, the clause subject the source (none when the
    /// clause has no plausible one, as PolNeAR marks "speaking on condition of anonymity to discuss …").
    /// </summary>
    private void PurposeInfinitive6(SentenceInfo s, int to)
    {
        var toks = s.Toks;
        var v = to + 1;
        if (v + 1 < toks.Count && FreeLowerWord(s, v) && toks[v].Lower.Length > 4 && toks[v].Lower.EndsWith("ly", StringComparison.Ordinal))
        {
            v++; // "to publicly endorse"
        }

        if (v + 1 >= toks.Count || !FreeLowerWord(s, v) || !_purposeVerbs6.Contains(toks[v].Lower))
        {
            return;
        }

        if (toks[to - 1].Lower is "according" or "due" or "prior" or "up" or "down")
        {
            return;
        }

        var isCue = CueLexicon.TryGet(toks[v].Lower, out var cls);
        var cueEnd = CueEnd(s, v);
        var after = cueEnd + 1;
        if (cueEnd == v && after + 1 < toks.Count && toks[after].IsWord && toks[after].Lower is "for" or "about" or "on" or "against" or "at" or "out" or "up")
        {
            cueEnd = after;
            after++;
        }

        // "to talk with police leaders about …", "to explain to reporters that …": the person spoken to is no content
        if (after < toks.Count && toks[after].Lower is "to" or "with")
        {
            return;
        }

        if (after >= toks.Count || s.Used[after] || !(toks[after].IsWord || s.InQuote[after]))
        {
            return;
        }

        // "to address the convention / a rally / CPAC": speaking to an audience, not about a matter
        if (toks[v].Lower == "address" && cueEnd == v && (toks[after].IsCapitalized || toks[after].Lower is "a" or "an"
            || (after + 1 < toks.Count && toks[after].Lower == "the" && _audiences6.Contains(toks[after + 1].Lower))))
        {
            return;
        }

        var objectContent = !isCue || cls == CueClass.Object || cueEnd > v;
        if (ContentForward(s, after, objectContent) is not { } content)
        {
            return;
        }

        var probe = new Relation { Paragraph = s.Paragraph };
        probe.Parts.Add(content);
        if (SpeakerReviser.SubjectForParticiple(s, to, probe, _relations) is not { } sp || sp.End >= to || !PlausibleSubject(s, sp) || !AgentLike(s, sp))
        {
            return;
        }

        // the subject speaks only through a short predicate of its own ("took to the radio", "went out of his way", "has
        // yet", up to nine words); a longer one, or a verb that hands the act to its object ("led Republicans to say"), names someone else
        var words = 0;
        for (var k = sp.End + 1; k < to; k++)
        {
            if (toks[k].IsWord)
            {
                words++;
            }

            if (words > 9 || s.InQuote[k] || toks[k].Text is "," or ";" or ":" || _objectControl6.Contains(toks[k].Lower))
            {
                return;
            }
        }

        AddClause(s, content, to, cueEnd, sp.Start, sp.End);
    }

    /// <summary>Audiences one addresses ("to address the nation").</summary>
    private static readonly FrozenSet<string> _audiences6 = FrozenSet.ToFrozenSet(
        [
            "nation", "country", "convention", "conference", "crowd", "rally", "audience", "meeting", "gathering", "summit",
            "assembly", "congress", "senate", "house", "students", "graduates", "supporters", "delegates", "members", "reporters",
            "press", "forum", "dinner", "luncheon", "group", "event", "session", "council", "chamber", "legislature", "troops",
        ],
        StringComparer.Ordinal);

    /// <summary>
    /// "As one diplomat put it, “…”", "as he puts it: …", "Jeff Weiner, the chief executive, put it in his memo: …": the
    /// noun phrase before "put it" speaks, the words after the comma or colon that closes the phrase are the content.
    /// </summary>
    private void AsOnePutIt6(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var mark = -1;
        for (var k = c + 2; k < toks.Count && k <= c + 12; k++)
        {
            if (s.Used[k] || s.InQuote[k] && toks[k].Kind != TokKind.QuoteMark)
            {
                return;
            }

            if (toks[k].Text is "," or ":")
            {
                mark = k;
                break;
            }
        }

        if (mark < 0 || mark + 1 >= toks.Count || s.Used[mark + 1] || ContentForward(s, mark + 1) is not { } content)
        {
            return;
        }

        if (SpeakerLeft(s, c, ClauseStart(s, c)) is not { } sp || sp.End >= c || !PlausibleSubject(s, sp))
        {
            return;
        }

        AddClause(s, content, c, c + 1, sp.Start, sp.End);
    }

    /// <summary>Verbs whose object, not their subject, performs the infinitive ("led Republicans to say", "urged her to").</summary>
    private static readonly FrozenSet<string> _objectControl6 = FrozenSet.ToFrozenSet(
        [
            "led", "leads", "lead", "drove", "drives", "drive", "prompted", "prompts", "prompt", "allowed", "allows", "allow",
            "allowing", "forced", "forces", "force", "pushed", "pushes", "pushing", "urged", "urges", "asked", "asks", "invited",
            "invites", "encouraged", "encourages", "caused", "causes", "pressed", "presses", "pressured", "told", "tells",
            "called", "calls", "challenged", "challenges", "dared", "persuaded", "convinced", "inspired", "spurred", "got",
            "gets", "wanted", "wants", "expected", "expects", "needed", "needs", "helped", "helps", "help", "enabled", "required",
        ],
        StringComparer.Ordinal);
}
