using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>
/// The origin of one member article. <see cref="Kind"/> is <c>independent</c>, <c>copy-of</c>, <c>rewrite-of</c> or
/// <c>rewrite-of-wire</c>; <see cref="OriginId"/> names the origin article in the run, <see cref="Wire"/> a credited wire.
/// <see cref="Added"/> spans are in this article, <see cref="Cut"/> spans in the origin article.
/// </summary>
public sealed record OriginReport(string ArticleId, string Kind, string? OriginId, string? Wire, double Coverage, string Reason)
{
    public ImmutableArray<SharedPassageReport> Passages { get; init; } = [];
    public ImmutableArray<EvidenceSpan> Added { get; init; } = [];
    public ImmutableArray<EvidenceSpan> Cut { get; init; } = [];
    /// <summary>Wire credits found in the article ("(Reuters)", "sources told Reuters"), as evidence.</summary>
    public ImmutableArray<WireCreditReport> Credits { get; init; } = [];
}

/// <summary>The same words in the article and in its origin.</summary>
public sealed record SharedPassageReport(EvidenceSpan Article, EvidenceSpan Origin, int Words);

public sealed record WireCreditReport(string Wire, string Cue, EvidenceSpan? Evidence);

/// <summary>A story of the same run on a related development (e.g. a later interview on the same question).</summary>
public sealed record RelatedStoryReport(string StoryId, double Similarity);

/// <summary>A publication date range inferred from the story for an article that states none.</summary>
public sealed record InferredDateReport(string ArticleId, string From, string To, string Reason, ImmutableArray<string> SiblingIds);
