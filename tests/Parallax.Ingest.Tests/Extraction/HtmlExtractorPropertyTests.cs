using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Ingest.Extraction;

namespace Parallax.Ingest.Tests.Extraction;

public sealed class HtmlExtractorPropertyTests
{
    private static readonly HtmlExtractor _extractor = new();
    private static readonly string _fixture = HtmlExtractorTests.Fixture("harbour-bridge.html");

    private static bool ResultIsWellFormed(string html)
    {
        var result = _extractor.Extract(html, null);
        if (result.Page is { } page)
        {
            if (page.HtmlMap is { } map)
            {
                foreach (var s in map.Segments)
                {
                    if (html.Substring(s.RawStart, s.Length) != page.Text.Substring(s.CleanStart, s.Length))
                    {
                        return false;
                    }
                }
            }

            return page.Text.Length > 0 && result.Rejection is null;
        }

        return result.Rejection is { } r && r.Code.StartsWith("PX02", StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool HtmlExtractor_NeverThrowsOnRandomStrings(string? input) => ResultIsWellFormed(input ?? "");

    [Property(MaxTest = 100)]
    public bool HtmlExtractor_NeverThrowsOnMutatedHtml(PositiveInt seed, NonNegativeInt edits)
    {
        var random = new Random(seed.Get);
        var chars = _fixture.ToCharArray().ToList();
        string[] junk = ["<", ">", "</div>", "<p>", "&", "&#x", "\"", "<script>", "<!--", "\0", "\uD800", "<table><tr><td>", "&amp;", "\r\n"];
        for (var i = 0; i < 1 + (edits.Get % 40); i++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveRange(at, Math.Min(random.Next(1, 200), chars.Count - at));
                    break;
                case 1:
                    chars.InsertRange(at, junk[random.Next(junk.Length)]);
                    break;
                default:
                    var from = random.Next(chars.Count);
                    var length = Math.Min(random.Next(1, 300), chars.Count - from);
                    chars.InsertRange(at, chars.GetRange(from, length));
                    break;
            }

            if (chars.Count == 0)
            {
                break;
            }
        }

        return ResultIsWellFormed(new string([.. chars]));
    }

    [Property(MaxTest = 50)]
    public bool HtmlExtractor_IsDeterministicOnMutatedHtml(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var cut = random.Next(_fixture.Length);
        var html = _fixture[..cut] + _fixture[Math.Min(_fixture.Length, cut + random.Next(500))..];
        var a = _extractor.Extract(html, null);
        var b = _extractor.Extract(html, null);
        return a.Page?.Text == b.Page?.Text && a.Rejection?.Code == b.Rejection?.Code;
    }
}
