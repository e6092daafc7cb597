using System.CommandLine;
using Parallax.Web;
using Parallax.Web.Watching;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax watch FEEDS... [--db F] [--interval S] [--once]</c>: polls RSS/Atom/JSON feeds (URLs, OPML files or
/// URL lists) with conditional GET, per-feed intervals and exponential back-off, and stores new articles. One line per
/// poll on stderr. With <c>--once</c> every feed is polled once and the exit code is 1 when any poll failed.
/// </summary>
public static class WatchCommand
{
    public static Command Create()
    {
        var feeds = InputOptions.Inputs("Feed URLs (RSS, Atom, JSON Feed), OPML files, or files with one URL per line (optionally followed by an interval in seconds).");
        var db = InputOptions.Db();
        var interval = new Option<int>("--interval") { Description = "Seconds between polls of a feed (default 300).", DefaultValueFactory = _ => 300 };
        var once = new Option<bool>("--once") { Description = "Poll every feed once, print its health, and exit." };
        var allowPrivate = new Option<bool>("--allow-private-urls") { Description = "Let linked-page fetching reach loopback and private addresses (feeds themselves are fetched as given)." };
        var cluster = ClusterCommand.ClusterOption();
        var command = new Command("watch", "Follow feeds: poll with conditional GET, per-feed intervals and back-off, and store new articles (with --cluster, through the cluster's nodes).")
        {
            feeds, db, interval, once, allowPrivate, cluster,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(interval) <= 0)
            {
                Console.Error.WriteLine("PX0901: --interval must be positive");
                return ExitCodes.Usage;
            }

            var (specs, problems) = FeedList.Expand(parse.GetValue(feeds)!);
            foreach (var p in problems)
            {
                Console.Error.WriteLine(p.ToString());
            }

            if (specs.IsEmpty)
            {
                Console.Error.WriteLine("PX0816: no feed to watch");
                return ExitCodes.SomeRejected;
            }

            var (clusterStore, clusterClient) = parse.GetValue(cluster) is { } clusterConnection
                ? await ClusterIngest.OpenStoreAsync(clusterConnection, ct)
                : (null, null);
            await using var clusterScope = clusterClient;
            using var store = clusterStore ?? (parse.GetValue(cluster) is null ? Composition.OpenStore(parse.GetValue(db)) : null);
            if (store is null)
            {
                return ExitCodes.SomeRejected;
            }

            using var ingestor = new ArticleIngestor(store, TimeProvider.System, parse.GetValue(allowPrivate));
            using var watcher = new FeedWatcher(specs, ingestor, TimeProvider.System, new FeedWatcherOptions { Interval = TimeSpan.FromSeconds(parse.GetValue(interval)) });
            watcher.Polled += poll => Console.Error.WriteLine(Describe(poll));
            if (parse.GetValue(once))
            {
                var polls = await watcher.PollDueAsync(ct);
                return polls.Any(p => p.Problem is not null) ? ExitCodes.SomeRejected : ExitCodes.Ok;
            }

            Console.Error.WriteLine($"watching {specs.Length} feeds → {Storage.StoreLocator.Describe(store)} (Ctrl+C stops)");
            try
            {
                await watcher.RunAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(FeedPoll poll) => poll switch
    {
        { Problem: { } p } => $"{poll.Url}: failed: {p.Message}",
        { NotModified: true } => $"{poll.Url}: not modified (304)",
        { Ingested: { } i } => $"{poll.Url}: {i.Inserted} stored, {i.Duplicates} already stored, {i.Rejected} rejected",
        _ => $"{poll.Url}: polled",
    };
}
