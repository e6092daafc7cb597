using Parallax.Compare.Slant;
using Parallax.Core;

namespace Parallax.Compare.Tests;

public sealed class SlantLexiconTests
{
    [Theory]
    [InlineData("The union bosses met.", "union bosses", "epithet")]
    [InlineData("A Radical agitator spoke.", "radical", "epithet")]
    [InlineData("The Steady-handed minister.", "steady-handed", "praise")]
    [InlineData("The regime's envoy left.", "regime", "epithet")]
    [InlineData("Of course they agreed.", "of course", "stance")]
    [InlineData("He lashed out at critics.", "lashed out", "conflict-verb")]
    public void LoadedLexicon_FindsTermsCaseInsensitivelyLongestFirst(string sentence, string term, string category)
    {
        var hit = LoadedLexicon.Default.Find(sentence, 0, sentence.Length).First();
        Assert.Equal(term, hit.Term);
        Assert.Equal(category, hit.Category);
    }

    [Theory]
    [InlineData("The council voted to raise fares by 10 cents on Monday.")]
    [InlineData("Rescue crews carried residents to a shelter in the sports hall.")]
    [InlineData("Lashed, out of breath, the sailors reached the quay.")]
    public void LoadedLexicon_FindsNothingInNeutralSentences(string sentence) =>
        Assert.Empty(LoadedLexicon.Default.Find(sentence, 0, sentence.Length));

    [Fact]
    public void LoadedLexicon_EveryCategoryHasAWeightAndTheFileSaysHowItWasMade()
    {
        Assert.True(LoadedLexicon.Default.Count > 500);
        foreach (var category in LoadedLexicon.Default.Entries.Values.Distinct())
        {
            Assert.True(SlantWeights.Default.Category(category) > 0, category);
            Assert.True(LoadedLexicon.LoadedCategories.Contains(category) || LoadedLexicon.MarkerCategories.Contains(category), category);
        }

        var header = File.ReadLines(Path.Combine(Parallax.Testing.RepoPaths.Root, "src", "Parallax.Compare", "Slant", "Resources", "loaded-terms.tsv")).TakeWhile(l => l.StartsWith('#')).ToList();
        Assert.Contains(header, l => l.Contains("written by hand", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("NOT extracted or mined", StringComparison.Ordinal));
    }

    [Fact]
    public void SlantWeights_WeighEveryComponent()
    {
        foreach (var name in new[] { SlantScorer.LoadedTermsComponent, SlantScorer.LabelsComponent, SlantScorer.OpinionMarkersComponent, SlantScorer.AnonymousSourcesComponent,
                     SlantScorer.OneSidedVoicesComponent, SlantScorer.OmittedFactsComponent, SlantScorer.HeadlineLoadedComponent, SlantScorer.HeadlineUnsupportedComponent })
        {
            Assert.True(SlantWeights.Default.Components.ContainsKey(name), name);
        }
    }

    [Theory]
    [InlineData("Who could blame them?", "question")]
    [InlineData("This is a scandal!", "exclamation")]
    [InlineData("The so-called \u201Creform\u201D passed.", "scare-quote")]
    public void SlantMarkers_FindStructuralMarkers(string sentence, string kind) =>
        Assert.Contains(SlantMarkers.Find(sentence, new TextSpan(0, sentence.Length), []), h => h.Category == kind);

    [Theory]
    [InlineData("She said the plan was \u201Cunworkable\u201D.")]
    [InlineData("\u201CWhy now?\u201D the mayor asked.")]
    [InlineData("The ferry left at noon.")]
    public void SlantMarkers_IgnoreAttributedQuotesAndPlainSentences(string sentence) =>
        Assert.DoesNotContain(SlantMarkers.Find(sentence, new TextSpan(0, sentence.Length), []), h => h.Category is "scare-quote" or "question" or "exclamation");

    [Fact]
    public void SlantMarkers_SkipExcludedSpans()
    {
        const string sentence = "\u201CThis is a disgrace,\u201D she said.";
        var quote = new TextSpan(1, sentence.IndexOf('\u201D', StringComparison.Ordinal));
        Assert.Contains(SlantMarkers.Find(sentence, new TextSpan(0, sentence.Length), []), h => h.Term == "disgrace");
        Assert.DoesNotContain(SlantMarkers.Find(sentence, new TextSpan(0, sentence.Length), [quote]), h => h.Term == "disgrace");
    }

    [Theory]
    [InlineData("The council met on Monday.", false)]
    [InlineData("The radical council's absurd stunt backfired.", true)]
    public void SentenceSlant_MarksSentencesAtTheThreshold(string sentence, bool biased) =>
        Assert.Equal(biased, SentenceSlant.Score(sentence).Biased);
}
