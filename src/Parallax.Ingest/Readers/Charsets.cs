using System.Text;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Resolves charset labels (from BOMs, HTTP headers, <c>&lt;meta&gt;</c>, XML declarations) to encodings, following
/// the WHATWG Encoding Standard's aliases where it matters for news pages: <c>iso-8859-1</c>, <c>latin1</c> and
/// <c>us-ascii</c> mean windows-1252; <c>utf-7</c> is refused. Uses <see cref="CodePagesEncodingProvider.Instance"/>
/// directly instead of registering it process-wide, so the readers change no global state. Thread-safe.
/// </summary>
public static class Charsets
{
    private static readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["utf8"] = "utf-8",
        ["unicode-1-1-utf-8"] = "utf-8",
        ["x-unicode20utf8"] = "utf-8",
        ["utf-16"] = "utf-16le",
        ["unicode"] = "utf-16le",
        ["ucs-2"] = "utf-16le",
        ["iso-8859-1"] = "windows-1252",
        ["iso8859-1"] = "windows-1252",
        ["iso_8859-1"] = "windows-1252",
        ["latin1"] = "windows-1252",
        ["l1"] = "windows-1252",
        ["ascii"] = "windows-1252",
        ["us-ascii"] = "windows-1252",
        ["ansi_x3.4-1968"] = "windows-1252",
        ["cp1252"] = "windows-1252",
        ["x-cp1252"] = "windows-1252",
        ["cp1251"] = "windows-1251",
        ["cp1250"] = "windows-1250",
        ["latin2"] = "iso-8859-2",
        ["iso8859-2"] = "iso-8859-2",
        ["latin9"] = "iso-8859-15",
        ["iso8859-15"] = "iso-8859-15",
        ["gb2312"] = "gb18030",
        ["gbk"] = "gb18030",
        ["x-gbk"] = "gb18030",
        ["sjis"] = "shift_jis",
        ["x-sjis"] = "shift_jis",
        ["ks_c_5601-1987"] = "euc-kr",
    };

    private static readonly HashSet<string> _refused = new(StringComparer.OrdinalIgnoreCase) { "utf-7", "utf7", "x-user-defined", "replacement" };

    /// <summary>
    /// The encoding for <paramref name="label"/> (trimmed, quotes removed, case-insensitive) and its canonical
    /// lowercase name; false for unknown or refused labels. The returned encoding replaces invalid bytes with U+FFFD.
    /// </summary>
    public static bool TryResolve(string? label, out Encoding encoding, out string name)
    {
        encoding = Encoding.UTF8;
        name = "utf-8";
        if (string.IsNullOrWhiteSpace(label))
        {
            return false;
        }

        var clean = label.Trim().Trim('"', '\'').Trim().ToLowerInvariant();
        if (clean.Length is 0 or > 40 || _refused.Contains(clean))
        {
            return false;
        }

        if (_aliases.TryGetValue(clean, out var canonical))
        {
            clean = canonical;
        }

        var resolved = Lookup(clean);
        if (resolved is null)
        {
            return false;
        }

        encoding = resolved;
        name = clean;
        return true;
    }

    /// <summary>The encoding for a canonical name this library itself chose (never null for those names).</summary>
    internal static Encoding Get(string canonicalName) =>
        Lookup(canonicalName) ?? throw new InvalidOperationException("Unknown built-in encoding " + canonicalName);

    private static Encoding? Lookup(string name)
    {
        switch (name)
        {
            case "utf-8":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
            case "utf-16le":
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
            case "utf-16be":
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
            case "utf-32le":
                return new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false);
            case "utf-32be":
                return new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: false);
        }

        var provided = CodePagesEncodingProvider.Instance.GetEncoding(name);
        if (provided is not null)
        {
            return provided;
        }

        try
        {
            var builtIn = Encoding.GetEncoding(name);
            // UTF-7 may come back under another alias; it can smuggle markup and is refused.
            return builtIn.CodePage == 65000 ? null : builtIn;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
