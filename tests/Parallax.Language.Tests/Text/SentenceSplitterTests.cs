using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;
using Parallax.Language.Text;

namespace Parallax.Language.Tests.Text;

public class SentenceSplitterTests
{
    private static string Split(string text) => string.Join(" || ", SentenceSplitter.Split(text).Select(s => s.Span.Of(text)));

    [Theory]
    [InlineData("Mr. Okafor arrived. He left at 5 p.m. on Friday.", "Mr. Okafor arrived. || He left at 5 p.m. on Friday.")]
    [InlineData("Gen. Ruiz spoke. Sen. Hale did not.", "Gen. Ruiz spoke. || Sen. Hale did not.")]
    [InlineData("Talks began on Dec. 3 in Velmora. They failed.", "Talks began on Dec. 3 in Velmora. || They failed.")]
    [InlineData("It was sold in the U.S. The buyer was unnamed.", "It was sold in the U.S. || The buyer was unnamed.")]
    [InlineData("The U.S. Senate voted.", "The U.S. Senate voted.")]
    [InlineData("J. R. Tolvane wrote the memo. Nobody read it.", "J. R. Tolvane wrote the memo. || Nobody read it.")]
    [InlineData("She said, “We will win.” Then she left.", "She said, “We will win.” || Then she left.")]
    [InlineData("“We will win!” she said. Nobody cheered.", "“We will win!” she said. || Nobody cheered.")]
    [InlineData("\"Go home.\" He did.", "\"Go home.\" || He did.")]
    [InlineData("Is it over? Maybe... We will see.", "Is it over? || Maybe... || We will see.")]
    [InlineData("Wait… and see.", "Wait… and see.")]
    [InlineData("Prices rose 3.5% to $50 million. Sales fell.", "Prices rose 3.5% to $50 million. || Sales fell.")]
    [InlineData("Storm Hits Velmora Coast\nThe storm arrived at dawn.", "Storm Hits Velmora Coast || The storm arrived at dawn.")]
    [InlineData("Key points:\n- Rates up\n- Jobs down", "Key points: || - Rates up || - Jobs down")]
    [InlineData("Visit https://quill.example/news. It is free.", "Visit https://quill.example/news. || It is free.")]
    [InlineData("Marovia’s premier resigned (again). Elections follow.", "Marovia’s premier resigned (again). || Elections follow.")]
    public void SentenceSplitter_SplitsAsExpected(string text, string expected)
    {
        Assert.Equal(expected, Split(text));
    }

    [Fact]
    public void SentenceSplitter_MarksHeadlineAndListItems()
    {
        var sentences = SentenceSplitter.Split("Storm Hits Velmora Coast\nThe storm came.\n• Roads closed\nAftermath");
        Assert.Equal([SentenceKind.Headline, SentenceKind.Sentence, SentenceKind.ListItem, SentenceKind.Heading], sentences.Select(s => s.Kind));
    }

    [Fact]
    public void SentenceSplitter_Stage_ProducesLayers()
    {
        var doc = TestDocs.Analyse("First one. Second one.\nThird");
        Assert.Contains(Layers.Sentences, doc.Layers);
        Assert.Contains(Layers.Tokens, doc.Layers);
        Assert.Equal(3, doc.Sentences.Length);
        Invariants.CheckSentences(doc.Text, doc.Tokens, doc.Sentences);
        Assert.Equal("SentenceSplitter@1.0", doc.LayerProvenance[Layers.Sentences]);
    }

    [Fact]
    public void SentenceSplitter_IsDeterministic()
    {
        const string text = "Mr. Dane left. “Why?” she asked.\nNext line";
        Assert.Equal(SentenceSplitter.Split(text), SentenceSplitter.Split(text));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property SentenceSplitter_RandomText_TilesAndNeverThrows() =>
        Prop.ForAll(Generators.Texts(), text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens);
            Invariants.CheckSentences(text, tokens, sentences);
            return true;
        });
}
