namespace Parallax.Reporting;

/// <summary>How much cleaning removed from an article, by kind, for tables and listings.</summary>
public static class CleaningSummary
{
    /// <summary>
    /// Counts per kind, most frequent first, ties by name (ordinal): <c>ImageDebris×2, Navigation×1</c>; <c>-</c>
    /// when nothing was removed.
    /// </summary>
    public static string ByKind(IEnumerable<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var counts = Count(kinds);
        return counts.Count == 0 ? "-" : string.Join(", ", counts.Select(c => $"{c.Kind}×{c.Count}"));
    }

    /// <summary>Counts per kind, most frequent first, ties by name (ordinal).</summary>
    public static IReadOnlyList<(string Kind, int Count)> Count(IEnumerable<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return
        [
            .. kinds.GroupBy(k => k, StringComparer.Ordinal)
                .Select(g => (Kind: g.Key, Count: g.Count()))
                .OrderByDescending(g => g.Count)
                .ThenBy(g => g.Kind, StringComparer.Ordinal),
        ];
    }
}
