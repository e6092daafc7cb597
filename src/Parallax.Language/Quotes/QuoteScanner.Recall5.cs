using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Recall rules of round 12. Like rounds 9–11 they run after every other pass of a sentence, over unused tokens only, so
/// they never take a token another relation already holds. The word list is hand-written from general English, not
/// learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>Adverbs that attribute a clause to unnamed others ("is reportedly weighing a run").</summary>
    private static readonly FrozenSet<string> _hearsayAdverbs5 = FrozenSet.ToFrozenSet(
        ["reportedly", "allegedly", "supposedly", "purportedly", "reputedly"], StringComparer.Ordinal);

    private void RecallRules5(int si)
    {
        var s = _sentences[si];
        var toks = s.Toks;
        for (var i = 1; i + 1 < toks.Count; i++)
        {
            if (FreeLowerWord(s, i) && _hearsayAdverbs5.Contains(toks[i].Lower))
            {
                HearsayAdverb(s, i);
            }
        }
    }

    /// <summary>
    /// "The club is reportedly spending $1.5 million on ads", "Both firms have reportedly looked at the deal", "with the
    /// mayor reportedly weighing a run": a hearsay adverb inside a clause that no cue verb follows. The adverb is the cue;
    /// the subject with its auxiliaries and the predicate after the adverb are the two content parts; nobody is named as
    /// the source. ("X reportedly said …" is read by the clause patterns, which take the adverb as an auxiliary.)
    /// </summary>
    private void HearsayAdverb(SentenceInfo s, int c)
    {
        var toks = s.Toks;
        var next = toks[c + 1];
        if (s.Used[c + 1] || s.InQuote[c + 1] || !next.IsWord || CueLexicon.TryGet(next.Lower, out _) || ActLexicon.TryGet(next.Lower, out _))
        {
            return;
        }

        if (SpeakerLeft(s, c, ClauseStart(s, c)) is not { } np || np.End >= c || s.Used[np.Start] || s.Used[np.End])
        {
            return;
        }

        for (var k = np.End + 1; k < c; k++)
        {
            if (s.Used[k] || !toks[k].IsWord)
            {
                return;
            }
        }

        if (np.Start == np.End && toks[np.Start].Lower is "it" or "there" or "who" or "which" or "that")
        {
            return;
        }

        if (ContentForward(s, c + 1) is not { } predicate || Trim(s, np.Start, c) is not { } subject)
        {
            return;
        }

        var rel = new Relation { Paragraph = s.Paragraph, Cue = new TextSpan(toks[c].Start, toks[c].End) };
        rel.Parts.Add(subject);
        rel.Parts.Add(predicate);
        MarkSpanUsed(s, subject);
        MarkSpanUsed(s, predicate);
        MarkUsed(s, c, c);
        _relations.Add(rel);
    }
    private const RegexOptions AdjunctOptions = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>A weekday at the end of a content ("… the ferry fares on Monday", ", last Tuesday night").</summary>
    private static readonly Regex _trailingWeekday5 = new(
        @"(?:,\s*)?\s+(?:on\s+)?(?:last\s+|this\s+|next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?$",
        AdjunctOptions);

    /// <summary>The medium of the speech at the end of a content ("… in an interview with the Courier", "in a statement").</summary>
    private static readonly Regex _trailingMedium5 = new(
        @"(?:,\s*)?\s+in\s+(?:a|an|his|her|their|the)\s+(?:\S+\s+){0,3}?(?:interview|statement|speech|op-ed|letter|tweet|post|email|memo|video|ad|appearance|conference call|call|town hall|debate)s?(?:\s+(?:with|on|to)\s+(?:\S+\s+){0,4}?\S+)?$",
        AdjunctOptions);

    /// <summary>
    /// A content read after its cue that ends in a weekday ("said the fares would rise on Monday" → "the fares would
    /// rise") or in the medium of the speech ("… in an interview with the Courier") ends before it: PolNeAR leaves such
    /// adjuncts of the speech event out more often than it keeps them. Direct quotations and contents before their cue
    /// keep their ends. Only the last 120 characters of the last part are searched.
    /// </summary>
    private void TrimTrailingAdjuncts5(Relation rel)
    {
        if (rel.Direct || rel.Cue is not { } cue || rel.Parts.Count == 0)
        {
            return;
        }

        var last = rel.Parts[^1];

        // an infinitive content ("is expected to announce the budget on Monday") dates the reported event, not the speech
        if (cue.Start >= last.Start || (last.Length > 3 && string.CompareOrdinal(_text, last.Start, "to ", 0, 3) == 0))
        {
            return;
        }

        var end = last.End;
        while (end > last.Start && _text[end - 1] is ' ' or '.' or ',' or ';' or ':' or '"' or '\'' or '\u201d' or '\u2019')
        {
            end--;
        }

        var from = Math.Max(last.Start, end - 120);
        var cut = -1;
        foreach (var regex in (ReadOnlySpan<Regex>)[_trailingWeekday5, _trailingMedium5])
        {
            var m = regex.Match(_text, from, end - from);
            if (m.Success && m.Index > last.Start && (cut < 0 || m.Index < cut) && !AfterBoundWord5(m.Index, last.Start))
            {
                cut = m.Index;
            }
        }

        if (cut < 0)
        {
            return;
        }

        var keep = cut;
        while (keep > last.Start && _text[keep - 1] is ' ' or ',')
        {
            keep--;
        }

        var words = 0;
        for (var k = last.Start; k < keep && words < 2; k++)
        {
            if (char.IsLetterOrDigit(_text[k]) && (k == last.Start || !char.IsLetterOrDigit(_text[k - 1])))
            {
                words++;
            }
        }

        if (words >= 2)
        {
            rel.Parts[^1] = new TextSpan(last.Start, keep);
        }
    }
    /// <summary>Words after which a weekday is the reported event's own bound ("dead by Friday", "until Monday"), not the speech's date.</summary>
    private static readonly FrozenSet<string> _boundWords5 = FrozenSet.ToFrozenSet(
        ["by", "until", "till", "before", "after", "since", "through", "from", "to", "of", "for", "than", "between", "and", "or", "every", "each"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The word right before <paramref name="at"/> (skipping spaces and commas) is a bound word.</summary>
    private bool AfterBoundWord5(int at, int min)
    {
        var e = at;
        while (e > min && _text[e - 1] is ' ' or ',')
        {
            e--;
        }

        var b = e;
        while (b > min && char.IsLetter(_text[b - 1]))
        {
            b--;
        }

        return b < e && _boundWords5.Contains(_text[b..e]);
    }
}
