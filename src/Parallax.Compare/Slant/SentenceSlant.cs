using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Compare.Slant;

/// <summary>The slant of one sentence: its features and their weighted sum.</summary>
/// <param name="Score">Sum of the category weights of <see cref="Hits"/> plus the context weights of <see cref="Cues"/> (anchors weigh negative).</param>
/// <param name="Biased">True when <see cref="Score"/> reaches the weights' sentence threshold.</param>
public sealed record SentenceSlantResult(double Score, bool Biased, ImmutableArray<SlantHit> Hits)
{
    /// <summary>
    /// Sentence-level context cues that were weighed (<see cref="SentenceSlant.ReportAnchor"/>: a reporting verb, a
    /// weekday), at most one per kind; component <see cref="SentenceSlant.ContextComponent"/>.
    /// </summary>
    public ImmutableArray<SlantHit> Cues { get; init; } = [];
}

/// <summary>
/// The shipped sentence-level loaded-language detector (what <c>parallax eval loaded-language</c> scores): the
/// lexicon and marker features of <see cref="SlantMarkers"/> weighted by category, plus news-report anchors, against
/// one threshold. Quoted words that are attributed (the sentence has a speech verb, the quotation is four words or
/// longer, or it is cut by the sentence boundary) are the speaker's, not the writer's, and are not counted. Anchors
/// (a reporting verb such as "said" or "according to"; a weekday) mark the register of a dated news report and weigh
/// against descriptive loaded words, never against framing or combative verbs. No trained parameters. Pure and
/// thread-safe.
/// </summary>
public static class SentenceSlant
{
    /// <summary>Component name of the context cues.</summary>
    public const string ContextComponent = "sentence-context";

    /// <summary>Cue: the sentence is anchored as a news report (a reporting verb; a weekday). Counted once per kind.</summary>
    public const string ReportAnchor = "report-anchor";

    private static readonly FrozenSet<string> _reportWords = FrozenSet.ToFrozenSet(["said", "says", "told", "announced", "stated"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _weekdays = FrozenSet.ToFrozenSet(
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> _speechWords = FrozenSet.ToFrozenSet(
        ["said", "says", "say", "told", "tells", "according", "wrote", "writes", "tweeted", "posted", "added", "stated", "asked",
         "replied", "announced", "declared", "insisted", "argued", "warned", "claimed", "claims", "called", "calls", "dubbed",
         "described", "describes", "termed", "labelled", "labeled", "branded", "quoted", "quote", "statement", "titled", "entitled"],
        StringComparer.Ordinal);

    /// <summary>Scores a standalone sentence: attributed quotations in it are found from its own punctuation and speech verbs.</summary>
    public static SentenceSlantResult Score(string sentence, SlantWeights? weights = null, LoadedLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var span = new TextSpan(0, sentence.Length);
        return Score(sentence, span, AttributedQuotations(sentence, span), weights, lexicon);
    }

    /// <summary>Scores the sentence at <paramref name="span"/> of <paramref name="text"/>, skipping words in <paramref name="excluded"/>.</summary>
    public static SentenceSlantResult Score(string text, TextSpan span, IReadOnlyList<TextSpan> excluded, SlantWeights? weights = null, LoadedLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(excluded);
        weights ??= SlantWeights.Default;
        var hits = SlantMarkers.Find(text, span, excluded, lexicon);
        // A verb that frames what someone did or said is the writer's choice even in a dated report ("lashed out on
        // Friday"), so report anchors only weigh against descriptive words (massive, deadly, outrage).
        var cues = hits.Any(h => h.Category is "framing-verb" or "conflict-verb") ? [] : Cues(text, span);
        var score = hits.Sum(h => weights.Category(h.Category)) + cues.Sum(c => weights.Context(c.Category));
        return new SentenceSlantResult(score, (hits.Length > 0 || cues.Length > 0) && score >= weights.SentenceThreshold, hits) { Cues = cues };
    }

    /// <summary>
    /// Quoted stretches (between “ ” or straight double quotes) of <paramref name="span"/> that are someone's words: the
    /// sentence has a speech verb outside them, the quotation holds four or more words, or the span's boundary cuts it
    /// (a closing mark with no opening mark quotes from the span's start; an opening mark with no closing mark, to its
    /// end). Shorter unattributed quotations stay the writer's (scare quotes). Spans are the quoted content, without the
    /// marks, in text order.
    /// </summary>
    public static ImmutableArray<TextSpan> AttributedQuotations(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quotes = Quotations(text, span);
        if (quotes.Count == 0)
        {
            return [];
        }

        var speech = LoadedLexicon.Words(text, span.Start, span.End).Any(w => _speechWords.Contains(w.Key) && !quotes.Any(q => q.Start <= w.Start && w.End <= q.End));
        // A quotation cut by the sentence boundary (no opening or no closing mark here) continues someone's words.
        return [.. quotes.Where(q => speech || q.Start == span.Start || q.End == span.End || LoadedLexicon.Words(text, q.Start, q.End).Count >= 4)];
    }

    /// <summary>
    /// Quoted stretches of the span, content only. A closing mark with no opening mark quotes from the span's start, and an
    /// opening mark with no closing mark quotes to its end: the sentence is part of a quotation that spans sentences.
    /// </summary>
    private static List<TextSpan> Quotations(string text, TextSpan span)
    {
        var quotes = new List<TextSpan>();
        int? open = null;
        var straight = new List<int>();
        for (var i = span.Start; i < span.End; i++)
        {
            switch (text[i])
            {
                case '\u201C':
                    open = i;
                    break;
                case '\u201D':
                    quotes.Add(new TextSpan(open is { } o ? o + 1 : span.Start, i));
                    open = null;
                    break;
                case '"':
                    straight.Add(i);
                    break;
            }
        }

        if (open is { } left)
        {
            quotes.Add(new TextSpan(left + 1, span.End));
        }

        var k = 0;
        if (straight.Count % 2 == 1 && !string.IsNullOrWhiteSpace(text[span.Start..straight[0]]))
        {
            quotes.Add(new TextSpan(span.Start, straight[0]));
            k = 1;
        }

        for (; k + 1 < straight.Count; k += 2)
        {
            quotes.Add(new TextSpan(straight[k] + 1, straight[k + 1]));
        }

        if (k < straight.Count)
        {
            quotes.Add(new TextSpan(straight[k] + 1, span.End));
        }

        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        return quotes;
    }

    private static ImmutableArray<SlantHit> Cues(string text, TextSpan span)
    {
        SlantHit? report = null, weekday = null;
        foreach (var w in LoadedLexicon.Words(text, span.Start, span.End))
        {
            var wordSpan = new TextSpan(w.Start, w.End);
            if (report is null && (_reportWords.Contains(w.Key) || (w.Key == "according" && NextWordIs(text, w.End, span.End, "to"))))
            {
                report = new SlantHit(wordSpan, w.Key, ReportAnchor, ContextComponent);
            }
            else if (weekday is null && _weekdays.Contains(text[w.Start..w.End]))
            {
                weekday = new SlantHit(wordSpan, w.Key, ReportAnchor, ContextComponent);
            }
        }

        return [.. new[] { report, weekday }.Where(c => c is not null).Select(c => c!.Value).OrderBy(c => c.Span.Start)];
    }

    private static bool NextWordIs(string text, int from, int end, string word)
    {
        var next = LoadedLexicon.Words(text, from, Math.Min(end, from + 8));
        return next.Count > 0 && next[0].Key == word;
    }
}
