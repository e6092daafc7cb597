using System.Diagnostics.Tracing;

namespace Parallax.Bench;

/// <summary>
/// <c>language --count N --alloc-types</c>: which types the language layer allocates. The runtime reports an allocation
/// tick (GCAllocationTick: type name and the ~100 KB allocated since the last tick); the listener adds up each tick's bytes
/// by type. The ticks reach the listener on a dispatch thread some time after the allocation, so they are not attributed
/// to stages (the bench's stage table gives each stage's exact bytes). Sampled: for finding what a layer allocates most,
/// not for figures.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: allocation ticks
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!(e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) ?? false) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t]?.ToString() ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_gate)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    public void Print(int articles, int top)
    {
        lock (_gate)
        {
            Console.WriteLine($"allocation ticks: {_bytes.Values.Sum() / 1024.0 / articles:F1} KB per article (sampled), by type:");
            foreach (var kv in _bytes.OrderByDescending(kv => kv.Value).Take(top))
            {
                Console.WriteLine($"    {kv.Value / 1024.0 / articles,8:F1} KB  {kv.Key}");
            }
        }
    }
}
