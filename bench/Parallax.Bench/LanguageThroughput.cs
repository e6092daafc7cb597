using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Parallax.Core;
using Parallax.Language;

namespace Parallax.Bench;

/// <summary>
/// <c>language [--count N] [--threads T]</c>: the whole per-article language layer (<see cref="LanguagePipeline.Default"/>:
/// tokens, sentences, entities, labels, dates, quantities, quotes) over the first N articles of
/// ../shared/data/scale/allsides-articles.jsonl.gz, on T threads; prints articles/second, CPU-seconds and memory.
/// </summary>
internal static class LanguageThroughput
{
    public static int Run(string[] args)
    {
        var count = 5_000;
        var threads = Environment.ProcessorCount;
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
            }
        }

        var articles = Load(count);
        var chars = articles.Sum(a => (long)a.Text.Length);
        Console.WriteLine($"{articles.Count} articles ({chars / 1e6:F1} M chars) loaded; language layer on {threads} thread(s)");
        var pipeline = LanguagePipeline.Default;
        foreach (var a in articles.Take(50))
        {
            pipeline.Run(new Doc(a)); // warm-up: model load, JIT
        }

        if (args.Contains("--stages"))
        {
            StageTimes(articles);
        }

        GC.Collect();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long mentions = 0, quotes = 0, timexes = 0, failures = 0;
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var doc = pipeline.Run(new Doc(articles[i]));
            Interlocked.Add(ref mentions, doc.Mentions.Length);
            Interlocked.Add(ref quotes, doc.Quotes.Length);
            Interlocked.Add(ref timexes, doc.Timexes.Length);
            if (!doc.Diagnostics.IsDefaultOrEmpty)
            {
                Interlocked.Increment(ref failures);
            }
        });
        sw.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        Console.WriteLine($"total: {articles.Count} articles in {sw.Elapsed.TotalSeconds:F1} s = {articles.Count / sw.Elapsed.TotalSeconds:F1} articles/s ({chars / 1e6 / sw.Elapsed.TotalSeconds:F2} M chars/s)");
        Console.WriteLine($"cpu time: {cpu:F1} s = {articles.Count / cpu:F1} articles per CPU-second (load average {load})");
        Console.WriteLine($"found: {mentions} mentions, {quotes} quotes, {timexes} timexes; {failures} articles with a stage failure");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB");
        return 0;
    }

    /// <summary>Single-thread CPU time per stage (each stage sees the layers of the stages before it).</summary>
    private static void StageTimes(List<Article> articles)
    {
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var stages = LanguagePipeline.Stages;
        foreach (var a in articles)
        {
            var doc = new Doc(a);
            foreach (var stage in stages)
            {
                var t = Stopwatch.GetTimestamp();
                doc = stage.Process(doc, CancellationToken.None);
                times[stage.Info.Name] = times.GetValueOrDefault(stage.Info.Name) + Stopwatch.GetElapsedTime(t);
            }
        }

        foreach (var (name, time) in times.OrderByDescending(x => x.Value))
        {
            Console.WriteLine($"{name,-20} {time.TotalMilliseconds / articles.Count,8:F2} ms/article  {articles.Count / time.TotalSeconds,9:F1} articles/s alone");
        }
    }

    private static List<Article> Load(int count)
    {
        var path = Path.Combine(Path.GetDirectoryName(BenchData.AebHtmlDirectory())!, "..", "..", "scale", "allsides-articles.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var list = new List<Article>(count);
        while (list.Count < count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("text", out var t) && t.GetString() is { Length: > 0 } text)
            {
                var id = "scale-" + list.Count.ToString(CultureInfo.InvariantCulture);
                DateOnly? date = root.TryGetProperty("date", out var d) && DateOnly.TryParse(d.GetString(), CultureInfo.InvariantCulture, out var dd) ? dd : null;
                list.Add(new Article
                {
                    Id = id,
                    SourceId = id,
                    Origin = "bench:" + id,
                    Metadata = new ArticleMetadata
                    {
                        Outlet = root.TryGetProperty("outlet", out var s) ? s.GetString() ?? "unknown" : "unknown",
                        Published = date is { } x ? new PublicationDate { Date = x, Source = "bench" } : null,
                    },
                    RawText = text,
                    Text = text,
                    Map = OffsetMap.Identity(text.Length),
                });
            }
        }

        return list;
    }
}
