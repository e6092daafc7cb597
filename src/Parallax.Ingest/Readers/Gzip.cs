using System.Buffers.Binary;
using System.IO.Compression;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>
/// Bounded gzip decompression (all members of a multi-member file). .NET's <see cref="GZipStream"/> returns the
/// bytes of a truncated file without complaint, so the trailer is checked: the last member's ISIZE (last four bytes,
/// length mod 2^32) must equal the total length for one member and cannot exceed it for several.
/// </summary>
internal static class Gzip
{
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>Decompresses every member; null with a diagnostic when the data is corrupt, truncated or larger than <paramref name="cap"/>.</summary>
    public static (byte[]? Bytes, Diagnostic? Problem) Decompress(ReadOnlyMemory<byte> compressed, long cap, string subject, CancellationToken cancellationToken)
    {
        byte[] output;
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            var (bytes, tooLarge) = Bounded.ReadAll(gzip, cap, cancellationToken);
            if (tooLarge)
            {
                return (null, Diagnostic.Error(ReaderCodes.DecompressedTooLarge, $"gzip content exceeds the decompressed size cap of {cap} bytes", subject));
            }

            output = bytes;
        }
        catch (InvalidDataException e)
        {
            return (null, Diagnostic.Error(ReaderCodes.GzipCorrupt, $"corrupt gzip data: {e.Message}", subject));
        }

        if (!TrailerPlausible(compressed.Span, output.LongLength, singleMemberExact: !HasSecondMember(compressed.Span)))
        {
            return (null, Diagnostic.Error(ReaderCodes.GzipCorrupt, "truncated gzip data (the trailer does not match the decompressed length)", subject));
        }

        return (output, null);
    }

    /// <summary>True when the last eight bytes look like a gzip trailer for <paramref name="total"/> decompressed bytes.</summary>
    public static bool TrailerPlausible(ReadOnlySpan<byte> compressed, long total, bool singleMemberExact)
    {
        if (compressed.Length < 18)
        {
            return false; // 10-byte header + 8-byte trailer is the minimum
        }

        var isize = BinaryPrimitives.ReadUInt32LittleEndian(compressed[^4..]);
        var totalMod = (uint)(total & 0xFFFFFFFF);
        return singleMemberExact ? isize == totalMod : isize <= totalMod || total > uint.MaxValue;
    }

    // Cheap over-approximation: another gzip header somewhere after the first. A false positive only weakens the
    // trailer check from "equal" to "not larger".
    private static bool HasSecondMember(ReadOnlySpan<byte> compressed) =>
        compressed.Length > 20 && compressed[10..].IndexOf((ReadOnlySpan<byte>)[0x1F, 0x8B, 0x08]) >= 0;
}

/// <summary>Reads streams into memory without ever exceeding a cap.</summary>
internal static class Bounded
{
    /// <summary>All bytes of <paramref name="stream"/>, or (empty, true) as soon as more than <paramref name="cap"/> bytes arrive.</summary>
    public static (byte[] Bytes, bool TooLarge) ReadAll(Stream stream, long cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = stream.Read(chunk, 0, chunk.Length);
            if (n == 0)
            {
                return (buffer.ToArray(), false);
            }

            if (buffer.Length + n > cap)
            {
                return ([], true);
            }

            buffer.Write(chunk, 0, n);
        }
    }
}
