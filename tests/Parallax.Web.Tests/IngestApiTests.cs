using System.Net;
using System.Text;
using System.Text.Json;

namespace Parallax.Web.Tests;

/// <summary><c>POST /api/articles</c> against the real server over an empty store. Texts are our own fiction.</summary>
public sealed class IngestApiTests(EmptyServer fixture) : IClassFixture<EmptyServer>
{
    private const string Ferry = "title: Ferry to Orrin Island resumes after storm\noutlet: Lakeside Courier\ndate 2031-05-04\n\n" +
        "The ferry between Tessby and Orrin Island resumed service on Sunday morning after three days of storms kept it in harbour. " +
        "The operator, Orrin Lake Lines, said the first crossing carried 212 passengers and two lorries of supplies.\n\n" +
        "Harbour master Edda Kvist said the pier at Tessby had been checked overnight and declared safe.";

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string body, string mediaType, string? name = null)
    {
        using var request = fixture.Authorized(HttpMethod.Post, "/api/articles" + (name is null ? "" : "?name=" + name), new StringContent(body, Encoding.UTF8, mediaType));
        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<string> Version()
    {
        var text = await fixture.Client.GetStringAsync("/api/stories", TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.GetProperty("version").GetString()!;
    }

    [Fact]
    public async Task PostText_StoresOnceAndTheStoriesFollow()
    {
        var before = await Version();
        var (status, body) = await Post(Ferry, "text/plain", "ferry");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, body.GetProperty("inserted").GetInt32());
        var id = body.GetProperty("items")[0].GetProperty("articleId").GetString()!;

        var after = await Version();
        Assert.NotEqual(before, after);
        var article = JsonDocument.Parse(await fixture.Client.GetStringAsync($"/api/articles/{id}", TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("Lakeside Courier", article.GetProperty("article").GetProperty("outlet").GetString());
        Assert.NotNull(article.GetProperty("storyId").GetString());

        var (again, dup) = await Post(Ferry, "text/plain", "ferry");
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(0, dup.GetProperty("inserted").GetInt32());
        Assert.Equal(1, dup.GetProperty("duplicates").GetInt32());
        Assert.Equal(after, await Version());
    }

    [Fact]
    public async Task PostHtmlAndJsonLines_AreRead()
    {
        var html = "<!doctype html><html><head><title>Orrin bridge vote delayed</title><meta property=\"og:site_name\" content=\"Tessby Tribune\"></head><body><article><h1>Orrin bridge vote delayed</h1>" +
            "<p>The council of Tessby postponed its vote on a fixed bridge to Orrin Island until the autumn, citing the cost estimate of 41 million krona.</p>" +
            "<p>Councillor Mari Lund said residents deserved a full public hearing before any decision was taken on the crossing.</p>" +
            "<p>The ferry operator welcomed the delay and said it would publish its own passenger figures next month.</p></article></body></html>";
        var (status, body) = await Post(html, "text/html");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(1, body.GetProperty("inserted").GetInt32());

        var jsonl = "{\"outlet\":\"Orrin Weekly\",\"title\":\"Island school gets new roof\",\"published\":\"2031-05-02\",\"text\":\"The primary school on Orrin Island will get a new roof this summer. The island council approved the repair on Tuesday after a winter of leaks in two classrooms.\"}\n" +
            "{\"outlet\":\"Orrin Weekly\",\"title\":\"Fishing season opens\",\"published\":\"2031-05-03\",\"text\":\"The lake fishing season on Orrin opened on Saturday with forty boats out before dawn. The harbour master counted a record catch of perch by noon.\"}\n";
        var (s2, b2) = await Post(jsonl, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.Created, s2);
        Assert.Equal(2, b2.GetProperty("inserted").GetInt32());

        var one = "{\"outlet\":\"Orrin Weekly\",\"title\":\"Library extends hours\",\"text\":\"The Orrin library will open on Sundays from June. The librarian said the change follows a petition signed by ninety residents.\"}";
        var (s3, b3) = await Post(one, "application/json");
        Assert.Equal(HttpStatusCode.Created, s3);
        Assert.Equal(1, b3.GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task PostBadJsonLines_Is422WithReaderCode()
    {
        var (status, body) = await Post("{not json\n", "application/x-ndjson");
        Assert.Equal((HttpStatusCode)422, status);
        Assert.StartsWith("PX01", body.GetProperty("items")[0].GetProperty("diagnostics")[0].GetProperty("code").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "PX0804")]
    [InlineData("file:///etc/passwd", "PX0804")]
    [InlineData("ftp://example.org/a", "PX0804")]
    [InlineData("http://127.0.0.1:9/", "PX0805")]
    [InlineData("http://localhost:9/", "PX0805")]
    [InlineData("http://10.1.2.3/", "PX0805")]
    [InlineData("http://192.168.0.10/", "PX0805")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "PX0805")]
    [InlineData("http://[::1]:9/", "PX0805")]
    [InlineData("http://[fd00::1]/", "PX0805")]
    public async Task PostUrl_RefusesOtherSchemesAndPrivateAddresses(string url, string code)
    {
        var (status, body) = await Post(JsonSerializer.Serialize(new { url }), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, body.GetProperty("items")[0].GetProperty("diagnostics")[0].GetProperty("code").GetString());
        Assert.Equal(0, body.GetProperty("inserted").GetInt32());
    }

    [Fact]
    public async Task PostUrl_NameThatResolvesToLoopbackIsRefusedAtConnect()
    {
        // The machine's own name passes the name check; the connect-time check refuses the loopback/private address it resolves to.
        var host = Dns.GetHostName();
        var addresses = await Dns.GetHostAddressesAsync(host, TestContext.Current.CancellationToken);
        if (addresses.Length == 0 || addresses.Any(UrlGuard.IsPublic) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Skip($"the host name '{host}' does not resolve to non-public addresses only here");
        }

        var url = $"http://{host}:{fixture.BaseAddress.Port}/api/status";
        var (status, body) = await Post(JsonSerializer.Serialize(new { url }), "application/json");
        Assert.Equal((HttpStatusCode)422, status);
        var diagnostic = body.GetProperty("items")[0].GetProperty("diagnostics")[0];
        Assert.Contains("PX0805", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuardedClient_RefusesLoopbackUnlessAllowed()
    {
        var options = Parallax.Ingest.Readers.ReaderOptions.Default with { AllowNetwork = true };
        using (var guarded = UrlGuard.CreateClient(options, allowPrivate: false))
        {
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => guarded.GetAsync(new Uri(fixture.BaseAddress, "/api/status"), TestContext.Current.CancellationToken));
            Assert.Contains("PX0805", e.ToString(), StringComparison.Ordinal);
        }

        using var open = UrlGuard.CreateClient(options, allowPrivate: true);
        using var ok = await open.GetAsync(new Uri(fixture.BaseAddress, "/api/status"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task PostTooLarge_Is413()
    {
        // A raw request that declares a body over the cap: refused from the headers, before any body byte is read.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(fixture.BaseAddress.Host, fixture.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var head = $"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {fixture.Token}\r\nContent-Type: text/plain\r\nContent-Length: {new WebOptions().MaxRequestBytes + 1}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("HTTP/1.1 413", status, StringComparison.Ordinal);
        Assert.Contains("PX0802", await reader.ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostUnsupportedType_Is415()
    {
        var (status, body) = await Post("%PDF-1.4", "application/pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("PX0803", body.GetProperty("code").GetString());
    }
}
