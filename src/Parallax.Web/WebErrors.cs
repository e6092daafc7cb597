using Parallax.Core;

namespace Parallax.Web;

/// <summary>The web host's diagnostics (PX08xx). Messages start with the code; listed in docs/errors/web.md.</summary>
public static class WebErrors
{
    public const string Unauthorized = "PX0801";
    public const string BodyTooLarge = "PX0802";
    public const string UnsupportedMediaType = "PX0803";
    public const string SchemeRefused = "PX0804";
    public const string AddressRefused = "PX0805";
    public const string NotFound = "PX0806";
    public const string BadExportFormat = "PX0807";
    public const string BadRequest = "PX0808";
    public const string FeedUnreachable = "PX0810";
    public const string FeedTimeout = "PX0811";
    public const string FeedTooLarge = "PX0812";
    public const string FeedMalformed = "PX0813";
    public const string FeedRedirects = "PX0814";
    public const string FeedStatus = "PX0815";
    public const string FeedListUnreadable = "PX0816";

    public static Diagnostic Error(string code, string reason, string? subject = null) => Diagnostic.Error(code, $"{code}: {reason}", subject);
}
