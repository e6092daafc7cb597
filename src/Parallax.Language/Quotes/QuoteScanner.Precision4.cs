using System.Collections.Frozen;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Precision rules of session 12 (docs/quotes.md, "Session 12 — quotes precision, near misses and content boundaries
/// (qp4)"): a last pass over the finished relations of a text, after session 11's. The word lists are hand-written from
/// general English, not learned from any dataset.
/// </summary>
internal sealed partial class QuoteScanner
{
    /// <summary>Nouns naming the medium a statement is made in ("a statement", "the letter", "his book", "a tweet").</summary>
    private static readonly FrozenSet<string> _media16 = FrozenSet.ToFrozenSet(
    [
        "statement", "statements", "video", "ad", "ads", "report", "memo", "letter", "email", "emails", "tweet", "tweets",
        "interview", "remarks", "speech", "op-ed", "post", "message", "messages", "book", "photo", "photos", "column", "clip",
    ], StringComparer.Ordinal);

    /// <summary>Verbs of saying whose content may not be a bare place or time adjunct ("said in a statement").</summary>
    private static readonly FrozenSet<string> _sayingVerbs16 = FrozenSet.ToFrozenSet(
    [
        "said", "says", "say", "told", "tells", "wrote", "writes", "tweeted", "posted", "added", "stated", "declared",
    ], StringComparer.Ordinal);

    /// <summary>Runs once after <see cref="PrecisionRules15"/>.</summary>
    private void PrecisionRules16()
    {
        _relations.RemoveAll(r => AdjunctOnlyContent16(r) || MediumOnlyContent16(r));
    }

    /// <summary>
    /// The content's single part as a token range of its sentence, when it has no quotation mark and at most
    /// <paramref name="maxTokens"/> tokens; otherwise null.
    /// </summary>
    private (SentenceInfo S, int First, int Last, int CueLast)? PlainShortContent16(Relation rel, int maxTokens)
    {
        if (rel.Direct || rel.HasPartialQuote || rel.Parts.Count != 1 || rel.Cue is not { } cue || SentenceAt13(rel.Parts[0].Start) is not { } s
            || !s.Span.Contains(cue))
        {
            return null;
        }

        var (first, last) = s.TokenRange(rel.Parts[0]);
        var (_, cueLast) = s.TokenRange(cue);
        if (first < 0 || cueLast < 0 || last - first + 1 > maxTokens)
        {
            return null;
        }

        for (var k = first; k <= last; k++)
        {
            if (s.Toks[k].Kind == TokKind.QuoteMark || s.InQuote[k])
            {
                return null;
            }
        }

        return (s, first, last, cueLast);
    }

    /// <summary>
    /// "Roe said in a statement.", "Brandt wrote on Twitter.", "the mayor declared in Velin": after a verb of saying the
    /// content is only a place, time or medium adjunct (a preposition, no "that", no finite verb, at most ten tokens). The
    /// words said are elsewhere (usually a quotation before the sentence), so the relation reports nothing and is dropped.
    /// </summary>
    private bool AdjunctOnlyContent16(Relation rel)
    {
        if (PlainShortContent16(rel, 10) is not var (s, first, last, cueLast)
            || !_sayingVerbs16.Contains(s.Toks[cueLast].Lower)
            || s.Toks[first].Text is not ("in" or "on" or "at" or "during"))
        {
            return false;
        }

        for (var k = first + 1; k <= last; k++)
        {
            if (s.Toks[k].Lower == "that" || FiniteVerbAt(s, k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "fired back with a snarky statement", "according to in his book", "declined to comment for this column": a content
    /// of at most four words that is only a prepositional phrase naming the medium of a statement is not what was said
    /// (that follows or precedes in a quotation of its own): dropped. An act on somebody's words ("denounced Mr. Roe's
    /// remarks", "blasted the statement") and a document produced ("released a statement") stay relations.
    /// </summary>
    private bool MediumOnlyContent16(Relation rel)
    {
        if (PlainShortContent16(rel, 6) is not var (s, first, last, _))
        {
            return false;
        }

        var words = 0;
        for (var k = first; k <= last; k++)
        {
            if (s.Toks[k].IsWord)
            {
                words++;
            }
        }

        if (words > 4 || !s.Toks[last].IsWord || !_media16.Contains(s.Toks[last].Lower))
        {
            return false;
        }

        return s.Toks[first].Text is "in" or "for" or "with" or "after" or "to" or "on";
    }
}
