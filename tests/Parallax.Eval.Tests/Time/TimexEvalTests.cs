using System.Diagnostics;
using System.Text.Json;
using Parallax.Eval.Time;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Time;

public sealed class TimexEvalTests
{
    private static string SetDir => RepoPaths.SharedData("time", "tempeval3-tbaq");

    private static string Scorer => Path.Combine(RepoPaths.Shared, "tools", "score", "timex.py");

    [Fact]
    public void TimexScorer_EqualsPythonScorerOnTaggerPredictions()
    {
        var set = TimexEvaluation.Load(SetDir);
        Assert.Empty(set.Problems);
        var (predictions, _) = TimexEvaluation.Predict(set);
        AssertSameAsPython(set, predictions);
    }

    [Fact]
    public void TimexScorer_EqualsPythonScorerOnAwkwardPredictions()
    {
        // Duplicates, unknown documents, overlapping and shifted spans, wrong types and values: every matching branch.
        var set = TimexEvaluation.Load(SetDir);
        var gold = set.Gold();
        var predictions = new List<ScoredTimex>();
        var i = 0;
        foreach (var (doc, golds) in gold.OrderBy(g => g.Key, StringComparer.Ordinal).Take(40))
        {
            foreach (var g in golds)
            {
                switch (i++ % 6)
                {
                    case 0:
                        predictions.Add(g);
                        predictions.Add(g with { Value = "X" });
                        break;
                    case 1:
                        predictions.Add(g with { Start = g.Start + 1, Type = "date" });
                        break;
                    case 2:
                        predictions.Add(g with { End = g.End + 5, Value = "PRESENT_REF" });
                        predictions.Add(g with { Start = Math.Max(0, g.Start - 3), End = g.Start + 1 });
                        break;
                    case 3:
                        break;
                    case 4:
                        predictions.Add(g with { Type = "SET" });
                        break;
                    default:
                        predictions.Add(g with { Start = g.End + 40, End = g.End + 44 });
                        break;
                }
            }
        }

        predictions.Add(new ScoredTimex("no-such-document.tml", 0, 4, "DATE", "2000"));
        AssertSameAsPython(set, predictions);
    }

    [Fact]
    public void TimeMlDocument_PlainTextEqualsPythonPlainText()
    {
        var file = TimeMlDocument.Files(SetDir).First();
        var (doc, problem) = TimeMlDocument.Read(file);
        Assert.Null(problem);
        Assert.Equal(RunPython("--plain-text", file), doc!.Text);
        Assert.NotNull(doc.Dct);
    }

    private static void AssertSameAsPython(TimeMlSet set, List<ScoredTimex> predictions)
    {
        var ours = TimexScorer.Score(set.Gold(), predictions);
        var file = Path.Combine(Path.GetTempPath(), $"px-timex-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = new StreamWriter(file))
            {
                TimexScorer.WritePredictions(writer, predictions);
            }

            var (reread, error) = TimexScorer.ReadPredictions(file);
            Assert.Null(error);
            Assert.Equal(predictions, reread);

            using var python = JsonDocument.Parse(RunPython(SetDir, file));
            using var mine = JsonDocument.Parse(ours.ToJson());
            AssertSameJson(python.RootElement, mine.RootElement, "$");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertSameJson(JsonElement expected, JsonElement actual, string path)
    {
        Assert.Equal(expected.ValueKind, actual.ValueKind);
        if (expected.ValueKind == JsonValueKind.Object)
        {
            var keys = expected.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(keys, actual.EnumerateObject().Select(p => p.Name).ToList());
            foreach (var key in keys)
            {
                AssertSameJson(expected.GetProperty(key), actual.GetProperty(key), path + "." + key);
            }
        }
        else if (expected.ValueKind == JsonValueKind.Number)
        {
            Assert.True(Math.Abs(expected.GetDouble() - actual.GetDouble()) < 1e-12, $"{path}: python {expected.GetDouble()} vs ours {actual.GetDouble()}");
        }
    }

    private static string RunPython(params string[] args) => ReferenceScorer.Run(Path.GetFileName(Scorer), args);
}
