using System.Collections.Immutable;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>One feed item before it becomes a source.</summary>
/// <param name="Index">1-based position among the feed's items.</param>
/// <param name="Hints">Title, link, date, authors, syndication source, id, feed.</param>
/// <param name="Content">Full content (<c>content:encoded</c>, Atom <c>content</c>, <c>content_html</c>/<c>content_text</c>); null when absent or blank.</param>
/// <param name="Summary">Summary (<c>description</c>, Atom <c>summary</c>, JSON Feed <c>summary</c>); null when absent or blank.</param>
/// <param name="Link">The item's page, when it is an absolute http(s) URL.</param>
internal sealed record FeedItem(int Index, SourceHints Hints, string? Content, SourceKind ContentKind, string? Summary, SourceKind SummaryKind, Uri? Link);

/// <summary>What a feed document holds.</summary>
/// <param name="Format"><c>rss</c>, <c>rdf</c>, <c>atom</c>, <c>jsonfeed</c> or <c>opml</c>.</param>
/// <param name="FeedRefs">OPML only: the <c>xmlUrl</c> of every outline, verbatim, in document order.</param>
internal sealed record ParsedFeed(string Format, string? Title, ImmutableArray<FeedItem> Items, ImmutableArray<string> FeedRefs, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Parses RSS 2.0 / RSS 1.0 (RDF), Atom and OPML with a streaming <see cref="XmlReader"/> (over text decoded by
/// <see cref="TextDecoder.DecodeHtml"/>, so the XML declaration's encoding is honoured) that refuses DTDs and never
/// resolves external entities (no XXE), and JSON Feed 1.x with System.Text.Json. Malformed XML yields PX0120 with the
/// line and position, and the items read before the error are kept. Pure (no I/O beyond the given bytes).
/// </summary>
internal static class FeedParser
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string Atom03Ns = "http://purl.org/atom/ns#";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    private static readonly XmlReaderSettings _settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        MaxCharactersFromEntities = 1024,
    };

    public static ParsedFeed ParseXml(ReadOnlyMemory<byte> bytes, string feedName, int maxItems, CancellationToken cancellationToken)
    {
        var items = ImmutableArray.CreateBuilder<FeedItem>();
        var refs = ImmutableArray.CreateBuilder<string>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var format = "";
        string? title = null;
        var total = 0;
        // Decoded here (BOM, XML declaration, UTF-8, legacy fallback) rather than by XmlReader, which knows no
        // legacy code pages without a process-wide provider registration.
        var decoded = TextDecoder.DecodeHtml(bytes.Span, subject: feedName);
        diagnostics.AddRange(decoded.Diagnostics);
        try
        {
            using var reader = XmlReader.Create(new StringReader(decoded.Text), _settings);
            reader.MoveToContent();
            var root = reader.LocalName.ToLowerInvariant();
            format = root switch
            {
                "rss" => "rss",
                "rdf" => "rdf",
                "feed" when reader.NamespaceURI is AtomNs or Atom03Ns or "" => "atom",
                "opml" => "opml",
                _ => "",
            };
            if (format == "")
            {
                diagnostics.Add(Diagnostic.Error(ReaderCodes.UnknownFeedFormat, $"root element <{TextDecoder.Clip(reader.Name)}> is not rss, RDF, Atom feed or opml", feedName));
                return new ParsedFeed(format, null, [], [], diagnostics.ToImmutable());
            }

            reader.Read();
            while (!reader.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                var name = reader.LocalName;
                if (format == "opml")
                {
                    if (name == "outline" && reader.GetAttribute("xmlUrl") is { } xmlUrl && !string.IsNullOrWhiteSpace(xmlUrl))
                    {
                        refs.Add(xmlUrl.Trim());
                    }
                    else if (name == "title" && title is null)
                    {
                        title = Clean(((XElement)XNode.ReadFrom(reader)).Value);
                        continue;
                    }

                    reader.Read();
                    continue;
                }

                if (name == "item" || (name == "entry" && format == "atom"))
                {
                    var element = (XElement)XNode.ReadFrom(reader);
                    total++;
                    if (items.Count < maxItems)
                    {
                        items.Add(format == "atom" ? AtomItem(element, total, feedName) : RssItem(element, total, feedName));
                    }

                    continue;
                }

                if (name == "title" && title is null)
                {
                    title = Clean(((XElement)XNode.ReadFrom(reader)).Value);
                    continue;
                }

                reader.Read();
            }
        }
        catch (XmlException e)
        {
            diagnostics.Add(Diagnostic.Error(ReaderCodes.MalformedXml, $"malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message} ({items.Count} item(s) read before the error are kept)", feedName));
        }
        catch (ArgumentException e)
        {
            // Thrown by XmlReader for an encoding it cannot provide, e.g. encoding="utf-7".
            diagnostics.Add(Diagnostic.Error(ReaderCodes.MalformedXml, $"unreadable XML: {e.Message}", feedName));
        }

        if (total > maxItems)
        {
            diagnostics.Add(Diagnostic.Warning(ReaderCodes.FeedTooManyItems, $"feed has {total} items; only the first {maxItems} are read", feedName));
        }

        return new ParsedFeed(format, title, items.ToImmutable(), refs.ToImmutable(), diagnostics.ToImmutable());
    }

    private static FeedItem RssItem(XElement item, int index, string feedName)
    {
        string? Child(string ns, string local) => Clean(item.Element(XName.Get(local, ns))?.Value);
        string? Plain(string local) => Clean(item.Elements().FirstOrDefault(e => e.Name.LocalName == local && (e.Name.NamespaceName == "" || e.Name.NamespaceName.StartsWith("http://purl.org/rss/1.0", StringComparison.Ordinal)))?.Value);

        var authors = item.Elements(XName.Get("creator", DcNs)).Select(e => Clean(e.Value))
            .Concat(item.Elements("author").Select(e => RssAuthor(e.Value)))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToImmutableArray();
        var source = item.Element("source");
        var link = Plain("link") ?? (item.Element("guid") is { } guid && (string?)guid.Attribute("isPermaLink") != "false" ? Clean(guid.Value) : null);
        var hints = new SourceHints
        {
            Id = Clean(item.Element("guid")?.Value) ?? (string?)item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")),
            Title = Plain("title"),
            Url = link,
            Published = Plain("pubDate") ?? Child(DcNs, "date"),
            Authors = authors,
            SyndicationSource = Clean(source?.Value),
            SyndicationSourceUrl = Clean((string?)source?.Attribute("url")),
            Language = Child(DcNs, "language"),
            Feed = feedName,
        };
        // RSS descriptions are HTML (escaped) in practice; so is content:encoded.
        return new FeedItem(index, hints, Child(ContentNs, "encoded"), SourceKind.Html, Plain("description"), SourceKind.Html, HttpUri(link));
    }

    private static FeedItem AtomItem(XElement entry, int index, string feedName)
    {
        var ns = entry.Name.NamespaceName;
        XName N(string local) => XName.Get(local, ns);
        string? Text(string local) => Clean(entry.Element(N(local))?.Value);

        var link = entry.Elements(N("link"))
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => Clean((string?)l.Attribute("href")))
            .FirstOrDefault(h => h is not null);
        var source = entry.Element(N("source"));
        var hints = new SourceHints
        {
            Id = Text("id"),
            Title = Text("title"),
            Url = link,
            Published = Text("published") ?? Text("issued") ?? Text("updated") ?? Text("modified"),
            Authors = entry.Elements(N("author")).Select(a => Clean(a.Element(N("name"))?.Value) ?? Clean(a.Value)).OfType<string>().Distinct(StringComparer.Ordinal).ToImmutableArray(),
            SyndicationSource = Clean(source?.Element(N("title"))?.Value),
            SyndicationSourceUrl = Clean((string?)source?.Elements(N("link")).FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href"))
                ?? Clean(source?.Element(N("id"))?.Value),
            Feed = feedName,
        };
        var (content, contentKind) = AtomText(entry.Element(N("content")));
        var (summary, summaryKind) = AtomText(entry.Element(N("summary")));
        return new FeedItem(index, hints, content, contentKind, summary, summaryKind, HttpUri(link));
    }

    // Atom text constructs: type="text" (default) is text, "html" is escaped HTML, "xhtml" is an inline <div>.
    private static (string? Text, SourceKind Kind) AtomText(XElement? element)
    {
        if (element is null || element.Attribute("src") is not null)
        {
            return (null, SourceKind.Text);
        }

        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant() ?? "text";
        if (type is "xhtml" or "application/xhtml+xml")
        {
            var div = element.Elements().FirstOrDefault() ?? element;
            var inner = string.Concat(div.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            return (Clean(inner), SourceKind.Html);
        }

        return (Clean(element.Value), type is "html" or "text/html" ? SourceKind.Html : SourceKind.Text);
    }

    public static ParsedFeed ParseJson(ReadOnlyMemory<byte> bytes, string feedName, int maxItems)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var items = ImmutableArray.CreateBuilder<FeedItem>();
        var span = bytes.Span;
        if (TextDecoder.DetectBom(span) is { Name: "utf-8" })
        {
            bytes = bytes[3..];
        }
        else if (TextDecoder.DetectBom(span) is not null || !System.Text.Unicode.Utf8.IsValid(span))
        {
            // JSON is UTF-8 by definition; anything else is decoded by the text rules and re-encoded, with a note.
            var decoded = TextDecoder.DecodeText(span, feedName);
            diagnostics.Add(Diagnostic.Warning(ReaderCodes.MalformedJsonFeed, $"JSON Feed is not UTF-8; decoded as {decoded.Label}", feedName));
            bytes = System.Text.Encoding.UTF8.GetBytes(decoded.Text);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String
                || !version.GetString()!.Contains("jsonfeed.org/version", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(Diagnostic.Error(ReaderCodes.UnknownFeedFormat, "JSON document is not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/1.x\")", feedName));
                return new ParsedFeed("jsonfeed", null, [], [], diagnostics.ToImmutable());
            }

            var title = Str(root, "title");
            var feedAuthors = JsonAuthors(root);
            if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    index++;
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        diagnostics.Add(Diagnostic.Warning(ReaderCodes.MalformedJsonFeed, $"item {index} is not an object; skipped", $"{feedName}#item{index}"));
                        continue;
                    }

                    if (items.Count >= maxItems)
                    {
                        diagnostics.Add(Diagnostic.Warning(ReaderCodes.FeedTooManyItems, $"feed has {list.GetArrayLength()} items; only the first {maxItems} are read", feedName));
                        break;
                    }

                    var url = Str(item, "url") ?? Str(item, "external_url");
                    var authors = JsonAuthors(item);
                    var hints = new SourceHints
                    {
                        Id = Str(item, "id"),
                        Title = Str(item, "title"),
                        Url = url,
                        Published = Str(item, "date_published") ?? Str(item, "date_modified"),
                        Authors = authors.IsEmpty ? feedAuthors : authors,
                        Language = Str(item, "language") ?? Str(root, "language"),
                        Feed = feedName,
                    };
                    var html = Str(item, "content_html");
                    var text = Str(item, "content_text");
                    items.Add(new FeedItem(index, hints, html ?? text, html is not null ? SourceKind.Html : SourceKind.Text, Str(item, "summary"), SourceKind.Text, HttpUri(url)));
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Warning(ReaderCodes.MalformedJsonFeed, "JSON Feed has no \"items\" array", feedName));
            }

            return new ParsedFeed("jsonfeed", title, items.ToImmutable(), [], diagnostics.ToImmutable());
        }
        catch (JsonException e)
        {
            diagnostics.Add(Diagnostic.Error(ReaderCodes.MalformedJsonFeed, $"malformed JSON: {e.Message}", feedName));
            return new ParsedFeed("jsonfeed", null, [], [], diagnostics.ToImmutable());
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Clean(value.GetString()) : null;

    private static ImmutableArray<string> JsonAuthors(JsonElement element)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        if (element.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in list.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.Object && Str(author, "name") is { } name)
                {
                    builder.Add(name);
                }
            }
        }
        else if (element.TryGetProperty("author", out var single) && single.ValueKind == JsonValueKind.Object && Str(single, "name") is { } name)
        {
            builder.Add(name);
        }

        return builder.ToImmutable();
    }

    // "jane@example.org (Jane Roe)" → "Jane Roe"; a bare address stays as it is.
    private static string? RssAuthor(string value)
    {
        var text = Clean(value);
        if (text is null)
        {
            return null;
        }

        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        return open >= 0 && close > open + 1 && text[..open].Contains('@') ? text[(open + 1)..close].Trim() : text;
    }

    private static Uri? HttpUri(string? link) =>
        link is not null && Uri.TryCreate(link, UriKind.Absolute, out var uri) && UrlFetcher.IsHttp(uri) ? uri : null;

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
