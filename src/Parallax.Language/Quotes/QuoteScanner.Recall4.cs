using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of round 11 (the cue side: relations whose cue the earlier passes do not recognise at all). Like rounds 9
/// and 10, they run after every other pass of a sentence, over unused tokens only, so they never take a token another
/// relation already holds. Every word list here is hand-written from general English (verb, noun and adjective classes),
/// not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    private void RecallRules4(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 2 < toks.Count; i++)
        {
            if (FreeLowerWord(s, i) && _lightVerbs4.Contains(toks[i].Lower))
            {
                LightVerbNoun4(s, i);
            }
        }

        for (var i = 2; i + 2 < toks.Count; i++)
        {
            if (FreeLowerWord(s, i) && _certaintyAdjectives4.Contains(toks[i].Lower))
            {
                CertaintyBareClause(s, i);
            }
        }

        for (var i = 2; i + 1 < toks.Count; i++)
        {
            if (FreeLowerWord(s, i) && _passiveCues4.Contains(toks[i].Lower))
            {
                PassiveCue(s, i);
            }
        }

        for (var i = 2; i + 2 < toks.Count; i++)
        {
            if (FreeLowerWord(s, i) && _stanceAdjectiveMap4.ContainsKey(toks[i].Lower))
            {
                StanceAdjective(s, i);
            }
        }
    }

    /// <summary>
    /// More adjectives of stance, feeling and candour toward something after a linking verb, with the prepositions that
    /// introduce it ("are tired of", "is aligned with", "were divided over", "has been cagey about", "is bent on"); read by
    /// round 7's stance-adjective rule after every other rule.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> _stanceAdjectiveMap4 = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["tired"] = ["of"], ["weary"] = ["of"], ["sick"] = ["of"], ["aligned"] = ["with"], ["dedicated"] = ["to"], ["divided"] = ["over", "on", "about"],
        ["split"] = ["on", "over"], ["unanimous"] = ["in"], ["united"] = ["in", "behind"], ["impressed"] = ["by", "with"], ["alarmed"] = ["at", "by"],
        ["outraged"] = ["by", "at", "over"], ["offended"] = ["by"], ["disgusted"] = ["by", "with"], ["appalled"] = ["by", "at"], ["horrified"] = ["by", "at"],
        ["troubled"] = ["by"], ["disturbed"] = ["by"], ["encouraged"] = ["by"], ["heartened"] = ["by"], ["excited"] = ["about", "by"],
        ["passionate"] = ["about"], ["ambivalent"] = ["about"], ["open"] = ["to"], ["explicit"] = ["about"], ["blunt"] = ["about"],
        ["candid"] = ["about"], ["frank"] = ["about"], ["honest"] = ["about"], ["silent"] = ["on", "about"], ["quiet"] = ["on", "about"], ["mum"] = ["on", "about"],
        ["cagey"] = ["about", "on"], ["coy"] = ["about"], ["evasive"] = ["about", "on"], ["vague"] = ["about", "on"], ["noncommittal"] = ["on", "about"],
        ["firm"] = ["on", "in"], ["steadfast"] = ["in"], ["unequivocal"] = ["about", "in"], ["unsparing"] = ["in"], ["scathing"] = ["about", "in"],
        ["effusive"] = ["in", "about"], ["upbeat"] = ["about"], ["gloomy"] = ["about"], ["cautious"] = ["about", "on"], ["bent"] = ["on"], ["intent"] = ["on"],
        ["keen"] = ["on"], ["fixated"] = ["on"], ["obsessed"] = ["with"], ["nostalgic"] = ["for", "about"], ["resentful"] = ["of"], ["jealous"] = ["of"],
        ["envious"] = ["of"], ["ashamed"] = ["of"], ["embarrassed"] = ["by", "about"], ["eager"] = ["for"], ["hungry"] = ["for"], ["aggressive"] = ["in"],
        ["clear"] = ["about"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The prepositions a stance adjective takes (round 7's list, then round 11's).</summary>
    private static bool StanceAdjectivePreps(string lower, out string[] preps) =>
        _stanceAdjectiveMap.TryGetValue(lower, out preps!) || _stanceAdjectiveMap4.TryGetValue(lower, out preps!);

    /// <summary>
    /// Past participles of verbs of communication, judgment (praise, blame), naming and appointing, and directing (urge,
    /// order), whose passive reports what someone said of or to the subject without naming who ("was named the winner",
    /// "is listed as the chairman", "was booed", "were urged to vote").
    /// </summary>
    private static readonly FrozenSet<string> _passiveCues4 = FrozenSet.ToFrozenSet(
    [
        "named", "announced", "declared", "identified", "listed", "described", "labeled", "labelled", "dubbed",
        "branded", "hailed", "lambasted", "criticized", "criticised", "praised", "cheered", "cited", 
        "urged", "told", "nominated", "accused", "charged", "blamed", "credited", "billed", "touted", "portrayed",
        "depicted", "characterized", "characterised", "remembered", "interpreted", "attacked", "blasted", "slammed",
        "condemned", "denounced", "mocked", "ridiculed", "rejected", "challenged", 
        "advised", "encouraged", "pressured", "invited", "alleged", "projected", "predicted",
        "estimated", "recognized", "recognised", "applauded", "welcomed", "echoed", 
        "confirmed", "pegged", "tapped", "rated", "favored", "favoured", "targeted", "tipped", "heckled", "grilled",
        "quizzed", "lauded", "commended", "faulted", "chided", "scolded", "rebuked", "ordered", "instructed",
        "asked", "reminded", "assured", "promised", "briefed", "notified", "summoned",
        "endorsed", "backed", "opposed", "criticized", "vilified", "demonized", "demonised", "excoriated",
        "denied", "refused", "reported", "revealed", "publicized", "mentioned", "heralded",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "One of the suspects was named as Syed Farook", "Dahlys Hamilton is listed as the chairman …", "Wasserman Schultz was
    /// booed", "we are now being told that …": a passive cue with no agent phrase. PolNeAR marks the subject and the
    /// complement as two content parts and no source (the sayer is not named), like the raising predicates ("is expected
    /// to"); a subject "it"/"there" is left out ("it was revealed that …").
    /// </summary>
    private void PassiveCue(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var after = c + 1;
        if (toks[after].Lower == "by" || s.Used[after])
        {
            return;
        }

        var b = c - 1;
        while (b > 0 && toks[b].IsWord && !s.Used[b] && ((toks[b].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[b].Lower.Length > 3) || toks[b].Lower is "not" or "also" or "still" or "now" or "never" or "being" or "first" or "once" or "already"))
        {
            b--;
        }

        if (s.Used[b] || toks[b].Lower is not ("is" or "are" or "was" or "were" or "be" or "been" or "being" or "isn't" or "isn’t" or "aren't" or "aren’t" or "wasn't" or "wasn’t" or "weren't" or "weren’t"))
        {
            return;
        }

        var cueStart = b;
        TextSpan? complement = null;
        if (toks[after].IsWord || s.InQuote[after])
        {
            complement = ContentForward(s, after);
            if (complement is null)
            {
                return;
            }
        }

        // "by" later in the clause names an agent, which PolNeAR marks as the source: not this rule's reading
        if (complement is { } cc)
        {
            var (first, last) = s.TokenRange(cc);
            for (var k = first; k >= 0 && k <= last; k++)
            {
                if (toks[k].Lower == "by" && !s.InQuote[k])
                {
                    return;
                }
            }
        }

        // the subject: the noun phrase right before the auxiliaries
        if (SpeakerLeft(s, cueStart, ClauseStart(s, cueStart)) is not { } np || np.End >= cueStart || s.Used[np.Start] || s.Used[np.End])
        {
            return;
        }

        var (start, end) = np;
        var subjectless = start == end && toks[end].Lower is "it" or "there";
        if (subjectless && complement is null)
        {
            return;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[cueStart].Start, toks[c].End) };
        if (!subjectless && Trim(s, start, end + 1) is { } subject)
        {
            rel.Parts.Add(subject);
            MarkSpanUsed(s, subject);
        }

        if (complement is { } cm)
        {
            rel.Parts.Add(cm);
            MarkSpanUsed(s, cm);
        }

        if (rel.Parts.Count == 0)
        {
            return;
        }

        MarkUsed(s, cueStart, c);
        _relations.Add(rel);
    }

    /// <summary>Adjectives of certainty, hope and feeling that take a clause without "that" ("aren't sure they've cracked it").</summary>
    private static readonly FrozenSet<string> _certaintyAdjectives4 = FrozenSet.ToFrozenSet(
    [
        "sure", "certain", "confident", "convinced", "positive", "hopeful", "optimistic", "glad", "happy", "afraid", "worried",
        "aware", "unsure", "uncertain", "persuaded", "adamant", "relieved", "sorry", "thankful", "grateful", "proud",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "They aren't sure they've cracked the case", "Some Democrats are hopeful they can threaten …", "Forty-six percent were
    /// certain they would support …": a linking verb, an adjective of certainty or feeling and a bare clause (a pronoun or a
    /// name opens it). The subject speaks; the linking verb through the adjective is the cue; the clause is the content.
    /// ("… that …" is read by the reporting-adjective rule.)
    /// </summary>
    private void CertaintyBareClause(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var n = toks[i + 1];
        if (s.Used[i + 1] || s.InQuote[i + 1] || !n.IsWord || !(n.Lower is "he" or "she" or "they" or "we" or "i" or "you" or "his" or "her" or "their" or "our" or "the" or "this" or "these" or "those" || IsContractedPronoun(n.Lower) || (n.IsCapitalized && !_prepositions.Contains(n.Lower))))
        {
            return;
        }

        var j = i - 1;
        while (j > 0 && toks[j].IsWord && !s.Used[j] && (toks[j].Lower is "not" or "so" or "very" or "quite" or "fully" or "absolutely" or "pretty" or "now" or "still" or "also" or "more" or "less" or "increasingly" or "all" or "too" or "reasonably" or "fairly" or "completely" or "entirely" or "n't" or "never"))
        {
            j--;
        }

        var cop = toks[j].Lower;
        if (s.Used[j] || !(cop is "is" or "was" or "are" or "were" or "am" or "’m" or "'m" or "’re" or "'re" or "be" or "been" or "isn't" or "isn’t" or "wasn't" or "wasn’t" or "aren't" or "aren’t" or "weren't" or "weren’t"
            or "seem" or "seems" or "seemed" or "feel" or "feels" or "felt" or "remain" or "remains" or "remained" or "became" or "become"))
        {
            return;
        }

        var np = SpeakerLeft(s, j, ClauseStart(s, j));
        if (np is not { } l || l.End >= j || (l.Start == l.End && toks[l.Start].Lower is "it" or "there" or "this" or "that" or "which"))
        {
            return;
        }

        if (ContentForward(s, i + 1) is { } content)
        {
            AddClause(s, content, j, i, l.Start, l.End);
        }
    }

    /// <summary>Verbs that carry a noun of speech, opinion or stance ("had harsh words for", "raised concerns about", "voiced doubts about").</summary>
    private static readonly FrozenSet<string> _lightVerbs4 = FrozenSet.ToFrozenSet(
    [
        "make", "makes", "made", "give", "gives", "gave", "given", "deliver", "delivers", "delivered", "have", "has", "had",
        "offer", "offers", "offered", "express", "expresses", "expressed", "voice", "voices", "voiced", "raise", "raises",
        "raised", "issued", "share", "shares", "shared", "aired", "level", "levels", "leveled", "levelled", "lodge", "lodges",
        "lodged", "pose", "poses", "posed", "trade", "traded", "launch", "launches", "launched", "hurl", "hurls", "hurled",
        "register", "registers", "registered", "repeat", "repeats", "repeated", "reiterate", "reiterates", "reiterated",
    ], StringComparer.Ordinal);

    /// <summary>Nouns of speech, opinion, feeling toward something and stance that a light verb carries.</summary>
    private static readonly FrozenSet<string> _lightNouns4 = FrozenSet.ToFrozenSet(
    [
        "word", "words", "opinion", "opinions", "view", "views", "doubt", "doubts", "question", "questions", "concern", "concerns",
        "testimony", "testimonial", "testimonials", "assurance", "assurances", "remark", "remarks", "comment", "comments",
        "argument", "arguments", "criticism", "criticisms", "praise", "warning", "warnings", "message", "messages", "complaint",
        "complaints", "charge", "charges", "accusation", "accusations", "objection", "objections", "thoughts", "reservations",
        "misgivings", "qualms", "advice", "prediction", "predictions", "recommendation", "recommendations", "suggestion",
        "suggestions", "demand", "demands", "request", "requests", "appeal", "appeals", "announcement", "announcements",
        "statement", "statements", "speech", "speeches", "case", "pitch", "plea", "pleas", "attack", "attacks", "defense",
        "defence", "support", "opposition", "endorsement", "endorsements", "address", "feelings", "sentiment", "sentiments",
        "assessment", "assessments", "critique", "critiques", "insight", "insights", "tribute", "tributes", "apology",
        "apologies", "promise", "promises", "pledge", "pledges", "vow", "vows", "proposal", "proposals", "plan", "plans",
        "idea", "ideas", "claim", "claims", "allegation", "allegations", "rebuttal", "response", "responses", "reply",
        "answer", "answers", "explanation", "ultimatum", "compliment", "compliments", "jab", "jabs", "swipe", "swipes",
        "dig", "digs", "barb", "barbs", "insult", "insults", "rebuke", "condemnation", "denunciation", "reference",
        "references", "joke", "jokes", "observation", "observations", "reminder", "vision", "take", "verdict",
        "judgment", "judgement", "impression", "impressions", "stance", "position", "positions", "reaction", "reactions",
        "enthusiasm", "admiration", "disdain", "contempt", "sympathy", "affection", "respect", "skepticism", "scepticism",
        "fears", "worries", "hopes", "hope", "confidence", "faith", "trust", "interest", "regrets", "regret",
    ], StringComparer.Ordinal);

    /// <summary>Verbs of receiving, undergoing or holding that may stand between "has" and the noun ("has faced criticism for", "has drawn the support of"): the subject is then not the source.</summary>
    private static readonly FrozenSet<string> _receivingVerbs4 = FrozenSet.ToFrozenSet(
    [
        "faced", "endured", "fielded", "received", "attracted", "won", "earned", "got", "gotten", "drawn", "drew", "heard",
        "weathered", "absorbed", "dropped", "helped", "invited", "welcomed", "sought", "solicited", "taken", "lost", "gained",
        "renewed", "escaped", "avoided", "dodged", "become", "faces", "receives", "draws", "wins", "earns", "gets",
    ], StringComparer.Ordinal);

    /// <summary>Nouns whose "of" phrase names the holder when they follow "the" ("has the support of X", "drew the backing of X").</summary>
    private static readonly FrozenSet<string> _heldNouns4 = FrozenSet.ToFrozenSet(
    [
        "support", "endorsement", "endorsements", "appeal", "interest", "praise", "confidence", "trust", "respect", "admiration",
        "sympathy", "backing", "attention", "enthusiasm", "affection", "faith",
    ], StringComparer.Ordinal);

    /// <summary>
    /// A light verb with a noun of speech, opinion or stance and the preposition that introduces its topic: "had harsh words
    /// for the board", "raised new questions about whether …", "expressed their support for Roe", "have a negative response
    /// to her nomination", "has some advice for Democrats". The subject speaks; the verb through the preposition is the cue;
    /// the complement, to the end of its phrase, is the content. A wider list than round 7's light verbs (make, give,
    /// deliver, take), which run first.
    /// </summary>
    private void LightVerbNoun4(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var k = i + 1;
        while (k < toks.Count && k <= i + 4 && toks[k].IsWord && !s.Used[k] && !s.InQuote[k] && !toks[k].IsCapitalized && !_lightNouns4.Contains(toks[k].Lower)
            && !_prepositions.Contains(toks[k].Lower) && (!_blockers.Contains(toks[k].Lower) || toks[k].Lower is "this" or "these" or "those" or "no" or "some"))
        {
            if (_receivingVerbs4.Contains(toks[k].Lower))
            {
                return;
            }

            k++;
        }

        if (k + 2 >= toks.Count || !_lightNouns4.Contains(toks[k].Lower) || s.Used[k] || s.Used[k + 1] || s.InQuote[k + 1])
        {
            return;
        }

        var p = toks[k + 1].Lower;
        if (p is not ("to" or "of" or "for" or "on" or "against" or "about" or "that" or "over" or "toward" or "towards" or "with" or "regarding") || s.Used[k + 2])
        {
            return;
        }

        // "has the support of X": the "of" phrase holds the stance
        if (p == "of" && _heldNouns4.Contains(toks[k].Lower) && !(toks[i].Lower.StartsWith("ma", StringComparison.Ordinal) || toks[i].Lower.StartsWith("gave", StringComparison.Ordinal) || toks[i].Lower.StartsWith("giv", StringComparison.Ordinal)
            || toks[i].Lower.StartsWith("offer", StringComparison.Ordinal) || toks[i].Lower.StartsWith("express", StringComparison.Ordinal) || toks[i].Lower.StartsWith("voice", StringComparison.Ordinal)))
        {
            return;
        }

        var prev = toks[i - 1].Lower;
        if (prev is "was" or "were" or "been" or "being" or "be" or "is" or "are" || _receivingVerbs4.Contains(prev))
        {
            return;
        }

        // a base form is finite only after a modal, "do" or "to", or right after a pronoun or plural subject ("they have doubts about")
        var lower = toks[i].Lower;
        var baseForm = lower is "make" or "give" or "deliver" or "have" or "offer" or "express" or "voice" or "raise" or "share" or "level" or "lodge" or "pose" or "trade" or "launch" or "hurl" or "register" or "repeat" or "reiterate";
        if (baseForm && !AfterVerbalAux(s, i) && !(prev is "they" or "we" or "i" or "you" || (toks[i - 1].IsWord && prev.EndsWith('s') && !prev.EndsWith("ss", StringComparison.Ordinal) && !_blockers.Contains(prev))))
        {
            return;
        }

        AddNounCueClause(s, i, k, p);
    }

    /// <summary>
    /// A speech verb that also takes an infinitive ("pledged", "vowed", "promised", "warned") followed by "to" and a verb:
    /// the infinitive is the content ("Germany pledged to bolster its military, reversing …"), not an addressee phrase to
    /// skip ("said to reporters, …").
    /// </summary>
    private static bool SpeechTakesInfinitive(SentenceInfo s, string lower, int after, bool finite)
    {
        var toks = s.Toks;
        if (!finite || after + 1 >= toks.Count || toks[after].Lower != "to" || !CueLexicon.TakesInfinitive(lower) || s.Used[after + 1] || s.InQuote[after + 1])
        {
            return false;
        }

        var next = toks[after + 1];
        return next.IsWord && !next.IsCapitalized && !char.IsDigit(next.Text[0]) && !_determiners.Contains(next.Lower) && !_objectPronouns.Contains(next.Lower)
            && !_pronounSubjects.Contains(next.Lower) && !_prepositions.Contains(next.Lower) && next.Lower is not ("his" or "her" or "their" or "its" or "our" or "my" or "your" or "reporters" or "voters" or "supporters");
    }
}
