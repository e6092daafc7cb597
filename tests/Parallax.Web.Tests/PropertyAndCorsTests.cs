using System.Net;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Parallax.Core;
using Parallax.Web.Pages;
using Parallax.Web.Watching;

namespace Parallax.Web.Tests;

public sealed class WebPropertyTests
{
    /// <summary>Any text and any spans: the rendered segments rebuild the text exactly and carry no raw markup.</summary>
    [Property(MaxTest = 300)]
    public bool HtmlText_AnyTextAndSpans_TilesTheTextEncoded(string? text, (int, int)[]? spans)
    {
        text ??= "";
        var article = new Article
        {
            Id = "p1", SourceId = "p100", Origin = "p.txt", Metadata = ArticleMetadata.Empty, RawText = text, Text = text, Map = OffsetMap.Identity(text.Length),
        };
        var html = Html.Text(article, spans ?? []);
        var inner = Regex.Replace(html, "^<div[^>]*>|</div>$", "");
        var segments = Regex.Matches(inner, "<span data-s=\"(\\d+)\" data-e=\"(\\d+)\">([^<]*)</span>");
        var rebuilt = string.Concat(segments.Select(m => text[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)..int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)]));
        return rebuilt == text && string.Concat(segments.Select(m => m.Value)) == inner;
    }

    /// <summary>Any file content as a feed list (OPML or URL list): diagnostics, never an exception; only http(s) URLs come out.</summary>
    [Property(MaxTest = 200)]
    public bool FeedList_AnyContent_NeverThrows(string? content, bool asOpml)
    {
        var path = Path.Combine(Path.GetTempPath(), "px-feedlist-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(path, asOpml ? "<opml><body><outline xmlUrl=\"" + WebUtility.HtmlEncode(content ?? "") + "\"/>" + (content ?? "") : content ?? "");
            var (feeds, _) = FeedList.Expand([path]);
            return feeds.All(f => f.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || f.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>A server started with one allowed CORS origin.</summary>
public sealed class CorsServer : ServerFixture
{
    protected override bool WithSamples => false;

    protected override WebOptions Configure(WebOptions options) => options with { CorsOrigins = ["http://allowed.example"] };
}

public sealed class CorsTests(CorsServer fixture) : IClassFixture<CorsServer>
{
    [Theory]
    [InlineData("http://allowed.example", true)]
    [InlineData("http://evil.example", false)]
    public async Task Cors_OnlyTheConfiguredOrigin(string origin, bool allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
        request.Headers.Add("Origin", origin);
        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }
}
