using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Language.Labels;

namespace Parallax.Language.Tests.Labels;

/// <summary>Label keys, names after titles, second-chance and group epithets, and story-wide label ids (fictional texts).</summary>
public class LabelKeyAndEpithetTests
{
    [Theory]
    [InlineData("Venezuela's president", "venezuelan president")]
    [InlineData("Venezuelan  President", "venezuelan president")]
    [InlineData("Russia’s leader", "russian leader")]
    [InlineData("Belarus's president", "belarusian president")]
    [InlineData("France's president", "french president")]
    [InlineData("the firebrand", "firebrand")]
    [InlineData("A close ally of the mayor", "close ally of the mayor")]
    [InlineData("former President", "former president")]
    [InlineData("the country's strongman", "country's strongman")]
    public void LabelKey_FoldsCaseArticlesAndCountryPossessives(string label, string key) => Assert.Equal(key, LabelKey.Of(label));

    [Fact]
    public void EntityRecognizer_NameAfterTitleIsAPerson()
    {
        var doc = LabelExtractorTests.Analyse("On Monday, Fisheries Minister Ragna Tolvik closed the harbour.");
        Assert.Contains(doc.Mentions, m => m.Text == "Ragna Tolvik" && m.Type == EntityType.Person);
        Assert.Contains(doc.Labels, l => l.Text == "Fisheries Minister" && l.Kind == LabelKind.Title && l.EntityId is not null);
    }

    [Fact]
    public void EntityRecognizer_NoNameAfterTitleInAHeadline()
    {
        var doc = LabelExtractorTests.Analyse("Opposition Leader Unveils Plan To Cut Fuel Duty");
        Assert.DoesNotContain(doc.Mentions, m => m.Text.StartsWith("Unveils", StringComparison.Ordinal));
    }

    [Fact]
    public void EntityRecognizer_CapitalisedRunEndingInAnOrganisationWordIsAnOrganisation()
    {
        var doc = LabelExtractorTests.Analyse("On Friday the strike was called by the Ostrava Ferrymen's Union after talks failed.");
        Assert.Contains(doc.Mentions, m => m.Text == "Ostrava Ferrymen's Union" && m.Type == EntityType.Organization);
        var headline = LabelExtractorTests.Analyse("Ferrymen Union Calls Strike Over Winter Pay");
        Assert.DoesNotContain(headline.Mentions, m => m.Text == "Ferrymen Union");
    }

    [Fact]
    public void EntityRecognizer_DemonymBeforeATitleIsNotAName()
    {
        var doc = LabelExtractorTests.Analyse("Belarusian President Ragna Tolvik said on Monday that the talks would go on.");
        Assert.DoesNotContain(doc.Mentions, m => m.Text == "Belarusian" && m.Type != EntityType.Group);
        Assert.Contains(doc.Labels, l => l.Text == "Belarusian President" && l.Kind == LabelKind.Title);
    }

    [Fact]
    public void EntityRecognizer_DropsLowerCaseMentions()
    {
        var doc = LabelExtractorTests.Analyse("Ships waited outside the harbour while the port stood still. Corvane Lines said trade would suffer.");
        Assert.All(doc.Mentions, m => Assert.True(char.IsUpper(m.Text[0]) || char.IsDigit(m.Text[0]), m.Text));
    }

    [Fact]
    public void LabelExtractor_JudgementEpithetLinksToTheOnlyPersonLabelledWithAnEpithetNoun()
    {
        var doc = LabelExtractorTests.Analyse(
            "The strike was called by radical agitator Anna Berg on Friday. Police Chief Tomas Rahkola said the roads were open. "
            + "Prices rose by ten percent. Now the firebrand says the strike will go on.");
        var label = Assert.Single(doc.Labels, l => l.Text == "the firebrand");
        Assert.Equal(LabelKind.Epithet, label.Kind);
        Assert.Equal(doc.Mentions.First(m => m.Text == "Anna Berg").EntityId, label.EntityId);
    }

    [Fact]
    public void LabelExtractor_NeutralEpithetWithoutAntecedentStaysUnlinked()
    {
        var doc = LabelExtractorTests.Analyse(
            "The strike was called by radical agitator Anna Berg on Friday. Police Chief Tomas Rahkola said the roads were open. "
            + "Prices rose by ten percent. Now the leader says the strike will go on.");
        Assert.DoesNotContain(doc.Labels, l => l.Text.Contains("leader", StringComparison.Ordinal));
    }

    [Fact]
    public void LabelExtractor_PluralEpithetOfAnOrganisationsPeople()
    {
        var doc = LabelExtractorTests.Analyse("The strike was called by the United Nations Staff Union on Friday. Critics said the union bosses wanted power.");
        var org = doc.Mentions.FirstOrDefault(m => m.Type == EntityType.Organization && m.Text.EndsWith("Union", StringComparison.Ordinal));
        Assert.NotNull(org);
        var label = Assert.Single(doc.Labels, l => l.Text == "union bosses");
        Assert.Equal(LabelKind.Epithet, label.Kind);
        Assert.Equal(org.EntityId, label.EntityId);
    }

    [Fact]
    public void EntityResolver_StoryIdsReachTheLabels()
    {
        var a = LabelExtractorTests.Analyse("Fisheries Minister Ragna Tolvik closed the harbour. Tolvik said it was safe.", "a");
        var b = LabelExtractorTests.Analyse("The embattled Ragna Tolvik spoke on Friday.", "b");
        var story = EntityResolver.Resolve([a, b]);
        var tolvik = Assert.Single(story.Entities, e => e.Name == "Ragna Tolvik");
        foreach (var doc in story.Docs)
        {
            Assert.Contains(doc.Labels, l => l.EntityId == tolvik.Id);
            Assert.All(doc.Labels, l => Assert.True(l.EntityId is null || story.Entities.Any(e => e.Id == l.EntityId)));
        }
    }

    [Theory]
    [InlineData(new[] { "Maduro", "NICOLAS MADURO", "Nicolas Maduro", "Nicolás Maduro" }, "Nicolás Maduro")]
    [InlineData(new[] { "Maduro’s", "Maduro" }, "Maduro")]
    [InlineData(new[] { "Nicolas Maduro’s", "Nicolas Maduro" }, "Nicolas Maduro")]
    public void EntityResolver_CanonicalNameIsTheFullestWellFormedForm(string[] forms, string name) => Assert.Equal(name, EntityResolver.CanonicalName(forms));
}
