namespace Parallax.Stories;

/// <summary>
/// The online side of <see cref="StoryClusterer"/>: running document frequencies, story centroids (sums of member
/// vectors keyed by feature) and an inverted index feature → stories over each member's heaviest features.
/// Placing an article costs its feature count plus the candidate stories' overlap: milliseconds at 10⁵ stories.
/// </summary>
internal sealed class OnlineIndex
{
    private readonly StoryClustererOptions _options;
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OnlineStory> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _storyOf = new(StringComparer.Ordinal);
    private int _documents;

    public OnlineIndex(StoryClustererOptions options) => _options = options;

    public string? StoryOf(string articleId) => _storyOf.GetValueOrDefault(articleId);

    public void Reset()
    {
        _df.Clear();
        _stories.Clear();
        _postings.Clear();
        _storyOf.Clear();
        _documents = 0;
    }

    public StoryPlacement Place(ArticleFeatures features)
    {
        _documents++;
        foreach (var (key, _) in features.Counts)
        {
            _df[key] = _df.GetValueOrDefault(key) + 1;
        }

        var vector = Vector(features);
        // Partial scores over the heaviest features pick a few candidate stories; only those get the full cosine.
        var partial = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, w) in QueryKeys(vector))
        {
            if (_postings.TryGetValue(key, out var list))
            {
                foreach (var sid in list)
                {
                    partial[sid] = partial.GetValueOrDefault(sid) + w * _stories[sid].Centroid[key];
                }
            }
        }

        var candidates = partial
            .OrderByDescending(p => p.Value / Math.Sqrt(_stories[p.Key].NormSquared)).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(_options.CandidatesPerArticle)
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal);

        string? best = null;
        var bestScore = 0.0;
        foreach (var id in candidates)
        {
            var story = _stories[id];
            var dot = 0.0;
            foreach (var (key, w) in vector)
            {
                if (story.Centroid.TryGetValue(key, out var c))
                {
                    dot += w * c;
                }
            }

            var score = story.NormSquared > 0 ? dot / Math.Sqrt(story.NormSquared) : 0;
            score *= story.TimeFactor(features.Published, _options);
            if (score > bestScore)
            {
                best = id;
                bestScore = score;
            }
        }

        var opened = best is null || bestScore < _options.PlacementThreshold;
        var storyId = opened ? "o-" + features.ArticleId : best!;
        if (opened)
        {
            _stories[storyId] = new OnlineStory();
        }

        AddTo(storyId, features.ArticleId, vector, features.Published);
        return new StoryPlacement(features.ArticleId, storyId, opened ? 0 : Math.Round(bestScore, 4), opened, []);
    }

    /// <summary>Rebuilds the index from consolidated stories so later arrivals are placed against them.</summary>
    public void Seed(IReadOnlyList<ArticleFeatures> canonical, FeatureSpace space, IEnumerable<Story> stories, IReadOnlyDictionary<string, string> storyOf)
    {
        Reset();
        _documents = canonical.Count;
        var keys = new string[space.Ids.Count];
        foreach (var (key, id) in space.Ids)
        {
            keys[id] = key;
            _df[key] = space.DocumentFrequency[id];
        }

        foreach (var s in stories)
        {
            _stories[s.Id] = new OnlineStory();
        }

        for (var d = 0; d < canonical.Count; d++)
        {
            var v = space.Vectors[d];
            var vector = new List<(string Key, double W)>(v.Ids.Length);
            for (var i = 0; i < v.Ids.Length; i++)
            {
                vector.Add((keys[v.Ids[i]], v.Weights[i]));
            }

            AddTo(storyOf[canonical[d].ArticleId], canonical[d].ArticleId, Heaviest(vector), canonical[d].Published);
        }
    }

    /// <summary>
    /// The <see cref="StoryClustererOptions.OnlineFeatures"/> heaviest entries (ties by key), renormalised: the online
    /// side keeps only an article's strongest features in centroids and scoring, so its memory and time per article stay
    /// bounded for long articles. Consolidation uses every feature.
    /// </summary>
    private List<(string Key, double W)> Heaviest(List<(string Key, double W)> vector)
    {
        var k = _options.OnlineFeatures;
        if (k <= 0 || vector.Count <= k)
        {
            return vector;
        }

        vector.Sort((x, y) => x.W != y.W ? y.W.CompareTo(x.W) : string.CompareOrdinal(x.Key, y.Key));
        vector.RemoveRange(k, vector.Count - k);
        var norm = Math.Sqrt(vector.Sum(p => p.W * p.W));
        for (var i = 0; i < vector.Count; i++)
        {
            vector[i] = (vector[i].Key, vector[i].W / norm);
        }

        return vector;
    }

    private void AddTo(string storyId, string articleId, List<(string Key, double W)> vector, DateOnly? published)
    {
        var story = _stories[storyId];
        foreach (var (key, w) in vector)
        {
            var old = story.Centroid.GetValueOrDefault(key);
            story.Centroid[key] = old + w;
            story.NormSquared += (old + w) * (old + w) - old * old;
        }

        foreach (var (key, _) in QueryKeys(vector))
        {
            if (story.Indexed.Add(key))
            {
                if (!_postings.TryGetValue(key, out var list))
                {
                    _postings[key] = list = [];
                }

                list.Add(storyId);
            }
        }

        story.Include(published);
        _storyOf[articleId] = storyId;
    }

    private IEnumerable<(string Key, double W)> QueryKeys(List<(string Key, double W)> vector)
    {
        var maxDf = Math.Max(_options.CandidateMaxDfMin, (int)(_options.CandidateMaxDfShare * _documents));
        return vector
            .Where(p => _df.GetValueOrDefault(p.Key) <= maxDf)
            .OrderByDescending(p => p.W).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(_options.CandidateFeatures);
    }

    private List<(string Key, double W)> Vector(ArticleFeatures features)
    {
        var n = Math.Max(_documents, 1);
        var list = new List<(string Key, double W)>(features.Counts.Length);
        var norm = 0.0;
        foreach (var (key, count) in features.Counts)
        {
            var idf = FeatureSpace.Idf(n, _df.GetValueOrDefault(key));
            var weight = key[0] switch { 'e' => _options.EntityWeight, 'n' => _options.NumberWeight, 'q' => _options.QuoteWeight, 'b' => _options.BigramWeight, _ => 1.0 };
            var w = (1 + Math.Log(Math.Max(count, 1))) * idf * weight;
            if (w > 0)
            {
                list.Add((key, w));
                norm += w * w;
            }
        }

        norm = Math.Sqrt(norm);
        if (norm == 0)
        {
            list.Clear();
        }

        for (var i = 0; i < list.Count; i++)
        {
            list[i] = (list[i].Key, list[i].W / norm);
        }

        return Heaviest(list);
    }

    private sealed class OnlineStory
    {
        public Dictionary<string, double> Centroid { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Indexed { get; } = new(StringComparer.Ordinal);
        public double NormSquared { get; set; }
        public DateOnly? First { get; private set; }
        public DateOnly? Last { get; private set; }

        public void Include(DateOnly? date)
        {
            if (date is { } d)
            {
                First = First is { } f && f < d ? f : d;
                Last = Last is { } l && l > d ? l : d;
            }
        }

        public double TimeFactor(DateOnly? date, StoryClustererOptions options)
        {
            if (date is not { } d || First is not { } f || Last is not { } l)
            {
                return 1.0;
            }

            var nearest = d < f ? f : d > l ? l : d;
            return FeatureSpace.TimeFactor(d, nearest, options);
        }
    }
}
