using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Turns relations into <see cref="ExtractedQuote"/>s and resolves pronoun speakers. Rule (documented in docs/quotes.md):
/// "he"/"she"/"him"/"her" resolve to the most recent earlier non-pronoun speaker that looks like a person (a capitalised
/// name, not plural), or else the most recent capitalised name in the text before the pronoun; "they"/"them" resolve to
/// the most recent earlier non-pronoun speaker of any kind.
/// </summary>
internal static class SpeakerResolver
{
    private static readonly FrozenSet<string> _singular = FrozenSet.ToFrozenSet(["he", "she", "him", "her"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> _plural = FrozenSet.ToFrozenSet(["they", "them"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _notNames = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "on", "in", "at", "but", "and", "he", "she", "they", "it", "we", "i", "this", "that", "mr", "mrs",
        "ms", "dr", "president", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "his", "her", "their", "its", "our", "belarusian", "american", "russian", "venezuelan",
    ], StringComparer.Ordinal);

    /// <summary>Revises speakers against the scanner's <paramref name="sentences"/> (<see cref="SpeakerReviser"/>), then builds the quotes in relation order.</summary>
    public static ImmutableArray<ExtractedQuote> Finish(string text, List<Relation> relations, IReadOnlyList<SentenceInfo> sentences)
    {
        SpeakerReviser.Revise(text, sentences, relations);
        foreach (var rel in relations)
        {
            ReviseLate(sentences, rel);
        }

        var result = ImmutableArray.CreateBuilder<ExtractedQuote>(relations.Count);
        var earlier = new List<TextSpan>();
        foreach (var rel in relations)
        {
            var parts = Normalise(text, rel.Parts);
            if (parts.IsEmpty)
            {
                continue;
            }

            var content = new TextSpan(parts[0].Start, parts[^1].End);
            var kind = rel.Direct ? QuoteKind.Direct : rel.HasPartialQuote ? (QuotedShare(text, content) > 0.5 ? QuoteKind.Mixed : QuoteKind.Partial) : QuoteKind.Indirect;
            TextSpan? antecedent = null;
            if (rel.Speaker is { } sp)
            {
                var word = sp.Of(text).ToLowerInvariant();
                if (_singular.Contains(word) || _plural.Contains(word))
                {
                    antecedent = Antecedent(text, earlier, sp, _singular.Contains(word));
                }
                else
                {
                    earlier.Add(sp);
                }
            }

            result.Add(new ExtractedQuote(new Quote(content, kind, rel.Cue, rel.Speaker), parts, antecedent));
        }

        return result.ToImmutable();
    }

    /// <summary>The entity id of the mention overlapping <paramref name="speaker"/>; for a pronoun, of the most recent earlier compatible mention (person for he/she, person/organisation/group for they).</summary>
    public static string? ResolveEntity(string text, ImmutableArray<Mention> mentions, TextSpan speaker)
    {
        Mention? inside = null;
        foreach (var m in mentions)
        {
            if (m.Span.Overlaps(speaker) && m.EntityId is not null)
            {
                inside = m;
            }
        }

        if (inside is not null)
        {
            return inside.EntityId;
        }

        var word = speaker.FitsIn(text) ? speaker.Of(text).ToLowerInvariant() : "";
        var singular = _singular.Contains(word);
        if (!singular && !_plural.Contains(word))
        {
            return null;
        }

        Mention? best = null;
        foreach (var m in mentions)
        {
            if (m.Span.End > speaker.Start || m.EntityId is null)
            {
                continue;
            }

            var ok = singular ? m.Type == EntityType.Person : m.Type is EntityType.Person or EntityType.Organization or EntityType.Group;
            if (ok && (best is null || m.Span.Start > best.Span.Start))
            {
                best = m;
            }
        }

        return best?.EntityId;
    }

    /// <summary>
    /// Session 13 (qp5) speaker checks after <see cref="SpeakerReviser"/>: a news agency dateline is no speaker
    /// (<see cref="DatelineSubject"/>), and a verb coordinated inside a relative clause has the relative pronoun as its
    /// source (<see cref="CoordinatedRelative"/>).
    /// </summary>
    internal static void ReviseLate(IReadOnlyList<SentenceInfo> sentences, Relation rel)
    {
        if (rel.Speaker is not { } sp || rel.Cue is not { } cue || SentenceInfo.At(sentences, cue.Start) is not { } s || !s.Span.Contains(sp))
        {
            return;
        }

        if (DatelineSubject(s, sp) is { } subject)
        {
            rel.Speaker = subject;
            return;
        }

        if (CoordinatedRelative(s, rel, sp, cue) is { } relative)
        {
            rel.Speaker = relative;
        }
    }

    /// <summary>
    /// "Velin (AFP) – Mayor Ada Roe on Monday opened the pier, saying …": the place of a dateline (the sentence's first words,
    /// then an agency in brackets and a dash) was taken as the speaker of a participle cue. The subject after the dash — its
    /// run of capitalised words — speaks instead. Null when the speaker is no such dateline.
    /// </summary>
    private static TextSpan? DatelineSubject(SentenceInfo s, TextSpan sp)
    {
        var toks = s.Toks;
        var (first, last) = s.TokenRange(sp);
        if (first != 0 || last < 0 || last > 2 || last + 4 >= toks.Count || toks[last + 1].Text != "(" || !toks[last + 2].IsCapitalized
            || toks[last + 3].Text != ")" || toks[last + 4].Text is not ("–" or "—" or "-" or "--"))
        {
            return null;
        }

        var a = last + 5;
        var e = a;
        while (e < toks.Count && (toks[e].IsCapitalized || (e > a && toks[e].Text == ".")))
        {
            e++;
        }

        return e > a && toks[e - 1].IsWord ? new TextSpan(toks[a].Start, toks[e - 1].End) : null;
    }

    /// <summary>
    /// "… Ada Roe, who ran the ferry for a decade and said the pier would close, …": a cue coordinated by "and" inside a
    /// relative clause opened by ", who" or ", which" has the relative pronoun as its source, as PolNeAR marks it (the
    /// reviser had taken a noun phrase of the main clause or of the sentence before). Only when the scanner gave the
    /// relation a speaker, the pronoun lies within 25 tokens before the "and" with no clause punctuation or quotation mark
    /// between, and the pronoun is not part of the content.
    /// </summary>
    private static TextSpan? CoordinatedRelative(SentenceInfo s, Relation rel, TextSpan sp, TextSpan cue)
    {
        var toks = s.Toks;
        var (c, _) = s.TokenRange(cue);
        if (c < 2)
        {
            return null;
        }

        var j = c - 1;
        while (j > 0 && toks[j].Lower.Length > 4 && toks[j].Lower.EndsWith("ly", StringComparison.Ordinal))
        {
            j--;
        }

        if (toks[j].Lower != "and")
        {
            return null;
        }

        for (var q = j - 1; q > 0 && j - q <= 25; q--)
        {
            var t = toks[q];
            if (t.Kind == TokKind.QuoteMark || t.Text is "," or ";" or ":" or "—" or "–" or "." or "?" or "!" or "(" or ")" || _subordinators.Contains(t.Lower))
            {
                return null;
            }

            if (t.Lower is "who" or "which")
            {
                // a subject relative: the pronoun is followed by its verb group, not by a subject of its own ("which she was doing")
                var span = new TextSpan(t.Start, t.End);
                var next = toks[q + 1];
                return toks[q - 1].Text == "," && next.IsWord && !next.IsCapitalized && !_relativeSubjects.Contains(next.Lower)
                    && !span.Overlaps(sp) && !rel.Parts.Exists(p => p.Overlaps(span)) ? span : null;
            }
        }

        return null;
    }

    /// <summary>Words that open a subordinate clause: a relative pronoun before one is not the subject of the cue after it.</summary>
    private static readonly FrozenSet<string> _subordinators = FrozenSet.ToFrozenSet(
        ["when", "while", "because", "after", "before", "if", "as", "since", "until", "although", "though", "that", "whether", "where"],
        StringComparer.Ordinal);

    /// <summary>Words after a relative pronoun that make it an object relative ("which she was doing", "who the party chose").</summary>
    private static readonly FrozenSet<string> _relativeSubjects = FrozenSet.ToFrozenSet(
        ["he", "she", "they", "we", "i", "you", "it", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"],
        StringComparer.Ordinal);

    private static TextSpan? Antecedent(string text, List<TextSpan> earlier, TextSpan pronoun, bool singular)
    {
        // 1. a name earlier in the same sentence ("confirmed Lukashenko's offer, quoting him")
        var sentenceStart = SentenceStart(text, pronoun.Start);
        var name = LastNameBefore(text, pronoun.Start, sentenceStart);
        if (name is not null)
        {
            return name;
        }

        // 2. the most recent earlier speaker (person-like for he/she)
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            var e = earlier[i];
            if (e.End <= pronoun.Start && (!singular || LooksLikePerson(e.Of(text))))
            {
                return e;
            }
        }

        // 3. the most recent name in the paragraph
        return LastNameBefore(text, pronoun.Start, text.LastIndexOf('\n', Math.Max(0, pronoun.Start - 1)) + 1);
    }

    private static int SentenceStart(string text, int pos)
    {
        for (var i = pos - 1; i > 0; i--)
        {
            if (text[i] == '\n' || (text[i] == ' ' && text[i - 1] is '.' or '!' or '?' or '”' or '"'))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static readonly FrozenSet<string> _groupWords = FrozenSet.ToFrozenSet(
        ["Democrats", "Republicans", "Officials", "Sources", "Critics", "Police", "Reuters", "News", "Times", "Post", "Agency", "Ministry", "Office", "Party", "Committee", "Government", "Council"],
        StringComparer.Ordinal);

    private static bool LooksLikePerson(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length > 0 ? words[^1].TrimEnd(',', '.') : "";
        return last.Length > 1 && char.IsUpper(last[0]) && !_groupWords.Contains(last);
    }

    private static readonly FrozenSet<string> _prepositions = FrozenSet.ToFrozenSet(
        ["with", "to", "by", "from", "for", "on", "in", "at", "of", "about", "against"], StringComparer.Ordinal);

    /// <summary>The last capitalised word in [<paramref name="from"/>, <paramref name="pos"/>) that is not a function word, not sentence-initial, not after a preposition ("an interview with Politico").</summary>
    private static TextSpan? LastNameBefore(string text, int pos, int from)
    {
        var i = pos - 1;
        while (i >= from)
        {
            if (char.IsLetter(text[i]))
            {
                var end = i + 1;
                var start = i;
                while (start > from && (char.IsLetter(text[start - 1]) || text[start - 1] is '-' or '.'))
                {
                    start--;
                }

                var word = text[start..end];
                if (char.IsUpper(word[0]) && start > from && !_notNames.Contains(word.TrimEnd('.').ToLowerInvariant()) && !_groupWords.Contains(word) && !AfterPreposition(text, start, from))
                {
                    return new TextSpan(start, end);
                }

                i = start - 1;
                continue;
            }

            i--;
        }

        return null;
    }

    private static bool AfterPreposition(string text, int start, int from)
    {
        var e = start - 1;
        while (e >= from && text[e] == ' ')
        {
            e--;
        }

        var s = e;
        while (s >= from && char.IsLetter(text[s]))
        {
            s--;
        }

        return e > s && _prepositions.Contains(text[(s + 1)..(e + 1)]);
    }

    private static double QuotedShare(string text, TextSpan content)
    {
        var inside = 0;
        var open = false;
        for (var i = content.Start; i < content.End; i++)
        {
            var c = text[i];
            if (c is '“' or '”' or '"')
            {
                open = c == '“' || (c == '"' && !open);
                continue;
            }

            if (open)
            {
                inside++;
            }
        }

        return content.Length == 0 ? 0 : (double)inside / content.Length;
    }

    private static ImmutableArray<TextSpan> Normalise(string text, List<TextSpan> parts)
    {
        var list = parts.Where(p => p.End <= text.Length && p.Length > 0).Select(p => TrimSpan(text, p)).Where(p => p.Length > 0 && HasLetterOrDigit(text, p)).OrderBy(p => p.Start).ToList();
        var merged = new List<TextSpan>();
        foreach (var p in list)
        {
            if (merged.Count > 0 && merged[^1].End >= p.Start)
            {
                merged[^1] = new TextSpan(merged[^1].Start, Math.Max(merged[^1].End, p.End));
            }
            else
            {
                merged.Add(p);
            }
        }

        return [.. merged];
    }

    private static TextSpan TrimSpan(string text, TextSpan p)
    {
        var s = p.Start;
        var e = p.End;
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        return new TextSpan(s, e);
    }

    private static bool HasLetterOrDigit(string text, TextSpan p)
    {
        for (var i = p.Start; i < p.End; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
