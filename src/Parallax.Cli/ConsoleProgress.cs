using Parallax.Ingest;

namespace Parallax.Cli;

/// <summary>A one-line progress display on stderr, shown only when stderr is a terminal (never in pipes, files or CI logs).</summary>
public sealed class ConsoleProgress : IProgress<IngestProgress>, IDisposable
{
    private readonly bool _enabled = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;
    private long _lastTicks;
    private bool _drawn;

    public void Report(IngestProgress value)
    {
        if (!_enabled)
        {
            return;
        }

        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastTicks) < 100)
        {
            return;
        }

        Interlocked.Exchange(ref _lastTicks, now);
        var name = value.Current.Length > 60 ? "…" + value.Current[^59..] : value.Current;
        lock (this)
        {
            Console.Error.Write($"\r\u001b[K  {value.Done,6} done  {name}");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        if (_drawn)
        {
            Console.Error.Write("\r\u001b[K");
        }
    }
}
