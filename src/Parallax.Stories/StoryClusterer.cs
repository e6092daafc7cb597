using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Stories;

/// <summary>
/// Groups articles into stories as they arrive.
/// <para><see cref="Add"/> places one article online in milliseconds: its heaviest features look up candidate
/// stories in an inverted index, and it joins the story with the highest centroid cosine (≥
/// <see cref="StoryClustererOptions.PlacementThreshold"/>) or opens a new one.</para>
/// <para><see cref="Stories"/> is the consolidated result: average-link clustering of the time-discounted TF-IDF cosine
/// graph over all articles taken in a canonical order (by id), so it depends only on the set of articles, never on
/// the order they arrived in; <see cref="Recluster"/> from scratch gives the same stories. Consolidation runs lazily
/// when <see cref="Stories"/> is read after changes, and re-seeds the online index with its stories.</para>
/// <para>Not thread-safe: one writer at a time. Deterministic.</para>
/// </summary>
public sealed class StoryClusterer : IDisposable
{
    /// <summary>Version of the clustering; bump when results change.</summary>
    public const string Version = "16";

    private readonly StoryClustererOptions _options;
    private readonly StoryFeatureExtractor _extractor;
    // What lineage and story titles need of each added article; the texts are kept compact in _texts (see ArticleOf).
    private readonly Dictionary<string, StoredArticle> _articles = new(StringComparer.Ordinal);
    private readonly TextStore _texts = new();
    private readonly Dictionary<string, ArticleFeatures> _features = new(StringComparer.Ordinal);
    private readonly OnlineIndex _online;
    private readonly Dictionary<string, StoryLineage> _lineage = new(StringComparer.Ordinal);
    private readonly LineageDetector _lineageDetector = new();
    private ImmutableArray<Story> _stories = [];
    private ImmutableDictionary<string, string> _storyOf = ImmutableDictionary<string, string>.Empty;
    private bool _dirty;
    private FeatureSpace? _space;
    private Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);

    public StoryClusterer(StoryClustererOptions? options = null, IEntityFeatureSource? entities = null)
    {
        _options = options ?? StoryClustererOptions.Default;
        _extractor = new StoryFeatureExtractor(_options, entities);
        _online = new OnlineIndex(_options, _extractor.Vocabulary);
    }

    public StoryClustererOptions Options => _options;

    /// <summary>
    /// The clusterer's own feature extractor (thread-safe, usable while another thread adds): features it extracts share
    /// the clusterer's <see cref="FeatureVocabulary"/>, so <see cref="Add(Article, ArticleFeatures?)"/> takes them as they are;
    /// features of another extractor are re-keyed (same result, more work).
    /// </summary>
    public StoryFeatureExtractor Extractor => _extractor;

    /// <summary>Number of articles added.</summary>
    public int Count => _articles.Count;

    /// <summary>
    /// Places <paramref name="article"/> online and returns where it went. An id already added is not placed again
    /// (diagnostic PX0601); an article without words opens its own story (PX0602).
    /// </summary>
    public StoryPlacement Add(Article article) => Add(article, null);

    /// <summary>
    /// As <see cref="Add(Article)"/>, with the article's features already extracted (by a
    /// <see cref="StoryFeatureExtractor"/> with the same options; extraction is pure and thread-safe, so a host can
    /// extract on several threads and place on one). Null features are extracted here.
    /// </summary>
    public StoryPlacement Add(Article article, ArticleFeatures? features)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (_articles.ContainsKey(article.Id))
        {
            var existing = _online.StoryOf(article.Id) ?? "";
            return new StoryPlacement(article.Id, existing, 0, false,
                [Diagnostic.Warning(StoryDiagnostics.DuplicateId, $"{StoryDiagnostics.DuplicateId}: article id '{article.Id}' was already added; the second copy is ignored", article.Id)]);
        }

        if (features is not null && features.ArticleId != article.Id)
        {
            throw new ArgumentException("the features belong to another article", nameof(features));
        }

        features = features?.In(_extractor.Vocabulary) ?? _extractor.Extract(article);
        _articles.Add(article.Id, Store(article));
        _features.Add(article.Id, features);
        _dirty = true;
        var placement = _online.Place(features);
        if (features.Words == 0)
        {
            return placement with
            {
                Diagnostics = [Diagnostic.Warning(StoryDiagnostics.NoWords, $"{StoryDiagnostics.NoWords}: article '{article.Id}' has no words in its title or text; it forms a story of its own", article.Id)],
            };
        }

        return placement;
    }

    /// <summary>The consolidated stories (see the type's remarks), ordered by their earliest member (date, then id).</summary>
    public ImmutableArray<Story> Stories
    {
        get
        {
            Consolidate();
            return _stories;
        }
    }

    /// <summary>The consolidated story holding <paramref name="articleId"/>, or null when the id is unknown.</summary>
    public string? StoryOf(string articleId)
    {
        Consolidate();
        return _storyOf.GetValueOrDefault(articleId);
    }

    /// <summary>Forgets everything and clusters <paramref name="articles"/> from scratch; same result as adding them one by one in any order.</summary>
    public ImmutableArray<Story> Recluster(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _articles.Clear();
        _texts.Clear();
        _features.Clear();
        _lineage.Clear();
        _online.Reset();
        foreach (var a in articles)
        {
            if (!_articles.ContainsKey(a.Id))
            {
                _articles.Add(a.Id, Store(a));
                _features.Add(a.Id, _extractor.Extract(a));
            }
        }

        _dirty = true;
        return Stories;
    }

    /// <summary>Who copied or rewrote whom inside <paramref name="storyId"/>; null for an unknown story. Computed on first request, cached until the stories change.</summary>
    public StoryLineage? LineageOf(string storyId)
    {
        Consolidate();
        if (_lineage.TryGetValue(storyId, out var cached))
        {
            return cached;
        }

        var story = _stories.FirstOrDefault(s => s.Id == storyId);
        if (story is null)
        {
            return null;
        }

        var lineage = new StoryLineage(story.Id, _lineageDetector.Detect(story.ArticleIds.Select(ArticleOf).ToList()));
        _lineage[storyId] = lineage;
        return lineage;
    }

    /// <summary>
    /// The story similarity of two added articles: the time-discounted TF-IDF cosine over the current set, in [0, 1]
    /// (the quantity the consolidation thresholds). Null when either id is unknown. Depends on the whole set through the IDF.
    /// </summary>
    public double? Similarity(string articleIdA, string articleIdB)
    {
        Consolidate();
        if (_space is not { } space || !_indexOf.TryGetValue(articleIdA, out var a) || !_indexOf.TryGetValue(articleIdB, out var b))
        {
            return null;
        }

        return SparseVector.Dot(space.Vectors[a], space.Vectors[b])
            * FeatureSpace.TimeFactor(_features[articleIdA].Published, _features[articleIdB].Published, _options)
            * FeatureSpace.WeekdayFactor(_features[articleIdA], _features[articleIdB], _options)
            * FeatureSpace.LeadEventFactor(_features[articleIdA], _features[articleIdB], _options)
            * HeadlineAction.Factor(_features[articleIdA], _features[articleIdB], _options);
    }

    private void Consolidate()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        _lineage.Clear();
        // Seed rebuilds the online index from the result: its centroids and postings go now, before the space is built.
        _online.Reset();
        var canonical = _features.Values.OrderBy(f => f.ArticleId, StringComparer.Ordinal).ToList();
        var space = new FeatureSpace(canonical, _extractor.Vocabulary, _options);
        _space = space;
        _indexOf = canonical.Select((f, i) => (f.ArticleId, i)).ToDictionary(p => p.ArticleId, p => p.i, StringComparer.Ordinal);
        var engine = new AverageLinkClusterer(_options);
        var edges = engine.BuildGraph(canonical, space);
        var (clustered, _, _) = engine.Cluster(canonical.Count, edges, _options.MergeThreshold, _options.SingletonThreshold, canonical);
        var merged = MutualPairSplit.Apply(clustered, edges, canonical, _options);
        var labels = engine.SplitOutliers(canonical, space, engine.SplitEvents(canonical, space, merged));
        _stories = StoryBuilder.Build(canonical, id => _articles[id].Title, labels, edges, _options);
        var storyOf = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var s in _stories)
        {
            foreach (var id in s.ArticleIds)
            {
                storyOf[id] = s.Id;
            }
        }

        _storyOf = storyOf.ToImmutable();
        _online.Seed(canonical, space, _stories, _storyOf);
    }

    public void Dispose() => _extractor.Dispose();

    /// <summary>Sizes of what the clusterer keeps (for memory figures; the bench prints them).</summary>
    internal string Footprint()
    {
        var (stories, entries, bytes) = _online.Footprint();
        long featureEntries = 0;
        foreach (var f in _features.Values)
        {
            featureEntries += f.Length;
        }

        return $"{Count} articles: texts {_texts.StoredBytes / 1e6:F0} MB stored; features {featureEntries} entries; online index {stories} stories, {entries} centroid entries in {bytes / 1e6:F0} MB; vocabulary {_extractor.Vocabulary.Count} keys in {_extractor.Vocabulary.ArenaBytes / 1e6:F0} MB";
    }

    /// <summary>What is kept of an added article: its text goes to the compact store (~2 bytes a character less).</summary>
    private StoredArticle Store(Article article)
        => new(article.SourceId, article.Origin, article.Metadata, StoryNaming.TitleOf(article), _texts.Add(article.Text));

    /// <summary>
    /// The added article as lineage reads it: id, metadata and text exactly as added (the text is its own raw text here;
    /// cleaning maps, removals and embeds are not kept, and <see cref="LineageDetector"/> does not read them).
    /// </summary>
    private Article ArticleOf(string id)
    {
        var stored = _articles[id];
        var text = _texts.Get(stored.Text);
        return new Article
        {
            Id = id,
            SourceId = stored.SourceId,
            Origin = stored.Origin,
            Metadata = stored.Metadata,
            RawText = text,
            Text = text,
            Map = OffsetMap.Identity(text.Length),
        };
    }

    /// <param name="Title">The story title the article would give (<see cref="StoryNaming.TitleOf"/>).</param>
    /// <param name="Text">Handle of its text in the clusterer's <see cref="TextStore"/>.</param>
    private sealed record StoredArticle(string SourceId, string Origin, ArticleMetadata Metadata, string Title, int Text);
}

/// <summary>Stable diagnostic codes of the stories area (PX06xx); listed in docs/errors/stories.md.</summary>
public static class StoryDiagnostics
{
    public const string DuplicateId = "PX0601";
    public const string NoWords = "PX0602";
    public const string DateInferred = "PX0603";
    public const string DateNotInferable = "PX0604";
}
