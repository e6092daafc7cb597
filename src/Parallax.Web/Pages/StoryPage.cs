using System.Globalization;
using System.Text;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Reporting;
using static Parallax.Web.Pages.Html;

namespace Parallax.Web.Pages;

/// <summary>
/// One story: summary with citations, the claim table (facts × member articles, grouped by origin so reprints sit under
/// what they reprint), conflicts, timeline chart, quotes with variants, labels per outlet, slant per article, lineage,
/// and the member texts whose spans every item highlights when clicked.
/// </summary>
internal static class StoryPage
{
    public static string Render(StorySnapshot snapshot, StoryReport story)
    {
        var members = snapshot.MembersOf(story);
        var byId = members.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var origins = story.Origins.ToDictionary(o => o.ArticleId, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("<article class=\"story\" data-story=\"").Append(E(story.Id)).Append("\">");
        sb.Append("<h1>").Append(E(story.Title)).Append("</h1>");
        var outlets = snapshot.OutletsOf(story);
        sb.Append("<p class=\"meta\">").Append(story.ArticleIds.Length).Append(" articles · ").Append(outlets.Length).Append(" outlets · ")
          .Append(story.IndependentSources).Append(" origins · ")
          .Append(string.Join(", ", outlets.Select(OutletLink))).Append("</p>");
        sb.Append("<p class=\"exports\">Export: ");
        sb.AppendJoin(" ", Exports.Formats.Select(f => $"<a href=\"/api/stories/{Seg(story.Id)}/export?format={f}\">{f}</a>"));
        sb.Append("</p><p class=\"hint\">Click any item to highlight its evidence in the article texts below.</p>");

        sb.Append("<div class=\"layout\"><div class=\"sections\">");
        Summary(sb, story);
        ClaimTable(sb, story, members, origins);
        Conflicts(sb, story);
        Timeline(sb, story);
        Quotes(sb, story, byId);
        Labels(sb, story);
        Slant(sb, story, byId);
        Lineage(sb, story, byId);
        Related(sb, snapshot, story);
        sb.Append("</div><aside class=\"texts\"><h2>Articles</h2>");
        foreach (var a in members)
        {
            var head = $"<h3><a href=\"/articles/{Seg(a.Id)}\">{E(a.Metadata.Outlet)}</a>: {E(a.Metadata.Title ?? "(untitled)")} <span class=\"date\">{E(a.Metadata.Published?.ToIso() ?? "undated")}</span></h3>";
            sb.Append(Text(a, SpansIn(story, a.Id), head));
        }

        sb.Append("</aside></div></article>");
        return Layout(story.Title, sb.ToString(), "story-page");
    }

    private static void Summary(StringBuilder sb, StoryReport story)
    {
        sb.Append("<section id=\"summary\"><h2>Summary</h2>");
        if (story.Summary.IsEmpty)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<ol class=\"summary\">");
            foreach (var s in story.Summary)
            {
                var cite = s.Outlets.IsEmpty ? "" : $" <span class=\"cite\">[{E(string.Join(", ", s.Outlets))}{(s.FactIds.IsEmpty ? "" : "; " + E(string.Join(", ", s.FactIds)))}]</span>";
                sb.Append("<li>").Append(EvButton(E(s.Text) + cite, s.Evidence)).Append("</li>");
            }

            sb.Append("</ol>");
        }

