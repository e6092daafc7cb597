using System.Text;
using System.Text.RegularExpressions;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Finds a charset declared inside the first bytes of a page: <c>&lt;meta charset="…"&gt;</c>, <c>&lt;meta
/// http-equiv="Content-Type" content="…; charset=…"&gt;</c> (outside comments), or the <c>encoding</c> of an XML
/// declaration at the very start. A simplified WHATWG prescan; pure and thread-safe.
/// </summary>
public static partial class HtmlCharsetSniffer
{
    /// <summary>The declared label (unvalidated) and where it came from (<c>meta</c> or <c>xml</c>); (null, "") when none.</summary>
    public static (string? Label, string How) Sniff(ReadOnlySpan<byte> prefix)
    {
        // Latin-1 maps every byte to one char, so ASCII markup is found whatever the real encoding is.
        var head = Encoding.Latin1.GetString(prefix);
        var xml = XmlDeclaration().Match(head);
        if (xml.Success)
        {
            return (xml.Groups[1].Value, "xml");
        }

        head = Comment().Replace(head, " ");
        foreach (Match meta in MetaTag().Matches(head))
        {
            var charset = CharsetParam().Match(meta.Value);
            if (charset.Success)
            {
                return (charset.Groups[1].Value, "meta");
            }
        }

        return (null, "");
    }

    /// <summary>The <c>charset</c> parameter of a <c>Content-Type</c> value, or null.</summary>
    public static string? CharsetOfContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var match = CharsetParam().Match(contentType);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*[""']([A-Za-z0-9._:\-]{1,40})[""']", RegexOptions.IgnoreCase)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<!--.*?(-->|\z)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<meta\b[^>]{0,1024}", RegexOptions.IgnoreCase)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9._:\-]{1,40})", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParam();
}
