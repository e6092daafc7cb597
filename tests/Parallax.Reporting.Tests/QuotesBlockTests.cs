using Parallax.Core.Reporting;

namespace Parallax.Reporting.Tests;

/// <summary>The Quotes block of the Markdown and HTML writers: variants with their kinds, changed words and embeds, escaped.</summary>
public sealed class QuotesBlockTests
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private static Report WithQuote()
    {
        var article = Articles.Make("Mayor Ada Roe said the bridge opens in June " + Hostile, "Outlet", "Title", new DateOnly(2026, 3, 12));
        var report = new ReportBuilder("t").Build([article]);
        var ev = new EvidenceSpan(article.Id, 0, 8, article.Text[..8]);
        var quote = new QuoteReport("q1", "Ada Roe " + Hostile, "the bridge opens in June " + Hostile, [ev])
        {
            FirstOutlet = "Outlet",
            FirstDate = "2026-03-12",
            Variants =
            [
                new QuoteVariantReport(article.Id, "Outlet", "changed", [ev]) { Quoted = true, Changes = [new WordChangeReport("June", "July " + Hostile)], Note = "note " + Hostile },
                new QuoteVariantReport(article.Id, "Outlet", "exact", []) { Quoted = true, Embed = new EmbedQuoteReport(0, 4, "post " + Hostile, "Ada Roe", "@adaroe", null) },
            ],
        };
        return report with { Stories = [report.Stories[0] with { Quotes = [quote] }] };
    }

    [Fact]
    public void Markdown_ShowsFirstOutletKindsAndChangedWords()
    {
        var md = MarkdownReportWriter.Write(WithQuote());
        Assert.Contains("Outlet (2026-03-12)", md, StringComparison.Ordinal);
        Assert.Contains("Outlet changed: “June” → “July", md, StringComparison.Ordinal);
        Assert.Contains("exact embedded post", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShowsVariantsEscaped()
    {
        var html = HtmlReportWriter.Write(WithQuote());
        Assert.Contains("<code>changed</code>", html, StringComparison.Ordinal);
        Assert.Contains("“June” → “July &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("embedded post by Ada Roe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }
}
