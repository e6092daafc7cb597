using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Parallax.Core;

namespace Parallax.Ingest.Extraction;

/// <summary>
/// Reads what a page says about itself: title, site name, authors, publication date, language, canonical URL and
/// description, from meta tags, JSON-LD, <c>rel=author</c>, <c>&lt;time&gt;</c>, the URL and byline text.
/// Stateless and thread-safe; never throws for bad data (unreadable fields are skipped, with a diagnostic).
/// </summary>
public static partial class MetadataReader
{
    private static readonly string[] _dateMetaNames =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "published_time", "datepublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date",
        "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date", "article.published", "article_date_original",
        "original-publish-date", "cxenseparse:recs:publishtime", "displaydate", "pub_date", "created",
    ];

    private static readonly string[] _authorMetaNames = ["author", "article:author", "dc.creator", "dc.creator.aut", "sailthru.author", "parsely-author", "byl", "dcterms.creator", "citation_author"];

    private static readonly HashSet<string> _junkAuthors = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "staff", "staff writer", "staff reporter", "admin", "administrator", "editor", "editors", "the editors", "editorial",
        "editorial staff", "editorial board", "contributor", "contributors", "guest", "guest author", "author", "authors", "anonymous",
        "unknown", "web", "webmaster", "newsroom", "news desk", "news", "desk", "digital", "online", "reporter", "correspondent",
        "email the author", "email", "e-mail", "contact", "contact the author", "follow", "twitter", "facebook", "instagram", "linkedin",
        "more by this author", "view all posts", "all posts", "read more", "bio", "profile", "posted", "written", "and", "more",
    };

    /// <summary>Reads the metadata of <paramref name="document"/>; <paramref name="url"/> is the page's address when known.</summary>
    public static ArticleMetadata Read(IHtmlDocument document, string? url, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var meta = CollectMeta(document);
        var jsonLd = ReadJsonLd(document, diagnostics);

        var title = Clean(First(meta, "og:title", "twitter:title", "dc.title", "headline", "sailthru.title", "parsely-title"))
            ?? Clean(jsonLd.Headline)
            ?? Clean(document.Title);
        var siteName = Clean(First(meta, "og:site_name", "application-name", "al:android:app_name", "al:ios:app_name", "twitter:site:name", "publisher", "dc.publisher"))
            ?? Clean(jsonLd.Publisher);
        var description = Clean(First(meta, "og:description", "description", "twitter:description", "dc.description")) ?? Clean(jsonLd.Description);
        var canonical = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(canonical))
        {
            canonical = Clean(First(meta, "og:url")) ?? Clean(jsonLd.Url);
        }

        var language = Clean(document.DocumentElement?.GetAttribute("lang"))
            ?? Clean(document.DocumentElement?.GetAttribute("xml:lang"))
            ?? Clean(First(meta, "content-language", "language", "dc.language", "og:locale"))
            ?? Clean(jsonLd.Language);
        if (language is not null)
        {
            language = language.Replace('_', '-');
        }

        var authors = ReadAuthors(document, meta, jsonLd);
        var published = ReadDate(document, meta, jsonLd, url);

        return ArticleMetadata.Empty with
        {
            Title = title,
            SiteName = siteName,
            Description = description,
            CanonicalUrl = string.IsNullOrEmpty(canonical) ? null : canonical,
            Language = language,
            Authors = authors,
            Published = published,
            Url = url,
        };
    }

    /// <summary>Names from one author string: strips "By", roles, handles and URLs, splits on "and", commas and similar; drops junk.</summary>
    public static ImmutableArray<string> CleanAuthors(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var text = WhitespaceRegex().Replace(raw, " ").Trim();
        text = BylinePrefixRegex().Replace(text, "");
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var part in AuthorSplitRegex().Split(text))
        {
            var name = part.Trim().Trim('.', ':', '-', '–', '—', '|', '/', '(', ')', '"', '\'', '“', '”', ' ');
            name = BylinePrefixRegex().Replace(name, "").Trim();
            if (IsPlausibleName(name))
            {
                result.Add(name);
            }
        }

        return result.ToImmutable();
    }

    private static bool IsPlausibleName(string name)
    {
        if (name.Length < 3 || name.Length > 60 || _junkAuthors.Contains(name))
        {
            return false;
        }

        if (name.StartsWith('@') || name.Contains("://", StringComparison.Ordinal) || name.Contains("www.", StringComparison.OrdinalIgnoreCase)
            || name.Contains('@') || name.Contains('/') || name.Contains('{') || name.Contains('<'))
        {
            return false;
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 5)
        {
            return false;
        }

        // Domains ("Example.com") and lone credentials or initialisms ("RDN", "PhD", "MD") are not names.
        if (DomainRegex().IsMatch(name) || (words.Length == 1 && name.Length <= 5 && name.Count(char.IsUpper) >= 2))
        {
            return false;
        }

        if (!name.Any(char.IsUpper) || name.Any(char.IsDigit))
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        return !JunkAuthorWordRegex().IsMatch(lower);
    }

    private static ImmutableArray<string> ReadAuthors(IHtmlDocument document, Dictionary<string, string> meta, JsonLdInfo jsonLd)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = ImmutableArray.CreateBuilder<string>();
        void Add(IEnumerable<string> names)
        {
            foreach (var n in names)
            {
                if (seen.Add(n))
                {
                    result.Add(n);
                }
            }
        }

        foreach (var a in jsonLd.Authors)
        {
            Add(CleanAuthors(a));
        }

        if (result.Count == 0)
        {
            foreach (var name in _authorMetaNames)
            {
                if (meta.TryGetValue(name, out var v))
                {
                    Add(CleanAuthors(v));
                }
            }
        }

        if (result.Count == 0)
        {
            foreach (var el in document.QuerySelectorAll("[rel=author], [itemprop=author], .byline, .author, [class*=byline], [class*=author-name]").Take(8))
            {
                var text = el.GetAttribute("content") ?? el.TextContent;
                if (text.Length < 120)
                {
                    Add(CleanAuthors(text));
                }
            }
        }

        return result.ToImmutable();
    }

    private static PublicationDate? ReadDate(IHtmlDocument document, Dictionary<string, string> meta, JsonLdInfo jsonLd, string? url)
    {
        if (meta.TryGetValue("article:published_time", out var v) && ParseDate(v, "meta:article:published_time") is { } d0)
        {
            return d0;
        }

        if (jsonLd.DatePublished is { } jd && ParseDate(jd, "json-ld") is { } d1)
        {
            return d1;
        }

        foreach (var name in _dateMetaNames)
        {
            if (meta.TryGetValue(name, out var mv) && ParseDate(mv, "meta:" + name) is { } d2)
            {
                return d2;
            }
        }

        foreach (var el in document.QuerySelectorAll("[itemprop=datePublished]"))
        {
            var value = el.GetAttribute("content") ?? el.GetAttribute("datetime") ?? el.TextContent;
            if (ParseDate(value, "itemprop:datePublished") is { } d3)
            {
                return d3;
            }
        }

        var times = document.QuerySelectorAll("time[datetime]");
        var preferred = times.FirstOrDefault(t => t.HasAttribute("pubdate") || (t.ClassName ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase)) ?? times.FirstOrDefault();
        if (preferred is not null && ParseDate(preferred.GetAttribute("datetime"), "time") is { } d4)
        {
            return d4;
        }

        if (url is not null)
        {
            var m = UrlDateRegex().Match(url);
            if (m.Success && int.TryParse(m.Groups["y"].Value, CultureInfo.InvariantCulture, out var y) && int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out var mo)
                && int.TryParse(m.Groups["d"].Value, CultureInfo.InvariantCulture, out var day) && y is >= 1990 and <= 2100 && mo is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, mo))
            {
                return new PublicationDate { Date = new DateOnly(y, mo, day), Source = "url" };
            }
        }

        foreach (var el in document.QuerySelectorAll(".byline, .date, .dateline, .timestamp, [class*=publish], [class*=posted], [class*=date]").Take(10))
        {
            var text = el.TextContent;
            if (text.Length < 200 && ParseDate(text, "byline") is { } d5)
            {
                return d5;
            }
        }

        return null;
    }

    /// <summary>Parses a date as pages write it (ISO 8601, RFC 1123, "November 19, 2019", "19 Nov 2019"); null when none is found.</summary>
    public static PublicationDate? ParseDate(string? text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        var iso = IsoDateRegex().Match(text);
        if (iso.Success)
        {
            if (!TryDate(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, out var date))
            {
                return null;
            }

            TimeOnly? time = null;
            TimeSpan? offset = null;
            if (iso.Groups["h"].Success && int.TryParse(iso.Groups["h"].Value, CultureInfo.InvariantCulture, out var h) && int.TryParse(iso.Groups["min"].Value, CultureInfo.InvariantCulture, out var mi) && h < 24 && mi < 60)
            {
                var s = iso.Groups["s"].Success && int.TryParse(iso.Groups["s"].Value, CultureInfo.InvariantCulture, out var sv) && sv < 60 ? sv : 0;
                time = new TimeOnly(h, mi, s);
                var z = iso.Groups["z"].Value;
                if (z is "Z" or "z")
                {
                    offset = TimeSpan.Zero;
                }
                else if (z.Length >= 3 && int.TryParse(z.AsSpan(1, 2), CultureInfo.InvariantCulture, out var oh))
                {
                    var om = z.Length >= 5 && int.TryParse(z.AsSpan(z.Length - 2, 2), CultureInfo.InvariantCulture, out var omv) ? omv : 0;
                    if (oh <= 14 && om < 60)
                    {
                        offset = new TimeSpan(oh, om, 0) * (z[0] == '-' ? -1 : 1);
                    }
                }
            }

            return new PublicationDate { Date = date, Time = time, Offset = offset, Source = source };
        }

        if (text.Length < 40 && text.Contains(':', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var stamp) && stamp.Year is >= 1990 and <= 2100)
        {
            return new PublicationDate { Date = DateOnly.FromDateTime(stamp.DateTime), Time = TimeOnly.FromDateTime(stamp.DateTime), Offset = stamp.Offset, Source = source };
        }

        var written = WrittenDateRegex().Match(text);
        if (written.Success)
        {
            var month = MonthNumber(written.Groups["mon"].Success ? written.Groups["mon"].Value : written.Groups["mon2"].Value);
            var day = written.Groups["d"].Success ? written.Groups["d"].Value : written.Groups["d2"].Value;
            var year = written.Groups["y"].Success ? written.Groups["y"].Value : written.Groups["y2"].Value;
            if (month > 0 && TryDate(year, month.ToString(CultureInfo.InvariantCulture), day, out var date))
            {
                return new PublicationDate { Date = date, Source = source };
            }
        }

        if (text.Length < 64 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto) && dto.Year is >= 1990 and <= 2100)
        {
            return new PublicationDate { Date = DateOnly.FromDateTime(dto.DateTime), Time = TimeOnly.FromDateTime(dto.DateTime), Offset = dto.Offset, Source = source };
        }

        return null;
    }

    private static bool TryDate(string y, string m, string d, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(y, CultureInfo.InvariantCulture, out var year) || !int.TryParse(m, CultureInfo.InvariantCulture, out var month) || !int.TryParse(d, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }

        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int MonthNumber(string name)
    {
        var n = name.ToLowerInvariant().TrimEnd('.');
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var i = 0; i < months.Length; i++)
        {
            if (n.StartsWith(months[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static Dictionary<string, string> CollectMeta(IHtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var el in document.QuerySelectorAll("meta"))
        {
            var key = el.GetAttribute("property") ?? el.GetAttribute("name") ?? el.GetAttribute("itemprop") ?? el.GetAttribute("http-equiv");
            var content = el.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            key = key.Trim().ToLowerInvariant();
            if (key is "author" or "article:author" && meta.TryGetValue(key, out var existing))
            {
                meta[key] = existing + ", " + content;
            }
            else
            {
                meta.TryAdd(key, content);
            }
        }

        return meta;
    }

    private static string? First(Dictionary<string, string> meta, params string[] names)
    {
        foreach (var n in names)
        {
            if (meta.TryGetValue(n, out var v) && !string.IsNullOrWhiteSpace(v))
            {
                return v;
            }
        }

        return null;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = WhitespaceRegex().Replace(System.Net.WebUtility.HtmlDecode(value), " ").Trim();
        return s.Length == 0 ? null : s;
    }

    private sealed class JsonLdInfo
    {
        public List<string> Authors { get; } = [];
        public string? DatePublished { get; set; }
        public string? Headline { get; set; }
        public string? Publisher { get; set; }
        public string? Description { get; set; }
        public string? Language { get; set; }
        public string? Url { get; set; }
    }

    private static JsonLdInfo ReadJsonLd(IHtmlDocument document, List<Diagnostic> diagnostics)
    {
        var info = new JsonLdInfo();
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var json = script.TextContent;
            if (string.IsNullOrWhiteSpace(json) || json.Length > 2_000_000)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Visit(doc.RootElement, info, 0);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                // ArgumentException: the block holds unpaired surrogates, which cannot be read as JSON text.
                diagnostics.Add(Diagnostic.Warning(ExtractionCodes.MetadataUnreadable, $"JSON-LD block is not valid JSON: {ex.Message}"));
            }
        }

        return info;
    }

    private static readonly HashSet<string> _articleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "TechArticle", "ScholarlyArticle", "LiveBlogPosting", "SocialMediaPosting", "WebPage", "Posting",
    };

    private static void Visit(JsonElement element, JsonLdInfo info, int depth)
    {
        if (depth > 6)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, info, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, info, depth + 1);
        }

        var isArticle = element.TryGetProperty("@type", out var type) && TypeNames(type).Any(t => _articleTypes.Contains(t));
        if (!isArticle)
        {
            return;
        }

        var isWebPage = TypeNames(type).All(t => t is "WebPage");
        if (!isWebPage && info.Authors.Count == 0 && element.TryGetProperty("author", out var author))
        {
            CollectNames(author, info.Authors, 0);
        }

        if (info.DatePublished is null && element.TryGetProperty("datePublished", out var date) && date.ValueKind == JsonValueKind.String)
        {
            info.DatePublished = date.GetString();
        }

        if (!isWebPage && info.Headline is null && element.TryGetProperty("headline", out var headline) && headline.ValueKind == JsonValueKind.String)
        {
            info.Headline = headline.GetString();
        }

        if (info.Publisher is null && element.TryGetProperty("publisher", out var publisher))
        {
            var names = new List<string>();
            CollectNames(publisher, names, 0);
            info.Publisher = names.FirstOrDefault();
        }

        if (info.Description is null && element.TryGetProperty("description", out var desc) && desc.ValueKind == JsonValueKind.String)
        {
            info.Description = desc.GetString();
        }

        if (info.Language is null && element.TryGetProperty("inLanguage", out var lang) && lang.ValueKind == JsonValueKind.String)
        {
            info.Language = lang.GetString();
        }

        if (info.Url is null && element.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
        {
            info.Url = u.GetString();
        }
    }

    private static IEnumerable<string> TypeNames(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => [type.GetString() ?? ""],
        JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString() ?? ""),
        _ => [],
    };

    private static void CollectNames(JsonElement value, List<string> names, int depth)
    {
        if (depth > 3)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                names.Add(value.GetString() ?? "");
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    CollectNames(item, names, depth + 1);
                }

                break;
            case JsonValueKind.Object:
                if (value.TryGetProperty("name", out var name))
                {
                    CollectNames(name, names, depth + 1);
                }

                break;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();

    [GeneratedRegex(@"\.(com|org|net|co|uk|de|fr|io|info|news|tv|ca|au|br|it|es)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DomainRegex();

    [GeneratedRegex(@"^\s*((written|posted|reported|compiled|edited|photos?|text|words|story)\s+)?(by|von|par|por|door|di|av)\b[:\s]*|^\s*(author|authors|byline)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BylinePrefixRegex();

    [GeneratedRegex(@"\s+(?:and|&|und|et|y)\s+|\s*[,;|•·]\s*|\s+-\s+|\s+—\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorSplitRegex();

    [GeneratedRegex(@"\b(email|e-mail|follow|twitter|facebook|instagram|linkedin|contact|subscribe|posts?|profile|updated|published|staff|writer|reporter|correspondent|editor|columnist|contributor|photographer|click|view|more|read|comments?|share|minutes?|ago|hours?|min)\b")]
    private static partial Regex JunkAuthorWordRegex();

    [GeneratedRegex(@"/(?<y>(19|20)\d{2})[/-](?<m>[01]?\d)[/-](?<d>[0-3]?\d)(/|-|$|\.)")]
    private static partial Regex UrlDateRegex();

    [GeneratedRegex(@"(?<y>(19|20)\d{2})-(?<m>[01]\d)-(?<d>[0-3]\d)(?:[T ](?<h>[0-2]\d):(?<min>[0-5]\d)(?::(?<s>[0-5]\d)(?:\.\d+)?)?\s*(?<z>Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?")]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex(@"\b(?:(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:19|20)\d{2})|(?<d2>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?<mon2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y2>(?:19|20)\d{2}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDateRegex();
}
