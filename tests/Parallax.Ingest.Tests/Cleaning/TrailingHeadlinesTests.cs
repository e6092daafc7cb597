using Parallax.Core;
using Parallax.Ingest.Cleaning;

namespace Parallax.Ingest.Tests.Cleaning;

public class TrailingHeadlinesTests
{
    private const string Story =
        "The council of Port Anselm voted on Tuesday to close the old ferry terminal, ending a century of crossings.\n" +
        "Mayor Ilse Varga said the decision was painful but necessary for the city's strained budget.\n" +
        "Ferry workers will move to the new pier in June, the operator Harbor Ferries said.";

    private static readonly TextCleaner _cleaner = new();

    [Fact]
    public void TextCleaner_UnrelatedTrailingHeadlines_AreRemoved()
    {
        var raw = Story + "\n\n\nGlacier Tours Return to the Northern Valleys\nLocal Bakery Wins National Bread Award\n" +
                  "Storm Warning Issued for Coastal Villages Ahead of Weekend\nChess Prodigy, 11, Beats Grandmaster in Exhibition\n";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        CleanInvariants.AssertHold(raw, result);
        Assert.Equal(Story, result.Text);
        Assert.Equal(4, result.Removals.Count(r => r.Kind == RemovalKind.RelatedHeadlines && r.Rule == "trailing-headlines"));
    }

    [Fact]
    public void TextCleaner_RunOfTwoHeadlines_IsKept()
    {
        var raw = Story + "\nGlacier Tours Return to the Northern Valleys\nLocal Bakery Wins National Bread Award";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(raw, result.Text);
    }

    [Fact]
    public void TextCleaner_TrailingSubheadsAboutTheStory_AreKept()
    {
        var raw = Story + "\nWhat Happens to the Ferry Terminal\nWhere Ferry Workers Will Move\nHow the Council Vote Went";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(raw, result.Text);
        Assert.Contains(result.Diagnostics, d => d.Code == CleaningCodes.HeadlineRunKept);
    }

    [Fact]
    public void TextCleaner_TrailingListOfSentences_IsKept()
    {
        var raw = Story + "\nKey points to consider:\nThe terminal closes in June.\nFares will not change this year.\nThe old pier becomes a park.";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(raw, result.Text);
        Assert.Empty(result.Removals);
    }

    [Fact]
    public void TextCleaner_TrailingDataList_IsKept()
    {
        var raw = Story + "\nCrossings Per Day by Route\n• North Quay Route: 1,204\n• Old Harbour Route: 860\n• Lighthouse Point Route: 310";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(raw, result.Text);
    }

    [Fact]
    public void TextCleaner_HeadlinesOnlyText_IsKeptForLackOfStory()
    {
        var raw = "Glacier Tours Return to the Northern Valleys\nLocal Bakery Wins National Bread Award\nStorm Warning Issued for Coastal Villages";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(raw, result.Text);
    }

    [Theory]
    [InlineData("Local Bakery Wins National Bread Award", true)]
    [InlineData("Is the Ferry Era Over?", true)]
    [InlineData("Chess Prodigy, 11, Beats Grandmaster in Exhibition", true)]
    [InlineData("The terminal closes in June.", false)]
    [InlineData("Key points to consider:", false)]
    [InlineData("the mayor said nothing more about it", false)]
    [InlineData("Ferry", false)]
    public void HeadlineRunDetector_RecognisesHeadlineShape(string line, bool expected)
    {
        Assert.Equal(expected, HeadlineRunDetector.IsHeadlineLike(line));
    }
}