        sb.Append("</section>");
    }

    /// <summary>Columns: member articles grouped by origin key (the origin first, then its reprints), rows: facts.</summary>
    private static void ClaimTable(StringBuilder sb, StoryReport story, IReadOnlyList<Article> members, Dictionary<string, OriginReport> origins)
    {
        sb.Append("<section id=\"claims\"><h2>Claim table</h2>");
        if (story.Facts.IsEmpty)
        {
            sb.Append(None).Append("</section>");
            return;
        }

        var groups = members.GroupBy(a => CsvFactWriter.OriginKey(a.Id, origins), StringComparer.Ordinal)
            .Select(g => g.OrderBy(a => a.Id == g.Key ? 0 : 1).ThenBy(a => a.Metadata.Outlet, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).ToList())
            .OrderBy(g => members.ToList().IndexOf(g[0]))
            .ToList();
        var columns = groups.SelectMany(g => g).ToList();
        sb.Append("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th rowspan=\"2\">Fact</th>");
        foreach (var g in groups)
        {
            var key = CsvFactWriter.OriginKey(g[0].Id, origins);
            var label = key.StartsWith("wire:", StringComparison.Ordinal) ? key : g.Count > 1 ? "origin + reprints" : "independent";
            sb.Append("<th colspan=\"").Append(g.Count).Append("\" class=\"origin\">").Append(E(label)).Append("</th>");
        }

        sb.Append("</tr><tr>");
        foreach (var a in columns)
        {
            var reprint = origins.TryGetValue(a.Id, out var o) && o.Kind != "independent";
            sb.Append("<th class=\"outlet").Append(reprint ? " reprint" : "").Append("\"><a href=\"/articles/").Append(Seg(a.Id)).Append("\">")
              .Append(E(a.Metadata.Outlet)).Append("</a>").Append(reprint ? $"<br><small>{E(o!.Kind)}</small>" : "").Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var fact in story.Facts)
        {
            sb.Append("<tr data-fact=\"").Append(E(fact.Id)).Append("\"><th class=\"fact\">")
              .Append(EvButton(E(fact.Text), fact.States.Concat(fact.Contradicts), "ev fact")).Append("</th>");
            foreach (var a in columns)
            {
                var contradicts = fact.Contradicts.Where(e => e.ArticleId == a.Id).ToList();
                var states = fact.States.Where(e => e.ArticleId == a.Id).ToList();
                if (contradicts.Count > 0)
                {
                    sb.Append("<td class=\"contradicts\">").Append(EvButton("✗ contradicts", contradicts)).Append("</td>");
                }
                else if (states.Count > 0)
                {
                    sb.Append("<td class=\"states\">").Append(EvButton("✓ states", states)).Append("</td>");
                }
                else
                {
                    sb.Append("<td class=\"omits\">").Append(fact.Omits.Contains(a.Id) ? "– omits" : "–").Append("</td>");
                }
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div></section>");
    }

    private static void Conflicts(StringBuilder sb, StoryReport story)
    {
        sb.Append("<section id=\"conflicts\"><h2>Conflicts</h2>");
        if (story.Conflicts.IsEmpty)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<ul class=\"conflicts\">");
            foreach (var c in story.Conflicts)
            {
                sb.Append("<li><span class=\"kind\">").Append(E(c.Kind)).Append("</span> ")
                  .Append(EvButton(E(c.Description), c.SideA.Concat(c.SideB)))
                  .Append("<div class=\"sides\"><div>A: ").Append(string.Join(" ", c.SideA.Select(e => EvButton("“" + E(e.Text) + "”", [e]))))
                  .Append("</div><div>B: ").Append(string.Join(" ", c.SideB.Select(e => EvButton("“" + E(e.Text) + "”", [e]))))
                  .Append("</div></div></li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</section>");
    }

    private static void Timeline(StringBuilder sb, StoryReport story)
    {
        sb.Append("<section id=\"timeline\"><h2>Timeline</h2>");
        if (story.Timeline.IsEmpty)
        {
            sb.Append(None).Append("</section>");
            return;
        }

        var entries = story.Timeline.OrderBy(t => t.Date, StringComparer.Ordinal).ToList();
        var days = entries.Select(t => DayOf(t.Date)).ToList();
        var known = days.Where(d => d is not null).Select(d => d!.Value.DayNumber).ToList();
        var min = known.Count > 0 ? known.Min() : 0;
        var span = known.Count > 0 ? Math.Max(1, known.Max() - min) : 1;
        sb.Append("<div class=\"chart\" aria-hidden=\"true\">");
        for (var i = 0; i < entries.Count; i++)
        {
            if (days[i] is { } d)
            {
                var pos = (d.DayNumber - min) * 100.0 / span;
                sb.Append("<span class=\"dot\" data-pos=\"").Append(pos.ToString("0.##", CultureInfo.InvariantCulture)).Append("\" title=\"").Append(E(entries[i].Date)).Append("\"></span>");
            }
        }

        sb.Append("</div><ol class=\"timeline\">");
        foreach (var t in entries)
        {
            sb.Append("<li><time>").Append(E(t.Date)).Append("</time> ").Append(EvButton(E(t.Text), t.Evidence)).Append("</li>");
        }

        sb.Append("</ol></section>");
    }

    private static DateOnly? DayOf(string timex) =>
        timex.Length >= 10 && DateOnly.TryParseExact(timex[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static void Quotes(StringBuilder sb, StoryReport story, Dictionary<string, Article> byId)
    {
        sb.Append("<section id=\"quotes\"><h2>Quotes</h2>");
        if (story.Quotes.IsEmpty)
        {
            sb.Append(None).Append("</section>");
            return;
        }

        sb.Append("<ul class=\"quotes\">");
        foreach (var q in story.Quotes)
        {
            sb.Append("<li><b>").Append(E(q.Speaker ?? "unknown speaker")).Append("</b>: ")
              .Append(EvButton("“" + E(q.Text) + "”", q.Occurrences)).Append("<ul class=\"variants\">");
            foreach (var o in q.Occurrences)
            {
                var outlet = byId.TryGetValue(o.ArticleId, out var a) ? a.Metadata.Outlet : o.ArticleId;
                var variant = string.Equals(o.Text.Trim('"', '“', '”', ' '), q.Text.Trim('"', '“', '”', ' '), StringComparison.Ordinal) ? "" : " <span class=\"variant\">variant</span>";
                sb.Append("<li>").Append(E(outlet)).Append(": ").Append(EvButton(E(o.Text), [o])).Append(variant).Append("</li>");
            }

            sb.Append("</ul></li>");
        }

        sb.Append("</ul></section>");
    }

    private static void Labels(StringBuilder sb, StoryReport story)
    {
        sb.Append("<section id=\"labels\"><h2>Labels per outlet</h2>");
        var entities = story.Entities.Where(e => e.LabelsByOutlet.Any(o => !o.Labels.IsEmpty)).ToList();
        if (entities.Count == 0)
        {
            sb.Append(None).Append("</section>");
            return;
        }

        sb.Append("<table class=\"labels\"><thead><tr><th>Entity</th><th>Outlet</th><th>Labels</th></tr></thead><tbody>");
        foreach (var entity in entities)
        {
            var rows = entity.LabelsByOutlet.Where(o => !o.Labels.IsEmpty).ToList();
            for (var i = 0; i < rows.Count; i++)
            {
                sb.Append("<tr>");
                if (i == 0)
                {
                    sb.Append("<th rowspan=\"").Append(rows.Count).Append("\">").Append(E(entity.Name)).Append(" <small>").Append(E(entity.Type)).Append("</small></th>");
                }

                sb.Append("<td>").Append(OutletLink(rows[i].Outlet)).Append("</td><td>")
                  .Append(string.Join(" ", rows[i].Labels.Select(l => EvButton($"{E(l.Label)} <small>×{l.Count}</small>", l.Evidence, "ev label"))))
                  .Append("</td></tr>");
            }
        }

        sb.Append("</tbody></table></section>");
    }

    private static void Slant(StringBuilder sb, StoryReport story, Dictionary<string, Article> byId)
    {
        sb.Append("<section id=\"slant\"><h2>Slant per article</h2>");
        if (story.Framing.IsEmpty)
        {
            sb.Append(None).Append("</section>");
            return;
        }

        sb.Append("<table class=\"slant\"><thead><tr><th>Article</th><th>Score</th><th>Components (value × weight, with evidence)</th></tr></thead><tbody>");
        foreach (var f in story.Framing)
        {
            byId.TryGetValue(f.ArticleId, out var a);
            sb.Append("<tr><td>").Append(ArticleLink(a, f.ArticleId)).Append("</td><td>").Append(Num(f.Score)).Append("</td><td>");
            sb.Append(string.Join(" ", f.Components.Select(c => EvButton($"{E(c.Name)} {Num(c.Value)}×{Num(c.Weight)}", c.Evidence, "ev component"))));
            sb.Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
    }

    private static void Lineage(StringBuilder sb, StoryReport story, Dictionary<string, Article> byId)
    {
        sb.Append("<section id=\"lineage\"><h2>Origins and reprints</h2>");
        if (story.Origins.IsEmpty)
        {
            sb.Append(None).Append("</section>");
            return;
        }

        sb.Append("<ul class=\"lineage\">");
        foreach (var o in story.Origins)
        {
            byId.TryGetValue(o.ArticleId, out var a);
            sb.Append("<li>").Append(ArticleLink(a, o.ArticleId)).Append(" <span class=\"kind\">").Append(E(o.Kind)).Append("</span>");
            if (o.OriginId is { } originId)
            {
                byId.TryGetValue(originId, out var origin);
                sb.Append(" of ").Append(ArticleLink(origin, originId));
            }

            if (o.Wire is { } wire)
            {
                sb.Append(" of wire ").Append(E(wire));
            }

            sb.Append(" <small>").Append(E(o.Reason)).Append("</small>");
            if (!o.Passages.IsEmpty)
            {
                sb.Append(" ").Append(EvButton($"{o.Passages.Length} shared passages", o.Passages.SelectMany(p => new[] { p.Article, p.Origin }), "ev passage"));
            }

            if (!o.Added.IsEmpty)
            {
                sb.Append(" ").Append(EvButton("added", o.Added));
            }

            if (!o.Cut.IsEmpty)
            {
                sb.Append(" ").Append(EvButton("cut", o.Cut));
            }

            foreach (var c in o.Credits)
            {
                sb.Append(" ").Append(EvButton("credit: " + E(c.Wire), c.Evidence is { } e ? [e] : []));
            }

            sb.Append("</li>");
        }

        sb.Append("</ul></section>");
    }

    private static void Related(StringBuilder sb, StorySnapshot snapshot, StoryReport story)
    {
        if (story.Related.IsEmpty)
        {
            return;
        }

        sb.Append("<section id=\"related\"><h2>Related stories</h2><ul>");
        foreach (var r in story.Related)
        {
            sb.Append("<li>").Append(snapshot.StoryById.TryGetValue(r.StoryId, out var s) ? StoryLink(s) : E(r.StoryId))
              .Append(" <small>").Append(Num(r.Similarity)).Append("</small></li>");
        }

        sb.Append("</ul></section>");
    }
}
