using System.CommandLine;
using System.Globalization;
using Parallax.Eval.Labels;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval labels DIR [--predictions FILE] [--gate]</c>: how much of the annotated wording about the main actors of
/// NewsWCL50 (../shared/data/bias/newswcl50-events-0-6) the label and mention extraction finds, per outlet; one JSON line
/// on stdout (protocol: <see cref="LabelsEvaluation"/>, docs/language.md). There is no reference scorer for this protocol.
/// </summary>
public static class EvalLabelsCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "The NewsWCL50 folder holding articles.jsonl and mentions.jsonl (../shared/data/bias/newswcl50-events-0-6)." };
        var predictions = new Option<string?>("--predictions") { Description = "Write the predicted name and label spans as JSON Lines {\"article\", \"start\", \"end\", \"entity\", \"kind\", \"label_kind\"} to this file." };
        var gate = new Option<bool>("--gate") { Description = "Fail (exit 1) when a floor in eval/floors/labels.json is not met." };
        var command = new Command("labels", "Labels and mentions of each event's main actors on NewsWCL50: recall of annotated names and labels (per outlet) and label precision.")
        {
            dir, predictions, gate,
        };
        command.SetAction(parseResult =>
        {
            var folder = parseResult.GetValue(dir)!;
            if (!File.Exists(Path.Combine(folder, "articles.jsonl")) || !File.Exists(Path.Combine(folder, "mentions.jsonl")))
            {
                Console.Error.WriteLine($"PX0514: {folder} does not hold articles.jsonl and mentions.jsonl");
                return ExitCodes.Usage;
            }

            var (articles, mentions) = LabelsEvaluation.Read(folder);
            var predicted = LabelsEvaluation.Predict(articles);
            if (parseResult.GetValue(predictions) is { } path)
            {
                LabelsEvaluation.WritePredictions(path, predicted);
            }

            var score = LabelsEvaluation.Score(articles, mentions, predicted);
            Console.WriteLine(score.ToJson());
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{folder}: {score.MainEntities} main actors; names recall {score.Names.Recall:F4} ({score.Names.Found}/{score.Names.Gold}), labels recall {score.Labels.Recall:F4} ({score.Labels.Found}/{score.Labels.Gold}), label precision {score.LabelPrecision:F4} ({score.CorrectLabels}/{score.PredictedLabels}); {score.PronounsSkipped} pronoun mentions skipped"));
            foreach (var (outlet, names, labels) in score.ByOutlet)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {outlet}: names {names.Found}/{names.Gold} ({names.Recall:F3}), labels {labels.Found}/{labels.Gold} ({labels.Recall:F3})"));
            }

            return parseResult.GetValue(gate) ? EvalGate.Check("labels", folder, score.Metrics()) : ExitCodes.Ok;
        });
        return command;
    }
}
