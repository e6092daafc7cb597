using System.Globalization;
using System.Text;
using Parallax.Core.Reporting;

namespace Parallax.Reporting;

/// <summary>
/// A short plain-text summary of a <see cref="Report"/> for the terminal (used by <c>parallax analyze</c>): counts,
/// then per story its articles with outlet, date, words and what cleaning removed. No colours or escape sequences;
/// control characters in article text are made visible (<see cref="TextEscaping.Terminal"/>). Deterministic.
/// </summary>
public static class TerminalSummaryWriter
{
    /// <param name="report">The report to summarise.</param>
    /// <param name="width">Maximum line width in characters (titles are shortened with an ellipsis to fit); at least 40.</param>
    public static string Write(Report report, int width = 100)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 40);
        var byId = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var sb = new StringBuilder();
        var removed = report.Articles.Sum(a => a.Removed.Length);
        var embeds = report.Articles.Sum(a => a.Embeds.Length);
        var diagnostics = report.Diagnostics.Length + report.Articles.Sum(a => a.Diagnostics.Length);
        sb.Append(CultureInfo.InvariantCulture,
            $"{Count(report.Articles.Length, "article", "articles")}, {Count(report.Stories.Length, "story", "stories")}, {Count(removed, "removal", "removals")}, {Count(embeds, "embed", "embeds")}, {Count(diagnostics, "diagnostic", "diagnostics")}\n");

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var story in report.Stories)
        {
            sb.Append('\n').Append(Fit($"Story: {T(story.Title)} ({Count(story.ArticleIds.Length, "article", "articles")})", width)).Append('\n');
            foreach (var id in story.ArticleIds.Where(byId.ContainsKey))
            {
                listed.Add(id);
                Line(sb, byId[id], width);
            }

            var parts = new List<string>();
            void Add(int n, string what)
            {
                if (n > 0)
                {
                    parts.Add($"{n} {what}");
                }
            }

            Add(story.Facts.Length, "facts");
            Add(story.Conflicts.Length, "conflicts");
            Add(story.Quotes.Length, "quotes");
            Add(story.Timeline.Length, "timeline entries");
            Add(story.Entities.Length, "entities");
            Add(story.Framing.Length, "framing scores");
            Add(story.Summary.Length, "summary sentences");
            sb.Append("  ").Append(parts.Count == 0 ? "(story analysis not yet available)" : string.Join(", ", parts)).Append('\n');
        }

        var loose = report.Articles.Where(a => !listed.Contains(a.Id)).ToList();
        if (loose.Count > 0)
        {
            sb.Append("\nNot in any story:\n");
            foreach (var a in loose)
            {
                Line(sb, a, width);
            }
        }

        // The terminal shows what needs attention; informational notes stay in the JSON, Markdown and HTML reports.
        foreach (var d in report.Diagnostics.Concat(report.Articles.SelectMany(a => a.Diagnostics)).Where(d => d.Severity != "Info"))
        {
            sb.Append(Fit(T(d.Subject is null ? d.Message : $"{d.Message} ({d.Subject})"), width)).Append('\n');
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, ArticleReport a, int width)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"  {a.Id,-16}  {Cut(T(a.Outlet), 20),-20}  {a.Published?[..Math.Min(10, a.Published.Length)] ?? "undated",-10}  {a.Words,5}w  ");
        sb.Append(head).Append(Cut(T(a.Title ?? "(untitled)"), Math.Max(10, width - head.Length))).Append('\n');
        if (a.Removed.Length > 0 || a.Embeds.Length > 0)
        {
            var cleaning = $"{new string(' ', 20)}removed {CleaningSummary.ByKind(a.Removed.Select(r => r.Kind))}{(a.Embeds.Length > 0 ? $"; {Count(a.Embeds.Length, "embed", "embeds")}" : "")}";
            sb.Append(Cut(cleaning, width)).Append('\n');
        }
    }

    private static string Count(int n, string one, string many) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");

    private static string T(string? text) => TextEscaping.Terminal(text).Replace('\n', ' ').Replace('\t', ' ');

    private static string Fit(string text, int width) => Cut(text, width);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
