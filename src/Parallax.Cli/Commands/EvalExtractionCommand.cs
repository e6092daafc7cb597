using System.CommandLine;
using Parallax.Eval;
using Parallax.Eval.Extraction;
using Parallax.Ingest.Extraction;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval extraction DIR [--predictions FILE] [--gate]</c>: extracts every page of an AEB-format set and prints
/// the AEB metric as one JSON line (same keys and values as <c>../shared/tools/score/aeb.py</c>).
/// </summary>
public static class EvalExtractionCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "Dataset folder with ground-truth.json and html/<id>.html[.gz]." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Also write the predictions {id: {\"articleBody\": text}} to this file." };
        var gate = new Option<bool>("--gate") { Description = "Fail (exit 1) when a floor pinned in eval/floors/extraction.json is not met." };
        var command = new Command("extraction", "Main-text extraction on an AEB-format set (Zyte's shingle precision/recall/F1/accuracy).");
        command.Arguments.Add(dir);
        command.Options.Add(predictions);
        command.Options.Add(gate);
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(dir)!;
            if (!File.Exists(Path.Combine(directory.FullName, "ground-truth.json")))
            {
                Console.Error.WriteLine($"PX0901: {directory.FullName} has no ground-truth.json");
                return ExitCodes.Usage;
            }

            var cases = ExtractionEvaluation.LoadCases(directory.FullName);
            var missing = cases.Where(c => !File.Exists(c.HtmlPath)).Select(c => c.Id).ToList();
            if (missing.Count > 0)
            {
                Console.Error.WriteLine($"PX0901: {missing.Count} pages have no html file (first: {missing[0]})");
                return ExitCodes.Usage;
            }

            var results = ExtractionEvaluation.Predict(cases, new HtmlExtractor());
            var score = ExtractionEvaluation.Score(cases, results);
            Console.WriteLine(score.ToJson());
            var rejected = results.Count(r => r.Rejection is not null);
            Console.Error.WriteLine($"{cases.Count} pages, {rejected} rejected (empty prediction)");
            if (parse.GetValue(predictions) is { } file)
            {
                ExtractionEvaluation.WritePredictions(file.FullName, results);
            }

            if (parse.GetValue(gate))
            {
                return EvalGate.Check("extraction", directory.FullName, score.ToDictionary());
            }

            return ExitCodes.Ok;
        });
        return command;
    }

}
