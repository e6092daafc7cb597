using System.Net;
using System.Text;
using System.Text.Json;

namespace Parallax.Web.Tests;

/// <summary>The samples with the real analysis, for the incremental tests that write (their own store).</summary>
public sealed class IncrementalServer : ServerFixture;

/// <summary>Writes through the API reach the story list and the story detail without re-analysing the whole store.</summary>
public sealed class IncrementalApiTests(IncrementalServer fixture) : IClassFixture<IncrementalServer>
{
    private Task<JsonElement> GetJson(string path) => fixture.GetJsonAsync(path);

    [Fact]
    public async Task PostedArticles_JoinTheirStoryAndOpenANewOne()
    {
        var list = await GetJson("/api/stories?sort=coverage");
        var main = list.GetProperty("stories")[0];
        var mainArticles = main.GetProperty("articles").GetInt32();
        Assert.True(main.GetProperty("analysed").GetBoolean(), "the warm-up analyses the most covered story");
        var stories = list.GetProperty("stories").GetArrayLength();

        foreach (var (text, name) in new[] { (AnalysisCacheTests.StrikeFollowUp, "courier"), (AnalysisCacheTests.FerryNote, "ferry") })
        {
            using var request = fixture.Authorized(HttpMethod.Post, "/api/articles?name=" + name, new StringContent("outlet: Velin Evening Courier\ndate: 2026-03-14\n\n" + text, Encoding.UTF8, "text/plain"));
            using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // The read after the writes sees them at once, placed online (a provisional snapshot); the stories asserted here
        // are the consolidated ones, which follow in the background once the writes pause.
        Assert.Equal(8, (await GetJson("/api/stories")).GetProperty("articleCount").GetInt32());
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!(await GetJson("/api/status")).GetProperty("consolidated").GetBoolean())
        {
            Assert.True(DateTime.UtcNow < deadline, "not consolidated within 2 minutes");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var after = await GetJson("/api/stories?sort=coverage");
        Assert.Equal(8, after.GetProperty("articleCount").GetInt32());
        var all = after.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(stories + 1, all.Count);
        Assert.Equal(mainArticles + 1, all[0].GetProperty("articles").GetInt32());
        var ferry = Assert.Single(all, s => s.GetProperty("title").GetString()!.Contains("Tessby", StringComparison.Ordinal));
        Assert.Equal(1, ferry.GetProperty("articles").GetInt32());

        // The new story's detail is the full report contract, equal to what the server's cache holds.
        var id = ferry.GetProperty("id").GetString()!;
        var detail = await GetJson("/api/stories/" + id);
        Assert.Equal(id, detail.GetProperty("id").GetString());
        Assert.Equal(1, detail.GetProperty("articleIds").GetArrayLength());
    }
}
