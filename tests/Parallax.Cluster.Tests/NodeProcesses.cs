using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Parallax.Testing;

namespace Parallax.Cluster.Tests;

/// <summary>
/// Parallax nodes as separate processes of the built CLI (<c>dotnet parallax.dll node ...</c>) on 127.0.0.1 with free
/// ports. Every wait is bounded; every process is killed on dispose. Node logs (JSON lines) are kept per node for the
/// failure message.
/// </summary>
public sealed class NodeProcesses : IDisposable
{
    /// <summary>Every port handed out in this test process (see <see cref="FreePorts"/>).</summary>
    private static readonly HashSet<int> Handed = [];

    private readonly string _connectionString;
    private readonly List<Node> _nodes = [];

    public NodeProcesses(string connectionString) => _connectionString = connectionString;

    public IReadOnlyList<Node> Nodes => _nodes;

    /// <summary>The CLI assembly built with the same configuration as this test assembly.</summary>
    public static string CliPath
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0/
            return RepoPaths.InRepo("src", "Parallax.Cli", "bin", configuration, "net10.0", "parallax.dll");
        }
    }

    /// <summary>Starts <paramref name="count"/> nodes at once and waits until every health endpoint answers 200.</summary>
    public async Task StartAsync(int count, TimeSpan timeout, CancellationToken ct)
    {
        var ports = FreePorts(3 * count);
        for (var i = 0; i < count; i++)
        {
            var node = new Node(i, ports[3 * i], ports[(3 * i) + 1], ports[(3 * i) + 2]);
            _nodes.Add(node);
            Launch(node);
        }

        await Task.WhenAll(_nodes.Select(n => WaitHealthyAsync(n, timeout, ct)));
    }

    /// <summary>Kills a node's process at once (no graceful shutdown): the crash case.</summary>
    public void Kill(int index)
    {
        var node = _nodes[index];
        node.Process!.Kill(entireProcessTree: true);
        node.Process.WaitForExit(10_000);
    }

    /// <summary>Starts a killed node again on the same ports (a new generation of the same silo address).</summary>
    public async Task RestartAsync(int index, TimeSpan timeout, CancellationToken ct)
    {
        var node = _nodes[index];
        Launch(node);
        await WaitHealthyAsync(node, timeout, ct);
    }

    public string Logs => string.Join("\n", _nodes.Select(n => $"--- node {n.Index} ---\n" + string.Join("\n", n.Log.TakeLast(40))));

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            try
            {
                if (node.Process is { HasExited: false } p)
                {
                    p.Kill(entireProcessTree: true);
                    p.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            node.Process?.Dispose();
        }
    }

    private void Launch(Node node)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[CliPath, "node", "--cluster", _connectionString, "--silo-port", Str(node.SiloPort), "--gateway-port", Str(node.GatewayPort), "--health-port", Str(node.HealthPort)])
        {
            info.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        node.Process?.Dispose();
        node.Process = process;
    }

    private async Task WaitHealthyAsync(Node node, TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            ct.ThrowIfCancellationRequested();
            if (node.Process!.HasExited)
            {
                Assert.Fail($"node {node.Index} exited with {node.Process.ExitCode}:\n{Logs}");
            }

            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{node.HealthPort}/health", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(500, ct);
        }

        Assert.Fail($"node {node.Index} was not healthy within {timeout.TotalSeconds} s:\n{Logs}");
    }

    private static string Str(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="count"/> distinct free ports, none handed out before in this test process. All listeners are held
    /// open until every port is chosen, so the kernel cannot give one port twice; a port released by an earlier test is
    /// never reused either. (A port given twice made two silos share one address: the newer generation declared the older
    /// dead and its process failed fast with exit code 134.)
    /// </summary>
    private static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        var ports = new List<int>();
        try
        {
            while (ports.Count < count)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                lock (Handed)
                {
                    if (Handed.Add(port))
                    {
                        ports.Add(port);
                    }
                }
            }
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }

        return [.. ports];
    }

    public sealed class Node(int index, int siloPort, int gatewayPort, int healthPort)
    {
        private readonly Queue<string> _log = new();

        public int Index { get; } = index;

        public int SiloPort { get; } = siloPort;

        public int GatewayPort { get; } = gatewayPort;

        public int HealthPort { get; } = healthPort;

        public Process? Process { get; set; }

        public IReadOnlyList<string> Log
        {
            get
            {
                lock (_log)
                {
                    return [.. _log];
                }
            }
        }

        public void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                _log.Enqueue(line);
                while (_log.Count > 400)
                {
                    _log.Dequeue();
                }
            }
        }
    }
}
