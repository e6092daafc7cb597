using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Npgsql;
using Parallax.Compare;
using Parallax.Core;
using Parallax.Ingest;
using Parallax.Ingest.Cleaning;
using Parallax.Ingest.Extraction;
using Parallax.Ingest.Outlets;
using Parallax.Ingest.Readers;
using Parallax.Reporting;
using Parallax.Testing;

namespace Parallax.Cluster.Tests;

/// <summary>
/// A 3-node cluster (three processes on 127.0.0.1, membership and data in a throw-away PostgreSQL) gives the same
/// stories, facts and reports as the single process over the same sources, whatever the arrival order, and also when one
/// node is killed mid-ingest and restarted: no article lost, none stored twice. Bounded: each test cancels itself after
/// <see cref="Budget"/>.
/// </summary>
public sealed class ClusterEquivalenceTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan NodeStart = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ThreeNodes_GiveTheSingleProcessReports_InAnyArrivalOrder()
    {
        var cs = PostgresServer.CreateDatabase();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Budget);
        var sources = Sources(24);
        var expected = SingleProcessReports(sources);
        using var nodes = new NodeProcesses(cs);
        try
        {
            await nodes.StartAsync(3, NodeStart, cts.Token);
            var (connection, error) = await ClusterConnection.ConnectAsync(cs, new ClientOptions { BatchSize = 3, ResponseTimeout = TimeSpan.FromSeconds(90) }, cts.Token);
            Assert.True(connection is not null, error?.ToString());
            await using (connection)
            {
                // Two arrivals of the same sources in different orders: the second stores nothing.
                var first = await connection.IngestAsync(Shuffled(sources, seed: 1), null, cts.Token);
                var second = await connection.IngestAsync(Shuffled(sources, seed: 2), null, cts.Token);
                Assert.Empty(first.Failures);
                Assert.Equal(sources.Count, first.Items.Count(i => i.Outcome == 0));
                Assert.All(second.Items, i => Assert.Equal(1, i.Outcome));
                Assert.All(first.Items, i => Assert.False(string.IsNullOrEmpty(i.StoryId)));
                AssertStoredOnce(cs, sources);

                var actual = await connection.AnalyzeJsonAsync(cts.Token);
                Assert.Equal(expected, actual);

                // The placement was decided once per article, by one node per window.
                Assert.Equal(sources.Count, Scalar(cs, "SELECT count(*) FROM cluster_placements;"));
                var partitions = await connection.PartitionsAsync(cts.Token);
                Assert.Equal(ClusterLayout.Partitions, partitions.Count);
                Assert.Equal(sources.Count, partitions.Sum(p => p.Inserted));
            }

            // Every log line a grain wrote about an article carries its id.
            var articleLines = nodes.Nodes.SelectMany(n => n.Log).Where(l => l.Contains("\"Category\":\"Parallax.Cluster.Grains.IngestPartitionGrain\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(articleLines);
            Assert.All(articleLines, l => Assert.Contains("\"ArticleId\"", l, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(e.Message + "\n" + nodes.Logs, e);
        }
        finally
        {
            nodes.Dispose();
            PostgresServer.DropDatabase(cs);
        }
    }

    [Fact]
    public async Task KilledNode_MidIngest_LosesNothingAndStoresNothingTwice()
    {
        var cs = PostgresServer.CreateDatabase();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Budget);
        var sources = Sources(40);
        var expected = SingleProcessReports(sources);
        using var nodes = new NodeProcesses(cs);
        try
        {
            await nodes.StartAsync(3, NodeStart, cts.Token);
            var (connection, error) = await ClusterConnection.ConnectAsync(cs, new ClientOptions { BatchSize = 2, Concurrency = 4, RetryDelay = TimeSpan.FromSeconds(1), Attempts = 60, ResponseTimeout = TimeSpan.FromSeconds(30) }, cts.Token);
            Assert.True(connection is not null, error?.ToString());
            await using (connection)
            {
                var killed = 0;
                var progress = new SynchronousProgress(done =>
                {
                    if (done >= sources.Count / 4 && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        nodes.Kill(1);
                    }
                });
                var ingest = connection.IngestAsync(Shuffled(sources, seed: 3), progress, cts.Token);
                while (Volatile.Read(ref killed) == 0 && !ingest.IsCompleted)
                {
                    await Task.Delay(100, cts.Token);
                }

                Assert.True(Volatile.Read(ref killed) == 1, "the node was not killed mid-ingest");
                await nodes.RestartAsync(1, NodeStart, cts.Token);
                var run = await ingest;
                Assert.Empty(run.Failures);
                Assert.All(run.Items, i => Assert.NotEqual(2, i.Outcome));

                // A client that saw an error sends everything again: still nothing twice.
                var again = await connection.IngestAsync(sources, null, cts.Token);
                Assert.Empty(again.Failures);
                Assert.All(again.Items, i => Assert.Equal(1, i.Outcome));
                AssertStoredOnce(cs, sources);
                Assert.Equal(sources.Count, Scalar(cs, "SELECT count(*) FROM cluster_placements;"));

                var actual = await connection.AnalyzeJsonAsync(cts.Token);
                Assert.Equal(expected, actual);
            }
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(e.Message + "\n" + nodes.Logs, e);
        }
        finally
        {
            nodes.Dispose();
            PostgresServer.DropDatabase(cs);
        }
    }

    /// <summary>The project's sample story plus <paramref name="fromScale"/> articles of one AllSides topic (read at run time from ../shared).</summary>
    private static List<SourceDocument> Sources(int fromScale)
    {
        var inputs = new List<string> { RepoPaths.Samples };
        var scale = RepoPaths.SharedData("scale", "allsides-articles.jsonl.gz");
        string? temp = null;
        if (File.Exists(scale))
        {
            temp = Path.Combine(Path.GetTempPath(), "px-cluster-" + Guid.NewGuid().ToString("N")[..8] + ".jsonl");
            File.WriteAllLines(temp, ScaleSubset(scale, fromScale));
            inputs.Add(temp);
        }

        try
        {
            var reader = new SourceReader(ReaderOptions.Default, TimeProvider.System);
            return [.. reader.Read(inputs, CancellationToken.None).SelectMany(r => r.Sources).DistinctBy(s => s.Id)];
        }
        finally
        {
            if (temp is not null)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The first <paramref name="count"/> dated articles of the most frequent topic among the first 3,000 lines, as JSON Lines our reader takes.</summary>
    private static IEnumerable<string> ScaleSubset(string path, int count)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        var rows = new List<JsonElement>();
        for (var i = 0; i < 3000 && text.ReadLine() is { } line; i++)
        {
            rows.Add(JsonDocument.Parse(line).RootElement.Clone());
        }

        var topic = rows.GroupBy(r => r.GetProperty("topic").GetString()).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return rows.Where(r => r.GetProperty("topic").GetString() == topic && r.GetProperty("date").GetString() is { Length: 10 })
            .Take(count)
            .Select(r => JsonSerializer.Serialize(new
            {
                id = r.GetProperty("id").GetString(),
                outlet = r.GetProperty("outlet").GetString(),
                title = r.GetProperty("title").GetString(),
                published = r.GetProperty("date").GetString(),
                url = r.GetProperty("url").GetString(),
                text = r.GetProperty("text").GetString(),
            }));
    }

    /// <summary>The single-process answer: articles built here, analysed by <see cref="StoryAnalysisService"/>, each story as report JSON.</summary>
    private static string[] SingleProcessReports(IReadOnlyList<SourceDocument> sources)
    {
        var factory = new ArticleFactory(new HtmlExtractor(), new TextCleaner(), new OutletIdentifier());
        var articles = sources.Select(s => factory.Build(s).Article).OfType<Article>().ToList();
        Assert.Equal(sources.Count, articles.Count);
        return [.. new StoryAnalysisService().Analyze(articles).Select(r => JsonSerializer.Serialize(r, JsonReportWriter.Options))];
    }

    private static List<SourceDocument> Shuffled(IReadOnlyList<SourceDocument> sources, int seed)
    {
        var list = sources.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    private static void AssertStoredOnce(string cs, IReadOnlyList<SourceDocument> sources)
    {
        Assert.Equal(sources.Count, Scalar(cs, "SELECT count(*) FROM sources;"));
        Assert.Equal(sources.Count, Scalar(cs, "SELECT count(DISTINCT id) FROM sources;"));
        Assert.Equal(sources.Count, Scalar(cs, "SELECT count(*) FROM articles;"));
    }

    private static long Scalar(string cs, string sql)
    {
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
