using Parallax.Core;
using Parallax.Ingest.Cleaning;

namespace Parallax.Ingest.Tests.Cleaning;

/// <summary>One test row per rule: a residue line between two story lines of a fictional article is removed, the story stays.</summary>
public class TextCleanerRuleTests
{
    private const string Before = "The council of Port Anselm voted on Tuesday to close the old ferry terminal, ending a century of crossings.";
    private const string After = "Mayor Ilse Varga said the decision was painful but necessary for the city's strained budget.";

    private static readonly TextCleaner _cleaner = new();

    private static CleanResult CleanAround(string line, out string raw)
    {
        raw = $"{Before}\n{line}\n{After}\n";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);
        CleanInvariants.AssertHold(raw, result);
        return result;
    }

    [Theory]
    [InlineData("Advertisement", RemovalKind.Advertisement, "ad-marker")]
    [InlineData("ADVERTISEMENT", RemovalKind.Advertisement, "ad-marker")]
    [InlineData("- Advertisement -", RemovalKind.Advertisement, "ad-marker")]
    [InlineData("Story continues below", RemovalKind.Advertisement, "ad-marker")]
    [InlineData("Menu", RemovalKind.Navigation, "navigation-word")]
    [InlineData("Skip to content", RemovalKind.Navigation, "navigation-word")]
    [InlineData("Home > World > Europe", RemovalKind.Breadcrumb, "breadcrumb")]
    [InlineData("Home › Local › Port Anselm", RemovalKind.Breadcrumb, "breadcrumb")]
    [InlineData("News | Local | Business | Sport", RemovalKind.Navigation, "section-bar")]
    [InlineData("World • Politics • Harbour Affairs", RemovalKind.Navigation, "section-bar")]
    [InlineData(".png)", RemovalKind.ImageDebris, "image-file-debris")]
    [InlineData("ferry-terminal-2019.jpg", RemovalKind.ImageDebris, "image-file-debris")]
    [InlineData("![The old terminal](https://harborledger.example/img/terminal.webp)", RemovalKind.ImageDebris, "markdown-image")]
    [InlineData("[caption id=\"attachment_12\" align=\"alignnone\"]", RemovalKind.Caption, "caption-shortcode")]
    [InlineData("Image: The ferry terminal at dawn", RemovalKind.Caption, "media-credit")]
    [InlineData("Photo: Ana Lind / Reuters", RemovalKind.Caption, "media-credit")]
    [InlineData("The old ferry terminal in Port Anselm, March 3, 2025. REUTERS/Ana Lind", RemovalKind.Caption, "photo-credit")]
    [InlineData("https://harborledger.example/2025/03/ferry", RemovalKind.LinkDebris, "bare-url")]
    [InlineData("[Council minutes](https://harborledger.example/minutes)", RemovalKind.LinkDebris, "markdown-link")]
    [InlineData(")", RemovalKind.LinkDebris, "punctuation-debris")]
    [InlineData("Share this article", RemovalKind.Share, "share-button")]
    [InlineData("Share on Facebook", RemovalKind.Share, "share-button")]
    [InlineData("Share this story with a friend who rides the ferry.", RemovalKind.Share, "share-call")]
    [InlineData("Subscribe to our newsletter for the latest harbour news.", RemovalKind.Newsletter, "newsletter-call")]
    [InlineData("Sign up for The Harbor Ledger's morning briefing.", RemovalKind.Subscribe, "subscribe-call")]
    [InlineData("Follow us on Mastodon and Bluesky.", RemovalKind.Subscribe, "subscribe-call")]
    [InlineData("This is not a recommendation to buy or sell any security.", RemovalKind.Disclaimer, "disclaimer")]
    [InlineData("The views expressed in this article are the author's own.", RemovalKind.Disclaimer, "disclaimer")]
    [InlineData("© 2025 The Harbor Ledger. All rights reserved.", RemovalKind.Boilerplate, "boilerplate")]
    [InlineData("Copyright 2025 Harbor Wire. This material may not be published, broadcast, rewritten or redistributed.", RemovalKind.Boilerplate, "boilerplate")]
    [InlineData("Read: Ferry Operators Brace for a Quiet Summer", RemovalKind.RelatedLink, "related-link")]
    [InlineData("Read more: Port Anselm's budget explained", RemovalKind.RelatedLink, "related-link")]
    [InlineData("Related: Harbour pilots strike for a second day", RemovalKind.RelatedLink, "related-link")]
    [InlineData("See also: A century of crossings in pictures", RemovalKind.RelatedLink, "related-link")]
    [InlineData("ALSO READ Ferry fares to rise in spring", RemovalKind.RelatedLink, "related-link")]
    [InlineData("Related stories", RemovalKind.RelatedLink, "related-heading")]
    [InlineData("By Jane Roe", RemovalKind.Byline, "byline")]
    [InlineData("By Jane Roe and Tom Poe, The Harbor Ledger", RemovalKind.Byline, "byline")]
    [InlineData("Jane Roe | Harbor Wire", RemovalKind.Byline, "name-outlet-byline")]
    [InlineData("Reporting by Jane Roe; Editing by Tom Poe", RemovalKind.Byline, "wire-credit")]
    [InlineData("(Reporting by Jane Roe in Port Anselm; Writing by Ana Lind; Editing by Tom Poe)", RemovalKind.Byline, "wire-credit")]
    [InlineData("Updated 3:45 PM", RemovalKind.Dateline, "timestamp-line")]
    [InlineData("Published: March 4, 2025 10:30 AM GMT", RemovalKind.Dateline, "timestamp-line")]
    [InlineData("March 4, 2025", RemovalKind.Dateline, "date-line")]
    [InlineData("5 min read", RemovalKind.Boilerplate, "boilerplate")]
    public void TextCleaner_RemovesResidueLine(string line, RemovalKind kind, string rule)
    {
        var result = CleanAround(line, out _);

        var removal = Assert.Single(result.Removals);
        Assert.Equal(kind, removal.Kind);
        Assert.Equal(rule, removal.Rule);
        Assert.Equal(line, removal.Text);
        Assert.Equal($"{Before}\n{After}", result.Text);
    }

    [Theory]
    [InlineData("Share prices of the ferry company fell sharply after the vote.")]
    [InlineData("Sign language interpreters joined the council's briefing on Tuesday.")]
    [InlineData("Read the full statement, the mayor told reporters outside the hall.")]
    [InlineData("By Tuesday evening, the last ferry had left the terminal.")]
    [InlineData("Updated figures show ferry traffic fell 5% last year.")]
    [InlineData("Copyright law was not part of the council's debate.")]
    [InlineData("Reporting by the Harbor Ledger found the ridership figures were wrong.")]
    [InlineData("Home owners near the terminal welcomed the vote.")]
    [InlineData("Advertisement revenue at the terminal's kiosks had collapsed.")]
    [InlineData("Key points to consider:")]
    [InlineData("What happens next")]
    [InlineData("The views of residents were mixed, with many fearing longer commutes.")]
    [InlineData("Subscribers to the ferry pass will get refunds, the operator said.")]
    [InlineData("— and then, the mayor said, the city would have to choose.")]
    [InlineData("Photographers gathered at the terminal for the last crossing.")]
    [InlineData("Ferry Workers Union")]
    [InlineData("By The Numbers")]
    [InlineData("Most residents back the closure, according to a Reuters/Ipsos poll.")]
    [InlineData("Crews worked through the night. By dawn the last ferry was tied up. (Photo: Ana Lind/Harbor Ledger)")]
    [InlineData("“We will act consistent with the views expressed by residents,” the mayor said on Tuesday.")]
    [InlineData("This story has been corrected to show that the vote took place on Tuesday, not Monday.")]
    [InlineData("Corrections & Clarifications: An earlier version misstated the terminal's age.")]
    public void TextCleaner_KeepsStoryLineThatResemblesResidue(string line)
    {
        var result = CleanAround(line, out _);

        Assert.Empty(result.Removals);
        Assert.Equal($"{Before}\n{line}\n{After}", result.Text);
    }

    [Fact]
    public void TextCleaner_CollapsesBlankLinesWithoutRecordingThem()
    {
        var raw = $"\n\n{Before}\n\n\n   \n{After}\n\n";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        CleanInvariants.AssertHold(raw, result);
        Assert.Equal($"{Before}\n{After}", result.Text);
        Assert.Empty(result.Removals);
    }

    [Fact]
    public void TextCleaner_HandlesCrLfAndTrailingSpaces()
    {
        var raw = $"{Before}   \r\nAdvertisement\r\n\r\n  {After}\r\n";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        CleanInvariants.AssertHold(raw, result);
        Assert.Equal($"{Before}\n{After}", result.Text);
        Assert.Equal("Advertisement", Assert.Single(result.Removals).Text);
    }

    [Fact]
    public void TextCleaner_MapsEveryKeptCharacterBack()
    {
        var raw = $"Menu\n{Before}\n.png)\n{After}";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        var at = result.Text.IndexOf("Mayor", StringComparison.Ordinal);
        Assert.Equal(raw.IndexOf("Mayor", StringComparison.Ordinal), result.Map.ToRaw(at));
        var span = new TextSpan(at, at + "Mayor Ilse Varga".Length);
        Assert.Equal("Mayor Ilse Varga", result.Map.ToRaw(span).Of(raw));
        Assert.Null(result.Map.ToClean(raw.IndexOf(".png)", StringComparison.Ordinal)));
    }

    [Fact]
    public void TextCleaner_EmptyInput_ReturnsDiagnostic()
    {
        var result = _cleaner.Clean("  \n\n ", ArticleMetadata.Empty);

        Assert.Equal("", result.Text);
        Assert.Equal(CleaningCodes.NothingLeft, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void TextCleaner_AllResidue_WarnsNothingLeft()
    {
        var result = _cleaner.Clean("Menu\nAdvertisement\n.png)", ArticleMetadata.Empty);

        Assert.Equal("", result.Text);
        Assert.Contains(result.Diagnostics, d => d.Code == CleaningCodes.NothingLeft);
        Assert.Equal(3, result.Removals.Length);
    }

    [Fact]
    public void TextCleaner_BylineAndWireCredit_BecomeAuthors()
    {
        var raw = $"By Jane Roe and Tom Poe\n{Before}\n{After}\n(Reporting by Ana Lind; Editing by Ed Vos)";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(["Jane Roe", "Tom Poe", "Ana Lind"], result.Metadata.Authors);
        Assert.DoesNotContain("Ed Vos", result.Metadata.Authors);
        Assert.Equal($"{Before}\n{After}", result.Text);
    }

    [Fact]
    public void TextCleaner_DatelinePrefix_IsKeptAndRecognised()
    {
        var raw = "PORT ANSELM, March 4 (Harbor Wire) - The council voted on Tuesday to close the old ferry terminal.\n" + After;
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(raw, result.Text);
        Assert.Empty(result.Removals);
        var d = Assert.Single(result.Diagnostics, d => d.Code == CleaningCodes.DatelineRecognised);
        Assert.Contains("credit Harbor Wire", d.Message, StringComparison.Ordinal);
        Assert.Contains("place PORT ANSELM", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextCleaner_ProseStartingInCapitals_IsNotADateline()
    {
        var raw = "NATO - the alliance - met on Tuesday in Port Anselm to discuss the ferry.\n" + After;
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(raw, result.Text);
        Assert.Empty(result.Removals);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == CleaningCodes.DatelineRecognised);
    }

    [Fact]
    public void TextCleaner_StoryParagraphEndingInPhotoCredit_IsKeptWithDiagnostic()
    {
        const string line = "Crews worked through the night. By dawn the last ferry was tied up. (Photo: Ana Lind/Harbor Ledger)";
        var result = CleanAround(line, out _);

        Assert.Empty(result.Removals);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(CleaningCodes.DoubtfulKept, d.Code);
        Assert.Equal(Severity.Info, d.Severity);
    }

    [Fact]
    public void TextCleaner_TopBulletMenu_IsNavigationAndHeadlineBecomesTitle()
    {
        var raw = "- Harbor Ledger\n- Local\n- Council Votes to Close Ferry Terminal\nCouncil Votes to Close Ferry Terminal\n" + Before + "\n" + After;
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        CleanInvariants.AssertHold(raw, result);
        Assert.Equal(3, result.Removals.Count(r => r.Rule == "top-menu-list" && r.Kind == RemovalKind.Navigation));
        Assert.Equal($"Council Votes to Close Ferry Terminal\n{Before}\n{After}", result.Text);
        Assert.Equal("Council Votes to Close Ferry Terminal", result.Metadata.Title);
    }

    [Fact]
    public void TextCleaner_SummaryBulletsAtTheTop_AreKept()
    {
        var raw = $"* Council votes to close the old ferry terminal\n* Mayor says the budget left no choice\n{Before}\n{After}";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Empty(result.Removals);
        Assert.Equal(raw, result.Text);
    }

    [Fact]
    public void TextCleaner_MastheadOnRemovedMenuLine_NamesOutlet()
    {
        var raw = "- Conservative Fix\n- Posts\n- Council Votes to Close Ferry Terminal\n" + Before + "\n" + After;
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(("The Conservative Fix", "masthead"), (result.Metadata.Outlet, result.Metadata.OutletSource));
    }

    [Fact]
    public void TextCleaner_MastheadIsNotUsedWhenAUrlIsKnown()
    {
        var raw = "- Conservative Fix\n- Posts\n- Council Votes to Close Ferry Terminal\n" + Before + "\n" + After;
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty with { Url = "https://harborledger.example/ferry" });

        Assert.Equal("unknown", result.Metadata.Outlet);
    }

    [Fact]
    public void TextCleaner_BulletListOfSentencesInStory_IsKept()
    {
        var raw = $"{Before}\nThe plan has three parts:\n- The terminal closes in June.\n- Staff move to the new pier.\n- Fares stay the same.\n{After}";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Empty(result.Removals);
        Assert.Equal(raw, result.Text);
    }

    [Fact]
    public void TextCleaner_InputMetadata_IsNeverOverridden()
    {
        var input = ArticleMetadata.Empty with { Title = "Given title", Outlet = "Harbor Wire", OutletSource = "hint", Authors = ["Given Author"] };
        var raw = $"title: Header title\noutlet: The Harbor Ledger\nauthor: Header Author\n\nBy Jane Roe\n{Before}";
        var result = _cleaner.Clean(raw, input);

        Assert.Equal("Given title", result.Metadata.Title);
        Assert.Equal("Harbor Wire", result.Metadata.Outlet);
        Assert.Equal(["Given Author"], result.Metadata.Authors);
        Assert.Equal(Before, result.Text);
    }
}
