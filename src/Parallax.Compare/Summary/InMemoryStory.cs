using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Language;
using Parallax.Language.Entities;
using Parallax.Stories;

namespace Parallax.Compare.Summary;

/// <summary>One article given as plain text (evaluation sets, tests): no reading, extraction or cleaning.</summary>
/// <param name="Id">Unique within the story.</param>
/// <param name="Date">Its publication date, when known.</param>
public sealed record PlainArticle(string Id, string Outlet, string? Title, string Text, DateOnly? Date = null);

/// <summary>
/// Builds a <see cref="StoryInput"/> in memory from plain texts: the language pipeline per article and story-wide
/// entity resolution, every article its own origin (no lineage). Undated articles get the story's earliest date.
/// </summary>
public static class InMemoryStory
{
    public static StoryInput Build(string storyId, IReadOnlyList<PlainArticle> articles, Pipeline<Doc>? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        ArgumentNullException.ThrowIfNull(articles);
        var pipeline = language ?? LanguagePipeline.Default;
        var docs = articles.Select(a => pipeline.Run(new Doc(ToArticle(a)), cancellationToken)).ToList();
        var resolved = EntityResolver.Resolve(docs);
        var storyDate = articles.Select(a => a.Date).Where(d => d is not null).Min();
        var members = resolved.Docs.Select(doc => new StoryArticle(
            doc,
            new ArticleOrigin { ArticleId = doc.Article.Id, Kind = OriginKind.Independent, Reason = "plain text, no lineage computed" },
            doc.Article.Id)
        {
            Date = doc.Article.Metadata.Published?.Date ?? storyDate,
        }).ToImmutableArray();
        var title = articles.Select(a => a.Title).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? storyId;
        return new StoryInput(storyId, title, members, resolved.Entities);
    }

    /// <summary>The article as if read from a header-less text file: the text is its own raw text.</summary>
    public static Article ToArticle(PlainArticle plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        return new Article
        {
            Id = plain.Id,
            SourceId = plain.Id,
            Origin = "memory:" + plain.Id,
            Metadata = new ArticleMetadata
            {
                Title = plain.Title,
                Outlet = string.IsNullOrWhiteSpace(plain.Outlet) ? "unknown" : plain.Outlet,
                Published = plain.Date is { } d ? new PublicationDate { Date = d, Source = "given" } : null,
            },
            RawText = plain.Text,
            Text = plain.Text,
            Map = OffsetMap.Identity(plain.Text.Length),
        };
    }
}
