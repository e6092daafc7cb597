namespace Parallax.Stories;

/// <summary>
/// One string per distinct feature key across all articles of an extractor, found by characters. Sharded
/// dictionaries under locks (thread-safe) rather than a concurrent dictionary: no node object per key, which matters
/// with millions of keys (memory and garbage-collection marking).
/// </summary>
internal sealed class KeyInterner
{
    private const int ShardCount = 16;
    private readonly Dictionary<string, string>[] _shards = new Dictionary<string, string>[ShardCount];
    private readonly Lock[] _locks = new Lock[ShardCount];

    public KeyInterner()
    {
        for (var i = 0; i < ShardCount; i++)
        {
            _shards[i] = new Dictionary<string, string>(StringComparer.Ordinal);
            _locks[i] = new Lock();
        }
    }

    /// <summary>The interned string equal to <paramref name="key"/>; <paramref name="made"/> (equal to the key) is used when the key is new, else a string is made.</summary>
    public string Intern(ReadOnlySpan<char> key, string? made = null)
    {
        var shard = (string.GetHashCode(key) & int.MaxValue) % ShardCount;
        var map = _shards[shard];
        lock (_locks[shard])
        {
            var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(key, out var interned))
            {
                return interned;
            }

            made ??= new string(key);
            map.Add(made, made);
            return made;
        }
    }
}
