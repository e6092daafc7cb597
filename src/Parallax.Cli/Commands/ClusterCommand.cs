using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Cluster;
using Parallax.Reporting;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax cluster status --cluster CONN [--json]</c> (nodes, partitions and their queue depths, placement windows) and
/// <c>parallax cluster analyze --cluster CONN [--json F] [--md F] [--html F]</c> (the report over everything the cluster stored,
/// analysed by the nodes).
/// </summary>
public static class ClusterCommand
{
    /// <summary>The <c>--cluster</c> option of the node, the cluster commands and the commands that can act as cluster clients.</summary>
    public static Option<string?> ClusterOption(bool required = false) => new("--cluster")
    {
        Description = required
            ? "The cluster's PostgreSQL connection string (Host=...;Database=...): membership, articles and cluster state."
            : "Act as a client of the Parallax cluster whose PostgreSQL connection string (Host=...;Database=...) this is; the nodes do the work.",
        Required = required,
    };

    public static Command Create()
    {
        var command = new Command("cluster", "Inspect and use a running Parallax cluster (see 'parallax node').");
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Analyze());
        return command;
    }

    private static Command Status()
    {
        var cluster = ClusterOption(required: true);
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables." };
        var command = new Command("status", "Nodes (membership table), ingest partitions with their node and queue depth, placement windows.") { cluster, json };
        command.SetAction(async (parse, ct) =>
        {
            var cs = parse.GetValue(cluster)!;
            IReadOnlyList<NodeRow> nodes;
            try
            {
                nodes = await ClusterConnection.NodesAsync(cs, ct);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or TimeoutException)
            {
                Console.Error.WriteLine(ClusterErrors.Store(e.Message).ToString());
                return ExitCodes.SomeRejected;
            }

            var (connection, error) = await ClusterConnection.ConnectAsync(cs, new ClientOptions { ConnectTimeout = TimeSpan.FromSeconds(15) }, ct);
            if (connection is null)
            {
                PrintNodes(nodes, parse.GetValue(json));
                Console.Error.WriteLine(error?.ToString());
                return ExitCodes.SomeRejected;
            }

            await using (connection)
            {
                var partitions = await connection.PartitionsAsync(ct);
                var windows = await connection.WindowsAsync(ct);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new { nodes, partitions, windows }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
                    return ExitCodes.Ok;
                }

                PrintNodes(nodes, false);
                Console.WriteLine();
                Console.WriteLine("partition  node                 queue  inserted  duplicates  rejected");
                foreach (var p in partitions)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Partition,9}  {p.Silo,-19} {p.QueueDepth,6} {p.Inserted,9} {p.Duplicates,11} {p.Rejected,9}"));
                }

                Console.WriteLine();
                Console.WriteLine("window     node                 queue  articles  stories (online placement)");
                foreach (var w in windows)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{w.Window,-10} {w.Silo,-19} {w.QueueDepth,6} {w.Articles,9} {w.Stories,8}"));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintNodes(IReadOnlyList<NodeRow> nodes, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { nodes }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            return;
        }

        Console.WriteLine("node                 generation  status         gateway  last alive (UTC)");
        foreach (var n in nodes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n.Address + ":" + n.Port,-20} {n.Generation,10}  {n.Status,-13} {n.GatewayPort,8}  {n.IAmAlive:yyyy-MM-dd HH:mm:ss}"));
        }
    }

    private static Command Analyze()
    {
        var cluster = ClusterOption(required: true);
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON (the contract in docs/report-format.md)." };
        var md = new Option<FileInfo?>("--md") { Description = "Write the report as Markdown." };
        var html = new Option<FileInfo?>("--html") { Description = "Write the report as one self-contained HTML file." };
        var command = new Command("analyze", "Report over every article the cluster stored: consolidated stories, each analysed by its story grain on some node (the same report as 'parallax analyze' over the same articles).")
        {
            cluster, json, md, html,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cs = parse.GetValue(cluster)!;
            var (connection, error) = await ClusterConnection.ConnectAsync(cs, cancellationToken: ct);
            if (connection is null)
            {
                Console.Error.WriteLine(error?.ToString());
                return ExitCodes.SomeRejected;
            }

            await using (connection)
            {
                var stories = await connection.AnalyzeAsync(ct);
                using var store = Composition.OpenStore(cs, mustExist: true);
                if (store is null)
                {
                    return ExitCodes.SomeRejected;
                }

                var report = new ReportBuilder(Composition.Generator).Build(store.LoadArticles(), [.. stories]);
                Console.Write(TerminalSummaryWriter.Write(report));
                AnalyzeCommand.Write(parse.GetValue(json), () => JsonReportWriter.Write(report));
                AnalyzeCommand.Write(parse.GetValue(md), () => MarkdownReportWriter.Write(report));
                AnalyzeCommand.Write(parse.GetValue(html), () => HtmlReportWriter.Write(report));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
