using BenchmarkDotNet.Attributes;
using Parallax.Ingest.Extraction;

namespace Parallax.Bench;

/// <summary>Extracts all 181 AEB pages (one operation = the whole set), single thread.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private IReadOnlyList<(string Name, string Html)> _pages = [];
    private readonly HtmlExtractor _cascade = new();
    private readonly HtmlExtractor _scorerOnly = new(useFallback: false);

    [GlobalSetup]
    public void Setup() => _pages = BenchData.LoadPages(BenchData.AebHtmlDirectory());

    [Benchmark(Baseline = true, OperationsPerInvoke = 181)]
    public int ExtractAebPages()
    {
        var chars = 0;
        foreach (var (_, html) in _pages)
        {
            chars += _cascade.Extract(html, null).Page?.Text.Length ?? 0;
        }

        return chars;
    }

    [Benchmark(OperationsPerInvoke = 181)]
    public int ExtractAebPagesWithoutFallback()
    {
        var chars = 0;
        foreach (var (_, html) in _pages)
        {
            chars += _scorerOnly.Extract(html, null).Page?.Text.Length ?? 0;
        }

        return chars;
    }
}
