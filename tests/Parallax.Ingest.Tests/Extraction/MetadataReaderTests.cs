using AngleSharp.Html.Parser;
using Parallax.Core;
using Parallax.Ingest.Extraction;

namespace Parallax.Ingest.Tests.Extraction;

public sealed class MetadataReaderTests
{
    private static ArticleMetadata Read(string head, string body = "", string? url = null)
    {
        using var doc = new HtmlParser().ParseDocument($"<html><head>{head}</head><body>{body}</body></html>");
        return MetadataReader.Read(doc, url, []);
    }

    [Theory]
    [InlineData("By Jane Roe", new[] { "Jane Roe" })]
    [InlineData("Jane Roe and John Doe", new[] { "Jane Roe", "John Doe" })]
    [InlineData("Jane Roe, Staff Writer", new[] { "Jane Roe" })]
    [InlineData("Email The Author", new string[0])]
    [InlineData("Staff", new string[0])]
    [InlineData("By", new string[0])]
    [InlineData("@janeroe", new string[0])]
    [InlineData("https://social.example/janeroe", new string[0])]
    [InlineData("Written by Ana María Quintero | Follow on Twitter", new[] { "Ana María Quintero" })]
    [InlineData("jane roe", new string[0])]
    [InlineData("Updated 5 minutes ago", new string[0])]
    [InlineData("Nadia Sole, RDN", new[] { "Nadia Sole" })]
    [InlineData("Harbourtown.com", new string[0])]
    public void MetadataReader_CleanAuthors_FiltersJunk(string raw, string[] expected)
    {
        Assert.Equal(expected, MetadataReader.CleanAuthors(raw));
    }

    [Fact]
    public void MetadataReader_Authors_JsonLdBeforeMeta()
    {
        var m = Read("""
            <meta name="author" content="Meta Person">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","author":{"@type":"Person","name":"Lena Haldor"}}]}</script>
            """);
        Assert.Equal(["Lena Haldor"], m.Authors);
    }

    [Fact]
    public void MetadataReader_Authors_FromRelAuthorWhenNoMeta()
    {
        var m = Read("", """<p class="byline">By <a rel="author" href="/p/1">Oskar Brandvik</a></p>""");
        Assert.Equal(["Oskar Brandvik"], m.Authors);
    }

    [Fact]
    public void MetadataReader_MalformedJsonLd_IsAWarningNotAnException()
    {
        using var doc = new HtmlParser().ParseDocument("""<html><head><script type="application/ld+json">{"@type": "NewsArticle", </script></head><body></body></html>""");
        var diagnostics = new List<Diagnostic>();
        var m = MetadataReader.Read(doc, null, diagnostics);
        Assert.Empty(m.Authors);
        Assert.Contains(diagnostics, d => d.Code == ExtractionCodes.MetadataUnreadable && d.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("""<meta property="article:published_time" content="2030-05-06T07:08:09Z">""", "", null, "2030-05-06T07:08:09+00:00", "meta:article:published_time")]
    [InlineData("""<script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2030-05-06"}</script>""", "", null, "2030-05-06", "json-ld")]
    [InlineData("""<meta name="pubdate" content="20300506">""", "", null, null, null)]
    [InlineData("", """<time datetime="2030-05-06T10:00:00-04:00">May 6</time>""", null, "2030-05-06T10:00:00-04:00", "time")]
    [InlineData("", "", "https://paper.example/2030/05/06/story-slug", "2030-05-06", "url")]
    [InlineData("", """<div class="byline">By Jo Rain, May 6, 2030</div>""", null, "2030-05-06", "byline")]
    public void MetadataReader_Date_FromEachSource(string head, string body, string? url, string? iso, string? source)
    {
        var m = Read(head, body, url);
        Assert.Equal(iso, m.Published?.ToIso());
        Assert.Equal(source, m.Published?.Source);
    }

    [Theory]
    [InlineData("2030-02-30", null)]
    [InlineData("not a date", null)]
    [InlineData("6 May 2030", "2030-05-06")]
    [InlineData("Sept. 9, 2030", "2030-09-09")]
    [InlineData("Tue, 07 May 2030 10:00:00 GMT", "2030-05-07T10:00:00+00:00")]
    public void MetadataReader_ParseDate_HandlesWrittenForms(string text, string? iso)
    {
        Assert.Equal(iso, MetadataReader.ParseDate(text, "test")?.ToIso());
    }

    [Fact]
    public void MetadataReader_LanguageSiteCanonicalDescription()
    {
        using var doc = new HtmlParser().ParseDocument("""
            <html lang="pt-BR"><head>
            <meta property="og:site_name" content="Diário do Cais">
            <meta name="description" content="Uma descrição &amp; mais.">
            <link rel="canonical" href="https://cais.example/a">
            </head><body></body></html>
            """);
        var m = MetadataReader.Read(doc, null, []);
        Assert.Equal("pt-BR", m.Language);
        Assert.Equal("Diário do Cais", m.SiteName);
        Assert.Equal("https://cais.example/a", m.CanonicalUrl);
        Assert.Equal("Uma descrição & mais.", m.Description);
    }
}
