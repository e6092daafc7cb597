using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Stories;

namespace Parallax.Compare;

/// <summary>
/// The report of one story from its clustering result, its lineage and its members' analysed docs (input,
/// <see cref="StoryAnalyzer"/>, related stories, inferred dates): the per-story step of
/// <see cref="StoryAnalysisService.Analyze"/>, and the entry point for hosts that keep the clustering and the per-article
/// docs themselves and re-analyse only the stories that changed. Pure and deterministic; thread-safe.
/// </summary>
public static class StoryReportComposer
{
    /// <summary>
    /// The report of <paramref name="story"/>. <paramref name="docs"/> must hold a doc (the full language layer) for every
    /// member; other entries are ignored. Equal to the report <see cref="StoryAnalysisService.Analyze"/> gives the same
    /// story when the story, lineage and docs are the ones it would compute.
    /// </summary>
    public static StoryReport Compose(Story story, StoryLineage? lineage, IReadOnlyDictionary<string, Doc> docs)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(docs);
        return StoryAnalyzer.Analyze(StoryAnalysisService.BuildInput(story, lineage, docs)) with
        {
            Related = RelatedOf(story),
            InferredDates = [.. story.InferredDates.Select(d => new InferredDateReport(d.ArticleId, d.From.ToString("yyyy-MM-dd"), d.To.ToString("yyyy-MM-dd"), d.Reason, d.SiblingIds))],
        };
    }

    /// <summary>The related-story links of the report (similarities rounded to 4 digits), as <see cref="Compose"/> writes them.</summary>
    public static ImmutableArray<RelatedStoryReport> RelatedOf(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return [.. story.Related.Select(r => new RelatedStoryReport(r.StoryId, Math.Round(r.Similarity, 4)))];
    }
}
