namespace Parallax.Stories.Tests;

/// <summary>Random sparse vectors for the centroid tests (<see cref="CentroidBlockTests"/>, <see cref="ThroughputPathTests"/>).</summary>
internal static class RandomVectors
{
    /// <summary>Up to <paramref name="length"/> distinct ids below <paramref name="idRange"/> in random order, with weights
    /// that repeat now and then (as in real vectors) and are distinct otherwise.</summary>
    public static (int[] Ids, double[] Weights) Vector(Random random, int length, int idRange)
    {
        var ids = Enumerable.Range(0, idRange).OrderBy(_ => random.Next()).Take(Math.Min(length, idRange)).ToArray();
        var weights = ids.Select(_ => random.Next(4) == 0 ? 0.125 : random.NextDouble()).ToArray();
        return (ids, weights);
    }

    /// <summary>The ids sorted, with the position each had in <paramref name="ids"/>.</summary>
    public static (int[] SortedIds, int[] SortedPos) SortedById(int[] ids)
    {
        var sortedIds = (int[])ids.Clone();
        var sortedPos = Enumerable.Range(0, ids.Length).ToArray();
        Array.Sort(sortedIds, sortedPos);
        return (sortedIds, sortedPos);
    }

    /// <summary>The dot product of a vector with a centroid held as a dictionary, summed in the vector's order (the order
    /// the index sums in, so the result must match it bit for bit).</summary>
    public static double DictionaryDot(IReadOnlyDictionary<int, double> centroid, int[] ids, double[] weights)
    {
        var sum = 0.0;
        for (var p = 0; p < ids.Length; p++)
        {
            sum += centroid.TryGetValue(ids[p], out var c) ? weights[p] * c : 0.0;
        }

        return sum;
    }
}
