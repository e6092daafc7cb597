using Parallax.Core;
using Parallax.Ingest.Extraction;
using Parallax.Testing;

namespace Parallax.Ingest.Tests.Extraction;

public sealed class HtmlExtractorTests
{
    private static readonly HtmlExtractor _extractor = new();

    internal static string Fixture(string name) =>
        File.ReadAllText(RepoPaths.InRepo("tests", "Parallax.Ingest.Tests", "Extraction", "Fixtures", name));

    private static ExtractedPage ExtractArticle()
    {
        var result = _extractor.Extract(Fixture("harbour-bridge.html"), "https://courier.example/news/2031/03/04/harbour-bridge-reopens");
        Assert.True(result.IsSuccess, result.Rejection?.ToString());
        return result.Page!;
    }

    [Fact]
    public void HtmlExtractor_KeepsHeadlineParagraphsSubheadsAndListItems()
    {
        var lines = ExtractArticle().Text.Split('\n');
        Assert.Equal("Harbour bridge reopens after storm repairs", lines[0]);
        Assert.Contains("Ferry service to end", lines);
        Assert.Contains("The bridge opens for boats every hour.", lines);
        Assert.Contains("Cyclists must dismount on the lifting span.", lines);
        Assert.StartsWith("The Lowmoor harbour bridge carried traffic again", lines[1]);
        Assert.Equal("The council will publish the final cost of the repairs at its meeting next month.", lines[^1]);
        Assert.Contains(lines, l => l.Contains("every hour & on request", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Share on Facebook")]
    [InlineData("Advertisement")]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Related stories")]
    [InlineData("Storm closes harbour bridge")]
    [InlineData("took them long enough")]
    [InlineData("All rights reserved")]
    [InlineData("We use cookies")]
    [InlineData("Photo: Lowmoor Courier")]
    [InlineData("By Mira Okonkwo")]
    [InlineData("Sport")]
    public void HtmlExtractor_DropsPageChrome(string chrome)
    {
        Assert.DoesNotContain(chrome, ExtractArticle().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlExtractor_TextHasOneBlockPerLineAndNoEmptyLine()
    {
        var text = ExtractArticle().Text;
        Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.Equal(line.Trim(), line));
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlExtractor_HtmlMapSegmentsAreVerbatimAndOrdered()
    {
        var html = Fixture("harbour-bridge.html");
        var page = _extractor.Extract(html, null).Page!;
        var map = page.HtmlMap!;
        Assert.Equal(page.Text.Length, map.CleanLength);
        Assert.Equal(html.Length, map.RawLength);
        Assert.NotEmpty(map.Segments);
        foreach (var s in map.Segments)
        {
            Assert.Equal(html.Substring(s.RawStart, s.Length), page.Text.Substring(s.CleanStart, s.Length));
        }

        // Most of the text is copied verbatim: only separators, collapsed spaces and entities are inserted.
        var copied = map.Segments.Sum(s => s.Length);
        var marked = page.Text.ToCharArray();
        for (var i = 0; i < marked.Length; i++)
        {
            if (map.ToClean(map.ToRaw(i)) != i)
            {
                marked[i] = '#';
            }
        }

        Assert.True(copied > page.Text.Length * 0.95, $"{copied} of {page.Text.Length} characters mapped: {new string(marked)}");

        // A decoded entity is an inserted character: it maps to where the entity starts (just after the previous
        // verbatim character), and the space after it is verbatim again.
        var amp = page.Text.IndexOf(" & on request", StringComparison.Ordinal) + 1;
        var rawAmp = html.IndexOf("&amp; on request", StringComparison.Ordinal);
        Assert.Equal(rawAmp, map.ToRaw(amp));
        Assert.Null(map.ToClean(rawAmp));
        Assert.Equal(amp + 1, map.ToClean(rawAmp + 5));
    }

    [Fact]
    public void HtmlExtractor_IsDeterministic()
    {
        var html = Fixture("harbour-bridge.html");
        var a = _extractor.Extract(html, null).Page!;
        var b = new HtmlExtractor().Extract(html, null).Page!;
        Assert.Equal(a.Text, b.Text);
        Assert.Equal(a.HtmlMap!.Segments, b.HtmlMap!.Segments);
        Assert.Equal(a.Method, b.Method);
    }

    [Fact]
    public void HtmlExtractor_FillsMetadata()
    {
        var m = ExtractArticle().Metadata;
        Assert.Equal("Harbour bridge reopens after storm repairs", m.Title);
        Assert.Equal("The Lowmoor Courier", m.SiteName);
        Assert.Equal(["Mira Okonkwo", "Tomas Ferreira-Lind"], m.Authors);
        Assert.Equal(new DateOnly(2031, 3, 4), m.Published!.Date);
        Assert.Equal(new TimeOnly(9, 15), m.Published.Time);
        Assert.Equal(TimeSpan.FromHours(1), m.Published.Offset);
        Assert.Equal("meta:article:published_time", m.Published.Source);
        Assert.Equal("en-GB", m.Language);
        Assert.Equal("https://courier.example/news/2031/03/04/harbour-bridge-reopens", m.CanonicalUrl);
        Assert.StartsWith("The Lowmoor harbour bridge carried traffic", m.Description);
    }

    [Fact]
    public void HtmlExtractor_BodyOfDropsTheHeadlineLine()
    {
        var page = ExtractArticle();
        var body = HtmlExtractor.BodyOf(page);
        Assert.Equal(page.Text[(page.Metadata.Title!.Length + 1)..], body);
        Assert.StartsWith("The Lowmoor harbour bridge", body);
    }

    [Fact]
    public void HtmlExtractor_RejectsTeaserListingAsNotAnArticle()
    {
        var result = _extractor.Extract(Fixture("section-index.html"), null);
        Assert.False(result.IsSuccess);
        Assert.Equal(ExtractionCodes.NotAnArticle, result.Rejection!.Code);
        Assert.Equal(Severity.Error, result.Rejection.Severity);
    }

    [Theory]
    [InlineData("", ExtractionCodes.Empty)]
    [InlineData("   \n\t ", ExtractionCodes.Empty)]
    [InlineData("<html><body></body></html>", ExtractionCodes.Empty)]
    [InlineData("<html><body><p>Too short to be an article.</p></body></html>", ExtractionCodes.NotAnArticle)]
    [InlineData("<html><body><nav><a href=/>Home</a><a href=/a>About</a></nav></body></html>", ExtractionCodes.Empty)]
    public void HtmlExtractor_RejectsEmptyAndTinyPages(string html, string code)
    {
        var result = _extractor.Extract(html, null);
        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Rejection!.Code);
    }

    [Fact]
    public void HtmlExtractor_RejectsBinaryInput()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        var result = _extractor.Extract(text, null);
        Assert.False(result.IsSuccess);
        Assert.Equal(ExtractionCodes.Unparsable, result.Rejection!.Code);
    }

    [Fact]
    public void HtmlExtractor_RejectsHugeInputWithoutParsing()
    {
        var html = new string('a', HtmlExtractor.MaxLength + 1);
        var result = _extractor.Extract(html, null);
        Assert.Equal(ExtractionCodes.TooLarge, result.Rejection!.Code);
    }

    [Fact]
    public void HtmlExtractor_SurvivesDeepNesting()
    {
        var depth = 20_000;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>deep</p>" + string.Concat(Enumerable.Repeat("</div>", depth));
        var result = _extractor.Extract(html, null);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void HtmlExtractor_ExtractsArticleWithoutAnyMarkupHints()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"<p>Paragraph {i} of a plain page tells how the lighthouse keeper, who kept a diary for forty years, counted ships, storms and visitors.</p>"));
        var html = $"<html><body><div><a href=/>Home</a> | <a href=/x>Archive</a></div><div>{paragraphs}</div></body></html>";
        var result = _extractor.Extract(html, null);
        Assert.True(result.IsSuccess, result.Rejection?.ToString());
        Assert.Equal(5, result.Page!.Text.Split('\n').Length);
        Assert.DoesNotContain("Archive", result.Page.Text, StringComparison.Ordinal);
    }
}
