using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Eval.Summary;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval summary DIR [--id-prefix P] [--predictions FILE] [--score FILE] [--gate]</c>: the neutral summary of each
/// story's articles against the human neutral roundup, ROUGE-1/2/L F1 as ../shared/tools/score/rouge.py prints them (one
/// JSON line on stdout, same keys and values); the scorer's lead and LexRank baselines on the same stories go to stderr
/// (one JSON line each, as <c>rouge.py --baseline</c> prints them), and, for the whole set, each split (train-, val-) apart.
/// </summary>
public static class EvalSummaryCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A summary set folder with stories.jsonl, e.g. ../shared/data/summary/neus-dev." };
        var prefix = new Option<string?>("--id-prefix") { Description = "Score only stories whose id starts with this (e.g. val-), as rouge.py --id-prefix." };
        var write = new Option<FileInfo?>("--predictions") { Description = "Also write the summaries as JSON Lines {\"id\", \"summary\"} to this file." };
        var score = new Option<FileInfo?>("--score") { Description = "Score this JSON Lines predictions file instead of summarising." };
        var gate = new Option<bool>("--gate") { Description = "Exit 1 when a floor in eval/floors/summary.json is not met." };
        var floors = new Option<DirectoryInfo?>("--floors") { Description = "Folder with the floors files (default: eval/floors above the current directory)." };
        var command = new Command("summary", "Neutral multi-news summary on NeuS: ROUGE-1/2/L F1 against the human roundup, with lead and LexRank baselines.")
        {
            dir, prefix, write, score, gate, floors,
        };
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(dir)!;
            var file = Path.Combine(directory.FullName, "stories.jsonl");
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"PX0961: {file} does not exist");
                return ExitCodes.Usage;
            }

            var (all, problems) = NeusStory.Load(file);
            foreach (var problem in problems)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            var idPrefix = parseResult.GetValue(prefix) ?? "";
            var stories = all.Where(s => s.Id.StartsWith(idPrefix, StringComparison.Ordinal)).ToList();
            if (stories.Count == 0)
            {
                Console.Error.WriteLine($"PX0962: no stories under {file} match the id prefix '{idPrefix}'");
                return ExitCodes.Usage;
            }

            var length = SummaryBaselines.LengthWords(stories);
            Dictionary<string, string> predictions;
            var scoreFile = parseResult.GetValue(score);
            if (scoreFile is not null)
            {
                if (!scoreFile.Exists)
                {
                    Console.Error.WriteLine($"PX0963: predictions file {scoreFile.FullName} does not exist");
                    return ExitCodes.Usage;
                }

                predictions = SummaryEvaluation.ReadPredictions(scoreFile.FullName);
            }
            else
            {
                var watch = Stopwatch.StartNew();
                predictions = SummaryEvaluation.Predict(stories, length);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"summarised {stories.Count} stories in {watch.Elapsed.TotalSeconds:F1} s (language pipeline + summary, 2 threads; word budget L = {length})"));
            }

            var outFile = parseResult.GetValue(write);
            if (outFile is not null)
            {
                File.WriteAllLines(outFile.FullName, stories.Select(s => SummaryEvaluation.ToJsonLine(s.Id, predictions.GetValueOrDefault(s.Id, ""))));
            }

            var report = SummaryEvaluation.Score(stories, predictions);
            Console.WriteLine(report.ToJson());
            Baselines(stories, "", report);
            if (idPrefix.Length == 0)
            {
                foreach (var split in stories.Select(s => s.Id.Split('-')[0] + "-").Distinct(StringComparer.Ordinal))
                {
                    var part = stories.Where(s => s.Id.StartsWith(split, StringComparison.Ordinal)).ToList();
                    var partReport = SummaryEvaluation.Score(part, predictions);
                    Console.Error.WriteLine($"split {split}: {partReport.ToJson()}");
                    Baselines(part, split, partReport);
                }
            }

            return parseResult.GetValue(gate)
                ? EvalGate.Check("summary", directory.FullName, report.Metrics(), parseResult.GetValue(floors)?.FullName)
                : ExitCodes.Ok;
        });
        return command;
    }

    private static void Baselines(List<NeusStory> stories, string split, RougeReport ours)
    {
        var length = SummaryBaselines.LengthWords(stories);
        var lead = SummaryEvaluation.Score(stories, stories.ToDictionary(s => s.Id, s => SummaryBaselines.Lead(s, length), StringComparer.Ordinal), "lead", length);
        var lexrank = SummaryEvaluation.Score(stories, SummaryBaselines.LexRank(stories, length), "lexrank", length);
        var label = split.Length == 0 ? "" : $"split {split} ";
        Console.Error.WriteLine($"{label}baseline: {lead.ToJson()}");
        Console.Error.WriteLine($"{label}baseline: {lexrank.ToJson()}");
        var beats = ours.RougeL > lead.RougeL && ours.RougeL > lexrank.RougeL;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}ROUGE-L: ours {ours.RougeL:F2}, lead {lead.RougeL:F2}, LexRank {lexrank.RougeL:F2}: {(beats ? "beats both baselines" : "does NOT beat both baselines")}"));
    }
}
