using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parallax.Ingest.Readers;

/// <summary>An HTTP response as stored in a WARC <c>response</c> record, with its body already de-chunked and
/// content-decoded.</summary>
/// <param name="Status">The status code (100–999).</param>
/// <param name="Headers">Header fields, names case-insensitive; repeated fields keep the last value.</param>
/// <param name="Body">The entity body after transfer and content decoding.</param>
public sealed record HttpMessage(int Status, ImmutableDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The media type of <c>Content-Type</c>, lower-cased, without parameters; null when absent.</summary>
    public string? MediaType => MediaTypeOf(Header("Content-Type"));

    internal static string? MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';');
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }
}

/// <summary>
/// Parses a raw HTTP/1.x response (status line, headers, body): handles <c>Transfer-Encoding: chunked</c> and
/// <c>Content-Encoding: gzip | x-gzip | deflate | br | identity</c>. Bad data gives a reason, never an exception.
/// Pure and thread-safe.
/// </summary>
public static class HttpMessageParser
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>The parsed response, or null and a reason. The decoded body never exceeds <paramref name="maxBodyBytes"/>.</summary>
    public static (HttpMessage? Message, string? Problem) Parse(ReadOnlySpan<byte> raw, long maxBodyBytes)
    {
        var headerEnd = FindHeaderEnd(raw, out var separatorLength);
        if (headerEnd < 0)
        {
            return (null, raw.Length > MaxHeaderBytes ? "HTTP headers longer than 64 KiB" : "HTTP headers are not terminated by an empty line");
        }

        var head = Encoding.Latin1.GetString(raw[..headerEnd]);
        var lines = head.Split('\n');
        var statusLine = lines[0].TrimEnd('\r');
        var parts = statusLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 999)
        {
            return (null, $"bad HTTP status line '{TextDecoder.Clip(statusLine)}'");
        }

        var headers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        string? lastName = null;
        foreach (var rawLine in lines.Skip(1))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is ' ' or '\t' && lastName is not null)
            {
                headers[lastName] = headers[lastName] + " " + line.Trim(); // obsolete line folding
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue; // tolerated: crawlers store odd header lines verbatim
            }

            lastName = line[..colon].Trim();
            headers[lastName] = line[(colon + 1)..].Trim();
        }

        var body = raw[(headerEnd + separatorLength)..];
        byte[] bytes;
        if (headers.TryGetValue("Transfer-Encoding", out var transfer) && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var (dechunked, problem) = Dechunk(body, maxBodyBytes);
            if (dechunked is null)
            {
                return (null, problem);
            }

            bytes = dechunked;
        }
        else
        {
            if (body.Length > maxBodyBytes)
            {
                return (null, $"HTTP body larger than {maxBodyBytes} bytes");
            }

            bytes = body.ToArray();
        }

        if (headers.TryGetValue("Content-Encoding", out var coding))
        {
            var (decoded, problem) = Decode(bytes, coding.Trim().ToLowerInvariant(), maxBodyBytes);
            if (decoded is null)
            {
                return (null, problem);
            }

            bytes = decoded;
        }

        return (new HttpMessage(status, headers.ToImmutable(), bytes), null);
    }

    /// <summary>Removes chunked transfer coding; chunk extensions and trailers are ignored.</summary>
    public static (byte[]? Body, string? Problem) Dechunk(ReadOnlySpan<byte> body, long maxBodyBytes)
    {
        using var output = new MemoryStream();
        var pos = 0;
        while (true)
        {
            var lineLength = body[pos..].IndexOf((byte)'\n');
            if (lineLength < 0)
            {
                return (null, "chunked body ends without a last chunk");
            }

            var sizeText = Encoding.Latin1.GetString(body.Slice(pos, lineLength)).TrimEnd('\r');
            var semicolon = sizeText.IndexOf(';');
            if (semicolon >= 0)
            {
                sizeText = sizeText[..semicolon];
            }

            if (!long.TryParse(sizeText.Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return (null, $"bad chunk size '{TextDecoder.Clip(sizeText)}'");
            }

            pos += lineLength + 1;
            if (size == 0)
            {
                return (output.ToArray(), null);
            }

            if (size > body.Length - pos)
            {
                return (null, "chunk runs past the end of the record");
            }

            if (output.Length + size > maxBodyBytes)
            {
                return (null, $"HTTP body larger than {maxBodyBytes} bytes");
            }

            output.Write(body.Slice(pos, (int)size));
            pos += (int)size;
            // The CRLF after the chunk data.
            if (pos < body.Length && body[pos] == '\r')
            {
                pos++;
            }

            if (pos < body.Length && body[pos] == '\n')
            {
                pos++;
            }
        }
    }

    private static (byte[]? Body, string? Problem) Decode(byte[] bytes, string coding, long maxBodyBytes)
    {
        if (coding is "" or "identity" || bytes.Length == 0)
        {
            return (bytes, null);
        }

        Func<Stream, Stream>? open = coding switch
        {
            "gzip" or "x-gzip" => s => new GZipStream(s, CompressionMode.Decompress),
            "br" => s => new BrotliStream(s, CompressionMode.Decompress),
            "deflate" => s => bytes.Length >= 2 && (bytes[0] & 0x0F) == 8 && ((bytes[0] << 8) | bytes[1]) % 31 == 0
                ? new ZLibStream(s, CompressionMode.Decompress)
                : new DeflateStream(s, CompressionMode.Decompress),
            _ => null,
        };
        if (open is null)
        {
            return (null, $"unsupported Content-Encoding '{TextDecoder.Clip(coding)}'");
        }

        try
        {
            using var stream = open(new MemoryStream(bytes, writable: false));
            var (decoded, tooLarge) = Bounded.ReadAll(stream, maxBodyBytes, CancellationToken.None);
            if (tooLarge)
            {
                return (null, $"decoded HTTP body larger than {maxBodyBytes} bytes");
            }

            if (coding is "gzip" or "x-gzip" && !Gzip.TrailerPlausible(bytes, decoded.LongLength, singleMemberExact: false))
            {
                return (null, "truncated gzip Content-Encoding");
            }

            return (decoded, null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"corrupt {coding} Content-Encoding: {e.Message}");
        }
        catch (IOException e)
        {
            return (null, $"corrupt {coding} Content-Encoding: {e.Message}");
        }
    }

    // Index of the empty line ending the headers (CRLFCRLF or LFLF), and the separator's length; -1 when none.
    private static int FindHeaderEnd(ReadOnlySpan<byte> raw, out int separatorLength)
    {
        var window = raw[..Math.Min(raw.Length, MaxHeaderBytes)];
        var crlf = window.IndexOf("\r\n\r\n"u8);
        var lf = window.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            separatorLength = 4;
            return crlf;
        }

        separatorLength = 2;
        return lf;
    }
}
