using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Parallax.Eval.Entities;
using Parallax.Language.Entities;

// train-ner: rebuilds the shipped entity model deterministically. See docs/models.md.
//   dotnet run -c Release --project tools/train-ner -- --shared ../shared
//       [--epochs N (8)] [--seed S] [--augment COPIES (8)] [--out FILE] [--gum] [--no-uner] [--uner-fold K/N] [--eval] [--cv N]
//       [--ensemble M (3)] [--lower-copies L (0)] [--gum-genres g1,g2] [--gum-plain] [--beam B (1)] [--decode-beam B] [--open-text]
//       [--gum-mode partial|clean|fill|fill-all] [--predictions FILE (with --cv)]
// --gum-mode: how GUM's unmarked names are handled (implies --gum; NerTrainingSets.GumMode; session 11 measured all four
// lower than no GUM, docs/language.md "Session 11"); --predictions FILE: the held-out predictions of --cv, as an IOB2 file.
// --beam B > 1: structured perceptron over beam search of width B (early update), decoded with that width; --decode-beam B:
// decode with another width; --open-text: casing-class features from the open GUM train + TempEval-3 texts
// (NerTrainingSets.OpenText). Session 6 measured all three and ships none (docs/language.md, "Session 6").
// --ensemble M: the model is the mean of M perceptrons trained in M document orders (seeds S .. S+M-1). --lower-copies L:
// the last L augmentation copies are written in lower case. --gum-genres: only these open GUM genres (implies --gum);
// --gum-plain: GUM is added without augmentation copies. Figures of each option: docs/language.md, "Session 5".
// The defaults build the shipped model: UNER English-EWT dev (open) + 8 entity-replacement copies (src/Parallax.Eval/Entities/Augmenter.cs),
// 8 epochs, fixed seed. --gum adds GUM train (open genres only, spans cut to names; it lowered held-out UNER F1, so
// the shipped model leaves it out). --uner-fold K/N holds out every N-th UNER document (from K) for cross-validation.
// CoNLL-2003 is never used for training; with --eval it is only scored. --cv N: N-fold cross-validation by document
// over UNER dev (document i is in fold i mod N): N models, each trained on the other folds (plus GUM with --gum, plus
// augmentation) and scored on its held-out fold; prints the pooled held-out micro F1 (counts summed over folds). This is
// the honest UNER figure (the shipped model itself is trained on all of UNER dev).
var shared = "../shared";
var epochs = NerTrainingSets.DefaultEpochs;
var seed = NerTrainingSets.DefaultSeed;
var output = "src/Parallax.Language/Resources/ner/ner-model.bin.gz";
var useUner = true;
var useGum = false;
var evaluate = false;
var augment = NerTrainingSets.DefaultAugment;
var cv = 0;
string[]? gumGenres = null;
var augmentGum = true;
var ensemble = NerTrainingSets.DefaultEnsemble;
var lowerCopies = NerTrainingSets.DefaultLowerCaseCopies;
var beam = NerTrainingSets.DefaultBeam;
int? decodeBeam = null;
var openText = NerTrainingSets.DefaultOpenText;
var gumMode = NerTrainingSets.GumMode.Partial;
string? predictionsFile = null;
(int K, int N)? holdOut = null;
for (var a = 0; a < args.Length; a++)
{
    switch (args[a])
    {
        case "--shared": shared = args[++a]; break;
        case "--epochs": epochs = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--seed": seed = ulong.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--out": output = args[++a]; break;
        case "--no-uner": useUner = false; break;
        case "--gum": useGum = true; break;
        case "--gum-genres": useGum = true; gumGenres = args[++a].Split(','); break;
        case "--gum-plain": augmentGum = false; break;
        case "--predictions": predictionsFile = args[++a]; break;
        case "--gum-mode": useGum = true; gumMode = Enum.Parse<NerTrainingSets.GumMode>(args[++a].Replace("-", "", StringComparison.Ordinal), ignoreCase: true); break;
        case "--lower-copies": lowerCopies = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--ensemble": ensemble = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--eval": evaluate = true; break;
        case "--open-text": openText = true; break;
        case "--beam": beam = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--decode-beam": decodeBeam = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--cv": cv = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--augment": augment = int.Parse(args[++a], CultureInfo.InvariantCulture); break;
        case "--uner-fold":
            var kn = args[++a].Split('/');
            holdOut = (int.Parse(kn[0], CultureInfo.InvariantCulture), int.Parse(kn[1], CultureInfo.InvariantCulture));
            break;
        default:
            Console.Error.WriteLine($"unknown argument {args[a]}");
            return 2;
    }
}


bool GumGenre(string id) => gumGenres is null || gumGenres.Any(g => id.StartsWith("GUM_" + g + "_", StringComparison.Ordinal));

// documents of UNER dev held out for cross-validation: fold = position of the document in the file modulo N
bool InFold(int index) => holdOut is { } h && index % h.N == h.K;

