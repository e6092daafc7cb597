using Parallax.Core;
using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

public class EntityResolverTests
{
    private static Mention M(string text, EntityType type = EntityType.Person) => new(new TextSpan(0, text.Length), type, text);

    [Fact]
    public void EntityResolver_FoldsDiacritics()
    {
        var (mentions, entities) = EntityResolver.ResolveMentions([M("Tomás Ferreira"), M("Tomas Ferreira")]);
        Assert.Single(entities);
        Assert.Equal("Tomás Ferreira", entities[0].Name);
        Assert.Equal(["Tomás Ferreira", "Tomas Ferreira"], entities[0].SurfaceForms);
        Assert.All(mentions, m => Assert.Equal(entities[0].Id, m.EntityId));
    }

    [Fact]
    public void EntityResolver_LinksSurnameToFullName()
    {
        var (mentions, entities) = EntityResolver.ResolveMentions([M("Ferreira"), M("Tomás Ferreira"), M("Ferreira"), M("Lina Duarte"), M("Duarte")]);
        Assert.Equal(2, entities.Length);
        Assert.Equal(mentions[1].EntityId, mentions[0].EntityId);
        Assert.Equal(mentions[1].EntityId, mentions[2].EntityId);
        Assert.Equal(mentions[3].EntityId, mentions[4].EntityId);
        Assert.NotEqual(mentions[0].EntityId, mentions[3].EntityId);
    }

    [Fact]
    public void EntityResolver_SurnameTakesTheMostRecentFullName()
    {
        var (mentions, _) = EntityResolver.ResolveMentions([M("Ana Ferreira"), M("Tomás Ferreira"), M("Ferreira")]);
        Assert.Equal(mentions[1].EntityId, mentions[2].EntityId);
    }

    [Fact]
    public void EntityResolver_LinksPossessive()
    {
        var (mentions, entities) = EntityResolver.ResolveMentions([M("Ferreira’s"), M("Tomás Ferreira"), M("Brazil", EntityType.Location), M("Brazil's", EntityType.Location)]);
        Assert.Equal(2, entities.Length);
        Assert.Equal(mentions[1].EntityId, mentions[0].EntityId);
        Assert.Equal(mentions[2].EntityId, mentions[3].EntityId);
    }

    [Fact]
    public void EntityResolver_LinksAcronyms()
    {
        var (mentions, _) = EntityResolver.ResolveMentions([M("European Union", EntityType.Organization), M("EU", EntityType.Organization)]);
        Assert.Equal(mentions[0].EntityId, mentions[1].EntityId);
    }

    [Fact]
    public void EntityResolver_DoesNotMergeDifferentTypes()
    {
        var (_, entities) = EntityResolver.ResolveMentions([M("Jordan", EntityType.Location), M("Jordan", EntityType.Organization)]);
        Assert.Equal(2, entities.Length);
    }

    [Fact]
    public void EntityRecognizer_ResolvesAppositionAndVariantsInADocument()
    {
        var doc = TestDocs.Analyse("Brazil’s president, Tomás Ferreira, arrived in Lisbon on Monday. Tomas Ferreira met reporters there. Ferreira said Brazil would sign.");
        var ferreira = doc.Mentions.Where(m => m.Text.Contains("Ferreira", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, ferreira.Count);
        Assert.Single(ferreira.Select(m => m.EntityId).Distinct());
        var entity = doc.Entities.Single(e => e.Id == ferreira[0].EntityId);
        Assert.Equal(EntityType.Person, entity.Type);
        Assert.Equal("Tomás Ferreira", entity.Name);
        Assert.Contains("Ferreira", entity.SurfaceForms);
        Assert.DoesNotContain(doc.Mentions, m => m.Text.Contains("president", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EntityResolver_ResolvesAcrossDocuments()
    {
        var a = TestDocs.Analyse("President Tomás Ferreira of Brazil spoke in Lisbon.", "a");
        var b = TestDocs.Analyse("Ferreira denied the report on Tuesday, officials in Brazil said.", "b");
        var story = EntityResolver.Resolve([a, b]);
        var ids = story.Docs.SelectMany(d => d.Mentions).Where(m => m.Text.Contains("Ferreira", StringComparison.Ordinal)).Select(m => m.EntityId).Distinct().ToList();
        Assert.Single(ids);
        Assert.All(story.Docs, d => Assert.All(d.Mentions, m => Assert.Contains(d.Entities, e => e.Id == m.EntityId)));
        Assert.Single(story.Entities, e => e.Name == "Brazil");
    }
}
