using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of session 12 (round 16). Like rounds 9–15 they run after every other pass of a sentence, over unused
/// tokens only, so they never take a token another relation already holds. The word lists are hand-written from general
/// English, not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>Nouns of thought and speech that take their content after a copula ("the question is whether …", "their fear is that …").</summary>
    private static readonly FrozenSet<string> _copulaNouns9 = FrozenSet.ToFrozenSet(
    [
        "question", "idea", "hope", "fear", "concern", "worry", "argument", "message", "point", "thinking", "assumption",
        "belief", "claim", "theory", "view", "sense", "consensus", "expectation", "assessment", "feeling", "thought",
        "suspicion", "conclusion", "bet", "calculation", "reasoning", "logic", "pitch", "answer", "response",
        "contention", "implication", "suggestion", "warning", "complaint", "criticism", "takeaway", "lesson", "hunch",
        "premise", "notion", "perception", "impression", "wager", "gamble", "promise", "pledge", "insistence",
    ], StringComparer.Ordinal);

    private void RecallRules9(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (!FreeLowerWord(s, i))
            {
                continue;
            }

            if (RelativeThatBefore9(s, i) >= 0)
            {
                ThatRelative9(s, i);
            }

            if (FreeLowerWord(s, i) && toks[i].Lower is "is" or "was" or "remains" or "remained" or "been")
            {
                NounCopula9(s, i);
            }
        }
    }

    /// <summary>
    /// Index of a relative "that" standing before token <paramref name="c"/> (adverbs and auxiliaries other than "be"
    /// between) right after a noun, else −1.
    /// </summary>
    private static int RelativeThatBefore9(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var j = BeforeAuxiliaries8(s, c);

        if (j < 2 || s.Used[j] || s.InQuote[j] || toks[j].Lower != "that")
        {
            return -1;
        }

        var n = toks[j - 1];
        if (!n.IsWord || s.Used[j - 1] || s.InQuote[j - 1] || _blockers.Contains(n.Lower) || _prepositions.Contains(n.Lower) || _pronounSubjects.Contains(n.Lower)
            || _determiners.Contains(n.Lower) || CueLexicon.TryGet(n.Lower, out _) || ActLexicon.TryGet(n.Lower, out _) || _thatComplementHeads9.Contains(n.Lower)
            || n.Lower.EndsWith("ly", StringComparison.Ordinal) || n.Lower.EndsWith("ed", StringComparison.Ordinal) || char.IsDigit(n.Text[0]))
        {
            return -1;
        }

        return j;
    }

    /// <summary>Irregular past forms of cue verbs (the "-ed" test catches the regular ones).</summary>
    private static readonly FrozenSet<string> _pastCues9 = FrozenSet.ToFrozenSet(
        ["thought", "found", "knew", "felt", "heard", "meant", "saw", "chose", "held", "read", "bet", "swore", "shot", "hoped"], StringComparer.Ordinal);

    /// <summary>Words before "that" that take a complement clause, not a relative one ("the fact that", "so sure that", "now that").</summary>
    private static readonly FrozenSet<string> _thatComplementHeads9 = FrozenSet.ToFrozenSet(
    [
        "fact", "idea", "notion", "news", "claim", "claims", "belief", "sense", "argument", "hope", "hopes", "fear", "fears",
        "view", "assumption", "possibility", "chance", "chances", "likelihood", "evidence", "sign", "signs", "proof", "word",
        "suggestion", "suggestions", "reports", "report", "allegation", "allegations", "concern", "concerns", "worry",
        "worries", "warning", "warnings", "speculation", "rumors", "rumours", "assurance", "assurances", "promise", "message",
        "impression", "feeling", "conclusion", "theory", "point", "reminder", "recognition", "realization", "insistence",
        "clear", "sure", "aware", "certain", "likely", "unlikely", "possible", "obvious", "evident", "true", "confident",
        "convinced", "concerned", "worried", "glad", "happy", "afraid", "proud", "sorry", "so", "such", "now", "given",
        "except", "way", "time", "times", "day", "days", "year", "years", "moment", "extent", "degree",
        "all", "much", "is", "than", "like", "about", "unaware", "unclear", "important", "crucial", "essential", "ironic",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "an organization that endorsed Sanders", "super PACs that sided with Cruz": a cue or act verb in a "that" relative
    /// clause. PolNeAR names the relative pronoun or the noun before it about equally often, so the speaker is the noun
    /// phrase's head with the pronoun ("organization that", a capitalised name back to its first word); the object or
    /// clause after the verb is the content. A time word or a gerund before "that" is no agent.
    /// </summary>
    private void ThatRelative9(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var rp = RelativeThatBefore9(s, c);
        var lower = toks[c].Lower;
        // present tense only: "a non-profit that advocates for …", "ads that slam …" characterise a standing position; a past
        // verb is mostly an event PolNeAR leaves out ("the PAC that backed Rubio", "groups that signed the letter")
        var isCue = CueLexicon.TryGet(lower, out var cls) && !CueLexicon.IsQuoteOnly(lower) && !lower.EndsWith("ing", StringComparison.Ordinal)
            && !lower.EndsWith("ed", StringComparison.Ordinal) && !_irregularPastVerbs.Contains(lower) && !_pastCues9.Contains(lower);
        var isAct = !isCue && ActLexicon.TryGet(lower, out var form) && !CueLexicon.TryGet(lower, out _) && form == ActForm.Present;
        if (!isCue && !isAct)
        {
            return;
        }

        if (isAct)
        {
            cls = CueClass.Object;
        }

        var head = rp - 1;
        if (_timeWords.Contains(toks[head].Lower) || _calendarWords.Contains(toks[head].Lower) || toks[head].Lower.EndsWith("ing", StringComparison.Ordinal) || toks[head].Lower is "turn" or "way" or "morning" or "night" or "evening" or "afternoon")
        {
            return;
        }

        while (head > 0 && toks[head].IsCapitalized && toks[head - 1].IsCapitalized && !s.Used[head - 1] && rp - head < 5)
        {
            head--;
        }

        if (VerbContent7(s, c, cls) is (var cueEnd, var content))
        {
            AddClause(s, content, c, cueEnd, head, rp);
        }
    }

    /// <summary>
    /// "The question is whether …", "Their fear is that …", "Trump's argument has been that …": a noun of thought or
    /// speech whose content follows a copula. A possessive before the noun speaks; after an article nobody does (PolNeAR
    /// leaves "the question is whether" without a source). The cue runs from the noun (and its adjectives) to the copula.
    /// </summary>
    private void NounCopula9(SentenceInfo s, int v)
    {
        var toks = s.Toks;
        var w = v + 1;
        if (w >= toks.Count || s.Used[w] || s.InQuote[w] || toks[w].Lower is not ("that" or "whether"))
        {
            return;
        }

        var n = v - 1;
        if (toks[v].Lower == "been" && n > 0 && toks[n].Lower is "has" or "had" && !s.Used[n])
        {
            n--;
        }

        if (n < 1 || s.Used[n] || s.InQuote[n] || !_copulaNouns9.Contains(toks[n].Lower))
        {
            return;
        }

        // back over up to two modifiers to the determiner or possessive
        var d = n - 1;
        while (d > 0 && n - d <= 2 && toks[d].IsWord && !s.Used[d] && !toks[d].IsCapitalized && !_determiners.Contains(toks[d].Lower) && !_blockers.Contains(toks[d].Lower)
            && !_prepositions.Contains(toks[d].Lower) && !CueLexicon.TryGet(toks[d].Lower, out _) && !ActLexicon.TryGet(toks[d].Lower, out _))
        {
            d--;
        }

        if (d < 0 || s.Used[d] || s.InQuote[d] || !toks[d].IsWord)
        {
            return;
        }

        var det = toks[d].Lower;
        int sp;
        if (det is "his" or "her" or "their" or "our" or "my" or "its" or "your" || det.EndsWith("'s", StringComparison.Ordinal) || det.EndsWith("’s", StringComparison.Ordinal))
        {
            sp = d;
        }
        else if (det is "the" or "a" or "one" or "another")
        {
            sp = -1;
        }
        else
        {
            return;
        }

        if (ContentForward(s, w) is { } content)
        {
            AddClause(s, content, d + 1, v, sp, sp);
        }
    }
}
