using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using Parallax.Core;

namespace Parallax.Web.Watching;

/// <summary>A feed to watch and its own polling interval (null: the watcher's default).</summary>
public sealed record FeedSpec(string Url, TimeSpan? Interval = null);

/// <summary>
/// Turns what the user named into feed URLs: http(s) URLs as they are; OPML files (every outline's <c>xmlUrl</c>;
/// an optional <c>interval</c> attribute in seconds); other files as lists with one URL per line, optionally followed
/// by an interval in seconds (<c>#</c> starts a comment). OPML is read with DTDs prohibited and no resolver (no XXE).
/// Problems are diagnostics (PX0816), never exceptions. Duplicate URLs are kept once (first wins).
/// </summary>
public static class FeedList
{
    private static readonly XmlReaderSettings _settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 16L * 1024 * 1024,
    };

    public static (ImmutableArray<FeedSpec> Feeds, ImmutableArray<Diagnostic> Problems) Expand(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var feeds = new List<FeedSpec>();
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var raw in inputs)
        {
            var input = raw.Trim();
            if (IsHttp(input))
            {
                feeds.Add(new FeedSpec(input));
                continue;
            }

            if (!File.Exists(input))
            {
                problems.Add(WebErrors.Error(WebErrors.FeedListUnreadable, "not an http(s) URL and no such file", input));
                continue;
            }

            try
            {
                var text = File.ReadAllText(input);
                if (text.TrimStart().StartsWith('<'))
                {
                    ReadOpml(text, input, feeds, problems);
                }
                else
                {
                    ReadList(text, input, feeds, problems);
                }
            }
            catch (IOException e)
            {
                problems.Add(WebErrors.Error(WebErrors.FeedListUnreadable, e.Message, input));
            }
            catch (UnauthorizedAccessException e)
            {
                problems.Add(WebErrors.Error(WebErrors.FeedListUnreadable, e.Message, input));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ([.. feeds.Where(f => seen.Add(f.Url))], problems.ToImmutable());
    }

    private static void ReadOpml(string text, string path, List<FeedSpec> feeds, ImmutableArray<Diagnostic>.Builder problems)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), _settings);
            var found = 0;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "outline" && reader.GetAttribute("xmlUrl") is { } url)
                {
                    url = url.Trim();
                    if (!IsHttp(url))
                    {
                        problems.Add(WebErrors.Error(WebErrors.FeedListUnreadable, $"outline xmlUrl '{Clip(url)}' is not an http(s) URL; skipped", path));
                        continue;
                    }

                    found++;
                    feeds.Add(new FeedSpec(url, Seconds(reader.GetAttribute("interval"))));
                }
            }

            if (found == 0)
            {
                problems.Add(WebErrors.Error(WebErrors.FeedListUnreadable, "no outline with an http(s) xmlUrl", path));
            }
        }
        catch (XmlException e)
        {
            problems.Add(WebErrors.Error(WebErrors.FeedListUnreadable, $"malformed OPML: {e.Message}", path));
        }
    }

    private static void ReadList(string text, string path, List<FeedSpec> feeds, ImmutableArray<Diagnostic>.Builder problems)
    {
        var lineNo = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNo++;
            var content = line.Split('#')[0].Trim();
            if (content.Length == 0)
            {
                continue;
            }

            var parts = content.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (!IsHttp(parts[0]))
            {
                problems.Add(WebErrors.Error(WebErrors.FeedListUnreadable, $"line {lineNo}: '{Clip(parts[0])}' is not an http(s) URL; skipped", path));
                continue;
            }

            feeds.Add(new FeedSpec(parts[0], parts.Length > 1 ? Seconds(parts[1]) : null));
        }
    }

    private static TimeSpan? Seconds(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : null;

    private static bool IsHttp(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private static string Clip(string s) => s.Length <= 120 ? s : s[..120] + "…";
}
