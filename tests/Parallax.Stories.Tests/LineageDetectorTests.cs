using Parallax.Core;

namespace Parallax.Stories.Tests;

public sealed class LineageDetectorTests
{
    private static ArticleOrigin OriginOf(IEnumerable<ArticleOrigin> origins, string id) => origins.Single(o => o.ArticleId == id);

    [Fact]
    public void LineageDetector_MarksWireIndependentReprintCopyAndRewriteRewrite()
    {
        var origins = new LineageDetector().Detect([Fixtures.Rewrite, Fixtures.Independent, Fixtures.Reprint, Fixtures.Wire]);

        var wire = OriginOf(origins, "a-wire");
        Assert.Equal(OriginKind.Independent, wire.Kind);

        var reprint = OriginOf(origins, "b-reprint");
        Assert.Equal(OriginKind.CopyOf, reprint.Kind);
        Assert.Equal("a-wire", reprint.OriginId);
        Assert.Equal(1.0, reprint.Coverage);
        Assert.Empty(reprint.Added);
        Assert.Empty(reprint.Cut);
        Assert.Contains(reprint.Credits, c => c.Cue == "rss-source" && c.Wire == "Reuters");

        var rewrite = OriginOf(origins, "c-rewrite");
        Assert.Equal(OriginKind.RewriteOf, rewrite.Kind);
        Assert.Equal("a-wire", rewrite.OriginId);
        Assert.Equal("Reuters", rewrite.Wire);

        var independent = OriginOf(origins, "d-independent");
        Assert.Equal(OriginKind.Independent, independent.Kind);
        Assert.Null(independent.OriginId);
    }

    [Fact]
    public void LineageDetector_RewriteShowsTheTwoAddedParagraphsAndTheCutOne()
    {
        var rewrite = OriginOf(new LineageDetector().Detect([Fixtures.Wire, Fixtures.Rewrite]), "c-rewrite");
        var text = Fixtures.Rewrite.Text;
        var wireText = Fixtures.Wire.Text;

        var added = rewrite.Added.Select(s => s.Of(text)).ToList();
        Assert.Equal(2, added.Count);
        Assert.Equal(Fixtures.AddedParagraph1.TrimEnd('.'), added[0]);
        Assert.Equal(Fixtures.AddedParagraph2.TrimEnd('.'), added[1]);

        var cut = Assert.Single(rewrite.Cut);
        Assert.Equal(Fixtures.WireParagraph3.TrimEnd('.'), cut.Of(wireText));

        // Every shared passage points at the same words in both texts.
        Assert.NotEmpty(rewrite.Passages);
        foreach (var p in rewrite.Passages)
        {
            Assert.Equal(Words(p.ArticleSpan.Of(text)), Words(p.OriginSpan.Of(wireText)));
        }
    }

    [Fact]
    public void LineageDetector_CreditWithoutOriginInSetIsRewriteOfWire()
    {
        var origins = new LineageDetector().Detect([Fixtures.Rewrite]);
        var only = Assert.Single(origins);
        Assert.Equal(OriginKind.RewriteOfWire, only.Kind);
        Assert.Equal("Reuters", only.Wire);
        var credit = only.Credits.First(c => c.Span is not null);
        Assert.Equal("(Reuters)", credit.Span!.Value.Of(Fixtures.Rewrite.Text));
    }

    [Fact]
    public void LineageDetector_CreditToAWireWhoseReportIsInTheSetPointsAtThatReport()
    {
        var paraphrase = Fixtures.Make(
            "g-paraphrase",
            "Emergency officials in Velland told Reuters that more than a thousand people had to leave Marrowby when the river rose on Tuesday.",
            "Marrowby evacuated",
            Fixtures.FloodDay.AddDays(1),
            "Quiet Valley Blog");
        var origins = new LineageDetector().Detect([paraphrase, Fixtures.Wire]);
        var origin = origins.Single(o => o.ArticleId == "g-paraphrase");
        Assert.Equal(OriginKind.RewriteOf, origin.Kind);
        Assert.Equal("a-wire", origin.OriginId);
        Assert.Equal("Reuters", origin.Wire);
        Assert.Empty(origin.Passages);
    }

    [Theory]
    [InlineData("The minister told Reuters on Monday that talks would resume.", "Reuters", "told-wire")]
    [InlineData("LONDON (AP) - The minister resigned.", "AP", "dateline")]
    [InlineData("Officials said so, the Associated Press reported.", "AP", "credit")]
    [InlineData("Copyright 2031 Agence France-Presse", "AFP", "copyright")]
    public void LineageDetector_FindsWireCredits(string text, string wire, string cue)
    {
        var credit = Assert.Single(LineageDetector.FindCredits(Fixtures.Make("x", text, null, null)));
        Assert.Equal(wire, credit.Wire);
        Assert.Equal(cue, credit.Cue);
    }

    [Fact]
    public void LineageDetector_TiesOnDateGoToTheSmallerId()
    {
        // Two identical undated texts: the smaller id is the origin, whatever the input order.
        var x = Fixtures.Make("x-2", Fixtures.WireText, null, null);
        var y = Fixtures.Make("x-1", Fixtures.WireText, null, null);
        var first = new LineageDetector().Detect([x, y]);
        var second = new LineageDetector().Detect([y, x]);
        Assert.True(first.SequenceEqual(second, new OriginComparer()));
        Assert.Equal("x-1", first.Single(o => o.Kind == OriginKind.CopyOf).OriginId);
    }

    [Fact]
    public void LineageDetector_IsDeterministic()
    {
        var a = new LineageDetector().Detect(Fixtures.All);
        var b = new LineageDetector().Detect(Fixtures.All.Reverse().ToList());
        Assert.Equal(a.Select(o => (o.ArticleId, o.Kind, o.OriginId, o.Coverage)), b.Select(o => (o.ArticleId, o.Kind, o.OriginId, o.Coverage)));
        Assert.True(a.SequenceEqual(b, new OriginComparer()));
    }

    private static string Words(string s) => string.Join(' ', System.Text.RegularExpressions.Regex.Matches(s.ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value));

    private sealed class OriginComparer : IEqualityComparer<ArticleOrigin>
    {
        public bool Equals(ArticleOrigin? x, ArticleOrigin? y) =>
            x is not null && y is not null && x.ArticleId == y.ArticleId && x.Kind == y.Kind && x.OriginId == y.OriginId
            && x.Passages.SequenceEqual(y.Passages) && x.Added.SequenceEqual(y.Added) && x.Cut.SequenceEqual(y.Cut) && x.Reason == y.Reason;

        public int GetHashCode(ArticleOrigin obj) => obj.ArticleId.GetHashCode(StringComparison.Ordinal);
    }
}
