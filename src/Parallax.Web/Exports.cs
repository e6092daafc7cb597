using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Reporting;

namespace Parallax.Web;

/// <summary>One row of the fact × outlet export: how one outlet treats one fact.</summary>
/// <param name="Status"><c>states</c>, <c>contradicts</c> or <c>omits</c> (contradiction wins over statement).</param>
/// <param name="Spans">Evidence as <c>articleId:start-end</c> (half-open UTF-16 offsets into the cleaned text), space-separated.</param>
public sealed record FactOutletRow(string StoryId, string FactId, string Fact, string Outlet, string Status, string ArticleIds, string Evidence, string Spans);

/// <summary>
/// A story in each export format: <c>json</c> (the report contract with the story and its member articles), <c>jsonl</c> and
/// <c>csv</c> (one row per fact × outlet), <c>md</c> and <c>html</c> (the report writers). Pure and deterministic.
/// </summary>
public static class Exports
{
    public static readonly ImmutableArray<string> Formats = ["json", "jsonl", "csv", "md", "html"];

    /// <summary>The export body and its media type, or null for an unknown format.</summary>
    public static (string Body, string MediaType)? Export(StorySnapshot snapshot, StoryReport story, string format, string generator)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(story);
        var report = new ReportBuilder(generator).Build(snapshot.MembersOf(story), [story]);
        return format.ToLowerInvariant() switch
        {
            "json" => (JsonReportWriter.Write(report), "application/json; charset=utf-8"),
            "jsonl" => (string.Concat(Rows(snapshot, story).Select(r => JsonSerializer.Serialize(r, WebJson.Compact) + "\n")), "application/x-ndjson; charset=utf-8"),
            "csv" => (Csv(Rows(snapshot, story)), "text/csv; charset=utf-8"),
            "md" => (MarkdownReportWriter.Write(report), "text/markdown; charset=utf-8"),
            "html" => (HtmlReportWriter.Write(report), "text/html; charset=utf-8"),
            _ => null,
        };
    }

    /// <summary>One row per fact × outlet of the story, facts in report order, outlets in ordinal order.</summary>
    public static ImmutableArray<FactOutletRow> Rows(StorySnapshot snapshot, StoryReport story)
    {
        var members = snapshot.MembersOf(story);
        var outlets = members.GroupBy(a => a.Metadata.Outlet, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var rows = ImmutableArray.CreateBuilder<FactOutletRow>();
        foreach (var fact in story.Facts)
        {
            foreach (var outlet in outlets)
            {
                var ids = outlet.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                var contradicts = fact.Contradicts.Where(e => ids.Contains(e.ArticleId)).ToList();
                var states = fact.States.Where(e => ids.Contains(e.ArticleId)).ToList();
                var status = contradicts.Count > 0 ? "contradicts" : states.Count > 0 ? "states" : "omits";
                var evidence = contradicts.Count > 0 ? contradicts : states;
                rows.Add(new FactOutletRow(story.Id, fact.Id, fact.Text, outlet.Key, status,
                    string.Join(' ', ids.Order(StringComparer.Ordinal)),
                    string.Join(" | ", evidence.Select(e => e.Text)),
                    string.Join(' ', evidence.Select(e => $"{e.ArticleId}:{e.Start}-{e.End}"))));
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>RFC 4180 CSV with a header row; every field quoted, <c>\r\n</c> line ends. Fields starting with
    /// <c>= + - @</c> are prefixed with an apostrophe so spreadsheets do not run them as formulas.</summary>
    public static string Csv(IEnumerable<FactOutletRow> rows)
    {
        var sb = new StringBuilder();
        sb.Append("story_id,fact_id,fact,outlet,status,article_ids,evidence,spans\r\n");
        foreach (var r in rows)
        {
            sb.AppendJoin(',', new[] { r.StoryId, r.FactId, r.Fact, r.Outlet, r.Status, r.ArticleIds, r.Evidence, r.Spans }.Select(Field)).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    internal static string Invariant(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}
