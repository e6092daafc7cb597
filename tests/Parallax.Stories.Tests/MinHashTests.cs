using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Parallax.Stories.Tests;

public sealed class MinHashTests
{
    private static readonly MinHasher Hasher = new();

    private static List<string> Words(int seed, int count, int vocabulary)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => "w" + random.Next(vocabulary))];
    }

    [Fact]
    public void MinHasher_EqualSetsGiveEqualSignaturesAcrossInstances()
    {
        var words = Words(1, 300, 500);
        var a = new MinHasher().Signature(new MinHasher().Shingles(words));
        var b = Hasher.Signature(Hasher.Shingles(words));
        Assert.Equal(a, b);
        Assert.Equal(1.0, MinHasher.Similarity(a, b));
    }

    [Property(MaxTest = 40)]
    public Property MinHasher_EstimatesJaccardWithin0_15(PositiveInt seed, PositiveInt cut)
    {
        var words = Words(seed.Get, 400, 2000);
        var keep = 50 + (cut.Get % 300);
        var other = words.Take(keep).Concat(Words(seed.Get + 1, 400 - keep, 2000)).ToList();
        var sa = Hasher.Shingles(words);
        var sb = Hasher.Shingles(other);
        var exact = MinHasher.Jaccard(sa, sb);
        var estimate = MinHasher.Similarity(Hasher.Signature(sa), Hasher.Signature(sb));
        return (Math.Abs(exact - estimate) <= 0.15).Label($"exact {exact:F3} estimate {estimate:F3}");
    }

    [Property(MaxTest = 30)]
    public Property MinHasher_SimilarityIsSymmetricAndBounded(PositiveInt x, PositiveInt y)
    {
        var a = Hasher.Signature(Hasher.Shingles(Words(x.Get, 80, 100)));
        var b = Hasher.Signature(Hasher.Shingles(Words(y.Get, 80, 100)));
        var s = MinHasher.Similarity(a, b);
        return (s >= 0 && s <= 1 && s == MinHasher.Similarity(b, a)).ToProperty();
    }

    [Fact]
    public void LshIndex_FindsNearDuplicatesAndNotUnrelatedTexts()
    {
        var index = new LshIndex();
        var original = Words(7, 400, 5000);
        var near = original.ToList();
        near[100] = "changed";
        near[300] = "edited";
        var unrelated = Words(8, 400, 5000);
        index.Add("original", Hasher.Signature(Hasher.Shingles(original)));
        index.Add("unrelated", Hasher.Signature(Hasher.Shingles(unrelated)));

        var candidates = index.Candidates(Hasher.Signature(Hasher.Shingles(near)));

        Assert.Equal(["original"], candidates);
        Assert.InRange(index.Threshold, 0.3, 0.6);
    }
}
