using System.Collections.Concurrent;
using Parallax.Core;
using Parallax.Stories;

namespace Parallax.Compare.Tests;

/// <summary>
/// The <see cref="StoryInput"/> of the biggest story of a corpus (the same clustering, lineage and language layer
/// <see cref="StoryAnalysisService"/> runs), for tests that look below the report at claims and their features.
/// </summary>
internal static class ClaimInputs
{
    private static readonly ConcurrentDictionary<string, Lazy<StoryInput>> _cache = new(StringComparer.Ordinal);

    public static StoryInput SeedsMain => MainOf("seeds", Corpora.Seeds.Articles);

    public static StoryInput SamplesMain => MainOf("samples", Corpora.Samples.Articles);

    private static StoryInput MainOf(string key, IReadOnlyList<Article> articles) => _cache.GetOrAdd(key, _ => new Lazy<StoryInput>(() =>
    {
        using var clusterer = new StoryClusterer();
        var story = clusterer.Recluster(articles).OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal).First();
        var docs = new StoryAnalysisService().AnalyzeLanguage([.. articles]);
        return StoryAnalysisService.BuildInput(story, clusterer.LineageOf(story.Id), docs);
    })).Value;
}
