using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>
/// Slant of one article: a transparent score, the sum over <see cref="Components"/> of <c>Weight × Value</c>, each
/// component with its evidence. No left/right verdict: only what the article's own words and sourcing show.
/// </summary>
public sealed record FramingReport(string ArticleId, double Score, ImmutableArray<FramingComponent> Components)
{
    /// <summary>The article's outlet.</summary>
    public string? Outlet { get; init; }

    /// <summary>Words of the body (headline excluded): the denominator of the per-100-words components.</summary>
    public int Words { get; init; }

    /// <summary>The headline the headline components compared with the body, or null when the article has none.</summary>
    public string? Headline { get; init; }

    /// <summary>Every loaded term and opinion marker found in the article's own words (not inside attributed quotes), in text order.</summary>
    public ImmutableArray<FramingTerm> Terms { get; init; } = [];

    /// <summary>Whose voices the article quotes: one entry per speaker, in order of first quote.</summary>
    public ImmutableArray<FramingVoice> Voices { get; init; } = [];

    /// <summary>Speakers quoted elsewhere in the story but not in this article (display names).</summary>
    public ImmutableArray<string> MissingVoices { get; init; } = [];

    /// <summary>Ids of well-supported facts (stated by at least two independent origins) this article omits.</summary>
    public ImmutableArray<string> OmittedFacts { get; init; } = [];
}

/// <summary>One component of a slant score.</summary>
/// <param name="Name">Stable name (<c>loaded-terms</c>, <c>labels</c>, <c>opinion-markers</c>, ...; docs/slant.md).</param>
/// <param name="Value">The component's measure in its own unit (per 100 words, a share in [0, 1], or a count).</param>
/// <param name="Weight">Its weight from the shipped weights file.</param>
/// <param name="Evidence">The spans the value counts (for omitted facts: where other articles state them).</param>
public sealed record FramingComponent(string Name, double Value, double Weight, ImmutableArray<EvidenceSpan> Evidence)
{
    /// <summary><c>Weight × Value</c>: what this component adds to the score.</summary>
    public double Contribution { get; init; }

    /// <summary>How many things were counted (terms, labels, quotes, facts, headline words).</summary>
    public int Count { get; init; }

    /// <summary>The unit of <see cref="Value"/>: <c>per-100-words</c>, <c>share</c> or <c>count</c>.</summary>
    public string Unit { get; init; } = "";

    /// <summary>A one-line human explanation of the value ("14 loaded terms in 236 words").</summary>
    public string Description { get; init; } = "";
}

/// <summary>A loaded term or opinion marker of an article.</summary>
/// <param name="Term">The lexicon entry (lower case), or the marker kind (<c>question</c>, <c>exclamation</c>, <c>scare-quote</c>).</param>
/// <param name="Category">The lexicon category (<c>insult</c>, <c>epithet</c>, <c>fear</c>, <c>moral</c>, ...).</param>
/// <param name="Component">The score component it counts in.</param>
/// <param name="Evidence">Where it is.</param>
public sealed record FramingTerm(string Term, string Category, string Component, EvidenceSpan Evidence);

/// <summary>A speaker quoted by an article.</summary>
/// <param name="Speaker">The speaker as written (or the anonymous cue, e.g. "sources").</param>
/// <param name="Kind"><c>official</c> (a title or office), <c>anonymous</c>, <c>named</c> (anyone else).</param>
/// <param name="Quotes">How many of the article's quotes are theirs.</param>
/// <param name="Evidence">The quotes' content spans.</param>
public sealed record FramingVoice(string Speaker, string Kind, int Quotes, ImmutableArray<EvidenceSpan> Evidence);
