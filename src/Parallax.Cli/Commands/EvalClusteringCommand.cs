using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Eval;
using Parallax.Eval.Clustering;
using Parallax.Stories;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval clustering DIR [--predictions FILE] [--gate]</c>: streams DIR/docs.jsonl through the story
/// clusterer in file order and prints the scorer's JSON line (B-cubed, pairwise, cluster counts) on stdout.
/// Speed (articles/s, placement latency) and the online-only figures go to stderr.
/// </summary>
public static class EvalClusteringCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "A clustering set folder holding docs.jsonl (../shared/data/clustering/<set>)." };
        var predictions = new Option<string?>("--predictions") { Description = "Write the predictions as JSON Lines {\"id\", \"story\"} to this file." };
        var gate = new Option<bool>("--gate") { Description = "Fail (exit 1) when a floor in eval/floors/clustering.json is not met." };
        var floors = new Option<string?>("--floors") { Description = "Folder of floors files (default: eval/floors of the current directory or above)." };
        var set = new Option<string[]>("--option") { Description = "Override a clustering setting for sweeps: Name=value (e.g. MergeThreshold=0.25). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var errorsFile = new Option<string?>("--errors") { Description = "Development aid: write the worst merged and split gold stories (titles, similarities) to this text file." };
        var sweep = new Option<string?>("--sweep") { Description = "Development aid: comma-separated MergeThreshold values; prints B3/pairwise F1 per value to stderr (from-scratch reclustering)." };
        var ignoreDates = new Option<bool>("--ignore-dates") { Description = "Cluster as if no document had a publication date. For sets whose gold stories are topics that span years (giveme5w1h), where the rule that similar events days apart are different stories would split every topic." };
        var command = new Command("clustering", "Story clustering: B-cubed and pairwise P/R/F1 against the gold stories (same figures as ../shared/tools/score/clustering.py).")
        {
            dir, predictions, gate, floors, set, sweep, errorsFile, ignoreDates,
        };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(dir)!;
            var path = Path.Combine(folder, "docs.jsonl");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"PX0606: {path} does not exist");
                return ExitCodes.Usage;
            }

            var (options, errors) = ClusteringRun.WithOverrides(StoryClustererOptions.Default, parseResult.GetValue(set) ?? []);
            if (errors.Length > 0)
            {
                foreach (var e in errors)
                {
                    Console.Error.WriteLine("PX0607: " + e);
                }

                return ExitCodes.Usage;
            }

            var (docs, diagnostics) = ClusteringSet.Read(path, parseResult.GetValue(ignoreDates));
            foreach (var d in diagnostics)
            {
                Console.Error.WriteLine(d.ToString());
            }

            if (parseResult.GetValue(sweep) is { } values)
            {
                foreach (var v in values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var threshold = double.Parse(v, CultureInfo.InvariantCulture);
                    var watch = Stopwatch.StartNew();
                    using var c = new StoryClusterer(options with { MergeThreshold = threshold });
                    c.Recluster(docs.Select(d => d.Article));
                    var s = ClusteringScorer.Score(docs.Select(d => (d.Article.Id, d.GoldStory)).ToList(), docs.Select(d => (d.Article.Id, c.StoryOf(d.Article.Id) ?? "")).ToList());
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sweep {Floors.DatasetName(folder)} MergeThreshold={threshold}: b3 P/R/F1 {s.B3Precision}/{s.B3Recall}/{s.B3F1} pairwise F1 {s.PairwiseF1} clusters {s.PredictedClusters}/{s.GoldClusters} ({watch.Elapsed.TotalSeconds:F1} s)"));
                }

                return ExitCodes.Ok;
            }

            var total = Stopwatch.StartNew();
            var run = ClusteringRun.Run(docs, options, action =>
            {
                var start = Stopwatch.GetTimestamp();
                action();
                return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            });
            total.Stop();

            var gold = docs.Select(d => (d.Article.Id, d.GoldStory)).ToList();
            var score = ClusteringScorer.Score(gold, run.Stories);
            Console.WriteLine(score.ToJson());

            var online = ClusteringScorer.Score(gold, run.Online);
            var sorted = run.PlacementMilliseconds.Order().ToArray();
            double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"clustering {Floors.DatasetName(folder)}: {docs.Length} articles in {total.Elapsed.TotalSeconds:F2} s = {docs.Length / Math.Max(total.Elapsed.TotalSeconds, 1e-9):F0} articles/s (online placement + consolidation); placement median {P(0.5):F2} ms, p99 {P(0.99):F2} ms, max {sorted.LastOrDefault():F2} ms; online-only B3 F1 {online.B3F1:F4} ({online.PredictedClusters} stories)"));

            if (parseResult.GetValue(predictions) is { } predictionsPath)
            {
                var sb = new StringBuilder();
                foreach (var (id, story) in run.Stories)
                {
                    sb.Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["story"] = story })).Append('\n');
                }

                File.WriteAllText(predictionsPath, sb.ToString());
            }

            if (parseResult.GetValue(errorsFile) is { } errorsPath)
            {
                // Re-clustering from scratch gives the same stories as the streamed run (order independence), with
                // the similarities at hand.
                using var clusterer = new StoryClusterer(options);
                clusterer.Recluster(docs.Select(d => d.Article));
                File.WriteAllText(errorsPath, ClusteringErrorReport.Write(docs, clusterer));
            }

            if (parseResult.GetValue(gate))
            {
                return EvalGate.Check("clustering", folder, score.Metrics, parseResult.GetValue(floors));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

}
