using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Stories;

/// <summary>
/// A group of articles about one real-world event. Produced by <see cref="StoryClusterer"/>; the set of stories is a
/// function of the set of articles only (not of their arrival order).
/// </summary>
public sealed record Story
{
    /// <summary>Stable for a given membership: <c>s-</c> + 12 hex digits of the SHA-256 of the smallest member id (ordinal).</summary>
    public required string Id { get; init; }

    /// <summary>The headline (or, when it has none, the first sentence) of <see cref="TitleArticleId"/>: the article's own words.</summary>
    public required string Title { get; init; }

    /// <summary>The most central article: highest cosine to the story centroid (ties: earliest published, then id).</summary>
    public required string TitleArticleId { get; init; }

    /// <summary>Members ordered by published date (undated last), then id (ordinal). Never empty.</summary>
    public required ImmutableArray<string> ArticleIds { get; init; }

    /// <summary>Earliest and latest stated publication date of the members; null when no member is dated.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Follow-ups and neighbours: similar stories kept apart (links, not merges), strongest first.</summary>
    public ImmutableArray<StoryLink> Related { get; init; } = [];

    /// <summary>Date ranges inferred for the members that state no publication date.</summary>
    public ImmutableArray<InferredPublication> InferredDates { get; init; } = [];
}

/// <summary>A link from one story to another similar one.</summary>
/// <param name="StoryId">The other story.</param>
/// <param name="Similarity">Average cosine between the two stories' articles, in [0, 1].</param>
public sealed record StoryLink(string StoryId, double Similarity);

/// <summary>
/// A publication date range inferred for an undated article from its story. <see cref="From"/> and <see cref="To"/>
/// are inclusive. <see cref="Inferred"/> is always true; <see cref="Reason"/> says from what.
/// </summary>
public sealed record InferredPublication(string ArticleId, DateOnly From, DateOnly To, string Reason, ImmutableArray<string> SiblingIds)
{
    public bool Inferred => true;

    /// <summary>The range as a <see cref="PublicationDate"/> (its earliest day), marked inferred.</summary>
    public PublicationDate ToPublicationDate() => new() { Date = From, Source = "inferred", Inferred = true };
}

/// <summary>Where an article was placed when it arrived (the online decision, before consolidation).</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="StoryId">The story it joined or opened (ids may change at consolidation; see <see cref="StoryClusterer.Stories"/>).</param>
/// <param name="Similarity">Cosine to that story's centroid; 0 for a new story.</param>
/// <param name="Opened">True when the article opened a new story.</param>
/// <param name="Diagnostics">Problems with the article (duplicate id, no words ...).</param>
public sealed record StoryPlacement(string ArticleId, string StoryId, double Similarity, bool Opened, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>How an article relates to its origin.</summary>
public enum OriginKind
{
    /// <summary>Written independently (or the origin others copy).</summary>
    Independent,

    /// <summary>Verbatim or near-verbatim reprint of another article in the corpus.</summary>
    CopyOf,

    /// <summary>Rewrite of another article in the corpus: long shared passages, the same quotes in the same order.</summary>
    RewriteOf,

    /// <summary>Rewrite of a named wire (AP, Reuters ...) whose copy is not in the corpus; <see cref="ArticleOrigin.Wire"/> names it.</summary>
    RewriteOfWire,
}

/// <summary>A passage shared by an article and its origin: the same words at <see cref="ArticleSpan"/> and <see cref="OriginSpan"/>.</summary>
/// <param name="ArticleSpan">Half-open span in the article's <see cref="Article.Text"/>.</param>
/// <param name="OriginSpan">Half-open span in the origin's <see cref="Article.Text"/>.</param>
/// <param name="Words">Number of words shared.</param>
public sealed record SharedPassage(TextSpan ArticleSpan, TextSpan OriginSpan, int Words);

/// <summary>Evidence of a credit to a wire in the article's own text or metadata.</summary>
/// <param name="Wire">Canonical wire name (<c>Reuters</c>, <c>AP</c>, <c>AFP</c> ...).</param>
/// <param name="Span">Where the credit is in <see cref="Article.Text"/>; null when it comes from metadata.</param>
/// <param name="Cue">What was found: <c>dateline</c>, <c>told-wire</c>, <c>credit</c>, <c>rss-source</c>.</param>
public sealed record WireCredit(string Wire, TextSpan? Span, string Cue);

/// <summary>
/// The lineage of one article: independent, or a copy/rewrite of another article (<see cref="OriginId"/>) or of a
/// wire (<see cref="Wire"/>), with the shared passages and what the article added or cut relative to its origin.
/// </summary>
public sealed record ArticleOrigin
{
    public required string ArticleId { get; init; }
    public required OriginKind Kind { get; init; }

    /// <summary>The origin article in the corpus; null for <see cref="OriginKind.Independent"/> and <see cref="OriginKind.RewriteOfWire"/>.</summary>
    public string? OriginId { get; init; }

    /// <summary>The wire named as source, when one is credited (also set for rewrites of an in-corpus wire copy).</summary>
    public string? Wire { get; init; }

    /// <summary>Share of this article's words inside shared passages, in [0, 1].</summary>
    public double Coverage { get; init; }

    /// <summary>Shared passages in article order; spans do not overlap.</summary>
    public ImmutableArray<SharedPassage> Passages { get; init; } = [];

    /// <summary>Spans of this article's text not found in the origin (what the copy added), in order.</summary>
    public ImmutableArray<TextSpan> Added { get; init; } = [];

    /// <summary>Spans of the origin's text not found in this article (what the copy cut), in order.</summary>
    public ImmutableArray<TextSpan> Cut { get; init; } = [];

    /// <summary>Quotes shared with the origin, in the same order in both (count).</summary>
    public int SharedQuotesInOrder { get; init; }

    public ImmutableArray<WireCredit> Credits { get; init; } = [];

    /// <summary>Human-readable reason for <see cref="Kind"/>.</summary>
    public string Reason { get; init; } = "";
}

/// <summary>The lineage of every article of one story.</summary>
public sealed record StoryLineage(string StoryId, ImmutableArray<ArticleOrigin> Origins)
{
    /// <summary>Number of distinct origins: articles that are independent or rewrite a wire not in the corpus (wires counted once each).</summary>
    public int IndependentSources =>
        Origins.Count(o => o.Kind == OriginKind.Independent)
        + Origins.Where(o => o.Kind == OriginKind.RewriteOfWire).Select(o => o.Wire).Distinct(StringComparer.Ordinal).Count();
}
