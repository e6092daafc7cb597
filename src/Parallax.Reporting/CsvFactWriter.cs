using System.Globalization;
using System.Text;
using Parallax.Core.Reporting;

namespace Parallax.Reporting;

/// <summary>
/// Writes the claim tables of a <see cref="Report"/> as CSV for researchers: one row per (story, fact, article, status),
/// that is one row per fact and outlet article, with the status <c>states</c>, <c>omits</c> or <c>contradicts</c>.
/// Columns: <c>story_id, fact_id, fact_text, outlet, status, article_id, evidence_start, evidence_end, evidence_text,
/// origin_key, origins, single_source</c>. Evidence offsets are half-open UTF-16 indices into the article's cleaned text
/// (empty for <c>omits</c>); when an article states a fact in several places, the first span fills the evidence columns and
/// the others follow in their own rows. <c>origin_key</c> is the article's origin (the root of its copy chain, or
/// <c>wire:NAME</c>), as corroboration is counted.
/// RFC 4180: comma separated, CRLF line ends, a header row, fields holding a comma, quote, CR or LF are quoted with
/// inner quotes doubled. Article text is untrusted: a text cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or CR gets a leading apostrophe so spreadsheets do not run it as a formula. Deterministic; thread-safe.
/// </summary>
public static class CsvFactWriter
{
    public static readonly string[] Columns =
        ["story_id", "fact_id", "fact_text", "outlet", "status", "article_id", "evidence_start", "evidence_end", "evidence_text", "origin_key", "origins", "single_source"];

    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outlets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in report.Articles)
        {
            outlets.TryAdd(a.Id, a.Outlet);
        }

        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var story in report.Stories)
        {
            var origins = story.Origins.ToDictionary(o => o.ArticleId, StringComparer.Ordinal);
            foreach (var fact in story.Facts)
            {
                void Add(string status, string articleId, EvidenceSpan? span) => Row(csv,
                [
                    Text(story.Id), Text(fact.Id), Text(fact.Text), Text(outlets.GetValueOrDefault(articleId, "unknown")), status, Text(articleId),
                    span is null ? "" : span.Start.ToString(CultureInfo.InvariantCulture),
                    span is null ? "" : span.End.ToString(CultureInfo.InvariantCulture),
                    span is null ? "" : Text(span.Text),
                    Text(OriginKey(articleId, origins)),
                    fact.Origins.ToString(CultureInfo.InvariantCulture),
                    fact.SingleSource ? "true" : "false",
                ]);

                foreach (var s in fact.States)
                {
                    Add("states", s.ArticleId, s);
                }

                foreach (var id in fact.Omits)
                {
                    Add("omits", id, null);
                }

                foreach (var c in fact.Contradicts)
                {
                    Add("contradicts", c.ArticleId, c);
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// The origin key of <paramref name="articleId"/> from the story's origins: <c>wire:NAME</c> for a rewrite of a wire
    /// not in the run, else the id at the root of its copy/rewrite chain (a cycle or an unknown origin stops the walk).
    /// The same rule as <c>StoryAnalysisService.OriginKey</c>, read back from the report.
    /// </summary>
    public static string OriginKey(string articleId, IReadOnlyDictionary<string, OriginReport> origins)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(origins);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var id = articleId;
        while (seen.Add(id) && origins.TryGetValue(id, out var o))
        {
            if (o.Kind == "rewrite-of-wire" && o.Wire is { } wire)
            {
                return "wire:" + wire;
            }

            if (o.Kind is "copy-of" or "rewrite-of" && o.OriginId is { } next)
            {
                id = next;
                continue;
            }

            break;
        }

        return id;
    }

    /// <summary>A text cell defused against spreadsheet formula injection (leading apostrophe before = + - @ tab CR).</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    private static void Row(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(f);
            }
        }

        csv.Append("\r\n");
    }
}