if (cv > 1)
{
    var heldOut = predictionsFile is null ? null : new List<IReadOnlyList<string>>();
    var result = NerCrossValidation.Run(Path.Combine(shared, "data/ner/uner-ewt-dev/dev.tsv"), useGum ? Path.Combine(shared, "data/ner/gum/train.tsv") : null,
        cv, epochs, augment, seed, (k, sc) => Console.Error.WriteLine($"fold {k}/{cv}: F1 {sc.Micro.F1:F4} ({sc.Micro.Correct}/{sc.Micro.Predicted}/{sc.Micro.Gold})"),
        gumFilter: GumGenre, augmentGum: augmentGum, ensemble: ensemble, lowerCaseCopies: lowerCopies, beam: beam, decodeBeam: decodeBeam, openText: openText ? NerTrainingSets.OpenText(shared) : null, gumMode: gumMode, predictions: heldOut);
    if (predictionsFile is not null)
    {
        ConllFile.Read(Path.Combine(shared, "data/ner/uner-ewt-dev/dev.tsv")).WritePredictions(predictionsFile, heldOut!);
    }

    Console.WriteLine($"uner-ewt-dev {cv}-fold by document (held out, pooled): F1 {result.Micro.F1:F4} (P {result.Micro.Precision:F4} R {result.Micro.Recall:F4}) PER {result.Per.F1:F4} ORG {result.Org.F1:F4} LOC {result.Loc.F1:F4}");
    return 0;
}

var docs = new List<NerTrainingDoc>();
var gum = ConllFile.Read(Path.Combine(shared, "data/ner/gum/train.tsv"));
// GUM marks only Wikipedia-linked names, so a capitalised word tagged O inside a sentence may be an unmarked name:
// those tokens are treated as unannotated (no perceptron update).
var uner = ConllFile.Read(Path.Combine(shared, "data/ner/uner-ewt-dev/dev.tsv"));
var gumSource = gum.Documents.Where(d => useGum && NerTrainingSets.IsOpenGum(d.Id) && GumGenre(d.Id)).ToList();
var gumDocs = NerTrainingSets.GumDocuments(gumSource, gumMode, null)
    ?? NerTrainingSets.GumDocuments(gumSource, gumMode, NerTrainingSets.Recognizer(uner.Documents.Where((d, i) => !InFold(i)), augment, epochs, seed, ensemble, lowerCopies, beam, openText ? NerTrainingSets.OpenText(shared) : null))!;
if (augmentGum)
{
    docs.AddRange(gumDocs);
}

if (useUner)
{
    docs.AddRange(uner.Documents.Where((d, i) => !InFold(i)).Select(NerTrainingSets.ToTraining));
}

if (augment > 0)
{
    docs.AddRange(Augmenter.Copies(docs, augment, seed, lowerCopies).ToList());
}

if (!augmentGum)
{
    docs.AddRange(gumDocs);
}

Console.Error.WriteLine($"training documents: {docs.Count}, sentences: {docs.Sum(d => d.Sentences.Count)}, tokens: {docs.Sum(d => d.Sentences.Sum(s => s.Count))}");
var clock = Stopwatch.StartNew();
var model = NerTrainer.Train(docs, Gazetteer.Default, epochs, seed, ensemble: ensemble, beam: beam, openText: openText ? NerTrainingSets.OpenText(shared) : null, progress: (e, acc) => Console.Error.WriteLine($"epoch {e}: token accuracy {acc:F4} ({clock.Elapsed.TotalSeconds:F0}s)"));
Console.Error.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F1}s; features: {model.FeatureCount}, lower-case lexicon: {model.CaseProfile.Count} words");

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
using (var fs = File.Create(output))
{
    model.Save(fs);
}

var bytes = File.ReadAllBytes(output);
Console.Error.WriteLine($"wrote {output}: {bytes.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");

if (evaluate)
{
    var tagger = new NerTagger(model, Gazetteer.Default, decodeBeam);
    void Score(string name, ConllFile file, Func<ConllDocument, int, bool> keep)
    {
        var kept = file with { Documents = [.. file.Documents.Where(keep)] };
        var score = NerScore.Compute(EntitiesEvaluator.Gold(kept), EntitiesEvaluator.Predict(tagger, kept));
        Console.WriteLine($"{name}: F1 {score.Micro.F1:F4} (P {score.Micro.Precision:F4} R {score.Micro.Recall:F4}) PER {score.Per.F1:F4} ORG {score.Org.F1:F4} LOC {score.Loc.F1:F4}");
    }

    Score("gum-dev", ConllFile.Read(Path.Combine(shared, "data/ner/gum/dev.tsv")), (_, _) => true);
    if (!useUner)
    {
        Score("uner-ewt-dev", uner, (_, _) => true);
    }
    else if (holdOut is not null)
    {
        Score($"uner-ewt-dev fold {holdOut.Value.K}/{holdOut.Value.N} (held out)", uner, (_, i) => InFold(i));
    }

    Score("conll2003-dev", ConllFile.Read(Path.Combine(shared, "data/ner/conll2003/dev.tsv")), (_, _) => true);
}

return 0;
