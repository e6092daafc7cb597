using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Reporting.Tests;

public sealed partial class HtmlReportWriterTests
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">go</a>\"'><svg/onload=alert(3)>";

    private static string HostileHtml()
    {
        var article = Articles.Make(
            "Body " + Hostile + "\n.png)\n<iframe src=//evil>\n",
            outlet: "Outlet " + Hostile,
            title: "Title " + Hostile,
            date: new DateOnly(2026, 3, 12),
            url: "javascript:alert(4)",
            (".png)\n", RemovalKind.ImageDebris),
            ("<iframe src=//evil>\n", RemovalKind.Embed));
        var report = new ReportBuilder("gen " + Hostile).Build([article], [Diagnostic.Warning("PX0301", "msg " + Hostile, "subj " + Hostile)]);
        var ev = new EvidenceSpan(article.Id, 0, 4, Hostile);
        report = report with
        {
            Stories =
            [
                report.Stories[0] with
                {
                    Title = "Story " + Hostile,
                    Quotes = [new QuoteReport("q1", Hostile, Hostile, [ev])],
                    Facts = [new FactReport("f1", Hostile, [ev], [Hostile], [ev])],
                    Entities = [new EntityReport("e1", Hostile, Hostile, [Hostile], [new OutletLabels(Hostile, [new LabelCount(Hostile, 1, [ev])])])],
                    Summary = [new SummarySentence(Hostile, [], [Hostile], [ev])],
                },
            ],
        };
        return HtmlReportWriter.Write(report);
    }

    [Fact]
    public void Write_HostileText_ProducesOnlyTheWritersOwnTags()
    {
        var html = HostileHtml();
        var allowed = new HashSet<string> { "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "main", "section", "article", "h1", "h2", "h3", "h4", "p", "br", "code", "span", "a", "div", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "blockquote" };
        foreach (Match tag in TagPattern().Matches(html))
        {
            var name = tag.Groups[1].Value.TrimStart('/');
            Assert.Contains(name, allowed);
            Assert.DoesNotMatch(EventHandlerPattern(), tag.Value);
            Assert.DoesNotContain("javascript:", tag.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=", tag.Value, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
    }

    [Fact]
    public void Write_NonHttpUrl_IsShownAsTextNotLinked()
    {
        var html = HostileHtml();
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<span>javascript:alert(4)</span>", html);
    }

    [Fact]
    public void Write_HttpUrl_IsLinkedWithEncodedAttribute()
    {
        var article = Articles.Make("Text.", "O", "T", url: "https://ledger.example/a?x=1&y=\"2\"");
        var html = HtmlReportWriter.Write(new ReportBuilder("t").Build([article]));
        Assert.Contains("href=\"https://ledger.example/a?x=1&amp;y=%222%22\"", html);
    }

    [Fact]
    public void Write_HasStrictCspAndNoExternalResources()
    {
        var html = HtmlReportWriter.Write(new ReportBuilder("t").Build(Articles.Story()));
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("@import", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("@media print", html);
    }

    [Fact]
    public void Write_ShowsEveryArticleTextAndRemoval()
    {
        var articles = Articles.Story();
        var html = HtmlReportWriter.Write(new ReportBuilder("t").Build(articles));
        foreach (var a in articles)
        {
            Assert.Contains(TextEscaping.Html(a.Text), html);
            foreach (var r in a.Removals)
            {
                Assert.Contains(TextEscaping.Html(r.Text), html);
            }
        }

        Assert.Contains("story analysis not yet available", html);
    }

    [Fact]
    public void Write_IsDeterministic()
    {
        Assert.Equal(HtmlReportWriter.Write(new ReportBuilder("t").Build(Articles.Story())), HtmlReportWriter.Write(new ReportBuilder("t").Build(Articles.Story().Reverse())));
    }

    [GeneratedRegex("<(/?[!A-Za-z][A-Za-z0-9]*)[^>]*>")]
    private static partial Regex TagPatternRaw();

    private static Regex TagPattern() => TagPatternRaw();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerPattern();
}
