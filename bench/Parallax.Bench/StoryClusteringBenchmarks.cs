using BenchmarkDotNet.Attributes;
using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Stories;

namespace Parallax.Bench;

/// <summary>
/// Story clustering on neus-dev (8,277 short articles; ../shared/data/clustering/neus-dev): placing one article into an
/// index already holding the whole set (online path), and a full from-scratch consolidation.
/// <c>dotnet run -c Release --project bench/Parallax.Bench -- --filter '*StoryClustering*'</c>
/// </summary>
[MemoryDiagnoser]
public class StoryClusteringBenchmarks
{
    private List<Article> _articles = [];
    private StoryClusterer _index = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var aeb = BenchData.AebHtmlDirectory();
        var shared = Path.GetFullPath(Path.Combine(aeb, "..", "..", "..", ".."));
        var (docs, _) = ClusteringSet.Read(Path.Combine(shared, "data", "clustering", "neus-dev", "docs.jsonl"));
        _articles = [.. docs.Select(d => d.Article)];
        _index = new StoryClusterer();
        _index.Recluster(_articles);
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>One placement against 8,277 indexed articles (a fresh id each time, text cycling through the set).</summary>
    [Benchmark]
    public StoryPlacement PlaceOneArticle()
    {
        var source = _articles[_next++ % _articles.Count];
        return _index.Add(source with { Id = "bench-" + _next.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>Features + consolidation of the whole set from scratch (one operation = 8,277 articles).</summary>
    [Benchmark(OperationsPerInvoke = 8277)]
    public int ReclusterNeusDev()
    {
        using var clusterer = new StoryClusterer();
        return clusterer.Recluster(_articles).Length;
    }
}
