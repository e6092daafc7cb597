using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>Main text and metadata extracted from one HTML page.</summary>
/// <param name="Text">Main text: headline, paragraphs and sub-heads, one per line (separated by <c>\n</c>).</param>
/// <param name="Metadata">What the page says about itself (title, site, authors, date, language, canonical URL).</param>
/// <param name="HtmlMap">Maps <paramref name="Text"/> offsets to offsets in the decoded page, where text was copied verbatim; null when unknown.</param>
/// <param name="Method">Which step of the extraction cascade produced the text, with version (e.g. <c>dom-scorer@1</c>).</param>
public sealed record ExtractedPage(string Text, ArticleMetadata Metadata, OffsetMap? HtmlMap, string Method, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Either a page or the reason there is none (e.g. PX0201 not an article). Never null, never thrown.</summary>
public sealed record ExtractionResult(ExtractedPage? Page, Diagnostic? Rejection)
{
    public bool IsSuccess => Page is not null;

    public static ExtractionResult Success(ExtractedPage page) => new(page, null);

    public static ExtractionResult Rejected(Diagnostic reason) => new(null, reason);
}

/// <summary>HTML page → main text and metadata. Pure, thread-safe, no network.</summary>
public interface IHtmlExtractor
{
    /// <param name="html">The decoded page.</param>
    /// <param name="url">The page's URL when known (helps date and outlet detection); never fetched.</param>
    ExtractionResult Extract(string html, string? url);
}

/// <summary>What cleaning made of a raw text: the cleaned text, its map back, what was removed and why, embeds kept aside.</summary>
/// <param name="Metadata">Metadata found while cleaning (header lines such as <c>title:</c>, a byline, a masthead), merged over the input's.</param>
public sealed record CleanResult(string Text, OffsetMap Map, ImmutableArray<Removal> Removals, ImmutableArray<Embed> Embeds, ArticleMetadata Metadata, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>Raw article text → cleaned text. Pure, thread-safe. Never rewrites text: only removes runs and inserts separators.</summary>
public interface ITextCleaner
{
    CleanResult Clean(string rawText, ArticleMetadata metadata);
}

/// <summary>Names the outlet of an article from hints, URL/domain, page metadata or a masthead line; "unknown" is allowed.</summary>
public interface IOutletIdentifier
{
    /// <returns>The outlet name and how it was found (<c>hint</c>, <c>domain</c>, <c>meta</c>, <c>masthead</c>, <c>unknown</c>).</returns>
    (string Outlet, string Source) Identify(ArticleMetadata metadata, string? url, string text);
}

/// <summary>Turns command-line inputs (files, directories, URLs, feeds) into sources. Never throws for bad data.</summary>
public interface ISourceReader
{
    /// <summary>Reads every input; each yields one <see cref="ReadResult"/> (a directory or feed may yield many sources).</summary>
    IEnumerable<ReadResult> Read(IEnumerable<string> inputs, CancellationToken cancellationToken);
}
