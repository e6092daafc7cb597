namespace Parallax.Web.Tests;

public sealed class LruCacheTests
{
    [Fact]
    public void Set_DropsLeastRecentlyUsedUntilTheWeightFits()
    {
        var cache = new LruCache<string, int>(10, StringComparer.Ordinal);
        cache.Set("a", 1, 4);
        cache.Set("b", 2, 4);
        Assert.True(cache.TryGet("a", out _)); // a is now the most recently used
        cache.Set("c", 3, 4);
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Contains("a"));
        Assert.True(cache.Contains("c"));
        Assert.Equal(8, cache.Weight);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void TryPeek_DoesNotChangeTheOrder()
    {
        var cache = new LruCache<string, int>(8, StringComparer.Ordinal);
        cache.Set("a", 1, 4);
        cache.Set("b", 2, 4);
        Assert.True(cache.TryPeek("a", out var a));
        Assert.Equal(1, a);
        cache.Set("c", 3, 4);
        Assert.False(cache.Contains("a"));
        Assert.True(cache.Contains("b"));
    }

    [Fact]
    public void Set_HeavierThanTheBudgetIsNotKept_AndReplacingUpdatesTheWeight()
    {
        var cache = new LruCache<string, string>(5, StringComparer.Ordinal);
        cache.Set("big", "x", 6);
        Assert.False(cache.Contains("big"));
        cache.Set("k", "one", 3);
        cache.Set("k", "two", 2);
        Assert.True(cache.TryGet("k", out var v));
        Assert.Equal("two", v);
        Assert.Equal(2, cache.Weight);
        Assert.Equal(0, new LruCache<int, int>(0).Count);
    }
}
