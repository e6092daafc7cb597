using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Parallax.Stories.Tests;

/// <summary>
/// The key arena keeps ordinal key order without strings (what every tie-break and the entry order of
/// <see cref="ArticleFeatures"/> rely on), and interning is a bijection between keys and ids.
/// </summary>
public sealed class FeatureVocabularyTests
{
    [Property(MaxTest = 300)]
    public Property FeatureVocabulary_CompareHasTheSignOfOrdinalComparison(string a, string b)
    {
        a ??= "";
        b ??= "";
        var vocabulary = new FeatureVocabulary();
        var x = vocabulary.Intern(a);
        var y = vocabulary.Intern(b);
        return (Math.Sign(vocabulary.Compare(x, y)) == Math.Sign(string.CompareOrdinal(a, b))).ToProperty();
    }

    [Theory]
    [InlineData("w:\uE000", "w:\uD83D\uDE00")] // a private-use char sorts after a surrogate pair in UTF-16 (not in UTF-8)
    [InlineData("e:zoë", "e:zoe")]
    [InlineData("b:a", "b:a\0")]
    [InlineData("q:\u07FF", "q:\u0800")]
    public void FeatureVocabulary_CompareIsOrdinalAcrossEncodingLengths(string a, string b)
    {
        var vocabulary = new FeatureVocabulary();
        Assert.Equal(Math.Sign(string.CompareOrdinal(a, b)), Math.Sign(vocabulary.Compare(vocabulary.Intern(a), vocabulary.Intern(b))));
        Assert.Equal(Math.Sign(string.CompareOrdinal(b, a)), Math.Sign(vocabulary.Compare(vocabulary.Intern(b), vocabulary.Intern(a))));
    }

    [Fact]
    public void FeatureVocabulary_InternsEachKeyOnceAndGivesItBack()
    {
        var vocabulary = new FeatureVocabulary();
        var keys = Enumerable.Range(0, 20_000).Select(i => (i % 3) switch { 0 => $"w:word{i}", 1 => $"e:näme {i}", _ => $"q:\uD83D\uDE00 {i} \u4E2D" }).ToList();
        var ids = keys.Select(k => vocabulary.Intern(k)).ToList();
        Assert.Equal(keys.Count, ids.Distinct().Count());
        Assert.Equal(keys.Count, vocabulary.Count);
        Assert.All(ids, id => Assert.InRange(id, 0, vocabulary.IdBound - 1));
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(ids[i], vocabulary.Intern(keys[i]));
            Assert.True(vocabulary.TryGetId(keys[i], out var found));
            Assert.Equal(ids[i], found);
            Assert.Equal(keys[i], vocabulary.KeyOf(ids[i]));
            Assert.Equal(keys[i][0], vocabulary.NamespaceOf(ids[i]));
        }

        Assert.False(vocabulary.TryGetId("w:never", out _));
    }

    [Fact]
    public void FeatureVocabulary_InternsConcurrentlyToOneIdPerKey()
    {
        var vocabulary = new FeatureVocabulary();
        var keys = Enumerable.Range(0, 5_000).Select(i => $"b:key {i % 2_500}").ToArray();
        var ids = new int[keys.Length];
        Parallel.For(0, keys.Length, i => ids[i] = vocabulary.Intern(keys[i]));
        Assert.Equal(2_500, vocabulary.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(ids[i % 2_500], ids[i]);
        }
    }

    [Fact]
    public void StoryFeatureExtractor_EntriesAreInOrdinalKeyOrderWithExactCounts()
    {
        using var extractor = new StoryFeatureExtractor(StoryClustererOptions.Default);
        var article = Fixtures.Make("x-1", "Zoë Ñúñez said “the Ærøskøbing ferry will run at 10:30 with 1,200 seats” on Tuesday. "
            + "Émile Durand said “the ferry will run” again; 25% of riders said 2,5 or 3.", "Ærøskøbing ferry returns", Fixtures.FloodDay);
        var features = extractor.Extract(article);
        var counts = features.Counts;
        Assert.Equal(features.Length, counts.Length);
        for (var i = 1; i < counts.Length; i++)
        {
            Assert.True(string.CompareOrdinal(counts[i - 1].Key, counts[i].Key) < 0, $"{counts[i - 1].Key} before {counts[i].Key}");
        }

        for (var i = 0; i < counts.Length; i++)
        {
            Assert.Equal(counts[i].Value, features.CountAt(i));
            Assert.Equal(features.Ids[i], extractor.Vocabulary.Intern(counts[i].Key));
        }

        Assert.Contains(counts, c => c.Key == "n:1200");
        Assert.Contains(counts, c => c.Key == "q:the ferry will");
        // The title counts twice (title weight 2); the body's "ferry" mentions count once each.
        Assert.Equal(2.0 + 2, counts.Single(c => c.Key == "w:ferri").Value);
    }
}
