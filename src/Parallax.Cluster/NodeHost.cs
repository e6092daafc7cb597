using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
using Orleans.Hosting;
using Parallax.Core;
using Parallax.Ingest;
using Parallax.Storage;

namespace Parallax.Cluster;

/// <summary>Where a node listens. Ports on 127.0.0.1 unless <see cref="Address"/> says otherwise.</summary>
public sealed record NodeOptions
{
    public required string ConnectionString { get; init; }

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>HTTP health endpoint port (GET /health); 0 = none.</summary>
    public int HealthPort { get; init; }

    public IPAddress Address { get; init; } = IPAddress.Loopback;
}

/// <summary>
/// Builds a Parallax silo: Orleans membership in PostgreSQL (ADO.NET clustering, <see cref="ClusterSchema"/>), the grains
/// of this assembly, the PostgreSQL article store shared by the node's grains, JSON logs on stderr with scopes (every
/// line about an article carries its <c>ArticleId</c>), and the health endpoint. SIGTERM or Ctrl+C stops it gracefully:
/// the silo leaves the membership, its activations are deactivated and reactivate on the other nodes when next called.
/// </summary>
public static class NodeHost
{
    /// <summary>The host, or the coded reason it cannot be built (schema or store unavailable).</summary>
    public static (IHost? Host, Diagnostic? Error) Build(NodeOptions options, ArticleFactory factory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factory);
        if (!StoreLocator.IsPostgres(options.ConnectionString))
        {
            return (null, ClusterErrors.Store("--cluster needs a PostgreSQL connection string (Host=...;Database=...)"));
        }

        var (store, storeError) = PostgresArticleStore.Open(options.ConnectionString);
        if (store is null)
        {
            return (null, ClusterErrors.Store(storeError?.ToString() ?? "unknown"));
        }

        if (ClusterSchema.Apply(options.ConnectionString) is { } schemaError)
        {
            store.Dispose();
            return (null, schemaError);
        }

        var nodeName = $"{options.Address}:{options.SiloPort}";
        var node = new NodeServices(store, factory, options.ConnectionString, nodeName);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ConfigureLogging(builder.Logging);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(node);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterLayout.ClusterId;
                o.ServiceId = ClusterLayout.ClusterId;
            });
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.ConnectionString;
            });
            silo.ConfigureEndpoints(options.Address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<SiloOptions>(o => o.SiloName = nodeName);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
            // Loopback or a LAN: detect a dead node in seconds rather than the defaults' half-minute and more.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
                o.DefunctSiloExpiration = TimeSpan.FromMinutes(10);
            });
        });
        if (options.HealthPort > 0)
        {
            builder.Services.AddHostedService(sp => new HealthEndpoint(options.HealthPort, nodeName, sp.GetRequiredService<IHostApplicationLifetime>(),
                sp.GetRequiredService<ILogger<HealthEndpoint>>()));
        }

        var host = builder.Build();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(node.Dispose);
        return (host, null);
    }

    /// <summary>JSON lines on stderr (stdout stays for command output), with scopes (ArticleId, Partition, Window, StoryId).</summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Orleans", LogLevel.Warning);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Information);
        logging.AddFilter("Orleans.Runtime.MembershipService", LogLevel.Information);
        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
