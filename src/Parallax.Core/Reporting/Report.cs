using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

// The report is the JSON contract documented in docs/report-format.md. Property names serialise in camelCase.
// Story parts are empty until the issues that build them land; their element types grow with those issues.

/// <summary>The whole output of <c>parallax analyze</c>.</summary>
public sealed record Report
{
    public required string Generator { get; init; }
    public string FormatVersion { get; init; } = "1";
    public ImmutableArray<ArticleReport> Articles { get; init; } = [];
    public ImmutableArray<StoryReport> Stories { get; init; } = [];
    /// <summary>Inputs that were rejected or degraded, with stable codes.</summary>
    public ImmutableArray<DiagnosticReport> Diagnostics { get; init; } = [];
}

public sealed record DiagnosticReport(string Code, string Severity, string Message, string? Subject);

public sealed record RemovalReport(string Kind, int RawStart, int RawEnd, string Text, string Rule);

public sealed record EmbedReport(string Kind, int RawStart, int RawEnd, string Text, string? Author, string? Handle, string? Date, string? DateText, string? Url, string? Platform);

public sealed record ArticleReport
{
    public required string Id { get; init; }
    public required string Outlet { get; init; }
    public string? OutletSource { get; init; }
    public string? Title { get; init; }
    /// <summary>ISO 8601 date or date-time; null when unknown.</summary>
    public string? Published { get; init; }
    public string? PublishedSource { get; init; }
    public string? Url { get; init; }
    public ImmutableArray<string> Authors { get; init; } = [];
    public string? Language { get; init; }
    public required string Origin { get; init; }
    public required string SourceId { get; init; }
    public int Words { get; init; }
    /// <summary>The cleaned text all spans index into.</summary>
    public required string Text { get; init; }
    public ImmutableArray<RemovalReport> Removed { get; init; } = [];
    public ImmutableArray<EmbedReport> Embeds { get; init; } = [];
    public ImmutableArray<DiagnosticReport> Diagnostics { get; init; } = [];
}

/// <summary>A span of one article's cleaned text, as evidence.</summary>
public sealed record EvidenceSpan(string ArticleId, int Start, int End, string Text);

public sealed record StoryReport
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public ImmutableArray<string> ArticleIds { get; init; } = [];
    public ImmutableArray<FactReport> Facts { get; init; } = [];
    public ImmutableArray<ConflictReport> Conflicts { get; init; } = [];
    public ImmutableArray<QuoteReport> Quotes { get; init; } = [];
    public ImmutableArray<TimelineEntry> Timeline { get; init; } = [];
    public ImmutableArray<EntityReport> Entities { get; init; } = [];
    public ImmutableArray<FramingReport> Framing { get; init; } = [];
    public ImmutableArray<SummarySentence> Summary { get; init; } = [];
}

public sealed record FactReport(string Id, string Text, ImmutableArray<EvidenceSpan> States, ImmutableArray<string> Omits, ImmutableArray<EvidenceSpan> Contradicts);

public sealed record ConflictReport(string Id, string Kind, string Description, ImmutableArray<EvidenceSpan> SideA, ImmutableArray<EvidenceSpan> SideB);

public sealed record QuoteReport(string Id, string? Speaker, string Text, ImmutableArray<EvidenceSpan> Occurrences);

public sealed record TimelineEntry(string Date, string Text, ImmutableArray<EvidenceSpan> Evidence);

public sealed record EntityReport(string Id, string Name, string Type, ImmutableArray<string> SurfaceForms, ImmutableArray<OutletLabels> LabelsByOutlet);

public sealed record OutletLabels(string Outlet, ImmutableArray<LabelCount> Labels);

public sealed record LabelCount(string Label, int Count, ImmutableArray<EvidenceSpan> Evidence);

public sealed record FramingReport(string ArticleId, double Score, ImmutableArray<FramingComponent> Components);

public sealed record FramingComponent(string Name, double Value, double Weight, ImmutableArray<EvidenceSpan> Evidence);

public sealed record SummarySentence(string Text, ImmutableArray<string> FactIds, ImmutableArray<string> Outlets, ImmutableArray<EvidenceSpan> Evidence);
