using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>
/// Two sides of the story that cannot both be true (or are in tension), with a kind: <c>number</c>, <c>date</c>,
/// <c>denial</c>, <c>title</c>, <c>overstatement</c>, <c>arithmetic</c> (docs/conflicts.md). <see cref="SideA"/> and
/// <see cref="SideB"/> are never empty; each span is a sentence (or headline) of a member article.
/// <see cref="Description"/> is built from the sources' own words.
/// </summary>
public sealed record ConflictReport(string Id, string Kind, string Description, ImmutableArray<EvidenceSpan> SideA, ImmutableArray<EvidenceSpan> SideB)
{
    /// <summary>What the two sides disagree about, in a source's words ("cargo ships", "Donald Trump"); null when the rule has none.</summary>
    public string? Subject { get; init; }

    /// <summary>Side A's value in a source's words ("42", "more than 60", "President", "17 days"); null when the kind has no value.</summary>
    public string? ValueA { get; init; }

    /// <summary>Side B's value in a source's words; null when the kind has no value.</summary>
    public string? ValueB { get; init; }

    /// <summary>True when every span of both sides lies in one article (the article disagrees with itself).</summary>
    public bool Within { get; init; }

    /// <summary>The rule that found the conflict (<c>number.count</c>, <c>denial.accusation</c>, ...), listed in docs/conflicts.md.</summary>
    public string? Rule { get; init; }
}
