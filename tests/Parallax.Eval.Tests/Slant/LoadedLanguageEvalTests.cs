using System.Text.Json;
using Parallax.Eval.Slant;
using Parallax.Testing;

namespace Parallax.Eval.Tests.Slant;

/// <summary>The loaded-language eval must print the same figures as ../shared/tools/score/classify.py and spans.py on the same predictions.</summary>
public sealed class LoadedLanguageEvalTests
{
    private static string Babe => RepoPaths.SharedData("bias", "babe");

    private static string Basil => RepoPaths.SharedData("bias", "basil-2010-2016");

    private static string Ptc => RepoPaths.SharedData("bias", "ptc-train-80");

    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), $"px-{name}-{Guid.NewGuid():N}.jsonl");

    [Fact]
    public void ClassifyScorer_EqualsPythonOnBabeDetectorPredictions()
    {
        var sentences = BiasSets.LoadBabe(Babe);
        Assert.Equal(BiasSetKind.Babe, BiasSets.Detect(Babe));
        var predictions = LoadedLanguageDetector.Predict(sentences);
        Assert.Contains(predictions, p => p.Biased);
        Assert.Contains(predictions, p => !p.Biased);
        var file = Temp("babe");
        try
        {
            File.WriteAllLines(file, predictions.Select(p => p.ToJsonLine()));
            var ours = ClassifyScorer.Score([.. sentences.Select(s => new GoldLabel(s.Id, s.Biased))], BiasSets.LoadPredictions(file));
            var python = ReferenceScorer.Run("classify.py", Path.Combine(Babe, "sentences.jsonl"), file, "--json").Trim();
            Assert.Equal(python, ours.ToJson());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ClassifyScorer_EqualsPythonOnEdgeCasePredictions()
    {
        // Missing ids, an unknown id, a repeated id (last wins), "label" instead of "biased", a string "biased".
        var sentences = BiasSets.LoadBabe(Babe).Take(40).ToList();
        var lines = new List<string>();
        for (var i = 0; i < sentences.Count; i += 2)
        {
            lines.Add(i % 4 == 0
                ? $"{{\"id\": \"{sentences[i].Id}\", \"biased\": true, \"score\": 1.5}}"
                : $"{{\"id\": \"{sentences[i].Id}\", \"label\": \"non-biased\"}}");
        }

        lines.Add($"{{\"id\": \"{sentences[0].Id}\", \"biased\": \"no\", \"score\": 0}}");
        lines.Add("{\"id\": \"not-a-gold-id\", \"biased\": true, \"score\": 0}");
        var gold = Temp("gold");
        var file = Temp("edge");
        try
        {
            File.WriteAllLines(gold, sentences.Select(s => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = s.Id, ["label"] = s.Biased ? "biased" : "non-biased" })));
            File.WriteAllLines(file, lines);
            var ours = ClassifyScorer.Score([.. sentences.Select(s => new GoldLabel(s.Id, s.Biased))], BiasSets.LoadPredictions(file));
            Assert.True(ours.Missing > 0);
            Assert.Equal(ReferenceScorer.Run("classify.py", gold, file, "--json").Trim(), ours.ToJson());
        }
        finally
        {
            File.Delete(gold);
            File.Delete(file);
        }
    }

    [Fact]
    public void ClassifyScorer_EqualsPythonOnBasilLexicalBias()
    {
        Assert.Equal(BiasSetKind.Basil, BiasSets.Detect(Basil));
        var sentences = BiasSets.LoadBasil(Basil);
        Assert.Equal(297, sentences.Count(s => s.Biased));
        var gold = Temp("basil-gold");
        var file = Temp("basil");
        try
        {
            File.WriteAllLines(gold, sentences.Select(s => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = s.Id, ["label"] = s.Biased ? "biased" : "non-biased" })));
            var predictions = LoadedLanguageDetector.Predict(sentences);
            File.WriteAllLines(file, predictions.Select(p => p.ToJsonLine()));
            var ours = ClassifyScorer.Score([.. sentences.Select(s => new GoldLabel(s.Id, s.Biased))], predictions);
            Assert.Equal(ReferenceScorer.Run("classify.py", gold, file, "--json").Trim(), ours.ToJson());
        }
        finally
        {
            File.Delete(gold);
            File.Delete(file);
        }
    }

    [Fact]
    public void SpanScorer_EqualsPythonOnPtcDetectorSpans()
    {
        Assert.Equal(BiasSetKind.Ptc, BiasSets.Detect(Ptc));
        var predictions = LoadedLanguageDetector.PredictSpans(BiasSets.LoadPtcArticles(Ptc));
        Assert.NotEmpty(predictions);
        var file = Temp("ptc");
        try
        {
            File.WriteAllLines(file, predictions.Select(p => p.ToJsonLine()));
            var ours = SpanScorer.Score(BiasSets.LoadSpans(Path.Combine(Ptc, "spans.jsonl")), BiasSets.LoadSpans(file), SpanScorer.LoadedLanguageTechniques);
            using var python = JsonDocument.Parse(ReferenceScorer.Run("spans.py", Path.Combine(Ptc, "spans.jsonl"), file, "--techniques", "Loaded_Language,Name_Calling,Labeling", "--json"));
            var root = python.RootElement;
            Assert.Equal(root.GetProperty("gold_spans").GetInt32(), ours.GoldSpans);
            Assert.Equal(root.GetProperty("pred_spans").GetInt32(), ours.PredSpans);
            // spans.py sums per article in python set order (hash-randomised), so the last bits of a float may differ.
            Assert.Equal(root.GetProperty("precision").GetDouble(), ours.Precision, 1e-12);
            Assert.Equal(root.GetProperty("recall").GetDouble(), ours.Recall, 1e-12);
            Assert.Equal(root.GetProperty("f1").GetDouble(), ours.F1, 1e-12);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void PredictSpans_UsesCodePointOffsets()
    {
        var article = new PtcArticle("t1", "\U0001F600 A vile scheme.\nAll calm.");
        var spans = LoadedLanguageDetector.PredictSpans([article]);
        // The emoji is two UTF-16 units but one code point (python's string index).
        Assert.Equal([(4, 8), (9, 15)], spans.Select(s => (s.Start, s.End)));
        Assert.All(spans, s => Assert.Equal("Loaded_Language", s.Technique));
    }

    [Fact]
    public void CrossValidatedClassifier_IsDeterministicAndPredictsEverySentence()
    {
        var sentences = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? new BiasSentence($"s{i}", $"The absurd radical scheme number {i} is a disgrace.", true, "x")
            : new BiasSentence($"s{i}", $"The council met on day {i} and approved the budget.", false, "x")).ToList();
        var a = CrossValidatedClassifier.Run(sentences);
        var b = CrossValidatedClassifier.Run(sentences);
        Assert.Equal(a.Predictions, b.Predictions);
        Assert.Equal(sentences.Select(s => s.Id), a.Predictions.Select(p => p.Id));
        Assert.Equal(CrossValidatedClassifier.Folds, a.FoldMacroF1.Length);
        Assert.True(ClassifyScorer.Score([.. sentences.Select(s => new GoldLabel(s.Id, s.Biased))], a.Predictions).MacroF1 > 0.9);
    }

    [Fact]
    public void Predict_KeepsAQuotationOpenAcrossTheSentencesOfOneArticle()
    {
        // A three-sentence quotation in one article: the middle sentence has no quotation marks but is the speaker's.
        var inArticle = new[]
        {
            new BiasSentence("a1#0", "The harbour master spoke at the quay. \u201CWe will not wait.", false, "x"),
            new BiasSentence("a1#1", "This plan is a disgrace and a shambles.", false, "x"),
            new BiasSentence("a1#2", "It must change,\u201D she said.", false, "x"),
        };
        Assert.False(LoadedLanguageDetector.Predict(inArticle)[1].Biased);

        // The same sentence on its own, or at the start of another article, is the writer's.
        var alone = new[] { inArticle[0], new BiasSentence("a2#0", inArticle[1].Text, false, "x") };
        Assert.True(LoadedLanguageDetector.Predict(alone)[1].Biased);
        Assert.True(LoadedLanguageDetector.Predict([new BiasSentence("s1", inArticle[1].Text, false, "x")])[0].Biased);
    }
}
