using System.Collections.Concurrent;
using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Ingest.Outlets;
using Parallax.Ingest.Readers;
using Parallax.Testing;

namespace Parallax.Compare.Tests;

/// <summary>
/// Real runs of the whole pipeline (read, extract, clean, cluster, language layer, story analysis) over a folder, cached
/// per folder for the test run: the bundled samples (our own fictional story) and ../shared/seeds (read at run time,
/// never copied).
/// </summary>
public static class Corpora
{
    private static readonly ConcurrentDictionary<string, Lazy<Analysed>> _cache = new(StringComparer.Ordinal);

    /// <summary>The articles of a run, and its analysed stories (biggest first).</summary>
    public sealed record Analysed(ImmutableArray<Article> Articles, ImmutableArray<StoryReport> Stories)
    {
        /// <summary>The story holding most articles.</summary>
        public StoryReport Main => Stories[0];

        public Article Article(string id) => Articles.First(a => a.Id == id);

        /// <summary>The outlet of an evidence span's article.</summary>
        public string OutletOf(EvidenceSpan span) => Article(span.ArticleId).Metadata.Outlet;
    }

    public static Analysed Samples => Load(RepoPaths.Samples);

    public static Analysed Seeds => Load(RepoPaths.Seeds);

    /// <summary>Reads every article under <paramref name="folder"/> (no store) and analyses the run.</summary>
    public static Analysed Load(string folder) => _cache.GetOrAdd(Path.GetFullPath(folder), f => new Lazy<Analysed>(() =>
    {
        var reader = new SourceReader(ReaderOptions.Default, TimeProvider.System);
        var factory = new ArticleFactory(new HtmlExtractor(), new TextCleaner(), new OutletIdentifier());
        var run = new IngestService(reader, factory, store: null).Ingest([f]);
        var stories = new StoryAnalysisService().Analyze(run.Articles);
        return new Analysed(run.Articles, stories);
    })).Value;
}
