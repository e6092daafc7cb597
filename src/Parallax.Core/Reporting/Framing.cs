using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>Slant of one article: a transparent score (sum of weighted components), each component with its evidence.</summary>
public sealed record FramingReport(string ArticleId, double Score, ImmutableArray<FramingComponent> Components);

public sealed record FramingComponent(string Name, double Value, double Weight, ImmutableArray<EvidenceSpan> Evidence);
