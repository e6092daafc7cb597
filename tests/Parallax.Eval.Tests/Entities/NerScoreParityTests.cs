using System.Diagnostics;
using System.Text.Json;
using Parallax.Eval.Entities;
using Parallax.Language.Entities;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Entities;

/// <summary>Our NER figures must equal ../shared/tools/score/ner.py's on the same predictions.</summary>
public class NerScoreParityTests
{
    // fictional tokens; tags exercise I- without B-, type changes, MISC (ignored) and a document marker
    private const string Gold = "# doc: a\nKestria\tB-LOC\nsigned\tO\nwith\tO\nQuill\tB-ORG\nNews\tI-ORG\n.\tO\n\nAnna\tB-PER\nVoss\tI-PER\nof\tO\nMarovian\tB-MISC\nRail\tB-ORG\n\n# doc: b\nVelmora\tB-LOC\nCity\tI-LOC\n";
    private const string Pred = "# doc: a\nKestria\tB-LOC\tB-LOC\nsigned\tO\tO\nwith\tO\tO\nQuill\tB-ORG\tI-ORG\nNews\tI-ORG\tI-ORG\n.\tO\tO\n\nAnna\tB-PER\tI-PER\nVoss\tI-PER\tB-PER\nof\tO\tO\nMarovian\tB-MISC\tB-LOC\nRail\tB-ORG\tI-LOC\n\n# doc: b\nVelmora\tB-LOC\tB-LOC\nCity\tI-LOC\tI-ORG\n";

    [Fact]
    public void NerScore_EqualsPythonScorer_OnHandWrittenCases()
    {
        var dir = Directory.CreateTempSubdirectory("px-ner-");
        var gold = Path.Combine(dir.FullName, "gold.tsv");
        var pred = Path.Combine(dir.FullName, "pred.tsv");
        File.WriteAllText(gold, Gold);
        File.WriteAllText(pred, Pred);
        AssertSameAsPython(gold, pred);
    }

    [Fact]
    public void NerScore_EqualsPythonScorer_OnRecognizerPredictions()
    {
        var goldPath = RepoPaths.SharedData("ner", "uner-ewt-dev", "dev.tsv");
        var file = ConllFile.Read(goldPath);
        var predicted = EntitiesEvaluator.Predict(EntityRecognizer.Default, file);
        var pred = Path.Combine(Directory.CreateTempSubdirectory("px-ner-").FullName, "pred.tsv");
        file.WritePredictions(pred, predicted);
        AssertSameAsPython(goldPath, pred);
    }

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(2.0 / 3.0, "0.6666666666666666")]
    public void NerScore_FormatsFloatsLikePython(double value, string expected)
    {
        Assert.Equal(expected, NerScore.PyFloat(value));
    }

    private static void AssertSameAsPython(string goldPath, string predPath)
    {
        var ours = NerScore.Compute(EntitiesEvaluator.Gold(ConllFile.Read(goldPath)), EntitiesEvaluator.Gold(ConllFile.Read(predPath, lastField: true))).ToJson();
        var python = ReferenceScorer.Run("ner.py", goldPath, predPath);
        using var a = JsonDocument.Parse(ours);
        using var b = JsonDocument.Parse(python);
        Assert.Equal(Flatten(b.RootElement, ""), Flatten(a.RootElement, ""));
        // same keys in the same order, and the line is valid single-line JSON
        Assert.DoesNotContain('\n', ours);
        Assert.Equal(b.RootElement.EnumerateObject().Select(p => p.Name), a.RootElement.EnumerateObject().Select(p => p.Name));
    }

    private static SortedDictionary<string, string> Flatten(JsonElement e, string prefix)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var (k, v) in Flatten(p.Value, prefix + p.Name + "."))
                {
                    result[k] = v;
                }
            }
            else
            {
                result[prefix + p.Name] = p.Value.GetRawText();
            }
        }

        return result;
    }
}
