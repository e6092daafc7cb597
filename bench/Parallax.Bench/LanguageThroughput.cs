using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parallax.Core;
using Parallax.Eval.Scale;
using Parallax.Language;

namespace Parallax.Bench;

/// <summary>
/// <c>language [--count N] [--threads T]</c>: the whole per-article language layer (<see cref="LanguagePipeline.Default"/>:
/// tokens, sentences, entities, labels, dates, quantities, quotes) over the first N articles of
/// ../shared/data/scale/allsides-articles.jsonl.gz (<c>--all</c>: every article with text), on T threads; prints
/// articles/second, CPU-seconds per article and peak working set. <c>--stages</c> first times each stage on one thread
/// (wall ms and allocated KB per article). <c>--hashes FILE</c> writes per-article hashes of every layer instead of timing
/// (compare the files of two builds to prove a speed change kept the output). <c>--alloc-types</c> runs the stage pass and
/// prints the types allocated most (<see cref="AllocationSampler"/>). Every timed run also prints GC counts, pause
/// time and allocated bytes.
/// </summary>
internal static class LanguageThroughput
{
    public static int Run(string[] args)
    {
        var count = 5_000;
        var threads = Environment.ProcessorCount;
        string? hashes = null;
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
                case "--all":
                    count = int.MaxValue;
                    break;
                case "--hashes":
                    hashes = args[++i];
                    break;
            }
        }

        var articles = Load(count);
        var chars = articles.Sum(a => (long)a.Text.Length);
        Console.WriteLine($"{articles.Count} articles ({chars / 1e6:F1} M chars) loaded; language layer on {threads} thread(s)");
        var pipeline = LanguagePipeline.Default;
        if (hashes is not null)
        {
            WriteHashes(pipeline, articles, hashes);
            return 0;
        }

        foreach (var a in articles.Take(50))
        {
            pipeline.Run(new Doc(a)); // warm-up: model load, JIT
        }

        if (args.Contains("--stages") || args.Contains("--stages-only") || args.Contains("--alloc-types"))
        {
            StageTimes(articles, args.Contains("--alloc-types"));
            if (args.Contains("--alloc-types"))
            {
                return 0;
            }

            if (args.Contains("--stages-only"))
            {
                return 0;
            }
        }

        GC.Collect();
        var gcStart = GcFigures.Now();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long mentions = 0, quotes = 0, timexes = 0, failures = 0, done = 0;
        var progressLock = new object();
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var doc = pipeline.Run(new Doc(articles[i]));
            if (Interlocked.Increment(ref done) % 5000 == 0)
            {
                // Progress for long runs (a run stopped by a timeout still leaves figures).
                lock (progressLock)
                {
                    var n = Interlocked.Read(ref done);
                    var c = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
                    Console.WriteLine($"{n,6} articles  {n / sw.Elapsed.TotalSeconds,7:F1} articles/s  {c * 1000 / n:F2} CPU-ms per article  working set {Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB");
                }
            }

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
        Console.WriteLine($"cpu time: {cpu:F1} s = {articles.Count / cpu:F1} articles per CPU-second = {cpu * 1000 / articles.Count:F2} CPU-ms per article (load average {load})");
        Console.WriteLine($"found: {mentions} mentions, {quotes} quotes, {timexes} timexes; {failures} articles with a stage failure");
        Console.WriteLine($"{GcFigures.Now().Since(gcStart)} ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, latency mode {System.Runtime.GCSettings.LatencyMode}, tiered compilation {TieredCompilation()})");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB");
        return 0;
    }

    /// <summary>
    /// <c>--hashes FILE</c>: one line per article with a SHA-256 of every layer (all fields of tokens, sentences, mentions,
    /// entities, labels, dates, quantities, quotes, attributions, diagnostics), to prove that a speed change leaves the output
    /// as it was: write the file before and after the change and compare (<c>cmp</c>).
    /// </summary>
    private static void WriteHashes(Pipeline<Doc> pipeline, List<Article> articles, string path)
    {
        var docs = new Doc[articles.Count];
        Parallel.For(0, articles.Count, i => docs[i] = pipeline.Run(new Doc(articles[i])));
        using var writer = new StreamWriter(path);
        var options = new JsonSerializerOptions { IncludeFields = true };
        for (var i = 0; i < docs.Length; i++)
        {
            var d = docs[i];
            string H<T>(IEnumerable<T> items) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Join('\n', items.Select(x => JsonSerializer.Serialize(x, options))))))[..16];
            writer.WriteLine(string.Join('\t', articles[i].Id, H(d.Tokens), H(d.Sentences), H(d.Mentions), H(d.Entities), H(d.Labels),
                H(d.Timexes), H(d.Quantities), H(d.Quotes), H(d.Attributions), H(d.Diagnostics.IsDefault ? [] : d.Diagnostics)));
        }

        Console.WriteLine($"layer hashes of {docs.Length} articles written to {path}");
    }

    /// <summary>
    /// Single-thread wall time and bytes allocated per stage (each stage sees the layers of the stages before it), then the
    /// process CPU time of the whole single-thread pass (CPU-ms per article does not grow when other jobs share the machine).
    /// </summary>
    private static void StageTimes(List<Article> articles, bool sampleTypes = false)
    {
        var stages = LanguagePipeline.Stages;
        using var sampler = sampleTypes ? new AllocationSampler() : null;
        var times = new TimeSpan[stages.Count];
        var cpus = new long[stages.Count];
        var bytes = new long[stages.Count];
        var gc = GcFigures.Now();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        foreach (var a in articles)
        {
            var doc = new Doc(a);
            for (var s = 0; s < stages.Count; s++)
            {
                var b = GC.GetAllocatedBytesForCurrentThread();
                var t = Stopwatch.GetTimestamp();
                var c = ThreadCpuNanoseconds();
                doc = stages[s].Process(doc, CancellationToken.None);
                cpus[s] += ThreadCpuNanoseconds() - c;
                times[s] += Stopwatch.GetElapsedTime(t);
                bytes[s] += GC.GetAllocatedBytesForCurrentThread() - b;
            }
        }

        wall.Stop();
        sampler?.Print(articles.Count, 20);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds;
        for (var s = 0; s < stages.Count; s++)
        {
            Console.WriteLine($"{stages[s].Info.Name,-20} {times[s].TotalMilliseconds / articles.Count,8:F3} wall-ms {cpus[s] / 1e6 / articles.Count,8:F3} CPU-ms {bytes[s] / 1024.0 / articles.Count,9:F1} KB allocated per article");
        }

        Console.WriteLine($"{"all stages",-20} {times.Sum(t => t.TotalMilliseconds) / articles.Count,8:F3} wall-ms {cpus.Sum() / 1e6 / articles.Count,8:F3} CPU-ms {bytes.Sum() / 1024.0 / articles.Count,9:F1} KB allocated per article");
        Console.WriteLine($"single-thread pass: {wall.Elapsed.TotalMilliseconds / articles.Count:F3} wall-ms and {cpu / articles.Count:F3} process CPU-ms per article (GC and JIT included)");
        Console.WriteLine($"single-thread pass: {GcFigures.Now().Since(gc)}; tiered compilation {TieredCompilation()}");
    }

    /// <summary>"on" or "off": the <c>DOTNET_TieredCompilation</c> environment variable if set, else the runtimeconfig setting.</summary>
    private static string TieredCompilation()
    {
        var env = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation");
        var value = env ?? AppContext.GetData("System.Runtime.TieredCompilation")?.ToString();
        return value is "0" or "false" or "False" ? "off" : "on";
    }

    /// <summary>CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID; 0 elsewhere), so stage times stay meaningful on a busy machine.</summary>
    private static long ThreadCpuNanoseconds() =>
        OperatingSystem.IsLinux() && NativeMethods.clock_gettime(3, out var ts) == 0 ? (ts.Seconds * 1_000_000_000) + ts.Nanoseconds : 0;

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        public static extern int clock_gettime(int clockId, out TimeSpec time);
    }

    /// <summary>The first <paramref name="count"/> scale articles that have text, read by the shared corpus reader.</summary>
    private static List<Article> Load(int count)
    {
        var path = Path.Combine(Path.GetDirectoryName(BenchData.AebHtmlDirectory())!, "..", "..", "scale", "allsides-articles.jsonl.gz");
        return [.. ScaleCorpus.Stream(path, int.MaxValue, "bench").Where(a => a.Text.Length > 0).Take(count)];
    }
}

/// <summary>GC counts per generation, total pause time and bytes allocated by the process at one moment.</summary>
internal readonly record struct GcFigures(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
{
    public static GcFigures Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    /// <summary>The difference to an earlier moment, as one line.</summary>
    public string Since(GcFigures start) =>
        $"GC: {Gen0 - start.Gen0} gen0, {Gen1 - start.Gen1} gen1, {Gen2 - start.Gen2} gen2 collections, {(Pause - start.Pause).TotalMilliseconds:F0} ms paused, {(Allocated - start.Allocated) / 1e6:F0} MB allocated";
}
