using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>A relation under construction: content pieces, cue, speaker.</summary>
internal sealed class Relation
{
    public List<TextSpan> Parts { get; } = [];
    public TextSpan? Cue { get; set; }
    public TextSpan? Speaker { get; set; }
    public bool Direct { get; set; }
    public bool HasPartialQuote { get; set; }
    public int Paragraph { get; init; }
    public int Group { get; set; } = -1;

    /// <summary>A possessive nominal cue in object position ("is doubling down on his support for X"): the reviser gives it the clause subject.</summary>
    public bool ObjectNominal { get; set; }
}

/// <summary>One quote-aware sentence with its tokens and per-token flags.</summary>
internal sealed class SentenceInfo
{
    public required TextSpan Span { get; init; }
    public required int Paragraph { get; init; }
    public required List<Tok> Toks { get; init; }
    /// <summary>Token lies inside (or is a mark of) a quotation segment.</summary>
    public required bool[] InQuote { get; init; }
    /// <summary>Token already belongs to a relation (PolNeAR-style univocal: a token is in at most one).</summary>
    public required bool[] Used { get; init; }

    /// <summary>The sentence of <paramref name="sentences"/> (in text order) whose span holds <paramref name="pos"/>, or null.</summary>
    public static SentenceInfo? At(IReadOnlyList<SentenceInfo> sentences, int pos)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var span = sentences[mid].Span;
            if (pos < span.Start)
            {
                hi = mid - 1;
            }
            else if (pos >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return sentences[mid];
            }
        }

        return null;
    }

    /// <summary>Token range wholly inside <paramref name="span"/>, or (-1, -1) when no token is.</summary>
    public (int First, int Last) TokenRange(TextSpan span)
    {
        int first = -1, last = -1;
        for (var k = 0; k < Toks.Count; k++)
        {
            if (Toks[k].Start >= span.Start && Toks[k].End <= span.End)
            {
                if (first < 0)
                {
                    first = k;
                }

                last = k;
            }
        }

        return (first, last);
    }
}

