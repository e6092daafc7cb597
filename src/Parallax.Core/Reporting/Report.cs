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
    /// <summary>Each member article's origin: independent, or a copy/rewrite of another member or of a wire.</summary>
    public ImmutableArray<OriginReport> Origins { get; init; } = [];
    /// <summary>Distinct origins among the members (reprints of one wire story count once).</summary>
    public int IndependentSources { get; init; }
    /// <summary>Other stories of the run on a related development, linked rather than merged.</summary>
    public ImmutableArray<RelatedStoryReport> Related { get; init; } = [];
    /// <summary>Publication dates inferred for members that state none.</summary>
    public ImmutableArray<InferredDateReport> InferredDates { get; init; } = [];
}

// The story sections' records live one file per section (Facts.cs, Conflicts.cs, QuotesAcross.cs, Timeline.cs,
// EntityLabels.cs, Framing.cs, Summary.cs, Lineage.cs) so that each can grow additively with its stage.
