using System.Net;
using System.Net.Sockets;
using System.Text;
using Parallax.Core;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

public sealed class UrlReaderTests
{
    private static readonly ReaderOptions Online = ReaderOptions.Default with
    {
        AllowNetwork = true,
        HttpTimeout = TimeSpan.FromMilliseconds(1500),
        MaxRedirects = 3,
        MaxResponseBytes = 64 * 1024,
    };

    private static byte[]? Route(string path, string root) => path switch
    {
        "/article" => LocalHttpServer.Response(200, "text/html; charset=windows-1252", Windows1252(Html("“We cannot wait,” said the café owner."))),
        "/plain" => LocalHttpServer.Response(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("title: Pier\n\n" + PierStory)),
        "/gzip" => LocalHttpServer.Response(200, "text/html", Gzip(Encoding.UTF8.GetBytes(Html(FerryStory))), "Content-Encoding: gzip"),
        "/chunked" => LocalHttpServer.Response(200, "text/html; charset=utf-8", WarcWriter.Chunk(Encoding.UTF8.GetBytes(Html("Chunked ferry news.")), 13), "Transfer-Encoding: chunked"),
        "/big" => LocalHttpServer.Response(200, "text/html", new byte[100 * 1024]),
        "/big-chunked" => LocalHttpServer.Response(200, "text/html", WarcWriter.Chunk(Encoding.ASCII.GetBytes(new string('a', 100 * 1024)), 4096), "Transfer-Encoding: chunked"),
        "/image" => LocalHttpServer.Response(200, "image/png", [0x89, 0x50, 0x4E, 0x47]),
        "/404" => LocalHttpServer.Response(404, "text/html", "<p>nope</p>"u8.ToArray()),
        "/500" => LocalHttpServer.Response(500, "text/html", "<p>boom</p>"u8.ToArray()),
        "/slow" => null,
        "/loop-a" => LocalHttpServer.Redirect(302, "/loop-b"),
        "/loop-b" => LocalHttpServer.Redirect(301, "/loop-a"),
        "/no-location" => LocalHttpServer.Redirect(302, null),
        "/to-ftp" => LocalHttpServer.Redirect(302, "ftp://files.example/x"),
        "/empty" => LocalHttpServer.Response(200, "text/html", []),
        "/feed" => LocalHttpServer.Response(200, "application/rss+xml", Encoding.UTF8.GetBytes($"""
            <rss version="2.0"><channel><title>Local</title>
              <item><title>Fetched</title><link>{root}/article</link><description>Teaser one.</description></item>
              <item><title>Broken link</title><link>{root}/404</link><description>Teaser two.</description></item>
              <item><title>Full</title><link>{root}/article</link><description>x</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;Full text.&lt;/p&gt;</content:encoded></item>
            </channel></rss>
            """)),
        _ when path.StartsWith("/hop/", StringComparison.Ordinal) => int.Parse(path[5..]) is var n and > 0
            ? LocalHttpServer.Redirect(307, $"/hop/{n - 1}")
            : LocalHttpServer.Redirect(303, "/article"),
        _ => LocalHttpServer.Response(404, "text/plain", "unknown"u8.ToArray()),
    };

