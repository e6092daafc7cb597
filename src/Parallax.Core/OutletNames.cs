namespace Parallax.Core;

/// <summary>
/// How an article's outlet is named in reports and comparisons. An identified outlet is its name; an article whose
/// outlet could not be identified is its own unnamed source, <c>unknown outlet (1a2b3c4d)</c> after the first eight
/// characters of its id, so that several unidentified articles are never merged into one "unknown" outlet when a story
/// counts who states, omits or contradicts a fact.
/// </summary>
public static class OutletNames
{
    public const string Unknown = "unknown";

    public static bool IsUnknown(string? outlet) => string.IsNullOrWhiteSpace(outlet) || outlet.Equals(Unknown, StringComparison.OrdinalIgnoreCase);

    /// <summary>The display name of <paramref name="article"/>'s outlet (see the type's summary).</summary>
    public static string Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return IsUnknown(article.Metadata.Outlet) ? $"unknown outlet ({article.Id[..Math.Min(8, article.Id.Length)]})" : article.Metadata.Outlet;
    }
}
