namespace Parallax.Stories.Tests;

/// <summary>
/// The session-13 centroid paths (docs/scaling.md, "Session 13"): the dot product over blocks of 8 ids compared with
/// vector instructions finds the products the one-id-at-a-time merge found (bit for bit after the position-ordered
/// sum), and the centroid merge into scratch arrays (steps without a branch on id order, arrays allocated at exact size)
/// holds the sums and the squared norm a dictionary of per-feature sums gives.
/// </summary>
public sealed class CentroidBlockTests
{
    [Theory]
    // vector length, centroid members × member length, id range (a small range: many shared ids, often several per block)
    [InlineData(1, 8, 1, 8, 16)]
    [InlineData(2, 9, 3, 20, 30)]
    [InlineData(3, 64, 2, 64, 130)]
    [InlineData(4, 150, 5, 120, 400)]
    [InlineData(5, 16, 4, 40, 17)]
    [InlineData(6, 300, 1, 300, 301)]
    [InlineData(7, 33, 6, 45, 5000)]
    [InlineData(8, 7, 2, 30, 60)]
    public void Dot_OverBlocksEqualsThePositionOrderedSum(int seed, int vectorLength, int members, int memberLength, int idRange)
    {
        var random = new Random(seed);
        var palette = new OnlineIndex.Palette();
        var story = new OnlineIndex.OnlineStory("s");
        var centroid = new Dictionary<int, double>();
        for (var member = 0; member < members; member++)
        {
            var (ids, weights) = RandomVectors.Vector(random, memberLength, idRange);
            var (sortedIds, sortedPos) = RandomVectors.SortedById(ids);
            story.Add(sortedIds, sortedPos, ids.Length, weights, new double[ids.Length], palette);
            for (var p = 0; p < ids.Length; p++)
            {
                centroid[ids[p]] = centroid.GetValueOrDefault(ids[p]) + weights[p];
            }
        }

        for (var query = 0; query < 20; query++)
        {
            var (vIds, vWeights) = RandomVectors.Vector(random, vectorLength, idRange);
            var (vSorted, vPos) = RandomVectors.SortedById(vIds);
            var dot = story.Dot(vSorted, vPos, vIds.Length, vWeights, new double[vIds.Length]);
            var expected = RandomVectors.DictionaryDot(centroid, vIds, vWeights);

            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(dot));
        }
    }

    [Fact]
    public void Dot_BlocksEndingOnTheSameIdAdvanceBothSides()
    {
        // Vector and centroid blocks of 8 that end on the same id (both sides step), then blocks that interleave.
        var story = new OnlineIndex.OnlineStory("s");
        var centroidIds = new[] { 1, 3, 5, 7, 9, 11, 13, 40, 41, 42, 43, 44, 45, 46, 47, 90, 91 };
        var centroidWeights = centroidIds.Select(i => 0.5 + i / 128.0).ToArray();
        story.Add(centroidIds, Enumerable.Range(0, centroidIds.Length).ToArray(), centroidIds.Length, centroidWeights, new double[centroidIds.Length], new OnlineIndex.Palette());
        var vectorIds = new[] { 2, 4, 6, 8, 10, 12, 14, 40, 41, 43, 47, 50, 51, 52, 53, 91, 92 };
        var vectorWeights = vectorIds.Select(i => 1.0 / i).ToArray();

        var dot = story.Dot(vectorIds, Enumerable.Range(0, vectorIds.Length).ToArray(), vectorIds.Length, vectorWeights, new double[vectorIds.Length]);

        var expected = 0.0;
        foreach (var id in vectorIds)
        {
            var at = Array.IndexOf(centroidIds, id);
            expected += at >= 0 ? 1.0 / id * centroidWeights[at] : 0.0;
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(dot));
    }

    [Theory]
    [InlineData(11, 12, 5, 40)]
    [InlineData(12, 50, 8, 200)]
    [InlineData(13, 3, 30, 10)]
    [InlineData(14, 400, 3, 100000)]
    public void Add_HoldsTheSumsAndTheNormOfAPerFeatureDictionary(int seed, int memberLength, int members, int idRange)
    {
        var random = new Random(seed);
        var palette = new OnlineIndex.Palette();
        var story = new OnlineIndex.OnlineStory("s");
        var centroid = new Dictionary<int, double>();
        var norm = 0.0;
        for (var member = 0; member < members; member++)
        {
            var (ids, weights) = RandomVectors.Vector(random, memberLength, idRange);
            var (sortedIds, sortedPos) = RandomVectors.SortedById(ids);
            var olds = Enumerable.Repeat(double.NaN, ids.Length).ToArray();
            story.Add(sortedIds, sortedPos, ids.Length, weights, olds, palette);
            for (var p = 0; p < ids.Length; p++)
            {
                var old = centroid.GetValueOrDefault(ids[p]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(old), BitConverter.DoubleToInt64Bits(olds[p]));
                centroid[ids[p]] = old + weights[p];
                norm += (old + weights[p]) * (old + weights[p]) - old * old;
            }
        }

        Assert.Equal(centroid.Count, story.Entries);
        Assert.Equal(BitConverter.DoubleToInt64Bits(norm), BitConverter.DoubleToInt64Bits(story.NormSquared));
        foreach (var (id, value) in centroid)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(story.ValueAt(id)));
        }

        Assert.Equal(0.0, story.ValueAt(idRange + 1));
    }

    [Fact]
    public void Palette_CompactOfASpanGivesNewArraysWithTheSameBits()
    {
        var pool = new[] { 0.25, 0.0, 1.0 / 3, 0.7 };
        var values = Enumerable.Range(0, 100).Select(i => pool[i * 7 % pool.Length]).ToArray();
        var palette = new OnlineIndex.Palette();

        var (stored, codes) = palette.Compact(values.AsSpan());
        Assert.NotNull(codes);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), codes!.Select(c => BitConverter.DoubleToInt64Bits(stored[c])));

        // All distinct: the weights themselves, copied out of the span (a new array, not the caller's).
        var distinct = Enumerable.Range(0, 100).Select(i => 1.0 / (i + 2)).ToArray();
        var (plain, none) = palette.Compact(distinct.AsSpan());
        Assert.Null(none);
        Assert.NotSame(distinct, plain);
        Assert.Equal(distinct, plain);
    }
}
