using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Core.Reporting;
using Parallax.Testing;

namespace Parallax.Reporting.Tests;

public sealed class JsonReportWriterTests
{
    private static Report Sample() => new ReportBuilder("parallax test").Build(Articles.Story());

    [Fact]
    public void Write_SameReportTwice_GivesIdenticalText()
    {
        Assert.Equal(JsonReportWriter.Write(Sample()), JsonReportWriter.Write(Sample()));
    }

    [Fact]
    public void Write_FollowsTheDocumentedContract()
    {
        using var doc = JsonDocument.Parse(JsonReportWriter.Write(Sample()));
        var root = doc.RootElement;
        Assert.Equal(["generator", "formatVersion", "articles", "stories", "diagnostics"], Keys(root));
        Assert.Equal("1", root.GetProperty("formatVersion").GetString());
        var article = root.GetProperty("articles")[0];
        Assert.Equal(
            ["id", "outlet", "outletSource", "title", "published", "publishedSource", "url", "authors", "language", "origin", "sourceId", "words", "text", "removed", "embeds", "diagnostics"],
            Keys(article));
        Assert.Equal(JsonValueKind.Null, article.GetProperty("url").ValueKind); // unknown values are present as null
        Assert.Equal(["kind", "rawStart", "rawEnd", "text", "rule"], Keys(article.GetProperty("removed")[0]));
        Assert.Equal("Navigation", article.GetProperty("removed")[0].GetProperty("kind").GetString());
        Assert.Equal(
            ["kind", "rawStart", "rawEnd", "text", "author", "handle", "date", "dateText", "url", "platform"],
            Keys(article.GetProperty("embeds")[0]));
        var story = root.GetProperty("stories")[0];
        Assert.Equal(["id", "title", "articleIds", "facts", "conflicts", "quotes", "timeline", "entities", "framing", "summary", "origins", "independentSources", "related", "inferredDates"], Keys(story));
    }

    [Fact]
    public void Write_IsIndentedWithLineFeedsAndEndsWithOne()
    {
        var json = JsonReportWriter.Write(Sample());
        Assert.DoesNotContain('\r', json);
        Assert.EndsWith("}\n", json);
        Assert.Contains("\n  \"articles\": [", json);
    }

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        var json = JsonReportWriter.Write(Sample());
        var back = JsonReportWriter.Read(json)!;
        Assert.Equal(json, JsonReportWriter.Write(back));
    }

    [Fact]
    public void Write_EscapesHtmlSensitiveCharactersButKeepsLetters()
    {
        var report = new ReportBuilder("t").Build([Articles.Make("Zoë said <b>no</b> & left.", "Ålesund Tidende", "Zoë's <script>")]);
        var json = JsonReportWriter.Write(report);
        Assert.Contains("Zoë", json);
        Assert.Contains("Ålesund Tidende", json);
        Assert.DoesNotContain("<script>", json);
        Assert.Equal("Zoë's <script>", JsonReportWriter.Read(json)!.Articles[0].Title);
    }

    [Fact]
    public void Write_FullStory_MatchesGolden()
    {
        // A story with every part filled in pins the contract's shape for later issues; review diffs of the golden.
        Assert.Null(Golden.Check("reporting/report-full.json", JsonReportWriter.Write(FullReport())));
    }

    [Fact]
    public void Markdown_FullStory_MatchesGolden()
    {
        Assert.Null(Golden.Check("reporting/report-full.md", MarkdownReportWriter.Write(FullReport())));
    }

    [Fact]
    public void Html_FullStory_MatchesGolden()
    {
        Assert.Null(Golden.Check("reporting/report-full.html", HtmlReportWriter.Write(FullReport())));
    }

    [Fact]
    public void Terminal_FullStory_MatchesGolden()
    {
        Assert.Null(Golden.Check("reporting/report-full.txt", TerminalSummaryWriter.Write(FullReport())));
    }

    internal static Report FullReport()
    {
        var report = Sample();
        var a = report.Articles;
        var ev = new EvidenceSpan(a[0].Id, 4, 9, a[0].Text[4..9]);
        return report with
        {
            Stories =
            [
                report.Stories[0] with
                {
                    Facts = [new FactReport("f1", "Dockworkers walked out", [ev], [a[2].Id], [])],
                    Conflicts = [new ConflictReport("c1", "number", "ships waiting", [ev], [ev])],
                    Quotes = [new QuoteReport("q1", "Oskar Tamm", "unlawful", [ev])],
                    Timeline = [new TimelineEntry("2026-03-12", "walkout", [ev])],
                    Entities = [new EntityReport("e1", "Oskar Tamm", "Person", ["Tamm"], [new OutletLabels("Meridian Post", [new LabelCount("Minister", 1, [ev])])])],
                    Framing = [new FramingReport(a[0].Id, 0.25, [new FramingComponent("loaded", 0.5, 0.5, [ev])])],
                    Summary = [new SummarySentence("Dockworkers walked out.", ["f1"], ["Harbour Ledger"], [ev])],
                },
            ],
            Diagnostics = [new DiagnosticReport("PX0101", "Error", "PX0101: cannot read input", "missing.txt")],
        };
    }

    private static string[] Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];
}
