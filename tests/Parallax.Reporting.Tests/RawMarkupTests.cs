using System.Text.Json;
using Parallax.Core;

namespace Parallax.Reporting.Tests;

public sealed class RawMarkupTests
{
    [Fact]
    public void Mark_WrapsEachRemovalWithItsKind()
    {
        var article = Articles.Story()[0];
        Assert.Equal(
            "Dockworkers at Port Velin walked out on Thursday.\n⟦removed:ImageDebris⟧.png)\n⟦/⟧⟦removed:Newsletter⟧Sign up for our newsletter\n⟦/⟧",
            RawMarkup.Mark(article));
    }

    [Fact]
    public void Mark_WithoutMarkers_IsTheRawText()
    {
        foreach (var article in Articles.Story())
        {
            var marked = RawMarkup.Mark(article);
            var stripped = System.Text.RegularExpressions.Regex.Replace(marked, "⟦removed:[A-Za-z]+⟧|⟦/⟧", "");
            Assert.Equal(article.RawText, stripped);
        }
    }

    [Fact]
    public void Mark_NestedAndEmptyRemovals_AreWellNested()
    {
        var raw = "abcdef";
        var article = Articles.Make(raw, "O", "T") with
        {
            Removals =
            [
                new Removal(RemovalKind.Embed, new TextSpan(1, 5), "bcde", "r"),
                new Removal(RemovalKind.Share, new TextSpan(2, 4), "cd", "r"),
                new Removal(RemovalKind.Other, new TextSpan(6, 6), "", "r"),
            ],
        };
        Assert.Equal("a⟦removed:Embed⟧b⟦removed:Share⟧cd⟦/⟧e⟦/⟧f⟦removed:Other⟧⟦/⟧", RawMarkup.Mark(article));
    }

    [Fact]
    public void DescribeEmbeds_ListsAttributionAndText()
    {
        var text = RawMarkup.DescribeEmbeds(Articles.Story()[1]);
        Assert.Contains("SocialPost raw [58, 84) Ilse Varga @ivarga 2026-03-11 x", text);
        Assert.Contains("    Walkout now. #VelinStrike\n", text);
        Assert.Equal("", RawMarkup.DescribeEmbeds(Articles.Story()[2]));
    }

    [Fact]
    public void ArticleListing_TextAndJson_ShowRemovalsByKind()
    {
        var rows = ArticleListing.Rows(ReportBuilder.Order(Articles.Story()));
        var text = ArticleListing.WriteText(rows);
        Assert.Contains("Embed×1, Navigation×1", text);
        Assert.EndsWith("3 articles\n", text);
        Assert.StartsWith("ID ", text);
        using var json = JsonDocument.Parse(ArticleListing.WriteJson(rows));
        var first = json.RootElement[0];
        Assert.Equal(["id", "outlet", "published", "title", "words", "removals", "embeds", "origin"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Embed", first.GetProperty("removals")[0].GetProperty("kind").GetString());
        Assert.Equal(1, first.GetProperty("embeds").GetInt32());
        Assert.Equal("no articles stored\n", ArticleListing.WriteText([]));
    }
}
