using System.CommandLine;
using System.Globalization;
using Parallax.Eval;
using Parallax.Eval.Time;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval time DIR [--predictions FILE] [--gate] [--score FILE] [--errors FILE]</c>: TempEval-3 Task A
/// (timex extent, type, value) on a TimeML set, printing the same JSON keys and values as ../shared/tools/score/timex.py.
/// </summary>
public static class EvalTimeCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A TimeML set folder (searched recursively for *.tml), e.g. ../shared/data/time/tempeval3-tbaq." };
        var predictions = new Option<FileInfo?>("--score") { Description = "Score this JSON Lines prediction file (timex.py format) instead of running the tagger." };
        var gate = new Option<bool>("--gate") { Description = "Exit 1 when a floor in eval/floors/time.json is not met." };
        var write = new Option<FileInfo?>("--predictions") { Description = "Also write the predictions (JSON Lines in timex.py format) to this file." };
        var errors = new Option<FileInfo?>("--errors") { Description = "Write an error dump (FN, FP, SPAN, VAL, TYPE lines, tab-separated) to this file." };
        var command = new Command("time", "Temporal expressions (TIMEX3) on a TempEval-3 TimeML set: relaxed/strict span P/R/F1, value F1, type accuracy.")
        {
            dir, predictions, gate, write, errors,
        };
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(dir)!;
            if (!directory.Exists)
            {
                Console.Error.WriteLine($"PX0554: dataset folder {directory.FullName} does not exist");
                return ExitCodes.Usage;
            }

            var set = TimexEvaluation.Load(directory.FullName);
            foreach (var problem in set.Problems)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            if (set.Documents.Count == 0)
            {
                Console.Error.WriteLine($"PX0552: no readable .tml documents under {directory.FullName}");
                return ExitCodes.Usage;
            }

            List<ScoredTimex> preds;
            var predFile = parseResult.GetValue(predictions);
            if (predFile is not null)
            {
                if (!predFile.Exists)
                {
                    Console.Error.WriteLine($"PX0554: predictions file {predFile.FullName} does not exist");
                    return ExitCodes.Usage;
                }

                var (read, error) = TimexScorer.ReadPredictions(predFile.FullName);
                if (error is not null)
                {
                    Console.Error.WriteLine("PX0553: " + error);
                    return ExitCodes.Usage;
                }

                preds = read;
            }
            else
            {
                var (tagged, cold) = TimexEvaluation.Predict(set);
                preds = tagged;

                // A second, warm pass gives the steady-state speed (the first includes building and JIT-compiling the regexes).
                // CPU time is reported too: on a shared, loaded machine wall time overstates the cost.
                var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var (_, warm) = TimexEvaluation.Predict(set);
                var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                var chars = set.Documents.Sum(d => d.Text.Length);
                var n = set.Documents.Count;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"tagged {n} documents ({chars} chars), one thread: first pass {cold.TotalMilliseconds:F0} ms wall; warm pass {warm.TotalMilliseconds:F0} ms wall = {n / Math.Max(warm.TotalSeconds, 1e-9):F0} documents/s, {cpu.TotalMilliseconds:F0} ms CPU = {n / Math.Max(cpu.TotalSeconds, 1e-9):F0} documents/s"));
            }

            if (parseResult.GetValue(write) is { } w)
            {
                using var writer = new StreamWriter(w.FullName);
                TimexScorer.WritePredictions(writer, preds);
            }

            if (parseResult.GetValue(errors) is { } e)
            {
                File.WriteAllLines(e.FullName, TimexEvaluation.Errors(set, preds));
            }

            var scores = TimexScorer.Score(set.Gold(), preds);
            Console.WriteLine(scores.ToJson());
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"relaxed F1 {scores.Relaxed.F1:F4} (P {scores.Relaxed.Precision:F4}, R {scores.Relaxed.Recall:F4}), strict F1 {scores.Strict.F1:F4}, value F1 {scores.ValueF1:F4}, type accuracy {scores.TypeAccuracy:F4}"));

            if (parseResult.GetValue(gate))
            {
                return EvalGate.Check("time", directory.FullName, scores.Metrics());
            }

            return ExitCodes.Ok;
        });
        return command;
    }

}
