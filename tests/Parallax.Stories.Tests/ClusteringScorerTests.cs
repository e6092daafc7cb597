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
