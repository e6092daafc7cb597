using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>A dated event of the story on one calendar (<see cref="Date"/> is a TIMEX3 value such as <c>2025-12-11</c>).</summary>
public sealed record TimelineEntry(string Date, string Text, ImmutableArray<EvidenceSpan> Evidence);
