namespace Parallax.Ingest.Extraction;

/// <summary>Stable diagnostic codes of HTML extraction (PX02xx), listed in docs/errors/extraction.md.</summary>
public static class ExtractionCodes
{
    /// <summary>The page is empty or holds no visible text.</summary>
    public const string Empty = "PX0201";

    /// <summary>The input is not HTML text (binary data, control characters) or could not be parsed.</summary>
    public const string Unparsable = "PX0202";

    /// <summary>The page has text but no article: an index, a listing, a login or error page.</summary>
    public const string NotAnArticle = "PX0203";

    /// <summary>The page is larger than the extractor accepts.</summary>
    public const string TooLarge = "PX0204";

    /// <summary>Warning: the main text came from the fallback extractor, not the DOM scorer.</summary>
    public const string FallbackUsed = "PX0210";

    /// <summary>Info: which container the DOM scorer chose (for "why is this text here?").</summary>
    public const string Container = "PX0212";

    /// <summary>Warning: a metadata field was present but could not be read (e.g. malformed JSON-LD, an unparsable date).</summary>
    public const string MetadataUnreadable = "PX0211";
}
