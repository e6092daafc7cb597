using System.Collections.Frozen;
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
            if (!s.Used[i] && !s.InQuote[i] && toks[i].IsWord && !toks[i].IsCapitalized && _hearsayAdverbs5.Contains(toks[i].Lower))
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
}
