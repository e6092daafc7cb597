using Parallax.Ingest.Readers;

namespace Parallax.Ingest.Tests.Readers;

public sealed class TextHeaderParserTests
{
    [Fact]
    public void Parse_ColonLines_GiveHintsAndSpan()
    {
        const string text = "title: Pier closes for repairs\r\nOutlet: Vellmark Courier\ndate: 2031-03-11\nauthor: Ada Brenn and Tomas Ilve\nurl: https://courier.example/pier\n\nThe harbour council voted.\n";
        var header = TextHeaderParser.Parse(text);
        Assert.Equal("Pier closes for repairs", header.Hints.Title);
        Assert.Equal("Vellmark Courier", header.Hints.Outlet);
        Assert.Equal("2031-03-11", header.Hints.Published);
        Assert.Equal(["Ada Brenn", "Tomas Ilve"], header.Hints.Authors);
        Assert.Equal("https://courier.example/pier", header.Hints.Url);
        Assert.Equal(0, header.Span.Start);
        Assert.Equal(text.IndexOf("\nThe harbour", StringComparison.Ordinal), header.Span.End);
        Assert.Equal(5, header.Fields.Length);
        foreach (var field in header.Fields)
        {
            Assert.Equal(field.Value, field.ValueSpan.Of(text));
            Assert.True(header.Span.Contains(field.Span));
        }
    }

    [Fact]
    public void Parse_InlineDate_EndsBeforeArticleWords()
    {
        const string text = " date 2031-03-11 The harbour council of Vellmark voted on Tuesday.";
        var header = TextHeaderParser.Parse(text);
        Assert.Equal("2031-03-11", header.Hints.Published);
        Assert.Equal(" date 2031-03-11 ", header.Span.Of(text));
        Assert.Equal("The harbour", text[header.Span.End..(header.Span.End + 11)]);
    }

    [Fact]
    public void Parse_BareDateLine_ThenColonLines()
    {
        const string text = "date 2031-03-11T08:30:00+01:00\ntitle: Pier\nBody starts here.";
        var header = TextHeaderParser.Parse(text);
        Assert.Equal("2031-03-11T08:30:00+01:00", header.Hints.Published);
        Assert.Equal("Pier", header.Hints.Title);
        Assert.Equal("date 2031-03-11T08:30:00+01:00\ntitle: Pier\n", header.Span.Of(text));
    }

    [Theory]
    [InlineData("Source close to the council said the pier would shut.")]
    [InlineData("The council said: repairs start in May.")]
    [InlineData("date night at the harbour was cancelled.")]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Parse_OrdinaryText_HasNoHeader(string text)
    {
        var header = TextHeaderParser.Parse(text);
        Assert.True(header.IsEmpty);
        Assert.True(header.Span.IsEmpty);
        Assert.Same(Parallax.Core.SourceHints.None, header.Hints);
    }

    [Fact]
    public void Parse_SourceIsOutletUnlessOutletGiven()
    {
        Assert.Equal("Wire Desk", TextHeaderParser.Parse("source: Wire Desk\n\nText").Hints.Outlet);
        Assert.Equal("Courier", TextHeaderParser.Parse("source: Wire Desk\noutlet: Courier\n\nText").Hints.Outlet);
    }

    [Fact]
    public void Parse_LeadingBlankLines_AreNotInSpan()
    {
        const string text = "\n\ntitle: Pier\n\nBody";
        var header = TextHeaderParser.Parse(text);
        Assert.Equal("title: Pier\n", header.Span.Of(text));
    }

    [Fact]
    public void SplitAuthors_HandlesBySeparatorsAndCommas()
    {
        Assert.Equal(["Ada Brenn", "Tomas Ilve", "Mira Solt"], TextHeaderParser.SplitAuthors("By Ada Brenn, Tomas Ilve & Mira Solt"));
    }
}
