using Parallax.Compare.Slant;
using Parallax.Core;

namespace Parallax.Compare.Tests;

/// <summary>The sentence detector's context rules, on sentences written for these tests (fictional people and places).</summary>
public sealed class SentenceSlantTests
{
    [Theory]
    [InlineData("The mayor touted the bridge as a triumph.", "touted", "framing-verb")]
    [InlineData("The tone-deaf council pressed on.", "tone-deaf", "subjective")]
    [InlineData("Even the ferry was late.", "even", "emphasis")]
    [InlineData("The American people deserve better.", "the american people", "sweeping")]
    public void LoadedLexicon_CoversTheNewClasses(string sentence, string term, string category) =>
        Assert.Contains(LoadedLexicon.Default.Find(sentence, 0, sentence.Length), h => h.Term == term && h.Category == category);

    [Fact]
    public void SentenceSlant_WeakEmphasisAloneIsNotBiased()
    {
        var r = SentenceSlant.Score("Even the ferry was late.");
        Assert.Equal(0.5, r.Score);
        Assert.False(r.Biased);
    }

    [Fact]
    public void SentenceSlant_ReportAnchorsWeighAgainstDescriptiveWords()
    {
        var plain = SentenceSlant.Score("A massive storm hit the harbour.");
        var anchored = SentenceSlant.Score("A massive storm hit the harbour on Tuesday, the coastguard said.");
        Assert.True(plain.Biased);
        Assert.False(anchored.Biased);
        Assert.Equal(2, anchored.Cues.Length);
        Assert.All(anchored.Cues, c => Assert.Equal(SentenceSlant.ReportAnchor, c.Category));
    }

    [Fact]
    public void SentenceSlant_ReportAnchorsNeverExcuseAFramingVerb()
    {
        var r = SentenceSlant.Score("The mayor lashed out at the harbour board on Tuesday.");
        Assert.True(r.Biased);
        Assert.Empty(r.Cues);
    }

    [Theory]
    [InlineData("The harbour master said the plan was \u201Ca disgrace\u201D.")]
    [InlineData("\u201CThis plan is a disgrace and a shambles,\u201D wrote one reader.")]
    [InlineData("The plan is a disgrace and a shambles,\u201D the harbour master added.")]
    public void SentenceSlant_AttributedQuotationsAreTheSpeakersWords(string sentence) =>
        Assert.DoesNotContain(SentenceSlant.Score(sentence).Hits, h => h.Term is "disgrace" or "shambles");

    [Fact]
    public void SentenceSlant_AShortUnattributedQuotationStaysTheWritersScareQuote()
    {
        const string sentence = "The \u201Creform\u201D passed.";
        Assert.Empty(SentenceSlant.AttributedQuotations(sentence, new TextSpan(0, sentence.Length)));
        Assert.Contains(SentenceSlant.Score(sentence).Hits, h => h.Category == "scare-quote");
    }
}
