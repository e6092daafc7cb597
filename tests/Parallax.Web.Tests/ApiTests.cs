using System.Net;
using System.Text;
using System.Text.Json;
using Parallax.Core.Reporting;
using Parallax.Reporting;

namespace Parallax.Web.Tests;

/// <summary>The JSON API against the real server on 127.0.0.1 over the samples (read-only).</summary>
public sealed class ApiTests(SampleServer fixture) : IClassFixture<SampleServer>
{
    private readonly HttpClient _client = fixture.Client;

    private Task<JsonElement> GetJson(string path) => fixture.GetJsonAsync(path);

    private async Task<string> MainStoryId()
    {
        var list = await GetJson("/api/stories?sort=coverage");
        return list.GetProperty("stories")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Stories_ListTheSampleStoryWithOutletsAndOrigins()
    {
        var list = await GetJson("/api/stories?sort=coverage");
        Assert.Equal(6, list.GetProperty("articleCount").GetInt32());
        var main = list.GetProperty("stories")[0];
        Assert.True(main.GetProperty("articles").GetInt32() >= 5);
        var outlets = main.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Contains("Meridian Wire", outlets);
        Assert.Contains("The Harbour Ledger", outlets);
        // The Harbour Ledger reprints Meridian Wire: fewer origins than articles.
        Assert.InRange(main.GetProperty("origins").GetInt32(), 1, main.GetProperty("articles").GetInt32() - 1);
        Assert.Matches("^[0-9a-f]{16}$", list.GetProperty("version").GetString()!);
    }

    [Fact]
    public async Task StoryDetail_IsTheReportContract()
    {
        var id = await MainStoryId();
        using var response = await _client.GetAsync($"/api/stories/{id}", TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var story = JsonSerializer.Deserialize<StoryReport>(json, JsonReportWriter.Options)!;
        Assert.Equal(id, story.Id);
        Assert.Equal(fixture.Server.Cache.Latest.Report(id), story, new StoryJsonComparer());
        foreach (var key in new[] { "facts", "conflicts", "quotes", "timeline", "entities", "framing", "summary", "origins" })
        {
            Assert.True(JsonDocument.Parse(json).RootElement.TryGetProperty(key, out _), key);
        }
    }

    [Theory]
    [InlineData("/api/stories/no-such-story")]
    [InlineData("/api/articles/0000000000000000")]
    [InlineData("/api/stories/no-such-story/export?format=csv")]
    public async Task UnknownIds_Are404WithCode(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("PX0806", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Articles_ListAndDetailCarryTheCleanedText()
    {
        var list = await GetJson("/api/articles");
        Assert.Equal(6, list.GetArrayLength());
        var first = list[0];
        var id = first.GetProperty("id").GetString()!;
        var detail = await GetJson($"/api/articles/{id}");
        var text = detail.GetProperty("article").GetProperty("text").GetString();
        Assert.Equal(fixture.Server.Cache.Latest.ArticleById[id].Text, text);
        Assert.Equal(first.GetProperty("storyId").GetString(), detail.GetProperty("storyId").GetString());
        Assert.NotEqual(JsonValueKind.Undefined, detail.GetProperty("origin").ValueKind);

        var ledger = await GetJson("/api/articles?outlet=The%20Harbour%20Ledger");
        Assert.All(ledger.EnumerateArray(), a => Assert.Equal("The Harbour Ledger", a.GetProperty("outlet").GetString()));
        Assert.True(ledger.GetArrayLength() >= 1);
    }

    [Fact]
    public async Task Search_FindsArticlesAndTheirStories()
    {
        var result = await GetJson("/api/search?q=dockworkers%20union");
        var articles = result.GetProperty("articles");
        Assert.True(articles.GetArrayLength() >= 2);
        var stories = result.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains(await MainStoryId(), stories);

        var bakery = await GetJson("/api/search?q=bakery");
        Assert.Contains(bakery.GetProperty("articles").EnumerateArray(), a => a.GetProperty("outlet").GetString() == "Coastline Business Review");

        var none = await GetJson("/api/search?q=%22%29%28*");
        Assert.Equal(0, none.GetProperty("articles").GetArrayLength());
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("jsonl", "application/x-ndjson")]
    [InlineData("csv", "text/csv")]
    [InlineData("md", "text/markdown")]
    [InlineData("html", "text/html")]
    public async Task Export_EveryFormat(string format, string mediaType)
    {
        var id = await MainStoryId();
        using var response = await _client.GetAsync($"/api/stories/{id}/export?format={format}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var story = fixture.Server.Cache.Latest.Report(id)!;
        var outlets = fixture.Server.Cache.Latest.OutletsOf(story).Length;
        switch (format)
        {
            case "json":
                var report = JsonReportWriter.Read(body)!;
                Assert.Equal(id, Assert.Single(report.Stories).Id);
                Assert.Equal(story.ArticleIds.Order(StringComparer.Ordinal), report.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
                break;
            case "jsonl":
                Assert.Equal(story.Facts.Length * outlets, body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
                break;
            case "csv":
                var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal("story_id,fact_id,fact,outlet,status,article_ids,evidence,spans", lines[0]);
                Assert.Equal(1 + (story.Facts.Length * outlets), lines.Length);
                break;
            case "md":
                Assert.Contains(story.Title.Split(' ')[0], body, StringComparison.Ordinal);
                break;
            case "html":
                Assert.StartsWith("<!doctype html>", body.TrimStart(), StringComparison.OrdinalIgnoreCase);
                break;
        }
    }

    [Fact]
    public async Task Export_UnknownFormatIs400()
    {
        var id = await MainStoryId();
        using var response = await _client.GetAsync($"/api/stories/{id}/export?format=xlsx", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PX0807", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryApiRoute()
    {
        var doc = await GetJson("/openapi.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/stories/{id}/export", "/api/articles", "/api/articles/{id}", "/api/search", "/api/feeds", "/api/status" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.True(paths.GetProperty("/api/articles").TryGetProperty("post", out _));
        Assert.False(paths.TryGetProperty("/", out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/stories")]
    [InlineData("/static/app.js")]
    [InlineData("/api/stories/nope")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(ParallaxServer.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self'", ParallaxServer.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), "CORS is off by default");
    }

    [Fact]
    public async Task Feeds_EmptyWhenNotWatching()
    {
        var feeds = await GetJson("/api/feeds");
        Assert.Equal(0, feeds.GetArrayLength());
    }

    [Fact]
    public async Task Post_WithoutOrWithWrongTokenIs401()
    {
        using var none = await _client.PostAsync("/api/articles", new StringContent("title: x\n\nSome text.", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("PX0801", await none.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent("text", Encoding.UTF8, "text/plain") };
        wrong.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.Token + "x");
        using var wrongResponse = await _client.SendAsync(wrong, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(6, fixture.Server.Cache.Store.ListArticles().Length);
    }

    /// <summary>Compares two stories by their contract JSON.</summary>
    private sealed class StoryJsonComparer : IEqualityComparer<StoryReport>
    {
        public bool Equals(StoryReport? x, StoryReport? y) =>
            JsonSerializer.Serialize(x, JsonReportWriter.Options) == JsonSerializer.Serialize(y, JsonReportWriter.Options);

        public int GetHashCode(StoryReport obj) => 0;
    }
}
