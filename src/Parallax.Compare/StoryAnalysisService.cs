using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Language;
using Parallax.Language.Entities;
using Parallax.Stories;

namespace Parallax.Compare;

/// <summary>
/// Runs the whole analysis over a run's articles: story clustering and lineage, the language layer per article (in
/// parallel), story-wide entity resolution, then <see cref="StoryAnalyzer"/> per story. Deterministic: the same articles
/// in any order give the same stories and reports. Stories come biggest first, then by id.
/// </summary>
public sealed class StoryAnalysisService
{
    private readonly Pipeline<Doc> _language;
    private readonly StoryClustererOptions? _options;

    public StoryAnalysisService(Pipeline<Doc>? language = null, StoryClustererOptions? options = null)
    {
        _language = language ?? LanguagePipeline.Default;
        _options = options;
    }

    /// <summary>The analysed stories of <paramref name="articles"/>.</summary>
    public ImmutableArray<StoryReport> Analyze(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        using var clusterer = new StoryClusterer(_options);
        var stories = clusterer.Recluster(articles)
            .OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var byId = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            byId.TryAdd(a.Id, a);
        }

        var docs = AnalyzeLanguage([.. byId.Values.OrderBy(a => a.Id, StringComparer.Ordinal)], cancellationToken);
        var reports = ImmutableArray.CreateBuilder<StoryReport>(stories.Length);
        foreach (var story in stories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Add(StoryReportComposer.Compose(story, clusterer.LineageOf(story.Id), docs));
        }

        return reports.MoveToImmutable();
    }

    /// <summary>The language layer for every article, in parallel; keyed by article id.</summary>
    public Dictionary<string, Doc> AnalyzeLanguage(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        var result = new Doc[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            result[i] = _language.Run(new Doc(articles[i]), cancellationToken));
        return result.ToDictionary(d => d.Article.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// The story input: members in report order with story-wide entity ids, origins and origin keys, and dates (stated,
    /// else inferred from the story).
    /// </summary>
    public static StoryInput BuildInput(Story story, StoryLineage? lineage, IReadOnlyDictionary<string, Doc> docs)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(docs);
        var members = story.ArticleIds.Select(id => docs[id])
            .OrderBy(d => d.Article.Metadata.Published is null)
            .ThenBy(d => d.Article.Metadata.Published?.Date)
            .ThenBy(d => d.Article.Metadata.Outlet, StringComparer.Ordinal)
            .ThenBy(d => d.Article.Id, StringComparer.Ordinal)
            .ToList();
        var resolved = EntityResolver.Resolve(members);
        var origins = (lineage?.Origins ?? []).ToDictionary(o => o.ArticleId, StringComparer.Ordinal);
        var inferred = story.InferredDates.ToDictionary(d => d.ArticleId, StringComparer.Ordinal);
        var articles = resolved.Docs.Select(doc =>
        {
            var id = doc.Article.Id;
            var origin = origins.GetValueOrDefault(id) ?? new ArticleOrigin { ArticleId = id, Kind = OriginKind.Independent, Reason = "no lineage computed" };
            return new StoryArticle(doc, origin, OriginKey(id, origins))
            {
                Date = doc.Article.Metadata.Published?.Date ?? (inferred.TryGetValue(id, out var inf) ? inf.From : null),
            };
        }).ToImmutableArray();
        return new StoryInput(story.Id, story.Title, articles, resolved.Entities);
    }

    /// <summary>The root of an article's copy chain (cycles and unknown origins stop the walk), or <c>wire:NAME</c>.</summary>
    public static string OriginKey(string articleId, IReadOnlyDictionary<string, ArticleOrigin> origins)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var id = articleId;
        while (seen.Add(id) && origins.TryGetValue(id, out var o))
        {
            if (o.Kind == OriginKind.RewriteOfWire && o.Wire is { } wire)
            {
                return "wire:" + wire;
            }

            if (o.Kind is OriginKind.CopyOf or OriginKind.RewriteOf && o.OriginId is { } next)
            {
                id = next;
                continue;
            }

            break;
        }

        return id;
    }
}
