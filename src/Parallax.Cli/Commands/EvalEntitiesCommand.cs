using System.Diagnostics;
using System.Globalization;
using System.CommandLine;
using Parallax.Eval;
using Parallax.Eval.Entities;
using Parallax.Language.Entities;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax eval entities DIR... [--predictions FILE] [--write-predictions FILE] [--gate]</c>: exact-span micro F1
/// over PER/ORG/LOC on IOB2 sets (../shared/data/ner/*), printing per set one JSON line with the same keys and values
/// as ../shared/tools/score/ner.py. A DIR is scored on its <c>dev.tsv</c> (or pass the .tsv file itself).
/// </summary>
public static class EvalEntitiesCommand
{
    public static Command Create()
    {
        var dirs = new Argument<string[]>("DIR") { Description = "NER set folders (their dev.tsv is scored) or IOB2 files, e.g. ../shared/data/ner/conll2003.", Arity = ArgumentArity.ZeroOrMore };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Score this prediction file (the gold file with a predicted tag column appended) instead of running the recognizer; one DIR only." };
        var write = new Option<string?>("--write-predictions") { Description = "Write the recognizer's predictions (gold file + predicted tag column) here; with several DIRs, the set name is added before the extension." };
        var gate = new Option<bool>("--gate") { Description = "Exit 1 when a floor in eval/floors/entities.json is not met." };
        var bench = new Option<FileInfo?>("--bench") { Description = "Throughput of the language layer (tokenizer, sentence splitter, entity recognizer) over the articles of a JSON Lines file (.jsonl or .jsonl.gz with a \"text\" field), e.g. ../shared/data/scale/allsides-articles.jsonl.gz; prints articles/s to stderr." };
        var benchLimit = new Option<int>("--bench-limit") { Description = "How many articles --bench reads (default 3000).", DefaultValueFactory = _ => 3000 };
        var command = new Command("entities", "Named entities (PER/ORG/LOC) on IOB2 sets: exact-span micro P/R/F1 and per type, as ner.py.")
        {
            dirs, predictions, write, gate, bench, benchLimit,
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
                Console.Error.WriteLine("PX0900: give at least one DIR (or --bench FILE)");
                return ExitCodes.Usage;
            }

            var predFile = parseResult.GetValue(predictions);
            if (predFile is not null && inputs.Length != 1)
            {
                Console.Error.WriteLine("PX0900: --predictions needs exactly one DIR");
                return ExitCodes.Usage;
            }

            var failures = new List<string>();
            foreach (var input in inputs)
            {
                var goldPath = Directory.Exists(input) ? Path.Combine(input, "dev.tsv") : input;
                if (!File.Exists(goldPath))
                {
                    Console.Error.WriteLine($"PX0901: no IOB2 file at {goldPath}");
                    return ExitCodes.Usage;
                }

                var gold = ConllFile.Read(goldPath);
                IReadOnlyList<IReadOnlyList<string>> predicted;
                if (predFile is not null)
                {
                    if (!predFile.Exists)
                    {
                        Console.Error.WriteLine($"PX0901: predictions file {predFile.FullName} does not exist");
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
                    if (parseResult.GetValue(write) is { } w)
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
                    var dataset = Floors.DatasetName(Directory.Exists(input) ? input : Path.GetDirectoryName(Path.GetFullPath(input))!);
                    failures.AddRange(Floors.Check(FindFloors(), "entities", dataset, score.Metrics()));
                }
            }

            foreach (var f in failures)
            {
                Console.Error.WriteLine("gate: " + f);
            }

            return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
        });
        return command;
    }

    private static bool SameTokens(ConllFile gold, ConllFile pred)
    {
        var g = gold.Sentences.ToList();
        var p = pred.Sentences.ToList();
        return g.Count == p.Count && g.Zip(p).All(x => x.First.Tokens.SequenceEqual(x.Second.Tokens));
    }

    private static string FindFloors()
    {
        for (var d = new DirectoryInfo(Environment.CurrentDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "eval", "floors");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "eval", "floors");
    }
}
