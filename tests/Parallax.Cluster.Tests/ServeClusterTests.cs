using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Parallax.Storage;
using Parallax.Testing;
using Parallax.Web;

namespace Parallax.Cluster.Tests;

/// <summary>
/// <c>serve --cluster</c>: the web server as a cluster client. An article posted to its API is stored and placed by the
/// cluster's node (one row per source, one placement), and the server's story list and detail show it, read back from the
/// cluster's PostgreSQL store. Bounded by <see cref="Budget"/>; loopback only.
/// </summary>
public sealed class ServeClusterTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(4);

    private const string Article = """
        outlet: Tessby Harbour Gazette
        date: 2026-03-12

        Ferry service between Tessby and Port Velin resumed on Wednesday after a two-day halt, the operator Corvane Lines said.
        The company said all 14 crossings scheduled for Thursday would run, and that a storm had damaged a loading ramp on Monday.
        "We expect no further delays," said Ilse Marrow, a spokeswoman for the operator.
        """;

    [Fact]
    public async Task ServeWithCluster_StoresThroughTheNodes_AndShowsTheStory()
    {
        var cs = PostgresServer.CreateDatabase();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Budget);
        using var nodes = new NodeProcesses(cs);
        var tokenPath = Path.Combine(Path.GetTempPath(), "px-serve-cluster-" + Guid.NewGuid().ToString("N")[..8] + ".token");
        try
        {
            await nodes.StartAsync(1, TimeSpan.FromSeconds(120), cts.Token);
            var (connection, error) = await ClusterConnection.ConnectAsync(cs, cancellationToken: cts.Token);
            Assert.True(connection is not null, error?.ToString());
            await using (connection)
            {
                var (reads, readError) = StoreLocator.Open(cs);
                Assert.True(reads is not null, readError?.ToString());
                var announce = new StringWriter();
                var options = new WebOptions
                {
                    Urls = ["http://127.0.0.1:0"],
                    Store = new ClusterArticleStore(connection, reads),
                    TokenPath = tokenPath,
                    Announce = announce,
                };
                var server = ParallaxServer.TryCreate(options, out var problem) ?? throw new InvalidOperationException(problem?.ToString());
                await using (server)
                {
                    await server.StartAsync(cts.Token);
                    using var client = new HttpClient { BaseAddress = new Uri(server.Addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))) };
                    using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles?name=ferry") { Content = new StringContent(Article, Encoding.UTF8, "text/plain") })
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Tokens.NewToken);
                        using var response = await client.SendAsync(request, cts.Token);
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    }

                    // Stored and placed by the cluster, exactly once.
                    Assert.Equal(1, Scalar(cs, "SELECT count(*) FROM sources;"));
                    Assert.Equal(1, Scalar(cs, "SELECT count(*) FROM cluster_placements;"));

                    var list = await GetJson(client, "/api/stories", cts.Token);
                    var story = Assert.Single(list.GetProperty("stories").EnumerateArray());
                    var detail = await GetJson(client, "/api/stories/" + story.GetProperty("id").GetString(), cts.Token);
                    Assert.Equal(1, detail.GetProperty("articleIds").GetArrayLength());
                    Assert.Contains("Corvane Lines", detail.GetRawText(), StringComparison.Ordinal);
                }
            }
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException(e.Message + "\n" + nodes.Logs, e);
        }
        finally
        {
            nodes.Dispose();
            File.Delete(tokenPath);
            PostgresServer.DropDatabase(cs);
        }
    }

    private static async Task<JsonElement> GetJson(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }

    private static long Scalar(string cs, string sql)
    {
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
