using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Ingest;

/// <summary>What became of one source: an article, or the reason there is none.</summary>
public sealed record ArticleBuildResult(SourceDocument Source, Article? Article, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool IsSuccess => Article is not null;
}

/// <summary>
/// Turns one <see cref="SourceDocument"/> into a cleaned <see cref="Article"/>: HTML goes through the extractor first,
/// then every text through the cleaner, then the outlet is identified. Metadata precedence: what the input states
/// explicitly (header lines, feed/JSONL fields) over what the page says about itself over what cleaning found.
/// Pure and thread-safe; never throws for bad data.
/// </summary>
public sealed class ArticleFactory
{
    /// <summary>Version of the assembly step; bump when the article for the same source may change.</summary>
    public const string Version = "1";

    private readonly IHtmlExtractor _extractor;
    private readonly ITextCleaner _cleaner;
    private readonly IOutletIdentifier _outlets;

    public ArticleFactory(IHtmlExtractor extractor, ITextCleaner cleaner, IOutletIdentifier outlets)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(cleaner);
        ArgumentNullException.ThrowIfNull(outlets);
        _extractor = extractor;
        _cleaner = cleaner;
        _outlets = outlets;
    }

    public ArticleBuildResult Build(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(source.Diagnostics);
        var hinted = FromHints(source.Hints);

        string raw;
        ArticleMetadata metadata;
        OffsetMap? htmlMap = null;
        string method;
        if (source.Kind == SourceKind.Html)
        {
            var extraction = _extractor.Extract(source.RawText, source.Hints.Url);
            if (extraction.Page is not { } page)
            {
                diagnostics.Add(extraction.Rejection ?? Diagnostic.Error("PX0200", "the page yielded no article text", source.Origin));
                return new ArticleBuildResult(source, null, diagnostics.ToImmutable());
            }

            diagnostics.AddRange(page.Diagnostics);
            raw = page.Text;
            metadata = Merge(hinted, page.Metadata);
            htmlMap = page.HtmlMap;
            method = page.Method;
        }
        else
        {
            raw = source.RawText;
            metadata = hinted;
            method = "text";
        }

        var cleaned = _cleaner.Clean(raw, metadata);
        diagnostics.AddRange(cleaned.Diagnostics);
        metadata = Merge(metadata, cleaned.Metadata);
        if (string.IsNullOrWhiteSpace(cleaned.Text))
        {
            diagnostics.Add(Diagnostic.Error("PX0301", "nothing of the article is left after cleaning (empty or only residue)", source.Origin));
            return new ArticleBuildResult(source, null, diagnostics.ToImmutable());
        }

        var url = metadata.Url ?? metadata.CanonicalUrl;
        var (outlet, outletSource) = _outlets.Identify(metadata, url, cleaned.Text);
        metadata = metadata with { Outlet = outlet, OutletSource = outletSource };
        if (metadata.Published is null)
        {
            diagnostics.Add(Diagnostic.Info("PX0302", "the article states no publication date; relative dates stay open until the story supplies one", source.Origin));
        }

        var article = new Article
        {
            Id = Hashing.ShortId(source.Id),
            SourceId = source.Id,
            Origin = source.Origin,
            Metadata = metadata,
            RawText = raw,
            Text = cleaned.Text,
            Map = cleaned.Map,
            Removals = cleaned.Removals,
            Embeds = cleaned.Embeds,
            HtmlMap = htmlMap,
            Diagnostics = diagnostics.ToImmutable(),
            Provenance = $"{source.Reader}|{method}|{_cleaner.GetType().Name}|ArticleFactory@{Version}",
        };
        return new ArticleBuildResult(source, article, article.Diagnostics);
    }

    private static ArticleMetadata FromHints(SourceHints hints) => new()
    {
        Title = Blank(hints.Title),
        Outlet = Blank(hints.Outlet) ?? "unknown",
        OutletSource = Blank(hints.Outlet) is null ? "unknown" : "hint",
        Authors = hints.Authors,
        Published = PublishedDateParser.Parse(hints.Published, hints.Feed is null ? "input" : "feed"),
        Language = Blank(hints.Language),
        Url = Blank(hints.Url),
        SyndicationSource = Blank(hints.SyndicationSource),
        // A feed's own title names the publication like a page's og:site_name does.
        SiteName = Blank(hints.FeedTitle),
    };

    /// <summary>Fields of <paramref name="primary"/> win; <paramref name="secondary"/> fills the gaps.</summary>
    public static ArticleMetadata Merge(ArticleMetadata primary, ArticleMetadata secondary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(secondary);
        var primaryHasOutlet = primary.Outlet != "unknown";
        return primary with
        {
            Title = primary.Title ?? secondary.Title,
            Outlet = primaryHasOutlet ? primary.Outlet : secondary.Outlet,
            OutletSource = primaryHasOutlet ? primary.OutletSource : secondary.OutletSource,
            Authors = primary.Authors.IsDefaultOrEmpty ? secondary.Authors : primary.Authors,
            Published = primary.Published ?? secondary.Published,
            Language = primary.Language ?? secondary.Language,
            Url = primary.Url ?? secondary.Url,
            CanonicalUrl = primary.CanonicalUrl ?? secondary.CanonicalUrl,
            SiteName = primary.SiteName ?? secondary.SiteName,
            Description = primary.Description ?? secondary.Description,
            SyndicationSource = primary.SyndicationSource ?? secondary.SyndicationSource,
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
