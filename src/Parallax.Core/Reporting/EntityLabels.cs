using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>An entity of the story with every surface form and the labels each outlet uses for it.</summary>
/// <param name="Id">The story-wide entity id (<c>S1</c>, <c>S2</c>, ...), as in <c>Mention.EntityId</c>.</param>
/// <param name="Name">The canonical name: the fullest well-formed surface form ("Nicolás Maduro").</param>
/// <param name="Type"><c>Person</c>, <c>Organization</c>, <c>Location</c> or <c>Group</c>.</param>
/// <param name="SurfaceForms">Every distinct verbatim form it was mentioned by, in order of first mention.</param>
/// <param name="LabelsByOutlet">One entry per outlet that mentions or labels it, in report order of the outlets' first articles.</param>
public sealed record EntityReport(string Id, string Name, string Type, ImmutableArray<string> SurfaceForms, ImmutableArray<OutletLabels> LabelsByOutlet)
{
    /// <summary>Name mentions of the entity over the whole story (all outlets); the prominence entities are ordered by.</summary>
    public int Mentions { get; init; }

    /// <summary>How many outlets mention or label it.</summary>
    public int Outlets { get; init; }

    /// <summary>
    /// True for a one-off of little interest: mentioned once in the story and never labelled. Minor entities come after
    /// all others.
    /// </summary>
    public bool Minor { get; init; }
}

/// <summary>How one outlet refers to one entity.</summary>
/// <param name="Outlet">The outlet name (all of its articles in the story together).</param>
/// <param name="Labels">Its labels, most used first, then in order of first use.</param>
public sealed record OutletLabels(string Outlet, ImmutableArray<LabelCount> Labels)
{
    /// <summary>Name mentions of the entity in this outlet's articles.</summary>
    public int Mentions { get; init; }

    /// <summary>The outlet's articles in the story that mention or label the entity, in report order.</summary>
    public ImmutableArray<string> ArticleIds { get; init; } = [];
}

/// <summary>One label as an outlet uses it for one entity.</summary>
/// <param name="Label">The verbatim label text of its first use ("Venezuela's president").</param>
/// <param name="Count">How many times the outlet uses it (every occurrence is in <paramref name="Evidence"/>).</param>
/// <param name="Evidence">Every use, each span quoting the label's exact characters.</param>
public sealed record LabelCount(string Label, int Count, ImmutableArray<EvidenceSpan> Evidence)
{
    /// <summary>
    /// The normalised form labels are counted by: lower case, whitespace collapsed, typographic apostrophes folded, a
    /// leading article dropped, and "Country's X" written "Demonym X" ("Venezuela's president" = "venezuelan president").
    /// </summary>
    public string Key { get; init; } = "";

    /// <summary><c>title</c>, <c>apposition</c>, <c>premodifier</c>, <c>epithet</c> or <c>predicate-nominal</c> (the kind of most uses).</summary>
    public string Kind { get; init; } = "";

    /// <summary>Distinct verbatim forms counted under <see cref="Key"/>, in order of first use.</summary>
    public ImmutableArray<string> Forms { get; init; } = [];

    /// <summary>
    /// True when the entity is mentioned by at least two outlets and no other outlet uses this label (same
    /// <see cref="Key"/>): what sets this outlet's wording apart ("dictator" in one outlet only).
    /// </summary>
    public bool OnlyIn { get; init; }
}
