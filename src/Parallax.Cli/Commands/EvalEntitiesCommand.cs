using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using Parallax.Eval;
using Parallax.Eval.Entities;
using Parallax.Language.Entities;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval entities DIR... [--predictions FILE] [--gate] [--score FILE] [--bench FILE]</c>: exact-span micro F1
/// over PER/ORG/LOC on IOB2 sets (../shared/data/ner/*), printing per set one JSON line with the same keys and values
/// as ../shared/tools/score/ner.py. A DIR is scored on its <c>dev.tsv</c> (or pass the .tsv file itself).
/// </summary>
public static class EvalEntitiesCommand
{
    public static Command Create()
    {
        var dirs = new Argument<string[]>("DIR") { Description = "NER set folders (their dev.tsv is scored) or IOB2 files, e.g. ../shared/data/ner/conll2003.", Arity = ArgumentArity.ZeroOrMore };
        var scoreOption = new Option<FileInfo?>("--score") { Description = "Score this prediction file (the gold file with a predicted tag column appended, as ner.py reads it) instead of running the recognizer; one DIR only." };
        var predictionsOption = new Option<string?>("--predictions") { Description = "Also write the recognizer's predictions (the gold file with a predicted tag column appended, for ner.py) to this file (with --cv: the held-out predictions of every fold); with several DIRs, the set name is added before the extension." };
        var gate = new Option<bool>("--gate") { Description = "Exit 1 when a floor in eval/floors/entities.json is not met." };
        var bench = new Option<FileInfo?>("--bench") { Description = "Throughput of the language layer (tokenizer, sentence splitter, entity recognizer) over the articles of a JSON Lines file (.jsonl or .jsonl.gz with a \"text\" field), e.g. ../shared/data/scale/allsides-articles.jsonl.gz; prints articles/s to stderr." };
        var cv = new Option<int>("--cv") { Description = "Cross-validate the shipped training recipe instead of scoring the shipped model: N-fold by document over the DIR's dev.tsv (UNER English-EWT dev, open), each fold trained on the other folds plus augmentation; prints the pooled held-out scores. Gated as dataset '<name>-<N>fold'." };
        var benchLimit = new Option<int>("--bench-limit") { Description = "How many articles --bench reads (default 3000).", DefaultValueFactory = _ => 3000 };
        var command = new Command("entities", "Named entities (PER/ORG/LOC) on IOB2 sets: exact-span micro P/R/F1 and per type, as ner.py.")
        {
            dirs, predictionsOption, gate, scoreOption, bench, benchLimit, cv,
        };
        command.SetAction(parseResult =>
        {
            var inputs = parseResult.GetValue(dirs) ?? [];
            if (parseResult.GetValue(bench) is { } benchFile)
            {
                return LanguageBench.Run(benchFile, parseResult.GetValue(benchLimit));
            }

            if (inputs.Length == 0)
            {
                Console.Error.WriteLine("PX0513: give at least one DIR (or --bench FILE)");
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(cv) is var folds and > 0)
            {
                return CrossValidate(inputs, folds, parseResult.GetValue(gate), parseResult.GetValue(predictionsOption));
            }

            var predFile = parseResult.GetValue(scoreOption);
            if (predFile is not null && inputs.Length != 1)
            {
                Console.Error.WriteLine("PX0513: --score needs exactly one DIR");
                return ExitCodes.Usage;
            }

            var exit = ExitCodes.Ok;
            foreach (var input in inputs)
            {
                var goldPath = Directory.Exists(input) ? Path.Combine(input, "dev.tsv") : input;
                if (!File.Exists(goldPath))
                {
                    Console.Error.WriteLine($"PX0512: no IOB2 file at {goldPath}");
                    return ExitCodes.Usage;
                }

                var gold = ConllFile.Read(goldPath);
                IReadOnlyList<IReadOnlyList<string>> predicted;
                if (predFile is not null)
                {
                    if (!predFile.Exists)
                    {
                        Console.Error.WriteLine($"PX0512: predictions file {predFile.FullName} does not exist");
                        return ExitCodes.Usage;
                    }

                    var pred = ConllFile.Read(predFile.FullName, lastField: true);
                    if (!SameTokens(gold, pred))
                    {
                        Console.Error.WriteLine("PX0511: gold and prediction files do not have the same sentences/tokens");
                        return ExitCodes.SomeRejected;
                    }

                    predicted = EntitiesEvaluator.Gold(pred);
                }
                else
                {
                    var recognizer = EntityRecognizer.Default;
                    var clock = Stopwatch.StartNew();
                    predicted = EntitiesEvaluator.Predict(recognizer, gold);
                    clock.Stop();
                    var tokens = gold.Sentences.Sum(s => s.Tokens.Length);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{goldPath}: tagged {gold.Documents.Length} documents, {tokens} tokens in {clock.Elapsed.TotalMilliseconds:F0} ms: {gold.Documents.Length / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):F0} documents/s, {tokens / Math.Max(clock.Elapsed.TotalSeconds, 1e-9):F0} tokens/s ({Environment.ProcessorCount} threads, includes model load on first set)"));
                    if (parseResult.GetValue(predictionsOption) is { } w)
                    {
                        var path = inputs.Length == 1 ? w : Path.ChangeExtension(w, null) + "." + Floors.DatasetName(Path.GetDirectoryName(Path.GetFullPath(goldPath))!) + Path.GetExtension(w);
                        gold.WritePredictions(path, predicted);
                    }
                }

                foreach (var d in gold.Diagnostics)
                {
                    Console.Error.WriteLine(d.ToString());
                }

                var score = NerScore.Compute(EntitiesEvaluator.Gold(gold), predicted);
                Console.WriteLine(score.ToJson());
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{goldPath}: F1 {score.Micro.F1:F4} (P {score.Micro.Precision:F4}, R {score.Micro.Recall:F4}); PER {score.Per.F1:F4}, ORG {score.Org.F1:F4}, LOC {score.Loc.F1:F4}"));
                if (parseResult.GetValue(gate))
                {
                    var datasetDir = Directory.Exists(input) ? input : Path.GetDirectoryName(Path.GetFullPath(input))!;
                    exit = Math.Max(exit, EvalGate.Check("entities", datasetDir, score.Metrics()));
                }
            }

            return exit;
        });
        return command;
    }

    private static int CrossValidate(string[] inputs, int folds, bool gate, string? predictionsPath)
    {
        if (folds < 2 || inputs.Length != 1)
        {
            Console.Error.WriteLine("PX0513: --cv needs N >= 2 and exactly one DIR");
            return ExitCodes.Usage;
        }

        var input = inputs[0];
        var goldPath = Directory.Exists(input) ? Path.Combine(input, "dev.tsv") : input;
        if (!File.Exists(goldPath))
        {
            Console.Error.WriteLine($"PX0512: no IOB2 file at {goldPath}");
            return ExitCodes.Usage;
        }

        // the shipped recipe's open unlabelled text (GUM train words, TempEval-3 texts) lives beside the set: DIR is <shared>/data/ner/<set>
        var shared = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(goldPath))!, "..", "..", ".."));
        if (NerTrainingSets.DefaultOpenText && !(File.Exists(Path.Combine(shared, "data/ner/gum/train.tsv")) && Directory.Exists(Path.Combine(shared, "data/time/tempeval3-tbaq"))))
        {
            Console.Error.WriteLine($"PX0515: --cv needs the open text of the training recipe beside the set: {shared}/data/ner/gum/train.tsv and {shared}/data/time/tempeval3-tbaq");
            return ExitCodes.Usage;
        }

        var predicted = new List<IReadOnlyList<string>>();
        var score = NerCrossValidation.Run(goldPath, null, folds, progress: (k, s) =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {k}/{folds}: F1 {s.Micro.F1:F4}")), predictions: predicted,
            openText: NerTrainingSets.DefaultOpenText ? NerTrainingSets.OpenText(shared) : null);
        if (predictionsPath is not null)
        {
            ConllFile.Read(goldPath).WritePredictions(predictionsPath, predicted);
        }

        Console.WriteLine(score.ToJson());
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{goldPath}: {folds}-fold by document, held out, pooled: F1 {score.Micro.F1:F4} (P {score.Micro.Precision:F4}, R {score.Micro.Recall:F4}); PER {score.Per.F1:F4}, ORG {score.Org.F1:F4}, LOC {score.Loc.F1:F4}"));
        var datasetDir = Directory.Exists(input) ? input : Path.GetDirectoryName(Path.GetFullPath(input))!;
        return gate ? EvalGate.Check("entities", Path.TrimEndingDirectorySeparator(Path.GetFullPath(datasetDir)) + "-" + folds.ToString(CultureInfo.InvariantCulture) + "fold", score.Metrics()) : ExitCodes.Ok;
    }

    private static bool SameTokens(ConllFile gold, ConllFile pred)
    {
        var g = gold.Sentences.ToList();
        var p = pred.Sentences.ToList();
        return g.Count == p.Count && g.Zip(p).All(x => x.First.Tokens.SequenceEqual(x.Second.Tokens));
    }
}
