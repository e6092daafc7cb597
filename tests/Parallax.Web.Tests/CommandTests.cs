using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Parallax.Web.Tests;

/// <summary><c>parallax serve</c> and <c>parallax watch</c> as real processes, the way a user runs them.</summary>
public sealed partial class CommandTests(FeedServer feeds) : IClassFixture<FeedServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("px-cmd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parallax.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    [Fact]
    public async Task WatchOnce_StoresAGoodFeedAndFailsOnABadOne()
    {
        using (var good = Start("watch", feeds.BaseUrl + "/sample.xml", "--once", "--db", "w.db"))
        {
            var stderr = await good.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await good.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, good.ExitCode);
            Assert.Contains("1 stored", stderr, StringComparison.Ordinal);
        }

        using var bad = Start("watch", feeds.BaseUrl + "/down.xml", feeds.BaseUrl + "/sample.xml", "--once", "--db", "w.db");
        var err = await bad.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await bad.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("PX0815", err, StringComparison.Ordinal);
        Assert.Contains("1 already stored", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ShowsTheTokenOnceAndAnswers()
    {
        using var server = Start("serve", "--urls", "http://127.0.0.1:0", "--db", "s.db");
        try
        {
            var lines = new List<string>();
            string? url = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            while (url is null && await server.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                url = ServingRegex().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            }

            Assert.NotNull(url);
            Assert.Contains(lines, l => l.StartsWith("API token", StringComparison.Ordinal));
            var token = lines[lines.FindIndex(l => l.StartsWith("API token", StringComparison.Ordinal)) + 1];
            Assert.DoesNotContain(token, File.ReadAllText(Path.Combine(_dir, "s.db.token")), StringComparison.Ordinal);

            using var client = new HttpClient { BaseAddress = new Uri(url) };
            var status = JsonDocument.Parse(await client.GetStringAsync("/api/status", TestContext.Current.CancellationToken)).RootElement;
            Assert.Equal(0, status.GetProperty("articles").GetInt32());
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
            {
                Content = new StringContent("title: Tessby pier reopens\noutlet: Lakeside Courier\n\nThe Tessby pier reopened on Friday after repairs to its lights.", System.Text.Encoding.UTF8, "text/plain"),
            };
            post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var posted = await client.SendAsync(post, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // A second start over the same store keeps the token: it is not shown again.
        using var again = Start("serve", "--urls", "http://127.0.0.1:0", "--db", "s.db");
        try
        {
            var first = await again.StandardError.ReadLineAsync(TestContext.Current.CancellationToken);
            Assert.StartsWith("serving ", first, StringComparison.Ordinal);
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"^serving .* on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ServingRegex();
}
