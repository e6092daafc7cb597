using System.Text;
using System.Text.RegularExpressions;

namespace Parallax.Ingest.Extraction;

/// <summary>
/// Decodes HTML bytes to text: a byte-order mark wins, then a <c>charset</c> declared in the first 4 KB, then UTF-8
/// when the bytes are valid UTF-8, else windows-1252. Thread-safe.
/// </summary>
public static partial class HtmlDecoder
{
    static HtmlDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The decoded text and the name of the encoding used, with how it was chosen (<c>utf-8 (bom)</c>, <c>iso-8859-1 (meta)</c> ...).</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            return (new UTF8Encoding(false).GetString(bytes[3..]), "utf-8 (bom)");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le (bom)");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be (bom)");
        }

        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var m = CharsetRegex().Match(head);
        if (m.Success)
        {
            var name = m.Groups[1].Value.Trim().ToLowerInvariant();
            if (name is not ("utf-8" or "utf8"))
            {
                try
                {
                    var encoding = Encoding.GetEncoding(name);
                    if (encoding.CodePage is not (1200 or 1201 or 12000 or 12001))
                    {
                        return (encoding.GetString(bytes), encoding.WebName + " (meta)");
                    }
                }
                catch (ArgumentException)
                {
                    // Unknown charset name: fall through to sniffing.
                }
            }
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), m.Success ? "utf-8 (meta)" : "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252).GetString(bytes), "windows-1252 (not valid utf-8)");
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([\w:.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetRegex();
}
