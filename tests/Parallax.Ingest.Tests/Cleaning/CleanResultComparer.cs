using Parallax.Core;

namespace Parallax.Ingest.Tests.Cleaning;

/// <summary>Structural equality of two clean results (records with arrays compare by reference otherwise).</summary>
internal sealed class CleanResultComparer : IEqualityComparer<CleanResult>
{
    public static CleanResultComparer Instance { get; } = new();

    public bool Equals(CleanResult? x, CleanResult? y)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        return x.Text == y.Text
            && x.Map.Segments.SequenceEqual(y.Map.Segments)
            && x.Removals.SequenceEqual(y.Removals)
            && x.Embeds.SequenceEqual(y.Embeds)
            && x.Diagnostics.SequenceEqual(y.Diagnostics)
            && MetadataEquals(x.Metadata, y.Metadata);
    }

    public int GetHashCode(CleanResult obj) => obj.Text.GetHashCode(StringComparison.Ordinal);

    private static bool MetadataEquals(ArticleMetadata a, ArticleMetadata b) =>
        a with { Authors = [] } == b with { Authors = [] } && a.Authors.SequenceEqual(b.Authors);
}
