using Parallax.Core;
using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

public class EntityRecognizerTests
{
    private static IEnumerable<(string Text, EntityType Type)> Mentions(string text) =>
        TestDocs.Analyse(text).Mentions.Select(m => (m.Text, m.Type));

    [Fact]
    public void EntityRecognizer_FindsPersonWithoutTitle()
    {
        var mentions = Mentions("On Monday, President Tomas Ferreira flew to Geneva for talks.");
        Assert.Contains(("Tomas Ferreira", EntityType.Person), mentions);
        Assert.Contains(("Geneva", EntityType.Location), mentions);
        Assert.DoesNotContain(mentions, m => m.Text.Contains("President", StringComparison.Ordinal));
    }

    [Fact]
    public void EntityRecognizer_FindsCountriesAndCities()
    {
        var mentions = Mentions("Officials in Brazil and Argentina met in Buenos Aires last week.");
        Assert.Contains(("Brazil", EntityType.Location), mentions);
        Assert.Contains(("Argentina", EntityType.Location), mentions);
        Assert.Contains(("Buenos Aires", EntityType.Location), mentions);
    }

    [Fact]
    public void EntityRecognizer_FindsOrganisations()
    {
        var mentions = Mentions("The United Nations and the World Bank issued a joint statement, Reuters reported.");
        Assert.Contains(("United Nations", EntityType.Organization), mentions);
        Assert.Contains(("World Bank", EntityType.Organization), mentions);
        Assert.Contains(("Reuters", EntityType.Organization), mentions);
    }

    [Fact]
    public void EntityRecognizer_MarksNationalitiesAsGroups()
    {
        var mentions = Mentions("Chilean and Peruvian diplomats met the Democrats in Washington.");
        Assert.Contains(("Chilean", EntityType.Group), mentions);
        Assert.Contains(("Peruvian", EntityType.Group), mentions);
    }

    [Fact]
    public void EntityRecognizer_SpansPointAtTheirText()
    {
        var doc = TestDocs.Analyse("Gen. Alvaro Pinto, Mexico’s army chief, told the Associated Press on Friday that Pinto would stay.\nSecond line about Canada.");
        Assert.NotEmpty(doc.Mentions);
        foreach (var m in doc.Mentions)
        {
            Assert.Equal(m.Text, m.Span.Of(doc.Text));
            Assert.Contains(doc.Sentences, s => s.Span.Contains(m.Span));
            Assert.NotNull(m.EntityId);
            Assert.Contains(doc.Entities, e => e.Id == m.EntityId);
        }

        Assert.Contains(Layers.Entities, doc.Layers);
    }

    [Fact]
    public void EntityRecognizer_IsDeterministicAcrossThreads()
    {
        string[] texts =
        [
            "President Tomas Ferreira flew to Geneva.",
            "The World Bank said Peru would grow.",
            "Anna Lindqvist of the Swedish Foreign Ministry spoke in Stockholm.",
            "Reuters and Bloomberg reported the deal in London.",
        ];
        var sequential = texts.Select(t => TestDocs.Analyse(t).Mentions).ToArray();
        var parallel = texts.AsParallel().AsOrdered().Select(t => TestDocs.Analyse(t).Mentions).ToArray();
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    [Fact]
    public void EntityRecognizer_EmptyText_HasNoMentions()
    {
        var doc = TestDocs.Analyse("");
        Assert.Empty(doc.Mentions);
        Assert.Empty(doc.Entities);
    }

    [Fact]
    public void NerModel_RoundTripsThroughItsFileFormat()
    {
        var model = EntityRecognizer.Default.Tagger.Model;
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var copy = NerModel.Load(ms);
        Assert.Equal(model.FeatureCount, copy.FeatureCount);
        var words = new List<IReadOnlyList<string>> { new[] { "Anna", "Lindqvist", "visited", "Oslo", "." } };
        Assert.Equal(new NerTagger(model, Gazetteer.Default).Tag(words), new NerTagger(copy, Gazetteer.Default).Tag(words));
    }

    [Fact]
    public void NerTrainer_LearnsATinyFictionalSet_Deterministically()
    {
        var docs = Enumerable.Range(0, 4).Select(i => new NerTrainingDoc(
            "d" + i,
            [new[] { "Zarkov", "visited", "Quenby", "." }, new[] { "Then", "Zarkov", "left", "." }],
            [new[] { 1, 0, 5, 0 }, new[] { 0, 1, 0, 0 }])).ToList();
        var a = NerTrainer.Train(docs, Gazetteer.Default, epochs: 5, seed: 7);
        var b = NerTrainer.Train(docs, Gazetteer.Default, epochs: 5, seed: 7);
        var words = new List<IReadOnlyList<string>> { new[] { "Zarkov", "visited", "Quenby", "." } };
        var tags = new NerTagger(a, Gazetteer.Default).Tag(words);
        Assert.Equal([1, 0, 5, 0], tags[0]);
        Assert.Equal(tags, new NerTagger(b, Gazetteer.Default).Tag(words));
    }

    [Fact]
    public void EntityRecognizer_BareSurnamesOfTheDocumentArePersons()
    {
        // Session 11 looks the surnames up by the token's characters (no string per token): every lone "Tolvik" is found.
        var mentions = Mentions("Harbour master Ragna Tolvik inspected the Quill quay on Monday. The crossing stays shut until the storm passes, Tolvik said. Ferry crews waited while Tolvik walked the pier.").ToList();
        Assert.Contains(("Ragna Tolvik", EntityType.Person), mentions);
        Assert.Equal(2, mentions.Count(m => m == ("Tolvik", EntityType.Person)));
    }
}
