using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Cluster.Tests;

/// <summary>The pure parts every node and client must agree on: the wire form of a source and the partition/window functions.</summary>
public sealed class PayloadAndLayoutTests
{
    [Fact]
    public void Payloads_RoundTripASourceExactly_EvenWithLoneSurrogates()
    {
        var source = new SourceDocument
        {
            Id = SourceDocument.ComputeId([1, 2, 3]),
            Origin = "fixtures/odd\uD800name.txt",
            Kind = SourceKind.Html,
            Bytes = new byte[] { 1, 2, 3 },
            RawText = "A lone \uDC00 surrogate, an emoji 🙂, and a NUL \0 character.",
            Encoding = "utf-8",
            FetchedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
            Reader = "text",
            Hints = new SourceHints { Title = "Harbour \uD801 works", Outlet = "Lakeside Courier", Published = "2026-03-10", Authors = ["I. Varga"] },
            Diagnostics = [Diagnostic.Warning("PX0101", "PX0101: a warning", "line 3")],
        };

        var back = Payloads.FromPayload(Payloads.ToPayload(source));

        Assert.Equal(source.Id, back.Id);
        Assert.Equal(source.Origin, back.Origin);
        Assert.Equal(source.Kind, back.Kind);
        Assert.Equal(source.Bytes.ToArray(), back.Bytes.ToArray());
        Assert.Equal(source.RawText, back.RawText);
        Assert.Equal(source.Encoding, back.Encoding);
        Assert.Equal(source.FetchedAt, back.FetchedAt);
        Assert.Equal(source.Reader, back.Reader);
        Assert.Equal(source.Hints.Title, back.Hints.Title);
        Assert.Equal(source.Hints.Outlet, back.Hints.Outlet);
        Assert.Equal(source.Hints.Published, back.Hints.Published);
        Assert.Equal(source.Hints.Authors, back.Hints.Authors);
        Assert.Equal(source.Diagnostics, back.Diagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void ClusterLayout_PartitionOf_IsInRangeAndStable(string id)
    {
        var p = ClusterLayout.PartitionOf(id);
        Assert.InRange(p, 0, ClusterLayout.Partitions - 1);
        Assert.Equal(p, ClusterLayout.PartitionOf(new string(id.ToCharArray())));
    }

    [Fact]
    public void ClusterLayout_PartitionOf_SpreadsSourcesOverEveryPartition()
    {
        var counts = Enumerable.Range(0, 800).Select(i => ClusterLayout.PartitionOf(SourceDocument.ComputeId(BitConverter.GetBytes(i))))
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ClusterLayout.Partitions, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 60, 140));
    }

    [Theory]
    [InlineData(2026, 3, 10, "2026-W11")]
    [InlineData(2021, 1, 1, "2020-W53")]
    [InlineData(2024, 12, 30, "2025-W01")]
    public void ClusterLayout_WindowOf_IsTheIsoWeekOfThePublicationDate(int year, int month, int day, string expected)
    {
        var article = Article(new PublicationDate { Date = new DateOnly(year, month, day), Source = "input" });
        Assert.Equal(expected, ClusterLayout.WindowOf(article));
    }

    [Fact]
    public void ClusterLayout_WindowOf_UndatedArticle_IsTheUndatedWindow() =>
        Assert.Equal(ClusterLayout.UndatedWindow, ClusterLayout.WindowOf(Article(null)));

    private static Article Article(PublicationDate? published) => new()
    {
        Id = "a1",
        SourceId = "s1",
        Origin = "test",
        Metadata = new ArticleMetadata { Outlet = "Lakeside Courier", OutletSource = "hint", Published = published },
        RawText = "Text.",
        Text = "Text.",
        Map = OffsetMap.Identity(5),
        Removals = [],
        Embeds = [],
        Diagnostics = ImmutableArray<Diagnostic>.Empty,
        Provenance = "test",
    };
}
