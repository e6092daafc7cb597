using System.Collections.Frozen;
using Parallax.Core;
using Parallax.Language.Text;

namespace Parallax.Language.Quotes;

/// <summary>
/// A second look at each relation's speaker once the scanner has found every relation of the text (rules in
/// docs/quotes.md, "Speaker revision"). The scanner picks the noun phrase next to the cue; that is wrong when the cue
/// is a participle after an object ("sent a letter this week urging …"), when the phrase is an adverbial ("On Sunday",
/// "Despite …", a dateline), when the cue is coordinated ("… smiled and said"), or when the cue is passive ("was
/// asked"). The replacement is the subject of the clause the cue belongs to. Pure: reads the text and tokens, changes
/// only <see cref="Relation.Speaker"/>.
/// </summary>
internal static class SpeakerReviser
{
    private static readonly FrozenSet<string> _pronouns = FrozenSet.ToFrozenSet(
        ["he", "she", "they", "we", "i", "you", "it"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _determiners = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "some", "many", "most", "several", "other",
        "both", "two", "three", "four", "five", "all", "another", "one", "each", "few", "more", "no",
    ], StringComparer.Ordinal);

    /// <summary>Words that open a sentence-initial adverbial or subordinate phrase closed by a comma ("On Sunday,", "When X did Y,").</summary>
    private static readonly FrozenSet<string> _openers = FrozenSet.ToFrozenSet(
    [
        "in", "on", "at", "after", "before", "when", "while", "as", "despite", "besides", "following", "with", "without",
        "although", "though", "since", "because", "if", "during", "for", "from", "by", "over", "under", "unlike", "like",
        "amid", "asked", "earlier", "later", "last", "this", "once", "until", "whether", "to", "of", "upon", "instead",
        "according", "throughout", "within", "shortly", "just", "back", "even", "speaking", "addressing", "writing",
        "yesterday", "today", "tonight", "here", "there", "now", "then", "still", "meanwhile", "however", "indeed", "also",
        "moreover", "furthermore", "perhaps", "ultimately", "separately", "similarly", "likewise", "nonetheless",
        "inside", "outside", "late", "early", "around", "near", "across", "between", "behind", "beyond", "toward", "towards",
        "against", "among", "about", "along", "into", "onto", "out", "through", "via", "where", "given", "based",
        "alongside", "beside", "besides", "amid", "amidst",
    ], StringComparer.Ordinal);

