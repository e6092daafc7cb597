using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.Core;
using Parallax.Ingest.Extraction;

namespace Parallax.Eval.Extraction;

/// <summary>One page of a labelled extraction set: <c>DIR/html/&lt;id&gt;.html[.gz]</c> with its gold body.</summary>
public sealed record ExtractionCase(string Id, string HtmlPath, string Gold, string? Url);

/// <summary>The outcome of extracting one page: the predicted body (empty when rejected) and the rejection, if any.</summary>
public sealed record ExtractionPrediction(string Id, string Body, Diagnostic? Rejection);

/// <summary>
/// Runs an <see cref="IHtmlExtractor"/> over a labelled set (AEB format: <c>ground-truth.json</c> + <c>html/</c>) and scores
/// it with <see cref="AebMetric"/>. Pages are extracted in parallel; results are in ground-truth order, so output is
/// deterministic.
/// </summary>
public static class ExtractionEvaluation
{
    /// <summary>Reads <c>DIR/ground-truth.json</c> and locates each page's HTML file.</summary>
    public static IReadOnlyList<ExtractionCase> LoadCases(string directory)
    {
        var gold = ReadBodies(Path.Combine(directory, "ground-truth.json"), out var urls);
        var cases = new List<ExtractionCase>();
        foreach (var (id, body) in gold)
        {
            var path = Path.Combine(directory, "html", id + ".html");
            if (!File.Exists(path))
            {
                path += ".gz";
            }

            cases.Add(new ExtractionCase(id, path, body, urls.GetValueOrDefault(id)));
        }

        return cases;
    }

    /// <summary>Reads a ground-truth or predictions file (<c>{id: {"articleBody": text}}</c>, optionally gzipped or wrapped in <c>{"version","output"}</c>).</summary>
    public static Dictionary<string, string> ReadBodies(string path, out Dictionary<string, string> urls)
    {
        using var stream = OpenMaybeGzip(path);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("output", out var output) && root.TryGetProperty("version", out _) && output.ValueKind == JsonValueKind.Object)
        {
            root = output;
        }

        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in root.EnumerateObject())
        {
            var body = "";
            if (entry.Value.ValueKind == JsonValueKind.Object)
            {
                if (entry.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String)
                {
                    body = b.GetString() ?? "";
                }

                if (entry.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
                {
                    urls[entry.Name] = u.GetString() ?? "";
                }
            }
            else if (entry.Value.ValueKind == JsonValueKind.String)
            {
                body = entry.Value.GetString() ?? "";
            }

            bodies[entry.Name] = body;
        }

        return bodies;
    }

    /// <summary>Extracts every case (in parallel, at most <paramref name="maxParallelism"/> at once); results in case order.</summary>
    public static ExtractionPrediction[] Predict(IReadOnlyList<ExtractionCase> cases, IHtmlExtractor extractor, int maxParallelism = -1)
    {
        var results = new ExtractionPrediction[cases.Count];
        Parallel.For(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i =>
        {
            var c = cases[i];
            var html = ReadHtml(c.HtmlPath);
            var result = extractor.Extract(html, c.Url);
            results[i] = result.Page is { } page
                ? new ExtractionPrediction(c.Id, HtmlExtractor.BodyOf(page), null)
                : new ExtractionPrediction(c.Id, "", result.Rejection);
        });
        return results;
    }

    /// <summary>Scores predictions against the cases' gold bodies.</summary>
    public static AebScore Score(IReadOnlyList<ExtractionCase> cases, IEnumerable<ExtractionPrediction> predictions, List<AebDocumentScore>? perDocument = null)
    {
        var gold = cases.ToDictionary(c => c.Id, c => c.Gold, StringComparer.Ordinal);
        var pred = predictions.ToDictionary(p => p.Id, p => p.Body, StringComparer.Ordinal);
        return AebMetric.Score(gold, pred, perDocument);
    }

    /// <summary>Writes <c>{id: {"articleBody": text}}</c> in case order (UTF-8, readable by the python scorer).</summary>
    public static void WritePredictions(string path, IEnumerable<ExtractionPrediction> predictions)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false });
        writer.WriteStartObject();
        foreach (var p in predictions)
        {
            writer.WriteStartObject(p.Id);
            writer.WriteString("articleBody", p.Body);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an HTML file (gzipped when it ends in <c>.gz</c>) and decodes it with <see cref="HtmlDecoder"/>.</summary>
    public static string ReadHtml(string path)
    {
        using var stream = OpenMaybeGzip(path);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return HtmlDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).Text;
    }

    private static Stream OpenMaybeGzip(string path)
    {
        Stream stream = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
