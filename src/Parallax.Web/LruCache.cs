namespace Parallax.Web;

/// <summary>
/// A least-recently-used cache bounded by total weight (each entry's weight is given when it is added; an entry heavier
/// than the whole budget is not kept). Thread-safe (one lock; every operation is O(1)).
/// </summary>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly long _capacity;
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _map;
    private readonly LinkedList<Entry> _order = new();
    private readonly Lock _lock = new();
    private long _weight;

    /// <param name="capacity">Largest total weight kept (≥ 0).</param>
    public LruCache(long capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _map = new Dictionary<TKey, LinkedListNode<Entry>>(comparer);
    }

    /// <summary>Entries kept.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Total weight of the entries kept.</summary>
    public long Weight
    {
        get
        {
            lock (_lock)
            {
                return _weight;
            }
        }
    }

    /// <summary>The value under <paramref name="key"/>, marking it most recently used.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>The value under <paramref name="key"/> without marking it used.</summary>
    public bool TryPeek(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>True when <paramref name="key"/> is kept (does not change the order).</summary>
    public bool Contains(TKey key)
    {
        lock (_lock)
        {
            return _map.ContainsKey(key);
        }
    }

    /// <summary>Adds or replaces <paramref name="key"/>, then drops least recently used entries until the weight fits.</summary>
    public void Set(TKey key, TValue value, long weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        lock (_lock)
        {
            if (_map.Remove(key, out var old))
            {
                _order.Remove(old);
                _weight -= old.Value.Weight;
            }

            if (weight > _capacity)
            {
                return;
            }

            _map[key] = _order.AddFirst(new Entry(key, value, weight));
            _weight += weight;
            while (_weight > _capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                _weight -= last.Value.Weight;
            }
        }
    }

    private readonly record struct Entry(TKey Key, TValue Value, long Weight);
}
