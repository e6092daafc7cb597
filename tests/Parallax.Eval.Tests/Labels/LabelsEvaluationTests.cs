using Parallax.Eval.Labels;

namespace Parallax.Eval.Tests.Labels;

/// <summary>The NewsWCL50 label protocol on a hand-made miniature (fictional event and outlets).</summary>
public class LabelsEvaluationTests
{
    private const string Text = "Mayor Lina Duarte spoke. The embattled mayor left. Duarte said she would return.";

    private static WclMention G(string text, string concept = "VAL\\Lina Duarte", string type = "ACTOR")
    {
        var start = Text.LastIndexOf(text, StringComparison.Ordinal);
        return new WclMention("0_L", start, start + text.Length, text, concept, type);
    }

    private static LabelPrediction P(string text, string entity, string kind)
    {
        var start = Text.IndexOf(text, StringComparison.Ordinal);
        return new LabelPrediction("0_L", start, start + text.Length, entity, kind, kind == "label" ? "Title" : null);
    }

    [Fact]
    public void LabelsEvaluation_CountsNamesLabelsAndPrecision()
    {
        WclArticle[] articles = [new("0_L", 0, "North Star", Text)];
        var gold = new List<WclMention> { G("Lina Duarte"), G("The embattled mayor"), G("Duarte"), G("she") };
        // ten mentions make the concept a main actor
        gold.AddRange(Enumerable.Repeat(G("Lina Duarte"), 7));
        LabelPrediction[] predicted = [P("Lina Duarte", "0:S1", "name"), P("Mayor", "0:S1", "label"), P("embattled mayor", "0:S1", "label"), P("spoke", "0:S1", "label")];
        var score = LabelsEvaluation.Score(articles, gold, predicted);
        Assert.Equal(1, score.MainEntities);
        Assert.Equal(1, score.PronounsSkipped);
        Assert.Equal(new RecallCount(9, 8), score.Names); // the bare "Duarte" (last occurrence) is missed
        Assert.Equal(new RecallCount(1, 1), score.Labels);
        Assert.Equal(3, score.PredictedLabels);
        Assert.Equal(1, score.CorrectLabels); // only "embattled mayor" overlaps a gold mention of the concept
        Assert.Equal(1.0 / 3, score.LabelPrecision, 6);
    }
}
