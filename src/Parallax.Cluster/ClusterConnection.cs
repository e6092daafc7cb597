using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Parallax.Cluster.Grains;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Reporting;
using System.Text.Json;

namespace Parallax.Cluster;

/// <summary>Client-side settings: how long one call may take, how often a failed batch is retried.</summary>
public sealed record ClientOptions
{
    /// <summary>Sources per call to a partition grain.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Calls in flight at once (over all partitions).</summary>
    public int Concurrency { get; init; } = 2 * ClusterLayout.Partitions;

    /// <summary>Attempts per batch; a batch whose node died is sent again (idempotent) until it succeeds or this runs out.</summary>
    public int Attempts { get; init; } = 12;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long to keep trying to reach a first gateway.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>A node's row in the membership table (<c>parallax cluster status</c>).</summary>
public sealed record NodeRow(string Address, int Port, int Generation, string Name, string Status, int? GatewayPort, DateTime StartTime, DateTime IAmAlive);

/// <summary>What a cluster ingest did: one item per source sent, in input order, and the batch failures left after every retry.</summary>
public sealed record ClusterIngestRun(IReadOnlyList<IngestItem> Items, IReadOnlyList<Diagnostic> Failures, int Retries);

/// <summary>
/// A connected Orleans client of a Parallax cluster (gateways found in the PostgreSQL membership table). Sends sources
/// to their partition grains in batches, retries a batch whose node failed (safe: ingest and placement are idempotent),
/// asks for status, and runs the distributed analysis. Dispose to disconnect.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ClientOptions _options;

