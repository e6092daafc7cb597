using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>Why a piece of raw text was removed by cleaning. Stable names: they appear in reports.</summary>
public enum RemovalKind
{
    Navigation,
    Breadcrumb,
    ImageDebris,
    LinkDebris,
    Share,
    Newsletter,
    Subscribe,
    Disclaimer,
    Boilerplate,
    RelatedLink,
    RelatedHeadlines,
    Byline,
    Dateline,
    Embed,
    Advertisement,
    Caption,
    Header,
    Whitespace,
    Other,
}

/// <summary>A piece of the raw text that cleaning removed, with the rule that removed it.</summary>
/// <param name="Kind">What it was.</param>
/// <param name="RawSpan">Where it was, in <see cref="Article.RawText"/>.</param>
/// <param name="Text">The removed characters, equal to <c>RawSpan.Of(RawText)</c>.</param>
/// <param name="Rule">Name of the cleaning rule, for "why was this removed?".</param>
public sealed record Removal(RemovalKind Kind, TextSpan RawSpan, string Text, string Rule);

public enum EmbedKind
{
    SocialPost,
    Video,
    Other,
}

/// <summary>
/// An embedded post (tweet, Telegram, Instagram ...) kept aside: never counted as the outlet's own words.
/// </summary>
public sealed record Embed
{
    public required EmbedKind Kind { get; init; }
    /// <summary>Where it was in <see cref="Article.RawText"/>.</summary>
    public required TextSpan RawSpan { get; init; }
    /// <summary>The post's own text (without the attribution line), verbatim.</summary>
    public required string Text { get; init; }
    public string? Author { get; init; }
    public string? Handle { get; init; }
    /// <summary>The post's date as written, and ISO 8601 when it could be parsed.</summary>
    public string? DateText { get; init; }
    public string? Date { get; init; }
    public string? Url { get; init; }
    public string? Platform { get; init; }
}

/// <summary>How precise a publication date is and where it came from.</summary>
public sealed record PublicationDate
{
    public required DateOnly Date { get; init; }
    public TimeOnly? Time { get; init; }
    /// <summary>UTC offset when known.</summary>
    public TimeSpan? Offset { get; init; }
    /// <summary>Where it came from: <c>header</c>, <c>meta:article:published_time</c>, <c>json-ld</c>, <c>url</c>, <c>feed</c>, <c>inferred</c> ...</summary>
    public required string Source { get; init; }
    /// <summary>True when inferred from other articles rather than stated by this one.</summary>
    public bool Inferred { get; init; }

    /// <summary>ISO 8601: <c>2025-12-11</c> or <c>2025-12-11T10:30:00+00:00</c>.</summary>
    public string ToIso()
    {
        if (Time is not { } t)
        {
            return Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        var dto = new DateTimeOffset(Date.ToDateTime(t), Offset ?? TimeSpan.Zero);
        return Offset is null
            ? dto.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            : dto.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    public override string ToString() => ToIso();
}

/// <summary>Metadata of an article, each field with a note of where it came from when that matters.</summary>
public sealed record ArticleMetadata
{
    public static ArticleMetadata Empty { get; } = new();

    public string? Title { get; init; }
    /// <summary>Outlet name, or <c>unknown</c>.</summary>
    public string Outlet { get; init; } = "unknown";
    /// <summary>How the outlet was identified: <c>hint</c>, <c>domain</c>, <c>meta</c>, <c>masthead</c>, <c>unknown</c>.</summary>
    public string OutletSource { get; init; } = "unknown";
    public ImmutableArray<string> Authors { get; init; } = [];
    public PublicationDate? Published { get; init; }
    public string? Language { get; init; }
    public string? Url { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? SiteName { get; init; }
    public string? Description { get; init; }
    /// <summary>RSS <c>&lt;source&gt;</c> or similar: the outlet this item was syndicated from.</summary>
    public string? SyndicationSource { get; init; }
}

/// <summary>
/// A cleaned article: the text that all later offsets index into, and the way back to the raw input.
/// <para><see cref="RawText"/> is the text cleaning started from: for text inputs the decoded input itself; for HTML
/// inputs the extracted main text, whose paragraphs map to the page through <see cref="HtmlMap"/>.
/// <see cref="Text"/> is derived from <see cref="RawText"/> by removals only (plus inserted separators), recorded in
/// <see cref="Map"/> and <see cref="Removals"/>. Nothing is rewritten in place.</para>
/// </summary>
public sealed record Article
{
    /// <summary>Stable id: the first 16 hex digits of the source hash (plus <c>-n</c> when one source yields several articles).</summary>
    public required string Id { get; init; }
    public required string SourceId { get; init; }
    public required string Origin { get; init; }
    public required ArticleMetadata Metadata { get; init; }

    /// <summary>The text cleaning started from (see the type's remarks).</summary>
    public required string RawText { get; init; }

    /// <summary>The cleaned text. Every span of every later stage indexes into this string (UTF-16, half-open).</summary>
    public required string Text { get; init; }

    /// <summary>Maps <see cref="Text"/> offsets to <see cref="RawText"/> offsets.</summary>
    public required OffsetMap Map { get; init; }

    public ImmutableArray<Removal> Removals { get; init; } = [];

    public ImmutableArray<Embed> Embeds { get; init; } = [];

    /// <summary>
    /// For HTML inputs: maps <see cref="RawText"/> offsets to offsets in the source's decoded page
    /// (<see cref="SourceDocument.RawText"/>), segment by segment where the extractor copied text verbatim; null for text inputs,
    /// where <see cref="RawText"/> is the source text itself.
    /// </summary>
    public OffsetMap? HtmlMap { get; init; }

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Which extractor produced <see cref="RawText"/> (for HTML: the cascade step), and the cleaner's version.</summary>
    public string Provenance { get; init; } = "";

    public int WordCount => CountWords(Text);

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var w = char.IsLetterOrDigit(c);
            if (w && !inWord)
            {
                count++;
            }

            inWord = w;
        }

        return count;
    }
}
