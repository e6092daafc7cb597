using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Storage.Tests;

/// <summary>
/// Field-by-field equality for stored values. Records holding ImmutableArray or OffsetMap do not compare by content,
/// so the store's round-trip tests use these helpers; each names the first field that differs.
/// </summary>
internal static class Equality
{
    public static void AssertSame(Article expected, Article actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.SourceId, actual.SourceId);
        Assert.Equal(expected.Origin, actual.Origin);
        AssertSame(expected.Metadata, actual.Metadata);
        Assert.Equal(expected.RawText, actual.RawText);
        Assert.Equal(expected.Text, actual.Text);
        AssertSame(expected.Map, actual.Map);
        Assert.Equal(expected.Removals.AsEnumerable(), actual.Removals.AsEnumerable());
        Assert.Equal(expected.Embeds.Length, actual.Embeds.Length);
        for (var i = 0; i < expected.Embeds.Length; i++)
        {
            Assert.Equal(expected.Embeds[i], actual.Embeds[i]);
        }

        if (expected.HtmlMap is null)
        {
            Assert.Null(actual.HtmlMap);
        }
        else
        {
            Assert.NotNull(actual.HtmlMap);
            AssertSame(expected.HtmlMap, actual.HtmlMap);
        }

        Assert.Equal(expected.Diagnostics.AsEnumerable(), actual.Diagnostics.AsEnumerable());
        Assert.Equal(expected.Provenance, actual.Provenance);
        Assert.Equal(expected.WordCount, actual.WordCount);
    }

    public static void AssertSame(ArticleMetadata expected, ArticleMetadata actual)
    {
        Assert.Equal(expected.Authors.AsEnumerable(), actual.Authors.AsEnumerable());
        // With Authors compared, the record's own equality covers the scalar fields; compare with equal arrays.
        Assert.Equal(expected, actual with { Authors = expected.Authors });
    }

    public static void AssertSame(OffsetMap expected, OffsetMap actual)
    {
        Assert.Equal(expected.CleanLength, actual.CleanLength);
        Assert.Equal(expected.RawLength, actual.RawLength);
        Assert.Equal(expected.Segments.AsEnumerable(), actual.Segments.AsEnumerable());
    }

    public static void AssertSame(SourceDocument expected, SourceDocument actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Origin, actual.Origin);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
        Assert.Equal(expected.RawText, actual.RawText);
        Assert.Equal(expected.Encoding, actual.Encoding);
        Assert.Equal(expected.FetchedAt, actual.FetchedAt);
        Assert.Equal(expected.FetchedAt?.Offset, actual.FetchedAt?.Offset);
        Assert.Equal(expected.Reader, actual.Reader);
        Assert.Equal(expected.Hints.Authors.AsEnumerable(), actual.Hints.Authors.AsEnumerable());
        Assert.Equal(expected.Hints, actual.Hints with { Authors = expected.Hints.Authors });
        Assert.Equal(expected.Diagnostics.AsEnumerable(), actual.Diagnostics.AsEnumerable());
    }

    public static ImmutableArray<T> Arr<T>(params T[] items) => [.. items];
}
