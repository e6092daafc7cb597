using System.CommandLine;
using System.Diagnostics;
using Parallax.Eval;
using Parallax.Eval.Quotes;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval quotes DIR [--predictions FILE] [--score FILE] [--misses FILE] [--gate]</c>: the PolNeAR attribution metric of
/// ../shared/tools/score/quotes.py. Without <c>--score</c> the QuoteExtractor predicts; the metrics go to stdout
/// as one JSON line, the speed (documents/second) to stderr.
/// </summary>
public static class EvalQuotesCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Gold folder with <doc>.txt and <doc>.jsonl (searched recursively), e.g. ../shared/data/quotes/polnear/dev." };
        var predictions = new Option<FileInfo?>("--score") { Description = "Score these JSON Lines predictions (quotes.py format) instead of running the extractor." };
        var output = new Option<FileInfo?>("--predictions") { Description = "Also write the predictions (JSON Lines in quotes.py format) to this file." };
        var gate = new Option<bool>("--gate") { Description = "Fail (exit 1) when a floor pinned in eval/floors/quotes.json is not met." };
        var floors = new Option<DirectoryInfo?>("--floors") { Description = "Folder with the floors files (default: eval/floors above the current directory)." };
        var misses = new Option<FileInfo?>("--misses") { Description = "Write an error-analysis dump (JSON Lines: missed, spurious and wrong-speaker relations with their texts) to this file." };
        var command = new Command("quotes", "Quotes and speakers on PolNeAR: content F1 at token overlap 0.3 and 0.8, speaker accuracy.");
        command.Arguments.Add(dir);
        command.Options.Add(predictions);
        command.Options.Add(output);
        command.Options.Add(gate);
        command.Options.Add(floors);
        command.Options.Add(misses);
        command.SetAction(parseResult =>
        {
            var d = parseResult.GetValue(dir)!;
            if (!d.Exists)
            {
                Console.Error.WriteLine($"PX0950: gold folder {d.FullName} does not exist.");
                return ExitCodes.Usage;
            }

            var gold = QuotesScorer.LoadGold(d.FullName);
            if (gold.IsEmpty)
            {
                Console.Error.WriteLine($"PX0951: no <doc>.txt + <doc>.jsonl pairs under {d.FullName}.");
                return ExitCodes.Usage;
            }

            List<QuotePrediction> preds;
            var predFile = parseResult.GetValue(predictions);
            if (predFile is not null)
            {
                if (!predFile.Exists)
                {
                    Console.Error.WriteLine($"PX0952: predictions file {predFile.FullName} does not exist.");
                    return ExitCodes.Usage;
                }

                preds = [.. QuotesScorer.ReadPredictions(predFile.FullName).Predictions];
            }
            else
            {
                preds = [];
                var sw = Stopwatch.StartNew();
                foreach (var g in gold)
                {
                    preds.AddRange(QuotePredictor.Predict(g));
                }

                sw.Stop();
                var seconds = Math.Max(sw.Elapsed.TotalSeconds, 1e-9);
                Console.Error.WriteLine(FormattableString.Invariant($"quotes: {gold.Length} documents in {sw.Elapsed.TotalMilliseconds:F0} ms = {gold.Length / seconds:F0} docs/s (extraction only, one thread)"));
            }

            var outFile = parseResult.GetValue(output);
            if (outFile is not null)
            {
                File.WriteAllLines(outFile.FullName, preds.Select(QuotePredictor.ToJsonLine));
            }

            var missesFile = parseResult.GetValue(misses);
            if (missesFile is not null)
            {
                File.WriteAllLines(missesFile.FullName, QuoteMisses.Lines(gold, preds));
            }

            var (score, error) = QuotesScorer.Score(gold, preds);
            if (score is null)
            {
                Console.Error.WriteLine($"PX0953: {error}");
                return ExitCodes.SomeRejected;
            }

            Console.WriteLine(score.ToJson());
            Console.Error.WriteLine(FormattableString.Invariant($"F1@0.3 {score.T03.F1:F4}  F1@0.8 {score.T08.F1:F4}  speaker accuracy {score.SpeakerAccuracy:F4}  cue accuracy {score.CueAccuracy:F4}"));
            if (!parseResult.GetValue(gate))
            {
                return ExitCodes.Ok;
            }

            return EvalGate.Check("quotes", d.FullName, score.Metrics(), parseResult.GetValue(floors)?.FullName);
        });
        return command;
    }

}
