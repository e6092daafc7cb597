using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Language.Text;

namespace Parallax.Bench;

/// <summary>
/// The sentence, token and entity layers over the first 200 articles of ../shared/data/scale/allsides-articles.jsonl.gz
/// (one operation = one article, single thread). End-to-end articles/s on all cores: <c>parallax eval entities --bench FILE</c>.
/// </summary>
[MemoryDiagnoser]
public class LanguageBenchmarks
{
    private const int Count = 200;
    private List<string> _texts = [];
    private readonly EntityRecognizer _recognizer = EntityRecognizer.Default;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Path.GetDirectoryName(BenchData.AebHtmlDirectory())!, "..", "..", "scale", "allsides-articles.jsonl.gz");
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (_texts.Count < Count && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.GetProperty("text").GetString() is { Length: > 0 } text)
            {
                _texts.Add(text);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int TokenizeAndSplit()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            n += SentenceSplitter.Split(text).Length;
        }

        return n;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int TokensSentencesEntities()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens);
            var (mentions, entities) = EntityResolver.ResolveMentions(_recognizer.Recognize(text, tokens, sentences));
            n += mentions.Length + entities.Length;
        }

        return n;
    }
}
