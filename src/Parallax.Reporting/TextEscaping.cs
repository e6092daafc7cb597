using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Parallax.Reporting;

/// <summary>Escaping for each output context. Article text is untrusted: it passes through one of these before output.</summary>
public static class TextEscaping
{
    // Letters of every script stay readable; & < > " ' and controls are always encoded.
    private static readonly HtmlEncoder _html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Encodes text for HTML element content and quoted attribute values.</summary>
    public static string Html(string? text) => text is null ? "" : _html.Encode(text);

    /// <summary>
    /// The URL when it is an absolute http(s) URL, for use in <c>href</c> (still HTML-encoded by the caller); null for
    /// anything else (<c>javascript:</c>, <c>data:</c>, relative), which is then shown as text only.
    /// </summary>
    public static string? SafeHref(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    /// <summary>
    /// Text for one Markdown table cell or inline run: backslash-escapes Markdown punctuation (including <c>|</c>),
    /// encodes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> so no raw HTML passes through, and turns line breaks into spaces.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '#' or '~' or '!':
                    sb.Append('\\').Append(c);
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\r' or '\n' or '\t':
                    sb.Append(' ');
                    break;
                default:
                    sb.Append(char.IsControl(c) ? '\uFFFD' : c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text for a terminal: control characters other than line feed and tab (escape sequences could recolour or
    /// rewrite the screen) become their visible Unicode control pictures (U+2400 block) or U+FFFD.
    /// </summary>
    public static string Terminal(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\n' or '\t' => c,
                < ' ' => (char)(0x2400 + c),
                '\u007F' => '\u2421',
                _ when char.IsControl(c) => '\uFFFD',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