/// <summary>The pattern matcher behind <see cref="QuoteExtractor"/>; one instance per text, not shared.</summary>
internal sealed partial class QuoteScanner
{
    private static readonly FrozenSet<string> _aux = FrozenSet.ToFrozenSet(
    [
        "also", "has", "have", "had", "later", "previously", "repeatedly", "then", "reportedly", "once", "recently",
        "publicly", "privately", "will", "would", "could", "can", "may", "might", "must", "should", "did", "does", "do",
        "never", "not", "n't", "just", "already", "often", "again", "still", "even", "first", "further", "simply",
        "is", "was", "were", "are", "been", "being", "be", "only", "all", "both", "each", "too", "subsequently", "soon",
        "now", "long", "ever", "always", "last", "yesterday", "today", "had", "has", "'ve", "'d", "’ve", "’d",
        "earlier", "quickly", "himself", "herself", "themselves", "itself", "personally", "reportedly", "initially",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _blockers = FrozenSet.ToFrozenSet(
    [
        "that", "which", "whom", "whose", "and", "but", "or", "nor", "because", "when", "if", "as", "while", "after",
        "before", "than", "since", "although", "though", "so", "where", "what", "how", "why", "whether", "until",
        "unless", "not", "to", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will",
        "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "yet", "also", "this",
        "these", "those", "there", "here", "it's", "it’s", "however", "meanwhile", "instead", "why", "said",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _pronounSubjects = FrozenSet.ToFrozenSet(
        ["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _objectPronouns = FrozenSet.ToFrozenSet(
    [
        "him", "her", "them", "me", "us", "you", "reporters", "journalists", "supporters", "voters", "listeners",
        "viewers", "readers", "lawmakers", "colleagues", "students", "attendees", "members", "senators", "congress",
        "audiences", "crowds", "donors", "employees", "investors", "host", "hosts", "officials", "it", "everyone",
        "people", "americans",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _tellLike = FrozenSet.ToFrozenSet(
    [
        "told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "reminded", "remind", "reminds",
        "reminding", "assured", "assure", "assures", "assuring", "informed", "inform", "informs", "warned", "warn",
        "warns", "warning", "urged", "urge", "urges", "urging", "promised", "promise", "promises", "showed", "convinced",
        "advised", "encouraged", "pressed", "implored", "begged", "invited", "called", "calls", "calling",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _prepositions = FrozenSet.ToFrozenSet(
    [
        "in", "on", "at", "during", "via", "through", "over", "to", "with", "from", "after", "before", "by", "for",
        "about", "of", "into", "ahead", "late", "early", "last", "this", "on", "since", "outside", "inside",
    ], StringComparer.Ordinal);

    /// <summary>Cue forms that are also common nouns ("states", "reports", "calls"): they need a capitalised or pronoun subject, or one opened by a determiner.</summary>
    private static readonly FrozenSet<string> _nounLike = FrozenSet.ToFrozenSet(
    [
        "state", "states", "report", "reports", "claim", "claims", "charge", "charges", "note", "notes", "answer", "answers",
        "comment", "comments", "remark", "remarks", "post", "posts", "text", "texts", "estimate", "estimates", "call", "calls",
        "counter", "counters", "hold", "holds", "rule", "rules", "order", "orders", "point", "points", "tweet", "tweets",
        "joke", "jokes", "reply", "replies", "fear", "fears", "hope", "hopes", "doubt", "doubts", "bet", "bets", "mean",
        "means", "show", "shows", "signal", "signals", "back", "backs", "demand", "demands", "request", "requests",
        "pledge", "pledges", "promise", "promises", "vow", "vows", "wish", "wishes", "plan", "plans", "need", "needs",
        "move", "moves", "offer", "offers", "vote", "votes", "aim", "aims", "push", "pushes", "press", "attack", "attacks",
        "question", "questions", "blast", "blasts", "slam", "slams", "knock", "knocks", "credit", "credits", "thanks",
        "welcome", "welcomes", "challenge", "challenges", "dispute", "disputes", "label", "labels", "brand", "brands",
        "support", "supports", "rip", "rips", "bash", "respond", "cry", "feel", "feels", "read", "reads", "project",
        "projects", "forecast", "forecasts", "trust", "guess", "comment", "warning", "judge", "judges", "email", "emails",
        "report", "record", "cite", "cites", "quip", "quips", "muse", "muses", "shout", "shouts", "chant", "chants",
        "yell", "scream", "screams", "boast", "boasts", "complaint", "sigh", "laugh", "smile", "smiles", "fire", "beg",
        "rule", "decline", "declines", "refuse", "hail", "champion", "dub", "mock", "hear",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _determiners = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "some", "many", "most", "several", "other", "both", "two", "three", "all"], StringComparer.Ordinal);

    private readonly string _text;
    private readonly List<SentenceInfo> _sentences = [];
    private readonly List<Relation> _relations = [];
    private ImmutableArray<QuoteSegment> _segments;

    public QuoteScanner(string text) => _text = text;

    public IReadOnlyList<SentenceInfo> Sentences => _sentences;

    public List<Relation> Run()
    {
        var paragraphs = QuoteSegmenter.Paragraphs(_text);
        _segments = QuoteSegmenter.Segments(_text, paragraphs);
        var spans = new List<TextSpan>();
        for (var p = 0; p < paragraphs.Length; p++)
        {
            spans.Clear();
            QuoteSegmenter.Sentences(_text, paragraphs[p], _segments, spans);
            foreach (var s in spans)
            {
                var toks = QuoteSegmenter.Tokenize(_text, s);
                var inQuote = new bool[toks.Count];
                for (var g = FirstSegmentEndingAfter(s.Start); g < _segments.Length && _segments[g].Span.Start < s.End; g++)
                {
                    var seg = _segments[g];
                    if (seg.Span.End <= s.Start)
                    {
                        continue;
                    }

                    for (var k = 0; k < toks.Count; k++)
                    {
                        if (toks[k].Start >= seg.Span.Start && toks[k].End <= seg.Span.End)
                        {
                            inQuote[k] = true;
                        }
                    }
                }

                _sentences.Add(new SentenceInfo { Span = s, Paragraph = p, Toks = toks, InQuote = inQuote, Used = new bool[toks.Count] });
            }
        }

        for (var i = 0; i < _sentences.Count; i++)
        {
            ColonLead(i);
            DirectQuotes(i);
            RelativeObjects(i);
            ClauseCues(i);
            AgentPredicates(i);
            RecallRules(i);
            RecallRules2(i);
            RecallRules4(i);
            RecallRules5(i);
            RecallRules6(i);
            RecallRules7(i);
            RecallRules8(i);
            RecallRules9(i);
            RecallRules10(i);
        }

        foreach (var rel in _relations)
        {
            RepairSpeaker(rel);
            TrimTrailingAdjuncts5(rel);
        }

        PrecisionRules13();
        PrecisionRules14();
        PrecisionRules15();
        PrecisionRules16();
        PrecisionRules17();

        // A clause content of nothing but function words, numbers or a time ("said that", "Clinton: 1,769", "responded Friday") reports nothing.
        _relations.RemoveAll(r => !r.Direct && r.Parts.TrueForAll(IsEmptyContent));

        _relations.Sort((a, b) => a.Parts[0].Start.CompareTo(b.Parts[0].Start));
        return _relations;
    }

    /// <summary>
    /// A speaker phrase that opens with a preposition or is a bare date word ("On Tuesday", "in France", "By the") is an
    /// adverbial, not an agent: the subject after the sentence's opening adverbial speaks instead when there is one that
    /// is not part of the content, else nobody.
    /// </summary>
    private void RepairSpeaker(Relation rel)
    {
        if (rel.Speaker is not { } sp || sp.End > _text.Length)
        {
            return;
        }

        if (RelativeBeforeTime(sp) is { } relative)
        {
            rel.Speaker = relative;
            return;
        }

        // cheap test on the first word before looking for the sentence
        var w = sp.Start;
        while (w < sp.End && char.IsLetter(_text[w]))
        {
            w++;
        }

        var firstWord = _text.AsSpan(sp.Start, w - sp.Start);
        if (!_prepositionLookup.Contains(firstWord) && !_weekdayLookup.Contains(firstWord))
        {
            return;
        }

        var s = _sentences.Find(x => x.Span.Contains(sp));
        if (s is null)
        {
            return;
        }

        var (first, last) = s.TokenRange(sp);
        if (first < 0)
        {
            return;
        }

        var t = s.Toks[first];
        // "About four in 10 voters", "Those over 60", "In 't Veld": numbers and names after the first word make it a phrase
        var named = false;
        for (var k = first + 1; k <= last; k++)
        {
            named |= s.Toks[k].IsCapitalized || char.IsDigit(s.Toks[k].Text[0]);
        }

        var adverbial = (_prepositions.Contains(t.Lower) && t.Lower is not ("last" or "this" or "late" or "early" or "about" or "over" or "from") && !named)
            || (first == last && _weekdays.Contains(t.Lower));
        if (!adverbial)
        {
            return;
        }

        rel.Speaker = null;
        if (SubjectOf(s) is { } subject && !_prepositions.Contains(s.Toks[subject.Start].Lower) && !_weekdays.Contains(s.Toks[subject.End].Lower))
        {
            var span = new TextSpan(s.Toks[subject.Start].Start, s.Toks[subject.End].End);
            var inContent = rel.Parts.Exists(p => p.Overlaps(span));
            if (!inContent && span.End <= (rel.Cue?.Start ?? int.MaxValue))
            {
                rel.Speaker = span;
            }
        }
    }

    private static readonly FrozenSet<string> _timeWords = FrozenSet.ToFrozenSet(
        ["past", "year", "years", "week", "weeks", "month", "months", "night", "time", "day", "days", "morning", "evening", "afternoon", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        StringComparer.Ordinal);

    /// <summary>
    /// "Sanders, who on Tuesday endorsed Clinton" / "Cruz, who last year threatened …": a time phrase right after a
    /// relative "who" is an adverbial; the relative pronoun is the subject of the cue and speaks (PolNeAR, like most
    /// annotation schemes, marks the in-clause mention). Returns the span of "who", else null.
    /// </summary>
    private TextSpan? RelativeBeforeTime(TextSpan sp)
    {
        var words = _text[sp.Start..sp.End].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 3 || !_timeWords.Contains(words[^1].ToLowerInvariant()))
        {
            return null;
        }

        var e = sp.Start - 1;
        while (e >= 0 && _text[e] == ' ')
        {
            e--;
        }

        // "who has in the past described": skip an auxiliary and a preposition
        for (var hop = 0; hop < 3 && e >= 0; hop++)
        {
            var ws = e;
            while (ws > 0 && char.IsLetter(_text[ws - 1]))
            {
                ws--;
            }

            var word = _text[ws..(e + 1)];
            if (word is "who" or "Who")
            {
                return new TextSpan(ws, e + 1);
            }

            if (word is not ("in" or "has" or "had" or "have" or "on" or "over"))
            {
                return null;
            }

            e = ws - 1;
            while (e >= 0 && _text[e] == ' ')
            {
                e--;
            }
        }

        return null;
    }

    private bool IsEmptyContent(TextSpan part)
    {
        var start = part.Start;
        while (start < part.End)
        {
            while (start < part.End && !char.IsLetterOrDigit(_text[start]))
            {
                start++;
            }

            var end = start;
            while (end < part.End && (char.IsLetterOrDigit(_text[end]) || _text[end] is ',' or '.' && end + 1 < part.End && char.IsDigit(_text[end + 1])))
            {
                end++;
            }

            if (end > start)
            {
                var word = _text.AsSpan(start, end - start);
                if (!char.IsDigit(word[0]) && !_emptyWordLookup.Contains(word) && !_weekdayLookup.Contains(word))
                {
                    return false;
                }
            }

            start = end;
        }

        return true;
    }

    private static readonly FrozenSet<string> _emptyWords = FrozenSet.ToFrozenSet(
    [
        "that", "the", "a", "an", "it", "this", "these", "those", "here", "below", "above", "recently", "earlier", "later",
        "still", "so", "too", "also", "again", "then", "now", "not", "on", "in", "at", "of", "to",
        "and", "or", "but", "with", "for", "last", "week", "month", "year", "night", "morning", "afternoon", "evening",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _emptyWordLookup = _emptyWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> _prepositionsAnyCase = FrozenSet.ToFrozenSet(_prepositions, StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _prepositionLookup = _prepositionsAnyCase.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string> _weekdaysAnyCase = FrozenSet.ToFrozenSet(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _weekdayLookup = _weekdaysAnyCase.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> _weekdays = FrozenSet.ToFrozenSet(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"], StringComparer.Ordinal);

    // ---------------------------------------------------------------- direct quotations

    /// <summary>Index of the first segment whose end is after <paramref name="pos"/> (segments are in text order and do not overlap).</summary>
    private int FirstSegmentEndingAfter(int pos)
    {
        int lo = 0, hi = _segments.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_segments[mid].Span.End <= pos)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private void DirectQuotes(int si)
    {
        var s = _sentences[si];
        for (var g = FirstSegmentEndingAfter(s.Span.Start); g < _segments.Length && _segments[g].Span.Start < s.Span.End; g++)
        {
            var seg = _segments[g];
            if (seg.Single || seg.Span.Start < s.Span.Start)
            {
                continue;
            }

            var (first, last) = s.TokenRange(seg.Span);
            if (first < 0 || !HasWord(s, first, last))
            {
                continue;
            }

            // A continuation of a quotation opened in an earlier paragraph.
            var cont = _relations.LastOrDefault(r => r.Direct && r.Group == seg.Group);
            if (cont is not null && seg.Span.Start == s.Span.Start && cont.Paragraph < s.Paragraph)
            {
                cont.Parts.Add(seg.Inner);
                MarkUsed(s, first, last);
                continue;
            }

            var rel = After(s, seg, first, last) ?? Before(s, seg, first, last);
            if (rel is not null)
            {
                ParentheticalHead(s, rel, first);
                rel.Group = seg.Group;
                var prev = _relations.LastOrDefault();
                if (prev is not null && prev.Direct && prev.Paragraph == s.Paragraph && prev.Cue is null)
                {
                    // an earlier unattributed quotation in this paragraph belongs to this speaker
                    rel.Parts.InsertRange(0, prev.Parts);
                    _relations.Remove(prev);
                }

                _relations.Add(rel);
                continue;
            }

            // "Q1," he said, "Q2": a quotation right after the previous quote's attribution continues it
            var justAfter = _relations.LastOrDefault(r => r.Direct && r.Paragraph == s.Paragraph && r.Cue is not null);
            if (justAfter is not null && first >= 1)
            {
                var attributionEnd = Math.Max(justAfter.Cue!.Value.End, justAfter.Speaker?.End ?? 0);
                var between = 0;
                for (var k = first - 1; k >= 0 && s.Toks[k].Start >= attributionEnd; k--)
                {
                    between += s.Toks[k].IsWord ? 1 : 0;
                }

                if (attributionEnd > s.Span.Start && attributionEnd <= seg.Span.Start && (between == 0 || ContinuesAfterLongAttribution(s, attributionEnd, first)))
                {
                    justAfter.Parts.Add(seg.Inner);
                    MarkUsed(s, first, last);
                    continue;
                }
            }

            // Unattributed: a whole-sentence quotation continues the paragraph's (or previous paragraph's) last direct quote.
            var atStart = seg.Span.Start == s.Span.Start;
            if (!atStart && ColonQuote11(s, seg, first, last) is { } colonQuote)
            {
                colonQuote.Group = seg.Group;
                _relations.Add(colonQuote);
                continue;
            }

            if (!atStart)
            {
                continue; // a partial quotation inside a clause: left to the clause patterns
            }

            if (si > 0 && _sentences[si - 1].Paragraph == s.Paragraph && _sentences[si - 1].Toks is { Count: > 2 } pt && pt[^1].Text == ":"
                && ColonClause11(_sentences[si - 1], pt.Count - 1) is { } introduced)
            {
                // "…, but he gave the council a parting shot:" then the quotation as its own sentence
                var prevS = _sentences[si - 1];
                var colonRel = new Relation { Paragraph = s.Paragraph, Direct = true, Group = seg.Group };
                colonRel.Parts.Add(seg.Inner);
                AttributeToColonClause11(colonRel, prevS, introduced);
                MarkUsed(s, first, last);
                MarkUsed(prevS, introduced.SpStart, pt.Count - 1);
                _relations.Add(colonRel);
                continue;
            }

            var last2 = _relations.LastOrDefault(r => r.Direct && r.Paragraph == s.Paragraph && r.Cue is not null);
            if (last2 is not null)
            {
                last2.Parts.Add(seg.Inner);
                MarkUsed(s, first, last);
                continue;
            }

            if (IsWholeSentence(s, first, last) && !SentenceHasCue(s))
            {
                if (ContinuesPreviousParagraph(si, seg))
                {
                    MarkUsed(s, first, last);
                    continue;
                }

                var orphan = new Relation { Paragraph = s.Paragraph, Direct = true, Group = seg.Group };
                orphan.Parts.Add(seg.Inner);
                MarkUsed(s, first, last);
                IntroducedBy(si, orphan);
                _relations.Add(orphan);
            }
        }
    }

    /// <summary>
    /// Speaker of a quotation paragraph without attribution: the speaker and cue of a previous sentence that ends with a
    /// colon ("Cruz told the crowd:"), else the most recent speaker (news text keeps the last speaker talking).
    /// </summary>
    private void IntroducedBy(int si, Relation orphan)
    {
        if (si > 0)
        {
            var prev = _sentences[si - 1];
            var toks = prev.Toks;
            if (toks.Count > 2 && toks[^1].Text == ":")
            {
                for (var c = toks.Count - 2; c >= 0; c--)
                {
                    if (toks[c].IsWord && !prev.InQuote[c] && IsAttributiveVerb(toks[c].Lower) && SpeakerLeft(prev, c, 0) is { } np)
                    {
                        orphan.Cue = new TextSpan(toks[c].Start, toks[c].End);
                        orphan.Speaker = new TextSpan(toks[np.Start].Start, toks[np.End].End);
                        return;
                    }
                }

                // "Hollis leaned in and boomed:" — no speech verb: the clause's subject speaks, its predicate is the cue
                if (ColonClause11(prev, toks.Count - 1) is { } cl)
                {
                    AttributeToColonClause11(orphan, prev, cl);
                    return;
                }
            }
        }

        var last = _relations.LastOrDefault(r => r.Speaker is not null);
        if (last is not null && orphan.Parts[0].Start - last.Speaker!.Value.End < 1500)
        {
            orphan.Speaker = last.Speaker;
        }
    }

    private static bool IsWholeSentence(SentenceInfo s, int first, int last)
    {
        for (var k = last + 1; k < s.Toks.Count; k++)
        {
            if (s.Toks[k].IsWord)
            {
                return false;
            }
        }

        return first == 0;
    }

    private static bool SentenceHasCue(SentenceInfo s)
    {
        for (var k = 0; k < s.Toks.Count; k++)
        {
            if (!s.InQuote[k] && s.Toks[k].IsWord && CueLexicon.TryGet(s.Toks[k].Lower, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>“Quote,” Speaker said. / “Quote,” said Speaker. / “Quote,” Speaker, a ..., said.</summary>
    private Relation? After(SentenceInfo s, QuoteSegment seg, int first, int last)
    {
        var toks = s.Toks;
        if (IsTitle(s, first, last))
        {
            return null;
        }

        // "Fundraising was “stagnant” as donors waited, he said": a quoted phrase inside a clause is not the quotation
        // the cue after it attributes; the clause patterns take the whole clause
        if (first > 0 && toks[first - 1].IsWord && !s.InQuote[first - 1] && !IsAttributiveVerb(toks[first - 1].Lower) && toks[first - 1].Lower != "that"
            && last + 1 < toks.Count && toks[last + 1].IsWord && !s.InQuote[last + 1] && !EndsWithPunctuation(s, first, last))
        {
            return null;
        }

        if (QuotedInsideCueClause(s, first))
        {
            return null;
        }

        var k = last + 1;
        if (k < toks.Count && toks[k].Text == ",")
        {
            k++;
        }

        if (k >= toks.Count || !toks[k].IsWord || s.Used[k])
        {
            return null;
        }

        // inverted: said Speaker
        if (IsAttributiveVerb(toks[k].Lower) && k + 1 < toks.Count)
        {
            var np = SpeakerRight(s, k + 1);
            if (np is { } r)
            {
                return MakeDirect(s, seg, first, last, k, k, r.Start, r.End);
            }
        }

        // Speaker [adverbs] said
        for (var c = k; c < Math.Min(toks.Count, k + 14); c++)
        {
            if (s.InQuote[c] || s.Used[c])
            {
                break;
            }

            if (toks[c].IsWord && IsAttributiveVerb(toks[c].Lower) && c > k)
            {
                var np = SpeakerLeft(s, c, k);
                // "“Q.” The company said its moves worked": a clause after the cue is its content, so the cue is not the quotation's.
                if (np is not null && OpensClauseAfterCue(s, CueEnd(s, c) + 1) && !_tellLike.Contains(toks[c].Lower))
                {
                    break;
                }

                if (np is { } l && (l.Start == k || OnlyRoleWords(s, k, l.Start) || AppositionRun(s, k, l.Start)))
                {
                    // Right after the quotation, lowercase words before the name are its role ("union leader Ada Roe said"),
                    // or a role and the name in apposition ("the press secretary, Josh Earnest, said").
                    return MakeDirect(s, seg, first, last, c, CueEnd(s, c), k, l.End);
                }

                break;
            }
        }

        return null;
    }

    /// <summary>True when the quotation <paramref name="first"/>..<paramref name="last"/> ends with a comma or a full stop inside its closing marks (“…,” / ''….'').</summary>
    private static bool EndsWithPunctuation(SentenceInfo s, int first, int last)
    {
        var j = last;
        while (j > first && s.Toks[j].Kind == TokKind.QuoteMark)
        {
            j--;
        }

        return j > first && s.Toks[j].Text is "," or "." or "!" or "?";
    }

    /// <summary>True when token <paramref name="k"/> opens a clause (a subject pronoun, "that", a determiner or possessive): what follows a cue there is its content.</summary>
    private static bool OpensClauseAfterCue(SentenceInfo s, int k)
    {
        if (k >= s.Toks.Count || !s.Toks[k].IsWord || s.InQuote[k])
        {
            return false;
        }

        return s.Toks[k].Lower is "that" or "he" or "she" or "they" or "it" or "we" or "i" or "the" or "its" or "his" or "their" or "our" or "there" or "this" or "these";
    }

    private static int WordsBetween(SentenceInfo s, int from, int to)
    {
        var n = 0;
        for (var k = from; k < to && k < s.Toks.Count; k++)
        {
            n += s.Toks[k].IsWord ? 1 : 0;
        }

        return n;
    }

    /// <summary>True when tokens [from, to) hold a role and a comma before the name ("the White House press secretary, ") and no clause word.</summary>
    private static bool AppositionRun(SentenceInfo s, int from, int to)
    {
        if (to - from > 10 || to <= from)
        {
            return false;
        }

        var comma = false;
        for (var k = from; k < to; k++)
        {
            var t = s.Toks[k];
            if (s.InQuote[k] || s.Used[k] || (t.IsWord && (_blockers.Contains(t.Lower) || _pronounSubjects.Contains(t.Lower))))
            {
                return false;
            }

            comma |= t.Text == ",";
        }

        return comma ? s.Toks[to - 1].Text == "," : to - from <= 6;
    }

    /// <summary>A quotation that names a show, book or article ("on “CBS This Morning,”", "Fox’s “Hannity”"): short, title-case, after a preposition or possessive.</summary>
    private static bool IsTitle(SentenceInfo s, int first, int last)
    {
        if (first < 1)
        {
            return false;
        }

        var before = s.Toks[first - 1];
        if (!(before.IsWord && (before.Lower is "on" or "in" or "at" or "of" or "from" or "titled" or "called" or "entitled" || before.Lower.EndsWith("'s", StringComparison.Ordinal) || before.Lower.EndsWith("’s", StringComparison.Ordinal))))
        {
            return false;
        }

        var words = 0;
        for (var k = first; k <= last; k++)
        {
            var t = s.Toks[k];
            if (t.IsWord)
            {
                words++;
                if (!t.IsCapitalized && t.Lower is not ("of" or "the" or "and" or "a" or "an" or "in" or "on" or "for" or "to" or "with"))
                {
                    return false;
                }
            }
            else if (t.Kind == TokKind.Punct && t.Text is "." or "!" or "?")
            {
                return false;
            }
        }

        return words is > 0 and <= 6;
    }

    /// <summary>True when tokens [from, to) are plain lowercase words (no cue words, no punctuation): a role before a name.</summary>
    private static bool OnlyRoleWords(SentenceInfo s, int from, int to)
    {
        if (to - from > 5)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            var t = s.Toks[k];
            if (!t.IsWord || s.InQuote[k] || s.Used[k] || _blockers.Contains(t.Lower) || _pronounSubjects.Contains(t.Lower) || CueLexicon.TryGet(t.Lower, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Speaker said: “Quote.” / Speaker told X, “Quote.” / Speaker said that “Quote.”</summary>
    private Relation? Before(SentenceInfo s, QuoteSegment seg, int first, int last)
    {
        var toks = s.Toks;
        var k = first - 1;
        if (k < 0)
        {
            return null;
        }

        var prev = toks[k];
        if (!(prev.Text is ":" or "," || prev.Lower == "that" || (prev.IsWord && IsAttributiveVerb(prev.Lower)) || prev.Text is "—" or "-"))
        {
            return null;
        }

        // "saying that “bombastic comments” do more harm": a quoted phrase the clause goes on after is part of an
        // indirect content, left to the clause patterns
        if (prev.IsWord && last + 1 < toks.Count && toks[last + 1].IsWord && !s.InQuote[last + 1] && !IsAttributiveVerb(toks[last + 1].Lower)
            && !_pronounSubjects.Contains(toks[last + 1].Lower))
        {
            return null;
        }

        for (var c = k; c >= Math.Max(0, k - 12); c--)
        {
            if (s.InQuote[c] || s.Used[c])
            {
                break;
            }

            var t = toks[c];
            if (t.IsWord && prev.Text is not (":" or ",") && CueLexicon.TryGet(t.Lower, out var objCls) && objCls is CueClass.Object or CueClass.Infinitive && !t.IsCapitalized && !_nounLike.Contains(t.Lower))
            {
                break; // "called the plan “a fiasco”": a partial quotation, left to the clause patterns
            }

            if (t.IsWord && !t.IsCapitalized && CueLexicon.TryGet(t.Lower, out var cls) && cls != CueClass.Object && cls != CueClass.Infinitive)
            {
                var np = SpeakerLeft(s, c, 0);
                if (_nounLike.Contains(t.Lower) && (np is not { } nn || !StrongSubject(s, nn.Start, nn.End, t.Lower)))
                {
                    continue;
                }

                var cueEnd = CueEnd(s, c);
                if (!_tellLike.Contains(t.Lower) && OpensClauseAfterCue(s, cueEnd + 1) && WordsBetween(s, cueEnd + 1, first) > 3)
                {
                    // "The company said its moves had produced results, “including …”": the clause, quotation included, is the content
                    return null;
                }

                if (np is { } l)
                {
                    return MakeDirect(s, seg, first, last, c, CueEnd(s, c), l.Start, l.End);
                }

                if (t.Lower.EndsWith("ing", StringComparison.Ordinal) && (LastSpeakerIn(s) ?? SubjectOf(s)) is { } subj)
                {
                    // the subject may still speak for the sentence's main verb ("Starr said …, explaining, “…”"): not marked used
                    var made = MakeDirect(s, seg, first, last, c, CueEnd(s, c), -1, -1);
                    made.Speaker = new TextSpan(s.Toks[subj.Start].Start, s.Toks[subj.End].End);
                    return made;
                }

                return MakeDirect(s, seg, first, last, c, CueEnd(s, c), -1, -1);
            }

            if (t.Text is "." or "!" or "?")
            {
                break;
            }
        }

        return null;
    }

    private Relation MakeDirect(SentenceInfo s, QuoteSegment seg, int first, int last, int cue, int cueEnd, int spStart, int spEnd)
    {
        var rel = new Relation { Paragraph = s.Paragraph, Direct = true };
        rel.Parts.Add(seg.Inner);
        rel.Cue = new TextSpan(s.Toks[cue].Start, s.Toks[cueEnd].End);
        MarkUsed(s, first, last);
        MarkUsed(s, cue, cueEnd);
        if (spStart >= 0)
        {
            rel.Speaker = new TextSpan(s.Toks[spStart].Start, s.Toks[spEnd].End);
            MarkUsed(s, spStart, spEnd);
        }

        return rel;
    }

    private static bool IsAttributiveVerb(string lower) => CueLexicon.TryGet(lower, out var cls) && cls is CueClass.Speech or CueClass.That;

    /// <summary>Extends a cue over a particle of a phrasal cue ("pointed out", "went on").</summary>
    private static readonly FrozenSet<string> _speakTalk = FrozenSet.ToFrozenSet(
        ["spoke", "spoken", "speak", "speaks", "speaking", "talk", "talked", "talks", "talking", "wrote", "written", "write", "writes", "writing", "joked", "complained", "boasted", "bragged", "warned"],
        StringComparer.Ordinal);

    private static int CueEnd(SentenceInfo s, int c)
    {
        // "spoke about", "talked glowingly about", "has spoken at length of", "spoke out about": a speaking verb, up to two
        // adverbial words, then "about" or "of"
        if (_speakTalk.Contains(s.Toks[c].Lower))
        {
            for (var k = c + 1; k < Math.Min(s.Toks.Count - 1, c + 4); k++)
            {
                var w = s.Toks[k];
                if (!w.IsWord || s.InQuote[k])
                {
                    break;
                }

                if (w.Lower is "about" or "of")
                {
                    return k;
                }

                if (!(w.Lower.EndsWith("ly", StringComparison.Ordinal) || w.Lower is "out" or "at" or "length" or "again" or "often" or "much" or "little" or "up"))
                {
                    break;
                }
            }
        }

        if (c + 1 < s.Toks.Count && !s.InQuote[c + 1] && CueLexicon.StartsPhrasal(s.Toks[c].Lower)
            && !(s.Toks[c + 1].Lower == "on" && c + 2 < s.Toks.Count && s.Toks[c + 2].Lower == "to" && s.Toks[c].Lower is "went" or "goes" or "go"))
        {
            var pair = s.Toks[c].Lower + " " + s.Toks[c + 1].Lower;
            foreach (var p in CueLexicon.Phrasal)
            {
                if (p == pair)
                {
                    return c + 1;
                }
            }
        }

        return c;
    }

    // ---------------------------------------------------------------- clause patterns

    /// <summary>"Cruz: Trump would ..." / "NY Post: ..." / "A: I came home ...": a paragraph opening with a short name and a colon.</summary>
    private void ColonLead(int si)
    {
        var s = _sentences[si];
        if (si > 0 && _sentences[si - 1].Paragraph == s.Paragraph)
        {
            return;
        }

        var toks = s.Toks;
        var colon = -1;
        for (var k = 0; k < Math.Min(toks.Count, 6); k++)
        {
            if (toks[k].Text == ":")
            {
                colon = k;
                break;
            }

            // "Clinton camp: ...", "Clinton to Planned Parenthood: ...": lowercase words after a capitalised first word,
            // but not verbs, pronouns or conjunctions ("Here is the thing: ...")
            if (!toks[k].IsWord || !(toks[k].IsCapitalized || char.IsDigit(toks[k].Text[0]) || toks[k].Lower is "of" or "at" or "the" or "and"
                || (k > 0 && toks[k].Lower is "to" or "on" or "camp" or "campaign" or "aides" or "allies" or "spokesman" or "spokeswoman" or "chief" or "leader")))
            {
                return;
            }
        }

        if (colon <= 0 || colon + 2 >= toks.Count || !toks[0].IsCapitalized || s.InQuote[colon])
        {
            return;
        }

        // "Q: ..." / "A: ...": interview transcripts, where the attribution is inside the answer ("I think ...")
        if (colon == 1 && toks[0].Text.Length == 1)
        {
            return;
        }

        // section labels of news pages ("The Latest:", "Editor's Note:", "Update:", "Poll:") name no speaker
        if (_colonLabels.Contains(_text[toks[0].Start..toks[colon - 1].End].ToLowerInvariant()))
        {
            return;
        }

        // times ("10:30") are tokenised as number, colon, number: skip
        if (char.IsDigit(toks[colon - 1].Text[0]) && char.IsDigit(toks[colon + 1].Text[0]))
        {
            return;
        }

        if (Trim(s, colon + 1, toks.Count) is { } content)
        {
            var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[colon].Start, toks[colon].End), Speaker = new TextSpan(toks[0].Start, toks[colon - 1].End) };
            rel.Parts.Add(content);
            rel.HasPartialQuote = s.InQuote.Any(q => q);
            MarkUsed(s, 0, toks.Count - 1);
            _relations.Add(rel);
        }
    }

    private static readonly FrozenSet<string> _colonLabels = FrozenSet.ToFrozenSet(
    [
        "the latest", "editor's note", "editor’s note", "editors' note", "editors’ note", "note", "update", "updated", "correction",
        "clarification", "contributing", "related", "watch", "read more", "read", "photos", "photo", "video", "exclusive",
        "breaking", "breaking news", "analysis", "opinion", "poll", "live", "live updates", "developing", "recommended",
        "see also", "more", "sign up", "first on cnn", "fact check", "fact-check",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _evidenceNouns = FrozenSet.ToFrozenSet(
        ["poll", "polls", "survey", "surveys", "study", "studies", "report", "analysis", "filing", "filings", "statement", "memo", "letter", "book", "interview", "op-ed", "speech", "tweet", "post", "column", "essay", "documents", "records", "data"],
        StringComparer.Ordinal);

    /// <summary>"In a Fox poll, Cruz had 38 percent." / "Cruz had 38 percent in the latest poll.": the poll (survey, report ...) is the source.</summary>
    private void InEvidence(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var end = -1;
        for (var k = i + 1; k < Math.Min(toks.Count, i + 9); k++)
        {
            if (!toks[k].IsWord || s.Used[k] || s.InQuote[k])
            {
                if (toks[k].Text is "-" or "'" or "’" or "/")
                {
                    continue;
                }

                break;
            }

            if (_evidenceNouns.Contains(toks[k].Lower) && (k + 1 >= toks.Count || !toks[k + 1].IsWord || toks[k + 1].Lower is "of" or "by" or "released" or "published" or "conducted" or "taken"))
            {
                end = k;
                break;
            }

            // "in the District head to the polls", "in his speech during the interview": another preposition ends the phrase
            if (toks[k].Lower is "to" or "at" or "on" or "from" or "during" or "with" or "for" or "about" or "in")
            {
                break;
            }
        }

        if (end < 0)
        {
            return;
        }

        // "in the latest CNN poll released Wednesday, ...": the release phrase belongs to the source
        if (end + 1 < toks.Count && toks[end + 1].Lower is "released" or "published" or "conducted" or "taken")
        {
            var j = end + 2;
            while (j < toks.Count && j <= end + 5 && toks[j].IsWord && !s.Used[j] && !s.InQuote[j] && (toks[j].IsCapitalized || char.IsDigit(toks[j].Text[0]) || toks[j].Lower is "last" or "this" or "on" or "in" or "earlier" or "week" or "month" or "by" or "the"))
            {
                j++;
            }

            if (j >= toks.Count || toks[j].Kind == TokKind.Punct)
            {
                end = j - 1;
            }
        }

        TextSpan? content = null;
        if (ClauseStart(s, i) == i && end + 1 < toks.Count && toks[end + 1].Text == ",")
        {
            content = ContentForward(s, end + 2);
        }
        else if (end + 1 >= toks.Count || toks[end + 1].Kind == TokKind.Punct)
        {
            content = ContentBackward(s, i);
        }

        if (content is not { } c)
        {
            return;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[i].Start, toks[i].End), Speaker = new TextSpan(toks[i + 1].Start, toks[end].End) };
        rel.Parts.Add(c);
        MarkUsed(s, i, end);
        MarkSpanUsed(s, c);
        _relations.Add(rel);
    }

    private static readonly FrozenSet<string> _whWords = FrozenSet.ToFrozenSet(
        ["whether", "if", "what", "how", "why", "who", "when", "where", "which", "about"], StringComparer.Ordinal);

    /// <summary>First words of a time or place adverbial between "asked" and its question.</summary>
    private static readonly FrozenSet<string> _askedAdverbialOpeners = FrozenSet.ToFrozenSet(
        ["on", "at", "during", "in", "later", "earlier", "recently", "again", "last", "this", "monday", "tuesday", "wednesday",
         "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight"], StringComparer.Ordinal);

    /// <summary>"Asked whether she would run, Fenn said ..." / "when asked how ...": the question is the content; the asker is usually unnamed.</summary>
    private bool AskedQuestion(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var k = i + 1;
        TextSpan? speaker = null;
        if (k < toks.Count && toks[k].Lower == "by")
        {
            var j = k + 1;
            while (j < toks.Count && j < k + 6 && toks[j].IsWord && !_whWords.Contains(toks[j].Lower))
            {
                j++;
            }

            if (j > k + 1)
            {
                speaker = new TextSpan(toks[k + 1].Start, toks[j - 1].End);
            }

            k = j;
        }

        // "Asked Tuesday about …", "asked during a January debate why …", "asked at a briefing Monday in Washington about …":
        // a short time or place adverbial between the verb and the question is skipped
        if (speaker is null && k < toks.Count && !_whWords.Contains(toks[k].Lower) && _askedAdverbialOpeners.Contains(toks[k].Lower))
        {
            var j = k + 1;
            while (j < toks.Count && j < k + 9 && toks[j].IsWord && !s.Used[j] && !s.InQuote[j] && !_whWords.Contains(toks[j].Lower))
            {
                j++;
            }

            if (j < toks.Count && _whWords.Contains(toks[j].Lower) && !s.InQuote[j])
            {
                k = j;
            }
        }

        // "asked specifically whether", "was asked repeatedly about"
        if (k + 1 < toks.Count && toks[k].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[k].Lower.Length > 4 && _whWords.Contains(toks[k + 1].Lower))
        {
            k++;
        }

        // the passive "was asked to name …" / "was asked for his view" names the request too
        var passive = i > 0 && toks[i - 1].Lower is "was" or "were" or "been" or "being" or "is" or "are" or "be";
        if (k >= toks.Count || !(_whWords.Contains(toks[k].Lower) || (passive && toks[k].Lower is "to" or "for")) || s.InQuote[k])
        {
            return false;
        }

        var end = k;
        while (end < toks.Count && !s.Used[end] && !(toks[end].Text is "," or ";" or ":" or "?" && !s.InQuote[end]))
        {
            end++;
        }

        if (Trim(s, toks[k].Lower is "about" or "for" ? k + 1 : k, end) is not { } content)
        {
            return false;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[i].Start, toks[i].End), Speaker = speaker };
        rel.Parts.Add(content);
        MarkUsed(s, i, end - 1);
        _relations.Add(rel);
        return true;
    }

    private void ClauseCues(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;

        // "according to X" first: PolNeAR-style attribution is univocal, and "Most voters say ..., according to the poll"
        // attributes the whole clause, inner cue included, to the poll.
        for (var i = 0; i + 1 < toks.Count; i++)
        {
            if (toks[i].Lower == "according" && toks[i + 1].Lower == "to" && !s.Used[i] && !s.InQuote[i])
            {
                AccordingTo(s, i);
            }
        }

        FinalAttribution(s);
        for (var i = 0; i < toks.Count; i++)
        {
            if (s.Used[i] || s.InQuote[i] || !toks[i].IsWord)
            {
                continue;
            }

            var lower = toks[i].Lower;
            if (lower == "according" && i + 1 < toks.Count && toks[i + 1].Lower == "to")
            {
                AccordingTo(s, i);
                continue;
            }

            if (lower == "in")
            {
                InEvidence(s, i);
                continue;
            }

            if (lower is "seem" or "seems" or "seemed" or "appear" or "appears" or "appeared" or "expected" or "known" or "seen" or "viewed" or "regarded" or "considered" or "perceived" or "deemed" or "thought" or "believed" && Raising(s, i))
            {
                continue;
            }

            if (lower == "asked" && (i == 0 || toks[i - 1].Lower is "when" or "whenever" or "after" or "if" or "once" or "," or "was" or "were" or "been" or "being" or "is" or "are" or "be" || s.Toks[i - 1].Kind == TokKind.QuoteMark) && AskedQuestion(s, i))
            {
                continue;
            }

            // a multiword cue may open with a word that is no cue on its own ("spoke about", "made clear", "weighed in")
            var cls = CueClass.Speech;
            var phrasalHead = (CueLexicon.StartsPhrasal(lower) || _speakTalk.Contains(lower)) && CueEnd(s, i) > i;
            if (phrasalHead ? toks[i].IsCapitalized && i > 0 && toks[i - 1].Kind != TokKind.QuoteMark
                : !CueLexicon.TryGet(lower, out cls) || CueLexicon.IsQuoteOnly(lower)
                || (toks[i].IsCapitalized && i > 0 && toks[i - 1].Kind != TokKind.QuoteMark && !(cls == CueClass.Speech && IsTitleCase(s) && lower is "says" or "said" or "tells" or "told" or "warns" or "claims" or "insists" or "admits" or "asks")))
            {
                continue;
            }

            // passive ("reported by the Times"): the agent is not a subject we can find here
            if (i + 1 < toks.Count && toks[i + 1].Lower == "by" && cls != CueClass.Infinitive)
            {
                continue;
            }

            // passive ("he was offered a job", "they were told"): the subject is not the speaker
            if (i > 0 && toks[i - 1].Lower is "was" or "were" or "been" or "being" or "be" or "is" or "are" or "got" or "gets" && (cls is CueClass.Object or CueClass.Speech || (cls == CueClass.Infinitive && !(i + 1 < toks.Count && toks[i + 1].Lower == "to")))
                && (lower.EndsWith("ed", StringComparison.Ordinal) || lower is "told" or "written" or "shown" or "known" or "seen"))
            {
                continue;
            }

            var cueEnd = CueEnd(s, i);
            var phrasal = cueEnd > i;
            TryClause(s, i, cueEnd, phrasal ? CueClass.Speech : cls);
        }

        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (toks[i].Lower == "that" && !s.Used[i] && !s.Used[i - 1] && !s.InQuote[i])
            {
                NominalThat(s, i);
            }
        }

        for (var i = 1; i + 2 < toks.Count; i++)
        {
            if (!s.Used[i] && !s.InQuote[i] && _possessiveNouns.Contains(toks[i].Lower))
            {
                NominalPossessive(s, i);
            }
        }
    }

    /// <summary>Nouns of stance and speech that report what their possessor says or stands for ("Trump's call for a ban", "her decision to run").</summary>
    private static readonly FrozenSet<string> _possessiveNouns = FrozenSet.ToFrozenSet(
    [
        "decision", "decisions", "attack", "attacks", "view", "views", "claim", "claims", "support", "call", "calls", "refusal",
        "criticism", "criticisms", "critique", "opposition", "statement", "statements", "promise", "promises", "pledge", "vow",
        "plan", "plans", "proposal", "proposals", "endorsement", "comments", "comment", "remarks", "assessment", "request",
        "requests", "demand", "demands", "insistence", "argument", "praise", "defense", "defence", "embrace", "rejection",
        "denial", "warning", "warnings", "threat", "threats", "offer", "appeal", "appeals", "push", "preference", "intention",
        "desire", "condemnation", "accusation", "accusations", "suggestion", "description", "characterization", "dismissal",
    ], StringComparer.Ordinal);

    /// <summary>
    /// A possessor and a noun of stance or speech with its complement: "Trump's call for a ban on …", "her decision to
    /// run", "their criticism of the plan". The possessor speaks, the noun (with the preposition) is the cue, and the
    /// complement up to the end of its noun phrase (a comma, a finite verb, a relative word) is the content.
    /// </summary>
    private void NominalPossessive(SentenceInfo s, int t)
    {
        var toks = s.Toks;
        var prep = t + 1;
        var p = toks[prep].Lower;
        if (s.Used[prep] || s.InQuote[prep] || p is not ("to" or "of" or "for" or "on" or "against" or "about" or "over" or "with" or "toward" or "towards"))
        {
            return;
        }

        // the possessor: right before the noun or before up to two modifiers ("Trump's repeated calls", "his harsh criticism")
        (int Start, int End)? speaker = null;
        for (var j = t - 1; j >= 0 && j >= t - 3; j--)
        {
            var w = toks[j];
            if (!w.IsWord || s.Used[j] || s.InQuote[j])
            {
                break;
            }

            if (w.Lower is "his" or "her" or "their" or "its" or "our" or "my")
            {
                speaker = (j, j);
                break;
            }

            if (w.Lower.EndsWith("'s", StringComparison.Ordinal) || w.Lower.EndsWith("’s", StringComparison.Ordinal) || w.Lower.EndsWith("s'", StringComparison.Ordinal) || w.Lower.EndsWith("s’", StringComparison.Ordinal))
            {
                if (!w.IsCapitalized && !_agentNouns.Contains(w.Lower[..^2]))
                {
                    break; // "the state's support for": only named or agent possessors
                }

                var first = j;
                while (first > 0 && toks[first - 1].IsWord && toks[first - 1].IsCapitalized && !s.Used[first - 1] && !s.InQuote[first - 1])
                {
                    first--; // "Donald Trump's", "Mr. Obama's"
                }

                speaker = (first, j);
                break;
            }

            if (_determiners.Contains(w.Lower) || _blockers.Contains(w.Lower) || _prepositions.Contains(w.Lower) || w.IsCapitalized || !IsAdjectiveLike(w.Lower) && w.Lower is not ("own" or "latest" or "recent" or "repeated" or "previous" or "public" or "harsh" or "full" or "early" or "strong" or "new"))
            {
                break;
            }
        }

        if (speaker is not { } sp || (sp.Start == sp.End && toks[sp.Start].Lower == "her" && sp.Start > 0 && toks[sp.Start - 1].IsWord && !_prepositions.Contains(toks[sp.Start - 1].Lower) && toks[sp.Start - 1].Lower is not ("and" or "but" or "of")))
        {
            return;
        }

        // "He has been ratcheting up his critique of …": inside a clause with its own subject, the noun phrase is the object
        // of an act of that subject (PolNeAR marks that wider relation), so the subject speaks (SpeakerReviser)
        var inObject = sp.Start > ClauseStart(s, sp.Start);
        if (inObject && sp.Start == sp.End && toks[sp.Start].Lower is "his" or "her" or "their" or "its" or "our" or "my")
        {
            // "is doubling down on his support for …": PolNeAR marks the wider act of the clause's subject, whose cue we do
            // not see; a relation here finds that content but names its speaker only about half the time, so none is made
            return;
        }
        var from = p == "to" ? prep : prep + 1;
        if (p == "to" && !(prep + 1 < toks.Count && toks[prep + 1].IsWord && !_determiners.Contains(toks[prep + 1].Lower) && !toks[prep + 1].IsCapitalized))
        {
            from = prep + 1; // "support to the rebels": a preposition, not an infinitive
        }

        var end = from;
        while (end < toks.Count && !s.Used[end] && !(toks[end].Kind == TokKind.Punct && !s.InQuote[end] && toks[end].Text is "," or ";" or ":" or "—" or "–" or "(" or "." or "?" or "!")
            && !(end > from && !s.InQuote[end] && toks[end].IsWord && p != "to" && (_blockers.Contains(toks[end].Lower) && toks[end].Lower is not ("and" or "or" or "this" or "these" or "those" or "to" or "not") || toks[end].Lower is "who" or "which")))
        {
            end++;
        }

        if (Trim(s, from, end) is { } content)
        {
            AddClause(s, content, t, prep, sp.Start, sp.End);
            _relations[^1].ObjectNominal = inObject;
        }
    }

    /// <summary>
    /// Acts of expression and stance outside the speech-cue lexicon (PolNeAR counts an agent's stance toward something,
    /// or a statement made by a formal act, as an attribution): an agent subject (a name, a personal pronoun or a group
    /// word) directly followed by a verb of <see cref="ActLexicon"/>, whose object or complement, to the clause end, is
    /// the content ("Rubio discussed his plan", "She expressed concern about the bill", "the governor signed a law that
    /// …"). Runs last, over tokens no other rule took.
    /// </summary>
    private void AgentPredicates(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 2 < toks.Count; i++)
        {
            if (!s.Used[i] && !s.InQuote[i] && (_stanceAdjectives.Contains(toks[i].Lower) || toks[i].Lower is "favor" or "favour"))
            {
                StanceAdjective(s, i);
            }
        }

        for (var i = 1; i + 2 < toks.Count; i++)
        {
            if (FreeLowerWord(s, i) && ActLexicon.OpensIdiom(toks[i].Lower))
            {
                Idiom(s, i);
            }

            if (!s.Used[i] && !s.InQuote[i] && _lightVerbs.Contains(toks[i].Lower))
            {
                LightVerbNoun(s, i);
            }
        }

        for (var i = 1; i + 1 < toks.Count; i++)
        {
            var t = toks[i];
            if (s.Used[i] || s.InQuote[i] || !t.IsWord || t.IsCapitalized || !ActLexicon.TryGet(t.Lower, out var form) || CueLexicon.TryGet(t.Lower, out _))
            {
                continue;
            }

            var prev = toks[i - 1].Lower;
            var finite = form is ActForm.Past or ActForm.Present
                || (form == ActForm.Base && (prev is "will" or "would" or "could" or "can" or "did" or "does" or "do" or "to" or "should" or "must" or "might" or "may" || IsNegatedAux(prev)));
            if (!finite || prev is "was" or "were" or "been" or "being" or "be" or "is" or "are" or "get" or "got")
            {
                continue;
            }

            ActClause(s, i);
        }
    }

    /// <summary>
    /// The act verb at <paramref name="i"/> with an agent-like subject on its left: the subject speaks, the verb (with a
    /// following particle or preposition) is the cue and its object or clause the content. Shared by the act-verb pass and
    /// recall round 7's act verbs after an auxiliary.
    /// </summary>
    private void ActClause(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var np = SpeakerLeft(s, i, ClauseStart(s, i));
        if (np is not { } l || !AgentLike(s, l))
        {
            return;
        }

        var cueEnd = i;
        var after = i + 1;
        if (after < toks.Count && toks[after].IsWord && toks[after].Lower is "for" or "about" or "on" or "against" or "with" or "to" or "at" or "into" or "over" or "out" or "up" && after + 1 < toks.Count)
        {
            cueEnd = after;
            after++;
        }

        if (after >= toks.Count || s.Used[after] || !(toks[after].IsWord || s.InQuote[after]) || (toks[after].IsWord && _blockers.Contains(toks[after].Lower) && toks[after].Lower is not ("that" or "to" or "this" or "these" or "those")))
        {
            return;
        }

        if (ContentForward(s, after, objectContent: true) is { } f)
        {
            AddClause(s, f, i, cueEnd, l.Start, l.End);
        }
    }

    /// <summary>
    /// A light-verb idiom of stance or speech (<see cref="ActLexicon.MatchIdiom"/>: "took aim at", "cast doubt on", "made
    /// the case that"): the subject speaks, the idiom is the cue, its object (to the end of its phrase) or clause the content.
    /// </summary>
    private void Idiom(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var end = ActLexicon.MatchIdiom(i, k => k < toks.Count && toks[k].IsWord && !s.Used[k] && !s.InQuote[k] ? toks[k].Lower : null,
            k => !_prepositions.Contains(toks[k].Lower) && !_blockers.Contains(toks[k].Lower) && !toks[k].IsCapitalized);
        if (end < 0 || end + 1 >= toks.Count || s.Used[end + 1])
        {
            return;
        }

        var prev = toks[i - 1].Lower;
        if (prev is "was" or "were" or "been" or "being" or "be" or "is" or "are")
        {
            return; // "was taken aback", "is made of"
        }

        var np = SpeakerLeft(s, i, ClauseStart(s, i));
        if (np is null && toks[i].Lower.EndsWith("ing", StringComparison.Ordinal) && toks[i - 1].Text == ",")
        {
            np = LastSpeakerIn(s) ?? SubjectOf(s);
        }

        if (np is not { } l || l.End >= i)
        {
            return;
        }

        var from = toks[end].Lower == "that" ? end : end + 1;
        if (ContentForward(s, from, objectContent: toks[end].Lower != "that") is { } content)
        {
            AddClause(s, content, i, toks[end].Lower == "that" ? end - 1 : end, l.Start, l.End);
        }
    }

    private static readonly FrozenSet<string> _lightVerbs = FrozenSet.ToFrozenSet(
    [
        "make", "makes", "made", "making", "give", "gives", "gave", "given", "giving", "deliver", "delivers", "delivered",
        "delivering", "take", "takes", "took", "taken", "taking",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _lightVerbNouns = FrozenSet.ToFrozenSet(
        _possessiveNouns.Concat(["speech", "speeches", "address", "case", "pitch", "plea", "reference", "references", "point", "joke", "jokes", "vows", "pledges"]),
        StringComparer.Ordinal);

    /// <summary>
    /// A light verb with a noun of speech or stance ("made the controversial decision to …", "gave a speech on …",
    /// "made several statements about …", "took a stand against …"): the subject speaks, the verb through the preposition
    /// is the cue, the complement (to the end of its phrase) the content.
    /// </summary>
    private void LightVerbNoun(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var k = i + 1;
        while (k < toks.Count && k <= i + 4 && toks[k].IsWord && !s.Used[k] && !s.InQuote[k] && !toks[k].IsCapitalized && !_lightVerbNouns.Contains(toks[k].Lower)
            && !_prepositions.Contains(toks[k].Lower) && (!_blockers.Contains(toks[k].Lower) || toks[k].Lower is "this" or "these" or "those"))
        {
            k++;
        }

        if (k == i + 1 || k + 2 >= toks.Count || !_lightVerbNouns.Contains(toks[k].Lower) || s.Used[k] || s.Used[k + 1] || s.InQuote[k + 1])
        {
            return;
        }

        var p = toks[k + 1].Lower;
        if (p is not ("to" or "of" or "for" or "on" or "against" or "about" or "that" or "over" or "toward" or "towards") || s.Used[k + 2])
        {
            return;
        }

        var prev = toks[i - 1].Lower;
        if (prev is "was" or "were" or "been" or "being" or "be" or "is" or "are")
        {
            return;
        }

        AddNounCueClause(s, i, k, p);
    }

    /// <summary>A lower-case word token not yet in a relation and outside quotation marks: where the recall rules look for a cue.</summary>
    private static bool FreeLowerWord(SentenceInfo s, int i) =>
        !s.Used[i] && !s.InQuote[i] && s.Toks[i].IsWord && !s.Toks[i].IsCapitalized;

    /// <summary>
    /// Adds the relation of a light verb with a noun of speech or stance ("made the case that …", "had harsh words for …"):
    /// the noun phrase left of the verb at <paramref name="i"/> is the source, the clause or object after the preposition
    /// <paramref name="p"/> at <paramref name="k"/> + 1 the content; the cue runs to the noun (and the preposition unless
    /// it is "to"/"that", which open the content).
    /// </summary>
    private void AddNounCueClause(SentenceInfo s, int i, int k, string p)
    {
        var np = SpeakerLeft(s, i, ClauseStart(s, i));
        if (np is not { } l || l.End >= i)
        {
            return;
        }

        var from = p is "to" or "that" ? k + 1 : k + 2;
        if (ContentForward(s, from, objectContent: p is not ("that" or "to")) is { } content)
        {
            AddClause(s, content, i, p is "to" or "that" ? k : k + 1, l.Start, l.End);
        }
    }

    /// <summary>Adjectives of stance toward something, with the prepositions that introduce it ("critical of", "opposed to", "worried about").</summary>
    private static readonly FrozenDictionary<string, string[]> _stanceAdjectiveMap = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["critical"] = ["of"], ["skeptical"] = ["of", "about"], ["sceptical"] = ["of", "about"], ["supportive"] = ["of"], ["opposed"] = ["to"],
        ["wary"] = ["of"], ["proud"] = ["of"], ["worried"] = ["about", "by", "that"], ["concerned"] = ["about", "by", "with"], ["confident"] = ["in", "of", "about"],
        ["fond"] = ["of"], ["enamored"] = ["with", "of"], ["enamoured"] = ["with", "of"], ["angry"] = ["at", "about", "with", "over"],
        ["upset"] = ["about", "with", "by", "over"], ["frustrated"] = ["with", "by", "at", "over"], ["unhappy"] = ["with", "about"],
        ["pleased"] = ["with", "by"], ["disappointed"] = ["in", "with", "by"], ["furious"] = ["at", "with", "about", "over"],
        ["uneasy"] = ["about", "with"], ["comfortable"] = ["with"], ["uncomfortable"] = ["with"], ["optimistic"] = ["about"],
        ["pessimistic"] = ["about"], ["enthusiastic"] = ["about"], ["dismissive"] = ["of"], ["contemptuous"] = ["of"],
        ["suspicious"] = ["of"], ["hopeful"] = ["about", "of"], ["nervous"] = ["about"], ["sympathetic"] = ["to", "toward", "towards"],
        ["hostile"] = ["to", "toward", "towards"], ["receptive"] = ["to"], ["committed"] = ["to"], ["devoted"] = ["to"], ["loyal"] = ["to"],
        ["vocal"] = ["about", "in"], ["outspoken"] = ["about", "in"], ["adamant"] = ["about"], ["unapologetic"] = ["about"],
        ["fearful"] = ["of"], ["afraid"] = ["of"], ["appreciative"] = ["of"], ["grateful"] = ["for", "to"], ["satisfied"] = ["with"],
        ["dissatisfied"] = ["with"], ["tough"] = ["on"], ["soft"] = ["on"], ["bullish"] = ["on", "about"], ["bearish"] = ["on", "about"],
        ["favor"] = ["of"], ["favour"] = ["of"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> _stanceAdjectives = FrozenSet.ToFrozenSet(_stanceAdjectiveMap.Keys.Where(k => k is not ("favor" or "favour")), StringComparer.Ordinal);

    /// <summary>
    /// A subject's stance toward something through an adjective after a linking verb: "Clinton has been critical of the
    /// deal", "voters are worried about jobs", "he's opposed to the plan", "Democrats are in favor of …". The subject
    /// speaks, the linking verb through the preposition is the cue, the object (to the end of its phrase) the content.
    /// </summary>
    private void StanceAdjective(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var prep = i + 1;
        if (!StanceAdjectivePreps(toks[i].Lower, out var preps) || s.Used[prep] || s.InQuote[prep] || Array.IndexOf(preps, toks[prep].Lower) < 0 || prep + 1 >= toks.Count || s.Used[prep + 1])
        {
            return;
        }

        var j = i - 1;
        if (toks[i].Lower is "favor" or "favour")
        {
            if (j < 1 || toks[j].Lower != "in")
            {
                return;
            }

            j--; // "in favor of"
        }

        while (j >= 0 && toks[j].IsWord && !s.Used[j] && (toks[j].Lower is "very" or "so" or "too" or "more" or "most" or "less" or "least" or "quite" or "not" or "also" or "still" or "now" or "always" or "never" or "even" or "particularly" or "equally" or "increasingly" or "openly" or "deeply" or "highly" or "sharply" or "fiercely" or "strongly" or "publicly" or "vocally" or "especially" or "long" or "fully" or "all" or "both"
            || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4 && !toks[j].IsCapitalized)))
        {
            j--;
        }

        if (j < 0 || s.Used[j] || s.InQuote[j] || !toks[j].IsWord)
        {
            return;
        }

        var link = toks[j].Lower;
        int copula;
        if (IsContractedPronoun(link) && link[^1] is 's' or 'e' or 'm')
        {
            copula = j + 1; // "he's critical of": the pronoun token carries the verb
        }
        else if (link is "is" or "are" or "was" or "were" or "be" or "been" or "being" or "am" or "remain" or "remains" or "remained" or "seem" or "seems" or "seemed" or "become" or "becomes" or "became" or "grew" or "grown" or "appear" or "appears" or "appeared" or "sounded" or "sounds" or "stayed" or "stays" || (IsNegatedAux(link) && link[0] is 'i' or 'a' or 'w'))
        {
            copula = j;
        }
        else
        {
            return;
        }

        var np = SpeakerLeft(s, copula, ClauseStart(s, copula));
        if (np is not { } l || l.End >= i || s.InQuote[l.Start])
        {
            return;
        }

        if (ContentForward(s, prep + 1, objectContent: true) is { } content)
        {
            AddClause(s, content, Math.Min(copula, i), prep, l.Start, l.End);
        }
    }

    /// <summary>Group and role words that act as agents ("the campaign", "Democrats", "critics").</summary>
    private static readonly FrozenSet<string> _agentNouns = FrozenSet.ToFrozenSet(
    [
        "campaign", "candidate", "candidates", "senator", "governor", "president", "officials", "official", "administration",
        "party", "committee", "group", "groups", "court", "justices", "judge", "lawmakers", "legislators", "critics",
        "supporters", "voters", "delegates", "activists", "leaders", "leader", "republicans", "democrats", "conservatives",
        "liberals", "progressives", "advocates", "organizers", "protesters", "nominee", "congressman", "congresswoman",
        "mayor", "chairman", "chairwoman", "spokesman", "spokeswoman", "secretary", "agency", "department", "company",
        "firm", "organization", "union", "unions", "donors", "billionaire", "businessman", "politician", "politicians",
        "senators", "members", "staff", "aides", "aide", "advisers", "adviser", "campaigns", "government", "senate", "house",
        "congress", "network", "newspaper", "board", "council", "coalition", "caucus", "team", "pac", "super",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _calendarWords = FrozenSet.ToFrozenSet(
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday",
    ], StringComparer.Ordinal);

    /// <summary>True when the noun phrase can act as an agent: a personal pronoun, a capitalised last word, or a group/role word.</summary>
    private static bool AgentLike(SentenceInfo s, (int Start, int End) np)
    {
        var last = s.Toks[np.End];
        if (np.Start == np.End && last.Lower is "he" or "she" or "they" or "we" or "i" or "you")
        {
            return true;
        }

        if (_pronounSubjects.Contains(last.Lower))
        {
            return false;
        }

        // "Monday", "Having", "Especially", "the divide in America", "Trump's": not an agent opening a predicate
        if (np.Start > 0 && s.Toks[np.Start - 1].Text is "'" or "’" || last.Lower.EndsWith("'s", StringComparison.Ordinal) || last.Lower.EndsWith("’s", StringComparison.Ordinal))
        {
            return false;
        }

        for (var k = np.Start; k <= np.End; k++)
        {
            var t = s.Toks[k];
            if (t.IsWord && !t.IsCapitalized && t.Lower is "in" or "on" or "at" or "with" or "from" or "about" or "over" or "against" or "into")
            {
                return false;
            }
        }

        if (np.Start == np.End && (last.Lower.EndsWith("ing", StringComparison.Ordinal) || last.Lower.EndsWith("ly", StringComparison.Ordinal) || _calendarWords.Contains(last.Lower)))
        {
            return false;
        }

        return (last.IsCapitalized && !_calendarWords.Contains(last.Lower) && !(np.Start == np.End && np.Start == 0 && last.Lower is "the" or "this" or "that" or "it" or "there"))
            || _agentNouns.Contains(last.Lower);
    }

    /// <summary>Nouns and adjectives that take a reported "that" clause ("Trump's claim that ...", "is convinced that ...").</summary>
    private static readonly FrozenSet<string> _thatHeads = FrozenSet.ToFrozenSet(
    [
        "claim", "claims", "statement", "statements", "suggestion", "suggestions", "concern", "concerns", "assertion",
        "assertions", "warning", "warnings", "belief", "beliefs", "fear", "fears", "hope", "hopes", "argument", "arguments",
        "allegation", "allegations", "assurance", "assurances", "insistence", "contention", "accusation", "accusations",
        "speculation", "admission", "acknowledgment", "acknowledgement", "complaint", "complaints", "assumption",
        "assumptions", "notion", "conviction", "suspicion", "suspicions", "prediction", "predictions", "promise",
        "promises", "pledge", "vow", "charge", "charges", "insinuation", "implication", "announcement", "rumor", "rumors",
        "rumours", "theory", "view", "sense", "confidence", "doubt", "doubts", "worry", "worries", "case", "idea",
        "clear", "convinced", "aware", "sure", "confident", "certain", "worried", "concerned", "afraid", "hopeful",
        "optimistic", "skeptical", "sceptical", "adamant", "unaware", "insistent", "persuaded", "satisfied", "mystified",
        "surprised", "disappointed", "glad", "proud", "upset", "angry", "furious", "pleased", "happy", "thrilled",
    ], StringComparer.Ordinal);

    /// <summary>A lowercase word that may modify a noun ("repeated", "nagging", "growing", "serious", "forceful").</summary>
    private static bool IsAdjectiveLike(string lower) =>
        lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal) || lower.EndsWith("ful", StringComparison.Ordinal)
        || lower.EndsWith("ous", StringComparison.Ordinal) || lower.EndsWith("ive", StringComparison.Ordinal) || lower.EndsWith("al", StringComparison.Ordinal)
        || lower is "new" or "deep" or "strong" or "real" or "own" or "full" or "great" or "grave" or "public" or "private" or "widespread" or "common" or "false" or "clear" or "even" or "more" or "long";

    private static readonly FrozenSet<string> _adjectiveHeads = FrozenSet.ToFrozenSet(
    [
        "convinced", "aware", "sure", "confident", "certain", "worried", "concerned", "afraid", "hopeful", "optimistic",
        "skeptical", "sceptical", "adamant", "unaware", "insistent", "persuaded", "satisfied", "mystified", "surprised",
        "disappointed", "glad", "proud", "upset", "angry", "furious", "pleased", "happy", "thrilled",
    ], StringComparer.Ordinal);

    /// <summary>
    /// A "that" clause after a reporting noun or adjective ("Trump's claim that the vote was rigged", "he is convinced
    /// that ..."): the clause (with "that") is the content and the noun or adjective the cue; the speaker is a possessive
    /// before the noun ("Trump's", "his") or the subject of the adjective, else none.
    /// </summary>
    private void NominalThat(SentenceInfo s, int t)
    {
        var toks = s.Toks;
        var head = toks[t - 1];
        if (!head.IsWord || !_thatHeads.Contains(head.Lower) || head.IsCapitalized)
        {
            return;
        }

        // a clause must follow: "the claim that he lied", not the relative "the claim that was made"
        var n = toks[t + 1];
        if (!n.IsWord || !(n.IsCapitalized || char.IsDigit(n.Text[0]) || _determiners.Contains(n.Lower) || n.Lower is "he" or "she" or "they" or "it" or "we" or "i" or "you" or "there" or "this" or "these" or "no" or "if" or "every" or "any"))
        {
            return;
        }

        if (ContentForward(s, t) is not { } content)
        {
            return;
        }

        (int Start, int End)? speaker = null;
        if (_adjectiveHeads.Contains(head.Lower) || head.Lower == "clear")
        {
            // "I am fully aware that", "party bosses are so worried that", "Sanders has made (it) clear that"
            var j = t - 2;
            while (j >= 0 && toks[j].IsWord && !s.Used[j] && (toks[j].Lower is "so" or "more" or "most" or "very" or "now" or "it" or "increasingly" or "quite" or "abundantly" or "perfectly" or "am" or "’m" or "'m" or "seemed" or "seems" or "appeared" or "appears" or "remain" or "remains" or "remained" or "feel" or "feels" or "felt" or "grew" or "became" or "become" or "made" or "make" or "makes" or "making"
                || _aux.Contains(toks[j].Lower) || toks[j].Lower.EndsWith("ly", StringComparison.Ordinal)))
            {
                j--;
            }

            var copula = j + 1;
            speaker = copula < t - 1 && !(head.Lower == "clear" && toks[copula].Lower is "is" or "was" or "it") ? SpeakerLeft(s, copula, 0) : null;
        }
        else
        {
            // a possessive within three words before the noun: "Trump's repeated claim", "his assertion"
            for (var j = t - 2; j >= 0 && j >= t - 4; j--)
            {
                var w = toks[j];
                if (!w.IsWord || s.Used[j] || s.InQuote[j])
                {
                    break;
                }

                if (w.Lower is "his" or "her" or "their" or "its" or "our" or "my" or "your")
                {
                    speaker = (j, j);
                    break;
                }

                if (w.Lower.EndsWith("'s", StringComparison.Ordinal) || w.Lower.EndsWith("’s", StringComparison.Ordinal) || w.Lower.EndsWith("s'", StringComparison.Ordinal) || w.Lower.EndsWith("s’", StringComparison.Ordinal))
                {
                    var start = NounPhraseLeft(s, j, 0) ?? j;
                    speaker = (start, j);
                    break;
                }

                if (_determiners.Contains(w.Lower) || _blockers.Contains(w.Lower) || _prepositions.Contains(w.Lower))
                {
                    break;
                }
            }

            if (speaker is null)
            {
                // the object of a verb: "He expressed confidence that", "rivals cling to the hope that", "bristle at the suggestion that"
                var j = t - 2;
                var skipped = 0;
                while (j >= 0 && skipped < 4 && toks[j].IsWord && !s.Used[j] && !toks[j].IsCapitalized && (_determiners.Contains(toks[j].Lower) || toks[j].Lower is "to" or "at" or "in" or "with" or "no" or "any" or "such" || !(_blockers.Contains(toks[j].Lower) || _prepositions.Contains(toks[j].Lower) || _pronounSubjects.Contains(toks[j].Lower)) && j < t - 2 && !toks[j + 1].IsCapitalized && IsAdjectiveLike(toks[j].Lower)))
                {
                    j--;
                    skipped++;
                }

                if (j >= 1 && j < t - 1 && toks[j].IsWord && !toks[j].IsCapitalized && !s.Used[j] && !_blockers.Contains(toks[j].Lower) && !_prepositions.Contains(toks[j].Lower) && !_determiners.Contains(toks[j].Lower)
                    && (toks[j].Lower.EndsWith("ed", StringComparison.Ordinal) || toks[j].Lower.EndsWith('s') || toks[j].Lower.EndsWith("ing", StringComparison.Ordinal) || toks[j].Lower is "gave" or "give" or "made" or "make" or "left" or "leave" or "cling" or "bristle" or "voice" or "express" or "share" or "shared" or "raise" or "rejected" or "reject" or "dismiss"))
                {
                    speaker = toks[j].Lower.EndsWith("ing", StringComparison.Ordinal) ? null : SpeakerLeft(s, j, 0);
                }
            }
        }

        if (speaker is { } sp && (s.Used[sp.Start] || s.Used[sp.End]))
        {
            speaker = null;
        }

        AddClause(s, content, t - 1, t - 1, speaker?.Start ?? -1, speaker?.End ?? -1);
    }

    /// <summary>
    /// Raising predicates ("the race seemed to be Sanders's to lose", "Trump is expected to deliver a speech", "it
    /// appears that ..."): the subject and the complement are the content (two parts, the subject omitted when it is a
    /// dummy "it"), the predicate the cue, and there is no speaker: the text does not say whose impression it is.
    /// </summary>
    private bool Raising(SentenceInfo s, int c, bool predicative = false)
    {
        var toks = s.Toks;
        var lower = toks[c].Lower;
        var after = c + 1;
        if (after >= toks.Count || s.Used[after] || toks[c].IsCapitalized && c > 0)
        {
            return false;
        }

        var next = toks[after].Lower;
        var cueStart = c;
        var perceived = lower is "seen" or "viewed" or "regarded" or "considered" or "perceived" or "deemed" or "thought" or "believed";
        if (lower is "expected" or "known" || perceived)
        {
            // "is (widely) expected to": a form of "be" before, "to" after
            var b = c - 1;
            while (b >= 0 && toks[b].IsWord && ((toks[b].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[b].Lower.Length > 3) || toks[b].Lower is "not" or "also" or "still" or "now"))
            {
                b--;
            }

            // "is (not / widely) expected to", "isn't expected to"
            // "is (widely) known as / for / to": a reputation, reported without a speaker like an expectation
            if (b < 0 || toks[b].Lower is not ("is" or "are" or "was" or "were" or "be" or "been" or "’s" or "'s" or "isn't" or "isn’t" or "aren't" or "aren’t" or "wasn't" or "wasn’t" or "weren't" or "weren’t")
                || !(next == "to" || (lower == "known" && next is "as" or "for") || (perceived && next == "as") || (lower is "considered" or "deemed" && toks[after].IsWord && !_prepositions.Contains(next) && !_blockers.Contains(next))))
            {
                return false;
            }

            cueStart = b;
        }
        else if (!predicative && (lower.StartsWith("appear", StringComparison.Ordinal) ? next is not ("to" or "that") : (!toks[after].IsWord || _prepositions.Contains(next) && next != "to" || next is "and" or "or" or "but" or "like" or "as")))
        {
            return false; // "appeared at a rally", "seemed like"
        }

        if (ContentForward(s, after) is not { } complement)
        {
            return false;
        }

        // the subject: back over adverbs and auxiliaries to the start of the clause
        var end = cueStart - 1;
        while (end >= 0 && toks[end].IsWord && (_aux.Contains(toks[end].Lower) || IsNegatedAux(toks[end].Lower) || toks[end].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[end].Lower.Length > 4 && !toks[end].IsCapitalized))
        {
            end--;
        }

        var start = end;
        while (start > 0 && !s.Used[start - 1] && !s.InQuote[start - 1] && end - start < 12 && toks[start - 1].Text is not ("," or ";" or ":" or "—" or "–" or "(")
            && toks[start - 1].Lower is not ("and" or "but" or "as" or "while" or "when" or "because" or "if" or "though" or "although" or "since" or "so" or "that" or "yet" or "or" or "whether"))
        {
            start--;
        }

        if (end < 0 || s.Used[end] || s.InQuote[end] || (start > 0 && end - start >= 12))
        {
            return false;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[cueStart].Start, toks[c].End) };
        if (!(start == end && toks[end].Lower is "it" or "there") && Trim(s, start, end + 1) is { } subject)
        {
            rel.Parts.Add(subject);
            MarkSpanUsed(s, subject);
        }

        rel.Parts.Add(complement);
        MarkUsed(s, cueStart, c);
        MarkSpanUsed(s, complement);
        _relations.Add(rel);
        return true;
    }

    /// <summary>A headline in title case ("Mayor Says Bridge Will Open"): at least four words, nearly all capitalised.</summary>
    private static bool IsTitleCase(SentenceInfo s)
    {
        var words = 0;
        var capitalised = 0;
        foreach (var t in s.Toks)
        {
            if (t.IsWord && char.IsLetter(t.Text[0]))
            {
                words++;
                capitalised += t.IsCapitalized ? 1 : 0;
            }
        }

        return words >= 4 && capitalised >= 0.8 * words;
    }

    /// <summary>
    /// A sentence-final attribution (", officials said." / ", said Jane Doe, a lobbyist." / ", he told reporters.")
    /// claims the whole sentence before it, ahead of cue words inside that content.
    /// </summary>
    private void FinalAttribution(SentenceInfo s)
    {
        var toks = s.Toks;
        var comma = -1;
        for (var k = toks.Count - 1; k > 0; k--)
        {
            if (toks[k].Text == "," && !s.InQuote[k] && !s.Used[k])
            {
                comma = k;
                break;
            }
        }

        if (comma < 1)
        {
            return;
        }

        for (var c = comma + 1; c < Math.Min(toks.Count, comma + 8); c++)
        {
            if (s.Used[c] || s.InQuote[c] || !toks[c].IsWord)
            {
                return;
            }

            if (!CueLexicon.TryGet(toks[c].Lower, out var cls) || cls != CueClass.Speech || _nounLike.Contains(toks[c].Lower) || toks[c].Lower.EndsWith("ing", StringComparison.Ordinal))
            {
                continue;
            }

            var cueEnd = CueEnd(s, c);
            if (c == comma + 1)
            {
                if (SpeakerRight(s, c + 1) is { } right && IsPlainSpeaker(s, right) && IsSentenceEndAfterSpeaker(s, right.End) && ContentBackward(s, comma) is { } b)
                {
                    AddClause(s, b, c, cueEnd, right.Start, right.End);
                }

                return;
            }

            if (SpeakerLeft(s, c, comma + 1) is { } np && (np.Start == comma + 1 || OnlyRoleWords(s, comma + 1, np.Start)) && IsTail(s, cueEnd + 1)
                && !(OpeningAdverbialOnly(s, comma) && cueEnd + 1 < toks.Count && toks[cueEnd + 1].IsWord && !_prepositions.Contains(toks[cueEnd + 1].Lower))
                && ContentBackward(s, comma) is { } back)
            {
                // ", journalist Ada Roe said.": the role words belong to the speaker
                AddClause(s, back, c, cueEnd, comma + 1, np.End);
            }

            return;
        }
    }

    private static bool IsSentenceEndAfterSpeaker(SentenceInfo s, int end)
    {
        for (var k = end + 1; k < s.Toks.Count; k++)
        {
            if ((s.Toks[k].Kind == TokKind.QuoteMark || s.InQuote[k]) && k == end + 1)
            {
                return false; // "said Fiorina “was …”": the name opens the content
            }

            if (s.Toks[k].Text == "," || s.Toks[k].Kind == TokKind.QuoteMark || s.InQuote[k])
            {
                return true; // apposition after the name ("said Jane Doe, a lobbyist")
            }

            if (s.Toks[k].IsWord)
            {
                return false;
            }
        }

        return true;
    }

    private void AccordingTo(SentenceInfo s, int i)
    {
        var toks = s.Toks;
        var npStart = i + 2;
        var npEnd = npStart;
        // "According to X, content" / "But according to X, content" / "In June, according to X, content": the content follows
        var opening = i == 0 || (i == 1 && toks[0].Lower is "but" or "and" or "yet" or "so" or "still" or "now" or "also")
            || (toks[i - 1].Text == "," && OpeningAdverbialOnly(s, i - 1));
        // an opening source may be long ("According to early results of exit polls conducted by X for Y and Z, …")
        var longest = opening ? 32 : 14;
        while (npEnd < toks.Count && (toks[npEnd].Text is not ("," or "." or ";" or ":" or "!" or "?") || IsAbbreviationDot(s, npEnd)) && !s.InQuote[npEnd] && !s.Used[npEnd] && npEnd - npStart < longest)
        {
            npEnd++;
        }

        if (npEnd == npStart || (npEnd - npStart > 14 && !(npEnd < toks.Count && toks[npEnd].Text == ",")))
        {
            return;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[i].Start, toks[i + 1].End) };
        rel.Speaker = new TextSpan(toks[npStart].Start, toks[npEnd - 1].End);
        TextSpan? content;
        if (opening && npEnd < toks.Count && toks[npEnd].Text == ",")
        {
            content = ContentForward(s, npEnd + 1);
        }
        else
        {
            content = ContentBackward(s, i);
            if (content is null && npEnd < toks.Count && toks[npEnd].Text == ",")
            {
                content = ContentForward(s, npEnd + 1);
            }
        }

        if (content is not { } c)
        {
            return;
        }

        rel.Parts.Add(c);
        MarkUsed(s, i, npEnd - 1);
        MarkSpanUsed(s, c);
        _relations.Add(rel);
    }

    /// <summary>A full stop inside an abbreviation or initials ("F.A.A.", "U.S.", "Dr."): glued to the next word or after a short capitalised word.</summary>
    private bool IsAbbreviationDot(SentenceInfo s, int k)
    {
        var t = s.Toks[k];
        if (t.Text != "." || k == 0 || k + 1 >= s.Toks.Count)
        {
            return false;
        }

        var prev = s.Toks[k - 1];
        return prev.IsWord && prev.End == t.Start && (t.End == s.Toks[k + 1].Start || (prev.IsCapitalized && prev.Text.Length <= 3));
    }

    /// <summary>Index of the first token of the clause holding token <paramref name="i"/> (after a leading "," or sentence start).</summary>
    private static int ClauseStart(SentenceInfo s, int i)
    {
        var k = i;
        while (k > 0 && s.Toks[k - 1].Text is not ("," or ";" or ":" or "—"))
        {
            k--;
        }

        if (k > 0)
        {
            return k; // after a comma
        }

        return 0;
    }

    private void TryClause(SentenceInfo s, int c, int cueEnd, CueClass cls)
    {
        var toks = s.Toks;
        var lower = toks[c].Lower;
        var np = SpeakerLeft(s, c, 0);
        if (np is { } nl && _nounLike.Contains(lower) && !StrongSubject(s, nl.Start, nl.End, lower) && !AfterVerbalAux(s, c))
        {
            return;
        }

        var participle = lower.EndsWith("ing", StringComparison.Ordinal);
        if (participle && np is not null && c > 0 && (toks[c - 1].Lower is "is" or "are" or "was" or "were" or "am" or "been" || IsContractedPronoun(toks[c - 1].Lower)))
        {
            participle = false; // progressive: "he's hoping the deal holds", "they are arguing that …"
        }

        // "… and said", "… but has said": auxiliaries may stand between the conjunction and the cue
        var conj = c - 1;
        while (conj > 0 && toks[conj].IsWord && (_aux.Contains(toks[conj].Lower) || IsNegatedAux(toks[conj].Lower)) && toks[conj].Lower is not ("and" or "but"))
        {
            conj--;
        }

        var coordinated = np is null && c > 0 && toks[conj].Lower is "and" or "but";
        var afterComma = c > 0 && toks[c - 1].Text == ",";
        if (cls == CueClass.Speech && !participle && afterComma && np is not null
            && SpeakerRight(s, c + 1) is { } invertedRight && IsPlainSpeaker(s, invertedRight) && IsSentenceEndAfterSpeaker(s, invertedRight.End)
            && ContentBackward(s, c) is { } invertedBack)
        {
            // "Even if X, Y would happen, said DeSantis.": the inverted reading beats an apposition ("Y, said ...").
            AddClause(s, invertedBack, c, cueEnd, invertedRight.Start, invertedRight.End);
            return;
        }

        if (np is null && !participle && !coordinated)
        {
            // inverted: "..., said Speaker." / "..., says a spokesman."
            if (cls == CueClass.Speech && afterComma && SpeakerRight(s, c + 1) is { } right)
            {
                if (IsPlainSpeaker(s, right) && !(right.End + 1 < toks.Count && (s.InQuote[right.End + 1] || toks[right.End + 1].IsWord)))
                {
                    if (ContentBackward(s, c) is { } b)
                    {
                        AddClause(s, b, c, cueEnd, right.Start, right.End);
                    }
                }
                else if (SkipToContent(s, c + 1, _tellLike.Contains(lower)) is var from && from >= 0 && ContentForward(s, from) is { } f)
                {
                    // "Podesta, who said X, said he was unaware ...": a clause follows, so the speaker opens the sentence.
                    var opener = SentenceOpenerName(s, c);
                    AddClause(s, f, c, cueEnd, opener?.Start ?? -1, opener?.End ?? -1);
                }
            }
            else if (cls == CueClass.Speech && afterComma && lower is "said" or "says" or "told" or "tells" or "added" or "wrote" or "argued" or "noted" or "insisted" or "warned"
                && SentenceOpenerName(s, c) is { } longOpener && SkipToContent(s, c + 1, _tellLike.Contains(lower)) is var from2 && from2 >= 0 && ContentForward(s, from2) is { } f2)
            {
                // "Senator Shelby, the Alabama Republican who heads the committee, which oversees the Fed, said ...":
                // an apposition too long to parse; the name opening the sentence speaks.
                AddClause(s, f2, c, cueEnd, longOpener.Start, longOpener.End);
            }

            return;
        }

        if (participle && np is null && (c == 0 || toks[c - 1].Text != ","))
        {
            return;
        }

        (int Start, int End)? speaker = np;
        if (np is null && participle)
        {
            speaker = LastSpeakerIn(s) ?? SubjectOf(s);
        }
        else if (np is null && coordinated && SubjectOf(s) is { } subject && !s.Used[subject.Start] && subject.End < c)
        {
            // "Carson took the stage and called the system “rotten”": the free subject is the speaker
            speaker = subject;
            np = subject;
        }
        else if (np is null && coordinated && SubjectOf(s) is { } shared && s.Used[shared.Start] && shared.End < c && IsSpeakerOfEarlier(s, shared))
        {
            // "Ms. Conway rejected the idea ... and said that ...": the subject already speaks for the first verb
            speaker = ContentBoundaries.EarlierSpeaker(s, _relations, shared) ?? shared;
            np = speaker;
        }

        var after = cueEnd + 1;
        switch (cls)
        {
            case CueClass.Speech:
            {
                // Parenthetical: "Many of the closures, he said, have involved public courses."
                if (np is { } pl && pl.Start > 0 && toks[pl.Start - 1].Text == "," && after + 1 < toks.Count && toks[after].Text == "," && !s.InQuote[after + 1]
                    && ContentBackward(s, pl.Start) is { } head && ContentForward(s, after + 1) is { } tail)
                {
                    AddClause(s, head, c, cueEnd, pl.Start, pl.End, tail);
                    return;
                }

                // Reversed: "Content, Speaker said [to X] [in a statement]." — but not when all before the speaker is an
                // opening adverbial ("In response, Twitter said it ...", "As the polls closed, his son said ...").
                if (np is { } l && l.Start > 0 && (toks[l.Start - 1].Text == "," || toks[l.Start - 1].Kind == TokKind.QuoteMark) && IsTail(s, after)
                    && !(toks[l.Start - 1].Text == "," && OpeningAdverbialOnly(s, l.Start - 1) && after < toks.Count && toks[after].IsWord && !_prepositions.Contains(toks[after].Lower)))
                {
                    var back = ContentBackward(s, l.Start);
                    if (back is { } b)
                    {
                        AddClause(s, b, c, cueEnd, l.Start, l.End);
                    }

                    return;
                }

                if (SpeechTakesInfinitive(s, lower, after, np is not null && !participle))
                {
                    goto case CueClass.Infinitive; // round 11: "pledged to bolster its military, reversing …"
                }

                var start = SkipToContent(s, after, _tellLike.Contains(lower) && toks[cueEnd].Lower != "out");
                if (start < 0)
                {
                    return;
                }

                if (ContentForward(s, start) is { } f)
                {
                    AddClause(s, f, c, cueEnd, speaker?.Start ?? -1, speaker?.End ?? -1);
                }

                return;
            }

            case CueClass.That:
            {
                // "have agreed to divide …", "decided to run": a that-verb that also takes an infinitive
                if (after < toks.Count && toks[after].Lower == "to" && np is not null && !participle && CueLexicon.TakesInfinitive(lower))
                {
                    goto case CueClass.Infinitive;
                }

                // "agreed with the analysis": what is agreed with is the content
                if (after + 1 < toks.Count && toks[after].Lower == "with" && lower.StartsWith("agree", StringComparison.Ordinal) && np is not null && !participle
                    && !s.Used[after + 1] && ContentForward(s, after + 1) is { } agreed)
                {
                    AddClause(s, agreed, c, after, speaker?.Start ?? -1, speaker?.End ?? -1);
                    return;
                }

                // Reversed: "Clinton leads by nine points, the poll found."
                if (np is { } tl && tl.Start > 0 && toks[tl.Start - 1].Text == "," && IsTail(s, after) && ContentBackward(s, tl.Start) is { } tb)
                {
                    AddClause(s, tb, c, cueEnd, tl.Start, tl.End);
                    return;
                }

                var k = after;
                while (k < toks.Count && k < after + 4 && toks[k].Lower != "that" && toks[k].IsWord && !s.InQuote[k])
                {
                    k++;
                }

                if (k < toks.Count && toks[k].Lower == "that" && ContentForward(s, k) is { } f)
                {
                    AddClause(s, f, c, cueEnd, speaker?.Start ?? -1, speaker?.End ?? -1);
                    return;
                }

                // A bare complement after a subject: "Bivens hopes Clinton will win", "the survey found Clinton leading".
                if (np is not null && !participle && !_noBareComplement.Contains(lower) && StartsBareComplement(s, after) && ContentForward(s, after) is { } bare)
                {
                    AddClause(s, bare, c, cueEnd, speaker?.Start ?? -1, speaker?.End ?? -1);
                }

                return;
            }

            case CueClass.Infinitive:
            {
                var k = after;
                if (_tellLike.Contains(lower) || lower.StartsWith("urg", StringComparison.Ordinal))
                {
                    while (k < toks.Count && k < after + 4 && toks[k].Lower != "to" && toks[k].IsWord)
                    {
                        k++;
                    }
                }

                if (k < toks.Count && toks[k].Lower == "to")
                {
                    if (ContentForward(s, k) is { } f)
                    {
                        AddClause(s, f, c, cueEnd, speaker?.Start ?? -1, speaker?.End ?? -1);
                    }

                    return;
                }

                if (CueLexicon.TakesObject(lower))
                {
                    goto case CueClass.Object;
                }

                return;
            }

            case CueClass.Object:
            {
                // "…,” he said, referring to the convention": what is referred to, up to the next comma
                if (lower is "referring" or "referred" && after + 1 < toks.Count && toks[after].Lower == "to" && speaker is not null)
                {
                    var stop = after + 1;
                    while (stop < toks.Count && !s.Used[stop] && toks[stop].Text is not ("," or ";" or ":" or "—" or "–" or "(") && !(toks[stop].Kind == TokKind.Punct && toks[stop].Text is "." or "!" or "?"))
                    {
                        stop++;
                    }

                    if (Trim(s, after + 1, stop) is { } referent)
                    {
                        AddClause(s, referent, c, after, speaker.Value.Start, speaker.Value.End);
                    }

                    return;
                }

                // "called it “a disgrace”", "calls them cowards": naming verbs take a pronoun object plus what it is called.
                var naming = lower.StartsWith("call", StringComparison.Ordinal) || lower.StartsWith("dub", StringComparison.Ordinal) || lower.StartsWith("label", StringComparison.Ordinal) || lower.StartsWith("brand", StringComparison.Ordinal);
                if (after >= toks.Count || toks[after].Lower is "to" or "for" or "on" or "up" or "off" or "in" or "out" or "by" or "back" || (toks[after].Lower == "it" && !naming))
                {
                    if (!(after < toks.Count && toks[after].Lower is "for" or "on" && lower.StartsWith("call", StringComparison.Ordinal)))
                    {
                        return;
                    }
                }

                if (np is null && !participle)
                {
                    return;
                }

                if (ContentForward(s, after, objectContent: true) is { } f)
                {
                    AddClause(s, f, c, cueEnd, speaker?.Start ?? -1, speaker?.End ?? -1);
                }

                return;
            }
        }
    }

    /// <summary>Cognition/evidence forms whose bare object is rarely reported content ("trust him", "ruled the state").</summary>
    private static readonly FrozenSet<string> _noBareComplement = FrozenSet.ToFrozenSet(
    [
        "trust", "trusts", "trusted", "hold", "holds", "held", "order", "ordered", "orders", "rule", "rules", "ruled", "read",
        "reads",
    ], StringComparer.Ordinal);

    /// <summary>Heads of evidence phrases that report findings ("polls show", "records indicate", "the data suggest").</summary>
    private static readonly FrozenSet<string> _evidenceHeads = FrozenSet.ToFrozenSet(
    [
        "poll", "polls", "polling", "survey", "surveys", "data", "records", "record", "study", "studies", "report", "reports",
        "analysis", "analyses", "results", "numbers", "figures", "findings", "research", "documents", "evidence",
        "statistics", "filings", "estimates", "footage", "video", "investigation", "review", "audit", "projections",
    ], StringComparer.Ordinal);

    /// <summary>True when token <paramref name="k"/> can open a bare complement clause or object: a word that is not a preposition, conjunction or infinitive marker.</summary>
    private static bool StartsBareComplement(SentenceInfo s, int k)
    {
        if (k >= s.Toks.Count || s.Used[k])
        {
            return false;
        }

        var t = s.Toks[k];
        if (s.InQuote[k])
        {
            return true;
        }

        return t.IsWord && !_prepositions.Contains(t.Lower) && t.Lower is not ("to" or "and" or "or" or "but" or "as" or "so" or "up" or "out" or "off" or "back" or "than" or "because" or "if" or "when" or "while" or "since" or "although" or "though" or "unless" or "until" or "where" or "which" or "who" or "whom");
    }

    /// <summary>True when the tokens <paramref name="np"/> are the speaker of a relation found earlier in this sentence.</summary>
    private bool IsSpeakerOfEarlier(SentenceInfo s, (int Start, int End) np)
    {
        var span = new TextSpan(s.Toks[np.Start].Start, s.Toks[np.End].End);
        for (var r = _relations.Count - 1; r >= 0 && _relations[r].Paragraph == s.Paragraph; r--)
        {
            if (_relations[r].Speaker is { } sp && sp.Overlaps(span) && sp.Start >= s.Span.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the tokens before the comma at <paramref name="comma"/> (from the first unused token) are one opening
    /// adverbial: they start with a preposition or a subordinating word and hold no other comma ("In response",
    /// "As the polls closed"), so they are no reported content.
    /// </summary>
    private static bool OpeningAdverbialOnly(SentenceInfo s, int comma)
    {
        var start = comma;
        while (start > 0 && !s.Used[start - 1])
        {
            start--;
        }

        if (start >= comma || s.InQuote[start] || !s.Toks[start].IsWord)
        {
            return false;
        }

        var first = s.Toks[start].Lower;
        if (!_prepositions.Contains(first) && !_subordinators.Contains(first))
        {
            return false;
        }

        for (var k = start + 1; k < comma; k++)
        {
            if (s.InQuote[k] || s.Toks[k].Text is "," or ";" or ":" or "—")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when nothing but a short tail (object, time, "in a statement") follows the cue to the end of the sentence.</summary>
    private static bool IsTail(SentenceInfo s, int from)
    {
        var words = 0;
        var firstWord = true;
        for (var k = from; k < s.Toks.Count; k++)
        {
            var t = s.Toks[k];
            if (s.InQuote[k] || t.Lower == "that" || t.Text == ":")
            {
                return false;
            }

            if (t.IsWord)
            {
                words++;
                if (CueLexicon.TryGet(t.Lower, out _) && k > from && !_determiners.Contains(s.Toks[k - 1].Lower))
                {
                    return false;
                }

                // "Fenn said she would appeal": a new subject means the content follows the cue
                if (_pronounSubjects.Contains(t.Lower) && t.Lower is not ("him" or "her" or "them" or "it"))
                {
                    return false;
                }

                if (firstWord && !_prepositions.Contains(t.Lower) && !_objectPronouns.Contains(t.Lower) && !t.IsCapitalized && !char.IsDigit(t.Text[0]) && t.Lower is not ("of" or "about" or "last" or "this" or "earlier" or "later" or "recently" or "today" or "yesterday" or "afterward" or "afterwards" or "then" or "privately" or "publicly" or "repeatedly" or "again") && !t.Lower.EndsWith("ly", StringComparison.Ordinal))
                {
                    return false;
                }

                firstWord = false;
            }

            if (t.Text == "," && words == 0)
            {
                return false;
            }

            if (t.Text == "," && k + 1 < s.Toks.Count && (s.Toks[k + 1].Lower is "and" or "but" or "while" or "as" or "who" || s.InQuote[k + 1] || (s.Toks[k + 1].Lower.EndsWith("ing", StringComparison.Ordinal) && CueLexicon.TryGet(s.Toks[k + 1].Lower, out _))))
            {
                return words <= 9;
            }
        }

        return words <= 9;
    }

    /// <summary>After a cue: skips an object ("told reporters", "told The Post"), "in a statement", "that", ":" and ","; returns the content's first token, or -1.</summary>
    private static int SkipToContent(SentenceInfo s, int k, bool tellLike)
    {
        var toks = s.Toks;
        if (k >= toks.Count)
        {
            return -1;
        }

        // "that" within a short distance (object / prepositional phrase before it)
        for (var j = k; j < Math.Min(toks.Count, k + 8); j++)
        {
            if (s.InQuote[j] || s.Used[j])
            {
                break;
            }

            if (toks[j].Lower == "that")
            {
                // the complementizer belongs to the content ("said that the plan failed"), as in PolNeAR
                return j;
            }

            if (toks[j].Text is "." or ";" || (toks[j].IsWord && CueLexicon.TryGet(toks[j].Lower, out _)))
            {
                break;
            }
        }

        if (tellLike && k < toks.Count)
        {
            if (_objectPronouns.Contains(toks[k].Lower))
            {
                k++;
            }
            else if (toks[k].IsCapitalized || toks[k].Lower is "the" or "a" or "an" or "his" or "her" or "their" or "its")
            {
                var j = k + 1;
                while (j < toks.Count && j < k + 6 && toks[j].IsWord && (toks[j].IsCapitalized || (toks[k].Lower is "the" or "a" or "an" or "his" or "her" or "their" or "its" && j < k + 4 && !IsVerbLike(toks[j].Lower))))
                {
                    j++;
                }

                k = j;
            }
        }

        // "in a statement," / "on Twitter:" / "Tuesday,"
        if (k < toks.Count && toks[k].IsWord && _prepositions.Contains(toks[k].Lower))
        {
            for (var j = k + 1; j < Math.Min(toks.Count, k + 9); j++)
            {
                if (toks[j].Text is "," or ":" || toks[j].Kind == TokKind.QuoteMark)
                {
                    k = toks[j].Kind == TokKind.QuoteMark ? j : j + 1;
                    break;
                }

                if (!toks[j].IsWord)
                {
                    break;
                }
            }
        }

        while (k < toks.Count && toks[k].Text is "," or ":" or "—" or "-")
        {
            k++;
        }

        return k < toks.Count ? k : -1;
    }

    private static bool IsVerbLike(string lower) =>
        lower.EndsWith("ed", StringComparison.Ordinal) || _blockers.Contains(lower) || _pronounSubjects.Contains(lower);

    /// <summary>Content from token <paramref name="k"/> to the end of the sentence (or the first used token, or ", according to"), trailing punctuation trimmed.</summary>
    private TextSpan? ContentForward(SentenceInfo s, int k, bool objectContent = false)
    {
        var toks = s.Toks;
        if (k >= toks.Count)
        {
            return null;
        }

        var end = k;
        while (end < toks.Count && !s.Used[end])
        {
            if (ContentBoundaries.EndsBefore(s, k, end, objectContent))
            {
                break;
            }

            if (toks[end].Text == "," && end + 2 < toks.Count && toks[end + 1].Lower == "according" && toks[end + 2].Lower == "to")
            {
                break;
            }

            if (end > k && toks[end].Text == "," && end + 1 < toks.Count && !s.InQuote[end] && ((toks[end + 1].Lower == "but" && !ContentBoundaries.ButContinues(s, end + 1, objectContent)) || (toks[end + 1].Lower == "and" && end + 2 < toks.Count && _pronounSubjects.Contains(toks[end + 2].Lower))))
            {
                break;
            }

            if (end > k + 1 && toks[end].Kind == TokKind.QuoteMark && toks[end - 1].Text == "," && StartsAttributionClause(s, end + 1))
            {
                end++; // keep the closing mark: “fantastic,” telling reporters ...
                break;
            }

            if (end > k + 5 && toks[end].Text == "," && !s.InQuote[end] && end + 2 < toks.Count && _pronounSubjects.Contains(toks[end + 1].Lower) && toks[end + 1].Lower is not ("him" or "her" or "them" or "who")
                && !_subordinators.Contains(toks[k].Lower) && !ContentBoundaries.ThatOpensAdverbial(s, k) && toks[end + 2].IsWord && !_pronounSubjects.Contains(toks[end + 2].Lower))
            {
                break; // "he can, it would seem ...": a new main clause after a complete content clause
            }

            // "criticized Singer and challenged him", "backs tougher rules but embraces the law": an object ends where the
            // subject's next verb is coordinated
            if (objectContent && end > k + 1 && toks[end].Lower is "and" or "but" && !s.InQuote[end] && end + 1 < toks.Count && FiniteVerbAt(s, end + 1))
            {
                break;
            }

            // "criticized Roe, who runs …", "said she would not run against Roe, who has led …": a content ends before a comma and a
            // "who" clause (an object also before "which") that runs to the end of the sentence
            if (end > k && !s.InQuote[end] && toks[end].Text == "," && end + 1 < toks.Count && (toks[end + 1].Lower == "who" || (objectContent && toks[end + 1].Lower == "which")) && !CommaAfter(s, end + 1))
            {
                break;
            }

            // "see Trump negatively while 61 percent say …", "backed the plan even as …": an object ends before a contrast clause
            if (objectContent && end > k && !s.InQuote[end] && (_objectEnders.Contains(toks[end].Lower) || (toks[end].Lower == "even" && end + 1 < toks.Count && toks[end + 1].Lower is "as" or "though" or "if")))
            {
                break;
            }

            if (end > k && (toks[end].Text is ";" || (toks[end].Text == "," && StartsAttributionClause(s, end + 1)) || (toks[end].Lower is "and" or "but" && !s.InQuote[end] && StartsAttributionClause(s, end))))
            {
                break;
            }

            end++;
        }

        return Trim(s, k, end);
    }

    /// <summary>True when an unquoted comma follows token <paramref name="k"/> in the sentence: a relative clause between commas
    /// ("accused Corvane, which runs the port, of lobbying …") is parenthetical and the object goes on after it.</summary>
    private static bool CommaAfter(SentenceInfo s, int k)
    {
        for (var j = k; j < s.Toks.Count; j++)
        {
            if (s.Toks[j].Text == "," && !s.InQuote[j])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that open an adjunct clause ending an object content ("while", "because", …).</summary>
    private static readonly FrozenSet<string> _objectEnders = FrozenSet.ToFrozenSet(
        ["while", "whereas", "although", "though"], StringComparer.Ordinal);

    /// <summary>True when token <paramref name="k"/> (adverbs skipped) is a finite verb: a past form, a modal, or a third-person cue or act form.</summary>
    internal static bool FiniteVerbAt(SentenceInfo s, int k)
    {
        var toks = s.Toks;
        while (k < toks.Count && toks[k].IsWord && toks[k].Lower is "then" or "also" or "later" or "now" or "still" or "even" or "eventually" or "finally" or "never")
        {
            k++;
        }

        if (k >= toks.Count || !toks[k].IsWord || toks[k].IsCapitalized || s.InQuote[k])
        {
            return false;
        }

        var w = toks[k].Lower;
        if (w is "would" or "will" or "could" or "can" or "should" or "has" or "had" or "have" or "is" or "was" or "were" or "did" or "does" || IsNegatedAux(w) || _irregularPastVerbs.Contains(w))
        {
            return true;
        }

        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            return true;
        }

        return w.EndsWith('s') && !_nounLike.Contains(w) && (CueLexicon.TryGet(w, out _) || (ActLexicon.TryGet(w, out var form) && form == ActForm.Present));
    }

    private static readonly FrozenSet<string> _irregularPastVerbs = FrozenSet.ToFrozenSet(
        ["said", "told", "wrote", "made", "took", "gave", "went", "came", "sent", "left", "kept", "held", "brought", "spoke", "met", "became", "began", "ran", "won", "lost", "put", "got"],
        StringComparer.Ordinal);

    /// <summary>True when a short subject and a speech cue start at <paramref name="k"/> (", he said, ..." / ", and she added"), or a participial cue (", adding ...").</summary>
    private static bool StartsAttributionClause(SentenceInfo s, int k)
    {
        var toks = s.Toks;
        if (k < toks.Count && toks[k].Lower is "and" or "but" or "while")
        {
            k++;
        }

        for (var j = k; j < Math.Min(toks.Count, k + 5); j++)
        {
            if (!toks[j].IsWord || s.InQuote[j])
            {
                return false;
            }

            if (CueLexicon.TryGet(toks[j].Lower, out var cls) && !_nounLike.Contains(toks[j].Lower))
            {
                var ing = toks[j].Lower.EndsWith("ing", StringComparison.Ordinal);
                // ", adding ..." / ", he said" / ", said Jane Doe" (an inverted attribution closes the content too)
                return (j == k && ing) || (j > k && cls == CueClass.Speech) || (j == k && cls == CueClass.Speech && toks[j].Lower is "said" or "says" or "told" or "added" or "wrote");
            }

            if (_blockers.Contains(toks[j].Lower) && !_aux.Contains(toks[j].Lower))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> _subordinators = FrozenSet.ToFrozenSet(
        ["if", "when", "while", "as", "because", "although", "though", "after", "before", "since", "unless", "once", "until", "whether", "even", "despite", "given"],
        StringComparer.Ordinal);

    /// <summary>Content from the sentence start (or the first unused token) to the token before <paramref name="k"/>, trailing punctuation trimmed.</summary>
    private TextSpan? ContentBackward(SentenceInfo s, int k)
    {
        var start = k;
        while (start > 0 && !s.Used[start - 1])
        {
            start--;
        }

        return Trim(s, start, k);
    }

    private TextSpan? Trim(SentenceInfo s, int start, int end)
    {
        var toks = s.Toks;
        while (end > start && toks[end - 1].Kind == TokKind.Punct)
        {
            end--;
        }

        while (start < end && toks[start].Kind == TokKind.Punct)
        {
            start++;
        }

        if (end <= start || !HasWord(s, start, end - 1))
        {
            return null;
        }

        return new TextSpan(toks[start].Start, toks[end - 1].End);
    }

    private void AddClause(SentenceInfo s, TextSpan content, int cue, int cueEnd, int spStart, int spEnd, TextSpan? second = null)
    {
        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(s.Toks[cue].Start, s.Toks[cueEnd].End) };
        rel.Parts.Add(content);
        if (second is { } more)
        {
            rel.Parts.Add(more);
            MarkSpanUsed(s, more);
        }

        MarkUsed(s, cue, cueEnd);
        if (spStart >= 0)
        {
            rel.Speaker = new TextSpan(s.Toks[spStart].Start, s.Toks[spEnd].End);
            MarkUsed(s, spStart, spEnd);
        }

        MarkSpanUsed(s, content);
        for (var k = 0; k < s.Toks.Count; k++)
        {
            if (s.InQuote[k] && content.Contains(new TextSpan(s.Toks[k].Start, s.Toks[k].End)))
            {
                rel.HasPartialQuote = true;
                break;
            }
        }

        _relations.Add(rel);
    }

    // ---------------------------------------------------------------- speakers

    /// <summary>True when a modal, a form of "do" or "to" (adverbs between) stands right before <paramref name="c"/>: "did support", "wouldn't call", "to back".</summary>
    private static bool AfterVerbalAux(SentenceInfo s, int c)
    {
        var j = c - 1;
        while (j >= 0 && s.Toks[j].IsWord && (s.Toks[j].Lower is "not" or "also" or "never" or "still" or "just" or "even" or "only" or "often" || (s.Toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && s.Toks[j].Lower.Length > 4)))
        {
            j--;
        }

        return j >= 0 && s.Toks[j].IsWord && (s.Toks[j].Lower is "will" or "would" or "could" or "can" or "may" or "might" or "must" or "should" or "did" or "does" or "do" or "to" || IsNegatedAux(s.Toks[j].Lower));
    }

    /// <summary>A subject that makes a noun-like cue a verb: a pronoun, a capitalised word next to the cue, or a determiner opening a clause-initial phrase.</summary>
    private static bool StrongSubject(SentenceInfo s, int start, int end, string cue)
    {
        var last = s.Toks[end];
        if (!cue.EndsWith('s') && !cue.EndsWith("ed", StringComparison.Ordinal))
        {
            // base forms ("state", "report") only after pronouns and plural subjects ("they report", "critics charge")
            // a sentence's first word is capitalised anyway ("Critics call it …", "Others say")
            return _pronounSubjects.Contains(last.Lower) || (start == end && _quantifierSubjects.Contains(last.Lower)) || (last.Lower.EndsWith('s') && !last.Lower.EndsWith("'s", StringComparison.Ordinal) && !last.Lower.EndsWith("’s", StringComparison.Ordinal) && (!last.IsCapitalized || end == 0));
        }

        if (_pronounSubjects.Contains(last.Lower) || last.IsCapitalized || _evidenceHeads.Contains(last.Lower) || last.Lower.EndsWith("ers", StringComparison.Ordinal) || last.Lower.EndsWith("ists", StringComparison.Ordinal) || last.Lower is "officials" or "sources" or "critics" or "experts" or "analysts" or "people")
        {
            return true;
        }

        // "Gowdy's office calls …": a possessive opens the subject
        var opener = s.Toks[start].Lower;
        return (_determiners.Contains(opener) || (start < end && (opener.EndsWith("'s", StringComparison.Ordinal) || opener.EndsWith("’s", StringComparison.Ordinal))))
            && (start == 0 || s.Toks[start - 1].Text is "," or ";" or ":");
    }

    /// <summary>The noun phrase ending just before cue token <paramref name="c"/> (adverbs and auxiliaries skipped), not starting before <paramref name="min"/>.</summary>
    private static (int Start, int End)? SpeakerLeft(SentenceInfo s, int c, int min)
    {
        var toks = s.Toks;
        var j = c - 1;
        while (j >= min && toks[j].IsWord && (_aux.Contains(toks[j].Lower) || IsNegatedAux(toks[j].Lower) || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4 && !toks[j].IsCapitalized)))
        {
            j--;
        }

        // "Trump continued to question whether …", "Clinton has tried to explain …": the subject of a control verb speaks
        // "Democratic voters were more likely to say …", "he was quick to blame …": the subject of a control adjective speaks
        if (j - 1 > min && toks[j].Lower == "to" && !s.Used[j - 1] && _controlAdjectives.Contains(toks[j - 1].Lower))
        {
            var k = j - 2;
            var copula = false;
            while (k >= min && toks[k].IsWord && (toks[k].Lower is "more" or "less" or "most" or "least" or "very" or "too" or "so" or "quite" or "far" or "much"
                || _aux.Contains(toks[k].Lower) || IsNegatedAux(toks[k].Lower) || (toks[k].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[k].Lower.Length > 4 && !toks[k].IsCapitalized)))
            {
                copula |= toks[k].Lower is "is" or "are" or "was" or "were" or "be" or "been" or "being" || (IsNegatedAux(toks[k].Lower) && toks[k].Lower[0] is 'i' or 'a' or 'w');
                k--;
            }

            if (copula || (k >= min && IsContractedPronoun(toks[k].Lower)))
            {
                j = k;
            }
        }

        if (j - 1 > min && toks[j].Lower == "to" && !s.Used[j - 1] && (_controlVerbs.Contains(toks[j - 1].Lower)
            || (toks[j - 1].Lower == "on" && j - 2 > min && toks[j - 2].Lower is "went" or "goes" or "go" or "going")))
        {
            j -= toks[j - 1].Lower == "on" ? 3 : 2;
            while (j >= min && toks[j].IsWord && (_aux.Contains(toks[j].Lower) || IsNegatedAux(toks[j].Lower) || (toks[j].Lower.EndsWith("ly", StringComparison.Ordinal) && toks[j].Lower.Length > 4 && !toks[j].IsCapitalized)))
            {
                j--;
            }
        }

        if (j < min || s.InQuote[j] || s.Used[j])
        {
            return null;
        }

        var end = j;
        if (toks[j].Text == ",")
        {
            // apposition: "Name, a spokesman for X, said"
            var k = j - 1;
            while (k >= min && toks[k].Text != "," && !s.InQuote[k] && !s.Used[k] && j - k < 14 && (toks[k].IsWord || toks[k].Text is "(" or ")" or "-" or "." or "&"))
            {
                k--;
            }

            if (k < min || toks[k].Text != "," || k == j - 1)
            {
                return null;
            }

            var inner = NounPhraseLeft(s, k - 1, min);
            if (inner is null)
            {
                return null;
            }

            // "Sanders, meanwhile, hopes …", "Clinton, for her part, said …": an adverbial between commas, not an apposition
            if (AdverbialRun(s, k + 1, j - 1))
            {
                return Tidy(s, inner.Value, k - 1);
            }

            // "Sen. Jo Ames, in Iowa, a swing state, said": a segment opening with a preposition is not the name;
            // step left over such segments (at most three) to the name that opens the chain.
            for (var hop = 0; hop < 3 && ((_prepositions.Contains(toks[inner.Value].Lower) && !toks[inner.Value].IsCapitalized)
                || toks[inner.Value].Lower is "who" or "which" or "whose" || char.IsDigit(toks[inner.Value].Text[0])); hop++)
            {
                var p = inner.Value - 1;
                if (p <= min || toks[p].Text != ",")
                {
                    break;
                }

                var further = NounPhraseLeft(s, p - 1, min);
                if (further is null)
                {
                    break;
                }

                inner = further;
            }

            // "Exporters of timber and frozen fish, two of the main earners, said": the apposition describes the whole
            // coordinated noun phrase, not its last conjunct.
            if (inner.Value - 2 >= min && toks[inner.Value - 1].Lower is "and" && !s.Used[inner.Value - 1]
                && NounPhraseLeft(s, inner.Value - 2, min) is { } conjunct && toks[conjunct].IsCapitalized && conjunct == min)
            {
                inner = conjunct;
            }

            return (inner.Value, j - 1);
        }

        if (toks[j].Text is "—" or "–")
        {
            // "Jason Sims — a teacher from Mount Pleasant — says": an apposition between dashes
            var k = j - 1;
            while (k > min && toks[k].Text is not ("—" or "–" or "," or ";" or ":") && !s.InQuote[k] && !s.Used[k] && j - k < 14)
            {
                k--;
            }

            if (k <= min || toks[k].Text is not ("—" or "–") || k == j - 1 || NounPhraseLeft(s, k - 1, min) is not { } name || !toks[name].IsCapitalized)
            {
                return null;
            }

            return (name, j - 1);
        }

        var start = NounPhraseLeft(s, end, min);
        if (start is { } st && st - 3 >= min && toks[st - 1].Lower is "to" or "with" && toks[st - 2].Lower.EndsWith("ing", StringComparison.Ordinal)
            && !s.Used[st - 2] && NounPhraseLeft(s, st - 3, min) is { } head && Tidy(s, head, st - 3) is { } headNp)
        {
            return headNp; // "Another source speaking to Fox News said": the source speaks, not the outlet it spoke to
        }

        return start is null ? null : Tidy(s, start.Value, end);
    }

    /// <summary>Adjectives whose subject also does what the infinitive after them says ("likely to say", "quick to blame").</summary>
    private static readonly FrozenSet<string> _controlAdjectives = FrozenSet.ToFrozenSet(
    [
        "likely", "unlikely", "willing", "unwilling", "eager", "quick", "ready", "able", "unable", "reluctant", "careful",
        "prepared", "keen", "anxious", "determined", "loath", "hesitant", "inclined", "slow",
    ], StringComparer.Ordinal);

    /// <summary>Verbs whose subject also does what the infinitive after them says ("continued to question", "tried to explain").</summary>
    private static readonly FrozenSet<string> _controlVerbs = FrozenSet.ToFrozenSet(
    [
        "continue", "continues", "continued", "continuing", "try", "tries", "tried", "trying", "begin", "begins", "began", "begun",
        "start", "starts", "started", "attempt", "attempts", "attempted", "moved", "moves", "hastened", "rushed", "used", "sought",
        "managed", "dared", "tends", "tend", "tended", "chose", "chooses", "choose",
    ], StringComparer.Ordinal);

    /// <summary>True when tokens <paramref name="from"/>..<paramref name="to"/> are one adverbial ("meanwhile", "for his part", "in turn", "of course").</summary>
    private static bool AdverbialRun(SentenceInfo s, int from, int to)
    {
        if (to < from || to - from > 2)
        {
            return false;
        }

        if (from == to)
        {
            var w = s.Toks[from].Lower;
            return w is "meanwhile" or "however" or "though" or "too" or "also" or "instead" or "likewise" or "similarly" or "meantime" or "nevertheless" or "nonetheless" or "moreover"
                || (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 4 && !s.Toks[from].IsCapitalized);
        }

        var pair = s.Toks[from].Lower + " " + s.Toks[from + 1].Lower;
        return (to == from + 1 && pair is "in turn" or "of course" or "in fact" or "for example" or "for instance" or "in contrast" or "by contrast" or "in response" or "for now")
            || (to == from + 2 && pair is "for his" or "for her" or "for their" or "for its" && s.Toks[to].Lower == "part");
    }

    /// <summary>Up to three plain lowercase words from <paramref name="k"/> followed by a capitalised word: a role before a name ("retired neurosurgeon Ben Carson").</summary>
    private static bool RoleBeforeName(SentenceInfo s, int k)
    {
        for (var j = k; j < s.Toks.Count && j < k + 4; j++)
        {
            var t = s.Toks[j];
            if (!t.IsWord || s.InQuote[j])
            {
                return false;
            }

            if (t.IsCapitalized)
            {
                return j > k;
            }

            if (_blockers.Contains(t.Lower) || _pronounSubjects.Contains(t.Lower) || _prepositions.Contains(t.Lower) || CueLexicon.TryGet(t.Lower, out _) || IsNegatedAux(t.Lower))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"didn’t", "don't", "won’t": a negated auxiliary, skipped like one between a subject and its cue.</summary>
    private static bool IsNegatedAux(string lower) => lower.Length > 3 && (lower.EndsWith("n’t", StringComparison.Ordinal) || lower.EndsWith("n't", StringComparison.Ordinal));

    /// <summary>Rejects phrases that end in a determiner and trims verb-like lowercase words off the left of a long phrase ("played a role ... the group" → "the group").</summary>
    private static (int Start, int End)? Tidy(SentenceInfo s, int start, int end)
    {
        var toks = s.Toks;
        if (start == end && (_pronounSubjects.Contains(toks[end].Lower) || IsContractedPronoun(toks[end].Lower)))
        {
            return (start, end);
        }

        // "Two in three", "six in 10", "one of three": a number after "in" / "of" ends a poll share, not a determiner
        var share = end > start && toks[end - 1].Lower is "in" or "of" && (char.IsDigit(toks[end].Text[0]) || toks[end].Lower is "two" or "three" or "four" or "five" or "ten");
        // "many argue", "some fear", "most believe": a lone quantifier is a subject
        if (start == end && _quantifierSubjects.Contains(toks[end].Lower))
        {
            return (start, end);
        }

        if (!share && (_determiners.Contains(toks[end].Lower) || (_prepositions.Contains(toks[end].Lower) && !toks[end].IsCapitalized) || toks[end].Lower is "no" or "not" or "perhaps" or "same"))
        {
            return null;
        }

        var first = toks[start];
        if (first.IsCapitalized || _determiners.Contains(first.Lower) || _pronounSubjects.Contains(first.Lower) || char.IsDigit(first.Text[0]) || end - start < 2)
        {
            return (start, end);
        }

        for (var k = start + 1; k <= end; k++)
        {
            var t = toks[k];
            if (t.IsWord && (t.IsCapitalized || _determiners.Contains(t.Lower) || char.IsDigit(t.Text[0])))
            {
                return (k, end);
            }
        }

        return (end, end);
    }

    /// <summary>Quantifiers that stand alone as a subject ("Many fear …", "…, some argue, …").</summary>
    private static readonly FrozenSet<string> _quantifierSubjects = FrozenSet.ToFrozenSet(
        ["many", "some", "most", "several", "others", "both", "few", "all"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _numberWords = FrozenSet.ToFrozenSet(
        ["four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundreds", "thousands", "few", "these", "those", "such", "recent", "new", "latest"],
        StringComparer.Ordinal);

    /// <summary>"he's", "they’re", "I'm", "we've": a subject pronoun fused with its auxiliary into one token ("it's" excluded: mostly expletive).</summary>
    private static bool IsContractedPronoun(string lower)
    {
        var apostrophe = lower.IndexOfAny(['\'', '’']);
        if (apostrophe <= 0)
        {
            return false;
        }

        var pronoun = lower[..apostrophe];
        var rest = lower[(apostrophe + 1)..];
        return pronoun is "he" or "she" or "they" or "we" or "i" or "you" or "who" && rest is "s" or "re" or "m" or "ve" or "d" or "ll";
    }

    /// <summary>First token of the noun phrase ending at <paramref name="end"/>, or null.</summary>
    private static int? NounPhraseLeft(SentenceInfo s, int end, int min)
    {
        var toks = s.Toks;
        if (end < min || end < 0)
        {
            return null;
        }

        var j = end;
        if (toks[j].Text == ")")
        {
            while (j >= min && toks[j].Text != "(")
            {
                j--;
            }

            if (j <= min)
            {
                return null;
            }

            j--;
            end = j;
        }

        if (j < min || !toks[j].IsWord || s.InQuote[j] || s.Used[j])
        {
            return null;
        }

        if (_pronounSubjects.Contains(toks[j].Lower) || IsContractedPronoun(toks[j].Lower))
        {
            return j;
        }

        // A cue form heads a noun phrase only after a determiner or a name ("the judge", "a Times report").
        if (_blockers.Contains(toks[j].Lower) || (CueLexicon.TryGet(toks[j].Lower, out _) && !toks[j].IsCapitalized
            && !(_nounLike.Contains(toks[j].Lower) && j > min && (_determiners.Contains(toks[j - 1].Lower) || toks[j - 1].IsCapitalized || toks[j - 1].Text is "’s" or "'s" || _numberWords.Contains(toks[j - 1].Lower) || char.IsDigit(toks[j - 1].Text[0])))))
        {
            return null;
        }

        var start = j;
        var words = 0;
        while (j >= min && words < 10)
        {
            var t = toks[j];
            if (s.InQuote[j] || s.Used[j])
            {
                break;
            }

            if (t.IsWord)
            {
                if (_blockers.Contains(t.Lower) || _pronounSubjects.Contains(t.Lower) || (!t.IsCapitalized && CueLexicon.TryGet(t.Lower, out _) && j != end))
                {
                    break;
                }

                start = j;
                words++;
            }
            else if (t.Text is "-" or "&" or "'" or "’" or "%")
            {
                // inside names
            }
            else if (t.Text == ")" )
            {
                while (j > min && toks[j].Text != "(")
                {
                    j--;
                }
            }
            else
            {
                break;
            }

            j--;
        }

        return start;
    }

    /// <summary>The speaker after an inverted cue ("said Rep. Jane Doe, the panel's chair"): up to a comma or the sentence end.</summary>
    private static (int Start, int End)? SpeakerRight(SentenceInfo s, int k)
    {
        var toks = s.Toks;
        if (k >= toks.Count || !toks[k].IsWord || s.InQuote[k] || s.Used[k] || _blockers.Contains(toks[k].Lower) && toks[k].Lower != "the")
        {
            return null;
        }

        if (toks[k].Lower is "the" or "a" or "an" or "his" or "her" or "their" or "its" || toks[k].IsCapitalized || _pronounSubjects.Contains(toks[k].Lower)
            || RoleBeforeName(s, k))
        {
            var j = k;
            var lastWord = k;
            while (j < toks.Count && j < k + 16 && !s.InQuote[j])
            {
                var t = toks[j];
                if (t.Text is "," or "." or ";" or "!" or "?" or ":")
                {
                    break;
                }

                if (t.IsWord)
                {
                    if (t.Lower is "that" or "and" or "but" or "in" or "on" or "at" or "during" or "to" || (CueLexicon.TryGet(t.Lower, out _) && j > k && !t.IsCapitalized))
                    {
                        break;
                    }

                    lastWord = j;
                }

                j++;
            }

            return (k, lastWord);
        }

        return null;
    }

    /// <summary>
    /// True when an inverted speaker ("said Jane Doe", "said a spokesman") is a noun phrase, not the start of a clause:
    /// not a pronoun followed by more words ("said he had ..."), no auxiliary or conjunction inside.
    /// </summary>
    private static bool IsPlainSpeaker(SentenceInfo s, (int Start, int End) right)
    {
        var toks = s.Toks;
        if (_pronounSubjects.Contains(toks[right.Start].Lower))
        {
            return right.End == right.Start;
        }

        for (var k = right.Start + 1; k <= right.End; k++)
        {
            if (toks[k].IsWord && !toks[k].IsCapitalized && _blockers.Contains(toks[k].Lower))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A run of up to five capitalised words opening the sentence and closed by a comma ("Podesta, who ..."), before token <paramref name="before"/>.</summary>
    private static (int Start, int End)? SentenceOpenerName(SentenceInfo s, int before)
    {
        var toks = s.Toks;
        var k = 0;
        while (k < before && k < 5 && toks[k].IsWord && toks[k].IsCapitalized && !s.InQuote[k] && !_blockers.Contains(toks[k].Lower)
            && toks[k].Lower is not ("yet" or "but" or "and" or "still" or "so" or "then" or "now" or "meanwhile" or "however" or "even" or "in" or "on" or "at" or "after"))
        {
            k++;
        }

        return k > 0 && k < before && toks[k].Text == "," ? (0, k - 1) : null;
    }

    /// <summary>The speaker tokens of the latest relation found in this sentence (", Nefzi said, adding ...").</summary>
    private (int Start, int End)? LastSpeakerIn(SentenceInfo s)
    {
        for (var r = _relations.Count - 1; r >= 0; r--)
        {
            if (_relations[r].Speaker is { } sp && s.Span.Contains(sp))
            {
                var (a, b) = s.TokenRange(sp);
                return a >= 0 ? (a, b) : null;
            }

            if (_relations[r].Parts.Count > 0 && _relations[r].Parts[0].End <= s.Span.Start)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The sentence's subject for participial cues (", saying ..."): the first noun phrase, after a leading adverbial ("On Thursday,").</summary>
    private static (int Start, int End)? SubjectOf(SentenceInfo s)
    {
        var toks = s.Toks;
        var k = 0;
        for (var j = 0; j < Math.Min(toks.Count, 6); j++)
        {
            if (toks[j].Text == ",")
            {
                k = j + 1;
                break;
            }
        }

        while (k < toks.Count - 1 && toks[k].Lower is "and" or "but" or "so" or "yet" or "still" or "also" or "then" or "now" or "meanwhile" or "however")
        {
            k++;
        }

        if (k >= toks.Count || s.InQuote[k] || !toks[k].IsWord)
        {
            return null;
        }

        if (_pronounSubjects.Contains(toks[k].Lower))
        {
            return (k, k);
        }

        var end = -1;
        for (var j = k; j < toks.Count && j < k + 8; j++)
        {
            var t = toks[j];
            if (!t.IsWord || s.InQuote[j])
            {
                break;
            }

            if (t.IsCapitalized || t.Lower is "the" or "a" or "an" or "of")
            {
                end = j;
                continue;
            }

            break;
        }

        return end >= k ? (k, end) : null;
    }

    // ---------------------------------------------------------------- helpers

    private static bool HasWord(SentenceInfo s, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (s.Toks[k].IsWord)
            {
                return true;
            }
        }

        return false;
    }

    private static void MarkUsed(SentenceInfo s, int first, int last)
    {
        for (var k = Math.Max(0, first); k <= last && k < s.Used.Length; k++)
        {
            s.Used[k] = true;
        }
    }

    private static void MarkSpanUsed(SentenceInfo s, TextSpan span)
    {
        for (var k = 0; k < s.Toks.Count; k++)
        {
            if (s.Toks[k].Start >= span.Start && s.Toks[k].End <= span.End)
            {
                s.Used[k] = true;
            }
        }
    }
}
