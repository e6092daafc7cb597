using System.Text;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Web.Watching;
using static Parallax.Web.Pages.Html;

namespace Parallax.Web.Pages;

/// <summary>The story list, search, outlets, article and feed pages.</summary>
internal static class ListPages
{
    /// <summary>Rows per list on the story list page.</summary>
    public const int ListRows = 500;

    /// <summary>Stories of an outlet (newest first) whose reports the outlet page reads labels and slant from.</summary>
    public const int OutletStories = 30;

    public static string Stories(StorySnapshot snapshot)
    {
        var sb = new StringBuilder();
        sb.Append("<div id=\"live\" data-version=\"").Append(E(snapshot.Version)).Append("\" hidden></div>");
        sb.Append("<p class=\"meta\">").Append(snapshot.Articles.Length).Append(" articles in ").Append(snapshot.Stories.Length).Append(" stories")
          .Append(snapshot.Stories.Length > ListRows ? $" (the first {ListRows} of each list below; /api/stories?limit=N lists up to 5,000)" : "").Append("</p>");
        sb.Append("<section id=\"newest\"><h2>Newest stories</h2>").Append(StoryTable([.. snapshot.NewestSummaries.Take(ListRows)])).Append("</section>");
        sb.Append("<section id=\"covered\"><h2>Most covered</h2>").Append(StoryTable([.. snapshot.MostCoveredSummaries.Take(ListRows)])).Append("</section>");
        return Layout("Stories", sb.ToString(), "list-page");
    }

