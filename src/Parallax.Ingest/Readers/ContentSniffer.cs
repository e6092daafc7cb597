using System.Text;
using System.Text.RegularExpressions;

namespace Parallax.Ingest.Readers;

/// <summary>The format a payload is read as.</summary>
public enum InputFormat
{
    Text,
    Html,
    /// <summary>RSS 2.0, RSS 1.0 (RDF), Atom or OPML: decided by the root element.</summary>
    XmlFeed,
    JsonFeed,
    JsonLines,
    Warc,
}

/// <summary>
/// Decides how to read a payload from its name and its first bytes (docs/inputs.md, "Dispatch"): known binary
/// signatures first, then the extension, then the content for unknown extensions. Pure and thread-safe.
/// </summary>
public static partial class ContentSniffer
{
    private const int Prefix = 2048;

    /// <summary>A description of a known binary format (<c>PNG image</c>, <c>PDF document</c>…) at the start; else null.</summary>
    public static string? KnownBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])) return "PNG image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG image";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "GIF image";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "WebP image";
        if (bytes.StartsWith("%PDF-"u8)) return "PDF document";
        if (bytes.StartsWith("PK\x03\x04"u8)) return "ZIP archive (or Office document)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])) return "ELF executable";
        if (bytes.StartsWith("MZ"u8) && bytes.Length > 64) return "Windows executable";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD])) return "zstd archive";
        if (bytes.StartsWith("BZh"u8) && bytes.Length > 4 && bytes[3] is >= (byte)'1' and <= (byte)'9') return "bzip2 archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])) return "xz archive";
        if (bytes.StartsWith("SQLite format 3\0"u8)) return "SQLite database";
        return null;
    }

    /// <summary>
    /// True when the bytes are not text in any encoding the readers know: no BOM, not UTF-16 by NUL pattern, and in
    /// the first 8192 bytes a NUL or more than 2% control bytes (other than tab, line feed, vertical tab, form feed,
    /// carriage return and escape).
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (TextDecoder.DetectBom(bytes) is not null || TextDecoder.DetectUtf16ByNuls(bytes) is not null)
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Contains((byte)0))
        {
            return true;
        }

        var controls = 0;
        foreach (var b in sample)
        {
            if (b is < 0x20 and not (0x09 or 0x0A or 0x0B or 0x0C or 0x0D or 0x1B) || b == 0x7F)
            {
                controls++;
            }
        }

        return controls * 50 > sample.Length;
    }

    /// <summary>The format for a payload named <paramref name="name"/> (a file name, URL path or origin; a trailing
    /// <c>.gz</c> must already be removed) whose first bytes are <paramref name="bytes"/>.</summary>
    public static InputFormat Detect(string name, ReadOnlySpan<byte> bytes)
    {
        var ext = Extension(name);
        switch (ext)
        {
            case ".html" or ".htm" or ".xhtml" or ".shtml":
                return InputFormat.Html;
            case ".jsonl" or ".ndjson":
                return InputFormat.JsonLines;
            case ".warc":
                return InputFormat.Warc;
            case ".opml" or ".rss" or ".atom" or ".rdf" or ".xml":
                return XmlRootIsHtml(bytes) ? InputFormat.Html : InputFormat.XmlFeed;
            case ".json":
                return LooksLikeJsonFeed(bytes) || !LooksLikeJsonLines(bytes) ? InputFormat.JsonFeed : InputFormat.JsonLines;
            case ".txt" or ".text":
                return LooksLikeHtml(bytes) ? InputFormat.Html : InputFormat.Text;
        }

        return Sniff(bytes);
    }

    /// <summary>The format by content alone (unknown extension, HTTP without a useful Content-Type).</summary>
    public static InputFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("WARC/"u8))
        {
            return InputFormat.Warc;
        }

        var head = Head(bytes).TrimStart();
        if (head.StartsWith('<'))
        {
            if (LooksLikeHtml(bytes) || XmlRootIsHtml(bytes))
            {
                return InputFormat.Html;
            }

            var root = RootElement(head);
            if (root is "rss" or "feed" or "rdf:rdf" or "opml" || root.EndsWith(":rdf", StringComparison.Ordinal))
            {
                return InputFormat.XmlFeed;
            }

            return root.Length > 0 && head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) ? InputFormat.XmlFeed : InputFormat.Html;
        }

        if (head.StartsWith('{'))
        {
            return LooksLikeJsonFeed(bytes) ? InputFormat.JsonFeed : InputFormat.JsonLines;
        }

        return InputFormat.Text;
    }

    /// <summary>True when the start of the payload is an HTML document: a doctype, an <c>&lt;html&gt;</c> tag, or a
    /// <c>&lt;head&gt;</c>/<c>&lt;body&gt;</c> tag within the first 2048 bytes.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = Head(bytes);
        var trimmed = head.TrimStart();
        return trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || HeadOrBody().IsMatch(head);
    }

    private static bool XmlRootIsHtml(ReadOnlySpan<byte> bytes) => RootElement(Head(bytes).TrimStart()) == "html";

    private static bool LooksLikeJsonFeed(ReadOnlySpan<byte> bytes) => Head(bytes).Contains("jsonfeed.org/version", StringComparison.OrdinalIgnoreCase);

    // A JSON Lines file has a complete object on its first line.
    private static bool LooksLikeJsonLines(ReadOnlySpan<byte> bytes)
    {
        var head = Head(bytes);
        var newline = head.IndexOf('\n');
        return newline > 0 && head[..newline].TrimEnd().EndsWith('}');
    }

    /// <summary>The lower-cased extension of the last path segment (query and fragment of URLs removed).</summary>
    public static string Extension(string name)
    {
        var end = name.IndexOfAny(['?', '#']);
        var path = end >= 0 && name.Contains("://", StringComparison.Ordinal) ? name[..end] : name;
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        var file = path[(slash + 1)..];
        var dot = file.LastIndexOf('.');
        return dot <= 0 ? "" : file[dot..].ToLowerInvariant();
    }

    // The first bytes as text: UTF-16 when marked or NUL-patterned, else Latin-1 (ASCII markup survives any
    // ASCII-compatible encoding). A UTF-8 BOM becomes "ï»¿" under Latin-1 and is cut.
    private static string Head(ReadOnlySpan<byte> bytes)
    {
        var prefix = bytes[..Math.Min(bytes.Length, Prefix)];
        var bom = TextDecoder.DetectBom(prefix);
        var utf16 = bom is { Name: "utf-16le" or "utf-16be" } ? bom.Value.Name : TextDecoder.DetectUtf16ByNuls(prefix);
        if (utf16 is not null)
        {
            var skip = bom?.Length ?? 0;
            return (utf16 == "utf-16le" ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(prefix[skip..]);
        }

        if (bom is { Name: "utf-8" })
        {
            prefix = prefix[3..];
        }

        return Encoding.Latin1.GetString(prefix);
    }

    private static string RootElement(string head)
    {
        var match = Root().Match(head);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : "";
    }

    // Skips the XML declaration, processing instructions, comments and a doctype, then takes the first element name.
    [GeneratedRegex(@"\A\s*(?:(?:<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>)\s*)*<([A-Za-z_][\w:.\-]*)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Root();

    [GeneratedRegex(@"<(head|body)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex HeadOrBody();
}
