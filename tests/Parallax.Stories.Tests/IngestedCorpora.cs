using System.Collections.Concurrent;
using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Ingest.Outlets;
using Parallax.Ingest.Readers;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// The bundled samples and ../shared/seeds read through the real ingest (reader, extraction, cleaning, outlet
/// identification), no store; cached per folder for the test run. Seeds are read at run time, never copied.
/// </summary>
internal static class IngestedCorpora
{
    private static readonly ConcurrentDictionary<string, Lazy<ImmutableArray<Article>>> _cache = new(StringComparer.Ordinal);

    public static ImmutableArray<Article> Samples => Load(RepoPaths.Samples);

    public static ImmutableArray<Article> Seeds => Load(RepoPaths.Seeds);

    public static ImmutableArray<Article> Load(string folder) => _cache.GetOrAdd(Path.GetFullPath(folder), f => new Lazy<ImmutableArray<Article>>(() =>
    {
        var reader = new SourceReader(ReaderOptions.Default, TimeProvider.System);
        var factory = new ArticleFactory(new HtmlExtractor(), new TextCleaner(), new OutletIdentifier());
        return new IngestService(reader, factory, store: null).Ingest([f]).Articles;
    })).Value;

    /// <summary>The article whose source file name (url or path) contains <paramref name="fragment"/>.</summary>
    public static Article ByFile(ImmutableArray<Article> articles, string fragment) =>
        articles.Single(a => (a.Metadata.Url ?? "").Contains(fragment, StringComparison.Ordinal) || a.Origin.Contains(fragment, StringComparison.Ordinal));
}
