using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Parallax.Core;

namespace Parallax.Ingest.Extraction;

/// <summary>
/// HTML page → main text and metadata, as a cascade (trafilatura style):
/// <list type="number">
/// <item><c>dom-scorer</c>: the page's own DOM, boilerplate subtrees pruned by tag, visibility and class/id hints,
/// paragraph scores propagated to containers, the best container widened and filtered block by block.</item>
/// <item><c>dom-scorer-relaxed</c>: the same without class/id pruning, when pruning removed more text than was kept.</item>
/// <item><c>smartreader</c> (Mozilla Readability port) as a fallback when the scorer's text looks too short next to the
/// paragraph text on the page; a sanity check picks the more plausible of the candidates.</item>
/// </list>
/// <para>Output text: the headline (when an <c>h1</c> agrees with the page title; it is then also
/// <see cref="ArticleMetadata.Title"/>, so <c>Text</c> starts with <c>Title + "\n"</c>), then one block (paragraph, sub-head,
/// list item, quote) per line, separated by <c>\n</c>, whitespace collapsed, no empty line.</para>
/// <para><see cref="ExtractedPage.HtmlMap"/> maps text offsets to offsets in the <c>html</c> string passed in. Every segment
/// of the map is verbatim: <c>text[seg.CleanStart..seg.CleanEnd) == html[seg.RawStart..seg.RawEnd)</c>, and segments are in
/// increasing order of both offsets. Characters that are not verbatim in the source (decoded entities such as
/// <c>&amp;amp;</c>, collapsed or replaced whitespace, line separators) are inserted characters and map to the position of
/// the next verbatim character. Text from the fallback step has no map (null).</para>
/// Pure, deterministic and thread-safe; never throws for bad input (returns <see cref="ExtractionResult.Rejected"/>).
/// </summary>
public sealed class HtmlExtractor : IHtmlExtractor
{
    /// <summary>Version of the cascade, part of <see cref="ExtractedPage.Method"/>.</summary>
    public const int Version = 1;

    /// <summary>Largest page accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    /// <summary>Fewest characters of main text for a page to count as an article.</summary>
    public const int MinArticleChars = 150;

    private readonly bool _useFallback;

    /// <param name="useFallback">Whether the SmartReader fallback step may run (on by default).</param>
    public HtmlExtractor(bool useFallback = true)
    {
        _useFallback = useFallback;
    }

    public ExtractionResult Extract(string html, string? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > MaxLength)
        {
            return Reject(ExtractionCodes.TooLarge, $"page has {html.Length} characters, more than the {MaxLength} accepted", url);
        }

        if (string.IsNullOrWhiteSpace(html))
        {
            return Reject(ExtractionCodes.Empty, "page is empty", url);
        }

        if (LooksBinary(html))
        {
            return Reject(ExtractionCodes.Unparsable, "input is not HTML text (binary or control characters)", url);
        }

