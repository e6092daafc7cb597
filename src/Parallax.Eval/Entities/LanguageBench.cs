using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Language.Text;

namespace Parallax.Eval.Entities;

/// <summary>
/// End-to-end throughput of the sentence, token and entity layers over real articles (a JSON Lines file with a
/// <c>text</c> field, optionally gzipped). Reading and parsing the file is not timed; one warm-up pass over 100 articles
/// precedes the timed, parallel pass (all cores).
/// </summary>
public static class LanguageBench
{
    public static int Run(FileInfo file, int limit)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!file.Exists)
        {
            Console.Error.WriteLine($"PX0901: bench file {file.FullName} does not exist");
            return 2;
        }

        var texts = ReadTexts(file.FullName, limit);
        var pipeline = Pipeline<Doc>.Build([Layers.Text], Tokenizer.Instance, SentenceSplitter.Instance, EntityRecognizer.Default);
        foreach (var t in texts.Take(100))
        {
            pipeline.Run(ToDoc(t, "warmup"));
        }

        long tokens = 0, mentions = 0, chars = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(texts, () => (0L, 0L), (text, _, acc) =>
        {
            var doc = pipeline.Run(ToDoc(text, "bench"));
            return (acc.Item1 + doc.Tokens.Length, acc.Item2 + doc.Mentions.Length);
        }, acc =>
        {
            Interlocked.Add(ref tokens, acc.Item1);
            Interlocked.Add(ref mentions, acc.Item2);
        });
        clock.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        chars = texts.Sum(t => (long)t.Length);
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"language layer (tokens, sentences, entities): {texts.Count} articles, {chars} chars, {tokens} tokens, {mentions} mentions in {seconds:F2} s: {texts.Count / seconds:F0} articles/s, {tokens / seconds:F0} tokens/s on {Environment.ProcessorCount} cores; CPU time {cpu:F2} s: {texts.Count / Math.Max(cpu, 1e-9):F0} articles per CPU-second (the wall-clock figure depends on machine load)"));
        return 0;
    }

    private static List<string> ReadTexts(string path, int limit)
    {
        using var fs = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(fs, CompressionMode.Decompress) : fs;
        using var reader = new StreamReader(s);
        var texts = new List<string>();
        while (texts.Count < limit && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("text", out var t) && t.GetString() is { Length: > 0 } text)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    private static Doc ToDoc(string text, string id) => new(new Article
    {
        Id = id,
        SourceId = id,
        Origin = id,
        Metadata = ArticleMetadata.Empty,
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
    });
}
