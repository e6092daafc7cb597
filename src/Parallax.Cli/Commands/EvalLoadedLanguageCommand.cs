using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Parallax.Eval.Slant;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval loaded-language DIR [--predictions FILE] [--score FILE] [--cross-validate] [--gate]</c>: the shipped
/// loaded-language detector on a bias set, told by its files: BABE (sentence biased / non-biased, macro F1 of
/// classify.py), BASIL (sentence-level lexical bias, classify.py over <c>&lt;article&gt;#&lt;i&gt;</c>), PTC
/// (Loaded_Language + Name_Calling,Labeling spans, spans.py). One JSON line on stdout with the reference scorer's keys;
/// human lines on stderr. <c>--cross-validate</c> scores instead a development-only 5-fold logistic regression
/// (never shipped) on a sentence set.
/// </summary>
public static class EvalLoadedLanguageCommand
{
    public const string Task = "loaded-language";

    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "A bias set folder: ../shared/data/bias/babe, bias/basil-2010-2016 or bias/ptc-train-80." };
        var output = new Option<FileInfo?>("--predictions") { Description = "Also write the predictions as JSON Lines ({\"id\",\"biased\",\"score\"}; for PTC {\"article\",\"start\",\"end\",\"technique\"})." };
        var score = new Option<FileInfo?>("--score") { Description = "Score these JSON Lines predictions instead of running the detector." };
        var cv = new Option<bool>("--cross-validate") { Description = "Development only, not shipped: 5-fold logistic regression over the slant features, the shipped sentence score and word n-grams, trained inside each fold (BABE, BASIL)." };
        var gate = new Option<bool>("--gate") { Description = "Fail (exit 1) when a floor pinned in eval/floors/loaded-language.json (loaded-language-cv.json with --cross-validate) is not met." };
        var floors = new Option<DirectoryInfo?>("--floors") { Description = "Folder with the floors files (default: eval/floors above the current directory)." };
        var command = new Command(Task, "Loaded language: the slant lexicon and markers as a sentence detector (BABE macro F1, BASIL lexical-bias F1) and a span detector (PTC Loaded_Language + Name_Calling,Labeling span F1).");
        command.Arguments.Add(dir);
        command.Options.Add(output);
        command.Options.Add(score);
        command.Options.Add(cv);
        command.Options.Add(gate);
        command.Options.Add(floors);
        command.SetAction(parseResult =>
        {
            var d = parseResult.GetValue(dir)!;
            if (!d.Exists)
            {
                Console.Error.WriteLine($"PX0970: bias set folder {d.FullName} does not exist.");
                return ExitCodes.Usage;
            }

            var kind = BiasSets.Detect(d.FullName);
            if (kind == BiasSetKind.Unknown)
            {
                Console.Error.WriteLine($"PX0971: {d.FullName} is not a bias set (no sentences.jsonl, articles.jsonl, or spans.jsonl with articles/).");
                return ExitCodes.Usage;
            }

            var scoreFile = parseResult.GetValue(score);
            if (scoreFile is not null && !scoreFile.Exists)
            {
                Console.Error.WriteLine($"PX0972: predictions file {scoreFile.FullName} does not exist.");
                return ExitCodes.Usage;
            }

            var crossValidate = parseResult.GetValue(cv);
            if (crossValidate && (kind == BiasSetKind.Ptc || scoreFile is not null))
            {
                Console.Error.WriteLine("PX0973: --cross-validate applies to a sentence set (BABE, BASIL) and cannot be combined with --score.");
                return ExitCodes.Usage;
            }

            var outFile = parseResult.GetValue(output);
            IReadOnlyDictionary<string, double> metrics = kind == BiasSetKind.Ptc
                ? Spans(d.FullName, scoreFile, outFile)
                : Sentences(d.FullName, kind, scoreFile, outFile, crossValidate);
            if (!parseResult.GetValue(gate))
            {
                return ExitCodes.Ok;
            }

            return EvalGate.Check(crossValidate ? Task + "-cv" : Task, d.FullName, metrics, parseResult.GetValue(floors)?.FullName);
        });
        return command;
    }

    private static IReadOnlyDictionary<string, double> Sentences(string directory, BiasSetKind kind, FileInfo? scoreFile, FileInfo? outFile, bool crossValidate)
    {
        var sentences = kind == BiasSetKind.Babe ? BiasSets.LoadBabe(directory) : BiasSets.LoadBasil(directory);
        var sw = Stopwatch.StartNew();
        IReadOnlyList<BiasPrediction> predictions;
        if (scoreFile is not null)
        {
            predictions = BiasSets.LoadPredictions(scoreFile.FullName);
        }
        else if (crossValidate)
        {
            var run = CrossValidatedClassifier.Run(sentences);
            predictions = run.Predictions;
            Console.Error.WriteLine("DEVELOPMENT ONLY (not shipped): 5-fold cross-validated logistic regression over slant features, the shipped sentence score + word n-grams, trained inside each fold.");
            Console.Error.WriteLine("fold macro F1: " + string.Join(" ", run.FoldMacroF1.Select(f => f.ToString("F4", CultureInfo.InvariantCulture))));
        }
        else
        {
            predictions = LoadedLanguageDetector.Predict(sentences);
            Console.Error.WriteLine(FormattableString.Invariant($"{Task}: {sentences.Length} sentences in {sw.Elapsed.TotalMilliseconds:F0} ms (shipped lexicon + markers + context rules, threshold rule)"));
        }

        if (outFile is not null)
        {
            File.WriteAllLines(outFile.FullName, predictions.Select(p => p.ToJsonLine()));
        }

        var gold = sentences.Select(s => new GoldLabel(s.Id, s.Biased)).ToList();
        var result = ClassifyScorer.Score(gold, predictions);
        Console.WriteLine(result.ToJson());
        Console.Error.WriteLine(FormattableString.Invariant($"macro F1 {result.MacroF1:F4}  biased P {result.Biased.Precision:F4} R {result.Biased.Recall:F4} F1 {result.Biased.F1:F4}  accuracy {result.Accuracy:F4}"));
        foreach (var group in sentences.GroupBy(s => s.Group).OrderBy(g => g.Key, StringComparer.Ordinal).Where(g => g.Key.Length > 0))
        {
            var ids = group.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var r = ClassifyScorer.Score([.. group.Select(s => new GoldLabel(s.Id, s.Biased))], predictions.Where(p => ids.Contains(p.Id)));
            Console.Error.WriteLine(FormattableString.Invariant($"  {group.Key}: n={r.N} biased F1 {r.Biased.F1:F4} macro F1 {r.MacroF1:F4}"));
        }

        return result.Metrics();
    }

    private static IReadOnlyDictionary<string, double> Spans(string directory, FileInfo? scoreFile, FileInfo? outFile)
    {
        var gold = BiasSets.LoadSpans(Path.Combine(directory, "spans.jsonl"));
        var predictions = scoreFile is not null
            ? BiasSets.LoadSpans(scoreFile.FullName)
            : LoadedLanguageDetector.PredictSpans(BiasSets.LoadPtcArticles(directory));
        if (outFile is not null)
        {
            File.WriteAllLines(outFile.FullName, predictions.Select(p => p.ToJsonLine()));
        }

        var result = SpanScorer.Score(gold, predictions, SpanScorer.LoadedLanguageTechniques);
        Console.WriteLine(result.ToJson());
        Console.Error.WriteLine(FormattableString.Invariant($"Loaded_Language + Name_Calling,Labeling spans: P {result.Precision:F4} R {result.Recall:F4} F1 {result.F1:F4} (gold {result.GoldSpans}, predicted {result.PredSpans}, merged)"));
        return result.Metrics();
    }
}
