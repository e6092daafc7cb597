using Parallax.Core;

namespace Parallax.Stories;

/// <summary>
/// How a story is named: its id from its smallest member id and its title in its articles' own words. One definition for
/// the consolidation (<c>StoryBuilder</c>) and for callers that name stories before a consolidation (the web server's
/// provisional snapshot), so both give a story the same id and title. Pure; thread-safe.
/// </summary>
public static class StoryNaming
{
    /// <summary><c>s-</c> + 12 hex digits of the SHA-256 of the smallest member id.</summary>
    public static string StoryId(string smallestMemberId) => "s-" + Hashing.Sha256Hex(smallestMemberId)[..12];

    /// <summary>The article's headline, else its first sentence (at most 160 characters), in its own words.</summary>
    public static string TitleOf(Article article)
    {
        if (!string.IsNullOrWhiteSpace(article.Metadata.Title))
        {
            return article.Metadata.Title.Trim();
        }

        var text = article.Text.TrimStart();
        var end = text.IndexOfAny(['\n', '.', '!', '?']);
        var first = end < 0 ? text : text[..(text[end] == '\n' ? end : end + 1)];
        return first.Length <= 160 ? first.Trim() : first[..160].TrimEnd() + "…";
    }
}
