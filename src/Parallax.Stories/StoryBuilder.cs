using System.Collections.Immutable;
using System.Globalization;
using Parallax.Core;

namespace Parallax.Stories;

/// <summary>
/// Turns cluster labels over the canonical order into <see cref="Story"/> records: ids, titles (the central member's
/// <see cref="StoryNaming.TitleOf"/>, given by article id), related links, inferred dates.
/// </summary>
internal static class StoryBuilder
{
    public static ImmutableArray<Story> Build(
        IReadOnlyList<ArticleFeatures> canonical,
        Func<string, string> titleOf,
        int[] labels,
        IReadOnlyList<SimilarityEdge> edges,
        StoryClustererOptions options)
    {
        var n = canonical.Count;
        // Sums of edge similarities between final stories (pairs without an edge count 0), for related links.
        var sizes = new int[n];
        var sums = new Dictionary<int, double>[n];
        for (var i = 0; i < n; i++)
        {
            sizes[labels[i]]++;
            sums[i] = [];
        }

        foreach (var e in edges)
        {
            var (x, y) = (labels[e.A], labels[e.B]);
            if (x != y)
            {
                sums[x][y] = sums[x].GetValueOrDefault(y) + e.Similarity;
                sums[y][x] = sums[y].GetValueOrDefault(x) + e.Similarity;
            }
        }

        var centrality = new double[n];
        foreach (var e in edges)
        {
            if (labels[e.A] == labels[e.B])
            {
                centrality[e.A] += e.Similarity;
                centrality[e.B] += e.Similarity;
            }
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (!groups.TryGetValue(labels[i], out var g))
            {
                groups[labels[i]] = g = [];
            }

            g.Add(i);
        }

        var idOfRoot = groups.Keys.ToDictionary(r => r, r => StoryNaming.StoryId(canonical[r].ArticleId));
        var stories = new List<(Story Story, DateOnly? First, string FirstId)>();
        foreach (var (root, members) in groups)
        {
            var ordered = members
                .OrderBy(i => canonical[i].Published ?? DateOnly.MaxValue)
                .ThenBy(i => canonical[i].ArticleId, StringComparer.Ordinal)
                .ToList();
            var central = members
                .OrderByDescending(i => centrality[i])
                .ThenBy(i => canonical[i].Published ?? DateOnly.MaxValue)
                .ThenBy(i => canonical[i].ArticleId, StringComparer.Ordinal)
                .First();
            var dated = ordered.Where(i => canonical[i].Published is not null).ToList();
            DateOnly? from = dated.Count > 0 ? canonical[dated[0]].Published : null;
            DateOnly? to = dated.Count > 0 ? dated.Max(i => canonical[i].Published!.Value) : null;

            var related = sums[root]
                .Select(p => (Root: p.Key, Avg: p.Value / ((double)sizes[root] * sizes[p.Key])))
                .Where(p => p.Avg >= options.RelatedThreshold)
                .OrderByDescending(p => p.Avg).ThenBy(p => idOfRoot[p.Root], StringComparer.Ordinal)
                .Take(options.MaxRelated)
                .Select(p => new StoryLink(idOfRoot[p.Root], Math.Round(p.Avg, 4)))
                .ToImmutableArray();

            var inferred = ImmutableArray.CreateBuilder<InferredPublication>();
            if (from is { } f && to is { } t)
            {
                var siblings = dated.Select(i => canonical[i].ArticleId).ToImmutableArray();
                foreach (var i in ordered.Where(i => canonical[i].Published is null))
                {
                    var range = f == t
                        ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    inferred.Add(new InferredPublication(
                        canonical[i].ArticleId,
                        f,
                        t,
                        $"{StoryDiagnostics.DateInferred}: the article states no publication date; its {siblings.Length} dated story sibling(s) were published {range}",
                        siblings));
                }
            }

            var story = new Story
            {
                Id = idOfRoot[root],
                Title = titleOf(canonical[central].ArticleId),
                TitleArticleId = canonical[central].ArticleId,
                ArticleIds = [.. ordered.Select(i => canonical[i].ArticleId)],
                From = from,
                To = to,
                Related = related,
                InferredDates = inferred.ToImmutable(),
            };
            stories.Add((story, canonical[ordered[0]].Published, canonical[ordered[0]].ArticleId));
        }

        return [.. stories
            .OrderBy(s => s.First ?? DateOnly.MaxValue)
            .ThenBy(s => s.FirstId, StringComparer.Ordinal)
            .Select(s => s.Story)];
    }
}
