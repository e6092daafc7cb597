using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Eval.Clustering;

/// <summary>One labelled document of a clustering set: the article to cluster and its gold story (never shown to the clusterer).</summary>
public sealed record ClusteringDocument(Article Article, string GoldStory);

/// <summary>Reads <c>DIR/docs.jsonl</c> of ../shared/data/clustering (<c>{id, story, title, text, outlet, date, url}</c>).</summary>
public static class ClusteringSet
{
    /// <summary>The documents in file order, and a diagnostic per rejected line (PX0605: bad JSON or missing id).</summary>
    public static (ImmutableArray<ClusteringDocument> Documents, ImmutableArray<Diagnostic> Diagnostics) Read(string path, bool ignoreDates = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var docs = ImmutableArray.CreateBuilder<ClusteringDocument>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = Str(root, "id");
                if (string.IsNullOrEmpty(id))
                {
                    diagnostics.Add(Diagnostic.Error("PX0605", "PX0605: the line has no id", $"{path}:{lineNumber}"));
                    continue;
                }

                var text = Str(root, "text") ?? "";
                var date = Str(root, "date");
                // The sets state dates as "2017-05-04" or "2017-05-04T03:43:55": read them as the product reads any stated date.
                var published = ignoreDates ? null : Parallax.Ingest.PublishedDateParser.Parse(date, "dataset");
                var article = new Article
                {
                    Id = id,
                    SourceId = id,
                    Origin = $"{path}:{lineNumber}",
                    Metadata = new ArticleMetadata
                    {
                        Title = NullIfEmpty(Str(root, "title")),
                        Outlet = NullIfEmpty(Str(root, "outlet")) ?? "unknown",
                        Url = NullIfEmpty(Str(root, "url")),
                        Published = published,
                    },
                    RawText = text,
                    Text = text,
                    Map = OffsetMap.Identity(text.Length),
                };
                docs.Add(new ClusteringDocument(article, Str(root, "story") ?? ""));
            }
            catch (JsonException e)
            {
                diagnostics.Add(Diagnostic.Error("PX0605", $"PX0605: bad JSON ({e.Message})", $"{path}:{lineNumber}"));
            }
        }

        return (docs.ToImmutable(), diagnostics.ToImmutable());
    }

    private static string? Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
