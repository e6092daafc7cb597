using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>An entity of the story with every surface form and the labels each outlet uses for it.</summary>
public sealed record EntityReport(string Id, string Name, string Type, ImmutableArray<string> SurfaceForms, ImmutableArray<OutletLabels> LabelsByOutlet);

public sealed record OutletLabels(string Outlet, ImmutableArray<LabelCount> Labels);

public sealed record LabelCount(string Label, int Count, ImmutableArray<EvidenceSpan> Evidence);
