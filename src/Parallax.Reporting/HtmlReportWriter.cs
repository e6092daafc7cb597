using System.Globalization;
using System.Text;
using Parallax.Core.Reporting;

namespace Parallax.Reporting;

/// <summary>
/// Renders a <see cref="Report"/> as one self-contained HTML file: inline CSS, no script, no external resource, and a
/// Content-Security-Policy that forbids everything but inline styles and data: images, so even a rendering bug cannot
/// run article-supplied code. Every piece of report text is HTML-encoded (<see cref="TextEscaping.Html"/>) in element
/// and attribute contexts; links are emitted only for absolute http(s) URLs. Readable on screen and in print.
/// Deterministic. Thread-safe.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>The policy in the page's <c>&lt;meta http-equiv="Content-Security-Policy"&gt;</c>.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private const string Css = """
        :root { --ink: #1d1f21; --muted: #5f6368; --line: #d9dce0; --tint: #f4f6f8; --mark: #fff1c2; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 16px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); background: #fff; }
        h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.2; }
        h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
        h3 { font-size: 1.1rem; margin-top: 1.5rem; }
        .meta, .muted { color: var(--muted); font-size: .9rem; }
        .provisional { background: var(--mark); padding: .1rem .4rem; border-radius: .2rem; font-size: .85rem; }
        table { border-collapse: collapse; width: 100%; margin: .75rem 0; font: 14px/1.4 system-ui, sans-serif; }
        th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: var(--tint); }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        article { border: 1px solid var(--line); border-radius: .4rem; padding: 1rem 1.25rem; margin: 1.25rem 0; break-inside: avoid-page; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        .removed { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: .85rem; color: var(--muted); }
        blockquote { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid var(--line); background: var(--tint); white-space: pre-wrap; }
        a { color: #0b57d0; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          a { color: inherit; text-decoration: none; }
          h2 { break-after: avoid-page; }
          article { border: none; padding: 0; }
        }
        """;

    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var byId = report.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        h.Append("<title>Parallax report</title>\n<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");

        h.Append("<header>\n<h1>Parallax report</h1>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(report.Generator)} · format {E(report.FormatVersion)} · {report.Articles.Length} articles · {report.Stories.Length} stories</p>\n</header>\n");

        h.Append("<main>\n");
        foreach (var story in report.Stories)
        {
            Story(h, story, byId);
        }

        h.Append("<section>\n<h2>Articles</h2>\n");
        ArticleTable(h, report.Articles);
        foreach (var a in report.Articles)
        {
            Article(h, a);
        }

        h.Append("</section>\n");

        var diagnostics = report.Diagnostics.Concat(report.Articles.SelectMany(a => a.Diagnostics)).ToList();
        if (diagnostics.Count > 0)
        {
            h.Append("<section>\n<h2>Diagnostics</h2>\n<table>\n<thead><tr><th>Code</th><th>Severity</th><th>Subject</th><th>Message</th></tr></thead>\n<tbody>\n");
            foreach (var d in diagnostics)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.Code)}</td><td>{E(d.Severity)}</td><td>{E(d.Subject)}</td><td>{E(d.Message)}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n</section>\n");
        }

        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static void ArticleTable(StringBuilder h, IEnumerable<ArticleReport> articles)
    {
        h.Append("<table>\n<thead><tr><th>Outlet</th><th>Date</th><th>Title</th><th>Words</th><th>Removals</th><th>Embeds</th></tr></thead>\n<tbody>\n");
        foreach (var a in articles)
        {
            h.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(a.Outlet)}</td><td>{E(a.Published ?? "undated")}</td><td><a href=\"#{Anchor(a.Id)}\">{E(a.Title ?? "(untitled)")}</a></td><td class=\"num\">{a.Words}</td><td>{E(CleaningSummary.ByKind(a.Removed.Select(r => r.Kind)))}</td><td class=\"num\">{a.Embeds.Length}</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
    }

    private static void Article(StringBuilder h, ArticleReport a)
    {
        h.Append(CultureInfo.InvariantCulture, $"<article id=\"{Anchor(a.Id)}\">\n<h3>{E(a.Title ?? "(untitled)")}</h3>\n");
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(a.Outlet)} · {E(a.Published ?? "undated")} · {a.Words} words");
        if (a.Authors.Length > 0)
        {
            h.Append(" · by ").Append(E(string.Join(", ", a.Authors)));
        }

        if (a.Url is not null)
        {
            var href = TextEscaping.SafeHref(a.Url);
            h.Append(" · ");
            h.Append(href is null ? $"<span>{E(a.Url)}</span>" : $"<a href=\"{E(href)}\" rel=\"noopener noreferrer nofollow\">{E(a.Url)}</a>");
        }

        h.Append(CultureInfo.InvariantCulture, $"<br>id <code>{E(a.Id)}</code> · from <code>{E(a.Origin)}</code></p>\n");
        h.Append("<div class=\"text\">").Append(E(a.Text)).Append("</div>\n");

        if (a.Embeds.Length > 0)
        {
            h.Append("<h4>Embedded posts (not the outlet's words)</h4>\n");
            foreach (var e in a.Embeds)
            {
                var who = string.Join(" ", new[] { e.Author, e.Handle, e.Date ?? e.DateText, e.Platform }.Where(s => !string.IsNullOrEmpty(s)));
                h.Append("<blockquote>").Append(E(e.Text)).Append("</blockquote>\n");
                h.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">— {E(who)} · raw [{e.RawStart}, {e.RawEnd})</p>\n");
            }
        }

        if (a.Removed.Length > 0)
        {
            h.Append(CultureInfo.InvariantCulture, $"<h4>Removed by cleaning ({E(CleaningSummary.ByKind(a.Removed.Select(r => r.Kind)))})</h4>\n");
            h.Append("<table>\n<thead><tr><th>Kind</th><th>Raw span</th><th>Rule</th><th>Text</th></tr></thead>\n<tbody>\n");
            foreach (var r in a.Removed)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Kind)}</td><td>[{r.RawStart}, {r.RawEnd})</td><td>{E(r.Rule)}</td><td class=\"removed\">{E(r.Text)}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }

        h.Append("</article>\n");
    }

    private static void Story(StringBuilder h, StoryReport story, Dictionary<string, ArticleReport> byId)
    {
        string Outlet(string articleId) => byId.TryGetValue(articleId, out var a) ? a.Outlet : articleId;
        string Cite(IEnumerable<EvidenceSpan> spans) => string.Join("; ", spans.Select(s =>
            $"<a href=\"#{Anchor(s.ArticleId)}\">{E(Outlet(s.ArticleId))}</a> <span class=\"muted\">[{s.Start}, {s.End})</span> “{E(s.Text)}”"));

        h.Append(CultureInfo.InvariantCulture, $"<section>\n<h2>{E(story.Title)}</h2>\n<p class=\"meta\"><code>{E(story.Id)}</code> · {story.ArticleIds.Length} articles");
        var analysed = story.Facts.Length + story.Conflicts.Length + story.Quotes.Length + story.Timeline.Length + story.Entities.Length + story.Framing.Length + story.Summary.Length;
        if (analysed == 0)
        {
            h.Append(" · <span class=\"provisional\">story analysis not yet available</span>");
        }

        h.Append("</p>\n");
        ArticleTable(h, story.ArticleIds.Where(byId.ContainsKey).Select(id => byId[id]));

        if (story.Summary.Length > 0)
        {
            h.Append("<h3>Summary</h3>\n<ul>\n");
            foreach (var s in story.Summary)
            {
                h.Append(CultureInfo.InvariantCulture, $"<li>{E(s.Text)} <span class=\"muted\">({E(string.Join(", ", s.Outlets))})</span></li>\n");
            }

            h.Append("</ul>\n");
        }

        if (story.Facts.Length > 0)
        {
            h.Append("<h3>Facts</h3>\n<table>\n<thead><tr><th>Id</th><th>Fact</th><th>Stated by</th><th>Origins</th><th>Omitted by</th><th>Contradicted by</th></tr></thead>\n<tbody>\n");
            foreach (var f in story.Facts)
            {
                var marks = (f.Headline ? " (headline)" : "") + (f.SingleSource ? " (single source)" : "") + (f.DetailOf is { } parent ? $" (detail of {parent})" : "");
                h.Append(CultureInfo.InvariantCulture, $"<tr id=\"{E(story.Id)}-{E(f.Id)}\"><td>{E(f.Id)}</td><td>{E(f.Text)}{(marks.Length == 0 ? "" : $"<span class=\"muted\">{E(marks)}</span>")}</td><td>{(f.StatedBy.IsDefaultOrEmpty ? "" : E(string.Join(", ", f.StatedBy)) + "<br>")}{Cite(f.States)}</td><td>{f.Origins}</td><td>{E(string.Join(", ", f.Omits.Select(Outlet)))}</td><td>{Cite(f.Contradicts)}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }

        if (story.Conflicts.Length > 0)
        {
            h.Append("<h3>Conflicts</h3>\n<table>\n<thead><tr><th>Kind</th><th>Description</th><th>One side</th><th>Other side</th></tr></thead>\n<tbody>\n");
            foreach (var c in story.Conflicts)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Within ? c.Kind + ", within one article" : c.Kind)}</td><td>{E(c.Description)}</td><td>{Cite(c.SideA)}</td><td>{Cite(c.SideB)}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }

        if (story.Quotes.Length > 0)
        {
            h.Append("<h3>Quotes</h3>\n");
            foreach (var q in story.Quotes)
            {
                h.Append("<blockquote>").Append(E(q.Text)).Append("</blockquote>\n");
                var first = q.FirstOutlet is null ? "" : $" · first carried by {E(q.FirstOutlet)}{(q.FirstDate is null ? "" : $" ({E(q.FirstDate)})")}";
                if (q.Variants.IsDefaultOrEmpty)
                {
                    h.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">— {E(q.Speaker ?? "unattributed")}{first} · {Cite(q.Occurrences)}</p>\n");
                    continue;
                }

                h.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">— {E(q.Speaker ?? "unattributed")}{first}</p>\n<ul>\n");
                foreach (var v in q.Variants)
                {
                    var where = v.Embed is { } embed
                        ? $"<a href=\"#{Anchor(v.ArticleId)}\">{E(v.Outlet)}</a> embedded post by {E(embed.Author ?? "unknown")}: “{E(embed.Text)}”"
                        : Cite(v.Evidence);
                    var changes = v.Changes.IsDefaultOrEmpty ? "" : " · " + string.Join(", ", v.Changes.Select(c => $"“{E(c.From)}” → “{E(c.To)}”"));
                    var note = v.Note is null ? "" : $" <span class=\"muted\">({E(v.Note)})</span>";
                    h.Append(CultureInfo.InvariantCulture, $"<li><code>{E(v.Kind)}</code> {where}{changes}{note}</li>\n");
                }

                h.Append("</ul>\n");
            }
        }

        if (story.Timeline.Length > 0)
        {
            h.Append("<h3>Timeline</h3>\n<table>\n<thead><tr><th>Date</th><th>Event</th><th>Outlets</th><th>Evidence</th></tr></thead>\n<tbody>\n");
            foreach (var t in story.Timeline)
            {
                var marks = (t.Inferred ? " <span class=\"muted\">(inferred)</span>" : "") + (t.Derived ? " <span class=\"muted\">(derived)</span>" : "");
                h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.Date)}{marks}</td><td>{E(t.Text)}</td><td>{E(string.Join(", ", t.Outlets))}</td><td>{Cite(t.Evidence)}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }

        if (story.Entities.Length > 0)
        {
            // minor entities (one mention, no label) are left out of the table; labels only one outlet uses are in bold
            h.Append("<h3>Entities and labels</h3>\n<table>\n<thead><tr><th>Entity</th><th>Type</th><th>Outlet</th><th>Mentions</th><th>Labels</th></tr></thead>\n<tbody>\n");
            foreach (var e in story.Entities.Where(e => !e.Minor))
            {
                foreach (var o in e.LabelsByOutlet)
                {
                    var labels = string.Join(", ", o.Labels.Select(l => l.OnlyIn ? $"<strong title=\"only this outlet\">{E(l.Label)}</strong> ×{l.Count}" : $"{E(l.Label)} ×{l.Count}"));
                    h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(e.Name)}</td><td>{E(e.Type)}</td><td>{E(o.Outlet)}</td><td class=\"num\">{o.Mentions}</td><td>{labels}</td></tr>\n");
                }
            }

            h.Append("</tbody>\n</table>\n");
            var minor = story.Entities.Count(e => e.Minor);
            if (minor > 0)
            {
                h.Append(CultureInfo.InvariantCulture, $"<p>{minor} entities mentioned once without a label are not shown.</p>\n");
            }
        }

        if (story.Framing.Length > 0)
        {
            h.Append("<h3>Framing</h3>\n<p>Score = sum of weight × value per component; loaded terms are the outlet's own words, not quotes.</p>\n<table>\n<thead><tr><th>Outlet</th><th>Score</th><th>Components (value × weight)</th><th>Loaded terms</th></tr></thead>\n<tbody>\n");
            foreach (var f in story.Framing)
            {
                var parts = string.Join(", ", f.Components.Select(c => string.Create(CultureInfo.InvariantCulture, $"<span{(c.Description.Length > 0 ? " title=\"" + E(c.Description) + "\"" : "")}>{E(c.Name)} {c.Value:0.###}×{c.Weight:0.###}</span>")));
                var terms = f.Terms.Where(t => t.Component is "loaded-terms" or "labels" or "headline-loaded")
                    .Select(t => $"{E(t.Evidence.Text)} <small>({E(t.Category)})</small>").Distinct(StringComparer.Ordinal).ToList();
                var termCell = terms.Count == 0 ? "-" : string.Join(", ", terms);
                h.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Anchor(f.ArticleId)}\">{E(Outlet(f.ArticleId))}</a></td><td class=\"num\">{f.Score:0.###}</td><td>{parts}</td><td>{termCell}</td></tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }

        h.Append("</section>\n");
    }

    private static string E(string? text) => TextEscaping.Html(text);

    /// <summary>An element id for an article: <c>a-</c> plus the id with anything outside [A-Za-z0-9_-] as <c>_</c>.</summary>
    private static string Anchor(string articleId)
    {
        var sb = new StringBuilder("a-", articleId.Length + 2);
        foreach (var c in articleId)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return sb.ToString();
    }
}
