using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Compare.Slant;

/// <summary>A slant feature in a text: a lexicon entry or a structural opinion marker.</summary>
/// <param name="Span">Its characters (for a question or exclamation: the sentence; for a scare quote: the quoted words with their marks).</param>
/// <param name="Term">The lexicon entry, or the marker kind (<c>question</c>, <c>exclamation</c>, <c>scare-quote</c>).</param>
/// <param name="Category">The lexicon category, or the marker kind.</param>
/// <param name="Component"><c>loaded-terms</c> or <c>opinion-markers</c>.</param>
public readonly record struct SlantHit(TextSpan Span, string Term, string Category, string Component);

/// <summary>
/// Finds the slant features of one sentence: loaded terms and opinion markers from <see cref="LoadedLexicon"/>, plus
/// rhetorical questions, exclamations and scare quotes (one to three quoted words that no speech verb attributes).
/// Words inside <c>excluded</c> spans (attributed quotes: the speaker's words, not the outlet's) are skipped. Pure and
/// thread-safe.
/// </summary>
public static class SlantMarkers
{
    public const string LoadedTerms = "loaded-terms";
    public const string OpinionMarkers = "opinion-markers";

    private static readonly FrozenSet<string> _speechWords = FrozenSet.ToFrozenSet(
        ["said", "says", "say", "told", "tells", "according", "wrote", "writes", "tweeted", "posted", "added", "stated", "asked",
         "replied", "announced", "declared", "insisted", "argued", "warned", "claimed", "claims", "called", "calls", "dubbed",
         "described", "describes", "termed", "labelled", "labeled", "branded", "quoted", "quote", "statement", "titled", "entitled"],
        StringComparer.Ordinal);

    /// <summary>The features of the sentence at <paramref name="sentence"/> in <paramref name="text"/>, in text order.</summary>
    /// <param name="excluded">Spans whose words are not the outlet's own (attributed quotes); may be empty.</param>
    public static ImmutableArray<SlantHit> Find(string text, TextSpan sentence, IReadOnlyList<TextSpan> excluded, LoadedLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(excluded);
        lexicon ??= LoadedLexicon.Default;
        var hits = new List<SlantHit>();
        foreach (var h in lexicon.Find(text, sentence.Start, sentence.End))
        {
            if (Inside(h.Span, excluded))
            {
                continue;
            }

            var component = LoadedLexicon.MarkerCategories.Contains(h.Category) ? OpinionMarkers : LoadedTerms;
            hits.Add(new SlantHit(h.Span, h.Term, h.Category, component));
        }

        hits.AddRange(ScareQuotes(text, sentence, excluded));
        var trimmed = Trim(text, sentence);
        if (trimmed.Length > 0)
        {
            if (text[trimmed.End - 1] == '?' && !Inside(new TextSpan(trimmed.End - 1, trimmed.End), excluded) && !EndsInsideQuote(text, trimmed))
            {
                hits.Add(new SlantHit(trimmed, "question", "question", OpinionMarkers));
            }

            for (var i = trimmed.Start; i < trimmed.End; i++)
            {
                if (text[i] == '!' && !Inside(new TextSpan(i, i + 1), excluded) && !InQuotes(text, trimmed.Start, i))
                {
                    hits.Add(new SlantHit(trimmed, "exclamation", "exclamation", OpinionMarkers));
                    break;
                }
            }
        }

        hits.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        return [.. hits];
    }

    /// <summary>Quoted stretches of one to three words with no speech verb in the sentence: the writer's distancing quotes.</summary>
    private static IEnumerable<SlantHit> ScareQuotes(string text, TextSpan sentence, IReadOnlyList<TextSpan> excluded)
    {
        List<SlantHit>? found = null;
        var i = sentence.Start;
        while (i < sentence.End)
        {
            var open = text[i];
            var close = open switch { '\u201C' => '\u201D', '"' => '"', '\u2018' => '\u2019', _ => '\0' };
            if (close == '\0' || (open == '\u2018' && i > sentence.Start && char.IsLetter(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = text.IndexOf(close, i + 1);
            if (end < 0 || end >= sentence.End)
            {
                break;
            }

            var words = LoadedLexicon.Words(text, i + 1, end);
            if (words.Count is >= 1 and <= 3 && !Inside(new TextSpan(i + 1, end), excluded))
            {
                found ??= [];
                found.Add(new SlantHit(new TextSpan(i, end + 1), "scare-quote", "scare-quote", OpinionMarkers));
            }

            i = end + 1;
        }

        if (found is null)
        {
            return [];
        }

        // A speech verb means the short quote is attributed words ("called it 'a disgrace'"), not the writer's distance.
        var attributed = LoadedLexicon.Words(text, sentence.Start, sentence.End).Any(w => _speechWords.Contains(w.Key));
        return attributed ? [] : found;
    }

    private static bool Inside(TextSpan span, IReadOnlyList<TextSpan> excluded)
    {
        foreach (var e in excluded)
        {
            if (span.Start < e.End && e.Start < span.End)
            {
                return true;
            }
        }

        return false;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
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

    /// <summary>True when the sentence's final '?' sits inside a quotation ("... asked: 'why now?'").</summary>
    private static bool EndsInsideQuote(string text, TextSpan trimmed) => InQuotes(text, trimmed.Start, trimmed.End - 1);

    /// <summary>True when position <paramref name="at"/> is inside an open quotation counted from <paramref name="from"/>.</summary>
    private static bool InQuotes(string text, int from, int at)
    {
        var curly = 0;
        var straight = false;
        for (var i = from; i < at; i++)
        {
            switch (text[i])
            {
                case '\u201C':
                    curly++;
                    break;
                case '\u201D':
                    curly = Math.Max(0, curly - 1);
                    break;
                case '"':
                    straight = !straight;
                    break;
            }
        }

        return curly > 0 || straight;
    }
}
