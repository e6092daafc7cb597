using Parallax.Core;
using Parallax.Ingest.Cleaning;

namespace Parallax.Ingest.Tests.Cleaning;

public class EmbedTests
{
    private const string Before = "The council of Port Anselm voted on Tuesday to close the old ferry terminal, ending a century of crossings.";
    private const string After = "Mayor Ilse Varga said the decision was painful but necessary for the city's strained budget.";

    private static readonly TextCleaner _cleaner = new();

    private static CleanResult Clean(string raw)
    {
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);
        CleanInvariants.AssertHold(raw, result);
        return result;
    }

    [Fact]
    public void TextCleaner_TweetWithAttribution_BecomesEmbed()
    {
        const string post = "Last crossing tonight. Thank you, Port Anselm! pic.twitter.com/AbC123xyz";
        const string attribution = "— Harbor Ferries (@harborferries) March 4, 2025";
        var raw = $"{Before}\n{post}\n{attribution}\n{After}";
        var result = Clean(raw);

        Assert.Equal($"{Before}\n{After}", result.Text);
        var e = Assert.Single(result.Embeds);
        Assert.Equal(EmbedKind.SocialPost, e.Kind);
        Assert.Equal(post, e.Text);
        Assert.Equal("Harbor Ferries", e.Author);
        Assert.Equal("@harborferries", e.Handle);
        Assert.Equal("March 4, 2025", e.DateText);
        Assert.Equal("2025-03-04", e.Date);
        Assert.Equal("twitter", e.Platform);
        Assert.Equal("pic.twitter.com/AbC123xyz", e.Url);
        Assert.Equal($"{post}\n{attribution}", e.RawSpan.Of(raw));
        Assert.Equal(["embed-post", "embed-attribution"], result.Removals.Select(r => r.Rule));
        Assert.All(result.Removals, r => Assert.Equal(RemovalKind.Embed, r.Kind));
    }

    [Fact]
    public void TextCleaner_TweetStatusUrlInAttribution_IsTheEmbedUrl()
    {
        var raw = $"{Before}\nWe will miss this view. https://t.co/q1w2e3\n— Ana Lind (@analind) https://twitter.com/analind/status/1234567890 March 5, 2025\n{After}";
        var e = Assert.Single(Clean(raw).Embeds);

        Assert.Equal("https://twitter.com/analind/status/1234567890", e.Url);
        Assert.Equal("2025-03-05", e.Date);
    }

    [Fact]
    public void TextCleaner_BlueskyHandle_IsBlueskyPlatform()
    {
        var raw = $"{Before}\nThe terminal lights go out at midnight.\n— Tom Poe (@tompoe.bsky.social) March 4, 2025\n{After}";

        Assert.Equal("bluesky", Assert.Single(Clean(raw).Embeds).Platform);
    }

    [Fact]
    public void TextCleaner_LongStoryLineBeforeAttribution_IsKept()
    {
        var story = string.Join(' ', Enumerable.Repeat("The ferry operator said passenger numbers had fallen for years.", 8));
        var raw = $"{story}\n— Harbor Ferries (@harborferries) March 4, 2025\n{After}";
        var result = Clean(raw);

        Assert.Equal($"{story}\n{After}", result.Text);
        Assert.Equal("", Assert.Single(result.Embeds).Text);
        Assert.Contains(result.Diagnostics, d => d.Code == CleaningCodes.EmbedWithoutPost);
    }

    [Theory]
    [InlineData("Here are some of the operator's complaints:")]
    [InlineData("The operator said the last crossing would be on Friday night.")]
    public void TextCleaner_StoryLineBeforeAttribution_IsKept(string story)
    {
        var raw = $"{Before}\n{story}\n— Harbor Ferries (@harborferries) March 4, 2025\n{After}";
        var result = Clean(raw);

        Assert.Equal($"{Before}\n{story}\n{After}", result.Text);
        Assert.Equal("", Assert.Single(result.Embeds).Text);
        Assert.Equal("embed-attribution", Assert.Single(result.Removals).Rule);
        Assert.Contains(result.Diagnostics, d => d.Code == CleaningCodes.EmbedWithoutPost);
    }

    [Fact]
    public void TextCleaner_PostAndAttributionOnOneLine_IsOneEmbed()
    {
        const string line = "Last crossing tonight pic.twitter.com/Zz9 — Harbor Ferries (@harborferries) March 4, 2025";
        var result = Clean($"{Before}\n{line}\n{After}");

        var e = Assert.Single(result.Embeds);
        Assert.Equal("Last crossing tonight pic.twitter.com/Zz9", e.Text);
        Assert.Equal("Harbor Ferries", e.Author);
        Assert.Equal("2025-03-04", e.Date);
        Assert.Equal("embed-inline", Assert.Single(result.Removals).Rule);
        Assert.Equal($"{Before}\n{After}", result.Text);
    }

    [Fact]
    public void TextCleaner_DashLineWithHandleInProse_IsNotAnEmbed()
    {
        var raw = $"{Before}\n— Harbor Ferries (@harborferries) said the crossing would resume in spring.\n{After}";
        var result = Clean(raw);

        Assert.Empty(result.Embeds);
        Assert.Equal(raw, result.Text);
    }

    [Fact]
    public void TextCleaner_InstagramResidue_IsOneEmbed()
    {
        var raw = $"{Before}\nView this post on Instagram\nGoodbye old terminal\nA post shared by Port Anselm Ferries (@pa_ferries)\n{After}";
        var result = Clean(raw);

        Assert.Equal($"{Before}\n{After}", result.Text);
        var e = Assert.Single(result.Embeds);
        Assert.Equal("instagram", e.Platform);
        Assert.Equal("@pa_ferries", e.Handle);
        Assert.Equal("Port Anselm Ferries", e.Author);
        Assert.Equal("Goodbye old terminal", e.Text);
        Assert.Equal(3, result.Removals.Count(r => r.Kind == RemovalKind.Embed));
    }

    [Fact]
    public void TextCleaner_InstagramCaptionOverCrLfLines_IsVerbatim()
    {
        var raw = $"{Before}\r\nView this post on Instagram\r\nGoodbye\r\nold terminal\r\nA post shared by Port Anselm Ferries (@pa_ferries)\r\n{After}";
        var e = Assert.Single(Clean(raw).Embeds);

        Assert.Equal("Goodbye\r\nold terminal", e.Text);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=abc123", "youtube", EmbedKind.Video)]
    [InlineData("https://t.me/harborchannel/512", "telegram", EmbedKind.SocialPost)]
    [InlineData("View in Telegram", "telegram", EmbedKind.SocialPost)]
    [InlineData("Watch on YouTube", "youtube", EmbedKind.Video)]
    [InlineData("Posted by Port Anselm Council on Tuesday, March 4, 2025", "facebook", EmbedKind.SocialPost)]
    public void TextCleaner_PlatformResidue_IsEmbed(string line, string platform, EmbedKind kind)
    {
        var result = Clean($"{Before}\n{line}\n{After}");

        var e = Assert.Single(result.Embeds);
        Assert.Equal(platform, e.Platform);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(RemovalKind.Embed, Assert.Single(result.Removals).Kind);
        Assert.Equal($"{Before}\n{After}", result.Text);
    }

    [Fact]
    public void TextCleaner_YoutubeResidueAndUrl_MergeIntoOneEmbed()
    {
        var result = Clean($"{Before}\nWatch on YouTube\n\nhttps://youtu.be/xyz789\n{After}");

        var e = Assert.Single(result.Embeds);
        Assert.Equal("https://youtu.be/xyz789", e.Url);
        Assert.Equal(2, result.Removals.Length);
    }
}
