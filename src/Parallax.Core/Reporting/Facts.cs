using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>
/// A fact of the story: claims from several articles aligned into one. <see cref="States"/> holds the stating sentences
/// (or clauses) as evidence, <see cref="Omits"/> the ids of member articles that do not mention it, and
/// <see cref="Contradicts"/> evidence that contradicts it.
/// </summary>
public sealed record FactReport(string Id, string Text, ImmutableArray<EvidenceSpan> States, ImmutableArray<string> Omits, ImmutableArray<EvidenceSpan> Contradicts)
{
    /// <summary>
    /// The outlets of the stating articles, distinct, in report order. A stating article whose outlet is unknown is
    /// listed as <c>unknown:</c> + its article id, so that unknown outlets are never merged into one.
    /// </summary>
    public ImmutableArray<string> StatedBy { get; init; } = [];

    /// <summary>Distinct origins among the stating articles: reprints and rewrites of one origin (or one wire) count once. ≥ 1 for a built fact.</summary>
    public int Origins { get; init; }

    /// <summary>True when exactly one origin states the fact (however many reprints carry it).</summary>
    public bool SingleSource { get; init; }

    /// <summary>Who the wording in <see cref="Text"/> is attributed to in its sentence ("sources have told Reuters", a quote's speaker), or null.</summary>
    public string? Attribution { get; init; }

    /// <summary>True when every stating claim is a headline (the fact is only in headlines).</summary>
    public bool Headline { get; init; }

    /// <summary>Where <see cref="Text"/> is taken from (one of <see cref="States"/>): the wording is verbatim.</summary>
    public EvidenceSpan? Wording { get; init; }

    /// <summary>
    /// Names (people, organisations) and numbers in the fact that only one origin of the story mentions anywhere, e.g. an
    /// envoy's name only one outlet gives. Empty when every detail is corroborated.
    /// </summary>
    public ImmutableArray<string> Details { get; init; } = [];

    /// <summary>
    /// For a detail fact (a claim whose <see cref="Details"/> only one origin gives, split off a fact several origins state):
    /// the id of that broader fact; otherwise null.
    /// </summary>
    public string? DetailOf { get; init; }
}