    private ClusterConnection(IHost host, string connectionString, ClientOptions options)
    {
        _host = host;
        ConnectionString = connectionString;
        _options = options;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public string ConnectionString { get; }

    /// <summary>Connects, or returns the coded reason (PX1002 not PostgreSQL, PX1003 no node answered).</summary>
    public static async Task<(ClusterConnection? Connection, Diagnostic? Error)> ConnectAsync(string connectionString, ClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new ClientOptions();
        if (!Storage.StoreLocator.IsPostgres(connectionString))
        {
            return (null, ClusterErrors.Store("--cluster needs a PostgreSQL connection string (Host=...;Database=...)"));
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        NodeHost.ConfigureLogging(builder.Logging);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        var deadline = Stopwatch.StartNew();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterLayout.ClusterId;
                o.ServiceId = ClusterLayout.ClusterId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(3));
            client.UseConnectionRetryFilter(async (_, ct) =>
            {
                if (deadline.Elapsed > options.ConnectTimeout)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return (new ClusterConnection(host, connectionString, options), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            return (null, ClusterErrors.NoGateway(e.Message));
        }
    }

    /// <summary>
    /// Sends every source to its partition (batches of <see cref="ClientOptions.BatchSize"/>, <see cref="ClientOptions.Concurrency"/>
    /// calls in flight). A batch that fails (node killed, timeout) is sent again after a delay, up to
    /// <see cref="ClientOptions.Attempts"/> times; items come back in input order.
    /// </summary>
    public async Task<ClusterIngestRun> IngestAsync(IEnumerable<SourceDocument> sources, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var ordered = new List<SourceDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sources)
        {
            if (seen.Add(s.Id))
            {
                ordered.Add(s);
            }
        }

        var results = new IngestItem?[ordered.Count];
        var batches = new List<(int Partition, List<int> Indexes)>();
        foreach (var group in Enumerable.Range(0, ordered.Count).GroupBy(i => ClusterLayout.PartitionOf(ordered[i].Id)).OrderBy(g => g.Key))
        {
            foreach (var chunk in group.Chunk(_options.BatchSize))
            {
                batches.Add((group.Key, [.. chunk]));
            }
        }

        // Interleave partitions so that every worker is busy from the start.
        batches = [.. batches.Select((b, k) => (b, k)).OrderBy(x => batches.Take(x.k).Count(y => y.Partition == x.b.Partition)).ThenBy(x => x.b.Partition).Select(x => x.b)];
        var failures = new ConcurrentBag<Diagnostic>();
        var retries = 0;
        var done = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken }, async (batch, ct) =>
        {
            var payloads = batch.Indexes.Select(i => Payloads.ToPayload(ordered[i])).ToArray();
            var grain = Client.GetGrain<IIngestPartitionGrain>(batch.Partition);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var items = await grain.Ingest(payloads).WaitAsync(ct);
                    for (var k = 0; k < items.Length; k++)
                    {
                        results[batch.Indexes[k]] = items[k];
                    }

                    progress?.Report(Interlocked.Add(ref done, items.Length));
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    if (attempt >= _options.Attempts)
                    {
                        failures.Add(ClusterErrors.BatchFailed(batch.Partition, attempt, e.GetType().Name + ": " + e.Message));
                        return;
                    }

                    Interlocked.Increment(ref retries);
                    await Task.Delay(_options.RetryDelay, ct);
                }
            }
        });

        var list = new List<IngestItem>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            list.Add(results[i] ?? new IngestItem(ordered[i].Id, null, 2, ["PX1004: not ingested: its batch failed after every retry"], null));
        }

        return new ClusterIngestRun(list, [.. failures], retries);
    }

    /// <summary>
    /// The analysed stories of everything stored: consolidation on one node, then one story grain per story (in parallel
    /// across the nodes). Biggest story first, then by id; equal to <c>StoryAnalysisService.Analyze</c> over the same articles.
    /// </summary>
    public async Task<IReadOnlyList<string>> AnalyzeJsonAsync(CancellationToken cancellationToken = default)
    {
        var stories = await WithRetries(() => Client.GetGrain<IConsolidationGrain>(0).Consolidate(), cancellationToken);
        var reports = new string[stories.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, stories.Length), new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var story = StoryJson.Read(stories[i]);
            reports[i] = await WithRetries(() => Client.GetGrain<IStoryGrain>(story.Id).Analyze(stories[i]), ct);
        });
        return reports;
    }

    /// <summary>Calls again after a failure (a node that died, a lost message); for idempotent calls only.</summary>
    private async Task<T> WithRetries<T>(Func<Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(ct);
            }
            catch (Exception) when (attempt < _options.Attempts && !ct.IsCancellationRequested)
            {
                await Task.Delay(_options.RetryDelay, ct);
            }
        }
    }

    /// <summary>As <see cref="AnalyzeJsonAsync"/>, as report records.</summary>
    public async Task<IReadOnlyList<StoryReport>> AnalyzeAsync(CancellationToken cancellationToken = default) =>
        [.. (await AnalyzeJsonAsync(cancellationToken)).Select(j => JsonSerializer.Deserialize<StoryReport>(j, JsonReportWriter.Options)!)];

    /// <summary>Every partition's worker status (activates the partitions that are not active).</summary>
    public async Task<IReadOnlyList<PartitionStatus>> PartitionsAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(Enumerable.Range(0, ClusterLayout.Partitions).Select(p => Client.GetGrain<IIngestPartitionGrain>(p).Status().WaitAsync(cancellationToken)));

    /// <summary>The placement windows recorded so far and their index grains' status.</summary>
    public async Task<IReadOnlyList<IndexStatus>> WindowsAsync(CancellationToken cancellationToken = default)
    {
        var windows = new List<string>();
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT DISTINCT window_key FROM cluster_placements ORDER BY window_key;", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                windows.Add(reader.GetString(0));
            }
        }

        return await Task.WhenAll(windows.Select(w => Client.GetGrain<IStoryIndexGrain>(w).Status().WaitAsync(cancellationToken)));
    }

    /// <summary>The membership table as the nodes wrote it (no client needed).</summary>
    public static async Task<IReadOnlyList<NodeRow>> NodesAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var rows = new List<NodeRow>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT address, port, generation, silo_name, status, proxy_port, start_time, i_am_alive
              FROM px_orleans_member WHERE deployment_id = $1 ORDER BY address, port, generation;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ClusterLayout.ClusterId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new NodeRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), StatusName(reader.GetInt32(4)),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetDateTime(6), reader.GetDateTime(7)));
        }

        return rows;
    }

    // Orleans.Runtime.SiloStatus values.
    private static string StatusName(int status) => status switch
    {
        1 => "created",
        2 => "joining",
        3 => "active",
        4 => "shutting-down",
        5 => "stopping",
        6 => "dead",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
