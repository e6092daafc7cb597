using System.Runtime.InteropServices;
using Parallax.Cluster.Grains;
using Parallax.Core;
using Parallax.Storage;

namespace Parallax.Cluster;

/// <summary>
/// Converts sources to and from their wire form. Strings travel as raw UTF-16 code units (not UTF-8), and the hints and
/// diagnostics with the store's own JSON shapes, so a source built into an article on a silo is the very source the
/// client read: the same article as in a single process. Thread-safe (stateless).
/// </summary>
public static class Payloads
{
    public static SourcePayload ToPayload(SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SourcePayload(
            source.Id,
            Utf16(source.Origin),
            (int)source.Kind,
            source.Bytes.ToArray(),
            Utf16(source.RawText),
            source.Encoding,
            source.FetchedAt?.ToUnixTimeMilliseconds(),
            source.Reader,
            Utf16(StoredJson.Write(source.Hints)),
            Utf16(StoredJson.WriteDiagnostics(source.Diagnostics)));
    }

    public static SourceDocument FromPayload(SourcePayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new SourceDocument
        {
            Id = payload.Id,
            Origin = String(payload.Origin),
            Kind = (SourceKind)payload.Kind,
            Bytes = payload.Bytes,
            RawText = String(payload.RawText),
            Encoding = payload.Encoding,
            FetchedAt = payload.FetchedAtUnixMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            Reader = payload.Reader,
            Hints = StoredJson.Read<SourceHints>(String(payload.HintsJson)),
            Diagnostics = StoredJson.ReadDiagnostics(String(payload.DiagnosticsJson)),
        };
    }

    // Raw code units: lone surrogates survive (UTF-8 would replace them).
    private static byte[] Utf16(string text) => MemoryMarshal.AsBytes(text.AsSpan()).ToArray();

    private static string String(byte[] bytes) => new(MemoryMarshal.Cast<byte, char>(bytes));
}
