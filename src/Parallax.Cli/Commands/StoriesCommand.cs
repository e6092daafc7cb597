using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Reporting;
using Parallax.Storage;
using Parallax.Stories;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax stories [--json] [--db PATH]</c>: the stories of the stored articles (clustered from scratch, so the
/// same stored set always gives the same stories): id, title, article count, outlets, independent origins, dates,
/// related stories. Exit 1 when the store cannot be opened.
/// </summary>
public static class StoriesCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var db = new Option<string>("--db") { Description = "The store file.", DefaultValueFactory = _ => SqliteArticleStore.DefaultPath };
        var command = new Command("stories", "List the stories of the stored articles: id, title, articles, outlets, independent origins, dates, related stories.") { json, db };
        command.SetAction(parseResult =>
        {
            var loaded = StoredStories.Load(parseResult.GetValue(db)!, out var error);
            if (loaded is null)
            {
                Console.Error.WriteLine(error);
                return ExitCodes.SomeRejected;
            }

            using (loaded)
            {
                var rows = loaded.Rows();
                Console.Out.Write(parseResult.GetValue(json) ? JsonSerializer.Serialize(rows, JsonReportWriter.Options) + "\n" : WriteText(rows));
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static string WriteText(ImmutableArray<StoryRow> rows)
    {
        if (rows.IsEmpty)
        {
            return "no articles stored\n";
        }

        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            var dates = r.From is null ? "undated" : r.From == r.To ? r.From : $"{r.From}..{r.To}";
            sb.Append(CultureInfo.InvariantCulture, $"{r.Id}  {r.Articles} article(s), {r.IndependentOrigins} origin(s), {dates}  {TextEscaping.Terminal(r.Title)}\n");
            sb.Append("    outlets: ").Append(TextEscaping.Terminal(string.Join(", ", r.Outlets))).Append('\n');
            if (r.InferredDates > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    {r.InferredDates} undated article(s) dated from the story\n");
            }

            foreach (var l in r.Related)
            {
                sb.Append(CultureInfo.InvariantCulture, $"    related: {l.StoryId} ({l.Similarity:F3}) {TextEscaping.Terminal(l.Title)}\n");
            }
        }

        return sb.ToString();
    }
}

/// <summary>A line of <c>parallax stories</c>. Dates are ISO <c>yyyy-MM-dd</c>, null when no member is dated.</summary>
public sealed record StoryRow(
    string Id, string Title, int Articles, ImmutableArray<string> Outlets, int IndependentOrigins, string? From, string? To,
    int InferredDates, ImmutableArray<RelatedRow> Related);

/// <summary>A related story: its id, title and the average similarity between the two stories' articles.</summary>
public sealed record RelatedRow(string StoryId, string Title, double Similarity);

/// <summary>The stored articles clustered into stories (from scratch, deterministic), for the <c>stories</c> and <c>story</c> commands.</summary>
internal sealed class StoredStories : IDisposable
{
    private StoredStories(ImmutableArray<Article> articles, StoryClusterer clusterer)
    {
        Articles = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Clusterer = clusterer;
        Stories = clusterer.Recluster(articles);
    }

    public Dictionary<string, Article> Articles { get; }

    public StoryClusterer Clusterer { get; }

    public ImmutableArray<Story> Stories { get; }

    /// <summary>Opens the store and clusters what it holds; null with <paramref name="error"/> (coded) when it cannot.</summary>
    public static StoredStories? Load(string path, out string? error)
    {
        error = null;
        var opened = SqliteArticleStore.OpenExisting(path);
        if (opened.Store is not { } store)
        {
            error = Describe(opened.Error!);
            return null;
        }

        using (store)
        {
            try
            {
                return new StoredStories(store.LoadArticles(), new StoryClusterer());
            }
            catch (StoreException e)
            {
                error = Describe(e.Diagnostic);
                return null;
            }
        }
    }

    public string TitleOf(string storyId) => Stories.FirstOrDefault(s => s.Id == storyId)?.Title ?? "";

    public ImmutableArray<StoryRow> Rows() =>
    [
        .. Stories.Select(s => new StoryRow(
            s.Id,
            s.Title,
            s.ArticleIds.Length,
            [.. s.ArticleIds.Select(id => Articles[id].Metadata.Outlet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Clusterer.LineageOf(s.Id)?.IndependentSources ?? s.ArticleIds.Length,
            Iso(s.From),
            Iso(s.To),
            s.InferredDates.Length,
            [.. s.Related.Select(l => new RelatedRow(l.StoryId, TitleOf(l.StoryId), l.Similarity))])),
    ];

    public static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Messages already start with their code; the subject (the store path) goes in parentheses.
    private static string Describe(Diagnostic d) => d.Subject is null ? d.Message : $"{d.Message} ({d.Subject})";

    public void Dispose() => Clusterer.Dispose();
}
