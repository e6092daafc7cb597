using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parallax.Eval.Extraction;
using Parallax.Ingest.Extraction;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Extraction;

public sealed class AebMetricTests
{
    private static string Aeb => RepoPaths.SharedData("extraction", "aeb");

    [Theory]
    [InlineData("readability.json.gz", 0.922)]
    [InlineData("html-text.json.gz", 0.665)]
    [InlineData("trafilatura.json.gz", 0.958)]
    [InlineData("rs_trafilatura.json.gz", 0.970)]
    public void AebMetric_ReproducesPublishedF1OfReferenceOutputs(string file, double publishedF1)
    {
        var gold = ExtractionEvaluation.ReadBodies(Path.Combine(Aeb, "ground-truth.json"), out _);
        var predictions = ExtractionEvaluation.ReadBodies(Path.Combine(Aeb, "reference-outputs", file), out _);
        var score = AebMetric.Score(gold, predictions);
        Assert.Equal(181, score.N);
        Assert.InRange(score.F1, publishedF1 - 0.002, publishedF1 + 0.002);
    }

    [Theory]
    [InlineData("Hello, world_2 don't", new[] { "Hello", "world_2", "don", "t" })]
    [InlineData("café naïve", new[] { "café", "naïve" })]
    [InlineData("x\u0303y", new[] { "x", "y" })] // a combining mark (Mn) is not a Python word character
    [InlineData("½ Ⅻ ²", new[] { "½", "Ⅻ", "²" })] // No, Nl and superscript digits are
    [InlineData("a\u00a0b\u2014c", new[] { "a", "b", "c" })]
    [InlineData("😀 𝐀𝐁", new[] { "𝐀𝐁" })] // astral letters count, emoji do not
    [InlineData("", new string[0])]
    public void AebMetric_Tokens_FollowPythonWordSemantics(string text, string[] expected)
    {
        Assert.Equal(expected, AebMetric.Tokens(text));
    }

    [Fact]
    public void AebMetric_EmptyPredictionRules()
    {
        var gold = new Dictionary<string, string> { ["a"] = "one two three four five", ["b"] = "", ["c"] = "alpha beta" };
        var pred = new Dictionary<string, string> { ["a"] = "", ["b"] = "", ["c"] = "alpha beta" };
        var per = new List<AebDocumentScore>();
        var score = AebMetric.Score(gold, pred, per);

        // a: empty prediction → left out of precision, recall 0; b: both empty → exact, in no mean; c: exact.
        Assert.Null(per[0].Precision);
        Assert.Equal(0.0, per[0].Recall);
        Assert.Null(per[1].Precision);
        Assert.Null(per[1].Recall);
        Assert.True(per[1].Exact);
        Assert.Equal(1.0, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(2 * 1.0 * 0.5 / 1.5, score.F1, 12);
        Assert.Equal(2.0 / 3, score.Accuracy, 12);
    }

    [Fact]
    public void AebScore_ToJson_PrintsFloatsLikePython()
    {
        var json = new AebScore(1.0, 0.5, 0.6666666666666666, 0.0, 3).ToJson();
        Assert.Equal("{\"precision\": 1.0, \"recall\": 0.5, \"f1\": 0.6666666666666666, \"accuracy\": 0.0, \"n\": 3}", json);
    }

    [Fact]
    public void AebMetric_ShinglesAreMultisets()
    {
        var gold = new Dictionary<string, string> { ["a"] = "a b c d a b c d" };
        var pred = new Dictionary<string, string> { ["a"] = "a b c d" };
        var score = AebMetric.Score(gold, pred);

        // gold shingles: abcd×2, bcda, cdab, dabc (5); predicted: abcd (1) → tp 1, fn 4.
        Assert.Equal(1.0, score.Precision, 12);
        Assert.Equal(0.2, score.Recall, 12);
    }

    [Fact]
    public void ExtractionEvaluation_FiguresEqualThePythonScorer()
    {
        var dir = RepoPaths.SharedData("extraction", "cleanportaleval");
        var cases = ExtractionEvaluation.LoadCases(dir);
        var predictions = ExtractionEvaluation.Predict(cases, new HtmlExtractor());
        var ours = ExtractionEvaluation.Score(cases, predictions);
        var file = Path.Combine(Path.GetTempPath(), $"px-extraction-{Guid.NewGuid():N}.json");
        try
        {
            ExtractionEvaluation.WritePredictions(file, predictions);
            var python = RunScorer(Path.Combine(dir, "ground-truth.json"), file);
            Assert.Equal(python.GetProperty("precision").GetDouble(), ours.Precision, 1e-6);
            Assert.Equal(python.GetProperty("recall").GetDouble(), ours.Recall, 1e-6);
            Assert.Equal(python.GetProperty("f1").GetDouble(), ours.F1, 1e-6);
            Assert.Equal(python.GetProperty("accuracy").GetDouble(), ours.Accuracy, 1e-6);
            Assert.Equal(python.GetProperty("n").GetInt32(), ours.N);

            // The JSON line has the scorer's keys in the scorer's order.
            using var line = JsonDocument.Parse(ours.ToJson());
            Assert.Equal(["precision", "recall", "f1", "accuracy", "n"], line.RootElement.EnumerateObject().Select(p => p.Name));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ExtractionEvaluation_PredictionsAreIdenticalAcrossThreadCounts()
    {
        var cases = ExtractionEvaluation.LoadCases(RepoPaths.SharedData("extraction", "cleanportaleval")).Take(12).ToList();
        var one = ExtractionEvaluation.Predict(cases, new HtmlExtractor(), maxParallelism: 1);
        var many = ExtractionEvaluation.Predict(cases, new HtmlExtractor(), maxParallelism: 4);
        Assert.Equal(one.Select(p => (p.Id, p.Body, p.Rejection?.Code)), many.Select(p => (p.Id, p.Body, p.Rejection?.Code)));
    }

    [Fact]
    public void AebMetric_EqualsThePythonScorerOnAReferenceOutput()
    {
        var goldPath = Path.Combine(Aeb, "ground-truth.json");
        var predPath = Path.Combine(Aeb, "reference-outputs", "go_trafilatura.json.gz");
        var ours = AebMetric.Score(ExtractionEvaluation.ReadBodies(goldPath, out _), ExtractionEvaluation.ReadBodies(predPath, out _));
        var python = RunScorer(goldPath, predPath);
        Assert.Equal(python.GetProperty("precision").GetDouble(), ours.Precision, 1e-9);
        Assert.Equal(python.GetProperty("recall").GetDouble(), ours.Recall, 1e-9);
        Assert.Equal(python.GetProperty("f1").GetDouble(), ours.F1, 1e-9);
        Assert.Equal(python.GetProperty("accuracy").GetDouble(), ours.Accuracy, 1e-9);
    }

    private static JsonElement RunScorer(string gold, string predictions) =>
        JsonDocument.Parse(ReferenceScorer.Run("aeb.py", gold, predictions)).RootElement.Clone();
}
