using System.Globalization;
using System.Text;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Reporting;

namespace Parallax.Web.Pages;

/// <summary>
/// HTML building blocks shared by the pages. Every piece of text from an article, a feed or a request passes through
/// <see cref="E"/> (HTML-encoded for element content and double-quoted attributes); links to article URLs only when
/// they are absolute http(s). No inline script or style anywhere: behaviour lives in /static/app.js, which reads
/// <c>data-*</c> attributes.
/// </summary>
internal static class Html
{
    public static string E(string? text) => TextEscaping.Html(text);

    /// <summary>A path segment, percent-encoded, then HTML-encoded.</summary>
    public static string Seg(string value) => E(Uri.EscapeDataString(value));

    public static string Layout(string title, string body, string? bodyClass = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<meta name=\"referrer\" content=\"no-referrer\">")
          .Append("<title>").Append(E(title)).Append(" · Parallax</title>")
          .Append("<link rel=\"stylesheet\" href=\"/static/app.css\">")
          .Append("<script src=\"/static/app.js\" defer></script></head>\n<body")
          .Append(bodyClass is null ? "" : $" class=\"{E(bodyClass)}\"").Append(">\n")
          .Append("<header class=\"top\"><a class=\"brand\" href=\"/\">Parallax</a><nav><a href=\"/\">Stories</a> <a href=\"/outlets\">Outlets</a> <a href=\"/feeds\">Feeds</a> <a href=\"/api\">API</a></nav>")
          .Append("<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" placeholder=\"Search articles and stories\" aria-label=\"Search\"><button type=\"submit\">Search</button></form></header>\n")
          .Append("<main>").Append(body).Append("</main>\n</body></html>\n");
        return sb.ToString();
    }

    public static string None => "<p class=\"none\">none found</p>";

    /// <summary><c>data-ev</c> value: evidence spans as <c>articleId:start:end</c>, space-separated.</summary>
    public static string Ev(IEnumerable<EvidenceSpan> spans) =>
        E(string.Join(' ', spans.Where(s => s is not null).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.ArticleId}:{s.Start}:{s.End}"))));

    /// <summary>An element that highlights its evidence when clicked (a button for keyboard use).</summary>
    public static string EvButton(string innerHtml, IEnumerable<EvidenceSpan> spans, string cls = "ev")
    {
        var list = spans.Where(s => s is not null).ToList();
        return list.Count == 0
            ? $"<span class=\"{E(cls)} noev\">{innerHtml}</span>"
            : $"<button type=\"button\" class=\"{E(cls)}\" data-ev=\"{Ev(list)}\">{innerHtml}</button>";
    }

    public static string ArticleLink(Article? article, string fallbackId)
    {
        if (article is null)
        {
            return $"<code>{E(fallbackId)}</code>";
        }

        return $"<a href=\"/articles/{Seg(article.Id)}\">{E(article.Metadata.Outlet)}</a>";
    }

    public static string OutletLink(string outlet) => $"<a href=\"/outlets/{Seg(outlet)}\">{E(outlet)}</a>";

    public static string StoryLink(StoryReport story) => $"<a href=\"/stories/{Seg(story.Id)}\">{E(story.Title)}</a>";

    public static string StoryLink(StoryEntry story) => $"<a href=\"/stories/{Seg(story.Id)}\">{E(story.Title)}</a>";

    /// <summary>An external link only for absolute http(s) URLs; anything else is shown as text.</summary>
    public static string ExternalLink(string? url)
    {
        if (url is null)
        {
            return "";
        }

        return TextEscaping.SafeHref(url) is { } href
            ? $"<a href=\"{E(href)}\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">{E(url)}</a>"
            : $"<span class=\"url\">{E(url)}</span>";
    }

    public static string Num(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// The article's cleaned text as escaped segments cut at every evidence boundary, each
    /// <c>&lt;span data-s data-e&gt;</c> carrying its half-open UTF-16 range, so that any span can be highlighted
    /// by marking the segments it covers. Spans that do not fit the text are ignored.
    /// </summary>
    public static string Text(Article article, IEnumerable<(int Start, int End)> spans, string? heading = null)
    {
        var text = article.Text;
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var (s, e) in spans)
        {
            if (s >= 0 && e <= text.Length && s <= e)
            {
                cuts.Add(s);
                cuts.Add(e);
            }
        }

        var sb = new StringBuilder();
        sb.Append("<div class=\"text\" id=\"text-").Append(E(article.Id)).Append("\" data-article=\"").Append(E(article.Id)).Append("\">");
        if (heading is not null)
        {
            sb.Append(heading);
        }

        var previous = -1;
        foreach (var cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                sb.Append("<span data-s=\"").Append(previous.ToString(CultureInfo.InvariantCulture))
                  .Append("\" data-e=\"").Append(cut.ToString(CultureInfo.InvariantCulture)).Append("\">")
                  .Append(E(text[previous..cut])).Append("</span>");
            }

            previous = cut;
        }

        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>Every evidence span of a story (all sections), for cutting member texts.</summary>
    public static IEnumerable<EvidenceSpan> AllEvidence(StoryReport story)
    {
        foreach (var f in story.Facts)
        {
            foreach (var e in f.States.Concat(f.Contradicts))
            {
                yield return e;
            }
        }

        foreach (var c in story.Conflicts)
        {
            foreach (var e in c.SideA.Concat(c.SideB))
            {
                yield return e;
            }
        }

        foreach (var e in story.Quotes.SelectMany(q => q.Occurrences))
        {
            yield return e;
        }

        foreach (var e in story.Timeline.SelectMany(t => t.Evidence))
        {
            yield return e;
        }

        foreach (var e in story.Entities.SelectMany(x => x.LabelsByOutlet).SelectMany(o => o.Labels).SelectMany(l => l.Evidence))
        {
            yield return e;
        }

        foreach (var e in story.Framing.SelectMany(f => f.Components).SelectMany(c => c.Evidence))
        {
            yield return e;
        }

        foreach (var e in story.Summary.SelectMany(s => s.Evidence))
        {
            yield return e;
        }

        foreach (var o in story.Origins)
        {
            foreach (var e in o.Added.Concat(o.Cut).Concat(o.Passages.SelectMany(p => new[] { p.Article, p.Origin })))
            {
                yield return e;
            }

            foreach (var c in o.Credits)
            {
                if (c.Evidence is { } e)
                {
                    yield return e;
                }
            }
        }
    }

    /// <summary>The evidence spans of <paramref name="story"/> that point into <paramref name="articleId"/>.</summary>
    public static IEnumerable<(int, int)> SpansIn(StoryReport? story, string articleId) =>
        story is null ? [] : AllEvidence(story).Where(e => e is not null && e.ArticleId == articleId).Select(e => (e.Start, e.End));
}
