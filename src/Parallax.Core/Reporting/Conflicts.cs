using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>Two sides of the story that cannot both be true (or are in tension), with a kind such as <c>number</c>, <c>date</c>, <c>denial</c>, <c>title</c>, <c>overstatement</c>, <c>arithmetic</c>.</summary>
public sealed record ConflictReport(string Id, string Kind, string Description, ImmutableArray<EvidenceSpan> SideA, ImmutableArray<EvidenceSpan> SideB);
