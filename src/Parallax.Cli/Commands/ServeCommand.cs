using System.CommandLine;
using Parallax.Web;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax serve [--urls URL] [--db F | --cluster CONN] [--watch FEEDS...]</c>: the dashboard and JSON API over the store
/// on Kestrel (docs/web.md, docs/api.md); with <c>--watch</c> it also polls feeds and ingests what is new; with
/// <c>--cluster</c> it is a cluster client: writes (API ingest, feeds) go through the cluster's nodes, reads come from its
/// PostgreSQL store (docs/scaling.md). The API token for
/// writes is generated on first run and shown once on stderr. Runs until Ctrl+C. Exit 1 when the store cannot be opened.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls") { Description = "Where to listen (default http://127.0.0.1:5080). Port 0 picks a free port.", AllowMultipleArgumentsPerToken = true };
        var db = InputOptions.Db();
        var watch = new Option<string[]>("--watch") { Description = "Feeds to poll while serving: http(s) feed URLs, OPML files, or files with one URL per line.", AllowMultipleArgumentsPerToken = true };
        var interval = new Option<int>("--interval") { Description = "Seconds between polls of a feed (default 300; a feed list may set its own).", DefaultValueFactory = _ => 300 };
        var allowPrivate = new Option<bool>("--allow-private-urls") { Description = "Let URL ingestion fetch loopback and private addresses (refused by default against request forgery)." };
        var cors = new Option<string[]>("--cors-origin") { Description = "Allow browser calls from this origin (CORS is off by default).", AllowMultipleArgumentsPerToken = true };
        var cluster = ClusterCommand.ClusterOption();
        var maxBody = new Option<long>("--max-request-bytes") { Description = "Largest request body accepted (default 8 MiB).", DefaultValueFactory = _ => 8L * 1024 * 1024 };
        var command = new Command("serve", "Serve the dashboard and JSON API over the store (Kestrel); --watch also follows feeds; --cluster stores through the cluster's nodes.")
        {
            urls, db, cluster, watch, interval, allowPrivate, cors, maxBody,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(interval) <= 0 || parse.GetValue(maxBody) <= 0)
            {
                Console.Error.WriteLine("PX0901: --interval and --max-request-bytes must be positive");
                return ExitCodes.Usage;
            }

            var (clusterStore, clusterClient) = parse.GetValue(cluster) is { } clusterConnection
                ? await ClusterIngest.OpenStoreAsync(clusterConnection, ct)
                : (null, null);
            await using var clusterScope = clusterClient;
            if (parse.GetValue(cluster) is not null && clusterStore is null)
            {
                return ExitCodes.SomeRejected;
            }

            var options = new WebOptions
            {
                Store = clusterStore,
                Urls = parse.GetValue(urls) is { Length: > 0 } u ? [.. u] : ["http://127.0.0.1:5080"],
                DbPath = parse.GetValue(db),
                WatchFeeds = [.. parse.GetValue(watch) ?? []],
                WatchInterval = TimeSpan.FromSeconds(parse.GetValue(interval)),
                AllowPrivateAddresses = parse.GetValue(allowPrivate),
                CorsOrigins = [.. parse.GetValue(cors) ?? []],
                MaxRequestBytes = parse.GetValue(maxBody),
            };
            var server = ParallaxServer.TryCreate(options, out var problem);
            if (server is null)
            {
                Console.Error.WriteLine(problem?.ToString() ?? "PX0400: the store could not be opened");
                return ExitCodes.SomeRejected;
            }

            await using (server)
            {
                await server.StartAsync(ct);
                Console.Error.WriteLine($"serving {Storage.StoreLocator.Describe(server.Cache.Store)} on {string.Join(", ", server.Addresses)}" +
                    (server.Watcher is null ? "" : $"; watching {server.Watcher.Health().Length} feeds") + " (Ctrl+C stops)");
                await server.WaitForShutdownAsync(ct);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
