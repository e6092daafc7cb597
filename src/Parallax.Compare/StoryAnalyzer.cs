using System.Collections.Immutable;
using System.Globalization;
using Parallax.Compare.Claims;
using Parallax.Compare.Conflicts;
using Parallax.Compare.Labels;
using Parallax.Compare.QuotesAcross;
using Parallax.Compare.Slant;
using Parallax.Compare.Summary;
using Parallax.Compare.Timeline;
using Parallax.Core.Reporting;
using Parallax.Stories;

namespace Parallax.Compare;

/// <summary>
/// The story analysis of one story: facts (the claim table), conflicts, quotes across outlets, entities with labels per
/// outlet, slant per article, timeline, neutral summary and lineage. Pure and deterministic: the same input gives the
/// same report. Each part is its own stage class; this type only runs them in order and assembles the report.
/// </summary>
public static class StoryAnalyzer
{
    public const string Version = "1";

    public static StoryReport Analyze(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = ClaimTableBuilder.Build(input);
        var conflicts = ConflictDetector.Detect(input, facts);
        facts = ConflictDetector.MarkContradictions(facts, conflicts);
        var quotes = QuoteComparer.Compare(input);
        return new StoryReport
        {
            Id = input.StoryId,
            Title = input.Title,
            ArticleIds = [.. input.Articles.Select(a => a.Id)],
            Facts = facts,
            Conflicts = conflicts,
            Quotes = quotes,
            Entities = LabelComparer.Compare(input),
            Framing = SlantScorer.Score(input, facts, quotes),
            Timeline = TimelineBuilder.Build(input, facts),
            Summary = SummaryWriter.Write(input, facts),
            Origins = [.. input.Articles.Select(a => ToReport(a, input))],
            IndependentSources = input.IndependentSources,
        };
    }

    private static OriginReport ToReport(StoryArticle member, StoryInput input)
    {
        var o = member.Origin;
        var origin = o.OriginId is null ? null : input.Articles.FirstOrDefault(a => a.Id == o.OriginId);
        return new OriginReport(member.Id, KindName(o.Kind), o.OriginId, o.Wire, Math.Round(o.Coverage, 4), o.Reason)
        {
            Passages = origin is null ? [] : [.. o.Passages.Select(p => new SharedPassageReport(member.Evidence(p.ArticleSpan), origin.Evidence(p.OriginSpan), p.Words))],
            Added = [.. o.Added.Select(member.Evidence)],
            Cut = origin is null ? [] : [.. o.Cut.Select(origin.Evidence)],
            Credits = [.. o.Credits.Select(c => new WireCreditReport(c.Wire, c.Cue, c.Span is { } s ? member.Evidence(s) : null))],
        };
    }

    /// <summary>The report's spelling of an origin kind: <c>independent</c>, <c>copy-of</c>, <c>rewrite-of</c>, <c>rewrite-of-wire</c>.</summary>
    public static string KindName(OriginKind kind) => kind switch
    {
        OriginKind.Independent => "independent",
        OriginKind.CopyOf => "copy-of",
        OriginKind.RewriteOf => "rewrite-of",
        OriginKind.RewriteOfWire => "rewrite-of-wire",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