    private static async Task<(ReadResult Result, LocalHttpServer Server)> Fetch(string path, ReaderOptions? options = null)
    {
        LocalHttpServer? server = null;
        server = new LocalHttpServer(p => Route(p, server!.Url("")));
        using var reader = Reader(options ?? Online);
        var result = await Task.Run(() => reader.ReadOne(server.Url(path), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        AssertWellFormed(result);
        return (result, server);
    }

    [Fact]
    public async Task Url_Html_UsesContentTypeCharsetAndUserAgent()
    {
        var (result, server) = await Fetch("/article");
        await using (server)
        {
            var source = Assert.Single(result.Sources);
            Assert.Equal(SourceKind.Html, source.Kind);
            Assert.Equal("url", source.Reader);
            Assert.Equal("windows-1252 (content-type)", source.Encoding);
            Assert.Contains("“We cannot wait,” said the café owner.", source.RawText);
            Assert.Equal(server.Url("/article"), source.Hints.Url);
            Assert.Equal(server.Url("/article"), source.Origin);
            Assert.Equal(FixedTime.Instant, source.FetchedAt);
            var request = Assert.Single(server.Requests);
            Assert.Equal("Parallax/0.1 (+offline news comparison; contact: local)", request.Headers["User-Agent"]);
            Assert.Contains("gzip", request.Headers["Accept-Encoding"]);
            Assert.Contains("br", request.Headers["Accept-Encoding"]);
        }
    }

    [Fact]
    public async Task Url_PlainText_ParsesHeaderLines()
    {
        var (result, server) = await Fetch("/plain");
        await using (server)
        {
            var source = Assert.Single(result.Sources);
            Assert.Equal(SourceKind.Text, source.Kind);
            Assert.Equal("utf-8 (content-type)", source.Encoding);
            Assert.Equal("Pier", source.Hints.Title);
        }
    }

    [Theory]
    [InlineData("/gzip")]
    [InlineData("/chunked")]
    public async Task Url_TransferAndContentCodings_AreDecoded(string path)
    {
        var (result, server) = await Fetch(path);
        await using (server)
        {
            var source = Assert.Single(result.Sources);
            Assert.StartsWith("<!DOCTYPE html>", source.RawText);
        }
    }

    [Fact]
    public async Task Url_RedirectsWithinCap_AreFollowed()
    {
        var (result, server) = await Fetch("/hop/2");
        await using (server)
        {
            var source = Assert.Single(result.Sources);
            Assert.Equal(server.Url("/article"), source.Hints.Url);
            Assert.Equal(server.Url("/hop/2"), source.Origin);
            Assert.Equal(4, server.Requests.Count);
        }
    }

    [Theory]
    [InlineData("/hop/5", ReaderCodes.TooManyRedirects)]
    [InlineData("/loop-a", ReaderCodes.TooManyRedirects)]
    [InlineData("/no-location", ReaderCodes.BadRedirect)]
    [InlineData("/to-ftp", ReaderCodes.BadRedirect)]
    [InlineData("/404", ReaderCodes.HttpStatus)]
    [InlineData("/500", ReaderCodes.HttpStatus)]
    [InlineData("/big", ReaderCodes.ResponseTooLarge)]
    [InlineData("/big-chunked", ReaderCodes.ResponseTooLarge)]
    [InlineData("/image", ReaderCodes.UnsupportedContentType)]
    [InlineData("/empty", ReaderCodes.Empty)]
    public async Task Url_Failures_AreDiagnostics(string path, string code)
    {
        var (result, server) = await Fetch(path);
        await using (server)
        {
            Assert.Empty(result.Sources);
            Assert.Equal(code, Assert.Single(result.Diagnostics).Code);
            Assert.True(server.Requests.Count <= Online.MaxRedirects + 1);
        }
    }

    [Fact]
    public async Task Url_SlowServer_TimesOut()
    {
        var (result, server) = await Fetch("/slow", Online with { HttpTimeout = TimeSpan.FromMilliseconds(300) });
        await using (server)
        {
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(ReaderCodes.HttpTimeout, diagnostic.Code);
        }
    }

    [Fact]
    public void Url_ConnectionRefused_IsPX0117()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var reader = Reader(Online);
        var result = reader.ReadOne($"http://127.0.0.1:{port}/gone", TestContext.Current.CancellationToken);
        Assert.Equal(ReaderCodes.NetworkFailure, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task Feed_SummaryOnlyItems_FetchLinkedPageOrKeepSummary()
    {
        var (result, server) = await Fetch("/feed");
        await using (server)
        {
            Assert.Equal(3, result.Sources.Length);
            var fetched = result.Sources[0];
            Assert.Equal("url", fetched.Reader);
            Assert.Equal(server.Url("/article"), fetched.Origin);
            Assert.Equal("Fetched", fetched.Hints.Title);
            Assert.Equal(server.Url("/feed"), fetched.Hints.Feed);
            Assert.Contains("café owner", fetched.RawText);

            var fallback = result.Sources[1];
            Assert.Equal("rss", fallback.Reader);
            Assert.Equal("Teaser two.", fallback.RawText);
            Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.FeedItemFetchFailed && d.Severity == Severity.Warning);

            Assert.Equal("<p>Full text.</p>", result.Sources[2].RawText);
        }
    }

    [Fact]
    public async Task Url_RandomBodiesAndContentTypes_GiveWellFormedResults()
    {
        string?[] types = ["text/html", "text/plain; charset=klingon", "application/rss+xml", "application/feed+json", "application/octet-stream", null, "application/x-ndjson", "text/xml; charset=utf-16"];
        var random = new Random(20310311);
        var bodies = new Dictionary<string, byte[]>();
        for (var i = 0; i < 40; i++)
        {
            var body = new byte[random.Next(0, 2048)];
            random.NextBytes(body);
            if (i % 2 == 0)
            {
                // Links are made non-http so that no feed item makes the reader leave 127.0.0.1.
                var feed = FeedReaderTests.Rss.Replace("https://", "urn:x-", StringComparison.Ordinal);
                body = ReaderPropertyTests.Mutate(Encoding.UTF8.GetBytes(i % 4 == 0 ? feed : Html(PierStory)), random);
            }

            bodies[$"/r{i}"] = LocalHttpServer.Response(200, types[i % types.Length], body);
        }

        await using var server = new LocalHttpServer(p => bodies.GetValueOrDefault(p) ?? LocalHttpServer.Response(404, null, []));
        using var reader = Reader(Online);
        var results = await Task.Run(() => reader.Read(bodies.Keys.Select(server.Url), TestContext.Current.CancellationToken).ToList(), TestContext.Current.CancellationToken);
        Assert.Equal(bodies.Count, results.Count);
        foreach (var result in results)
        {
            AssertWellFormed(result);
        }
    }
}
