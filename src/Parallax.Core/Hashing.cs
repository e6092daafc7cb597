using System.Security.Cryptography;
using System.Text;

namespace Parallax.Core;

/// <summary>Content hashes used as stable ids. SHA-256, lowercase hex.</summary>
public static class Hashing
{
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>A short id (first 16 hex digits of the SHA-256) for display and file names.</summary>
    public static string ShortId(string hex) => hex.Length <= 16 ? hex : hex[..16];
}
