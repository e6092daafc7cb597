namespace Parallax.Ingest.Tests.Pipeline;

public class PublishedDateParserTests
{
    [Theory]
    [InlineData("2025-12-11", "2025-12-11")]
    [InlineData("2025-12-11T10:30:00Z", "2025-12-11T10:30:00+00:00")]
    [InlineData("2025-12-11T10:30:00+0100", "2025-12-11T10:30:00+01:00")]
    [InlineData("Thu, 11 Dec 2025 10:30:00 GMT", "2025-12-11T10:30:00+00:00")]
    [InlineData("Thu, 11 Dec 2025 10:30:00 -0500", "2025-12-11T10:30:00-05:00")]
    [InlineData("December 11, 2025", "2025-12-11")]
    [InlineData("11 Dec 2025", "2025-12-11")]
    [InlineData("Dec. 11, 2025", "2025-12-11")]
    public void PublishedDateParser_ParsesCommonForms(string text, string iso)
    {
        Assert.Equal(iso, PublishedDateParser.Parse(text, "test")!.ToIso());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("not a date")]
    [InlineData("2025-13-45")]
    public void PublishedDateParser_RejectsNonDates(string text) => Assert.Null(PublishedDateParser.Parse(text, "test"));
}
