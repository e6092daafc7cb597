using System.Diagnostics;
using System.Text.Json;
using Parallax.Compare.Summary;
using Parallax.Eval.Summary;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Summary;

/// <summary>The C# ROUGE, stemmer and baselines must print the same figures as ../shared/tools/score/rouge.py.</summary>
public sealed class SummaryEvalTests
{
    private static string StoriesFile => Path.Combine(RepoPaths.SharedData("summary", "neus-dev"), "stories.jsonl");

    [Fact]
    public void Rouge_EqualsPythonScorerOnOurSummaries()
    {
        var (all, problems) = NeusStory.Load(StoriesFile);
        Assert.Empty(problems);
        var sample = all.Where(s => s.Id.StartsWith("val-", StringComparison.Ordinal)).Take(60).ToList();
        var predictions = SummaryEvaluation.Predict(sample, SummaryBaselines.LengthWords(sample), cancellationToken: TestContext.Current.CancellationToken);
        predictions.Remove(sample[^1].Id); // one missing prediction is scored 0 and counted
        predictions["val-9999"] = "a prediction for a story that is not in the gold set";
        var gold = TempFile(File.ReadLines(StoriesFile).Where(l => sample.Any(s => l.Contains($"\"id\": \"{s.Id}\"", StringComparison.Ordinal))));
        var pred = TempFile(predictions.Select(kv => SummaryEvaluation.ToJsonLine(kv.Key, kv.Value)));
        try
        {
            var ours = SummaryEvaluation.Score(sample, SummaryEvaluation.ReadPredictions(pred));
            Assert.Equal(1, ours.Missing);
            AssertSame(ReferenceScorer.Run("rouge.py", gold, pred), ours.ToJson());
        }
        finally
        {
            File.Delete(gold);
            File.Delete(pred);
        }
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("lexrank")]
    public void Baselines_EqualPythonScorersBaselines(string baseline)
    {
        var (all, _) = NeusStory.Load(StoriesFile);
        var val = all.Where(s => s.Id.StartsWith("val-", StringComparison.Ordinal)).ToList();
        var length = SummaryBaselines.LengthWords(val);
        var predictions = baseline == "lead"
            ? val.ToDictionary(s => s.Id, s => SummaryBaselines.Lead(s, length))
            : SummaryBaselines.LexRank(val, length);
        var ours = SummaryEvaluation.Score(val, predictions, baseline, length);
        var written = Path.Combine(Path.GetTempPath(), $"px-rouge-{Guid.NewGuid():N}.jsonl");
        try
        {
            AssertSame(ReferenceScorer.Run("rouge.py", StoriesFile, "--baseline", baseline, "--id-prefix", "val-", "--write-predictions", written), ours.ToJson());
            var theirs = SummaryEvaluation.ReadPredictions(written);
            Assert.Equal(theirs.Count, predictions.Count);
            Assert.All(val, s => Assert.Equal(theirs[s.Id], predictions[s.Id]));
        }
        finally
        {
            File.Delete(written);
        }
    }

    [Fact]
    public void PorterStemmer_AndTokens_EqualTheScorers()
    {
        var (all, _) = NeusStory.Load(StoriesFile);
        var text = string.Join(" ", all.Take(200).SelectMany(s => s.Articles.Select(a => a.Text).Append(s.Reference)));
        var words = Rouge.Tokens(text.ToLowerInvariant().Replace("'", " ", StringComparison.Ordinal)).Count;
        Assert.True(words > 1000);
        var input = TempFile([text]);
        try
        {
            var script = "import sys, json; sys.path.insert(0, sys.argv[1]); import rouge; print(json.dumps(rouge.tokens(open(sys.argv[2], encoding='utf-8').read())))";
            var theirs = JsonSerializer.Deserialize<List<string>>(Python(script, Path.Combine(RepoPaths.Shared, "tools", "score"), input))!;
            Assert.Equal(theirs, Rouge.Tokens(text));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("relational", "relat")]
    [InlineData("generalizations", "gener")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("is", "is")]
    public void PorterStemmer_StemsLikeTheOriginalAlgorithm(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void Rouge_ScoresKnownCases()
    {
        Assert.Equal(new RougeScore(1, 1, 1), Rouge.Score("The cat sat.", "the CAT sat"));
        Assert.Equal(new RougeScore(0, 0, 0), Rouge.Score("", "the cat sat"));
        var s = Rouge.Score("the cat sat on the mat", "the cat lay on the mat");
        Assert.Equal(5.0 / 6, s.Rouge1, 12);
        Assert.Equal(3.0 / 5, s.Rouge2, 12);
        Assert.Equal(5.0 / 6, s.RougeL, 12);
    }

    [Theory]
    [InlineData(25.224999, 25.22)]
    [InlineData(38.705, 38.7)]
    [InlineData(0.125, 0.12)]
    [InlineData(100.0, 100.0)]
    public void Round_RoundsLikePython(double value, double expected) => Assert.Equal(expected, SummaryEvaluation.Round(value));

    private static void AssertSame(string python, string ours)
    {
        using var theirs = JsonDocument.Parse(python);
        using var mine = JsonDocument.Parse(ours);
        foreach (var p in theirs.RootElement.EnumerateObject())
        {
            Assert.True(mine.RootElement.TryGetProperty(p.Name, out var v), $"missing key {p.Name}");
            Assert.Equal(p.Value.GetRawText(), v.GetRawText());
        }

        Assert.Equal(theirs.RootElement.EnumerateObject().Count(), mine.RootElement.EnumerateObject().Count());
    }

    private static string TempFile(IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"px-rouge-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Python(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "python3 timed out");
        Assert.True(process.ExitCode == 0, stderr.Result);
        return stdout.Result;
    }
}
