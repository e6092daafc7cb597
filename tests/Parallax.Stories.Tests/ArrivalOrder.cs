using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// The order-independence check every clustering setting must pass: articles arriving one by one in a shuffled order end
/// in the same stories (ids and members) as a from-scratch reclustering of the same articles.
/// </summary>
internal static class ArrivalOrder
{
    /// <summary>Stories as comparable lines: "id:member,member,…" in the clusterer's order.</summary>
    public static ImmutableArray<string> Ids(IEnumerable<Story> stories) => [.. stories.Select(s => s.Id + ":" + string.Join(',', s.ArticleIds))];

    /// <summary>The first <paramref name="count"/> ECB+ dev documents (two similar events per topic: the hard case).</summary>
    public static List<Article> EcbPlusSubset(int count = 150)
    {
        var (docs, _) = ClusteringSet.Read(RepoPaths.SharedData("clustering", "ecbplus-dev", "docs.jsonl"));
        return [.. docs.Take(count).Select(d => d.Article)];
    }

    /// <summary>
    /// The ids of the articles that end alone (stories of one article) when <paramref name="articles"/> are reclustered with
    /// <paramref name="options"/>, and the number of stories: for the settings that let lone articles join a story.
    /// </summary>
    public static (HashSet<string> Alone, int Stories) LoneArticles(IReadOnlyList<Article> articles, StoryClustererOptions options)
    {
        using var clusterer = new StoryClusterer(options);
        var stories = clusterer.Recluster(articles);
        return ([.. stories.Where(s => s.ArticleIds.Length == 1).SelectMany(s => s.ArticleIds)], stories.Length);
    }

    /// <summary>
    /// Asserts that shuffled arrival (seeded) gives the stories of reclustering; with <paramref name="consolidateAlong"/>
    /// the stories are also read after every arrival, which must not change the end result. Returns the stories.
    /// </summary>
    public static ImmutableArray<string> AssertShuffledArrivalEqualsReclustering(
        IReadOnlyList<Article> articles, int seed, StoryClustererOptions? options = null, bool consolidateAlong = false)
    {
        using var reference = new StoryClusterer(options ?? StoryClustererOptions.Default);
        var expected = Ids(reference.Recluster(articles));

        var shuffled = articles.ToArray();
        new Random(seed).Shuffle(shuffled);
        using var incremental = new StoryClusterer(options ?? StoryClustererOptions.Default);
        foreach (var a in shuffled)
        {
            incremental.Add(a);
            if (consolidateAlong)
            {
                _ = incremental.Stories;
            }
        }

        Assert.Equal(expected, Ids(incremental.Stories));
        return expected;
    }
}
