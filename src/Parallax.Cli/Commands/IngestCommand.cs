using System.CommandLine;
using Parallax.Storage;
using Parallax.Ingest;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax ingest &lt;files|dirs|urls|feeds...&gt; [--db PATH]</c>: read, extract, clean and store.</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var inputs = InputOptions.Inputs("Files, folders (read recursively), http(s) URLs, feeds (RSS/Atom/JSON Feed) and OPML lists, JSON Lines, WARC files.");
        var db = InputOptions.Db();
        var fetch = InputOptions.Fetch();
        var cluster = ClusterCommand.ClusterOption();
        var command = new Command("ingest", "Read articles from any mix of inputs, extract and clean them with provenance, and store them (SQLite, ./parallax.db by default). Re-ingesting the same content stores nothing twice.");
        command.Arguments.Add(inputs);
        command.Options.Add(db);
        command.Options.Add(fetch);
        command.Options.Add(cluster);
        command.SetAction((parse, ct) =>
        {
            var paths = parse.GetValue(inputs)!;
            if (parse.GetValue(cluster) is { } clusterConnection)
            {
                return ClusterIngest.RunAsync(paths, parse.GetValue(fetch), clusterConnection, ct);
            }

            using var store = Composition.OpenStore(parse.GetValue(db));
            if (store is null)
            {
                return Task.FromResult(ExitCodes.SomeRejected);
            }

            var run = RunIngest(paths, parse.GetValue(fetch), store, ct, keepArticles: false);
            Console.WriteLine($"{run.Inserted} stored, {run.Duplicates} already stored, {run.Rejected} rejected → {StoreLocator.Describe(store)}");
            return Task.FromResult(run.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Runs ingestion with progress on a terminal and lists every rejected input on stderr with its code and reason.</summary>
    public static IngestRun RunIngest(IReadOnlyList<string> paths, bool fetch, Core.IArticleStore? store, CancellationToken ct, bool keepArticles = true)
    {
        var service = new IngestService(Composition.CreateReader(paths, fetch), Composition.CreateArticleFactory(), store);
        IngestRun run;
        using (var progress = new ConsoleProgress())
        {
            run = service.Ingest(paths, progress, ct, keepArticles);
        }

        foreach (var entry in run.Entries.Where(e => e.Outcome == IngestOutcome.Rejected))
        {
            var reasons = string.Join("; ", entry.Diagnostics.Where(d => d.Severity == Core.Severity.Error).Select(d => $"{d.Code}: {d.Message}"));
            Console.Error.WriteLine($"rejected {entry.Origin}: {reasons}");
        }

        return run;
    }
}
