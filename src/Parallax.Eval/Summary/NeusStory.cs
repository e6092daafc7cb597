using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Eval.Summary;

/// <summary>One article of a multi-news story (summary sets: <c>{"outlet", "title", "text"}</c>).</summary>
public sealed record NeusArticle(string Outlet, string Title, string Text);

/// <summary>A story of a summary set (<c>../shared/data/summary/&lt;set&gt;/stories.jsonl</c>, see its FORMAT.md): articles and the human reference.</summary>
public sealed record NeusStory(string Id, ImmutableArray<NeusArticle> Articles, string Reference)
{
    /// <summary>Reads every story of <paramref name="path"/>; lines that are not story objects come back as PX0960 diagnostics.</summary>
    public static (ImmutableArray<NeusStory> Stories, ImmutableArray<Diagnostic> Problems) Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stories = ImmutableArray.CreateBuilder<NeusStory>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                var id = root.GetProperty("id").ToString();
                var articles = root.TryGetProperty("articles", out var arr) && arr.ValueKind == JsonValueKind.Array
                    ? arr.EnumerateArray().Select(a => new NeusArticle(Str(a, "outlet"), Str(a, "title"), Str(a, "text"))).ToImmutableArray()
                    : [];
                stories.Add(new NeusStory(id, articles, Str(root, "reference")));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                problems.Add(Diagnostic.Warning("PX0960", $"PX0960: line {line} is not a story object: {e.Message}", path));
            }
        }

        return (stories.ToImmutable(), problems.ToImmutable());
    }

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
