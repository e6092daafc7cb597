using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>
/// A fact of the story: claims from several articles aligned into one. <see cref="States"/> holds the stating sentences
/// (or clauses) as evidence, <see cref="Omits"/> the ids of member articles that do not mention it, and
/// <see cref="Contradicts"/> evidence that contradicts it.
/// </summary>
public sealed record FactReport(string Id, string Text, ImmutableArray<EvidenceSpan> States, ImmutableArray<string> Omits, ImmutableArray<EvidenceSpan> Contradicts);
