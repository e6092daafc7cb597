using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Parallax.Cluster;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax node --cluster CONN [--silo-port N] [--gateway-port N] [--health-port N]</c>: runs one Orleans silo of the
/// Parallax cluster until SIGTERM or Ctrl+C (graceful: the node leaves the membership and its work moves to the others).
/// </summary>
public static class NodeCommand
{
    public static Command Create()
    {
        var cluster = ClusterCommand.ClusterOption(required: true);
        var siloPort = new Option<int>("--silo-port") { Description = "Port for silo-to-silo traffic on 127.0.0.1 (default 11111).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to on 127.0.0.1 (default 30000).", DefaultValueFactory = _ => 30000 };
        var healthPort = new Option<int>("--health-port") { Description = "Port of the HTTP health endpoint GET http://127.0.0.1:PORT/health (default 0: none)." };
        var command = new Command("node", "Run one node (an Orleans silo) of a Parallax cluster: membership and data in the PostgreSQL database given by --cluster. JSON logs on stderr; SIGTERM/Ctrl+C stops it gracefully.")
        {
            cluster, siloPort, gatewayPort, healthPort,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (host, error) = NodeHost.Build(new NodeOptions
            {
                ConnectionString = parse.GetValue(cluster)!,
                SiloPort = parse.GetValue(siloPort),
                GatewayPort = parse.GetValue(gatewayPort),
                HealthPort = parse.GetValue(healthPort),
            }, Composition.CreateArticleFactory());
            if (host is null)
            {
                Console.Error.WriteLine(error?.ToString());
                return ExitCodes.SomeRejected;
            }

            using (host)
            {
                try
                {
                    await host.StartAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Console.Error.WriteLine(ClusterErrors.SiloFailed(e.GetType().Name + ": " + e.Message).ToString());
                    return ExitCodes.SomeRejected;
                }

                Console.WriteLine($"node 127.0.0.1:{parse.GetValue(siloPort)} ready (gateway {parse.GetValue(gatewayPort)}, health {parse.GetValue(healthPort)})");
                await host.WaitForShutdownAsync(CancellationToken.None);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
