using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Parallax.Ingest.Outlets;

/// <summary>One curated outlet: canonical name, the domains it publishes under, and other ways it is written.</summary>
public sealed record OutletEntry(string Name, ImmutableArray<string> Domains, ImmutableArray<string> Aliases);

/// <summary>
/// The curated outlet table (<c>Outlets/outlets.tsv</c>, embedded): domain → outlet and name/alias → outlet.
/// Immutable and thread-safe; <see cref="Default"/> loads once.
/// </summary>
public sealed class OutletTable
{
    private static readonly Lazy<OutletTable> _default = new(() => Parse(ReadEmbedded()));

    // Second-level suffixes under which a registered domain has three labels (news.example.co.uk → example.co.uk).
    private static readonly FrozenSet<string> _multiPartSuffixes = new[]
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "ne.jp", "or.jp",
        "co.kr", "or.kr", "com.br", "com.ar", "com.mx", "com.tr", "com.ua", "co.in", "co.za", "com.cn", "com.sg",
        "com.hk", "co.il", "com.pl", "com.ru", "com.my", "com.ph", "com.pk", "com.ng", "co.ke", "com.eg", "com.sa",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, OutletEntry> _byDomain;
    private readonly FrozenDictionary<string, OutletEntry> _byName;

    private OutletTable(ImmutableArray<OutletEntry> entries)
    {
        Entries = entries;
        var byDomain = new Dictionary<string, OutletEntry>(StringComparer.Ordinal);
        var byName = new Dictionary<string, OutletEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            foreach (var d in e.Domains)
            {
                byDomain.TryAdd(d, e);
            }

            foreach (var n in e.Aliases.Prepend(e.Name))
            {
                byName.TryAdd(n, e);
            }
        }

        _byDomain = byDomain.ToFrozenDictionary(StringComparer.Ordinal);
        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The table shipped with Parallax.</summary>
    public static OutletTable Default => _default.Value;

    public ImmutableArray<OutletEntry> Entries { get; }

    /// <summary>Parses the TSV format described at the top of <c>outlets.tsv</c>. Throws on a malformed row (the file is ours).</summary>
    public static OutletTable Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var entries = ImmutableArray.CreateBuilder<OutletEntry>();
        var lineNumber = 0;
        foreach (var line in tsv.Split('\n'))
        {
            lineNumber++;
            var row = line.TrimEnd('\r');
            if (row.Length == 0 || row.StartsWith('#'))
            {
                continue;
            }

            var cols = row.Split('\t');
            if (cols.Length is < 1 or > 3 || cols[0].Trim().Length == 0)
            {
                throw new FormatException($"outlets.tsv line {lineNumber}: expected name<TAB>domains<TAB>aliases");
            }

            entries.Add(new OutletEntry(
                cols[0].Trim(),
                Split(cols.Length > 1 ? cols[1] : "").Select(d => d.ToLowerInvariant()).ToImmutableArray(),
                Split(cols.Length > 2 ? cols[2] : "")));
        }

        return new OutletTable(entries.ToImmutable());
    }

    /// <summary>The outlet whose domain is <paramref name="host"/> or a parent of it (<c>uk.reuters.com</c> → Reuters); null when none.</summary>
    public OutletEntry? FindByHost(string host, out string matchedDomain)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = NormalizeHost(host);
        while (h.Length > 0)
        {
            if (_byDomain.TryGetValue(h, out var e))
            {
                matchedDomain = h;
                return e;
            }

            var dot = h.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                break;
            }

            h = h[(dot + 1)..];
        }

        matchedDomain = "";
        return null;
    }

    /// <summary>The outlet written exactly <paramref name="name"/> (canonical name or alias, case-insensitive); null when none.</summary>
    public OutletEntry? FindByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name.Trim(), out var e) ? e : null;
    }

    /// <summary>Lower-cased host without a trailing dot, port or leading <c>www.</c>/<c>m.</c>/<c>amp.</c>.</summary>
    public static string NormalizeHost(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        var colon = h.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            h = h[..colon];
        }

        foreach (var prefix in (string[])["www.", "m.", "amp.", "mobile."])
        {
            if (h.StartsWith(prefix, StringComparison.Ordinal) && h.Count(c => c == '.') >= 2)
            {
                h = h[prefix.Length..];
            }
        }

        return h;
    }

    /// <summary>The registered domain of a host (<c>news.example.co.uk</c> → <c>example.co.uk</c>), from a small built-in suffix list.</summary>
    public static string RegisteredDomain(string host)
    {
        var h = NormalizeHost(host);
        var labels = h.Split('.');
        if (labels.Length <= 2)
        {
            return h;
        }

        var lastTwo = labels[^2] + "." + labels[^1];
        var take = _multiPartSuffixes.Contains(lastTwo) ? 3 : 2;
        return string.Join('.', labels[^take..]);
    }

    private static ImmutableArray<string> Split(string s) =>
        [.. s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string ReadEmbedded()
    {
        var asm = typeof(OutletTable).Assembly;
        using var stream = asm.GetManifestResourceStream("Parallax.Ingest.Outlets.outlets.tsv")
            ?? throw new InvalidOperationException("embedded resource Parallax.Ingest.Outlets.outlets.tsv is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
