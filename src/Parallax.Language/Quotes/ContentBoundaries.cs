using System.Collections.Frozen;

namespace Parallax.Language.Quotes;

/// <summary>
/// Where a clause or object content ends (docs/quotes.md, round 9). PolNeAR marks one relation per cue and a content stops
/// where the speaker's next act begins ("said X and predicted Y" is two relations) or where an adjunct of the reporting
/// act, not of the reported content, starts. Pure functions over a sentence's tokens; each test looks at a bounded number
/// of tokens after the candidate end, so a content scan stays linear in the sentence length.
/// </summary>
internal static class ContentBoundaries
{
    /// <summary>Adverbs that may stand between a conjunction and a coordinated verb ("and later said", "but then denied").</summary>
    private static readonly FrozenSet<string> _coordinationAdverbs = FrozenSet.ToFrozenSet(
    [
        "also", "then", "later", "now", "still", "even", "eventually", "finally", "never", "again", "once", "repeatedly",
        "quickly", "immediately", "subsequently", "afterward", "afterwards", "publicly", "privately", "further", "instead",
    ], StringComparer.Ordinal);

    /// <summary>
    /// True when a clause content that started at token <paramref name="start"/> ends before token <paramref name="end"/>.
    /// </summary>
    public static bool EndsBefore(SentenceInfo s, int start, int end, bool objectContent)
    {
        var toks = s.Toks;
        if (end <= start + 1 || s.InQuote[end])
        {
            return false;
        }

        // "said that X and predicted that Y", "noted X, and quoted Y": the subject's next reporting act is a relation of
        // its own, so the first content ends at the conjunction (objects already end at any coordinated finite verb).
        if (!objectContent && toks[end].Lower is "and" or "but" && CoordinatedCue(s, end + 1))
        {
            return true;
        }

        // "refused to speak to reporters and watched the speeches": after an infinitive content a coordinated finite verb
        // cannot belong to the infinitive, so it is the subject's next act
        if (!objectContent && toks[start].Lower == "to" && toks[end].Lower is "and" or "but" && Finite(s, end + 1) && !Modal(toks[end + 1].Lower))
        {
            return true;
        }

        // "said X, and his spokesman declined to comment": a new main clause with its own subject and reporting verb
        if (toks[end].Text == "," && end + 2 < toks.Count && toks[end + 1].Lower is "and" or "but" or "while" or "as" && SubjectThenCue(s, end + 2))
        {
            return true;
        }

        // "said the plan would cut the port's tax rate, which would slash its costs": a subject relative on the last noun
        // to the sentence end describes, it does not report (an object relative, "…, which it described as …", is left alone)
        if (!objectContent && toks[end].Text == "," && end + 2 < toks.Count && toks[end + 1].Lower == "which" && Finite(s, end + 2) && !CommaAfter(s, end + 2))
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when ", but" at <paramref name="but"/> goes on inside the content: a contrast inside the reported words with no
    /// new subject ("are willing to negotiate, but never compromise", "lead remained in double digits, but narrowed").
    /// </summary>
    public static bool ButContinues(SentenceInfo s, int but, bool objectContent)
    {
        var toks = s.Toks;
        var k = but + 1;
        if (k >= toks.Count || !toks[k].IsWord || s.InQuote[k] || toks[k].IsCapitalized)
        {
            return false;
        }

        // an object's ", but also used them" is the subject's next act, not part of the object
        if (objectContent && (Finite(s, k) || (k + 1 < toks.Count && _coordinationAdverbs.Contains(toks[k].Lower) && Finite(s, k + 1))))
        {
            return false;
        }

        var w = toks[k].Lower;
        return w is "also" or "never" or "not" or "only" or "still" or "rather" or "instead" or "more" or "less" or "too" or "perhaps" or "probably" or "likely" or "mostly" or "largely"
            || (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4) || (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5);
    }

    /// <summary>
    /// The token range of the earlier relation's speaker in this sentence that overlaps <paramref name="subject"/> ("The company"
    /// where the subject finder kept only "The"), or null.
    /// </summary>
    public static (int Start, int End)? EarlierSpeaker(SentenceInfo s, List<Relation> relations, (int Start, int End) subject)
    {
        var span = new Parallax.Core.TextSpan(s.Toks[subject.Start].Start, s.Toks[subject.End].End);
        for (var r = relations.Count - 1; r >= 0 && relations[r].Paragraph == s.Paragraph; r--)
        {
            if (relations[r].Speaker is { } sp && sp.Overlaps(span) && sp.Start >= s.Span.Start && sp.End <= s.Span.End)
            {
                // only a plain phrase: an apposition or relative clause ("Fenn, who was speaking to …") is the reviser's to trim
                var (first, last) = s.TokenRange(sp);
                if (first < 0 || first > subject.Start || last < subject.End)
                {
                    return null;
                }

                for (var k = first; k <= last; k++)
                {
                    if (!s.Toks[k].IsWord)
                    {
                        return null;
                    }
                }

                return (first, last);
            }
        }

        return null;
    }

    /// <summary>Words that open a fronted adverbial inside a "that" clause ("that if he lost, he …", "that in a race between …, he …").</summary>
    private static readonly FrozenSet<string> _adverbialOpeners = FrozenSet.ToFrozenSet(
    [
        "if", "when", "while", "as", "because", "although", "though", "after", "before", "since", "unless", "once", "until",
        "even", "despite", "given", "in", "with", "without", "for", "on", "by", "under", "during", "regardless", "whatever",
        "whoever", "whether", "absent", "instead", "rather", "like", "unlike", "now", "ultimately", "eventually",
    ], StringComparer.Ordinal);

    /// <summary>
    /// True when the content opening at <paramref name="k"/> is "that" plus a fronted adverbial: a comma and a pronoun after
    /// it then start the that-clause's own main clause, not a new sentence.
    /// </summary>
    public static bool ThatOpensAdverbial(SentenceInfo s, int k) =>
        (k + 1 < s.Toks.Count && s.Toks[k].Lower == "that" && _adverbialOpeners.Contains(s.Toks[k + 1].Lower));

    /// <summary><see cref="QuoteScanner.FiniteVerbAt"/> without hyphenated words ("need-based", "well-funded" are adjectives).</summary>
    internal static bool Finite(SentenceInfo s, int k) => QuoteScanner.FiniteVerbAt(s, k) && (k >= s.Toks.Count || !s.Toks[k].Text.Contains('-'));

    private static bool Modal(string lower) => lower is "would" or "will" or "could" or "can" or "should";

    /// <summary>True when an unquoted comma follows token <paramref name="k"/> in the sentence (a relative clause between commas is parenthetical).</summary>
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

    /// <summary>True when a short subject (one to four words, no punctuation) starting at <paramref name="k"/> is followed by a finite reporting verb.</summary>
    private static bool SubjectThenCue(SentenceInfo s, int k)
    {
        var toks = s.Toks;
        for (var j = k + 1; j < Math.Min(toks.Count, k + 5); j++)
        {
            if (!toks[j].IsWord || s.InQuote[j])
            {
                return false;
            }

            if (CoordinatedCue(s, j))
            {
                return true;
            }

            if (Finite(s, j))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>True when token <paramref name="k"/> (a few adverbs skipped) is a finite reporting or act verb with no subject before it.</summary>
    private static bool CoordinatedCue(SentenceInfo s, int k)
    {
        var toks = s.Toks;
        var limit = Math.Min(toks.Count, k + 3);
        while (k < limit && toks[k].IsWord && _coordinationAdverbs.Contains(toks[k].Lower))
        {
            k++;
        }

        if (k >= toks.Count || !toks[k].IsWord || toks[k].IsCapitalized || s.InQuote[k])
        {
            return false;
        }

        var w = toks[k].Lower;
        var cue = CueLexicon.TryGet(w, out _) || (ActLexicon.TryGet(w, out var form) && form != ActForm.Base);
        return cue && !w.EndsWith("ing", StringComparison.Ordinal) && Finite(s, k);
    }
}
