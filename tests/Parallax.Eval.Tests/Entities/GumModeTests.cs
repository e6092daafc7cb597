using Parallax.Eval.Entities;
using Parallax.Language.Entities;

namespace Parallax.Eval.Tests.Entities;

/// <summary>
/// The session-11 ways of handling GUM's unmarked names (<see cref="NerTrainingSets.GumMode"/>) on a hand-written
/// fictional document: GUM-style spans cut to names, clean-sentence selection and the self-training fill.
/// </summary>
public class GumModeTests
{
    private static ConllSentence Sentence(string words, string tags) =>
        new([.. words.Split(' ')], [.. tags.Split(' ')], [.. words.Split(' ').Select((_, i) => i)]);

    // sentence 0: "Velmora" is marked; "Orlen" is an unmarked name (a capitalised O after the first word)
    // sentence 1: every capitalised word after the first is inside a gold span ("the Tarvik Council", cut to "Tarvik Council")
    private static readonly ConllDocument _doc = new("GUM_news_velmora",
    [
        Sentence("Ana moved from Velmora to Orlen last year", "O O O B-LOC O O O O"),
        Sentence("She joined the Tarvik Council in May", "O O B-ORG I-ORG I-ORG O O"),
    ]);

    private static string[] Tags(NerTrainingDoc d, int s) => [.. d.Tags[s].Select(t => NerTags.Names[t])];

    [Fact]
    public void Partial_UnmarkedCapitalisedWordsAreUnannotated_SpansCutToNames()
    {
        var d = NerTrainingSets.GumToNames(_doc);
        Assert.Equal("O O O B-LOC O O O O".Split(' '), Tags(d, 0));
        Assert.True(d.Unsure![0][5]); // "Orlen"
        Assert.False(d.Unsure[0][0]); // a sentence's first word is trusted
        Assert.Equal("O O O B-ORG I-ORG O O".Split(' '), Tags(d, 1)); // "the" is outside the name, trusted
        Assert.False(d.Unsure[1][2]);
        Assert.True(d.Unsure[1][6]); // "May": capitalised, tagged O
    }

    [Fact]
    public void Clean_KeepsOnlySentencesWithoutUnmarkedNames()
    {
        var oneClean = _doc with { Sentences = [_doc.Sentences[0], Sentence("She joined the Tarvik Council last year", "O O B-ORG I-ORG I-ORG O O")] };
        var d = NerTrainingSets.GumCleanSentences(oneClean);
        Assert.NotNull(d);
        Assert.Single(d.Sentences);
        Assert.Equal("She", d.Sentences[0][0]);
        Assert.Null(NerTrainingSets.GumCleanSentences(_doc with { Sentences = [_doc.Sentences[0]] }));
    }

    [Theory]
    [InlineData(false, "O O O B-LOC O B-LOC O O", false)]
    [InlineData(true, "O O O B-LOC O B-LOC O O", false)]
    public void Fill_UnmarkedNamesTakeThePredictedEntities_GoldKept(bool trustO, string expected, bool unsureOrlen)
    {
        // the model predicts Orlen a place, and (wrongly) Velmora a person: the gold span wins there
        int[][] predicted =
        [
            [.. "O O O B-PER O B-LOC O O".Split(' ').Select(NerTags.Index)],
            [.. "O O O O O O O".Split(' ').Select(NerTags.Index)],
        ];
        var d = NerTrainingSets.GumFilled(_doc, predicted, trustO);
        Assert.Equal(expected.Split(' '), Tags(d, 0));
        Assert.Equal(unsureOrlen, d.Unsure![0][5]);
        Assert.Equal(!trustO, d.Unsure[1][6]); // "May", predicted O: trusted only with trustO
    }
}
