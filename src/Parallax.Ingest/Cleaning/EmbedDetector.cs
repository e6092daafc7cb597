using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingest.Cleaning;

/// <summary>An embed found in the raw text: the lines it occupies (each removed as <see cref="RemovalKind.Embed"/> with its rule) and the embed itself.</summary>
public sealed record EmbedHit(ImmutableArray<(int Line, string Rule)> Lines, Embed Embed);

/// <summary>
/// Finds social posts pasted into article text: a post line followed by an attribution line
/// (<c>— Name (@handle) December 11, 2025</c>, the way Twitter/X, Bluesky and Mastodon blockquotes flatten to text),
/// and the residue of Instagram, Telegram, Facebook and YouTube embeds. Pure and thread-safe.
/// </summary>
public static class EmbedDetector
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;

    /// <summary>Post lines longer than this (without a post link) are treated as story text, not as the post.</summary>
    public const int MaxPostLength = 400;

    private static readonly Regex _attribution = new(
        @"^[—–―-]{1,2}\s*(?<name>[^()—–―\r\n]{1,80}?)\s*\((?<handle>@[\p{L}\p{N}_.@-]{1,64})\)\s*(?<rest>.{0,200})$", Options);

    // The post and its attribution flattened onto one line: "Post text pic.twitter.com/x — Name (@handle) March 4, 2025".
    private static readonly Regex _inlineAttribution = new(
        @"^(?<lead>.{1,400}?)\s[—–―]{1,2}\s*(?<name>[^()—–―\r\n]{1,80}?)\s*\((?<handle>@[\p{L}\p{N}_.@-]{1,64})\)\s*(?<rest>.{0,200})$", Options);

    private static readonly Regex _postMarker = new(@"(https?://|pic\.twitter\.com/|\bt\.co/|(^|\s)[#@]\w)", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _reporting = new(@"\b(said|says|told|according to)\b", Options | RegexOptions.IgnoreCase);

    /// <summary>Longest plain post (no link, hashtag or mention) taken as the text of an attributed embed.</summary>
    public const int MaxPlainPostLength = 280;

    private static readonly Regex _postLink = new(
        @"(https?://\S+|\bpic\.twitter\.com/\S+|\bt\.co/\S+)", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _statusLink = new(
        @"https?://(www\.|mobile\.)?(twitter|x)\.com/\S+/status(es)?/\d+\S*|https?://bsky\.app/profile/\S+/post/\S+", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _instagramView = new(@"^view this (post|photo|video|reel|profile) on instagram$", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _instagramShared = new(
        @"^a (post|photo|video|reel) (shared|posted) by (?<name>[^()]{1,80}?)(\s*\((?<handle>@[\p{L}\p{N}_.]{1,64})\)\s*(?<rest>.{0,60})|\s+on\s+(?<rest>[^()]{6,60}))?$",
        Options | RegexOptions.IgnoreCase);

    private static readonly Regex _telegramResidue = new(@"^(view in telegram|open in telegram|view (this )?post in telegram|open channel in telegram)$", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _twitterResidue = new(
        @"^(view (this )?(post|tweet) on (x|twitter)|see (the )?latest (posts|tweets|videos) on (x|twitter)|load tweet|embedded (tweet|post)|see more on (x|twitter))$",
        Options | RegexOptions.IgnoreCase);

    private static readonly Regex _youtubeResidue = new(@"^(watch on youtube|youtube video player|watch this video on youtube|embedded video)$", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _facebookPosted = new(@"^posted by (?<name>[^\r\n]{1,80}?) on (?<date>[^\r\n]{6,60})$", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _platformUrl = new(
        @"^<?(?<url>https?://(www\.|m\.)?(?<host>t\.me|telegram\.me|youtube\.com|youtu\.be|instagram\.com|twitter\.com|x\.com|facebook\.com|fb\.watch|tiktok\.com|bsky\.app)/\S*)>?$",
        Options | RegexOptions.IgnoreCase);

    /// <summary>
    /// Finds embeds among the lines whose <paramref name="available"/> flag is set (not yet removed, not blank).
    /// <paramref name="content"/> holds each line's trimmed raw span.
    /// </summary>
    public static ImmutableArray<EmbedHit> Find(string raw, IReadOnlyList<TextSpan> content, IReadOnlyList<bool> available, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(available);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var hits = new List<EmbedHit>();
        var used = new bool[content.Count];
        for (var i = 0; i < content.Count; i++)
        {
            if (!available[i] || used[i])
            {
                continue;
            }

            var line = content[i].Of(raw);
            var hit = MatchAttribution(raw, content, available, used, i, line, diagnostics)
                ?? MatchInstagram(raw, content, available, used, i, line)
                ?? MatchResidue(content, i, line);
            if (hit is null)
            {
                continue;
            }

            foreach (var (l, _) in hit.Lines)
            {
                used[l] = true;
            }

            hits.Add(hit);
        }

        return [.. MergeAdjacentResidue(hits, content, available)];
    }

    private static EmbedHit? MatchAttribution(string raw, IReadOnlyList<TextSpan> content, IReadOnlyList<bool> available, bool[] used, int i, string line, List<Diagnostic> diagnostics)
    {
        var m = _attribution.Match(line);
        var inline = false;
        if (!m.Success)
        {
            m = _inlineAttribution.Match(line);
            if (!m.Success)
            {
                return null;
            }

            inline = true;
        }

        var rest = m.Groups["rest"].Value;
        var restUrl = _postLink.Match(rest);
        var dateText = (restUrl.Success ? rest.Remove(restUrl.Index, restUrl.Length) : rest).Trim().Trim(',', '.').Trim();
        var hasDate = WrittenDate.TryParse(dateText, out var date);
        var handle = m.Groups["handle"].Value;
        if (!hasDate && !restUrl.Success && (inline || rest.Trim().Length > 0))
        {
            // "— Jane Doe (@jane) said the talks failed" is prose, not an attribution; an inline one needs its date or link.
            return null;
        }

        if (inline)
        {
            var lead = m.Groups["lead"];
            var leadText = lead.Value.Trim();
            string? inlineUrl = _statusLink.Match(rest) is { Success: true } st ? st.Value
                : _postLink.Match(leadText) is { Success: true } pl ? pl.Value
                : restUrl.Success ? restUrl.Value : null;
            return new EmbedHit([(i, "embed-inline")], new Embed
            {
                Kind = EmbedKind.SocialPost,
                RawSpan = content[i],
                Text = leadText,
                Author = m.Groups["name"].Value.Trim(),
                Handle = handle,
                DateText = dateText.Length > 0 ? dateText : null,
                Date = hasDate ? date.ToIso() : null,
                Url = inlineUrl,
                Platform = PlatformOf(handle, inlineUrl),
            });
        }

        // The post: the nearest earlier non-blank line, at most one blank line away, not yet removed.
        int? post = null;
        var blanks = 0;
        for (var j = i - 1; j >= 0 && blanks <= 1; j--)
        {
            if (content[j].IsEmpty)
            {
                blanks++;
                continue;
            }

            if (available[j] && !used[j])
            {
                post = j;
            }

            break;
        }

        string postText = "";
        var lines = ImmutableArray.CreateBuilder<(int, string)>();
        var start = content[i].Start;
        string? url = _statusLink.Match(rest) is { Success: true } s ? s.Value : null;
        if (post is { } p)
        {
            var candidate = content[p].Of(raw);
            var link = _postLink.Match(candidate);
            if (LooksLikePost(candidate))
            {
                postText = candidate;
                lines.Add((p, "embed-post"));
                start = content[p].Start;
                url ??= _statusLink.Match(candidate) is { Success: true } ps ? ps.Value : link.Success ? link.Value : null;
            }
            else
            {
                diagnostics.Add(Diagnostic.Info(
                    CleaningCodes.EmbedWithoutPost,
                    $"{CleaningCodes.EmbedWithoutPost}: attribution of {handle} follows a line that reads as story text ({candidate.Length} chars); that line is kept"));
            }
        }
        else
        {
            diagnostics.Add(Diagnostic.Info(CleaningCodes.EmbedWithoutPost, $"{CleaningCodes.EmbedWithoutPost}: attribution of {handle} has no post line before it"));
        }

        url ??= restUrl.Success ? restUrl.Value : null;
        lines.Add((i, "embed-attribution"));
        var platform = PlatformOf(handle, url);
        return new EmbedHit(lines.ToImmutable(), new Embed
        {
            Kind = EmbedKind.SocialPost,
            RawSpan = new TextSpan(start, content[i].End),
            Text = postText,
            Author = m.Groups["name"].Value.Trim(),
            Handle = handle,
            DateText = dateText.Length > 0 ? dateText : null,
            Date = hasDate ? date.ToIso() : null,
            Url = url,
            Platform = platform,
        });
    }

    /// <summary>
    /// Whether the line before an attribution is the post: yes when it carries a link, hashtag or mention; otherwise only
    /// a short line that does not introduce the embed (<c>… tweeted:</c>) or report speech (<c>said</c>), since the
    /// post's own text is sometimes lost in scraping and the line before is then the story's.
    /// </summary>
    public static bool LooksLikePost(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_postMarker.IsMatch(line))
        {
            return line.Length <= MaxPostLength || _postLink.IsMatch(line);
        }

        return line.Length <= MaxPlainPostLength && !line.EndsWith(':') && !_reporting.IsMatch(line);
    }

    private static string PlatformOf(string handle, string? url) =>
        handle.Contains(".bsky.", StringComparison.OrdinalIgnoreCase) || (url?.Contains("bsky.app", StringComparison.OrdinalIgnoreCase) ?? false)
            ? "bluesky"
            : handle.IndexOf('@', 1) > 0 ? "mastodon" : "twitter";

    private static EmbedHit? MatchInstagram(string raw, IReadOnlyList<TextSpan> content, IReadOnlyList<bool> available, bool[] used, int i, string line)
    {
        var isView = _instagramView.IsMatch(line);
        var shared = _instagramShared.Match(line);
        if (!isView && !shared.Success)
        {
            return null;
        }

        var lines = ImmutableArray.CreateBuilder<(int, string)>();
        lines.Add((i, "instagram-residue"));
        var end = content[i].End;
        var captionParts = new List<TextSpan>();
        if (isView)
        {
            // "View this post on Instagram" [caption lines] "A post shared by Name (@handle)": take the block up to 4 lines on.
            for (var j = i + 1; j < content.Count && j <= i + 4; j++)
            {
                if (content[j].IsEmpty)
                {
                    continue;
                }

                if (!available[j] || used[j])
                {
                    break;
                }

                var next = content[j].Of(raw);
                var sm = _instagramShared.Match(next);
                if (sm.Success)
                {
                    for (var k = i + 1; k < j; k++)
                    {
                        if (!content[k].IsEmpty)
                        {
                            lines.Add((k, "embed-post"));
                            captionParts.Add(content[k]);
                        }
                    }

                    lines.Add((j, "instagram-residue"));
                    end = content[j].End;
                    shared = sm;
                    break;
                }

                if (next.Length > MaxPostLength)
                {
                    break;
                }
            }
        }

        var rest = shared.Success ? shared.Groups["rest"].Value.Trim() : "";
        if (rest.StartsWith("on ", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[3..];
        }

        var hasDate = WrittenDate.TryParse(rest, out var date);
        return new EmbedHit(lines.ToImmutable(), new Embed
        {
            Kind = EmbedKind.SocialPost,
            RawSpan = new TextSpan(content[i].Start, end),
            // Verbatim: from the first caption line to the last, with the raw line breaks between them.
            Text = captionParts.Count == 0 ? "" : raw[captionParts[0].Start..captionParts[^1].End],
            Author = shared.Success ? shared.Groups["name"].Value.Trim() : null,
            Handle = shared.Success && shared.Groups["handle"].Success ? shared.Groups["handle"].Value : null,
            DateText = hasDate ? rest : null,
            Date = hasDate ? date.ToIso() : null,
            Platform = "instagram",
        });
    }

    private static EmbedHit? MatchResidue(IReadOnlyList<TextSpan> content, int i, string line)
    {
        string? platform = null;
        string? url = null;
        string rule;
        string? author = null;
        string? dateText = null;
        string? iso = null;
        if (_telegramResidue.IsMatch(line))
        {
            (platform, rule) = ("telegram", "telegram-residue");
        }
        else if (_twitterResidue.IsMatch(line))
        {
            (platform, rule) = ("twitter", "twitter-residue");
        }
        else if (_youtubeResidue.IsMatch(line))
        {
            (platform, rule) = ("youtube", "youtube-residue");
        }
        else if (_facebookPosted.Match(line) is { Success: true } fb && WrittenDate.TryParse(fb.Groups["date"].Value, out var fbDate))
        {
            (platform, rule) = ("facebook", "facebook-residue");
            author = fb.Groups["name"].Value;
            dateText = fb.Groups["date"].Value;
            iso = fbDate.ToIso();
        }
        else if (_platformUrl.Match(line) is { Success: true } pu)
        {
            url = pu.Groups["url"].Value;
            platform = pu.Groups["host"].Value.ToLowerInvariant() switch
            {
                "t.me" or "telegram.me" => "telegram",
                "youtube.com" or "youtu.be" => "youtube",
                "instagram.com" => "instagram",
                "twitter.com" or "x.com" => "twitter",
                "facebook.com" or "fb.watch" => "facebook",
                "tiktok.com" => "tiktok",
                _ => "bluesky",
            };
            rule = "embed-url";
        }
        else
        {
            return null;
        }

        return new EmbedHit([(i, rule)], new Embed
        {
            Kind = platform is "youtube" or "tiktok" ? EmbedKind.Video : EmbedKind.SocialPost,
            RawSpan = content[i],
            Text = "",
            Author = author,
            DateText = dateText,
            Date = iso,
            Url = url,
            Platform = platform,
        });
    }

    /// <summary>Residue lines of one platform with nothing but blank lines between them are one embed.</summary>
    private static IEnumerable<EmbedHit> MergeAdjacentResidue(List<EmbedHit> hits, IReadOnlyList<TextSpan> content, IReadOnlyList<bool> available)
    {
        EmbedHit? current = null;
        foreach (var hit in hits)
        {
            if (current is not null && current.Embed.Platform == hit.Embed.Platform && IsResidueOnly(current) && IsResidueOnly(hit)
                && OnlyBlankBetween(content, current.Lines[^1].Line, hit.Lines[0].Line))
            {
                var a = current.Embed;
                var b = hit.Embed;
                current = new EmbedHit(current.Lines.AddRange(hit.Lines), a with
                {
                    RawSpan = new TextSpan(a.RawSpan.Start, b.RawSpan.End),
                    Author = a.Author ?? b.Author,
                    DateText = a.DateText ?? b.DateText,
                    Date = a.Date ?? b.Date,
                    Url = a.Url ?? b.Url,
                    Kind = a.Kind == EmbedKind.Video || b.Kind == EmbedKind.Video ? EmbedKind.Video : a.Kind,
                });
                continue;
            }

            if (current is not null)
            {
                yield return current;
            }

            current = hit;
        }

        if (current is not null)
        {
            yield return current;
        }

        static bool IsResidueOnly(EmbedHit h) => h.Embed.Text.Length == 0 && h.Lines.All(l => l.Rule != "embed-attribution");

        static bool OnlyBlankBetween(IReadOnlyList<TextSpan> content, int a, int b)
        {
            for (var k = a + 1; k < b; k++)
            {
                if (!content[k].IsEmpty)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
