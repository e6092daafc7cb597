using System.Globalization;
using System.Text;
using Parallax.Stories;

namespace Parallax.Eval.Clustering;

/// <summary>
/// Development aid for <c>parallax eval clustering DIR --errors FILE</c>: a plain-text dump of the worst clustering errors
/// against the gold stories — predicted stories that merge several gold stories (ranked by wrong pairs) and gold stories
/// split over several predicted stories (ranked by lost pairs) — with each member's title and the story similarity
/// (<see cref="StoryClusterer.Similarity"/>) between members, so a reader sees why a pair was or was not joined.
/// </summary>
public static class ClusteringErrorReport
{
    /// <summary>Writes the report for <paramref name="documents"/> clustered by <paramref name="clusterer"/> (which must hold exactly these documents).</summary>
    /// <param name="limit">How many merged and how many split stories to list (each list worst first).</param>
    public static string Write(IReadOnlyList<ClusteringDocument> documents, StoryClusterer clusterer, int limit = 40)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(clusterer);
        var gold = documents.ToDictionary(d => d.Article.Id, d => d.GoldStory, StringComparer.Ordinal);
        var byId = documents.ToDictionary(d => d.Article.Id, StringComparer.Ordinal);
        var predicted = documents.GroupBy(d => clusterer.StoryOf(d.Article.Id) ?? d.Article.Id, StringComparer.Ordinal)
            .Select(g => g.Select(d => d.Article.Id).Order(StringComparer.Ordinal).ToList())
            .ToList();
        var goldStories = documents.GroupBy(d => d.GoldStory, StringComparer.Ordinal)
            .Select(g => g.Select(d => d.Article.Id).Order(StringComparer.Ordinal).ToList())
            .ToList();

        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(s => (long)s * (s - 1) / 2);
        var merged = predicted
            .Select(members => (members, wrong: Pairs([members.Count]) - Pairs(members.GroupBy(m => gold[m]).Select(g => g.Count()))))
            .Where(p => p.wrong > 0)
            .OrderByDescending(p => p.wrong).ThenBy(p => p.members[0], StringComparer.Ordinal)
            .ToList();
        var split = goldStories
            .Select(members => (members, lost: Pairs([members.Count]) - Pairs(members.GroupBy(m => clusterer.StoryOf(m) ?? m).Select(g => g.Count()))))
            .Where(p => p.lost > 0)
            .OrderByDescending(p => p.lost).ThenBy(p => p.members[0], StringComparer.Ordinal)
            .ToList();

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Clustering errors: {documents.Count} documents, {goldStories.Count} gold stories, {predicted.Count} predicted\n");
        sb.Append(CultureInfo.InvariantCulture, $"# {merged.Count} predicted stories mix gold stories ({merged.Sum(m => m.wrong)} wrong pairs); {split.Count} gold stories are split ({split.Sum(s => s.lost)} lost pairs)\n");
        if (documents.Count is > 1 and <= 3000)
        {
            // How separable the similarity is, whatever the clustering: the share of documents (in a gold story of
            // at least two) whose most similar other document belongs to the same gold story.
            var ids = documents.Select(d => d.Article.Id).ToArray();
            var goldSize = documents.GroupBy(d => d.GoldStory, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var eligible = 0;
            var hits = 0;
            foreach (var a in ids)
            {
                if (goldSize[gold[a]] < 2)
                {
                    continue;
                }

                eligible++;
                var best = ids.Where(b => b != a).MaxBy(b => clusterer.Similarity(a, b) ?? 0)!;
                hits += gold[best] == gold[a] ? 1 : 0;
            }

            sb.Append(CultureInfo.InvariantCulture, $"# nearest neighbour in the same gold story: {hits}/{eligible} = {(double)hits / Math.Max(eligible, 1):F3}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"# predicted story sizes: {string.Join(' ', predicted.GroupBy(p => p.Count).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"))}\n\n");

        string Title(string id)
        {
            var a = byId[id].Article;
            var t = a.Metadata.Title is { Length: > 0 } title ? title : a.Text;
            t = t.ReplaceLineEndings(" ");
            return t.Length > 110 ? t[..110] + "…" : t;
        }

        string Date(string id) => byId[id].Article.Metadata.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";

        sb.Append("## Merged: predicted stories holding several gold stories (worst first)\n");
        foreach (var (members, wrong) in merged.Take(limit))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n### predicted {clusterer.StoryOf(members[0])}: {members.Count} docs, {members.Select(m => gold[m]).Distinct().Count()} gold stories, {wrong} wrong pairs\n");
            foreach (var m in members.OrderBy(m => gold[m], StringComparer.Ordinal).ThenBy(m => m, StringComparer.Ordinal))
            {
                // Mean similarity to the members of its own gold story and to the other members.
                var same = members.Where(o => o != m && gold[o] == gold[m]).Select(o => clusterer.Similarity(m, o) ?? 0).DefaultIfEmpty(double.NaN).Average();
                var other = members.Where(o => gold[o] != gold[m]).Select(o => clusterer.Similarity(m, o) ?? 0).DefaultIfEmpty(double.NaN).Average();
                sb.Append(CultureInfo.InvariantCulture, $"  {gold[m],-28} {Date(m)} same {same:F3} other {other:F3}  {m}: {Title(m)}\n");
            }
        }

        sb.Append("\n## Split: gold stories spread over several predicted stories (worst first)\n");
        foreach (var (members, lost) in split.Take(limit))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n### gold {gold[members[0]]}: {members.Count} docs in {members.Select(m => clusterer.StoryOf(m)).Distinct().Count()} predicted stories, {lost} lost pairs\n");
            foreach (var m in members.OrderBy(m => clusterer.StoryOf(m), StringComparer.Ordinal).ThenBy(m => m, StringComparer.Ordinal))
            {
                var story = clusterer.StoryOf(m) ?? "";
                var size = documents.Count(d => clusterer.StoryOf(d.Article.Id) == story);
                var sims = string.Join(' ', members.Where(o => o != m).Select(o => (clusterer.Similarity(m, o) ?? 0).ToString("F3", CultureInfo.InvariantCulture)));
                sb.Append(CultureInfo.InvariantCulture, $"  {story} (size {size}) {Date(m)} sims [{sims}]  {m}: {Title(m)}\n");
            }
        }

        return sb.ToString();
    }
}