    public static string StoryTable(IReadOnlyList<StorySummary> stories)
    {
        if (stories.Count == 0)
        {
            return None;
        }

        var sb = new StringBuilder("<table class=\"stories\"><thead><tr><th>Story</th><th>Newest</th><th>Articles</th><th>Origins</th><th>Outlets</th></tr></thead><tbody>");
        foreach (var s in stories)
        {
            sb.Append("<tr><td><a class=\"story-link\" href=\"/stories/").Append(Seg(s.Id)).Append("\">").Append(E(s.Title)).Append("</a></td><td>")
              .Append(E(s.Newest ?? "undated")).Append("</td><td>").Append(s.Articles).Append("</td><td>").Append(s.Origins).Append("</td><td>")
              .Append(string.Join(", ", s.Outlets.Select(OutletLink))).Append("</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    public static string Search(StorySnapshot snapshot, SearchResult? result, string query)
    {
        var sb = new StringBuilder("<h1>Search</h1><form class=\"search-big\" action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"")
            .Append(E(query)).Append("\" aria-label=\"Search\"><button type=\"submit\">Search</button></form>");
        if (result is not null)
        {
            sb.Append("<section id=\"story-results\"><h2>Stories</h2>").Append(StoryTable(result.Stories)).Append("</section>");
            sb.Append("<section id=\"article-results\"><h2>Articles</h2>");
            if (result.Articles.IsEmpty)
            {
                sb.Append(None);
            }
            else
            {
                sb.Append("<ul class=\"results\">");
                foreach (var item in result.Articles)
                {
                    snapshot.ArticleById.TryGetValue(item.Id, out var a);
                    sb.Append("<li><a class=\"article-link\" href=\"/articles/").Append(Seg(item.Id)).Append("\">").Append(E(item.Title ?? "(untitled)")).Append("</a> — ")
                      .Append(OutletLink(item.Outlet)).Append(" <span class=\"date\">").Append(E(item.Published ?? "undated")).Append("</span>");
                    if (a is not null)
                    {
                        sb.Append("<div class=\"snippet\">").Append(E(Snippet(a.Text, query))).Append("</div>");
                    }

                    sb.Append("</li>");
                }

                sb.Append("</ul>");
            }

            sb.Append("</section>");
        }

        return Layout(query.Length == 0 ? "Search" : "Search: " + query, sb.ToString(), "search-page");
    }

    /// <summary>About 200 characters of the text around the first query word found (case-insensitive).</summary>
    public static string Snippet(string text, string query)
    {
        var words = query.Split((char[])[' ', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries);
        var at = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - 80);
        var end = Math.Min(text.Length, start + 200);
        return (start > 0 ? "…" : "") + text[start..end].Replace('\n', ' ') + (end < text.Length ? "…" : "");
    }

    public static string Outlets(StorySnapshot snapshot)
    {
        var outlets = snapshot.Articles.GroupBy(a => a.Metadata.Outlet, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder("<h1>Outlets</h1>");
        if (outlets.Count == 0)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<table><thead><tr><th>Outlet</th><th>Articles</th><th>Stories</th></tr></thead><tbody>");
            foreach (var g in outlets)
            {
                var stories = g.Select(a => snapshot.StoryOfArticle.GetValueOrDefault(a.Id)).Where(s => s is not null).Distinct().Count();
                sb.Append("<tr><td>").Append(OutletLink(g.Key)).Append("</td><td>").Append(g.Count()).Append("</td><td>").Append(stories).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        return Layout("Outlets", sb.ToString());
    }

    /// <summary>An outlet: its articles, the labels it uses for each entity across stories, and its slant record.</summary>
    public static string? Outlet(StorySnapshot snapshot, string outlet)
    {
        var articles = snapshot.Articles.Where(a => string.Equals(a.Metadata.Outlet, outlet, StringComparison.Ordinal)).ToList();
        if (articles.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("<h1>").Append(E(outlet)).Append("</h1>");
        sb.Append("<section id=\"outlet-articles\"><h2>Articles</h2><ul>");
        foreach (var a in articles)
        {
            sb.Append("<li><a href=\"/articles/").Append(Seg(a.Id)).Append("\">").Append(E(a.Metadata.Title ?? "(untitled)")).Append("</a> <span class=\"date\">")
              .Append(E(a.Metadata.Published?.ToIso() ?? "undated")).Append("</span>");
            if (snapshot.StoryOfArticle.TryGetValue(a.Id, out var sid) && snapshot.StoryById.TryGetValue(sid, out var story))
            {
                sb.Append(" — story: ").Append(StoryLink(story));
            }

            sb.Append("</li>");
        }

        sb.Append("</ul></section>");

        // Labels and slant come from the outlet's newest stories (analysed now when not cached), so the page stays cheap
        // however many stories the store holds.
        var reports = articles.Select(a => snapshot.StoryOfArticle.GetValueOrDefault(a.Id)).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(id => snapshot.StoryById[id])
            .OrderByDescending(s => snapshot.BaseSummary(s).Newest ?? "", StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(OutletStories).Select(snapshot.Report).ToList();
        var labels = reports.SelectMany(s => s.Entities.Select(e => (Story: s, Entity: e)))
            .SelectMany(x => x.Entity.LabelsByOutlet.Where(o => o.Outlet == outlet && !o.Labels.IsEmpty).Select(o => (x.Story, x.Entity, o.Labels)))
            .ToList();
        sb.Append("<section id=\"outlet-labels\"><h2>Labels it uses</h2>");
        if (labels.Count == 0)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<table><thead><tr><th>Entity</th><th>Labels</th><th>Story</th></tr></thead><tbody>");
            foreach (var (story, entity, list) in labels)
            {
                sb.Append("<tr><td>").Append(E(entity.Name)).Append("</td><td>").Append(string.Join(", ", list.Select(l => $"{E(l.Label)} ×{l.Count}")))
                  .Append("</td><td>").Append(StoryLink(story)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section>");

        var ids = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var framing = reports.SelectMany(s => s.Framing).Where(f => ids.Contains(f.ArticleId)).ToList();
        sb.Append("<section id=\"outlet-slant\"><h2>Slant record</h2>");
        if (framing.Count == 0)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<p>Mean score ").Append(Num(framing.Average(f => f.Score))).Append(" over ").Append(framing.Count).Append(" articles.</p><table><thead><tr><th>Article</th><th>Score</th><th>Strongest components</th></tr></thead><tbody>");
            foreach (var f in framing)
            {
                var a = snapshot.ArticleById[f.ArticleId];
                sb.Append("<tr><td><a href=\"/articles/").Append(Seg(a.Id)).Append("\">").Append(E(a.Metadata.Title ?? a.Id)).Append("</a></td><td>").Append(Num(f.Score)).Append("</td><td>")
                  .Append(E(string.Join(", ", f.Components.OrderByDescending(c => Math.Abs(c.Value * c.Weight)).Take(3).Select(c => $"{c.Name} {Num(c.Value * c.Weight)}"))))
                  .Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section>");
        return Layout(outlet, sb.ToString(), "outlet-page");
    }

    /// <summary>One article: metadata, origin, the items of its story that point into it, the cleaned text with those
    /// spans, what cleaning removed and the embeds set aside.</summary>
    public static string Article(StorySnapshot snapshot, Article a)
    {
        var m = a.Metadata;
        StoryReport? story = snapshot.StoryOfArticle.TryGetValue(a.Id, out var sid) ? snapshot.Report(sid) : null;
        var sb = new StringBuilder("<article class=\"article\" data-article=\"").Append(E(a.Id)).Append("\"><h1>").Append(E(m.Title ?? "(untitled)")).Append("</h1>");
        sb.Append("<dl class=\"meta\"><dt>Outlet</dt><dd>").Append(OutletLink(m.Outlet)).Append(" <small>(").Append(E(m.OutletSource)).Append(")</small></dd>")
          .Append("<dt>Published</dt><dd>").Append(E(m.Published?.ToIso() ?? "undated")).Append(m.Published is { } p ? $" <small>({E(p.Source)})</small>" : "").Append("</dd>")
          .Append("<dt>Authors</dt><dd>").Append(m.Authors.IsDefaultOrEmpty ? "unknown" : E(string.Join(", ", m.Authors))).Append("</dd>")
          .Append("<dt>URL</dt><dd>").Append((m.CanonicalUrl ?? m.Url) is { } url ? ExternalLink(url) : "none").Append("</dd>")
          .Append("<dt>Input</dt><dd><code>").Append(E(a.Origin)).Append("</code></dd>")
          .Append("<dt>Story</dt><dd>").Append(story is null ? "none" : StoryLink(story)).Append("</dd></dl>");

        var origin = story?.Origins.FirstOrDefault(o => o.ArticleId == a.Id);
        sb.Append("<section id=\"origin\"><h2>Origin</h2>");
        if (origin is null)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<p><span class=\"kind\">").Append(E(origin.Kind)).Append("</span>");
            if (origin.OriginId is { } oid)
            {
                sb.Append(" of ").Append(ArticleLink(snapshot.ArticleById.GetValueOrDefault(oid), oid));
            }

            if (origin.Wire is { } wire)
            {
                sb.Append(" of wire ").Append(E(wire));
            }

            sb.Append(" — ").Append(E(origin.Reason)).Append("</p>");
            var own = origin.Added.Concat(origin.Passages.Select(x => x.Article)).Concat(origin.Credits.Select(c => c.Evidence).OfType<EvidenceSpan>()).ToList();
            if (own.Count > 0)
            {
                sb.Append("<p>").Append(EvButton("shared passages and additions", own)).Append("</p>");
            }
        }

        sb.Append("</section>");

        // Items of the story that point into this article.
        var items = new List<string>();
        if (story is not null)
        {
            foreach (var f in story.Facts)
            {
                var ev = f.States.Concat(f.Contradicts).Where(e => e.ArticleId == a.Id).ToList();
                if (ev.Count > 0)
                {
                    items.Add("fact: " + EvButton(E(f.Text), ev, "ev fact"));
                }
            }

            foreach (var q in story.Quotes)
            {
                var ev = q.Occurrences.Where(e => e.ArticleId == a.Id).ToList();
                if (ev.Count > 0)
                {
                    items.Add("quote (" + E(q.Speaker ?? "unknown") + "): " + EvButton(E(q.Text), ev));
                }
            }

            foreach (var e in story.Entities)
            {
                foreach (var l in e.LabelsByOutlet.Where(o => o.Outlet == m.Outlet).SelectMany(o => o.Labels))
                {
                    var ev = l.Evidence.Where(x => x.ArticleId == a.Id).ToList();
                    if (ev.Count > 0)
                    {
                        items.Add("label of " + E(e.Name) + ": " + EvButton(E(l.Label), ev, "ev label"));
                    }
                }
            }

            foreach (var c in story.Framing.Where(f => f.ArticleId == a.Id).SelectMany(f => f.Components))
            {
                if (!c.Evidence.IsEmpty)
                {
                    items.Add("slant: " + EvButton($"{E(c.Name)} {Num(c.Value)}×{Num(c.Weight)}", c.Evidence, "ev component"));
                }
            }
        }

        sb.Append("<div class=\"layout\"><div class=\"sections\"><section id=\"evidence\"><h2>What the story analysis found here</h2>");
        sb.Append(items.Count == 0 ? None : "<ul>" + string.Concat(items.Select(i => "<li>" + i + "</li>")) + "</ul>");
        sb.Append("</section>");

        sb.Append("<section id=\"removed\"><h2>What cleaning removed</h2>");
        if (a.Removals.IsEmpty)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<table><thead><tr><th>Kind</th><th>Rule</th><th>Text</th></tr></thead><tbody>");
            foreach (var r in a.Removals.OrderBy(r => r.RawSpan.Start))
            {
                sb.Append("<tr><td>").Append(E(r.Kind.ToString())).Append("</td><td>").Append(E(r.Rule)).Append("</td><td><pre class=\"removed\">")
                  .Append(E(r.Text.Length > 400 ? r.Text[..400] + "…" : r.Text)).Append("</pre></td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section><section id=\"embeds\"><h2>Embeds</h2>");
        if (a.Embeds.IsEmpty)
        {
            sb.Append(None);
        }
        else
        {
            sb.Append("<ul>");
            foreach (var e in a.Embeds)
            {
                sb.Append("<li><span class=\"kind\">").Append(E(e.Kind.ToString())).Append("</span> ").Append(E(e.Platform ?? "")).Append(' ')
                  .Append(E(e.Author ?? "")).Append(' ').Append(E(e.Handle ?? "")).Append(' ').Append(E(e.DateText ?? e.Date ?? ""))
                  .Append("<blockquote>").Append(E(e.Text)).Append("</blockquote>").Append(ExternalLink(e.Url)).Append("</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</section></div><aside class=\"texts\"><h2>Cleaned text</h2>").Append(Text(a, SpansIn(story, a.Id))).Append("</aside></div></article>");
        return Layout(m.Title ?? a.Id, sb.ToString(), "article-page");
    }

    public static string Feeds(IReadOnlyList<FeedHealth> feeds)
    {
        var sb = new StringBuilder("<h1>Feeds</h1>");
        if (feeds.Count == 0)
        {
            sb.Append("<p class=\"none\">none found (start with <code>parallax serve --watch FEEDS</code>)</p>");
        }
        else
        {
            sb.Append("<table class=\"feeds\"><thead><tr><th>Feed</th><th>State</th><th>Last poll</th><th>Last success</th><th>Next poll</th><th>Failures</th><th>Stored</th><th>Last problem</th></tr></thead><tbody>");
            foreach (var f in feeds)
            {
                sb.Append("<tr><td>").Append(E(f.Url)).Append("</td><td class=\"state-").Append(E(f.State)).Append("\">").Append(E(f.State)).Append("</td><td>")
                  .Append(E(f.LastPoll?.ToString("u") ?? "never")).Append("</td><td>").Append(E(f.LastSuccess?.ToString("u") ?? "never")).Append("</td><td>")
                  .Append(E(f.NextPoll.ToString("u"))).Append("</td><td>").Append(f.ConsecutiveFailures).Append("</td><td>").Append(f.ArticlesStored)
                  .Append("</td><td>").Append(E(f.LastError ?? "")).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        return Layout("Feeds", sb.ToString());
    }

    public static string ApiIndex() => Layout("API", """
        <h1>API</h1>
        <p>JSON over HTTP; the OpenAPI document is at <a href="/openapi.json">/openapi.json</a>. Documented in <code>docs/api.md</code>.</p>
        <ul>
        <li><a href="/api/stories">GET /api/stories</a> · GET /api/stories/{id} · GET /api/stories/{id}/export?format=json|jsonl|csv|md|html</li>
        <li><a href="/api/articles">GET /api/articles</a> · GET /api/articles/{id} · POST /api/articles (bearer token)</li>
        <li>GET /api/search?q= · <a href="/api/feeds">GET /api/feeds</a> · <a href="/api/status">GET /api/status</a></li>
        </ul>
        """);

    public static string NotFound(string what) => Layout("Not found", $"<h1>Not found</h1><p>{E(what)}</p>");
}
