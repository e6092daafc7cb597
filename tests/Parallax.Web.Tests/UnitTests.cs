using System.Collections.Immutable;
using System.Net;
using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Web.Pages;

namespace Parallax.Web.Tests;

public sealed class UrlGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.8.9.10", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2a00:1450:4001::1", true)]
    public void IsPublic_ClassifiesAddresses(string address, bool expected) =>
        Assert.Equal(expected, UrlGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://news.example/a", true, null)]
    [InlineData("javascript:alert(1)", false, "PX0804")]
    [InlineData("data:text/html,<script>", false, "PX0804")]
    [InlineData("relative/path", false, "PX0804")]
    [InlineData("", false, "PX0804")]
    [InlineData("http://127.0.0.1/", false, "PX0805")]
    [InlineData("http://foo.localhost/", false, "PX0805")]
    [InlineData("http://[::ffff:192.168.0.1]/", false, "PX0805")]
    public void Check_RefusesSchemesAndPrivateHosts(string url, bool ok, string? code)
    {
        var (uri, problem) = UrlGuard.Check(url, allowPrivate: false);
        Assert.Equal(ok, uri is not null);
        Assert.Equal(code, problem?.Code);
    }

    [Fact]
    public void Check_AllowsPrivateWhenConfigured() =>
        Assert.NotNull(UrlGuard.Check("http://127.0.0.1:8080/x", allowPrivate: true).Url);
}

public sealed class ApiTokensTests
{
    [Fact]
    public void LoadOrCreate_StoresOnlyTheHashAndShowsTheTokenOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), "px-token-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = ApiTokens.LoadOrCreate(path);
            var token = Assert.IsType<string>(first.NewToken);
            var stored = File.ReadAllText(path);
            Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
            Assert.Matches("^sha256:[0-9a-f]{64}\n$", stored);
            Assert.Equal(Hashing.Sha256Hex(token), stored.Trim()["sha256:".Length..]);

            var second = ApiTokens.LoadOrCreate(path);
            Assert.Null(second.NewToken);
            Assert.True(second.Verify("Bearer " + token));
            Assert.True(second.Verify("bearer " + token));
            Assert.False(second.Verify(token));
            Assert.False(second.Verify("Bearer " + token[..^1]));
            Assert.False(second.Verify("Bearer "));
            Assert.False(second.Verify(null));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class ExportsTests
{
    private static Article Make(string id, string outlet, string text) => new()
    {
        Id = id,
        SourceId = id + "00",
        Origin = id + ".txt",
        Metadata = new ArticleMetadata { Outlet = outlet, Title = "T " + id },
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
    };

    /// <summary>A snapshot holding only the articles (exports read the members of the report they are given).</summary>
    internal static StorySnapshot Snapshot(ImmutableArray<Article> articles, StoryReport story) => new(
        StorySnapshot.Fingerprint(articles.Select(a => a.Id)), articles, articles.ToImmutableDictionary(a => a.Id, StringComparer.Ordinal),
        [], articles.ToImmutableDictionary(a => a.Id, _ => story.Id, StringComparer.Ordinal), DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void Rows_OnePerFactAndOutlet_ContradictionWins()
    {
        ImmutableArray<Article> articles = [Make("a1", "Alpha", "Ships: 42 waited."), Make("b1", "Beta", "Ships: 40 waited."), Make("c1", "Gamma", "Nothing here.")];
        var fact = new FactReport("f1", "42 ships waited", [new EvidenceSpan("a1", 7, 17, "42 waited.")], ["c1"], [new EvidenceSpan("b1", 7, 17, "40 waited.")]);
        var story = new StoryReport { Id = "s1", Title = "Ships", ArticleIds = ["a1", "b1", "c1"], Facts = [fact] };
        var rows = Exports.Rows(Snapshot(articles, story), story);
        Assert.Equal(["Alpha:states", "Beta:contradicts", "Gamma:omits"], rows.Select(r => r.Outlet + ":" + r.Status));
        Assert.Equal("a1:7-17", rows[0].Spans);
        Assert.Equal("", rows[2].Spans);
    }

    [Fact]
    public void Csv_QuotesEveryFieldAndDefusesFormulas()
    {
        var csv = Exports.Csv([new FactOutletRow("s", "f", "=HYPERLINK(\"x\")", "O, \"quoted\"", "states", "a", "line\nbreak", "a:0-1")]);
        var lines = csv.Split("\r\n");
        Assert.Equal("\"s\",\"f\",\"'=HYPERLINK(\"\"x\"\")\",\"O, \"\"quoted\"\"\",\"states\",\"a\",\"line\nbreak\",\"a:0-1\"", lines[1]);
    }

    [Fact]
    public void HtmlText_SegmentsTileTheTextAndCutAtEverySpan()
    {
        var text = "Alpha <b>beta</b> & \"gamma\" — δέλτα 😀 end";
        var article = Make("x1", "O", text);
        var spans = new[] { (6, 17), (20, 27), (36, 38), (0, 400) };
        var html = Html.Text(article, spans);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        var segments = Regex.Matches(html, "<span data-s=\"(\\d+)\" data-e=\"(\\d+)\">(.*?)</span>").ToList();
        var rebuilt = string.Concat(segments.Select(m => WebUtility.HtmlDecode(m.Groups[3].Value)));
        Assert.Equal(text, rebuilt);
        var starts = segments.Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(6, starts);
        Assert.Contains(17, starts);
        Assert.Contains(36, starts);
        for (var i = 0; i < segments.Count; i++)
        {
            var s = int.Parse(segments[i].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var e = int.Parse(segments[i].Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(text[s..e], WebUtility.HtmlDecode(segments[i].Groups[3].Value));
        }
    }
}
