using Parallax.Core;

namespace Parallax.Stories.Tests;

/// <summary>
/// The session-11 speed changes (docs/scaling.md, "Session 11"): each keeps the values it computes. Texts sealed on the
/// thread pool come back as added; the branch-free centroid merge gives the dot product of a plain per-position sum bit
/// for bit; the length-prefix pass of the vocabulary's batch intern gives the ids one-by-one interning gives; entity
/// phrases lower-cased through a buffer are the strings <see cref="string.ToLowerInvariant()"/> gave.
/// </summary>
public sealed class ThroughputPathTests
{
    [Fact]
    public void TextStore_GetWaitsForBlocksStillBeingDeflated()
    {
        var store = new TextStore();
        var texts = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            // ~2,000 characters each: a block seals every ~30 texts, and each Get comes right after the last seal.
            texts.Add($"Velland ferry log {i}: " + string.Concat(Enumerable.Repeat($"the Quill crossing ran {i % 7} minutes late, ", 45)));
        }

        var handles = texts.Select(store.Add).ToList();
        for (var i = texts.Count - 1; i >= 0; i--)
        {
            Assert.Equal(texts[i], store.Get(handles[i]));
        }

        // The same texts give the same deflated bytes on whichever thread they were deflated.
        var again = new TextStore();
        texts.ForEach(t => again.Add(t));
        Assert.Equal(store.StoredBytes, again.StoredBytes);
        Assert.True(store.StoredBytes < texts.Sum(t => (long)t.Length) / 4, $"{store.StoredBytes} bytes stored");
    }

    [Theory]
    [InlineData(1, 40, 5)]
    [InlineData(3, 40, 40)]
    [InlineData(2, 10, 200)]
    [InlineData(4, 300, 20)]
    [InlineData(1, 5, 400)]
    public void OnlineStory_DotEqualsThePositionOrderedSum(int seed, int vectorLength, int centroidLength)
    {
        var random = new Random(seed);
        var palette = new OnlineIndex.Palette();
        var story = new OnlineIndex.OnlineStory("s");
        var centroid = new Dictionary<int, double>();
        // Two members, so the centroid holds sums (and, for short vectors, a palette of repeated weights).
        for (var member = 0; member < 2; member++)
        {
            var (ids, weights) = RandomVectors.Vector(random, centroidLength, 3 * centroidLength);
            var (sortedIds, sortedPos) = RandomVectors.SortedById(ids);
            story.Add(sortedIds, sortedPos, ids.Length, weights, new double[ids.Length], palette);
            for (var p = 0; p < ids.Length; p++)
            {
                centroid[ids[p]] = centroid.GetValueOrDefault(ids[p]) + weights[p];
            }
        }

        var (vIds, vWeights) = RandomVectors.Vector(random, vectorLength, 3 * centroidLength);
        var (vSorted, vPos) = RandomVectors.SortedById(vIds);
        var dot = story.Dot(vSorted, vPos, vIds.Length, vWeights, new double[vIds.Length]);

        var expected = RandomVectors.DictionaryDot(centroid, vIds, vWeights);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(dot));
        Assert.Equal(centroid.Count, story.Entries);
    }

    [Fact]
    public void FeatureVocabulary_BatchInternGivesTheIdsOfOneByOneInterning()
    {
        var vocabulary = new FeatureVocabulary();
        var keys = Enumerable.Range(0, 5000).Select(i => $"w:quill{i % 1700}" + (i % 3 == 0 ? "ø" : "")).ToList();
        // Half the keys are known before the batch (the batch compares their stored bytes), half are new.
        var known = keys.Take(2500).Select(k => vocabulary.Intern(k)).ToList();
        var chars = string.Concat(keys);
        var starts = new int[keys.Count];
        var lengths = new int[keys.Count];
        var hashes = new int[keys.Count];
        for (int i = 0, at = 0; i < keys.Count; at += keys[i].Length, i++)
        {
            starts[i] = at;
            lengths[i] = keys[i].Length;
            hashes[i] = FeatureVocabulary.Hash(keys[i]);
        }

        var ids = new int[keys.Count];
        vocabulary.InternMany(chars, starts, lengths, hashes, ids);

        Assert.Equal(known, ids.Take(2500));
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(vocabulary.Intern(keys[i]), ids[i]);
            Assert.Equal(keys[i], vocabulary.KeyOf(ids[i]));
        }
    }

    [Theory]
    [InlineData("Harbour Master Ragna Tolvik closed the Quill crossing.", new[] { "harbour master ragna tolvik", "harbour", "master", "ragna", "tolvik", "quill" })]
    [InlineData("Élodie Várga-Németh spoke. Zoë Brandt Of Velland agreed.", new[] { "élodie várga-németh", "élodie", "várga-németh", "zoë brandt", "zoë", "brandt", "velland" })]
    [InlineData("The Velland Ferry Co. said on Tuesday.", new[] { "velland ferry co", "velland", "ferry", "co" })]
    public void CapitalisedPhraseEntities_LowerCaseTheirPhrasesAsBefore(string text, string[] expected)
    {
        var article = Fixtures.Make("a1", text, null, null);
        Assert.Equal(expected, CapitalisedPhraseEntities.Instance.Extract(article));
    }
}
