namespace Parallax.Stories;

/// <summary>A sparse L2-normalised vector: ids ascending, no zero weights.</summary>
internal readonly record struct SparseVector(int[] Ids, float[] Weights)
{
    public static double Dot(SparseVector a, SparseVector b)
    {
        double sum = 0;
        int i = 0, j = 0;
        var ai = a.Ids;
        var bi = b.Ids;
        while (i < ai.Length && j < bi.Length)
        {
            var x = ai[i];
            var y = bi[j];
            if (x == y)
            {
                sum += (double)a.Weights[i] * b.Weights[j];
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}

/// <summary>
/// TF-IDF vectors of a fixed set of articles: weight = (1 + ln count) · ln(1 + N / df) · namespace weight, L2-normalised.
/// Built in the order given (callers pass a canonical order so that ids and sums are reproducible).
/// </summary>
internal sealed class FeatureSpace
{
    /// <param name="articles">All keyed in <paramref name="vocabulary"/>.</param>
    public FeatureSpace(IReadOnlyList<ArticleFeatures> articles, FeatureVocabulary vocabulary, StoryClustererOptions options)
    {
        Options = options;
        Vocabulary = vocabulary;
        // Space ids are numbered first seen in the given order (articles, then their keys in key order), independent of
        // the vocabulary's ids: the vector order, and so every floating-point sum over a vector, is a function of the keys.
        var spaceIdOf = new int[vocabulary.IdBound];
        Array.Fill(spaceIdOf, -1);
        var vocabIds = new List<int>();
        var df = new List<int>();
        foreach (var a in articles)
        {
            foreach (var key in a.Ids)
            {
                var id = spaceIdOf[key];
                if (id < 0)
                {
                    id = spaceIdOf[key] = vocabIds.Count;
                    vocabIds.Add(key);
                    df.Add(0);
                }

                df[id]++;
            }
        }

        VocabularyIds = [.. vocabIds];
        DocumentFrequency = [.. df];
        var n = articles.Count;
        Vectors = new SparseVector[n];
        SharedShare = new double[n];
        var dfs = DocumentFrequency;
        for (var d = 0; d < n; d++)
        {
            Vectors[d] = Vectorise(articles[d], k => spaceIdOf[k] is var id and >= 0 ? (id, dfs[id]) : (-1, 0), n, options, out var share);
            SharedShare[d] = share;
        }
    }

    public StoryClustererOptions Options { get; }

    public FeatureVocabulary Vocabulary { get; }

    /// <summary>Space id → vocabulary id.</summary>
    public int[] VocabularyIds { get; }

    public int[] DocumentFrequency { get; }

    public SparseVector[] Vectors { get; }

    /// <summary>
    /// Per article: the norm of its vector without its unique features over the norm with them, in [0, 1]. The cosine
    /// with unique features counted is the cosine of <see cref="Vectors"/> times both shares (unique features are
    /// never shared, so the dot product is the same).
    /// </summary>
    public double[] SharedShare { get; }

    /// <summary>The cosine of articles <paramref name="a"/> and <paramref name="b"/> with their unique features counted in the norms.</summary>
    public double FullCosine(int a, int b) => SparseVector.Dot(Vectors[a], Vectors[b]) * SharedShare[a] * SharedShare[b];

    /// <summary>Vectorises <paramref name="article"/> against document frequencies given by <paramref name="lookup"/> (id, df); unknown features get df 1.</summary>
    public static SparseVector Vectorise(ArticleFeatures article, Func<int, (int Id, int Df)> lookup, int documents, StoryClustererOptions options, out double sharedShare)
    {
        var pairs = new List<(int Id, double W)>(article.Length);
        double norm = 0;
        double uniqueNorm = 0;
        var keys = article.Ids;
        var spaces = article.Namespaces;
        var run = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            while (spaces[run].End <= i)
            {
                run++;
            }

            var key = keys[i];
            var count = article.CountAt(i);
            var (id, df) = lookup(key);
            if (id < 0)
            {
                continue;
            }

            var idf = Idf(documents, df);
            var w = (1 + Math.Log(Math.Max(count, 1))) * idf * NamespaceWeight(spaces[run].Space, options);
            if (w <= 0)
            {
                continue;
            }

            if (options.IgnoreUniqueFeatures && df <= 1)
            {
                uniqueNorm += w * w;
                continue;
            }

            pairs.Add((id, w));
            norm += w * w;
        }

        pairs.Sort((x, y) => x.Id.CompareTo(y.Id));
        sharedShare = norm + uniqueNorm > 0 ? Math.Sqrt(norm / (norm + uniqueNorm)) : 0;
        norm = Math.Sqrt(norm);
        if (norm == 0)
        {
            return new SparseVector([], []);
        }

        var ids = new int[pairs.Count];
        var weights = new float[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            ids[i] = pairs[i].Id;
            weights[i] = (float)(pairs[i].W / norm);
        }

        return new SparseVector(ids, weights);
    }

    /// <summary>Smoothed inverse document frequency ln(1 + N / df): positive even for a feature in every article, so small sets still compare.</summary>
    public static double Idf(int documents, int df) => Math.Log(1 + (double)Math.Max(documents, 1) / Math.Max(df, 1));

    /// <summary>The weight of a key's namespace (its first character).</summary>
    public static double NamespaceWeight(char space, StoryClustererOptions options) => space switch
    {
        'e' => options.EntityWeight,
        'n' => options.NumberWeight,
        'q' => options.QuoteWeight,
        'b' => options.BigramWeight,
        'a' => options.ActionFeatureWeight,
        _ => 1.0,
    };

    /// <summary>The length factor of a pair (see <see cref="StoryClustererOptions.LengthExponent"/>); 1 when disabled.</summary>
    public static double LengthFactor(int wordsA, int wordsB, StoryClustererOptions options)
    {
        if (options.LengthExponent == 0)
        {
            return 1.0;
        }

        var mean = Math.Sqrt(Math.Max(wordsA, 1) * (double)Math.Max(wordsB, 1));
        return Math.Clamp(Math.Pow(mean / options.LengthReference, options.LengthExponent), 1.0 / 3, 3.0);
    }

    /// <summary>
    /// Everything besides the cosine that the consolidation multiplies a pair's similarity by: the time discount, the
    /// length factor and the stated-weekday conflict factor.
    /// </summary>
    public static double PairFactor(ArticleFeatures a, ArticleFeatures b, StoryClustererOptions options)
        => TimeFactor(a.Published, b.Published, options) * LengthFactor(a.Words, b.Words, options) * WeekdayFactor(a, b, options)
            * LeadEventFactor(a, b, options) * HeadlineAction.Factor(a, b, options);

    /// <summary>
    /// <see cref="StoryClustererOptions.LeadEventConflictFactor"/> when the two leads state figures of one kind that
    /// differ (<see cref="LeadEvent.Conflict"/>) and the longer article has more than
    /// <see cref="StoryClustererOptions.LeadEventMinWords"/> words; else 1.
    /// </summary>
    public static double LeadEventFactor(ArticleFeatures a, ArticleFeatures b, StoryClustererOptions options)
    {
        if (options.LeadEventConflictFactor >= 1 || (a.LeadEvent is null && b.LeadEvent is null))
        {
            return 1.0;
        }

        if (Math.Max(a.Words, b.Words) > options.LeadEventMinWords && LeadEvent.Conflict(a.LeadEvent, b.LeadEvent, options.LeadEventKinds))
        {
            return options.LeadEventConflictFactor;
        }

        // A reversal against the act it undoes: full articles only (short leads of one story often differ in whether
        // they name the reversal; NeuS train pairs 110 of one story against 25 of two).
        return (options.LeadEventKinds & 4) != 0 && Math.Min(a.Words, b.Words) > options.ReversalMinWords && LeadEvent.ReversalConflict(a.LeadEvent, b.LeadEvent)
            ? options.LeadEventConflictFactor
            : 1.0;
    }

    /// <summary>
    /// <see cref="StoryClustererOptions.WeekdayConflictFactor"/> when both articles name weekdays in their headline or
    /// lead, none in common and none on neighbouring days (<see cref="StoryClustererOptions.WeekdayAdjacentFactor"/> when
    /// the nearest are neighbours, <see cref="StoryClustererOptions.WeekdayMatchFactor"/> when one is shared), and neither
    /// is longer than <see cref="StoryClustererOptions.WeekdayMaxWords"/>; else 1.
    /// </summary>
    public static double WeekdayFactor(ArticleFeatures a, ArticleFeatures b, StoryClustererOptions options)
    {
        if (a.StatedWeekdays == 0 || b.StatedWeekdays == 0
            || (options.WeekdayMaxWords > 0 && Math.Max(a.Words, b.Words) > options.WeekdayMaxWords))
        {
            return 1.0;
        }

        if ((a.StatedWeekdays & b.StatedWeekdays) != 0)
        {
            return options.WeekdayMatchFactor;
        }

        // Days next to each other (Friday night's fire, reported on Saturday) are often one event told on two days.
        int x = a.StatedWeekdays;
        var next = ((x << 1) | (x >> 6)) & 0x7F;
        var previous = ((x >> 1) | (x << 6)) & 0x7F;
        return ((next | previous) & b.StatedWeekdays) != 0 ? options.WeekdayAdjacentFactor : options.WeekdayConflictFactor;
    }

    /// <summary>Time discount of a pair: 1 when either is undated or within <see cref="StoryClustererOptions.SameEventDays"/>.</summary>
    public static double TimeFactor(DateOnly? a, DateOnly? b, StoryClustererOptions options)
    {
        if (a is not { } x || b is not { } y)
        {
            return 1.0;
        }

        var days = Math.Abs(x.DayNumber - y.DayNumber);
        return days <= options.SameEventDays ? 1.0 : Math.Exp(-(days - options.SameEventDays) / options.DayDecay);
    }
}
