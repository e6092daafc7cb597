using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Precision rules of round 13: a last pass over the finished relations of a text that drops readings of a cue word that
/// are not reports (a linking "proved difficult", a noun "the swing states voting Tuesday") and ends a content at the
/// comma that closes a fronted subordinate clause ("Although Roe backed the plan, the council voted no"). The word lists
/// are hand-written from general English, not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>
    /// Verb forms that report only with a that-clause: with a bare complement they are linking or plain transitive verbs
    /// ("the primary proved decisive", "it means he still has a chance", "maintained a lead", "find work").
    /// </summary>
    private static readonly FrozenSet<string> _thatOnlyForms13 = FrozenSet.ToFrozenSet(
    [
        "prove", "proves", "proved", "proven", "proving", "mean", "means", "meant", "maintain", "maintains", "maintained",
        "find",
    ], StringComparer.Ordinal);

    /// <summary>Forms of "vote" that are mostly nouns or adjectives ("votes scheduled", "voting rights", "states voting Tuesday") unless a preposition of choice follows.</summary>
    private static readonly FrozenSet<string> _voteForms13 = FrozenSet.ToFrozenSet(["vote", "votes", "voting"], StringComparer.Ordinal);

    /// <summary>Words that open a fronted subordinate clause; its first comma ends it ("When Roe said X, the crowd cheered").</summary>
    private static readonly FrozenSet<string> _subordinators13 = FrozenSet.ToFrozenSet(
    [
        "although", "though", "while", "if", "when", "as", "because", "after", "before", "since", "despite", "whereas",
        "unless", "once", "until", "whether", "whenever", "wherever", "with",
    ], StringComparer.Ordinal);

    /// <summary>Words that may stand before a subordinator at the sentence start ("But when …", "Even though …", "Now that …", "Given that …").</summary>
    private static readonly FrozenSet<string> _subordinatorLeads13 = FrozenSet.ToFrozenSet(
        ["but", "and", "yet", "so", "still", "now", "even", "ever", "given", "just", "only", "then"], StringComparer.Ordinal);

    /// <summary>Runs once after every relation of the text is found and its speaker repaired.</summary>
    private void PrecisionRules13()
    {
        _relations.RemoveAll(WeakReading13);
        foreach (var rel in _relations)
        {
            EndFrontedClause13(rel);
            ContinueAfterAccordingTo13(rel);
        }
    }

    /// <summary>Verbs that continue a subject interrupted by a parenthetical "according to" ("The implication, according to X, is that …").</summary>
    private static readonly FrozenSet<string> _continuingVerbs13 = FrozenSet.ToFrozenSet(
    [
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must",
        "did", "does", "do", "include", "includes", "included", "remain", "remains", "remained",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "The implication, according to the aide, is that Roe cheated": a short subject (at most ten words) before a
    /// parenthetical "according to X," whose next word is a finite verb goes on after the parenthetical, to the sentence
    /// end; the predicate is the content's second part (before, only the subject was the content).
    /// </summary>
    private void ContinueAfterAccordingTo13(Relation rel)
    {
        if (rel.Direct || rel.Cue is not { } cue || rel.Parts.Count != 1 || cue.Start < rel.Parts[0].End
            || !_text.AsSpan(cue.Start, cue.Length).Equals("according to", StringComparison.OrdinalIgnoreCase)
            || SentenceAt13(cue.Start) is not { } s)
        {
            return;
        }

        var toks = s.Toks;
        int words = 0, k = 0;
        for (; k < toks.Count && toks[k].Start < cue.Start; k++)
        {
            if (toks[k].IsWord && toks[k].Start >= rel.Parts[0].Start && ++words > 10)
            {
                return;
            }
        }

        // the source phrase: up to the next comma, no sentence-internal stop before it
        for (; k < toks.Count && toks[k].Text != ","; k++)
        {
            if (toks[k].Text is "." or ";" or ":" or "?" or "!")
            {
                return;
            }
        }

        var v = k + 1;
        if (v >= toks.Count || !_continuingVerbs13.Contains(toks[v].Text))
        {
            return;
        }

        var last = toks.Count - 1;
        while (last > v && !toks[last].IsWord && toks[last].Text is "." or "!" or "?")
        {
            last--;
        }

        for (var u = v; u <= last; u++)
        {
            if (s.Used[u])
            {
                return; // another relation holds a token of the predicate
            }
        }

        rel.Parts.Add(new TextSpan(toks[v].Start, toks[last].End));
    }

    /// <summary>
    /// A cue read before a clause content whose words are no report: a that-only verb without "that" ("proved
    /// difficult"), a noun-like "vote/votes/voting" without for/against/to ("key voting group"), "known" with a bare
    /// object ("who had known him for years"), "state(s)" after neither a pronoun, a document nor a name with "that" ("Western
    /// states that …", "30 states voting"), a plural noun of speech followed by its own predicate ("Roe's remarks came
    /// a day later", "Her comments were directed at the board").
    /// </summary>
    private bool WeakReading13(Relation rel)
    {
        if (rel.Direct || rel.Cue is not { } cue || rel.Parts.Count == 0)
        {
            return false;
        }

        if (cue.Start >= rel.Parts[^1].End)
        {
            return PollStanding13(rel, cue);
        }

        if (cue.End > rel.Parts[0].Start)
        {
            return false;
        }

        var cueWord = _text[cue.Start..cue.End];
        if (cueWord == ":")
        {
            return NameList13(rel.Parts[0]);
        }

        if (cueWord.Length == 0 || !char.IsLower(cueWord[0]))
        {
            return false;
        }

        var first = FirstWord13(rel.Parts[0]);
        if (_thatOnlyForms13.Contains(cueWord))
        {
            return first != "that";
        }

        if (_voteForms13.Contains(cueWord))
        {
            return first is not ("for" or "against" or "to");
        }

        if (_speechNouns13.Contains(cueWord) && _nounPredicates13.Contains(first))
        {
            return true;
        }

        if (cueWord is "state" or "states")
        {
            return !StatingSubject13(rel, first);
        }

        return cueWord == "known" && first is not ("that" or "to" or "as" or "for");
    }

    /// <summary>Subjects that state things: pronouns and documents ("it states", "the bill states that …").</summary>
    private static readonly FrozenSet<string> _statingSubjects13 = FrozenSet.ToFrozenSet(
    [
        "it", "he", "she", "they", "this", "which", "that", "report", "law", "statement", "letter", "ad", "memo", "rule", "bill",
        "constitution", "policy", "guidance", "website", "site", "document", "order", "filing", "complaint", "lawsuit", "suit",
        "book", "article", "post", "release", "notice", "agreement", "platform", "resolution", "text", "label", "sign", "page",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "state"/"states" is a verb after a pronoun or a document ("the bill states that …"), or after a name with a that-clause
    /// ("Roe states that …"); after anything else it is mostly the noun ("30 states", "Western states that …", "state
    /// parties release …").
    /// </summary>
    private bool StatingSubject13(Relation rel, string first)
    {
        if (rel.Speaker is not { } sp)
        {
            return false;
        }

        var speaker = _text.AsSpan(sp.Start, sp.Length).TrimEnd();
        var space = speaker.LastIndexOf(' ');
        var last = speaker[(space + 1)..];
        if (last.IsEmpty)
        {
            return false;
        }

        return _statingSubjects13.Contains(last.ToString().ToLowerInvariant())
            || (first == "that" && char.IsUpper(speaker[0]) && char.IsUpper(last[0]));
    }

    /// <summary>Plural nouns of speech that the clause patterns may read as verbs ("Roe's remarks came a day later").</summary>
    private static readonly FrozenSet<string> _speechNouns13 = FrozenSet.ToFrozenSet(
        ["comments", "remarks", "attacks", "charges", "statements", "questions"], StringComparer.Ordinal);

    /// <summary>Finite verbs whose subject such a noun is when they open the "content" ("remarks were …", "comments came …").</summary>
    private static readonly FrozenSet<string> _nounPredicates13 = FrozenSet.ToFrozenSet(
    [
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must",
        "came", "come", "comes", "followed", "follow", "signal", "signals", "loomed", "drew", "sparked", "prompted", "caused",
        "angered", "made", "seemed", "appeared", "became", "remain", "remained",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "Mr. Roe sits at single digits in the polls": "in" plus an unnamed plural "polls"/"surveys" after a clause is where
    /// a candidate stands, not the source of the clause (a named or single poll, "in a Velin Courier poll", still is).
    /// </summary>
    private bool PollStanding13(Relation rel, TextSpan cue)
    {
        if (!_text.AsSpan(cue.Start, cue.Length).Equals("in", StringComparison.Ordinal) || rel.Speaker is not { } sp)
        {
            return false;
        }

        var speaker = _text.AsSpan(sp.Start, sp.Length).TrimEnd();
        return speaker.EndsWith(" polls", StringComparison.Ordinal) || speaker.EndsWith(" surveys", StringComparison.Ordinal);
    }

    /// <summary>A colon lead before a list of at least four names ("Velin: Ada Roe, Piet Brandt, Lena Vahl, Jon Fenn"): a roster, not a statement.</summary>
    private bool NameList13(TextSpan part)
    {
        var items = 0;
        var start = part.Start;
        for (var k = part.Start; k <= part.End; k++)
        {
            if (k < part.End && _text[k] != ',')
            {
                continue;
            }

            var item = _text.AsSpan(start, k - start).Trim();
            start = k + 1;
            if (item.IsEmpty)
            {
                continue;
            }

            var words = 0;
            foreach (var range in item.Split(' '))
            {
                var word = item[range];
                if (word.IsEmpty)
                {
                    continue;
                }

                if (++words > 4 || !(char.IsUpper(word[0]) || word.SequenceEqual("and")))
                {
                    return false;
                }
            }

            items++;
        }

        return items >= 4;
    }

    /// <summary>The first word of <paramref name="part"/>, lower-cased ("" when there is none).</summary>
    private string FirstWord13(TextSpan part)
    {
        var k = part.Start;
        while (k < part.End && !char.IsLetterOrDigit(_text[k]))
        {
            k++;
        }

        var e = k;
        while (e < part.End && char.IsLetterOrDigit(_text[e]))
        {
            e++;
        }

        return _text[k..e].ToLowerInvariant();
    }

    /// <summary>
    /// "Although Roe backed the plan, the council voted no": a cue inside a fronted subordinate clause (the sentence opens
    /// with although/while/when/as/if …, and no comma stands between the sentence start and the content) reports only up
    /// to the comma that closes that clause; the main clause after it is not what the speaker said.
    /// </summary>
    private void EndFrontedClause13(Relation rel)
    {
        if (rel.Direct || rel.Cue is not { } cue || rel.Parts.Count == 0 || cue.End > rel.Parts[0].Start)
        {
            return;
        }

        var s = SentenceAt13(cue.Start);
        if (s is null)
        {
            return;
        }

        var toks = s.Toks;
        var f = 0;
        while (f < toks.Count && !toks[f].IsWord)
        {
            f++;
        }

        if (f == toks.Count)
        {
            return;
        }

        if (!_subordinators13.Contains(toks[f].Lower))
        {
            var g = f + 1;
            if (!_subordinatorLeads13.Contains(toks[f].Lower) || g >= toks.Count || !toks[g].IsWord
                || !(_subordinators13.Contains(toks[g].Lower) || toks[g].Lower == "that"))
            {
                return;
            }

            f = g;
        }

        var contentStart = rel.Parts[0].Start;
        var contentEnd = rel.Parts[^1].End;
        var comma = -1;
        for (var k = f + 1; k < toks.Count && toks[k].Start < contentEnd; k++)
        {
            if (toks[k].Text != ",")
            {
                continue;
            }

            if (toks[k].Start < contentStart)
            {
                return; // the fronted clause closed before the content: the cue is in the main clause
            }

            if (toks[k].End < _text.Length && _text[toks[k].End] == ' ' && !s.InQuote[k])
            {
                comma = toks[k].Start;
                break;
            }
        }

        if (comma <= contentStart)
        {
            return;
        }

        for (var p = rel.Parts.Count - 1; p >= 0; p--)
        {
            var part = rel.Parts[p];
            if (part.Start >= comma)
            {
                rel.Parts.RemoveAt(p);
            }
            else if (part.End > comma)
            {
                rel.Parts[p] = new TextSpan(part.Start, comma);
            }
        }
    }

    private SentenceInfo? SentenceAt13(int pos) => SentenceInfo.At(_sentences, pos);
}
