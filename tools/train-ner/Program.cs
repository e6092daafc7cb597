using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Parallax.Eval.Entities;
using Parallax.Language.Entities;

// train-ner: rebuilds the shipped entity model deterministically. See docs/models.md.
//   dotnet run -c Release --project tools/train-ner -- --shared ../shared [--epochs N] [--seed S] [--out FILE]
//       [--no-uner] [--uner-fold K/N] [--eval]
// Training data: GUM train (only genres whose licence allows shipped models) + UNER English-EWT dev (open).
// CoNLL-2003 is never used for training; with --eval it is only scored.
var shared = "../shared";
var epochs = 12;
ulong seed = 20261124;
var output = "src/Parallax.Language/Resources/ner/ner-model.bin.gz";
var useUner = true;
var useGum = true;
var evaluate = false;
var augment = 0;
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
        case "--no-gum": useGum = false; break;
        case "--eval": evaluate = true; break;
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

string[] ncGenres = ["essay", "fiction", "letter", "podcast", "whow"];
bool OpenGum(string id) => !ncGenres.Any(g => id.StartsWith("GUM_" + g + "_", StringComparison.Ordinal));

// documents of UNER dev held out for cross-validation: fold = position of the document in the file modulo N
bool InFold(int index) => holdOut is { } h && index % h.N == h.K;

var docs = new List<NerTrainingDoc>();
var gum = ConllFile.Read(Path.Combine(shared, "data/ner/gum/train.tsv"));
// GUM marks only Wikipedia-linked names, so a capitalised word tagged O inside a sentence may be an unmarked name:
// those tokens are treated as unannotated (no perceptron update).
docs.AddRange(gum.Documents.Where(d => useGum && OpenGum(d.Id)).Select(GumToNames));
var uner = ConllFile.Read(Path.Combine(shared, "data/ner/uner-ewt-dev/dev.tsv"));
if (useUner)
{
    docs.AddRange(uner.Documents.Where((d, i) => !InFold(i)).Select(ToTraining));
}

if (augment > 0)
{
    docs.AddRange(Augmenter.Copies(docs, augment, seed).ToList());
}

Console.Error.WriteLine($"training documents: {docs.Count}, sentences: {docs.Sum(d => d.Sentences.Count)}, tokens: {docs.Sum(d => d.Sentences.Sum(s => s.Count))}");
var clock = Stopwatch.StartNew();
var model = NerTrainer.Train(docs, Gazetteer.Default, epochs, seed, progress: (e, acc) => Console.Error.WriteLine($"epoch {e}: token accuracy {acc:F4} ({clock.Elapsed.TotalSeconds:F0}s)"));
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
    var tagger = new NerTagger(model, Gazetteer.Default);
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

// GUM marks whole noun phrases ("the University of Basel, where he ..."), and only Wikipedia-linked ones. For name
// tagging, each GUM span is cut down to its first run of capitalised words (with inner "of", "de", "-", "&" ...);
// the rest of the span, and every capitalised word tagged O (a possibly unmarked name), is left unannotated (no update).
static NerTrainingDoc GumToNames(ConllDocument d)
{
    var tags = new List<int[]>();
    var unsure = new List<bool[]>();
    foreach (var s in d.Sentences)
    {
        var n = s.Tokens.Length;
        var t = new int[n];
        var u = new bool[n];
        for (var i = 0; i < n; i++)
        {
            u[i] = i > 0 && s.Tags[i] == "O" && IsCap(s.Tokens[i]);
        }

        var gold = s.Tags.Select(NerTags.Normalize).ToArray();
        var start = 0;
        while (start < n)
        {
            if (gold[start] == "O")
            {
                start++;
                continue;
            }

            var type = gold[start][2..];
            var end = start + 1;
            while (end < n && gold[end] == "I-" + type)
            {
                end++;
            }

            for (var k = start; k < end; k++)
            {
                u[k] = true;
            }

            var a = start;
            while (a < end && !IsCap(s.Tokens[a]))
            {
                a++;
            }

            if (a < end)
            {
                var b = a + 1;
                while (b < end && (IsCap(s.Tokens[b]) || (Connector(s.Tokens[b]) && b + 1 < end && IsCap(s.Tokens[b + 1]))))
                {
                    b++;
                }

                // the name itself, and the words of the span before and after it, are trusted
                var kind = NerTags.Index("B-" + type);
                for (var k = a; k < b; k++)
                {
                    t[k] = k == a ? kind : kind + 1;
                    u[k] = false;
                }

                for (var k = start; k < a; k++)
                {
                    u[k] = false;
                }
            }

            start = end;
        }

        tags.Add(t);
        unsure.Add(u);
    }

    return new NerTrainingDoc(d.Id, [.. d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)], tags, unsure);
}

static bool IsCap(string w) => w.Length > 0 && (char.IsUpper(w[0]) || (char.IsDigit(w[0]) && w.Any(char.IsUpper)));

static bool Connector(string w) => w is "of" or "de" or "du" or "des" or "la" or "le" or "del" or "da" or "di" or "von" or "van" or "y" or "and" or "&" or "-" or "for" or "the" or "on";

static NerTrainingDoc ToTraining(ConllDocument d) => new(
    d.Id,
    [.. d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)],
    [.. d.Sentences.Select(s => s.Tags.Select(t => NerTags.Index(NerTags.Normalize(t))).ToArray())]);
