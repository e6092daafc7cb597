using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>A sentence of the neutral summary, citing the facts and outlets it rests on.</summary>
public sealed record SummarySentence(string Text, ImmutableArray<string> FactIds, ImmutableArray<string> Outlets, ImmutableArray<EvidenceSpan> Evidence);
