using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Parallax.Testing;

namespace Parallax.Reporting.Tests;

/// <summary>
/// Keeps samples/ honest: every file is described in samples/README.md, each format is well-formed, the planted
/// features the README promises are really in the files, and nothing is copied from the seed articles.
/// </summary>
public sealed partial class SamplesTests
{
    private static string Dir => Path.Combine(RepoPaths.Samples, "port-velin");

    private static string Read(string name) => File.ReadAllText(Path.Combine(Dir, name));

    [Fact]
    public void Samples_EveryFileIsDescribedInTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Samples, "README.md"));
        var files = Directory.GetFiles(Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["coastline-business-review.jsonl", "harbour-ledger.xml", "meridian-wire.txt", "patriot-beacon.txt", "valdoria-daily-post.html"], files);
        Assert.All(files, f => Assert.Contains($"`port-velin/{f}", readme));
    }

    [Fact]
    public void Samples_ShareNoFiveWordRunWithTheSeeds()
    {
        var seeds = Directory.GetFiles(RepoPaths.Seeds).Select(File.ReadAllText).ToList();
        Assert.NotEmpty(seeds);
        var seedRuns = seeds.SelectMany(s => Runs(s, 5)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories))
        {
            var copied = Runs(File.ReadAllText(file), 5).Where(seedRuns.Contains).ToList();
            Assert.True(copied.Count == 0, $"{file} repeats seed wording: {string.Join(" | ", copied.Take(5))}");
        }
    }

    [Fact]
    public void WireText_HasTheHeaderLines()
    {
        var lines = Read("meridian-wire.txt").Split('\n');
        Assert.Equal("date 2026-03-12", lines[0]);
        Assert.StartsWith("title: Port Velin dockworkers strike", lines[1]);
        Assert.Equal("outlet: Meridian Wire", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal([".png)", ".png)", ""], lines[^3..]);
    }

    [Fact]
    public void Feed_IsRss2WithASourceElement()
    {
        var rss = XDocument.Parse(Read("harbour-ledger.xml"));
        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        var item = Assert.Single(rss.Descendants("item"));
        var source = item.Element("source")!;
        Assert.Equal("Meridian Wire", source.Value);
        Assert.StartsWith("https://", source.Attribute("url")!.Value);
        XNamespace content = "http://purl.org/rss/1.0/modules/content/";
        Assert.Contains("This story was first published by Meridian Wire.", item.Element(content + "encoded")!.Value);
    }

    [Fact]
    public void Jsonl_HoldsTwoArticlesWithTheReaderFields()
    {
        var lines = Read("coastline-business-review.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(["id", "url", "outlet", "title", "published", "authors", "text"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Html_HasJsonLdAndThePageFurniture()
    {
        var html = Read("valdoria-daily-post.html");
        var jsonLd = JsonLdPattern().Match(html);
        Assert.True(jsonLd.Success);
        using var doc = JsonDocument.Parse(jsonLd.Groups[1].Value);
        Assert.Equal("NewsArticle", doc.RootElement.GetProperty("@type").GetString());
        Assert.Equal("2026-03-13T08:15:00+01:00", doc.RootElement.GetProperty("datePublished").GetString());
        foreach (var part in new[] { "<nav class=\"main-nav\">", "class=\"breadcrumb\"", "class=\"share-bar\"", "<aside class=\"related\">", "<figcaption>", "newsletter-box", "<footer>" })
        {
            Assert.Contains(part, html);
        }
    }

    [Theory]
    [InlineData("meridian-wire.txt", "42 cargo ships")]
    [InlineData("meridian-wire.txt", "3,800 of its members")]
    [InlineData("meridian-wire.txt", "\"This strike is unlawful, it is reckless, and it is holding the whole country's trade hostage. The courts will decide, not the union,\"")]
    [InlineData("meridian-wire.txt", "Corvane has made no request to the ministry of any kind")]
    [InlineData("meridian-wire.txt", "collapsed last month")]
    [InlineData("harbour-ledger.xml", "42 cargo ships")]
    [InlineData("harbour-ledger.xml", "The Velin Dockworkers' Union said 3,800 of its members had joined the stoppage, which it described as open-ended.")]
    [InlineData("patriot-beacon.txt", "\"This strike is unlawful ... and it is holding the whole country's trade hostage,\"")]
    [InlineData("patriot-beacon.txt", "radical agitator Ilse Varga")]
    [InlineData("patriot-beacon.txt", "the firebrand")]
    [InlineData("patriot-beacon.txt", "Share this article and sign up for The Beacon Briefing")]
    [InlineData("patriot-beacon.txt", "Hospital Waiting Lists Fall for the First Time in Five Years")]
    [InlineData("valdoria-daily-post.html", "More than 60 vessels")]
    [InlineData("valdoria-daily-post.html", "fewer than 2,000")]
    [InlineData("valdoria-daily-post.html", "\"holding the whole country's trade hostage\"")]
    [InlineData("coastline-business-review.jsonl", "About 35 container ships")]
    [InlineData("coastline-business-review.jsonl", "\\u2014 Ilse Varga (@IlseVargaVDU) March 12, 2026")]
    [InlineData("coastline-business-review.jsonl", "Read: Corvane Lines Reports Record Quarter")]
    [InlineData("coastline-business-review.jsonl", "does not constitute investment advice")]
    [InlineData("coastline-business-review.jsonl", "on Wednesday night")]
    public void Samples_ContainThePlantedFeatures(string file, string planted)
    {
        var text = Read(file);
        if (file.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            // Compare against the decoded text fields, so the README's wording (with a real dash) is what is checked.
            text = string.Join("\n", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()));
            planted = Regex.Unescape(planted);
        }

        Assert.Contains(planted, text);
    }

    [Fact]
    public void BeaconText_IsUndated()
    {
        var text = Read("patriot-beacon.txt");
        Assert.DoesNotMatch(@"\b20\d\d\b", text);
        Assert.DoesNotContain("date ", text.Split('\n')[0]);
    }

    private static IEnumerable<string> Runs(string text, int n)
    {
        var words = WordPattern().Matches(text.ToLowerInvariant().Replace('\u2019', '\'')).Select(m => m.Value).ToArray();
        for (var i = 0; i + n <= words.Length; i++)
        {
            yield return string.Join(' ', words, i, n);
        }
    }

    [GeneratedRegex(@"<script type=""application/ld\+json"">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();

    [GeneratedRegex(@"[a-z0-9']+")]
    private static partial Regex WordPattern();
}
