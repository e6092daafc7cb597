using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Testing;

namespace Parallax.Language.Tests.Entities;

/// <summary>Reads the real seed articles in ../shared/seeds at run time (their text is never copied into the repository).</summary>
public class SeedsTests
{
    private static List<Doc> SeedDocs() =>
        [.. Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(p => TestDocs.Analyse(File.ReadAllText(p), Path.GetFileNameWithoutExtension(p)))];

    private static bool IsMaduroForm(string text) => NameKey.Of(text) is "nicolas maduro" or "maduro";

    [Fact]
    public void Seeds_MaduroVariantsAreOneEntityInEachArticle()
    {
        var withMaduro = 0;
        foreach (var doc in SeedDocs())
        {
            var ids = doc.Mentions.Where(m => IsMaduroForm(m.Text)).Select(m => m.EntityId).Distinct().ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            withMaduro++;
            Assert.True(ids.Count == 1, $"{doc.Article.Id}: Maduro mentions resolve to {ids.Count} entities");
            Assert.Equal(EntityType.Person, doc.Entities.Single(e => e.Id == ids[0]).Type);
        }

        Assert.True(withMaduro >= 3, "expected Maduro in most seed articles");
    }

    [Fact]
    public void Seeds_MaduroVariantsAreOneEntityAcrossArticles()
    {
        var story = EntityResolver.Resolve(SeedDocs());
        var maduro = story.Docs.SelectMany(d => d.Mentions).Where(m => IsMaduroForm(m.Text)).ToList();
        var forms = maduro.Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Maduro", forms);
        Assert.Contains(forms, f => f.StartsWith("Nicolás Maduro", StringComparison.Ordinal));
        Assert.Single(maduro.Select(m => m.EntityId).Distinct());
        var entity = story.Entities.Single(e => e.Id == maduro[0].EntityId);
        Assert.Equal("Nicolás Maduro", entity.Name);
        Assert.Equal(EntityType.Person, entity.Type);
    }

    [Theory]
    [InlineData("Lukashenko", EntityType.Person)]
    [InlineData("Belarus", EntityType.Location)]
    [InlineData("Venezuela", EntityType.Location)]
    [InlineData("Caracas", EntityType.Location)]
    [InlineData("Reuters", EntityType.Organization)]
    [InlineData("Belta", EntityType.Organization)]
    public void Seeds_KeyNamesHaveTheirType(string name, EntityType type)
    {
        var story = EntityResolver.Resolve(SeedDocs());
        var mentions = story.Docs.SelectMany(d => d.Mentions).Where(m => NameKey.Of(m.Text) == NameKey.Of(name)).ToList();
        Assert.NotEmpty(mentions);
        // the entity holding the name has the type, and most of its mentions do too
        var entity = story.Entities.Where(e => e.SurfaceForms.Any(f => NameKey.Of(f) == NameKey.Of(name))).OrderByDescending(e => mentions.Count(m => m.EntityId == e.Id)).First();
        Assert.Equal(type, entity.Type);
        Assert.True(mentions.Count(m => m.Type == type) * 2 > mentions.Count, $"{name}: {mentions.Count(m => m.Type == type)} of {mentions.Count} mentions are {type}");
    }
}
