using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Reporting.Tests;

public sealed class ReportBuilderTests
{
    private static readonly ReportBuilder _builder = new("parallax test");

    [Fact]
    public void Build_OrdersArticlesByDateThenOutletWithUndatedLast()
    {
        var report = _builder.Build(Articles.Story());
        Assert.Equal(["Coastline Wire", "Harbour Ledger", "Meridian Post"], report.Articles.Select(a => a.Outlet));
        Assert.Equal(["2026-03-11", "2026-03-12", null], report.Articles.Select(a => a.Published));
    }

    [Fact]
    public void Build_DefaultGrouping_IsOneProvisionalStoryTitledWithTheCentralHeadline()
    {
        var report = _builder.Build(Articles.Story());
        var story = Assert.Single(report.Stories);
        Assert.Equal(report.Articles.Select(a => a.Id), story.ArticleIds);
        // "Velin" and "walkout"/"port" are shared: the Coastline headline shares most words with the other two.
        Assert.Equal("Velin port strike strands ships", story.Title);
        Assert.StartsWith("story-", story.Id);
        Assert.Empty(story.Facts);
        Assert.Empty(story.Conflicts);
        Assert.Empty(story.Quotes);
        Assert.Empty(story.Timeline);
        Assert.Empty(story.Entities);
        Assert.Empty(story.Framing);
        Assert.Empty(story.Summary);
    }

    [Fact]
    public void Build_NoArticles_GivesNoStories()
    {
        var report = _builder.Build([]);
        Assert.Empty(report.Articles);
        Assert.Empty(report.Stories);
    }

    [Fact]
    public void Build_InputOrder_DoesNotChangeTheReport()
    {
        var articles = Articles.Story();
        var a = JsonReportWriter.Write(_builder.Build(articles));
        var b = JsonReportWriter.Write(_builder.Build(articles.Reverse()));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Build_CallerGrouping_IsUsedAndUnknownIdsDropped()
    {
        var articles = Articles.Story();
        var builder = new ReportBuilder("t", list =>
        [
            new StoryGroup("Ledger only", [list.Single(a => a.Metadata.Outlet == "Harbour Ledger").Id, "no-such-id"]),
            new StoryGroup("The rest", [.. list.Where(a => a.Metadata.Outlet != "Harbour Ledger").Select(a => a.Id)]),
            new StoryGroup("Nothing", ["ghost"]),
        ]);
        var report = builder.Build(articles);
        Assert.Equal(["Ledger only", "The rest"], report.Stories.Select(s => s.Title));
        Assert.Single(report.Stories[0].ArticleIds);
        Assert.Equal(2, report.Stories[1].ArticleIds.Length);
        Assert.NotEqual(report.Stories[0].Id, report.Stories[1].Id);
    }

    [Fact]
    public void ToArticleReport_CarriesRemovalsEmbedsAndCounts()
    {
        var article = Articles.Story()[1];
        var r = ReportBuilder.ToArticleReport(article);
        Assert.Equal(article.Text, r.Text);
        Assert.Equal(article.WordCount, r.Words);
        Assert.Equal("The Velin port strike left 40 ships waiting.\n", r.Text);
        var nav = r.Removed[0];
        Assert.Equal(new RemovalReport("Navigation", 0, 13, "Home | World\n", "rule-navigation"), nav);
        Assert.Equal("Embed", r.Removed[1].Kind);
        var embed = Assert.Single(r.Embeds);
        Assert.Equal("SocialPost", embed.Kind);
        Assert.Equal("@ivarga", embed.Handle);
        Assert.Equal(article.RawText[embed.RawStart..embed.RawEnd].Trim(), embed.Text);
    }

    [Fact]
    public void StoryId_IsStableAndOrderIndependent()
    {
        Assert.Equal(ReportBuilder.StoryId(["b", "a"]), ReportBuilder.StoryId(["a", "b"]));
        Assert.NotEqual(ReportBuilder.StoryId(["a"]), ReportBuilder.StoryId(["a", "b"]));
        Assert.Matches("^story-[0-9a-f]{12}$", ReportBuilder.StoryId(["a"]));
    }

    [Fact]
    public void CentralHeadline_NoTitles_IsNull()
    {
        var untitled = Articles.Make("Text.", "X", null);
        Assert.Null(ReportBuilder.CentralHeadline([untitled]));
        Assert.Equal("Untitled story", ReportBuilder.OneProvisionalStory([untitled]).Single().Title);
    }

    [Fact]
    public void Build_Diagnostics_KeepTheirOrderAndCodes()
    {
        var report = _builder.Build(Articles.Story(), [Diagnostic.Error("PX0101", "PX0101: cannot read", "a.bin"), Diagnostic.Warning("PX0301", "PX0301: odd")]);
        Assert.Equal([new DiagnosticReport("PX0101", "Error", "PX0101: cannot read", "a.bin"), new DiagnosticReport("PX0301", "Warning", "PX0301: odd", null)], report.Diagnostics.ToArray());
    }

    [Fact]
    public void CleaningSummary_CountsByKindMostFrequentFirst()
    {
        Assert.Equal("ImageDebris×2, Navigation×1", CleaningSummary.ByKind(["Navigation", "ImageDebris", "ImageDebris"]));
        Assert.Equal("-", CleaningSummary.ByKind([]));
    }
}
