using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Reporting;

/// <summary>One removal kind and how often cleaning removed it from an article.</summary>
public sealed record KindCount(string Kind, int Count);

/// <summary>A line of <c>parallax articles</c>: what is stored, and what cleaning did to it.</summary>
/// <param name="Published">ISO 8601 date or date-time; null when unknown.</param>
/// <param name="Removals">Removals by kind, most frequent first, ties by name.</param>
/// <param name="Embeds">How many embedded posts were set aside.</param>
public sealed record ArticleListingRow(
    string Id, string Outlet, string? Published, string? Title, int Words, ImmutableArray<KindCount> Removals, int Embeds, string Origin);

/// <summary>
/// The listing of stored articles, as a plain-text table or as JSON (one array, the keys of
/// <see cref="ArticleListingRow"/> in camelCase). Keeps the order it is given. Deterministic; thread-safe.
/// </summary>
public static class ArticleListing
{
    public static ImmutableArray<ArticleListingRow> Rows(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return
        [
            .. articles.Select(a => new ArticleListingRow(
                a.Id,
                a.Metadata.Outlet,
                a.Metadata.Published?.ToIso(),
                a.Metadata.Title,
                a.WordCount,
                [.. CleaningSummary.Count(a.Removals.Select(r => r.Kind.ToString())).Select(c => new KindCount(c.Kind, c.Count))],
                a.Embeds.Length,
                a.Origin)),
        ];
    }

    public static string WriteJson(ImmutableArray<ArticleListingRow> rows) => JsonSerializer.Serialize(rows, JsonReportWriter.Options) + "\n";

    /// <summary>Aligned columns: id, outlet, date, words, removals by kind, embeds, title. Control characters made visible.</summary>
    public static string WriteText(ImmutableArray<ArticleListingRow> rows)
    {
        if (rows.IsDefaultOrEmpty)
        {
            return "no articles stored\n";
        }

        string[] header = ["ID", "OUTLET", "DATE", "WORDS", "REMOVED", "EMBEDS", "TITLE"];
        var table = rows.Select(r => new[]
        {
            r.Id,
            TextEscaping.Terminal(r.Outlet),
            r.Published is { } p ? p[..Math.Min(10, p.Length)] : "undated",
            r.Words.ToString(CultureInfo.InvariantCulture),
            r.Removals.Length == 0 ? "-" : string.Join(", ", r.Removals.Select(k => $"{k.Kind}×{k.Count}")),
            r.Embeds.ToString(CultureInfo.InvariantCulture),
            TextEscaping.Terminal(r.Title ?? "(untitled)").Replace('\n', ' '),
        }).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => table.Max(row => row[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in table)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                var right = i is 3 or 5;
                sb.Append(right ? row[i].PadLeft(widths[i]) : row[i].PadRight(widths[i])).Append("  ");
            }

            sb.Append(row[^1]).Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"{rows.Length} articles\n");
        return sb.ToString();
    }
}