    /// <summary>Single words skipped at the start of a clause ("But he …", "And then they …").</summary>
    private static readonly FrozenSet<string> _lead = FrozenSet.ToFrozenSet(
        ["and", "but", "so", "yet", "or", "nor", "then", "also", "still", "now", "thus", "hence", "plus"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _aux = FrozenSet.ToFrozenSet(
    [
        "has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will", "would", "could", "can", "may",
        "might", "must", "should", "did", "does", "do", "not", "never", "also", "then", "later", "again", "already",
        "still", "even", "just", "only", "first", "once", "soon", "now", "all", "both", "each", "too", "reportedly",
        "quickly", "immediately", "repeatedly", "publicly", "privately", "recently", "previously", "often", "ever", "cannot",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _weekdaysAndMonths = FrozenSet.ToFrozenSet(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "last", "this", "earlier", "later",
    ], StringComparer.Ordinal);

    /// <summary>Words after a capitalised "-ing" word that make it a participle ("Speaking in …", "Following an …") rather than a name.</summary>
    private static readonly FrozenSet<string> _afterGerund = FrozenSet.ToFrozenSet(
        ["in", "on", "at", "to", "with", "from", "after", "before", "about", "the", "a", "an", "his", "her", "their", "its", "through", "during", "for", "up", "out", "off", "back", "over"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> _timeWords = FrozenSet.ToFrozenSet(
    [
        "on", "in", "at", "last", "this", "past", "next", "early", "late", "earlier", "later", "the", "a", "since", "during",
        "year", "years", "week", "weeks", "month", "months", "night", "time", "day", "days", "morning", "evening",
        "afternoon", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "ago", "recently", "yesterday", "today", "tonight", "first", "for", "of", "season", "summer", "spring", "fall",
        "winter", "decade", "century", "hours", "hour", "minutes", "moments", "once", "again", "also", "few", "several", "point",
    ], StringComparer.Ordinal);

    /// <summary>Revises the speakers of <paramref name="relations"/> in place; <paramref name="sentences"/> are the scanner's, in text order.</summary>
    public static void Revise(string text, IReadOnlyList<SentenceInfo> sentences, List<Relation> relations)
    {
        if (sentences.Count == 0)
        {
            return;
        }

        foreach (var rel in relations)
        {
            if (rel.Cue is not { } cue || cue.End > text.Length)
            {
                continue;
            }

            var s = SentenceInfo.At(sentences, cue.Start);
            if (s is null)
            {
                continue;
            }

            var c = FirstTokenAt(s, cue.Start);
            if (c < 0 || s.InQuote[c])
            {
                continue;
            }

            Revise(s, c, rel, relations);
        }
    }

    private static void Revise(SentenceInfo s, int c, Relation rel, List<Relation> relations)
    {
        var toks = s.Toks;
        var cueWord = toks[c].Lower;
        var sp = rel.Speaker is { } span ? s.TokenRange(span) : (-1, -1);
        var hasSpeaker = sp.Item1 >= 0;
        if (rel.Speaker is not null && !hasSpeaker)
        {
            return; // speaker outside this sentence: a continuing quotation or an earlier colon lead
        }

        if (rel.ObjectNominal && hasSpeaker && ClauseSubject(s, sp.Item1, rel) is { } clauseSubject && clauseSubject.End < sp.Item1)
        {
            Set(s, rel, clauseSubject); // "They are focused on the NRA's opposition to …": the subject's act is the relation
            return;
        }

        if (hasSpeaker && sp.Item1 == sp.Item2 && sp.Item2 < c && toks[sp.Item1].Lower is "who" or "which" && Antecedent(s, sp.Item1, c) is { } antecedent && !InContent(s, rel, antecedent.Start))
        {
            Set(s, rel, antecedent);
            return;
        }

        var participle = cueWord.EndsWith("ing", StringComparison.Ordinal) && cueWord.Length > 4 && cueWord is not ("according" or "during" or "something" or "nothing" or "thing");
        if (participle)
        {
            if (hasSpeaker && sp.Item1 > c)
            {
                return; // "quoting her saying …": the speaker follows the cue
            }

            if (hasSpeaker && TrailingCue(s, sp.Item1, sp.Item2) is { } named)
            {
                Set(s, rel, named); // "…, Spicer said, adding …" read as one phrase: keep the name before the verb
                return;
            }

            if (hasSpeaker && !ReplaceableForParticiple(s, sp.Item1, sp.Item2, c))
            {
                return;
            }

            if (hasSpeaker && (toks[sp.Item1].IsCapitalized || _determiners.Contains(toks[sp.Item1].Lower)) && !IsAdverbial(s, sp.Item1, sp.Item2)
                && NounPhrase(s, sp.Item1, sp.Item2 + 1) is { } head && head.End + 2 <= sp.Item2 && IsObjectVerb(s.Toks[head.End + 1])
                && (_determiners.Contains(s.Toks[head.End + 2].Lower) || s.Toks[head.End + 2].Lower is "out" or "up")
                && !Enumerable.Range(sp.Item1, sp.Item2 - sp.Item1 + 1).Any(j => s.Toks[j].Text == "," || s.Toks[j].Lower == "with"))
            {
                Set(s, rel, head); // "the campaign issued a statement saying": the subject inside the phrase
                return;
            }

            if (!hasSpeaker && (c == 0 || toks[c - 1].Text != ","))
            {
                return;
            }

            if (Candidate(s, c, rel, relations) is { } cand && (!hasSpeaker || cand.Start != sp.Item1))
            {
                Set(s, rel, cand);
            }

            return;
        }

        if (hasSpeaker && sp.Item2 < c && IsPassive(s, c))
        {
            // "Blumenthal was asked …", "ravens are considered …": the subject of a passive cue is not its source
            rel.Speaker = null;
            return;
        }

        if (hasSpeaker)
        {
            if (sp.Item2 < c && !IsAdverbial(s, sp.Item1, sp.Item2) && Outer(s, c, sp, rel) is { } outer)
            {
                Set(s, rel, outer);
                return;
            }

            // "X, who …, on Sunday defended …", "Speaking Sunday on ABC, Carson said …": an adverbial is not the speaker
            if (sp.Item2 >= c || !IsAdverbial(s, sp.Item1, sp.Item2))
            {
                return;
            }

            var comma = sp.Item2;
            while (comma > sp.Item1 && toks[comma].Text != ",")
            {
                comma--;
            }

            if (comma > sp.Item1 && comma < sp.Item2 && toks[sp.Item1].IsCapitalized && NounPhrase(s, comma + 1, sp.Item2 + 1) is { } tail && !IsAdverbial(s, tail.Start, tail.End)
                && (toks[tail.Start].IsCapitalized || _pronouns.Contains(toks[tail.Start].Lower)))
            {
                Set(s, rel, tail); // "Of course, Clinton"
                return;
            }

            if (Candidate(s, c, rel, relations) is { } subject && subject.Start != sp.Item1 && !Overlap(subject, sp))
            {
                Set(s, rel, subject);
            }

            return;
        }

        // a finite cue without a speaker: coordinated ("… smiled and said") or after a long apposition ("Name, a …, said");
        // not a passive ("…, is expected to", "…, asked about …") and not a raising verb ("seems to"), which PolNeAR
        // leaves without a source
        var j = c - 1;
        var passive = false;
        while (j >= 0 && toks[j].IsWord && (_aux.Contains(toks[j].Lower) || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4)))
        {
            passive |= toks[j].Lower is "is" or "was" or "were" or "are" or "been" or "being" or "be";
            j--;
        }

        if (j < 0 || (passive && cueWord.EndsWith("ed", StringComparison.Ordinal))
            || cueWord is "seem" or "seems" or "seemed" or "appear" or "appears" or "appeared" || (cueWord == "asked" && toks[j].Text == ",")
            || _aux.Contains(cueWord) || !toks[c].IsWord || cueWord.EndsWith("ion", StringComparison.Ordinal) || cueWord.EndsWith("ions", StringComparison.Ordinal)
            || cueWord.EndsWith("ment", StringComparison.Ordinal) || cueWord.EndsWith("ments", StringComparison.Ordinal))
        {
            return;
        }

        if (toks[j].Lower is "that" or "which" && j > 0 && toks[j - 1].IsWord && !VerbLike(toks[j - 1]) && !_pronouns.Contains(toks[j - 1].Lower) && !InContent(s, rel, j))
        {
            Set(s, rel, (j, j)); // "a message that said …": PolNeAR marks the relative pronoun
            return;
        }

        if (toks[j].Lower == "to" && j > 0 && IsControlVerb(s, j - 1) && Candidate(s, c, rel, relations) is { } controller)
        {
            Set(s, rel, controller); // "… but went on to say …", "had this to say"
            return;
        }

        if (!(toks[j].Lower is "and" or "but" || toks[j].Text == ","))
        {
            if (toks[j].IsWord && ClauseSubject(s, c, rel) is { } direct && direct.End == j && !InContent(s, rel, direct.Start)
                && toks[direct.Start].Lower is not ("it" or "there" or "this" or "that" or "what" or "why" or "how" or "which")
                && (ClauseVerb(toks[c]) || (cueWord.EndsWith('s') && !cueWord.EndsWith("ss", StringComparison.Ordinal))
                    || (toks[j].Lower.EndsWith('s') && !toks[j].IsCapitalized) || toks[direct.Start].Lower is "they" or "we" or "i" or "you"))
            {
                Set(s, rel, direct); // "Critics charge that …": the subject right before the cue
            }

            return;
        }

        if (Candidate(s, c, rel, relations) is { } found)
        {
            Set(s, rel, found);
        }
    }

    /// <summary>The name after the last comma of a phrase ending in a speech verb ("finished, Nefzi said" → "Nefzi").</summary>
    private static (int Start, int End)? TrailingCue(SentenceInfo s, int start, int end)
    {
        var toks = s.Toks;
        if (end - start < 2 || toks[end].IsCapitalized || !CueLexicon.TryGet(toks[end].Lower, out _))
        {
            return null;
        }

        var k = end - 1;
        while (k > start && toks[k].Text != ",")
        {
            k--;
        }

        return k > start && k + 1 < end && (toks[k + 1].IsCapitalized || _pronouns.Contains(toks[k + 1].Lower)) ? (k + 1, end - 1) : null;
    }

    /// <summary>
    /// True when the scanner's speaker of a participle cue is not its agent: an adverbial ("On Sunday", "Despite"), the
    /// object of the verb before ("issued a statement calling …", "emailed supporters saying …"), a verb the scanner
    /// skipped to ("have begun urging"), or a phrase set off by a comma that holds a verb or opens in lower case.
    /// </summary>
    private static bool ReplaceableForParticiple(SentenceInfo s, int start, int end, int c)
    {
        var toks = s.Toks;
        if (IsAdverbial(s, start, end))
        {
            return true;
        }

        if (toks[end].Lower is "and" or "or" or "but" || (start == 0 && end + 1 < toks.Count && toks[end + 1].Text is "—" or "–" or "-" && Chars.All(toks[start].Text, ch => !char.IsLetter(ch) || char.IsUpper(ch))))
        {
            return true; // "Iowa, and" / a dateline
        }

        var adjacent = end == c - 1 || (end < c - 1 && Enumerable.Range(end + 1, c - end - 1).All(j => toks[j].IsWord && _aux.Contains(toks[j].Lower)));
        if (adjacent && start > 0 && !toks[start].IsCapitalized && IsObjectVerb(toks[start - 1]))
        {
            return true;
        }

        if (adjacent && start > 0 && _determiners.Contains(toks[start].Lower) && start > 1 && IsObjectVerb(toks[start - 1]))
        {
            return true;
        }

        for (var j = start; j <= end; j++)
        {
            var t = toks[j];
            if (t.IsWord && !t.IsCapitalized && (_aux.Contains(t.Lower) && t.Lower is not ("all" or "both" or "each") || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4) || _irregularPast.Contains(t.Lower) || t.Lower is "begun"))
            {
                return true;
            }
        }

        return !adjacent && !toks[start].IsCapitalized && !_determiners.Contains(toks[start].Lower) && !_pronouns.Contains(toks[start].Lower) && !toks[start].Lower.StartsWith("who", StringComparison.Ordinal) && toks[start].Lower is not "which";
    }

    private static readonly FrozenSet<string> _objectVerbs = FrozenSet.ToFrozenSet(
    [
        "sent", "send", "sends", "put", "puts", "wrote", "write", "writes", "issued", "issues", "issue", "posted", "released", "published",
        "ran", "run", "runs", "placed", "filed", "held", "holds", "carrying", "carried", "emailed", "tweeted", "took", "take", "takes",
        "made", "makes", "make", "did", "gave", "give", "gives", "drew", "draws", "draw", "began", "begin", "begins", "launched",
        "unveiled", "aired", "distributed", "signed", "circulated", "delivered", "offered", "mailed", "blasted", "bought", "paid",
        "spent", "started", "shared", "displayed", "waved", "wore", "wears", "hung", "sponsored", "produced", "funded",
    ], StringComparer.Ordinal);

    private static bool IsObjectVerb(Tok t) => t.IsWord && !t.IsCapitalized && (_objectVerbs.Contains(t.Lower) || (t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4));

    /// <summary>"went on", "had this", "wants", "tried" … before "to" + cue: the subject of that verb speaks.</summary>
    private static bool IsControlVerb(SentenceInfo s, int v)
    {
        var w = s.Toks[v].Lower;
        if (w is "on" && v > 0 && s.Toks[v - 1].Lower is "went" or "goes" or "go" or "going")
        {
            return true;
        }

        if (w is "this" or "that" or "much" or "little" && v > 0 && s.Toks[v - 1].Lower is "had" or "has" or "have")
        {
            return true;
        }

        return w is "wants" or "wanted" or "want" or "plans" or "planned" or "hopes" or "hoped" or "decided" or "tried" or "tries" or "refused" or "continued"
            or "continues" or "began" or "begins" or "started" or "vowed" or "promised" or "sought" or "seeks" or "chose" or "agreed" or "declined" or "obliged" or "forced";
    }

    private static readonly FrozenSet<string> _beForms = FrozenSet.ToFrozenSet(
        ["is", "was", "were", "are", "been", "be", "being", "isn't", "wasn't", "weren't", "aren't", "isn’t", "wasn’t", "weren’t", "aren’t"], StringComparer.Ordinal);

    /// <summary>Past participles after "be" that are adjectives with an experiencer subject ("was convinced that", "is opposed to"), or whose subject PolNeAR keeps ("was heard saying").</summary>
    private static readonly FrozenSet<string> _adjectival = FrozenSet.ToFrozenSet(
    [
        "convinced", "concerned", "worried", "pleased", "determined", "committed", "opposed", "interested", "disappointed",
        "excited", "surprised", "frustrated", "angered", "alarmed", "troubled", "satisfied", "confused", "divided", "united",
        "prepared", "inclined", "tempted", "scared", "encouraged", "heartened", "relieved", "dismayed", "outraged", "offended",
        "annoyed", "impressed", "unimpressed", "resigned", "used", "supposed", "quoted", "persuaded", "intrigued", "amused",
        "thrilled", "delighted", "horrified", "disturbed", "baffled", "puzzled", "fixated", "obsessed", "involved", "engaged",
        "dedicated", "devoted", "heard", "assured", "pressed", "poised", "set", "focused", "fed", "tired", "bored", "shocked",
        "stunned", "embarrassed", "upset", "known",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _irregularParticiples = FrozenSet.ToFrozenSet(
        ["shown", "seen", "said", "told", "given", "thought", "held", "taken", "made", "written", "found", "brought", "sent", "led", "felt", "meant"], StringComparer.Ordinal);

    /// <summary>A cue that is a passive participle after a form of "be" (adverbs allowed between): "was asked", "are widely considered", "is expected".</summary>
    private static bool IsPassive(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var p = c;
        if (_beForms.Contains(toks[p].Lower) && p + 1 < toks.Count)
        {
            p++; // the cue itself opens with the auxiliary: "is expected"
            while (p + 1 < toks.Count && toks[p].IsWord && toks[p].Lower.EndsWith("ly", StringComparison.Ordinal))
            {
                p++;
            }

            return Participle(toks[p].Lower);
        }

        if (!Participle(toks[p].Lower))
        {
            return false;
        }

        var j = c - 1;
        while (j >= 0 && toks[j].IsWord && !_beForms.Contains(toks[j].Lower) && (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) || toks[j].Lower is "also" or "not" or "never" or "still" or "often" or "already" or "now" or "then" or "just" or "even" or "nonetheless" or "otherwise" or "eventually"))
        {
            j--;
        }

        return j >= 0 && _beForms.Contains(toks[j].Lower);

        static bool Participle(string w) => !_adjectival.Contains(w) && ((w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) || _irregularParticiples.Contains(w));
    }

    /// <summary>
    /// The noun phrase a relative pronoun at <paramref name="who"/> refers to, when the cue at <paramref name="c"/> belongs
    /// to the main clause: "Clinton, who served as secretary of state, conceded …" (the comma closing the relative clause
    /// comes before the cue).
    /// </summary>
    private static (int Start, int End)? Antecedent(SentenceInfo s, int who, int c)
    {
        var toks = s.Toks;
        if (who == 0)
        {
            return null;
        }

        if (toks[who - 1].Text != ",")
        {
            return null; // "experts who think …": PolNeAR keeps the relative pronoun as the source
        }

        var close = NextComma(s, who, c + 1);
        if (close < 0 || close >= c)
        {
            return null; // the cue is inside the relative clause: "who" speaks
        }

        return PhraseEndingAt(s, who - 2);
    }

    /// <summary>The noun phrase ending at token <paramref name="end"/> (a parenthesis after it allowed: "Sen. Jo Ames (D-Mo.)"), opened by a capitalised word or a determiner.</summary>
    private static (int Start, int End)? PhraseEndingAt(SentenceInfo s, int end)
    {
        var toks = s.Toks;
        if (end < 0 || s.InQuote[end])
        {
            return null;
        }

        var last = end;
        if (toks[last].Text == ")")
        {
            while (last > 0 && toks[last].Text != "(")
            {
                last--;
            }

            last--;
        }

        if (last < 0 || !toks[last].IsWord || VerbLike(toks[last]) || _pronouns.Contains(toks[last].Lower))
        {
            return null;
        }

        var start = -1;
        for (var j = last; j >= 0 && j > last - 9; j--)
        {
            var t = toks[j];
            if (s.InQuote[j])
            {
                break;
            }

            if (!t.IsWord)
            {
                if (t.Text is "." or "-" or "’" or "'" or "&")
                {
                    continue;
                }

                break;
            }

            if (t.IsCapitalized || _determiners.Contains(t.Lower) || t.Lower is "of" or "s")
            {
                if (t.Lower is not "of")
                {
                    start = j;
                }

                if (_determiners.Contains(t.Lower) && !t.IsCapitalized)
                {
                    break;
                }

                continue;
            }

            if (VerbLike(t) || _prepositionsLike.Contains(t.Lower))
            {
                break;
            }

            start = j; // a lowercase noun or adjective: "law experts", "far-right commentators"
        }

        if (start < 0)
        {
            return null;
        }

        while (start < last && toks[start].Lower is "of" or "s" || !toks[start].IsWord)
        {
            start++;
        }

        return (start, last);
    }

    /// <summary>
    /// The clause subject when the scanner's speaker of a finite cue sits inside a relative clause or an apposition
    /// attached to it: "officials who spoke with the Courier said" (not "the Courier"), "Vian, the editor of the
    /// paper, said", "Trump, speaking at a rally in Wilmington, warned". A relative clause counts only when a verb
    /// stands between its pronoun and the speaker ("The vote, which Brandt called fair" keeps Brandt).
    /// </summary>
    private static (int Start, int End)? Outer(SentenceInfo s, int c, (int, int) sp, Relation rel)
    {
        var toks = s.Toks;
        if (_pronouns.Contains(toks[sp.Item1].Lower) || IsRelative(toks[sp.Item1].Lower) || ClauseSubject(s, c, rel) is not { } cs || cs.End + 1 >= sp.Item1 || InContent(s, rel, cs.Start) || Overlap(cs, sp))
        {
            return null;
        }

        var j = c - 1;
        while (j > sp.Item2 && toks[j].IsWord && (_aux.Contains(toks[j].Lower) || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4)))
        {
            j--;
        }

        var closed = toks[j].Text == "," && j == sp.Item2 + 1;
        if (j != sp.Item2 && !closed)
        {
            return null; // the speaker is not what stands before the cue
        }

        var next = toks[cs.End + 1];
        var w = next.Text == "," && cs.End + 2 < sp.Item1 ? cs.End + 2 : cs.End + 1;
        if (IsRelative(toks[w].Lower))
        {
            for (var v = w + 1; v < sp.Item1; v++)
            {
                if (toks[v].Text is "," or ";" or ":" || s.InQuote[v])
                {
                    return null; // the relative clause ended before the speaker
                }

                if (toks[v].IsWord && !toks[v].IsCapitalized && (ClauseVerb(toks[v]) || VerbLike(toks[v]) && !_prepositionsLike.Contains(toks[v].Lower)))
                {
                    return cs;
                }
            }

            return null;
        }

        return next.Text == "," && closed && sp.Item1 == cs.End + 2 ? cs : null;
    }

    private static readonly FrozenSet<string> _prepositionsLike = FrozenSet.ToFrozenSet(
        ["to", "in", "on", "at", "with", "as", "by", "from", "and", "or", "but", "that", "which", "who"], StringComparer.Ordinal);

    private static bool IsRelative(string lower) => lower is "who" or "whose" or "which" or "whom" || lower.StartsWith("who’", StringComparison.Ordinal) || lower.StartsWith("who'", StringComparison.Ordinal);

    /// <summary>The clause subject the revision would give a participle cue at <paramref name="c"/> (round 9 recall rules ask before firing).</summary>
    internal static (int Start, int End)? SubjectForParticiple(SentenceInfo s, int c, Relation rel, List<Relation> relations) => Candidate(s, c, rel, relations);

    /// <summary>The speaker a cue at token <paramref name="c"/> falls back on: the subject of its clause, or the speaker of an earlier relation in the sentence when that is nearer.</summary>
    private static (int Start, int End)? Candidate(SentenceInfo s, int c, Relation rel, List<Relation> relations)
    {
        var subject = ClauseSubject(s, c, rel);
        if (subject is { } sub && (InContent(s, rel, sub.Start) || sub.End >= c))
        {
            subject = null;
        }

        // "…, even as he defended X, saying …": the subject of a later subordinate or coordinate clause is nearer
        if (subject is { } main)
        {
            for (var j = main.End + 2; j < c - 1; j++)
            {
                var t = s.Toks[j];
                if (!t.IsWord || s.InQuote[j] || t.Lower is not ("as" or "when" or "while" or "because" or "after" or "since" or "and" or "but" or "whereas" or "though" or "although" or "who" or "with"))
                {
                    continue;
                }

                if (t.Lower == "with")
                {
                    // "…, with Donald Trump tweeting that … and asking …": the subject of an absolute phrase
                    if (NounPhrase(s, j + 1, c) is { } abs && (s.Toks[abs.Start].IsCapitalized || _determiners.Contains(s.Toks[abs.Start].Lower)) && abs.End + 1 < c
                        && s.Toks[abs.End + 1].Lower.EndsWith("ing", StringComparison.Ordinal) && CueLexicon.TryGet(s.Toks[abs.End + 1].Lower, out _) && !InContent(s, rel, abs.Start))
                    {
                        subject = abs;
                    }

                    continue;
                }

                if (t.Lower == "who" && j > 0 && s.Toks[j - 1].Text == "," && j + 1 < c && s.Toks[j + 1].IsWord && ClauseVerb(s.Toks[j + 1]) && !InContent(s, rel, j) && NextComma(s, j, c) < 0)
                {
                    subject = (j, j); // "…, who answered her door and said …": the relative pronoun
                    continue;
                }

                if (NounPhrase(s, j + 1, c) is { } np && (s.Toks[np.Start].IsCapitalized || _pronouns.Contains(s.Toks[np.Start].Lower)) && !_lead.Contains(s.Toks[np.Start].Lower)
                    && np.End + 1 < c && s.Toks[np.End + 1].IsWord && !s.Toks[np.End + 1].IsCapitalized && ClauseVerb(s.Toks[np.End + 1]) && !InContent(s, rel, np.Start))
                {
                    subject = np;
                }
            }
        }

        // ", Spicer said, adding …": the speaker of an earlier cue in the sentence, when nearer than the subject
        var cueStart = s.Toks[c].Start;
        foreach (var other in relations)
        {
            if (other == rel || other.Cue is not { } oc || oc.End > cueStart || oc.Start < s.Span.Start || other.Speaker is not { } os || !s.Span.Contains(os) || os.End > cueStart)
            {
                continue;
            }

            var (a, b) = s.TokenRange(os);
            if (a >= 0 && (subject is null || a > subject.Value.Start) && !InContent(s, rel, a) && !IsAdverbial(s, a, b) && s.Toks[a].Lower is not ("who" or "which" or "that"))
            {
                subject = (a, b);
            }
        }

        return subject;
    }

    /// <summary>A word that can open a finite predicate: an auxiliary, a past form, a cue form, or a verb in -s.</summary>
    private static bool ClauseVerb(Tok t) => _aux.Contains(t.Lower) || CueLexicon.TryGet(t.Lower, out _) || (t.Lower.Length > 3 && t.Lower.EndsWith("ed", StringComparison.Ordinal))
        || t.Lower is "’s" or "'s" or "’re" or "'re" or "’ve" or "'ve";

    private static bool InContent(SentenceInfo s, Relation rel, int tok)
    {
        var t = s.Toks[tok];
        foreach (var p in rel.Parts)
        {
            if (p.Start < t.End && t.Start < p.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The subject of the sentence's main clause, before token <paramref name="c"/>: after a dateline ("WASHINGTON —"), an
    /// opening adverbial or subordinate phrase closed by a comma ("On Sunday,", "When asked …,"), and leading
    /// conjunctions; a pronoun, or a noun phrase opened by a capitalised word or a determiner.
    /// </summary>
    private static (int Start, int End)? ClauseSubject(SentenceInfo s, int c, Relation rel)
    {
        var toks = s.Toks;
        var k = SkipDateline(s, c);
        for (var round = 0; round < 3 && k < c; round++)
        {
            var t = toks[k];
            if (!t.IsWord || s.InQuote[k])
            {
                if (t.Text is "," or "—" or "–" or "-" or "(" or ")")
                {
                    k++;
                    continue;
                }

                return null;
            }

            if (_lead.Contains(t.Lower) || (t.Lower is "even" or "just" or "only" && k + 1 < c && toks[k + 1].IsWord && (_openers.Contains(toks[k + 1].Lower) || NextComma(s, k, c) < 0)))
            {
                k++; // "But …", "Even before …", "even a top strategist"
                continue;
            }

            var opener = TimeRunToComma(s, k, c) || _openers.Contains(t.Lower) || (t.Lower.EndsWith("ing", StringComparison.Ordinal) && t.Lower.Length > 4 && !t.IsCapitalized)
                || (t.Lower.EndsWith("ly", StringComparison.Ordinal) && t.Lower.Length > 4) || (t.IsCapitalized && k + 1 < c && toks[k + 1].IsWord && (t.Lower.EndsWith("ing", StringComparison.Ordinal) && t.Lower.Length > 4 && !toks[k + 1].IsCapitalized && !VerbLike(toks[k + 1])
                    || t.Lower.EndsWith("ed", StringComparison.Ordinal) && t.Lower.Length > 4 && _afterGerund.Contains(toks[k + 1].Lower)));
            if (!opener)
            {
                break;
            }

            var comma = NextComma(s, k, c);
            if (comma < 0)
            {
                return null;
            }

            k = comma + 1;
        }

        if (k >= c || !toks[k].IsWord || s.InQuote[k])
        {
            return null;
        }

        var np = NounPhrase(s, k, c);
        if (np is { } lead && lead.End + 1 < c && toks[lead.End + 1].Text == "," && IsAdverbial(s, lead.Start, lead.End))
        {
            // "The day before, at a rally in Beaumont, Mr. Trump …": a time phrase opens the sentence
            var comma = lead.End + 1;
            while (comma + 1 < c && toks[comma + 1].IsWord && _openers.Contains(toks[comma + 1].Lower) && NextComma(s, comma + 1, c) is var next && next > 0)
            {
                comma = next;
            }

            return comma + 1 < c && toks[comma + 1].IsWord && !s.InQuote[comma + 1] ? NounPhrase(s, comma + 1, c) : null;
        }

        return np;
    }

    /// <summary>"Minutes later,", "Last week,": only time words from <paramref name="k"/> to the next comma.</summary>
    private static bool TimeRunToComma(SentenceInfo s, int k, int c)
    {
        for (var j = k; j < c && j < k + 6; j++)
        {
            var t = s.Toks[j];
            if (t.Text == ",")
            {
                return j > k;
            }

            if (!t.IsWord || !(_timeWords.Contains(t.Lower) || char.IsDigit(t.Text[0]) || t.Lower is "minutes" or "hours" or "later" or "days" or "weeks" or "before" or "after"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"ORLANDO, Fla. (Reuters) -", "WASHINGTON —": a run of upper-case words, places and agency names closed by a dash.</summary>
    private static int SkipDateline(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        for (var j = 0; j < Math.Min(c, 14); j++)
        {
            var t = toks[j];
            if (t.Text is "—" or "–" or "-" or "―" && j > 0)
            {
                return toks[0].IsWord && toks[0].Text.Length > 1 && Chars.All(toks[0].Text, ch => !char.IsLetter(ch) || char.IsUpper(ch)) ? j + 1 : 0;
            }

            if (t.IsWord && !t.IsCapitalized && !char.IsDigit(t.Text[0]))
            {
                return 0;
            }
        }

        return 0;
    }

    private static int NextComma(SentenceInfo s, int from, int before)
    {
        for (var j = from + 1; j < before; j++)
        {
            if (s.Toks[j].Text == "," && !s.InQuote[j] && !(j + 1 < s.Toks.Count && char.IsDigit(s.Toks[j - 1].Text[^1]) && char.IsDigit(s.Toks[j + 1].Text[0])))
            {
                return j; // not the comma inside "1,500"
            }
        }

        return -1;
    }

    /// <summary>The noun phrase opening at token <paramref name="k"/> and ending before <paramref name="limit"/>: a pronoun, or capitalised words, determiners, numbers and the nouns after them.</summary>
    private static (int Start, int End)? NounPhrase(SentenceInfo s, int k, int limit)
    {
        var toks = s.Toks;
        var first = toks[k];
        if (_pronouns.Contains(first.Lower))
        {
            return (k, k);
        }

        if (!first.IsCapitalized && !_determiners.Contains(first.Lower) && !char.IsDigit(first.Text[0]) && !PluralNoun(first))
        {
            return null;
        }

        if (_aux.Contains(first.Lower) || first.Lower is "it’s" or "it's" or "there" or "here" or "that" or "this" or "these" or "those" or "what" or "who")
        {
            return null;
        }

        // lowercase nouns continue the phrase only after a determiner or a possessive ("The Vermont senator", "Rubio's
        // campaign"); after a bare name a lowercase word is the verb ("Rubio hit back")
        var nominal = _determiners.Contains(first.Lower) || char.IsDigit(first.Text[0]) || !first.IsCapitalized;
        var end = k;
        for (var j = k + 1; j < limit && j < k + 10; j++)
        {
            var t = toks[j];
            if (s.InQuote[j])
            {
                break;
            }

            if (!t.IsWord)
            {
                if (t.Text is "’" or "'" && j + 1 < limit && toks[j + 1].Lower == "s")
                {
                    nominal = true;
                    j++;
                    end = j;
                    continue;
                }

                if (t.Text is "." or "-" or "&" && j + 1 < limit && toks[j + 1].IsWord)
                {
                    continue;
                }

                break;
            }

            if (t.Lower is "’s" or "'s")
            {
                nominal = true;
                end = j;
                continue;
            }

            if (t.IsCapitalized || char.IsDigit(t.Text[0]))
            {
                end = j;
                continue;
            }

            if (t.Lower is "of" && j + 1 < limit && toks[j + 1].IsWord && (toks[j + 1].IsCapitalized || _determiners.Contains(toks[j + 1].Lower)))
            {
                nominal = true;
                continue;
            }

            if (_determiners.Contains(t.Lower))
            {
                if (toks[j - 1].Lower is "of")
                {
                    continue;
                }

                break; // "The board sent a letter": an article inside the phrase opens the object
            }

            if (t.Lower is "of" or "for" || IsRelative(t.Lower) || t.Lower == "that")
            {
                break;
            }

            if ((nominal || (PluralNoun(t) && toks[j - 1].IsCapitalized)) && !VerbLike(t)
                && !(toks[end].Lower.EndsWith('s') && !toks[end].IsCapitalized && end == j - 1 && !_determiners.Contains(toks[end].Lower) && toks[end].Lower is not ("s" or "’s" or "'s")))
            {
                end = j;
                continue;
            }

            break;
        }

        return (k, end);
    }

    private static bool PluralNoun(Tok t) => t.Lower.Length > 4 && (t.Lower.EndsWith("ers", StringComparison.Ordinal) || t.Lower.EndsWith("ists", StringComparison.Ordinal)
        || t.Lower.EndsWith("ors", StringComparison.Ordinal) || t.Lower.EndsWith("ents", StringComparison.Ordinal) || t.Lower.EndsWith("ants", StringComparison.Ordinal) || t.Lower.EndsWith("ives", StringComparison.Ordinal)
        || t.Lower.EndsWith("ans", StringComparison.Ordinal) || t.Lower is "officials" or "critics" or "experts" or "analysts" or "sources" or "people" or "democrats" or "republicans" or "aides" or "advocates" or "opponents" or "polls" or "groups");

    private static readonly FrozenSet<string> _irregularPast = FrozenSet.ToFrozenSet(
    [
        "sent", "made", "took", "gave", "went", "came", "held", "ran", "put", "got", "left", "kept", "hit", "said", "told",
        "wrote", "thought", "knew", "felt", "saw", "found", "brought", "bought", "began", "stood", "won", "lost", "met", "led",
        "spent", "paid", "set", "drew", "shook", "spoke", "broke", "chose", "rose", "fell", "wore", "sold", "built", "sat",
        "struck", "sought", "taught", "caught", "fought", "heard", "meant", "read", "let", "cut", "shut", "spread", "threw",
    ], StringComparer.Ordinal);

    /// <summary>Probably a verb: an auxiliary, a cue form, a past form in -ed, or a present form of a common verb.</summary>
    private static bool VerbLike(Tok t)
    {
        var w = t.Lower;
        if (_aux.Contains(w) || w is "who" or "which" or "that" or "and" or "or" or "but" or "to" or "in" or "on" or "at" or "with" or "as" or "by" or "from")
        {
            return true;
        }

        if (CueLexicon.TryGet(w, out _))
        {
            return true;
        }

        return _irregularPast.Contains(w) || (w.Length > 3 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ly", StringComparison.Ordinal)));
    }

    /// <summary>A speaker phrase that is an adverbial, not an agent: a time phrase ("last year", "on Sunday"), a preposition or subordinator ("Despite", "When Maddow"), a lone determiner.</summary>
    private static bool IsAdverbial(SentenceInfo s, int start, int end)
    {
        var toks = s.Toks;
        var allTime = true;
        var timeWord = false;
        for (var j = start; j <= end; j++)
        {
            var t = toks[j];
            var isTime = _timeWords.Contains(t.Lower) && (!t.IsCapitalized || _weekdaysAndMonths.Contains(t.Lower) || j > start || t.Lower is "a" or "an" or "the");
            timeWord |= isTime && t.Lower is not ("the" or "a" or "on" or "in" or "at" or "of" or "for" or "since" or "during" or "first" or "once" or "again" or "also");
            if (t.IsWord && t.Text.Length == 4 && Chars.All(t.Text, char.IsDigit) && t.Text[0] is '1' or '2')
            {
                timeWord = true; // a year
                continue;
            }

            if (t.IsWord && !isTime && !(char.IsDigit(t.Text[0]) && Chars.All(t.Text, char.IsDigit)))
            {
                allTime = false;
            }
        }

        if (allTime && timeWord)
        {
            return true;
        }

        if (start < 14 && SkipDateline(s, toks.Count) is var dateline && dateline > 0 && end < dateline)
        {
            return true; // "WASHINGTON —", "ORLANDO, Fla. (Reuters) -"
        }

        var f = toks[start];
        if (start == 0 && end > start && f.IsCapitalized && f.Lower.EndsWith("ing", StringComparison.Ordinal) && f.Lower.Length > 4 && !toks[start + 1].IsCapitalized || (start == 0 && end > start && toks[start + 1].IsCapitalized && f.Lower.EndsWith("ing", StringComparison.Ordinal) && _timeWords.Contains(toks[start + 1].Lower)))
        {
            return true; // "Speaking Sunday", "Following an …"
        }

        if (!f.IsCapitalized && f.Lower is "in" or "on" or "at" or "during" or "after" or "before" or "since" or "over" or "earlier" or "later")
        {
            return true;
        }

        if (start == end && f.Lower is "the" or "a" or "an")
        {
            return true;
        }

        // a capitalised opener alone right before its verb may be a name ("From said")
        return f.IsCapitalized && (end > start || !(f.Lower is "from" or "back" or "even" or "still" or "early" or "late" or "like" or "near" or "given" or "now" or "then"))
            && _openers.Contains(f.Lower) && f.Lower is not ("this" or "last" or "one");
    }

    private static bool Overlap((int Start, int End) a, (int, int) b) => a.Start <= b.Item2 && b.Item1 <= a.End;

    private static void Set(SentenceInfo s, Relation rel, (int Start, int End) np) =>
        rel.Speaker = new TextSpan(s.Toks[np.Start].Start, s.Toks[np.End].End);

    private static int FirstTokenAt(SentenceInfo s, int pos)
    {
        var toks = s.Toks;
        for (var k = 0; k < toks.Count; k++)
        {
            if (toks[k].End > pos)
            {
                return toks[k].Start <= pos + 1 ? k : -1;
            }
        }

        return -1;
    }
}
