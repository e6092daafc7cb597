using System.Text;
using Microsoft.Playwright;

namespace Parallax.Web.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright's own driver (no browser download). Skipped, with the reason, only when
/// /usr/bin/chromium is absent; CI installs it (.ci/run).
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path))
        {
            Assert.Skip($"{Path} is not installed (apt-get install chromium); .ci/run installs it, so CI runs these tests");
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }

    public static string ScreenshotPath(string name)
    {
        var dir = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return System.IO.Path.Combine(dir, name + ".png");
    }
}

public sealed class BrowserTests(BrowserServer fixture) : IClassFixture<BrowserServer>
{
    private async Task<T> WithPage<T>(Func<IPage, Task<T>> body)
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            page.SetDefaultTimeout(60_000);
            page.SetDefaultNavigationTimeout(60_000);
            return await body(page);
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task StoryList_ShowsTheSampleStoryWithItsOutlets()
    {
        await WithPage(async page =>
        {
            await page.GotoAsync("/");
            var link = page.Locator("#covered a.story-link").First;
            Assert.Contains("Port Velin", await link.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Meridian Wire", await page.Locator("#covered table.stories tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("story-list"), FullPage = true });
            return 0;
        });
    }

    [Fact]
    public async Task StoryPage_ClickingAFactHighlightsItsSpans()
    {
        await WithPage(async page =>
        {
            await page.GotoAsync("/");
            await page.Locator("#covered a.story-link").First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/stories/[^/]+$"));
            Assert.Equal("Claim table", await page.Locator("#claims h2").InnerTextAsync());
            Assert.Equal(0, await page.Locator(".hl").CountAsync());

            var fact = page.Locator("#claims button.fact").First;
            var evidence = (await fact.GetAttributeAsync("data-ev"))!.Split(' ');
            await fact.ClickAsync();
            var highlighted = page.Locator(".text span.hl");
            await Assertions.Expect(highlighted.First).ToBeVisibleAsync();

            // Every highlighted character is inside one of the fact's spans, and the highlights spell exactly those spans.
            foreach (var spec in evidence)
            {
                var parts = spec.Split(':');
                var (id, start, end) = (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                var text = fixture.Server.Cache.Latest.ArticleById[id].Text;
                var shown = string.Concat(await page.Locator($"#text-{id} span.hl").AllInnerTextsAsync());
                Assert.Equal(text[start..end], shown);
            }

            Assert.Equal("true", await fact.EvaluateAsync<string>("el => String(el.classList.contains('active'))"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("story-fact-highlighted"), FullPage = false });

            // A lineage item (real analysis output) highlights too, and replaces the previous highlight.
            var passage = page.Locator("#lineage button.ev").First;
            if (await passage.CountAsync() > 0)
            {
                await passage.ClickAsync();
                Assert.Equal("false", await fact.EvaluateAsync<string>("el => String(el.classList.contains('active'))"));
                Assert.True(await page.Locator(".text span.hl").CountAsync() > 0);
            }

            return 0;
        });
    }

    [Fact]
    public async Task Search_FindsArticlesAndOpensOne()
    {
        await WithPage(async page =>
        {
            await page.GotoAsync("/");
            await page.FillAsync("header form.search input[name=q]", "bakery customs house");
            await page.PressAsync("header form.search input[name=q]", "Enter");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=bakery"));
            var results = page.Locator("#article-results a.article-link");
            Assert.True(await results.CountAsync() >= 1);
            Assert.Contains("Korn", await results.First.InnerTextAsync(), StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("search"), FullPage = true });
            await results.First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/[0-9a-f-]+$"));
            Assert.Contains("bakery", await page.Locator(".texts .text").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("What cleaning removed", await page.Locator("#removed h2").InnerTextAsync());
            return 0;
        });
    }

    [Fact]
    public async Task ArticleAndOutletPages_Render()
    {
        await WithPage(async page =>
        {
            // The sample with an embedded post set aside and removals (disclaimer, related link).
            var html = fixture.Server.Cache.Latest.Articles.First(a => !a.Embeds.IsEmpty);
            await page.GotoAsync($"/articles/{html.Id}");
            Assert.Equal(html.Removals.Length, await page.Locator("#removed tbody tr").CountAsync());
            Assert.Equal(html.Embeds.Length, await page.Locator("#embeds li").CountAsync());
            Assert.True(html.Removals.Length > 0);
            var shown = await page.Locator($"#text-{html.Id}").InnerTextAsync();
            Assert.Equal(Normalize(html.Text), Normalize(shown));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("article"), FullPage = true });
            await page.Locator(".meta a[href^='/outlets/']").First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/outlets/[^/]+$"));
            Assert.Equal(html.Metadata.Outlet, await page.Locator("main h1").InnerTextAsync());
            Assert.True(await page.Locator("#outlet-articles li").CountAsync() >= 1);
            return 0;
        });
    }

