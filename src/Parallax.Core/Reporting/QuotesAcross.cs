using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>One quote across the story: its speaker, canonical wording, and every occurrence in every article.</summary>
public sealed record QuoteReport(string Id, string? Speaker, string Text, ImmutableArray<EvidenceSpan> Occurrences);
