using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;
using Parallax.Stories;

namespace Parallax.Bench;

/// <summary>
/// <c>analyzer-check FILE [--count N]</c>: the terms of the story features' <see cref="CachingEnglishAnalyzer"/> against
/// Lucene's <see cref="EnglishAnalyzer"/> on the titles and texts of the first N scale articles (all by default);
/// prints the number of texts and terms compared, the first difference if any, and each analyzer's time.
/// Exit code 1 when any term differs.
/// </summary>
internal static class AnalyzerCheck
{
    public static int Run(string[] args)
    {
        var countAt = Array.IndexOf(args, "--count");
        var file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (countAt < 0 || i != countAt + 1)).FirstOrDefault()
            ?? "../shared/data/scale/allsides-articles.jsonl.gz";
        var count = countAt >= 0 ? int.Parse(args[countAt + 1], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
        var articles = Parallax.Eval.Scale.ScaleCorpus.Read(file, count, file);
        using var reference = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        using var cached = new CachingEnglishAnalyzer();
        var texts = articles.SelectMany(a => new[] { a.Metadata.Title ?? "", a.Text }).ToList();
        long terms = 0;
        var referenceTime = new Stopwatch();
        var cachedTime = new Stopwatch();
        var expected = new List<string>();
        var actual = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            referenceTime.Start();
            CachingEnglishAnalyzer.Terms(reference, texts[i], expected);
            referenceTime.Stop();
            cachedTime.Start();
            CachingEnglishAnalyzer.Terms(cached, texts[i], actual);
            cachedTime.Stop();
            if (!expected.SequenceEqual(actual))
            {
                var at = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(k => expected[k] != actual[k], Math.Min(expected.Count, actual.Count));
                Console.WriteLine($"DIFFERENT: text {i}, term {at}: '{(at < expected.Count ? expected[at] : "<end>")}' vs '{(at < actual.Count ? actual[at] : "<end>")}'");
                return 1;
            }

            terms += expected.Count;
        }

        Console.WriteLine($"{texts.Count:N0} texts ({articles.Count:N0} articles), {terms:N0} terms: all equal. EnglishAnalyzer {referenceTime.Elapsed.TotalSeconds:F2} s, CachingEnglishAnalyzer {cachedTime.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
