using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>Text decoded from bytes, with the label that says which encoding was used and how it was chosen.</summary>
/// <param name="Text">The decoded text, without any byte order mark.</param>
/// <param name="Label">Encoding name and method, e.g. <c>utf-8 (bom)</c>, <c>windows-1252 (fallback)</c>, <c>iso-8859-2 (meta)</c>.</param>
/// <param name="Diagnostics">Warnings about the decoding (PX0106 lossy, PX0107 unknown declared charset).</param>
public sealed record DecodedText(string Text, string Label, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Chooses an encoding for bytes and decodes them. Deterministic: the same bytes (and declared charset) always give
/// the same text and label. Rules, in order (docs/inputs.md, "Encodings"):
/// <list type="number">
/// <item>a byte order mark (UTF-32LE/BE, UTF-8, UTF-16LE/BE) — <c>(bom)</c>;</item>
/// <item>HTML only: the transport charset (HTTP <c>Content-Type</c>) — <c>(content-type)</c>, then a
/// <c>&lt;meta charset&gt;</c>/<c>http-equiv</c> or XML declaration in the first 4096 bytes — <c>(meta)</c>/<c>(xml)</c>;</item>
/// <item>UTF-16 without BOM, recognised by NUL bytes on one parity only — <c>(nul-pattern)</c>;</item>
/// <item>well-formed UTF-8 — <c>(valid)</c> for text, <c>(default)</c> for HTML;</item>
/// <item>a single-byte legacy encoding chosen by <see cref="ChooseLegacy"/> — windows-1252 <c>(fallback)</c>, or
/// iso-8859-2 / windows-1251 / iso-8859-5 <c>(heuristic)</c> when they read clearly better.</item>
/// </list>
/// Thread-safe, no global state.
/// </summary>
public static class TextDecoder
{
    private const int SniffBytes = 4096;

    private static readonly string[] _legacyCandidates = ["windows-1252", "iso-8859-2", "windows-1251", "iso-8859-5"];

    /// <summary>Decodes a plain-text payload (rules 1, 3, 4, 5).</summary>
    public static DecodedText DecodeText(ReadOnlySpan<byte> bytes, string? subject = null)
    {
        if (DetectBom(bytes) is { } bom)
        {
            return DecodeAs(bytes[bom.Length..], bom.Name, "bom", subject);
        }

        if (DetectUtf16ByNuls(bytes) is { } utf16)
        {
            return DecodeAs(bytes, utf16, "nul-pattern", subject);
        }

        if (Utf8.IsValid(bytes))
        {
            return DecodeAs(bytes, "utf-8", "valid", subject);
        }

        var legacy = ChooseLegacy(bytes);
        return DecodeAs(bytes, legacy, legacy == "windows-1252" ? "fallback" : "heuristic", subject);
    }

    /// <summary>Decodes an HTML (or XHTML) payload (rules 1–5); <paramref name="transportCharset"/> is the charset
    /// parameter of an HTTP <c>Content-Type</c>, when there was one.</summary>
    public static DecodedText DecodeHtml(ReadOnlySpan<byte> bytes, string? transportCharset = null, string? subject = null)
    {
        if (DetectBom(bytes) is { } bom)
        {
            return DecodeAs(bytes[bom.Length..], bom.Name, "bom", subject);
        }

        var notes = ImmutableArray.CreateBuilder<Diagnostic>();
        if (!string.IsNullOrWhiteSpace(transportCharset))
        {
            if (Charsets.TryResolve(transportCharset, out _, out var name))
            {
                return WithNotes(DecodeAs(bytes, name, "content-type", subject), notes);
            }

            notes.Add(Diagnostic.Warning(ReaderCodes.UnknownCharset, $"unknown charset '{Clip(transportCharset)}' in Content-Type; using the page's own rules", subject));
        }

        var (declared, how) = HtmlCharsetSniffer.Sniff(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        if (declared is not null)
        {
            if (Charsets.TryResolve(declared, out _, out var name))
            {
                // A page cannot declare UTF-16 in ASCII-compatible markup it is reading (WHATWG): it means UTF-8.
                if (name is "utf-16le" or "utf-16be")
                {
                    name = "utf-8";
                }

                return WithNotes(DecodeAs(bytes, name, how, subject), notes);
            }

            notes.Add(Diagnostic.Warning(ReaderCodes.UnknownCharset, $"unknown charset '{Clip(declared)}' declared in the page; guessing", subject));
        }

        if (DetectUtf16ByNuls(bytes) is { } utf16)
        {
            return WithNotes(DecodeAs(bytes, utf16, "nul-pattern", subject), notes);
        }

        if (Utf8.IsValid(bytes))
        {
            return WithNotes(DecodeAs(bytes, "utf-8", "default", subject), notes);
        }

        var legacy = ChooseLegacy(bytes);
        return WithNotes(DecodeAs(bytes, legacy, legacy == "windows-1252" ? "fallback" : "heuristic", subject), notes);
    }

    /// <summary>The encoding named by a byte order mark at the start, and the mark's length; null without one.</summary>
    public static (string Name, int Length)? DetectBom(ReadOnlySpan<byte> bytes)
    {
        // UTF-32LE's mark starts with UTF-16LE's, so it is tested first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return ("utf-32le", 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return ("utf-32be", 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ("utf-8", 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return ("utf-16le", 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ("utf-16be", 2);
        }

        return null;
    }

    /// <summary>
    /// <c>utf-16le</c>/<c>utf-16be</c> when, in the first 4096 bytes, at least 10% of the bytes at one parity are NUL
    /// and at most 1% at the other (text in Latin scripts has a zero high byte on every character); else null.
    /// </summary>
    public static string? DetectUtf16ByNuls(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SniffBytes)];
        var pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0)
            {
                evenZeros++;
            }

            if (sample[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        static bool Many(int zeros, int pairs) => zeros * 10 >= pairs;
        static bool Few(int zeros, int pairs) => zeros * 100 <= pairs;
        if (Many(oddZeros, pairs) && Few(evenZeros, pairs))
        {
            return "utf-16le";
        }

        if (Many(evenZeros, pairs) && Few(oddZeros, pairs))
        {
            return "utf-16be";
        }

        return null;
    }

    /// <summary>
    /// Picks the single-byte encoding under which the bytes ≥ 0x80 read most like words: each such byte scores +1 when
    /// it decodes to a letter, −3 when it decodes to a C1 control or U+FFFD, −1 when it is a symbol glued to a letter
    /// (<c>¹</c>, <c>¾</c>, <c>©</c> inside a word); each word mixing ASCII letters with another script's letters, each
    /// word of three or more mostly-accented Latin letters, and each upper-case letter after a lower-case one in a word
    /// scores −2. Candidates in order windows-1252, iso-8859-2, windows-1251, iso-8859-5; an earlier one wins ties,
    /// so windows-1252 is the fallback.
    /// </summary>
    public static string ChooseLegacy(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        var best = _legacyCandidates[0];
        var bestScore = int.MinValue;
        foreach (var candidate in _legacyCandidates)
        {
            var text = Charsets.Get(candidate).GetString(sample);
            if (text.Length != sample.Length)
            {
                continue; // not a single-byte mapping; cannot align bytes and chars
            }

            var score = Score(sample, text);
            if (score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Score(ReadOnlySpan<byte> bytes, string text)
    {
        var score = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x80)
            {
                continue;
            }

            var c = text[i];
            if (char.IsLetter(c))
            {
                score += 1;
            }
            else if (c == '\uFFFD' || char.IsControl(c))
            {
                score -= 3;
            }
            else if (IsSymbol(c) && ((i > 0 && char.IsLetter(text[i - 1])) || (i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                score -= 1;
            }
        }

        // Word-level plausibility.
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                score += ScoreWord(text.AsSpan(start, i - start));
                start = -1;
            }
        }

        return score;
    }

    private static int ScoreWord(ReadOnlySpan<char> word)
    {
        int ascii = 0, accentedLatin = 0, otherScript = 0, caseFlips = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c < 0x80)
            {
                ascii++;
            }
            else if (c <= 0x024F)
            {
                accentedLatin++;
            }
            else
            {
                otherScript++;
            }

            if (i > 0 && char.IsUpper(c) && char.IsLower(word[i - 1]))
            {
                caseFlips++;
            }
        }

        var score = -2 * caseFlips;
        if (ascii > 0 && otherScript > 0)
        {
            score -= 2;
        }

        if (accentedLatin >= 3 && accentedLatin * 2 > word.Length)
        {
            score -= 2;
        }

        return score;
    }

    private static bool IsSymbol(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.MathSymbol
        or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
        or UnicodeCategory.OtherNumber;

    /// <summary>Decodes with a canonical encoding name; replacement characters, if any, give one PX0106 warning.</summary>
    internal static DecodedText DecodeAs(ReadOnlySpan<byte> bytes, string name, string method, string? subject)
    {
        var label = $"{name} ({method})";
        if (name == "utf-8" && Utf8.IsValid(bytes))
        {
            return new DecodedText(StripBom(Encoding.UTF8.GetString(bytes)), label, []);
        }

        var encoding = Charsets.Get(name);
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            return new DecodedText(StripBom(strict.GetString(bytes)), label, []);
        }
        catch (DecoderFallbackException)
        {
            var text = StripBom(encoding.GetString(bytes));
            var replaced = text.AsSpan().Count('\uFFFD');
            return new DecodedText(text, label, [Diagnostic.Warning(ReaderCodes.DecodeLossy, $"{replaced} invalid byte sequence(s) for {name} replaced with U+FFFD", subject)]);
        }
    }

    // A BOM inside declared-charset content (e.g. meta says utf-8 and the bytes also start with EF BB BF after a
    // transport decode) is not text.
    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    private static DecodedText WithNotes(DecodedText decoded, ImmutableArray<Diagnostic>.Builder notes) =>
        notes.Count == 0 ? decoded : decoded with { Diagnostics = [.. notes, .. decoded.Diagnostics] };

    internal static string Clip(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
