using System.Collections.Concurrent;
using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Ingest.Outlets;
using Parallax.Ingest.Readers;
using Parallax.Language;
using Parallax.Stories;
using Parallax.Testing;

namespace Parallax.Compare.Tests;

/// <summary>
/// Story inputs (members with every language layer and story-wide entity ids) for the conflict tests: the biggest
/// story of a folder read at run time, and in-memory stories built from texts written for these tests.
/// </summary>
internal static class ConflictInputs
{
    private static readonly ConcurrentDictionary<string, Lazy<StoryInput>> _cache = new(StringComparer.Ordinal);

    /// <summary>The biggest story of the bundled samples.</summary>
    public static StoryInput Samples => Biggest(RepoPaths.Samples);

    /// <summary>The biggest story of ../shared/seeds (read at run time, never copied).</summary>
    public static StoryInput Seeds => Biggest(RepoPaths.Seeds);

    public static StoryInput Biggest(string folder) => _cache.GetOrAdd(Path.GetFullPath(folder), f => new Lazy<StoryInput>(() =>
    {
        var reader = new SourceReader(ReaderOptions.Default, TimeProvider.System);
        var factory = new ArticleFactory(new HtmlExtractor(), new TextCleaner(), new OutletIdentifier());
        var run = new IngestService(reader, factory, store: null).Ingest([f]);
        using var clusterer = new StoryClusterer();
        var story = clusterer.Recluster(run.Articles)
            .OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal)
            .First();
        var docs = new StoryAnalysisService().AnalyzeLanguage([.. run.Articles.Where(a => story.ArticleIds.Contains(a.Id))]);
        return StoryAnalysisService.BuildInput(story, clusterer.LineageOf(story.Id), docs);
    })).Value;

    /// <summary>A story of in-memory articles (id, outlet, date, text), every member independent.</summary>
    public static StoryInput Story(params (string Id, string Outlet, DateOnly? Date, string Text)[] members)
    {
        var articles = members.Select(m => Make(m.Id, m.Text, m.Outlet, m.Date)).ToList();
        var docs = articles.ToDictionary(a => a.Id, a => LanguagePipeline.Analyze(a), StringComparer.Ordinal);
        var story = new Story { Id = "story-test", Title = "test story", TitleArticleId = articles[0].Id, ArticleIds = [.. articles.Select(a => a.Id)] };
        return StoryAnalysisService.BuildInput(story, lineage: null, docs);
    }

    private static Article Make(string id, string text, string outlet, DateOnly? published) => new()
    {
        Id = id,
        SourceId = id,
        Origin = "fixture:" + id,
        Metadata = new ArticleMetadata
        {
            Outlet = outlet,
            Published = published is { } d ? new PublicationDate { Date = d, Source = "fixture" } : null,
        },
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
    };
}
