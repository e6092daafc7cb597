using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Stories;

namespace Parallax.Compare;

/// <summary>One member article of a story: its analysed text (all language layers, entity ids story-wide) and its origin.</summary>
/// <param name="Doc">The analysed article; every span of the story analysis indexes into <c>Doc.Text</c>.</param>
/// <param name="Origin">Its lineage inside the story.</param>
/// <param name="OriginKey">
/// The key corroboration is counted by: the id of the article at the root of its copy chain, or <c>wire:NAME</c> for a
/// rewrite of a wire that is not in the run. Reprints of one origin share a key.
/// </param>
public sealed record StoryArticle(Doc Doc, ArticleOrigin Origin, string OriginKey)
{
    public Article Article => Doc.Article;

    public string Id => Doc.Article.Id;

    /// <summary>The outlet's display name; an unidentified outlet is named after the article (<see cref="OutletNames.Of"/>), so unidentified articles stay distinct sources.</summary>
    public string Outlet => OutletNames.Of(Doc.Article);

    public string Text => Doc.Article.Text;

    /// <summary>The stated publication date, else the one inferred from the story, else null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Evidence for <paramref name="span"/> of this article.</summary>
    public EvidenceSpan Evidence(TextSpan span) => new(Id, span.Start, span.End, Text[span.Start..span.End]);
}

/// <summary>
/// Everything the story analysis reads: the member articles in report order (publication date, undated last, outlet,
/// id) and the story's entities (the ids <see cref="Mention.EntityId"/> refers to).
/// </summary>
public sealed record StoryInput(string StoryId, string Title, ImmutableArray<StoryArticle> Articles, ImmutableArray<Entity> Entities)
{
    /// <summary>The member with <paramref name="articleId"/>; throws for an id that is not a member.</summary>
    public StoryArticle this[string articleId] => Articles.First(a => a.Id == articleId);

    /// <summary>Distinct origins among the members.</summary>
    public int IndependentSources => Articles.Select(a => a.OriginKey).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The earliest member date (the story's anchor for undated articles), or null when no member is dated.</summary>
    public DateOnly? EarliestDate => Articles.Select(a => a.Date).Where(d => d is not null).Min();
}
