using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parallax.Core;

namespace Parallax.Cluster;

/// <summary>
/// How work is divided: fixed ingest partitions by source id, placement windows by publication week. Pure functions of
/// their inputs, identical on every node and client (never <c>string.GetHashCode</c>, which differs per process).
/// </summary>
public static class ClusterLayout
{
    /// <summary>Number of ingest partitions. Fixed for a deployment: changing it re-routes sources (still idempotent, as the store dedups by id).</summary>
    public const int Partitions = 8;

    /// <summary>The Orleans cluster and service id every Parallax node and client uses.</summary>
    public const string ClusterId = "parallax";

    /// <summary>The window of articles with no stated publication date.</summary>
    public const string UndatedWindow = "undated";

    /// <summary>Partition of a source: the first 8 bytes of SHA-256(id) modulo <see cref="Partitions"/>, in [0, Partitions).</summary>
    public static int PartitionOf(string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sourceId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Partitions);
    }

    /// <summary>
    /// The placement window of an article: its ISO week (<c>2024-W07</c>) by stated publication date, else
    /// <see cref="UndatedWindow"/>. Every article of one window is placed by the same <c>IStoryIndexGrain</c>.
    /// </summary>
    public static string WindowOf(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Metadata.Published?.Date is not { } date)
        {
            return UndatedWindow;
        }

        var dt = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}");
    }
}
