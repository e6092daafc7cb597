using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// One quote as found by <see cref="QuoteExtractor"/>, with more detail than <see cref="Core.Quote"/>: the content may be
/// discontinuous (a quotation interrupted by "he said", or continued in a later sentence or paragraph).
/// Invariants: <see cref="ContentParts"/> is non-empty, sorted, non-overlapping, every part non-empty;
/// <c>Quote.Content</c> covers them from the first part's start to the last part's end.
/// </summary>
/// <param name="Quote">The core record (spans into the analysed text, UTF-16, half-open).</param>
/// <param name="ContentParts">The content's pieces, in text order.</param>
/// <param name="SpeakerAntecedent">For a pronoun speaker ("he", "she", "they", "him"): the earlier speaker or name it was resolved to; otherwise null.</param>
public sealed record ExtractedQuote(Quote Quote, ImmutableArray<TextSpan> ContentParts, TextSpan? SpeakerAntecedent = null);

/// <summary>The result of <see cref="QuoteExtractor.Extract(string)"/>: quotes and attributions of reported information, in text order.</summary>
public sealed record QuoteExtraction(ImmutableArray<ExtractedQuote> Quotes, ImmutableArray<Attribution> Attributions)
{
    public static QuoteExtraction Empty { get; } = new([], []);
}

/// <summary>Stable <see cref="Attribution.Kind"/> names.</summary>
public static class AttributionKinds
{
    /// <summary>"sources told Reuters".</summary>
    public const string Told = "told";
    /// <summary>"Belta reported", "Belta said", "with Reuters reporting".</summary>
    public const string Reported = "reported";
    /// <summary>"in an interview with Politico".</summary>
    public const string Interview = "interview";
    /// <summary>"according to Belta", "according to a report by ...".</summary>
    public const string AccordingTo = "according-to";
    /// <summary>"documents seen by Reuters", "was found via the sources and companies mentioned", "in a statement".</summary>
    public const string Document = "document";
    /// <summary>Dateline wire credits: "(AP) —", "(Reuters) -".</summary>
    public const string WireCredit = "wire-credit";
}