        IHtmlDocument document;
        try
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, SkipComments = true });
            document = parser.ParseDocument(html);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return Reject(ExtractionCodes.Unparsable, $"HTML could not be parsed: {ex.GetType().Name}", url);
        }

        using (document)
        {
            return ExtractFrom(document, html, url);
        }
    }

    private ExtractionResult ExtractFrom(IHtmlDocument document, string html, string? url)
    {
        var diagnostics = new List<Diagnostic>();
        var metadata = MetadataReader.Read(document, url, diagnostics);
        var body = document.Body;
        if (body is null)
        {
            return Reject(ExtractionCodes.Empty, "page has no body", url);
        }

        var pageTitle = metadata.Title;
        var strictSeg = new PageSegmenter(html, pruneByClass: true, new ParagraphIndex(body)).Segment(body);
        var strict = ContentScorer.Score(strictSeg, pageTitle);
        var best = (Seg: strictSeg, Content: strict, Method: "dom-scorer");

        // Sanity check 1: class/id pruning may have removed the article itself (a wrapper named "main-with-sidebar").
        if (strict.KeptChars < Math.Max(MinArticleChars * 2, strict.PageGoodChars / 2))
        {
            var relaxedSeg = new PageSegmenter(html, pruneByClass: false).Segment(body);
            var relaxed = ContentScorer.Score(relaxedSeg, pageTitle);
            if (relaxed.KeptChars > Math.Max(strict.KeptChars * 2, MinArticleChars) && relaxed.Blocks.Count > 0)
            {
                best = (relaxedSeg, relaxed, "dom-scorer-relaxed");
            }
        }

        diagnostics.Add(Diagnostic.Info(ExtractionCodes.Container, $"main text from {best.Method} container {best.Content.Container}", url));
        var headlineText = best.Content.Headline is { } h ? best.Seg.TextOf(h) : null;
        var (text, map) = Assemble(html, best.Seg, best.Content);
        var method = best.Method;

        // Sanity check 2: much paragraph text on the page but little kept → ask the fallback.
        // A page whose paragraph text is mostly teaser cards is an index: no fallback (it would return the teasers).
        var isIndex = best.Content.PageTeaserShare >= 0.5;
        if (_useFallback && !isIndex && BodyLength(text, headlineText) < Math.Max(MinArticleChars * 3, best.Content.PageGoodChars / 3))
        {
            var fallback = Fallback(html, url);
            if (fallback is not null && fallback.Length > Math.Max(BodyLength(text, headlineText) * 1.5, MinArticleChars))
            {
                text = headlineText is null ? fallback : headlineText + "\n" + fallback;
                map = null;
                method = "smartreader";
                diagnostics.Add(Diagnostic.Warning(ExtractionCodes.FallbackUsed, "main text taken from the fallback extractor (smartreader)", url));
            }
        }

        if (method != "smartreader" && (best.Content.LooksLikeListing || (isIndex && BodyLength(text, headlineText) < MinArticleChars)))
        {
            return Reject(ExtractionCodes.NotAnArticle, "page is a listing of teasers (most paragraphs follow a linked headline)", url);
        }

        if (BodyLength(text, headlineText) < MinArticleChars)
        {
            return Reject(BodyLength(text, headlineText) == 0 && best.Content.PageGoodChars == 0 ? ExtractionCodes.Empty : ExtractionCodes.NotAnArticle,
                $"no article text found ({BodyLength(text, headlineText)} characters of main text)", url);
        }

        if (headlineText is not null)
        {
            metadata = metadata with { Title = headlineText };
        }

        var page = new ExtractedPage(text, metadata, map, $"{method}@{Version}", [.. diagnostics]);
        return ExtractionResult.Success(page);
    }

    /// <summary>The body of an extracted page: its text without the headline line (schema.org <c>articleBody</c>).</summary>
    public static string BodyOf(ExtractedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var title = page.Metadata.Title;
        if (title is not null && page.Text.StartsWith(title + "\n", StringComparison.Ordinal))
        {
            return page.Text[(title.Length + 1)..];
        }

        return page.Text;
    }

    private static int BodyLength(string text, string? headline) =>
        headline is not null && text.StartsWith(headline, StringComparison.Ordinal) ? Math.Max(0, text.Length - headline.Length - 1) : text.Length;

    private static (string Text, OffsetMap Map) Assemble(string html, Segmentation seg, ScoredContent content)
    {
        var builder = new OffsetMapBuilder(html);
        var lastRawEnd = 0;
        var first = true;
        void Emit(Block block)
        {
            if (!first)
            {
                builder.Insert("\n");
            }

            first = false;
            var i = block.Start;
            while (i < block.End)
            {
                var pos = seg.Positions[i];
                if (pos < lastRawEnd)
                {
                    builder.Insert(seg.Text[i].ToString());
                    i++;
                    continue;
                }

                var j = i + 1;
                while (j < block.End && seg.Positions[j] == pos + (j - i))
                {
                    j++;
                }

                builder.Copy(new TextSpan(pos, pos + (j - i)));
                lastRawEnd = pos + (j - i);
                i = j;
            }
        }

        if (content.Headline is { } headline && (content.Blocks.Count == 0 || headline.Index < content.Blocks[0].Index))
        {
            Emit(headline);
        }
        else if (content.Headline is { } late)
        {
            // The headline sits after the first kept block in the page: it still comes first, unmapped.
            builder.Insert(seg.TextOf(late));
            first = false;
        }

        foreach (var block in content.Blocks)
        {
            Emit(block);
        }

        return builder.Build();
    }

    private static string? Fallback(string html, string? url)
    {
        try
        {
            var reader = new SmartReader.Reader(url ?? "https://example.invalid/", html);
            var article = reader.GetArticle();
            if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
            {
                return null;
            }

            var parser = new HtmlParser();
            using var doc = parser.ParseDocument(article.Content);
            if (doc.Body is null)
            {
                return null;
            }

            var seg = new PageSegmenter(null, pruneByClass: true).Segment(doc.Body);
            var sb = new StringBuilder();
            foreach (var block in seg.Blocks)
            {
                if (block.Kind is BlockKind.Headline or BlockKind.Caption || block.LinkDensity > 0.5)
                {
                    continue;
                }

                var text = seg.TextOf(block);
                if (BoilerplateRules.IsBoilerplateLine(text) || BoilerplateRules.IsBylineOrDate(text))
                {
                    continue;
                }

                if (sb.Length > 0)
                {
                    sb.Append('\n');
                }

                sb.Append(text);
            }

            return sb.ToString();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The fallback is optional: a failure there leaves the scorer's text in place.
            return null;
        }
    }

    private static bool LooksBinary(string html)
    {
        var n = Math.Min(html.Length, 8192);
        var control = 0;
        for (var i = 0; i < n; i++)
        {
            var c = html[i];
            if (c == '\0' || (c < 0x20 && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\ufffd')
            {
                control++;
            }
        }

        return control > 8 && control > n / 100;
    }

    private static ExtractionResult Reject(string code, string message, string? url) =>
        ExtractionResult.Rejected(Diagnostic.Error(code, message, url));
}
