namespace Parallax.Ingest.Cleaning;

/// <summary>Stable diagnostic codes of the cleaning stage (PX03xx), listed in docs/errors/cleaning.md.</summary>
public static class CleaningCodes
{
    /// <summary>Nothing of the article is left: the input is empty or whitespace, or every line was residue.</summary>
    public const string NothingLeft = "PX0301";

    /// <summary>The article states no publication date (used when the article is built, not by the cleaner itself).</summary>
    public const string NoPublicationDate = "PX0302";

    /// <summary>A <c>date:</c>/<c>published:</c> header value is not a date; the line is removed, no date recorded.</summary>
    public const string HeaderDateUnparsable = "PX0303";

    /// <summary>Cleaning removed more than half of the non-whitespace characters; worth a look.</summary>
    public const string LargeRemoval = "PX0304";

    /// <summary>A dateline prefix (<c>MINSK, Dec 11 (Reuters) -</c>) was recognised; it stays in the text.</summary>
    public const string DatelineRecognised = "PX0305";

    /// <summary>A line that a rule almost removed (caption-like, quoted disclaimer phrase) was kept rather than risk deleting story text.</summary>
    public const string DoubtfulKept = "PX0306";

    /// <summary>A trailing run of title-case lines shares words with the story, so it was kept.</summary>
    public const string HeadlineRunKept = "PX0307";

    /// <summary>An embed attribution line was found but its post text was not (or was doubtful and kept).</summary>
    public const string EmbedWithoutPost = "PX0308";
}
