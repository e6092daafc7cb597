using System.Diagnostics;
using System.Text.Json;
using Parallax.Eval.Quotes;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Quotes;

/// <summary>The C# port must print the same figures as ../shared/tools/score/quotes.py on the same predictions.</summary>
public sealed class QuotesScorerTests
{
    private static string Dev => RepoPaths.SharedData("quotes", "polnear", "dev");

    [Fact]
    public void QuotesScorer_EqualsPythonScorerOnExtractorPredictions()
    {
        var gold = QuotesScorer.LoadGold(Dev);
        Assert.NotEmpty(gold);
        var predictions = gold.SelectMany(g => QuotePredictor.Predict(g)).ToList();
        Assert.NotEmpty(predictions);
        var file = Path.Combine(Path.GetTempPath(), $"px-quotes-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllLines(file, predictions.Select(QuotePredictor.ToJsonLine));
            AssertSameAsPython(gold, file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void QuotesScorer_EqualsPythonScorerOnEdgeCasePredictions()
    {
        // Hand-made predictions: span lists, nulls, a ".txt" doc name, an unknown doc, unsorted parts, empty speaker.
        var gold = QuotesScorer.LoadGold(Dev);
        var names = gold.Take(3).Select(g => g.Name).ToList();
        var lines = new List<string>
        {
            $"{{\"doc\": \"{names[0]}\", \"content\": [0, 40], \"cue\": null, \"speaker\": null}}",
            $"{{\"doc\": \"{names[0]}.txt\", \"content\": [[300, 420], [100, 200]], \"cue\": [10, 14], \"speaker\": [0, 5]}}",
            $"{{\"doc\": \"{names[1]}\", \"content\": [[50, 400]], \"cue\": [5, 9], \"speaker\": [2, 2]}}",
            $"{{\"doc\": \"{names[2]}\", \"content\": [0, 2000], \"speaker\": null}}",
            "{\"doc\": \"no-such-document\", \"content\": [0, 10], \"cue\": null, \"speaker\": null}",
        };
        var file = Path.Combine(Path.GetTempPath(), $"px-quotes-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllLines(file, lines);
            AssertSameAsPython(gold, file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e-5, "1e-05")]
    public void QuotesScore_FormatsFloatsLikePython(double value, string expected) => Assert.Equal(expected, QuotesScore.PyFloat(value));

    [Fact]
    public void CodePointIndex_CountsSurrogatePairsOnce()
    {
        var map = QuotesScorer.CodePointIndex("a\uD83D\uDE00b");
        Assert.Equal([0, 1, 1, 2, 3], map);
    }

    private static void AssertSameAsPython(System.Collections.Immutable.ImmutableArray<GoldDocument> gold, string predictionsFile)
    {
        var (predictions, _) = QuotesScorer.ReadPredictions(predictionsFile);
        var (score, error) = QuotesScorer.Score(gold, predictions);
        Assert.Null(error);
        Assert.NotNull(score);
        using var ours = JsonDocument.Parse(score.ToJson());
        using var theirs = JsonDocument.Parse(RunPython(Dev, predictionsFile));
        Assert.Equal(Flatten(theirs.RootElement), Flatten(ours.RootElement));
    }

    private static SortedDictionary<string, string> Flatten(JsonElement e, string prefix = "")
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var kv in Flatten(p.Value, prefix + p.Name + "."))
                {
                    result[kv.Key] = kv.Value;
                }
            }
            else
            {
                result[prefix + p.Name] = p.Value.GetRawText();
            }
        }

        return result;
    }

    private static string RunPython(string goldDir, string predictionsFile) => ReferenceScorer.Run("quotes.py", goldDir, predictionsFile);
}
