using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Parallax.Bench;
using Parallax.Ingest.Extraction;

// dotnet run -c Release --project bench/Parallax.Bench -- pages [--count N] [--threads T] [DIR]
//   end-to-end: extracts N pages (cycling the AEB set) and prints pages/second and memory every 1000 pages.
// dotnet run -c Release --project bench/Parallax.Bench -- language [--count N] [--threads T]
//   the whole language layer over the first N scale articles: articles/second, CPU-seconds, memory.
// dotnet run -c Release --project bench/Parallax.Bench -- story [--runs N] [--count N]
//   one story of 50 ECB+ articles: claim table (claims aligned/s), story analysis, end to end (ClaimTableBenchmarks.cs).
// dotnet run -c Release --project bench/Parallax.Bench -- stories-scale [...]
//   stream the AllSides scale corpus through dedup + story placement (StoryScaleBench.cs).
// dotnet run -c Release --project bench/Parallax.Bench -- analyzer-check [FILE] [--count N]
//   the story features' caching analyzer against Lucene's EnglishAnalyzer on scale articles (AnalyzerCheck.cs).
// dotnet run -c Release --project bench/Parallax.Bench -- --filter '*'
//   BenchmarkDotNet suites (ExtractionBenchmarks, [MemoryDiagnoser]).
if (args.Length > 0 && args[0] == "language")
{
    return LanguageThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "stories-scale")
{
    return StoryScaleBench.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "analyzer-check")
{
    return AnalyzerCheck.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "story")
{
    return StoryBench.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "pages")
{
    return Throughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "stages")
{
    var pages = BenchData.LoadPages(BenchData.AebHtmlDirectory());
    foreach (var (name, html) in pages)
    {
        new HtmlExtractor().Extract(html, null);
    }

    var sw = Stopwatch.StartNew();
    foreach (var (_, html) in pages)
    {
        using var d = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(html);
    }

    Console.WriteLine($"parse only: {pages.Count / sw.Elapsed.TotalSeconds:F1} pages/s");
    sw.Restart();
    foreach (var (_, html) in pages)
    {
        new HtmlExtractor(useFallback: false).Extract(html, null);
    }

    Console.WriteLine($"scorer only: {pages.Count / sw.Elapsed.TotalSeconds:F1} pages/s");
    sw.Restart();
    var slow = new List<(double, string)>();
    foreach (var (name, html) in pages)
    {
        var t = Stopwatch.StartNew();
        var r = new HtmlExtractor().Extract(html, null);
        slow.Add((t.Elapsed.TotalMilliseconds, name + " " + r.Page?.Method));
    }

    Console.WriteLine($"cascade: {pages.Count / sw.Elapsed.TotalSeconds:F1} pages/s");
    foreach (var (ms, n) in slow.OrderByDescending(x => x.Item1).Take(8))
    {
        Console.WriteLine($"{ms,8:F1} ms {n}");
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;

internal static class Throughput
{
    public static int Run(string[] args)
    {
        var count = 10_000;
        var threads = Environment.ProcessorCount;
        string? dir = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    dir = args[i];
                    break;
            }
        }

        var pages = BenchData.LoadPages(dir ?? BenchData.AebHtmlDirectory());
        var extractor = new HtmlExtractor();
        var inputMb = pages.Sum(p => p.Html.Length) / 1e6;
        Console.WriteLine($"{pages.Count} pages ({inputMb:F1} M chars) loaded; {count} extractions on {threads} thread(s)");

        foreach (var (_, html) in pages)
        {
            extractor.Extract(html, null); // warm-up: JIT, regexes
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        Console.WriteLine($"managed heap after warm-up: {baseline / 1e6:F1} MB, working set {Process.GetCurrentProcess().WorkingSet64 / 1e6:F1} MB");

        var done = 0;
        var rejected = 0;
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var lockObj = new object();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var result = extractor.Extract(pages[i % pages.Count].Html, null);
            if (!result.IsSuccess)
            {
                Interlocked.Increment(ref rejected);
            }

            var n = Interlocked.Increment(ref done);
            if (n % 1000 == 0)
            {
                lock (lockObj)
                {
                    Console.WriteLine($"{n,6} pages  {n / sw.Elapsed.TotalSeconds,7:F1} pages/s  managed {GC.GetTotalMemory(false) / 1e6,7:F1} MB  working set {Process.GetCurrentProcess().WorkingSet64 / 1e6,7:F1} MB  gen2 GCs {GC.CollectionCount(2)}");
                }
            }
        });
        sw.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        Console.WriteLine($"cpu time: {cpu:F1} s = {count / cpu:F1} pages per CPU-second (a machine shared with other jobs gets fewer pages per wall-clock second; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown")})");
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"total: {count} pages in {sw.Elapsed.TotalSeconds:F1} s = {count / sw.Elapsed.TotalSeconds:F1} pages/s ({inputMb * count / pages.Count / sw.Elapsed.TotalSeconds:F1} M chars/s), {rejected} rejected");
        Console.WriteLine($"managed heap after full GC: {after / 1e6:F1} MB (baseline {baseline / 1e6:F1} MB), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB");
        return 0;
    }
}
