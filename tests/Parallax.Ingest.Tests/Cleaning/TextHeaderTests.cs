using Parallax.Core;
using Parallax.Ingest.Cleaning;

namespace Parallax.Ingest.Tests.Cleaning;

public class TextHeaderTests
{
    private const string Body = "The council of Port Anselm voted on Tuesday to close the old ferry terminal.";

    private static readonly TextCleaner _cleaner = new();

    [Fact]
    public void TextCleaner_HeaderBlock_BecomesMetadataAndHeaderRemovals()
    {
        var raw = "title: Council Closes Ferry Terminal\nurl: https://harborledger.example/ferry\noutlet: The Harbor Ledger\n" +
                  "published: 2025-03-04T10:30:00Z\nauthor: Jane Roe and Tom Poe\nlanguage: en\n\n" + Body;
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        CleanInvariants.AssertHold(raw, result);
        Assert.Equal(Body, result.Text);
        Assert.Equal(6, result.Removals.Count(r => r.Kind == RemovalKind.Header && r.Rule == "text-header"));
        var m = result.Metadata;
        Assert.Equal("Council Closes Ferry Terminal", m.Title);
        Assert.Equal("https://harborledger.example/ferry", m.Url);
        Assert.Equal("The Harbor Ledger", m.Outlet);
        Assert.Equal("hint", m.OutletSource);
        Assert.Equal(["Jane Roe", "Tom Poe"], m.Authors);
        Assert.Equal("en", m.Language);
        Assert.Equal("2025-03-04T10:30:00+00:00", m.Published?.ToIso());
        Assert.Equal("header", m.Published?.Source);
    }

    [Fact]
    public void TextCleaner_DateHeaderSharingTheFirstLine_RemovesOnlyTheField()
    {
        var raw = " date 2025-03-04 " + Body + "\n\nMayor Ilse Varga said it was necessary.";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        CleanInvariants.AssertHold(raw, result);
        var header = Assert.Single(result.Removals);
        Assert.Equal("date 2025-03-04", header.Text);
        Assert.Equal(RemovalKind.Header, header.Kind);
        Assert.StartsWith("The council", result.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 3, 4), result.Metadata.Published?.Date);
    }

    [Theory]
    [InlineData("date 2025-03-04", "date", "2025-03-04")]
    [InlineData("Date: March 4, 2025", "date", "March 4, 2025")]
    [InlineData("published: 2025-03-04T10:30:00+02:00", "published", "2025-03-04T10:30:00+02:00")]
    [InlineData("title: Council Closes Terminal", "title", "Council Closes Terminal")]
    [InlineData("url https://harborledger.example/x", "url", "https://harborledger.example/x")]
    [InlineData("source: Harbor Wire", "source", "Harbor Wire")]
    [InlineData("byline: By Jane Roe", "byline", "By Jane Roe")]
    [InlineData("language en", "language", "en")]
    public void TextHeaderParser_ParsesField(string line, string key, string value)
    {
        var header = TextHeaderParser.Parse(line + "\n" + Body);

        var field = Assert.Single(header.Fields);
        Assert.Equal(key, field.Key);
        Assert.Equal(value, field.Value);
        Assert.Equal(line, field.Span.Of(line + "\n" + Body));
    }

    [Theory]
    [InlineData("Author Salman Vale said on Tuesday the ferry would close.")]
    [InlineData("Title holders of the terminal land will be compensated.")]
    [InlineData("date palms line the ferry terminal's forecourt.")]
    [InlineData("Source material for the council's report came from the operator.")]
    public void TextHeaderParser_ProseIsNotAHeader(string firstLine)
    {
        var header = TextHeaderParser.Parse(firstLine + "\n" + Body);

        Assert.Empty(header.Fields);
        Assert.Equal(0, header.BodyStart);
    }

    [Fact]
    public void TextHeaderParser_HeaderOnlyAtTheTop()
    {
        var raw = Body + "\ntitle: Not a header here";
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Null(result.Metadata.Title);
        Assert.Empty(TextHeaderParser.Parse(raw).Fields);
    }

    [Fact]
    public void TextHeaderParser_UnparsableDate_IsRemovedWithWarning()
    {
        var raw = "date: sometime last week\n" + Body;
        var result = _cleaner.Clean(raw, ArticleMetadata.Empty);

        Assert.Equal(Body, result.Text);
        Assert.Null(result.Metadata.Published);
        Assert.Contains(result.Diagnostics, d => d.Code == CleaningCodes.HeaderDateUnparsable && d.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("2025-12-11", "2025-12-11")]
    [InlineData("December 11, 2025", "2025-12-11")]
    [InlineData("Dec. 11, 2025", "2025-12-11")]
    [InlineData("Thursday, December 11, 2025", "2025-12-11")]
    [InlineData("11 December 2025", "2025-12-11")]
    [InlineData("Sept 3, 2024", "2024-09-03")]
    [InlineData("December 11, 2025 3:45 PM", "2025-12-11T15:45:00")]
    [InlineData("2025-12-11T10:30:00Z", "2025-12-11T10:30:00+00:00")]
    public void WrittenDate_ParsesToIso(string text, string iso)
    {
        Assert.True(WrittenDate.TryParse(text, out var d));
        Assert.Equal(iso, d.ToIso());
    }

    [Theory]
    [InlineData("February 30, 2025")]
    [InlineData("Decembre 11, 2025")]
    [InlineData("11 December")]
    [InlineData("the 11th")]
    [InlineData("2025-13-01")]
    public void WrittenDate_RejectsNonDates(string text)
    {
        Assert.False(WrittenDate.TryParse(text, out _));
    }
}
