using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Parallax.Compare;
using Parallax.Compare.Claims;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Eval.Clustering;
using Parallax.Language.Entities;
using Parallax.Stories;

namespace Parallax.Bench;

/// <summary>
/// The comparison stage on one story of 50 articles: the 50 documents of the biggest gold stories of ECB+ dev
/// (../shared/data/clustering/ecbplus-dev, ~360 words each), analysed once by the language layer in setup.
/// <c>ClaimTable50</c> is <see cref="ClaimTableBuilder.Build"/> (claims, alignment, facts); <c>StoryAnalysis50</c> is the
/// whole <see cref="StoryAnalyzer.Analyze"/> (every report part). End to end (language layer + clustering + analysis) and
/// claims aligned per second: <c>dotnet run -c Release --project bench/Parallax.Bench -- story [--runs N]</c>.
/// BenchmarkDotNet: <c>dotnet run -c Release --project bench/Parallax.Bench -- --filter '*ClaimTable*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ClaimTableBenchmarks
{
    private StoryInput _input = null!;

    [GlobalSetup]
    public void Setup() => _input = StoryBench.Input(StoryBench.Articles(50));

    [Benchmark]
    public ImmutableArray<FactReport> ClaimTable50() => ClaimTableBuilder.Build(_input);

    [Benchmark]
    public StoryReport StoryAnalysis50() => StoryAnalyzer.Analyze(_input);
}

/// <summary>The <c>story</c> bench command: timings of one 50-article story, median of several runs after a warm-up.</summary>
public static class StoryBench
{
    /// <summary>The first <paramref name="count"/> documents of ECB+ dev, biggest gold stories first (then story label, then id).</summary>
    public static List<Article> Articles(int count)
    {
        var aeb = BenchData.AebHtmlDirectory();
        var shared = Path.GetFullPath(Path.Combine(aeb, "..", "..", "..", ".."));
        var (docs, _) = ClusteringSet.Read(Path.Combine(shared, "data", "clustering", "ecbplus-dev", "docs.jsonl"));
        return [.. docs.GroupBy(d => d.GoldStory, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(d => d.Article.Id, StringComparer.Ordinal))
            .Take(count).Select(d => d.Article)];
    }

    /// <summary>All <paramref name="articles"/> as one story (each its own origin), with the language layer and story-wide entities.</summary>
    public static StoryInput Input(IReadOnlyList<Article> articles)
    {
        var docs = new StoryAnalysisService().AnalyzeLanguage(articles);
        var resolved = EntityResolver.Resolve(articles.Select(a => docs[a.Id]));
        var members = resolved.Docs.Select(d => new StoryArticle(d, new ArticleOrigin { ArticleId = d.Article.Id, Kind = OriginKind.Independent, Reason = "bench" }, d.Article.Id)
        {
            Date = d.Article.Metadata.Published?.Date,
        }).ToImmutableArray();
        return new StoryInput("bench", "bench", members, resolved.Entities);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static int Run(string[] args)
    {
        var runs = 5;
        var count = 50;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--count":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
            }
        }

        var articles = Articles(count);
        var input = Input(articles);
        var claims = ClaimTableBuilder.ExtractClaims(input).Count;
        var facts = ClaimTableBuilder.Build(input).Length;
        double Median(Action action)
        {
            action();
            var times = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                var sw = Stopwatch.StartNew();
                action();
                times.Add(sw.Elapsed.TotalSeconds);
            }

            times.Sort();
            return times[times.Count / 2];
        }

        var extract = Median(() => ClaimTableBuilder.ExtractClaims(input));
        var claimList = ClaimTableBuilder.ExtractClaims(input);
        var align = Median(() => ClaimAligner.Align(claimList, out _));
        var table = Median(() => ClaimTableBuilder.Build(input));

        // CPU time of the (single-threaded) claim table: on a shared, loaded machine wall time overstates the cost.
        double Cpu(Action action)
        {
            var process = Process.GetCurrentProcess();
            var before = process.TotalProcessorTime;
            for (var r = 0; r < runs; r++)
            {
                action();
            }

            process.Refresh();
            return (process.TotalProcessorTime - before).TotalSeconds / runs;
        }

        var tableCpu = Cpu(() => ClaimTableBuilder.Build(input));
        var extractCpu = Cpu(() => ClaimTableBuilder.ExtractClaims(input));
        var alignCpu = Cpu(() => ClaimAligner.Align(claimList, out _));
        var analysis = Median(() => StoryAnalyzer.Analyze(input));
        var oneStory = Median(() => StoryAnalyzer.Analyze(Input(articles)));
        var endToEnd = Median(() => new StoryAnalysisService().Analyze(articles));
        var words = articles.Sum(a => a.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles.Count} articles ({words} words), {claims} claims, {facts} facts; {Environment.ProcessorCount} cores; median of {runs} runs; load average {LoadAverage()}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claim table (claims + alignment + facts): {table * 1000:F1} ms wall = {claims / table:F0} claims aligned/s; {tableCpu * 1000:F1} ms CPU = {claims / tableCpu:F0} claims/CPU-s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  of which claim extraction {extract * 1000:F1} ms wall / {extractCpu * 1000:F1} ms CPU, alignment {align * 1000:F1} ms wall / {alignCpu * 1000:F1} ms CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"story analysis (all report parts):       {analysis * 1000:F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one 50-article story: language layer + entities + story analysis: {oneStory * 1000:F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"end to end as `analyze` runs it (language layer + clustering + lineage + analysis of every story found): {endToEnd * 1000:F1} ms"));
        return 0;
    }
}
