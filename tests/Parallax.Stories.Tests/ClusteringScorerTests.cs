using System.Diagnostics;
using System.Text.Json;
using Parallax.Eval.Clustering;
using Parallax.Stories;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public sealed class ClusteringScorerTests
{
    [Theory]
    [InlineData("newswcl50-events-0-6")]
    [InlineData("giveme5w1h")]
    public void ClusteringScorer_EqualsThePythonScorerOnTheSamePredictions(string set)
    {
        var gold = RepoPaths.SharedData("clustering", set, "docs.jsonl");
        var (docs, diagnostics) = ClusteringSet.Read(gold);
        Assert.Empty(diagnostics);
        var run = ClusteringRun.Run(docs, StoryClustererOptions.Default);
        var predictions = Path.Combine(Path.GetTempPath(), $"px-stories-{set}-{Environment.ProcessId}.jsonl");
        File.WriteAllLines(predictions, run.Stories.Select(p => JsonSerializer.Serialize(new { id = p.Id, story = p.Story })));
        try
        {
            var ours = JsonDocument.Parse(ClusteringScorer.Score(docs.Select(d => (d.Article.Id, d.GoldStory)).ToList(), run.Stories).ToJson()).RootElement;
            var theirs = JsonDocument.Parse(RunPython(gold, predictions)).RootElement;
            var ourKeys = ours.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(theirs.EnumerateObject().Select(p => p.Name).ToList(), ourKeys);
            foreach (var p in theirs.EnumerateObject())
            {
                Assert.Equal(p.Value.GetRawText(), ours.GetProperty(p.Name).GetRawText());
            }
        }
        finally
        {
            File.Delete(predictions);
        }
    }

    [Theory]
    [InlineData("2013-01-30T03:43:55", "2013-01-30")]
    [InlineData("2017-05-04", "2017-05-04")]
    [InlineData("", null)]
    [InlineData("sometime", null)]
    public void ClusteringSet_ReadsStatedDatesAsTheProductDoes(string date, string? expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"px-set-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, JsonSerializer.Serialize(new { id = "a", story = "s", title = "T", text = "Words here.", date }) + "\n");
        try
        {
            var (docs, diagnostics) = ClusteringSet.Read(path);
            Assert.Empty(diagnostics);
            Assert.Equal(expected, docs.Single().Article.Metadata.Published?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Null(ClusteringSet.Read(path, ignoreDates: true).Documents.Single().Article.Metadata.Published);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ClusteringScorer_HandlesMissingDuplicateAndUnknownPredictions()
    {
        var score = ClusteringScorer.Score(
            [("a", "1"), ("b", "1"), ("c", "2")],
            [("a", "x"), ("a", "x"), ("b", "x"), ("zz", "y")]);
        Assert.Equal(1, score.MissingPredictions);
        Assert.Equal(1, score.DuplicatePredictions);
        Assert.Equal(1, score.UnknownPredictions);
        Assert.Equal(1.0, score.B3F1);
        Assert.Equal(1.0, score.PairwiseF1);
    }

    private static string RunPython(string gold, string predictions) => ReferenceScorer.Run("clustering.py", gold, predictions);
}