    private static string Normalize(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Hostile articles through the API, then every page in the browser: nothing they carry may run.</summary>
public sealed class XssTests(EmptyServer fixture) : IClassFixture<EmptyServer>
{
    private const string Payload = "window.__pwned = (window.__pwned || 0) + 1";

    private async Task Post(string body, string mediaType)
    {
        using var request = fixture.Authorized(HttpMethod.Post, "/api/articles", new StringContent(body, Encoding.UTF8, mediaType));
        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HostileArticles_NothingRuns()
    {
        var title = $"<img src=x onerror=\"{Payload}\"><script>{Payload}</script> Harbour \"quoted' title";
        await Post($"title: {title}\noutlet: <svg onload=\"{Payload}\">Evil Outlet</svg>\ndate 2031-06-01\n\n" +
            $"The Tessby harbour board met on Monday. <script>{Payload}</script> It approved the new pier lights.\n\n" +
            $"A link: <a href=\"javascript:{Payload}\">click</a> and <img src=x onerror=\"{Payload}\"> and <iframe src=\"javascript:{Payload}\"></iframe>.\n\n" +
            "Harbour master Edda Kvist said \"the lights will be on by July\" after the meeting.", "text/plain");
        await Post("<!doctype html><html><head><title>Harbour lights <script>" + Payload + "</script></title></head><body onload=\"" + Payload + "\"><article><h1>Harbour lights approved</h1>" +
            "<p>The Tessby harbour board approved new pier lights on Monday, the board's chair said.</p>" +
            "<p><a href=\"javascript:" + Payload + "\">Read more</a> <img src=x onerror=\"" + Payload + "\"> <script>" + Payload + "</script></p>" +
            "<p>The lights will cost 90,000 krona and should be working by July, according to the harbour master.</p></article></body></html>", "text/html");
        await Post("{\"outlet\":\"<script>" + Payload.Replace("\"", "\\\"", StringComparison.Ordinal) + "</script>\",\"title\":\"</title><script>" + Payload + "</script>\",\"url\":\"javascript:" + Payload + "\"," +
            "\"text\":\"The harbour board of Tessby approved pier lights. </textarea><script>" + Payload + "</script> The harbour master said they would be ready by July.\"}\n", "application/x-ndjson");

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = fixture.BaseAddress.ToString() });
            page.SetDefaultTimeout(60_000);
            page.SetDefaultNavigationTimeout(60_000);
            var dialogs = 0;
            page.Dialog += (_, dialog) =>
            {
                Interlocked.Increment(ref dialogs);
                _ = dialog.DismissAsync();
            };

            var visited = new List<string> { "/", "/outlets", "/search?q=" + Uri.EscapeDataString("<script>harbour</script>"), "/search?q=harbour" };
            await page.GotoAsync("/");
            foreach (var href in await page.Locator("a[href^='/stories/'], a[href^='/articles/'], a[href^='/outlets/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))"))
            {
                visited.Add(href);
            }

            var articleIds = fixture.Server.Cache.Latest.Articles.Select(a => a.Id).ToList();
            Assert.Equal(3, articleIds.Count);
            visited.AddRange(articleIds.Select(id => "/articles/" + id));
            foreach (var path in visited.Distinct())
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.Load);
                // Click every evidence item and every link whose href is not a page of ours (there should be none runnable).
                foreach (var button in await page.Locator("button.ev").AllAsync())
                {
                    await button.ClickAsync();
                }

                Assert.Equal(0, await page.Locator("a[href^='javascript:' i], [onerror], [onload], [onclick], iframe, main script").CountAsync());
                Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
            }

            // The hostile text is shown as text, not dropped: the title's markup is visible literally.
            await page.GotoAsync("/articles/" + fixture.Server.Cache.Latest.Articles.First(a => a.Metadata.Outlet.Contains("Evil", StringComparison.Ordinal) || (a.Metadata.Title ?? "").Contains("<img", StringComparison.Ordinal)).Id);
            var heading = await page.Locator("main h1").InnerTextAsync();
            Assert.Contains("<", heading, StringComparison.Ordinal);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("xss-article"), FullPage = true });
            Assert.Equal(0, dialogs);
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
