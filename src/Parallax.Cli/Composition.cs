using Parallax.Core;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Ingest.Outlets;
using Parallax.Ingest.Readers;
using Parallax.Reporting;
using Parallax.Storage;
using Parallax.Stories;

namespace Parallax.Cli;

/// <summary>The composition root: the one place that wires the libraries' concrete parts together for the command line.</summary>
public static class Composition
{
    public static string Generator => $"parallax {typeof(Composition).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    public static ArticleFactory CreateArticleFactory() => new(new HtmlExtractor(), new TextCleaner(), new OutletIdentifier());

    /// <summary>Network access is on when an input is a URL or <paramref name="fetch"/> is set (feeds' linked pages).</summary>
    public static SourceReader CreateReader(IEnumerable<string> inputs, bool fetch) =>
        new(ReaderOptions.Default with { AllowNetwork = fetch || inputs.Any(IsUrl) }, TimeProvider.System);

    public static bool IsUrl(string input) =>
        input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Groups a run's articles into stories with the story clusterer (deterministic: the same stories in any input order);
    /// the biggest stories first, then by id.
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<StoryGroup> GroupIntoStories(IReadOnlyList<Article> articles)
    {
        using var clusterer = new StoryClusterer();
        return [.. clusterer.Recluster(articles)
            .OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new StoryGroup(s.Title, s.ArticleIds))];
    }

    /// <summary>
    /// Opens the store named by <c>--db</c> (a SQLite file, or a PostgreSQL connection string), else by
    /// <c>PARALLAX_DB</c>, else ./parallax.db; or prints the coded reason and returns null.
    /// </summary>
    /// <param name="mustExist">For read-only commands: a SQLite file that does not exist is an error (PX0409), not created.</param>
    public static IArticleStore? OpenStore(string? db, bool mustExist = false)
    {
        var (store, error) = StoreLocator.Open(db, mustExist);
        if (store is null)
        {
            Console.Error.WriteLine(error?.ToString() ?? "PX0400: the store could not be opened");
        }

        return store;
    }
}
