using Parallax.Cluster;
using Parallax.Core;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax ingest --cluster CONN INPUTS...</c>: this process only reads the inputs; the cluster's partition workers
/// build, store and place the articles. Same summary line and exit codes as a local ingest.
/// </summary>
public static class ClusterIngest
{
    /// <summary>
    /// A store whose writes go through the cluster and whose reads go to its database (for <c>watch --cluster</c>), with
    /// the connection to dispose after it; or nulls, the coded reason printed.
    /// </summary>
    public static async Task<(IArticleStore? Store, ClusterConnection? Connection)> OpenStoreAsync(string connectionString, CancellationToken ct)
    {
        var (connection, error) = await ClusterConnection.ConnectAsync(connectionString, cancellationToken: ct);
        if (connection is null)
        {
            Console.Error.WriteLine(error?.ToString());
            return (null, null);
        }

        var reads = Composition.OpenStore(connectionString);
        if (reads is null)
        {
            await connection.DisposeAsync();
            return (null, null);
        }

        return (new ClusterArticleStore(connection, reads), connection);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, bool fetch, string connectionString, CancellationToken ct)
    {
        var (connection, error) = await ClusterConnection.ConnectAsync(connectionString, cancellationToken: ct);
        if (connection is null)
        {
            Console.Error.WriteLine(error?.ToString());
            return ExitCodes.SomeRejected;
        }

        await using (connection)
        {
            var readErrors = new List<Diagnostic>();
            var sources = new List<SourceDocument>();
            foreach (var result in Composition.CreateReader(paths, fetch).Read(paths, ct))
            {
                readErrors.AddRange(result.Diagnostics.Where(d => d.Severity == Severity.Error));
                sources.AddRange(result.Sources);
            }

            var run = await connection.IngestAsync(sources, null, ct);
            foreach (var d in readErrors)
            {
                Console.Error.WriteLine($"rejected {d.Subject ?? "(input)"}: {d}");
            }

            foreach (var item in run.Items.Where(i => i.Outcome == 2))
            {
                Console.Error.WriteLine($"rejected {item.SourceId}: {string.Join("; ", item.Errors)}");
            }

            foreach (var failure in run.Failures)
            {
                Console.Error.WriteLine(failure.ToString());
            }

            var inserted = run.Items.Count(i => i.Outcome == 0);
            var duplicates = run.Items.Count(i => i.Outcome == 1) + (sources.Count - run.Items.Count);
            var rejected = run.Items.Count(i => i.Outcome == 2) + readErrors.Count;
            Console.WriteLine($"{inserted} stored, {duplicates} already stored, {rejected} rejected → cluster ({run.Retries} batch retries)");
            return rejected > 0 || run.Failures.Count > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
        }
    }
}
