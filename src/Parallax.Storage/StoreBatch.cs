using Parallax.Core;

namespace Parallax.Storage;

/// <summary>Checks every store applies to a batch before writing it: caller bugs, not environment failures.</summary>
internal static class StoreBatch
{
    /// <summary>Throws <see cref="ArgumentException"/> for a null source, a default article list, or an article saved under another source.</summary>
    public static void Validate(IReadOnlyList<(SourceDocument Source, System.Collections.Immutable.ImmutableArray<Article> Articles)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var (source, articles) in batch)
        {
            ArgumentNullException.ThrowIfNull(source);
            if (articles.IsDefault)
            {
                throw new ArgumentException($"The article list of source {source.Id} is a default (uninitialised) array; pass [] for none.", nameof(batch));
            }

            foreach (var article in articles)
            {
                if (article.SourceId != source.Id)
                {
                    throw new ArgumentException($"Article {article.Id} has source id {article.SourceId}, but is saved with source {source.Id}.", nameof(batch));
                }
            }
        }
    }
}
