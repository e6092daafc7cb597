using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public sealed class StoryClustererTests
{
    private static ImmutableArray<string> Ids(IEnumerable<Story> stories) => ArrivalOrder.Ids(stories);

    [Fact]
    public void StoryClusterer_GroupsOneFloodAndSeparatesTheFloodAWeekLater()
    {
        using var clusterer = new StoryClusterer();
        foreach (var a in Fixtures.All)
        {
            clusterer.Add(a);
        }

        var flood = clusterer.StoryOf("a-wire");
        Assert.NotNull(flood);
        Assert.Equal(flood, clusterer.StoryOf("b-reprint"));
        Assert.Equal(flood, clusterer.StoryOf("c-rewrite"));
        Assert.Equal(flood, clusterer.StoryOf("d-independent"));
        Assert.Equal(flood, clusterer.StoryOf("f-undated"));
        Assert.NotEqual(flood, clusterer.StoryOf("e-later-flood"));
        Assert.Equal(2, clusterer.Stories.Length);
    }

    [Fact]
    public void StoryClusterer_TitlesAStoryWithOneOfItsHeadlines()
    {
        using var clusterer = new StoryClusterer();
        var stories = clusterer.Recluster(Fixtures.All);
        foreach (var story in stories)
        {
            Assert.Contains(story.TitleArticleId, story.ArticleIds);
            Assert.Equal(Fixtures.All.Single(a => a.Id == story.TitleArticleId).Metadata.Title, story.Title);
        }
    }

    [Fact]
    public void StoryClusterer_InfersADateRangeForAnUndatedArticleFromItsSiblings()
    {
        using var clusterer = new StoryClusterer();
        var stories = clusterer.Recluster(Fixtures.All);
        var flood = stories.Single(s => s.ArticleIds.Contains("f-undated"));
        var inferred = Assert.Single(flood.InferredDates);
        Assert.Equal("f-undated", inferred.ArticleId);
        Assert.Equal(Fixtures.FloodDay, inferred.From);
        Assert.Equal(Fixtures.FloodDay.AddDays(1), inferred.To);
        Assert.True(inferred.Inferred);
        Assert.StartsWith(StoryDiagnostics.DateInferred, inferred.Reason, StringComparison.Ordinal);
        Assert.True(inferred.ToPublicationDate().Inferred);
        Assert.DoesNotContain("f-undated", inferred.SiblingIds);
    }

    [Fact]
    public void StoryClusterer_LinksTheLaterFloodAsRelatedOrKeepsItApart()
    {
        using var clusterer = new StoryClusterer();
        var stories = clusterer.Recluster(Fixtures.All);
        var later = stories.Single(s => s.ArticleIds.Contains("e-later-flood"));
        var flood = stories.Single(s => s.ArticleIds.Contains("a-wire"));
        // Related links are symmetric and never point at the story itself.
        Assert.DoesNotContain(later.Related, l => l.StoryId == later.Id);
        Assert.Equal(later.Related.Any(l => l.StoryId == flood.Id), flood.Related.Any(l => l.StoryId == later.Id));
    }

    [Fact]
    public void StoryClusterer_GivesLineagePerStory()
    {
        using var clusterer = new StoryClusterer();
        var stories = clusterer.Recluster(Fixtures.All);
        var flood = stories.Single(s => s.ArticleIds.Contains("a-wire"));
        var lineage = clusterer.LineageOf(flood.Id);
        Assert.NotNull(lineage);
        Assert.Equal(flood.ArticleIds.Length, lineage.Origins.Length);
        Assert.Equal("a-wire", lineage.Origins.Single(o => o.ArticleId == "b-reprint").OriginId);
        Assert.Null(clusterer.LineageOf("s-unknown"));
    }

    [Fact]
    public void StoryClusterer_ReportsDuplicateIdsAndEmptyArticles()
    {
        using var clusterer = new StoryClusterer();
        clusterer.Add(Fixtures.Wire);
        var again = clusterer.Add(Fixtures.Wire);
        Assert.Equal(StoryDiagnostics.DuplicateId, Assert.Single(again.Diagnostics).Code);
        var empty = clusterer.Add(Fixtures.Make("empty", "", null, null));
        Assert.Equal(StoryDiagnostics.NoWords, Assert.Single(empty.Diagnostics).Code);
        Assert.True(empty.Opened);
        Assert.Equal(2, clusterer.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void StoryClusterer_ShuffledArrivalGivesTheSameStoriesAsReclustering(int seed)
    {
        // consolidate along the way: must not change the end result
        ArrivalOrder.AssertShuffledArrivalEqualsReclustering(Fixtures.All.ToList(), seed, consolidateAlong: true);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void StoryClusterer_ShuffledEcbPlusSubsetGivesTheSameStories(int seed)
    {
        var stories = ArrivalOrder.AssertShuffledArrivalEqualsReclustering(ArrivalOrder.EcbPlusSubset(), seed);
        Assert.True(stories.Length > 1);
    }

    [Fact]
    public void StoryClusterer_IsDeterministicAcrossRuns()
    {
        using var a = new StoryClusterer();
        using var b = new StoryClusterer();
        var first = a.Recluster(Fixtures.All);
        var second = b.Recluster(Fixtures.All);
        Assert.Equal(first.Length, second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].Id, second[i].Id);
            Assert.Equal(first[i].ArticleIds, second[i].ArticleIds);
            Assert.Equal(first[i].Related, second[i].Related);
            Assert.Equal(first[i].Title, second[i].Title);
        }
    }

    [Fact]
    public void StoryClusterer_FiveSeedArticlesFormOneStory()
    {
        var files = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5, files.Count);
        var articles = files.Select(f =>
        {
            var text = File.ReadAllText(f);
            return Fixtures.Make(Path.GetFileNameWithoutExtension(f), text, null, null);
        }).ToList();

        using var clusterer = new StoryClusterer();
        var stories = clusterer.Recluster(articles);

        var story = Assert.Single(stories);
        Assert.Equal(5, story.ArticleIds.Length);
        var lineage = clusterer.LineageOf(story.Id)!;
        // The seeds credit Reuters ("sources have told Reuters", "Reuters asked") rather than copying each other.
        Assert.Contains(lineage.Origins, o => o.Credits.Any(c => c.Wire == "Reuters"));
    }
}
