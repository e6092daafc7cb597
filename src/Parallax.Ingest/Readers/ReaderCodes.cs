namespace Parallax.Ingest.Readers;

/// <summary>
/// Stable diagnostic codes of the readers (PX01xx), listed with their meaning in docs/errors/readers.md. Codes are
/// never reused or renumbered.
/// </summary>
public static class ReaderCodes
{
    // Files and directories
    public const string NotFound = "PX0101";
    public const string Unreadable = "PX0102";
    public const string Empty = "PX0103";
    public const string TooLarge = "PX0104";
    public const string Binary = "PX0105";
    public const string DecodeLossy = "PX0106";
    public const string UnknownCharset = "PX0107";
    public const string GzipCorrupt = "PX0108";
    public const string DecompressedTooLarge = "PX0109";

    // URLs
    public const string SchemeRefused = "PX0110";
    public const string NetworkDisabled = "PX0111";
    public const string HttpStatus = "PX0112";
    public const string HttpTimeout = "PX0113";
    public const string ResponseTooLarge = "PX0114";
    public const string TooManyRedirects = "PX0115";
    public const string UnsupportedContentType = "PX0116";
    public const string NetworkFailure = "PX0117";
    public const string BadRedirect = "PX0118";

    // Feeds (RSS, Atom, JSON Feed, OPML)
    public const string MalformedXml = "PX0120";
    public const string UnknownFeedFormat = "PX0121";
    public const string FeedItemEmpty = "PX0122";
    public const string FeedItemSummaryOnly = "PX0123";
    public const string FeedItemFetchFailed = "PX0124";
    public const string MalformedJsonFeed = "PX0125";
    public const string OpmlOutlineSkipped = "PX0126";
    public const string FeedTooManyItems = "PX0127";

    // JSON Lines
    public const string JsonLineInvalid = "PX0130";
    public const string JsonLineBadField = "PX0131";
    public const string JsonLineNoPayload = "PX0132";
    public const string JsonLineBadUtf8 = "PX0133";
    public const string JsonLineBothPayloads = "PX0134";

    // WARC
    public const string WarcMalformedHeader = "PX0140";
    public const string WarcTruncated = "PX0141";
    public const string WarcRecordTooLarge = "PX0142";
    public const string WarcBadHttp = "PX0143";
    public const string WarcSkipped = "PX0144";
    public const string WarcBadDate = "PX0145";
    public const string NotWarc = "PX0146";
    public const string WarcNoRecords = "PX0147";

    // Across inputs
    public const string Duplicate = "PX0150";
    public const string LinkSkipped = "PX0151";
    public const string EmptyDirectory = "PX0152";
    public const string DocumentationSkipped = "PX0153";

    /// <summary>A reader bug: an unexpected exception caught at the single catch site and recorded for that input.</summary>
    public const string Internal = "PX0199";
}
