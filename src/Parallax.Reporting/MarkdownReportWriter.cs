using System.Globalization;
using System.Text;
using Parallax.Core.Reporting;

namespace Parallax.Reporting;

/// <summary>
/// Renders a <see cref="Report"/> as GitHub-flavoured Markdown: a table of articles (outlet, date, title, words,
/// removals by kind, embeds), then each story with the parts that are present. Every piece of article-derived text
/// goes through <see cref="TextEscaping.Markdown"/> (pipes, Markdown punctuation and raw HTML are neutralised).
/// Deterministic; <c>\n</c> line ends. Thread-safe.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var byId = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        md.Append("# Parallax report\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{E(report.Generator)} · format {E(report.FormatVersion)} · {report.Articles.Length} articles · {report.Stories.Length} stories\n\n");

        md.Append("## Articles\n\n");
        ArticleTable(md, report.Articles);

        foreach (var story in report.Stories)
        {
            md.Append(CultureInfo.InvariantCulture, $"## Story: {E(story.Title)}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"`{story.Id}` · {story.ArticleIds.Length} articles\n\n");
            ArticleTable(md, [.. story.ArticleIds.Where(byId.ContainsKey).Select(id => byId[id])]);
            StoryParts(md, story, byId);
        }

        var embeds = report.Articles.Where(a => a.Embeds.Length > 0).ToList();
        if (embeds.Count > 0)
        {
            md.Append("## Embedded posts\n\nKept aside: never counted as the outlet's own words.\n\n");
            md.Append("| Article | Author | Date | Text |\n|---|---|---|---|\n");
            foreach (var a in embeds)
            {
                foreach (var e in a.Embeds)
                {
                    var who = e.Handle is null ? E(e.Author) : $"{E(e.Author)} ({E(e.Handle)})";
                    md.Append(CultureInfo.InvariantCulture, $"| {E(a.Outlet)} | {who} | {E(e.Date ?? e.DateText)} | {E(e.Text)} |\n");
                }
            }

            md.Append('\n');
        }

        var diagnostics = report.Diagnostics.Concat(report.Articles.SelectMany(a => a.Diagnostics)).ToList();
        if (diagnostics.Count > 0)
        {
            md.Append("## Diagnostics\n\n| Code | Severity | Subject | Message |\n|---|---|---|---|\n");
            foreach (var d in diagnostics)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {E(d.Code)} | {E(d.Severity)} | {E(d.Subject)} | {E(d.Message)} |\n");
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static void ArticleTable(StringBuilder md, IEnumerable<ArticleReport> articles)
    {
        md.Append("| Outlet | Date | Title | Words | Removals | Embeds |\n");
        md.Append("|---|---|---|---:|---|---:|\n");
        foreach (var a in articles)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {E(a.Outlet)} | {E(a.Published ?? "undated")} | {E(a.Title ?? "(untitled)")} | {a.Words} | {E(CleaningSummary.ByKind(a.Removed.Select(r => r.Kind)))} | {a.Embeds.Length} |\n");
        }

        md.Append('\n');
    }

    private static void StoryParts(StringBuilder md, StoryReport story, Dictionary<string, ArticleReport> byId)
    {
        string Where(EvidenceSpan s) => byId.TryGetValue(s.ArticleId, out var a) ? a.Outlet : s.ArticleId;
        string Cite(IEnumerable<EvidenceSpan> spans) => string.Join("; ", spans.Select(s => $"{E(Where(s))} [{s.Start}, {s.End})"));

        if (story.Summary.Length > 0)
        {
            md.Append("### Summary\n\n");
            foreach (var s in story.Summary)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {E(s.Text)} ({E(string.Join(", ", s.Outlets))})\n");
            }

            md.Append('\n');
        }

        if (story.Facts.Length > 0)
        {
            md.Append("### Facts\n\n| Id | Fact | Stated by | Origins | Omitted by | Contradicted by |\n|---|---|---|---|---|---|\n");
            foreach (var f in story.Facts)
            {
                var marks = (f.Headline ? " (headline)" : "") + (f.SingleSource ? " (single source)" : "") + (f.DetailOf is { } parent ? $" (detail of {parent})" : "");
                md.Append(CultureInfo.InvariantCulture, $"| {E(f.Id)} | {E(f.Text)}{E(marks)} | {(f.StatedBy.IsDefaultOrEmpty ? "" : E(string.Join(", ", f.StatedBy)) + ": ")}{Cite(f.States)} | {f.Origins} | {E(string.Join(", ", f.Omits.Select(id => byId.TryGetValue(id, out var a) ? a.Outlet : id)))} | {Cite(f.Contradicts)} |\n");
            }

            md.Append('\n');
        }

        if (story.Conflicts.Length > 0)
        {
            md.Append("### Conflicts\n\n| Kind | Description | One side | Other side |\n|---|---|---|---|\n");
            foreach (var c in story.Conflicts)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {E(c.Within ? c.Kind + ", within one article" : c.Kind)} | {E(c.Description)} | {Cite(c.SideA)} | {Cite(c.SideB)} |\n");
            }

            md.Append('\n');
        }

        if (story.Quotes.Length > 0)
        {
            md.Append("### Quotes\n\n| Speaker | Quote | First carried by | Versions |\n|---|---|---|---|\n");
            foreach (var q in story.Quotes)
            {
                var first = q.FirstOutlet is null ? "" : $"{q.FirstOutlet}{(q.FirstDate is null ? "" : $" ({q.FirstDate})")}";
                var versions = q.Variants.IsDefaultOrEmpty
                    ? Cite(q.Occurrences)
                    : string.Join("; ", q.Variants.Select(v =>
                    {
                        var where = v.Embed is not null ? "embedded post" : string.Join(", ", v.Evidence.Select(s => $"[{s.Start}, {s.End})"));
                        var changes = v.Changes.IsDefaultOrEmpty ? "" : ": " + string.Join(", ", v.Changes.Select(c => $"“{c.From}” → “{c.To}”"));
                        return $"{E(v.Outlet)} {E(v.Kind)}{E(changes)} {where}";
                    }));
                md.Append(CultureInfo.InvariantCulture, $"| {E(q.Speaker ?? "unattributed")} | {E(q.Text)} | {E(first)} | {versions} |\n");
            }

            md.Append('\n');
        }

        if (story.Timeline.Length > 0)
        {
            md.Append("### Timeline\n\n| Date | Event | Outlets | Evidence |\n|---|---|---|---|\n");
            foreach (var t in story.Timeline)
            {
                var marks = (t.Inferred ? " (inferred)" : "") + (t.Derived ? " (derived)" : "");
                md.Append(CultureInfo.InvariantCulture, $"| {E(t.Date)}{marks} | {E(t.Text)} | {E(string.Join(", ", t.Outlets))} | {Cite(t.Evidence)} |\n");
            }

            md.Append('\n');
        }

        if (story.Entities.Length > 0)
        {
            // minor entities (one mention, no label) are left out of the table; labels only one outlet uses are marked
            md.Append("### Entities and labels\n\n| Entity | Type | Outlet | Mentions | Labels |\n|---|---|---|---:|---|\n");
            foreach (var e in story.Entities.Where(e => !e.Minor))
            {
                foreach (var o in e.LabelsByOutlet)
                {
                    var labels = string.Join(", ", o.Labels.Select(l => $"{l.Label} ×{l.Count}{(l.OnlyIn ? " (only this outlet)" : "")}"));
                    md.Append(CultureInfo.InvariantCulture, $"| {E(e.Name)} | {E(e.Type)} | {E(o.Outlet)} | {o.Mentions} | {E(labels)} |\n");
                }
            }

            var minor = story.Entities.Count(e => e.Minor);
            if (minor > 0)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n{minor} entities mentioned once without a label are not shown.\n");
            }

            md.Append('\n');
        }

        if (story.Framing.Length > 0)
        {
            md.Append("### Framing\n\nScore = sum of weight × value per component (docs/slant.md); loaded terms are the outlet's own words, not quotes.\n\n| Outlet | Score | Components (value × weight) | Loaded terms |\n|---|---:|---|---|\n");
            foreach (var f in story.Framing)
            {
                var outlet = byId.TryGetValue(f.ArticleId, out var a) ? a.Outlet : f.ArticleId;
                var parts = string.Join(", ", f.Components.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Value:0.###}×{c.Weight:0.###}")));
                var loaded = f.Terms.Where(t => t.Component is "loaded-terms" or "labels" or "headline-loaded")
                    .Select(t => $"{t.Evidence.Text} ({t.Category})").Distinct(StringComparer.Ordinal).ToList();
                var terms = loaded.Count == 0 ? "-" : string.Join(", ", loaded.Take(15)) + (loaded.Count > 15 ? $", … (+{loaded.Count - 15})" : "");
                md.Append(CultureInfo.InvariantCulture, $"| {E(outlet)} | {f.Score:0.###} | {E(parts)} | {E(terms)} |\n");
            }

            md.Append('\n');
        }
    }

    private static string E(string? text) => TextEscaping.Markdown(text);
}
