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
        List<Relation>? split = null;
        foreach (var rel in _relations)
        {
            if (RelativeRunOn16(rel) is { } main)
            {
                (split ??= []).Add(main);
            }
        }

        if (split is not null)
        {
            _relations.AddRange(split);
        }
    }

    /// <summary>Auxiliaries a verb group may open with ("has called", "would have", "is launching").</summary>
    private static bool Auxiliary16(string lower) => lower is "has" or "have" or "had" or "is" or "are" or "was" or "were" or "would"
        or "will" or "could" or "can" or "should" or "did" or "does" or "do" or "may" or "might" or "must" or "been" or "be";

    /// <summary>
    /// "Ada Roe, who backed the pier plan, warned of a long winter": a relation whose speaker is the relative pronoun
    /// "who" of a parenthetical relative clause ran its content over the comma closing the clause into the main clause. The
    /// content ends at the first comma followed by a finite verb of saying or acting, and the main clause becomes a relation
    /// of its own: its verb group is the cue, the words after it the content, and the noun phrase before ", who" the
    /// speaker (PolNeAR annotates the main clause's attribution; before, our relative relation's content took its words).
    /// With any other main verb ("was able", "is launching") nothing changes. A content opening
    /// with "that", "whether" or "if" is a clause whose own subject may carry an apposition, so it is left alone. Returns
    /// the new relation, or null.
    /// </summary>
    private Relation? RelativeRunOn16(Relation rel)
    {
        if (rel.Direct || rel.HasPartialQuote || rel.Parts.Count != 1 || rel.Speaker is not { } speaker || speaker.Length != 3
            || !_text.AsSpan(speaker.Start, 3).Equals("who", StringComparison.OrdinalIgnoreCase) || SentenceAt13(rel.Parts[0].Start) is not { } s
            || !s.Span.Contains(speaker))
        {
            return null;
        }

        var toks = s.Toks;
        var (first, last) = s.TokenRange(rel.Parts[0]);
        if (first < 0 || last - first < 3 || toks[first].Lower is "that" or "whether" or "if")
        {
            return null;
        }

        var comma = -1;
        for (var k = first + 1; k < last; k++)
        {
            if (toks[k].Kind == TokKind.QuoteMark || s.InQuote[k])
            {
                return null;
            }

            if (toks[k].Text == "," && ContentBoundaries.Finite(s, k + 1))
            {
                comma = k;
                break;
            }
        }

        if (comma < 0)
        {
            return null;
        }

        // the main clause's verb group: adverbs and auxiliaries, then the verb
        var m = comma + 1;
        while (m < last && _verbAdverbs15.Contains(toks[m].Lower))
        {
            m++;
        }

        var v = m;
        while (v < last && toks[v + 1].IsWord && !s.InQuote[v + 1] && (Auxiliary16(toks[v].Lower) || _verbAdverbs15.Contains(toks[v + 1].Lower)))
        {
            v++;
        }

        // the antecedent: the words before ", who" back to the sentence start, a comma or other clause punctuation, "that",
        // "and" or "but", at most eight
        var (w, _) = s.TokenRange(speaker);
        if (v >= last || w < 2 || toks[w - 1].Text != ",")
        {
            return null;
        }

        var a = w - 2;
        while (a > 0 && w - 2 - a < 7 && toks[a - 1].Kind != TokKind.QuoteMark && !s.InQuote[a - 1]
            && toks[a - 1].Text is not ("," or ";" or ":" or "—" or "–" or "(" or ")" or "?" or "!") && toks[a - 1].Lower is not ("that" or "and" or "but"))
        {
            a--;
        }

        // only a main verb of saying or acting starts an attribution of its own ("warned", "criticized", "has called for")
        var verb = toks[v].Lower;
        if (!toks[a].IsWord || !toks[w - 2].IsWord || !(CueLexicon.TryGet(verb, out _) || ActLexicon.TryGet(verb, out _)))
        {
            return null;
        }

        rel.Parts[0] = new TextSpan(toks[first].Start, toks[comma - 1].End);

        var main = new Relation
        {
            Paragraph = rel.Paragraph,
            Cue = new TextSpan(toks[m].Start, toks[v].End),
            Speaker = new TextSpan(toks[a].Start, toks[w - 2].End),
        };
        main.Parts.Add(new TextSpan(toks[v + 1].Start, toks[last].End));
        return main;
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
