using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Parallax.Core;
using Parallax.Stories;

namespace Parallax.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Parallax.Bench -- stories-scale [--count N] [--online-features K] [--consolidate] [FILE]</c>:
/// streams the AllSides scale corpus (../shared/data/scale/allsides-articles.jsonl.gz, 34,285 articles, in file order)
/// through dedup (exact: SHA-256 of the lowercased word sequence; near: MinHash + LSH, estimated Jaccard ≥ 0.8) and
/// online story placement (<see cref="StoryClusterer.Add(Article, ArticleFeatures?)"/>). Story features are extracted on
/// a parallel stage (pure, thread-safe) ahead of the single placing thread; the language layer is not included.
/// Prints articles/s (wall clock, whole stream), placement latency percentiles (dedup + placement on the placing
/// thread, over all articles and over the last 1,000 when the index is full), peak working set and managed heap;
/// with <c>--consolidate</c> also the time of one from-scratch consolidation of everything placed.
/// </summary>
internal static class StoryScaleBench
{
    public static int Run(string[] args)
    {
        var count = int.MaxValue;
        var consolidate = false;
        var profile = false;
        var onlineFeatures = 0;
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count":
                    count = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--online-features":
                    onlineFeatures = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--consolidate":
                    consolidate = true;
                    break;
                case "--profile":
                    profile = true;
                    break;
                default:
                    file = args[i];
                    break;
            }
        }

        file ??= Path.GetFullPath(Path.Combine(BenchData.AebHtmlDirectory(), "..", "..", "..", "scale", "allsides-articles.jsonl.gz"));
        if (profile)
        {
            var loaded = Load(file, count);
            Console.WriteLine($"{loaded.Count} articles loaded ({loaded.Sum(a => (long)a.Text.Length) / 1e6:F1} M chars); {Environment.ProcessorCount} cores");
            return Profile(loaded, onlineFeatures);
        }

        // The corpus is streamed: the bench holds only the articles in flight (a few batches); what stays in memory is
        // what the clusterer and the dedup index keep.
        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        Console.WriteLine($"streaming {file} (up to {(count == int.MaxValue ? "all" : count.ToString(CultureInfo.InvariantCulture))} articles); {Environment.ProcessorCount} cores; managed heap before {baseline / 1e6:F0} MB");
        using var clusterer = new StoryClusterer(StoryClustererOptions.Default with { OnlineFeatures = onlineFeatures });
        var options = clusterer.Options;
        // The clusterer's own extractor: its features share the clusterer's vocabulary (no re-keying on Add).
        var extractor = clusterer.Extractor;
        var hasher = new MinHasher();
        var lsh = new LshIndex();
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var signatures = new Dictionary<string, System.Collections.Immutable.ImmutableArray<ulong>>(StringComparer.Ordinal);

        // Reader thread: decompress + parse, and start each article's story features + dedup signature as a thread-pool
        // task (pure, thread-safe: all cores work on them). This thread: dedup decision + placement, taking the tasks in
        // file order. The bounded queue keeps at most 256 articles in flight (continuous, no batch barrier).
        var queue = new BlockingCollection<Task<(Article Article, ArticleFeatures Features, string Hash, System.Collections.Immutable.ImmutableArray<ulong> Signature)>>(boundedCapacity: 256);
        var latencies = new List<double>();
        var cpuLatencies = new List<double>();
        var duplicates = 0;
        var nearDuplicates = 0;
        var characters = 0L;
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var a in Parallax.Eval.Scale.ScaleCorpus.Stream(file, count, file))
                {
                    characters += a.Text.Length;
                    queue.Add(Task.Run(() =>
                    {
                        var words = WordSequence.Of(a.Text);
                        return (a, extractor.Extract(a), words.ExactHash(), hasher.Signature(words));
                    }));
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, TaskCreationOptions.LongRunning);

        var placed = 0;
        foreach (var task in queue.GetConsumingEnumerable())
        {
            var (article, features, hash, signature) = task.Result;
            var start = Stopwatch.GetTimestamp();
            var startCpu = ThreadCpu.Seconds();
            if (!exact.Add(hash))
            {
                duplicates++;
            }
            else if (lsh.Candidates(signature).Any(c => MinHasher.Similarity(signatures[c], signature) >= LineageDetector.CopyJaccard))
            {
                nearDuplicates++;
                lsh.Add(article.Id, signature);
                signatures[article.Id] = signature;
            }
            else
            {
                lsh.Add(article.Id, signature);
                signatures[article.Id] = signature;
            }

            // Duplicates are placed too (they belong to the story of what they copy); dedup only labels them.
            clusterer.Add(article, features);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpuLatencies.Add((ThreadCpu.Seconds() - startCpu) * 1e3);
            placed++;
            if (placed % 2000 == 0)
            {
                Console.WriteLine($"{placed,6} placed  {placed / sw.Elapsed.TotalSeconds,7:F0} articles/s  managed {GC.GetTotalMemory(false) / 1e6,7:F0} MB  working set {Process.GetCurrentProcess().WorkingSet64 / 1e6,7:F0} MB");
            }
        }

        reader.Wait();
        sw.Stop();
        var n = placed;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        double P(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var all = latencies.Order().ToArray();
        var last = latencies.Skip(Math.Max(0, latencies.Count - 1000)).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"streamed {n} articles ({characters / 1e6:F1} M chars) in {sw.Elapsed.TotalSeconds:F1} s = {n / sw.Elapsed.TotalSeconds:F0} articles/s (dedup + story features + online placement); {duplicates} exact and {nearDuplicates} near duplicates"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu time {cpu:F1} s = {n / cpu:F0} articles per CPU-second (reading + decompressing + parsing included) (2 cores give at most twice that per wall-clock second when the machine is not shared)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placement latency (dedup + placement, features precomputed): median {P(all, 0.5):F2} ms, p99 {P(all, 0.99):F2} ms, max {all.LastOrDefault():F2} ms; last 1,000 (index holding {n - 1000}+): median {P(last, 0.5):F2} ms, p99 {P(last, 0.99):F2} ms"));
        var allCpu = cpuLatencies.Order().ToArray();
        var lastCpu = cpuLatencies.Skip(Math.Max(0, cpuLatencies.Count - 1000)).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placement latency in CPU time of the placing thread (what a loaded machine does not inflate): median {P(allCpu, 0.5):F2} ms, p99 {P(allCpu, 0.99):F2} ms, max {allCpu.LastOrDefault():F2} ms; last 1,000: median {P(lastCpu, 0.5):F2} ms, p99 {P(lastCpu, 0.99):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, total pause {GC.GetTotalPauseDuration().TotalSeconds:F1} s"));
        Console.WriteLine($"managed heap {GC.GetTotalMemory(true) / 1e6:F0} MB (baseline {baseline / 1e6:F0} MB before streaming; feature vocabulary {clusterer.Extractor.Vocabulary.Count} keys in {clusterer.Extractor.Vocabulary.ArenaBytes / 1e6:F0} MB), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown")}");
        Console.WriteLine($"kept: {clusterer.Footprint()}; dedup index {lsh.Count} signatures");
        Console.WriteLine(GcFigures());
        if (consolidate)
        {
            var c = Stopwatch.StartNew();
            var stories = clusterer.Stories;
            Console.WriteLine($"consolidation (from scratch, {n} articles): {c.Elapsed.TotalSeconds:F1} s, {stories.Length} stories, {stories.Count(s => s.ArticleIds.Length > 1)} with 2+ articles; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            Console.WriteLine($"after consolidation: managed heap {GC.GetTotalMemory(true) / 1e6:F0} MB; kept: {clusterer.Footprint()}");
            Console.WriteLine(GcFigures());
        }

        return 0;
    }

    /// <summary>
    /// <c>--profile</c>: every phase on this one thread, in file order, with its thread CPU time and allocated bytes per
    /// article (features; of which the entity source alone; dedup words, exact hash, shingles + signature, LSH; placement).
    /// </summary>
    private static int Profile(List<Article> articles, int onlineFeatures)
    {
        using var clusterer = new StoryClusterer(StoryClustererOptions.Default with { OnlineFeatures = onlineFeatures });
        var extractor = clusterer.Extractor;
        var hasher = new MinHasher();
        var lsh = new LshIndex();
        var phases = new (string Name, double Cpu, long Bytes)[]
        {
            ("features (all)", 0, 0), ("  of which entities", 0, 0), ("dedup words", 0, 0), ("dedup exact hash", 0, 0),
            ("dedup shingles + signature", 0, 0), ("dedup LSH", 0, 0), ("placement", 0, 0),
            ("  of which Lucene analyzer", 0, 0), ("  of which number + quote regexes", 0, 0),
            ("  the features' caching analyzer", 0, 0), ("  its tokenizer alone", 0, 0),
        };
        using var caching = new CachingEnglishAnalyzer();
        using var tokenizer = new TokenizerOnly();
        using var analyzer = new Lucene.Net.Analysis.En.EnglishAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48);
        var numberRegex = new System.Text.RegularExpressions.Regex(@"(?<![\p{L}\p{N}])\d[\d,\.]*\d(?:\s?%)?|(?<![\p{L}\p{N}\.,])\d(?![\p{L}\p{N}])", System.Text.RegularExpressions.RegexOptions.Compiled);
        var quoteRegex = new System.Text.RegularExpressions.Regex(@"[""“]([^""“”\n]{12,400})[""”]|``(.{12,400}?)''", System.Text.RegularExpressions.RegexOptions.Compiled);
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var cpu = ThreadCpu.Seconds();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        void Lap(int phase)
        {
            var c = ThreadCpu.Seconds();
            var b = GC.GetAllocatedBytesForCurrentThread();
            phases[phase].Cpu += c - cpu;
            phases[phase].Bytes += b - bytes;
            cpu = ThreadCpu.Seconds();
            bytes = GC.GetAllocatedBytesForCurrentThread();
        }

        var entries = 0L;
        foreach (var a in articles)
        {
            Lap(6);
            var features = extractor.Extract(a);
            entries += features.Length;
            Lap(0);
            _ = CapitalisedPhraseEntities.Instance.Extract(a).Count();
            Lap(1);
            Drain(analyzer, a.Text);

            Lap(7);
            Drain(caching, a.Text);
            Lap(9);
            Drain(tokenizer, a.Text);
            Lap(10);
            _ = numberRegex.Matches(a.Metadata.Title + "\n" + a.Text).Count + quoteRegex.Matches(a.Text).Count;
            Lap(8);
            var words = WordSequence.Of(a.Text);
            Lap(2);
            _ = words.ExactHash();
            Lap(3);
            var signature = hasher.Signature(words);
            Lap(4);
            _ = lsh.Candidates(signature);
            lsh.Add(a.Id, signature);
            Lap(5);
            clusterer.Add(a, features);
        }

        Lap(6);
        var total = phases.Where(p => !p.Name.StartsWith(' ')).Sum(p => p.Cpu);
        foreach (var (name, c, b) in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {c,8:F2} CPU-s  {1e3 * c / articles.Count,8:F3} ms/article  {b / (double)articles.Count / 1024,9:F1} KB allocated/article"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, total pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s; process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - processCpu:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total (entities counted once) {total:F2} CPU-s = {articles.Count / total:F0} articles per CPU-second; {entries / (double)articles.Count:F0} feature entries per article; managed heap {GC.GetTotalMemory(true) / 1e6:F0} MB"));
        return 0;
    }

    private static void Drain(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        using var stream = analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            _ = term.Length;
        }

        stream.End();
    }

    /// <summary>EnglishAnalyzer's tokenizer without its filters (what the analyzer costs before any filter).</summary>
    private sealed class TokenizerOnly : Lucene.Net.Analysis.Analyzer
    {
        protected override Lucene.Net.Analysis.TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new Lucene.Net.Analysis.Standard.StandardTokenizer(Lucene.Net.Util.LuceneVersion.LUCENE_48, reader));
    }

    /// <summary>The last full collection's view of the heap: committed bytes, heap size, fragmentation, and size after by generation.</summary>
    private static string GcFigures()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var names = new[] { "gen0", "gen1", "gen2", "LOH", "POH" };
        var generations = string.Join(", ", info.GenerationInfo.ToArray().Select((g, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{(i < names.Length ? names[i] : "gen" + i)} {g.SizeAfterBytes / 1e6:F0} MB ({g.FragmentationAfterBytes / 1e6:F0} free)")));
        return string.Create(CultureInfo.InvariantCulture,
            $"GC heap: committed {info.TotalCommittedBytes / 1e6:F0} MB, heap {info.HeapSizeBytes / 1e6:F0} MB, fragmented {info.FragmentedBytes / 1e6:F0} MB; {generations}");
    }

    private static List<Article> Load(string file, int count) => Parallax.Eval.Scale.ScaleCorpus.Read(file, count, file);
}
