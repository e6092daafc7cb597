using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Precision rules of session 13 (docs/quotes.md, "Session 13 — quotes precision, boundaries and speakers (qp5)"): a last
/// pass over the finished relations of a text, after session 12's. The word lists are hand-written from general English,
/// not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>Runs once after <see cref="PrecisionRules16"/>.</summary>
    private void PrecisionRules17()
    {
        _relations.RemoveAll(FoundNotFinding17);
    }

    /// <summary>
    /// "The ferry service found itself at the centre of the row", "Roe found herself playing host", "Ada Roe helped found
    /// the pier trust": "found" (or "find"/"finds"/"finding") before a reflexive pronoun means ending up somewhere, and
    /// "found" after "help"/"helped"/"helps"/"helping" or "to" means establishing something — neither reports a finding,
    /// so the relation read from the cue is dropped. "The audit found that …" and "Roe found the plan sound" stay.
    /// </summary>
    private bool FoundNotFinding17(Relation rel)
    {
        if (rel.Cue is not { } cue || SentenceAt13(cue.Start) is not { } s || !s.Span.Contains(cue))
        {
            return false;
        }

        var toks = s.Toks;
        var (cf, cl) = s.TokenRange(cue);
        if (cf < 0 || toks[cl].Lower is not ("found" or "find" or "finds" or "finding"))
        {
            return false;
        }

        if (cl + 1 < toks.Count && toks[cl + 1].Lower is "himself" or "herself" or "itself" or "themselves" or "myself" or "ourselves" or "yourself" or "yourselves")
        {
            return true;
        }

        var before = cl > cf ? toks[cl - 1].Lower : cf > 0 ? toks[cf - 1].Lower : "";
        return toks[cl].Lower == "found" && before is "help" or "helped" or "helps" or "helping" or "to";
    }
}
