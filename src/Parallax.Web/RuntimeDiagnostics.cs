using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Runtime;

namespace Parallax.Web;

/// <summary>
/// The server process's runtime figures for load benchmarks (<c>GET /api/status/runtime</c>, docs/api.md): garbage
/// collections and their pauses, allocations, thread pool, lock contention and CPU. Pauses are recorded exactly (each
/// suspension of the runtime, from the runtime's own GC events) once <see cref="Record"/> has been called.
/// </summary>
/// <param name="ServerGc">Server (true) or workstation garbage collector.</param>
/// <param name="ConcurrentGc">Background collections of generation 2 enabled.</param>
/// <param name="LatencyMode">The process's <see cref="GCSettings.LatencyMode"/>.</param>
/// <param name="HeapBytes">Managed heap size after the last collection (bytes).</param>
/// <param name="CommittedBytes">Memory committed by the collector (bytes).</param>
/// <param name="AllocatedBytes">Bytes allocated by the process since start (all threads).</param>
/// <param name="Gen0">Collections of generation 0 since start (each also counts a collection of a higher generation).</param>
/// <param name="Gen1">Collections of generation 1 since start.</param>
/// <param name="Gen2">Collections of generation 2 since start (background and blocking).</param>
/// <param name="PauseTotalMs">Time the runtime was suspended for collections since start (ms).</param>
/// <param name="Pauses">Pauses recorded since the last reset (see <see cref="Record"/>).</param>
/// <param name="ThreadPoolThreads">Thread-pool threads now.</param>
/// <param name="ThreadPoolPending">Work items queued and not started now.</param>
/// <param name="ThreadPoolCompleted">Work items completed since start.</param>
/// <param name="LockContentions">Times a thread waited for a <see cref="Monitor"/> lock since start.</param>
/// <param name="CpuSeconds">Processor time of the process since start (user + system, seconds).</param>
public sealed record RuntimeStatus(
    bool ServerGc, bool ConcurrentGc, string LatencyMode, long HeapBytes, long CommittedBytes, long AllocatedBytes,
    int Gen0, int Gen1, int Gen2, double PauseTotalMs, PauseRecord Pauses,
    int ThreadPoolThreads, long ThreadPoolPending, long ThreadPoolCompleted, long LockContentions, double CpuSeconds);

/// <summary>
/// Collection pauses recorded since <see cref="RuntimeDiagnostics.Record"/> last reset them: how many, their total and
/// the longest, and how many fell in each bucket (upper bounds in ms, inclusive; the last bucket is everything longer).
/// </summary>
public sealed record PauseRecord(bool Recording, int Count, double TotalMs, double MaxMs, int MaxGeneration, ImmutableArray<double> BucketsMs, ImmutableArray<int> Counts);

/// <summary>Reads <see cref="RuntimeStatus"/> and records collection pauses. Thread-safe.</summary>
public static class RuntimeDiagnostics
{
    private static readonly Lock _lock = new();
    private static PauseListener? _listener;

    /// <summary>The figures now.</summary>
    public static RuntimeStatus Read()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        PauseListener? listener;
        lock (_lock)
        {
            listener = _listener;
        }

        return new RuntimeStatus(
            GCSettings.IsServerGC, AppContext.TryGetSwitch("System.GC.Concurrent", out var concurrent) ? concurrent : true,
            GCSettings.LatencyMode.ToString(), info.HeapSizeBytes, info.TotalCommittedBytes, GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds,
            listener?.Snapshot() ?? PauseListener.Empty,
            ThreadPool.ThreadCount, ThreadPool.PendingWorkItemCount, ThreadPool.CompletedWorkItemCount, Monitor.LockContentionCount,
            process.TotalProcessorTime.TotalSeconds);
    }

    /// <summary>Starts recording every collection pause (from the runtime's GC events), or clears what was recorded so far.</summary>
    public static void Record()
    {
        lock (_lock)
        {
            if (_listener is null)
            {
                _listener = new PauseListener();
            }
            else
            {
                _listener.Reset();
            }
        }
    }

    /// <summary>Listens to the runtime's GC suspension events: a pause lasts from SuspendEEBegin to RestartEEEnd.</summary>
    private sealed class PauseListener : EventListener
    {
        private const int GcStart = 1;
        private const int RestartEeEnd = 3;
        private const int SuspendEeBegin = 9;
        private static readonly ImmutableArray<double> Buckets = [1, 2, 5, 10, 20, 50, 100];
        private readonly Lock _gate = new();
        private readonly int[] _counts = new int[Buckets.Length + 1];
        private DateTime _suspended;
        private int _generation;
        private int _lastGeneration;
        private int _count;
        private double _total;
        private double _max;

        public static PauseRecord Empty { get; } = new(false, 0, 0, 0, 0, Buckets, [.. new int[Buckets.Length + 1]]);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            lock (_gate)
            {
                switch (e.EventId)
                {
                    case GcStart when e.Payload is { Count: > 1 } p && p[1] is uint depth:
                        _lastGeneration = (int)depth;
                        break;
                    case SuspendEeBegin:
                        _suspended = e.TimeStamp;
                        break;
                    case RestartEeEnd when _suspended != default:
                        var ms = (e.TimeStamp - _suspended).TotalMilliseconds;
                        _suspended = default;
                        _count++;
                        _total += ms;
                        if (ms > _max)
                        {
                            _max = ms;
                            _generation = _lastGeneration;
                        }

                        var b = 0;
                        while (b < Buckets.Length && ms > Buckets[b])
                        {
                            b++;
                        }

                        _counts[b]++;
                        break;
                }
            }
        }

        public void Reset()
        {
            lock (_gate)
            {
                Array.Clear(_counts);
                _count = 0;
                _total = 0;
                _max = 0;
                _generation = 0;
            }
        }

        public PauseRecord Snapshot()
        {
            lock (_gate)
            {
                return new PauseRecord(true, _count, Math.Round(_total, 3), Math.Round(_max, 3), _generation, Buckets, [.. _counts]);
            }
        }
    }
}
