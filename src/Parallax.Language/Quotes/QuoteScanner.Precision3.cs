using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Precision rules of session 11 (docs/quotes.md, "Session 11 — quotes precision, content boundaries and speakers
/// (qp3)"): a last pass over the finished relations of a text, after session 10's. The word lists are hand-written from
/// general English, not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>
    /// Nouns of a medium in which somebody speaks ("in a statement", "in an interview", "in her speech", "in a tweet"):
    /// the medium is not the source, the person speaking in it is. Polls, surveys, studies, reports and data stay sources
    /// (round 5's evidence reading), so they are not in the list.
    /// </summary>
    private static readonly FrozenSet<string> _speechMedia15 = FrozenSet.ToFrozenSet(
    [
        "statement", "statements", "memo", "letter", "book", "interview", "interviews", "op-ed", "speech", "speeches",
        "tweet", "tweets", "post", "column", "essay", "documents", "filing", "filings", "remarks", "testimony",
    ], StringComparer.Ordinal);

    /// <summary>Words that may open a clause content before its subject ("In the same interview, however, Rubio …").</summary>
    private static readonly FrozenSet<string> _subjectLeads15 = FrozenSet.ToFrozenSet(
        ["however", "meanwhile", "though", "also", "then", "later", "again"], StringComparer.Ordinal);

    /// <summary>Adverbs between a subject and its verb that <see cref="FiniteVerbAt"/> steps over.</summary>
    private static readonly FrozenSet<string> _verbAdverbs15 = FrozenSet.ToFrozenSet(
        ["then", "also", "later", "now", "still", "even", "eventually", "finally", "never"], StringComparer.Ordinal);

    /// <summary>Runs once after <see cref="PrecisionRules14"/>.</summary>
    private void PrecisionRules15()
    {
        _relations.RemoveAll(r => SpeechMedium15(r) || PageLabel15(r) || ReaderQuestion15(r) || CampaignRelative15(r));
        foreach (var rel in _relations)
        {
            FrontedOpenerSpeaker15(rel);
        }
    }

    /// <summary>Words that open a fronted adverbial clause and are never a speaker on their own.</summary>
    private static readonly FrozenSet<string> _clauseOpeners15 = FrozenSet.ToFrozenSet(
    [
        "when", "whenever", "whatever", "despite", "besides", "having", "even", "although", "though", "while", "after",
        "before", "since", "because", "if", "once", "unlike", "as", "upon",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "Despite challenging the board's figures, Roe said …", "Having announced the fares, the mayor …", "Standing beside
    /// the mayor, Roe praised …": the speaker finder took the lone first word of a fronted adverbial clause (a
    /// subordinator, a participle with its object, an -ly adverb before a participle) as speaker. The subject after the
    /// clause's comma (a noun phrase followed by a finite verb) speaks instead; with none, the speaker stays.
    /// </summary>
    private void FrontedOpenerSpeaker15(Relation rel)
    {
        if (rel.Speaker is not { } speaker || SentenceAt13(speaker.Start) is not { } s)
        {
            return;
        }

        var toks = s.Toks;
        var (first, last) = s.TokenRange(speaker);
        if (first != 0 || last != 0 || toks.Count < 4 || !toks[0].IsCapitalized || !toks[1].IsWord || toks[1].IsCapitalized)
        {
            return;
        }

        var w = toks[0].Lower;
        var opener = _clauseOpeners15.Contains(w)
            || (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal) && !FiniteVerbAt(s, 1))
            || (w.Length > 5 && w.EndsWith("ly", StringComparison.Ordinal) && toks[1].Lower.EndsWith("ing", StringComparison.Ordinal));
        if (!opener)
        {
            return;
        }

        for (var j = 1; j < toks.Count - 2 && j < 40; j++)
        {
            if (toks[j].Text != "," || s.InQuote[j])
            {
                continue;
            }

            for (var v = j + 2; v < toks.Count && v <= j + 8; v++)
            {
                if (!toks[v - 1].IsWord || s.InQuote[v - 1])
                {
                    break;
                }

                if (FiniteVerbAt(s, v) && Subject15(s, j + 1, v - 1) is { } end)
                {
                    var subject = new TextSpan(toks[j + 1].Start, toks[end].End);
                    if (!rel.Parts.Exists(p => p.Overlaps(subject)))
                    {
                        rel.Speaker = subject;
                    }

                    return;
                }
            }
        }
    }

    /// <summary>Labels of page furniture before a colon: a byline, a contact line, a social-media handle, a paid notice.</summary>
    private static readonly FrozenSet<string> _pageLabels15 = FrozenSet.ToFrozenSet(
    [
        "twitter", "email", "e-mail", "byline", "facebook", "instagram", "contact", "phone", "paid notice", "credit",
        "photo credit",
    ], StringComparer.Ordinal);

    /// <summary>
    /// "Twitter: @jroe.", "BYLINE: Jo Roe.", "EMAIL: desk@example.com.", "Follow Jo Roe on Twitter: @jroe.": a colon line
    /// of page furniture names no speaker and reports nothing; dropped. Also any colon lead whose content is only an e-mail
    /// address or a handle.
    /// </summary>
    private bool PageLabel15(Relation rel)
    {
        if (rel.Cue is not { } cue || cue.Length != 1 || _text[cue.Start] != ':' || rel.Speaker is not { } speaker || rel.Parts.Count != 1)
        {
            return false;
        }

        var label = _text.AsSpan(speaker.Start, speaker.Length).Trim().ToString().ToLowerInvariant();
        if (_pageLabels15.Contains(label) || (label.StartsWith("follow ", StringComparison.Ordinal) && label.EndsWith(" on twitter", StringComparison.Ordinal)))
        {
            return true;
        }

        // the content alone: "@jroe" (the tokenizer's content may start after the "@") or "desk@example.com"
        var content = _text.AsSpan(rel.Parts[0].Start, rel.Parts[0].Length).Trim();
        var at = rel.Parts[0].Start > 0 && _text[rel.Parts[0].Start - 1] == '@';
        return content.Length > 0 && !content.ContainsAny(' ', '\n') && (at || content.Contains('@'));
    }

    /// <summary>Auxiliaries that open a yes/no question to the reader ("Do you support …?").</summary>
    private static readonly FrozenSet<string> _questionAux15 = FrozenSet.ToFrozenSet(
        ["do", "does", "did", "would", "will", "can", "could", "should", "are", "have"], StringComparer.Ordinal);

    /// <summary>
    /// "Do you support Jo Roe? Like the page:", "What do you think of the new pier?": a question the writer puts to the
    /// reader, outside any quotation, reports no one's words; the reader ("you") is no speaker. Dropped, except in an
    /// interview, where a paragraph opens with the question label "Q" and "you" is the person interviewed.
    /// </summary>
    private bool ReaderQuestion15(Relation rel)
    {
        if (rel.Speaker is not { } speaker || speaker.Length != 3 || !_text.AsSpan(speaker.Start, 3).Equals("you", StringComparison.OrdinalIgnoreCase)
            || SentenceAt13(speaker.Start) is not { } s)
        {
            return false;
        }

        var toks = s.Toks;
        var (you, _) = s.TokenRange(speaker);
        if (you < 1 || s.InQuote[you] || toks[^1].Text != "?" || s.InQuote[^1])
        {
            return false;
        }

        // "Do you …?" or "What do you …?" at the sentence start
        var open = toks[0].Lower is "what" or "how" or "why" ? 1 : 0;
        if (you != open + 1 || !_questionAux15.Contains(toks[open].Lower))
        {
            return false;
        }

        // an interview: the paragraph opens with "Q" ("Q: Do you think …?")
        var p = _sentences.IndexOf(s);
        while (p > 0 && _sentences[p - 1].Paragraph == s.Paragraph)
        {
            p--;
        }

        var first = _sentences[p].Toks;
        return first.Count == 0 || !(first[0].Text.StartsWith('Q') && (first[0].Text.Length == 1 || first[0].Text.StartsWith("QB", StringComparison.Ordinal) || first[0].Text.StartsWith("Q:", StringComparison.Ordinal)));
    }

    /// <summary>
    /// "Tim Ames, who is challenging Sen. Jo Roe in the primary", "Ames, who is seeking re-election": in a relative clause
    /// in the progressive, "challenging" and "seeking" with a person or an office as object name a candidacy, not a
    /// statement. Dropped.
    /// </summary>
    private bool CampaignRelative15(Relation rel)
    {
        if (rel.Cue is not { } cue || rel.Speaker is not { } speaker || speaker.Length != 3
            || !_text.AsSpan(speaker.Start, 3).Equals("who", StringComparison.OrdinalIgnoreCase) || SentenceAt13(cue.Start) is not { } s)
        {
            return false;
        }

        var toks = s.Toks;
        var (c, cLast) = s.TokenRange(cue);
        if (c < 2 || c != cLast || c + 1 >= toks.Count || toks[c].Lower is not ("challenging" or "seeking"))
        {
            return false;
        }

        // "who is challenging", "who is also seeking"
        var be = toks[c - 1].Lower is "also" or "now" or "still" ? c - 2 : c - 1;
        if (toks[be].Lower is not ("is" or "are" or "was" or "were"))
        {
            return false;
        }

        var next = toks[c + 1];
        if (next.IsCapitalized || next.Lower is "reelection" or "re-election" or "office")
        {
            return true;
        }

        return next.Lower == "the" && c + 2 < toks.Count
            && toks[c + 2].Lower is "nomination" or "presidency" or "seat" or "office" or "democratic" or "republican" or "gop";
    }

    /// <summary>
    /// "In a statement, the ferry company said that the boats would run all winter.", "In her speech, Roe declared the
    /// need for …": round 5's evidence reading ("In a Fox poll, Cruz had 38 percent": the poll is the source) also fired for
    /// a medium in which someone speaks, and gave the medium as speaker and the whole clause, its subject and verb included,
    /// as content. When the clause after the comma opens with a subject and a finite verb, the subject speaks, the verb is
    /// the cue and the words after it are the content ("that …" after "told X"); with no words after the verb ("In a 1963
    /// speech, he declared:") nothing is reported in the sentence and the reading is dropped. The same medium after the
    /// content ("told the Gazette in an interview", content "the Gazette") read the verb's object as content: dropped.
    /// Returns true when the relation is to be removed.
    /// </summary>
    private bool SpeechMedium15(Relation rel)
    {
        if (rel.Cue is not { } cue || rel.Speaker is not { } speaker || rel.Parts.Count == 0 || cue.Length != 2
            || !_text.AsSpan(cue.Start, 2).Equals("in", StringComparison.OrdinalIgnoreCase) || SentenceAt13(cue.Start) is not { } s)
        {
            return false;
        }

        var toks = s.Toks;
        var (spFirst, spLast) = s.TokenRange(speaker);
        if (spLast < 0 || !_speechMedia15.Contains(toks[spLast].Lower))
        {
            return false;
        }

        if (rel.Parts[0].End <= cue.Start)
        {
            // "“…,” Jo Roe, the campaign's manager, said in a statement.": the quotation ran on over its speaker and verb
            if (RunOnSpeaker15(rel, s, cue))
            {
                return false;
            }

            // "told the Gazette in an interview": the content is the object right after a speech verb
            var (objFirst, objLast) = s.TokenRange(rel.Parts[0]);
            var name = objFirst >= 0 && (toks[objFirst].IsCapitalized || (toks[objFirst].Lower == "the" && objFirst < objLast && toks[objFirst + 1].IsCapitalized));
            return rel.Parts.Count == 1 && objFirst > 0 && objLast - objFirst < 4 && name
                && (_tellLike.Contains(toks[objFirst - 1].Lower) || toks[objFirst - 1].Lower is "said" or "wrote" or "told");
        }

        var part = rel.Parts[0];
        var (first, last) = s.TokenRange(part);
        if (first < 0)
        {
            return false;
        }

        if (part.Start < speaker.End || rel.Parts.Count != 1 || spFirst < 0)
        {
            return false;
        }

        var k = first;
        while (k <= last && (toks[k].Text == "," || _subjectLeads15.Contains(toks[k].Lower)))
        {
            k++;
        }

        var subjectStart = k;
        var verb = -1;
        for (; k <= last && k < subjectStart + 12; k++)
        {
            var t = toks[k];
            if (!t.IsWord || s.InQuote[k] || t.Lower is "who" or "which" or "that" or "whose")
            {
                break;
            }

            if (k > subjectStart && FiniteVerbAt(s, k))
            {
                verb = k;
                while (verb < last && _verbAdverbs15.Contains(toks[verb].Lower))
                {
                    verb++;
                }

                break;
            }
        }

        if (verb < 0 || Subject15(s, subjectStart, k - 1) is not { } subjectEnd)
        {
            return false;
        }

        rel.Speaker = new TextSpan(toks[subjectStart].Start, toks[subjectEnd].End);
        rel.Cue = new TextSpan(toks[verb].Start, toks[verb].End);
        var start = verb + 1;
        if (toks[verb].Lower is "told" or "tells" or "tell" or "informed" or "assured" or "warned" or "reminded")
        {
            // "told FBI agents that he …": the that-clause is the content
            for (var j = verb + 1; j <= last && j <= verb + 6 && toks[j].IsWord; j++)
            {
                if (toks[j].Lower == "that")
                {
                    start = j;
                    break;
                }
            }
        }

        if (start > last || !HasWord(s, start, last))
        {
            return true;
        }

        rel.Parts[0] = new TextSpan(toks[start].Start, part.End);
        return false;
    }

    /// <summary>
    /// The last token of a subject noun phrase over tokens <paramref name="start"/>..<paramref name="end"/> ("the Kentucky
    /// Republican on Tuesday": a time phrase after the noun is cut off), or null when the words are no subject: it opens with
    /// a capitalised word, a determiner or a personal pronoun and its last word is no -ing or -ly form or calendar word.
    /// </summary>
    private static int? Subject15(SentenceInfo s, int start, int end)
    {
        var toks = s.Toks;
        for (var k = start + 1; k <= end; k++)
        {
            if (!toks[k].IsCapitalized && toks[k].Lower is "on" or "at" or "in" or "during" or "last" or "this" or "earlier")
            {
                end = k - 1;
                break;
            }
        }

        var open = toks[start];
        var last = toks[end].Lower;
        if (end - start > 7 || !(open.IsCapitalized || _determiners.Contains(open.Lower) || open.Lower is "he" or "she" or "they" or "we" or "i")
            || (end > start && _pronounSubjects.Contains(open.Lower))
            || last.EndsWith("ing", StringComparison.Ordinal) || last.EndsWith("ly", StringComparison.Ordinal) || _calendarWords.Contains(last)
            || last is "it" or "there" or "this" or "that" || _blockers.Contains(last) || _prepositions.Contains(last))
        {
            return null;
        }

        return end;
    }

    /// <summary>
    /// "“The boats will run,” Jo Roe, the company's manager, said in a statement.": the medium reading took the quotation
    /// and the words after it up to the speech verb before "in" as content. The words between the closing mark and the
    /// verb are the speaker, the verb is the cue, and the content ends at the closing mark. True when the relation was
    /// changed.
    /// </summary>
    private bool RunOnSpeaker15(Relation rel, SentenceInfo s, TextSpan cue)
    {
        var toks = s.Toks;
        var pi = rel.Parts.FindLastIndex(p => p.End <= cue.Start);
        if (pi < 0)
        {
            return false;
        }

        var (first, last) = s.TokenRange(rel.Parts[pi]);
        if (last < 0 || last + 1 >= toks.Count || toks[last + 1].Start != cue.Start
            || toks[last].Lower is not ("said" or "says" or "wrote" or "writes" or "added" or "adds"))
        {
            return false;
        }

        // the verb's part is the speaker phrase alone when the quotation is an earlier part; else find the closing mark in it
        var mark = last - 1;
        // a closing double mark ("Sanders’ campaign": a possessive apostrophe is tokenised as a mark too)
        while (mark >= first && !(toks[mark].Kind == TokKind.QuoteMark && toks[mark].Text is "”" or "\"" or "''" or "»"))
        {
            mark--;
        }

        if (mark < first && (pi == 0 || !_text.AsSpan(rel.Parts[pi - 1].End - 1, toks[first].Start - rel.Parts[pi - 1].End + 1).ContainsAny("”\"'’")))
        {
            return false;
        }

        var from = Math.Max(mark + 1, first);
        while (from < last && toks[from].Text == ",")
        {
            from++;
        }

        var to = last - 1;
        while (to > from && toks[to].Text == ",")
        {
            to--;
        }
        if (from > to || !toks[from].IsCapitalized || to - from > 13 || (mark < first && pi == 0))
        {
            return false;
        }

        rel.Speaker = new TextSpan(toks[from].Start, toks[to].End);
        rel.Cue = new TextSpan(toks[last].Start, toks[last].End);
        if (mark >= first)
        {
            rel.Parts[pi] = new TextSpan(rel.Parts[pi].Start, toks[mark].End);
        }
        else
        {
            rel.Parts.RemoveAt(pi);
        }

        return true;
    }
}
