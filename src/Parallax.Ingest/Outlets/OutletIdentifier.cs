using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingest.Outlets;

/// <summary>How an outlet was identified, with the evidence (the domain, the metadata field, or the masthead text).</summary>
/// <param name="Outlet">Outlet name, or <c>unknown</c>.</param>
/// <param name="Source"><c>hint</c>, <c>domain</c>, <c>meta</c>, <c>masthead</c> or <c>unknown</c>.</param>
/// <param name="Evidence">What was matched: a host, a site name, or the masthead text as written; empty for <c>unknown</c>.</param>
public sealed record OutletIdentification(string Outlet, string Source, string Evidence);

/// <summary>
/// Names the outlet of an article. Cascade, first hit wins: (1) <c>hint</c>: an outlet already stated by the input
/// (<see cref="ArticleMetadata.Outlet"/> not <c>unknown</c>); (2) <c>domain</c>: the URL's host in the curated table
/// (<c>Outlets/outlets.tsv</c>); (3) <c>meta</c>: the page's site name (canonicalised through the table's aliases);
/// (5) <c>masthead</c>: a credit or masthead in the text — a dateline credit <c>(Reuters) -</c> in the first lines, a
/// closing credit <c>— Associated Press</c>, or a top line that is exactly a known outlet name (<c>- Conservative Fix</c>);
/// (6) <c>unknown</c>. Between (3) and (4): <c>domain</c> again, the registered domain of an uncurated URL
/// (<c>example-news.com</c>), because the site a page came from is its publisher even when the text credits a wire.
/// Pass the raw text (the cleaner's input): mastheads usually sit on lines cleaning removes. Pure and thread-safe.
/// </summary>
public sealed class OutletIdentifier : IOutletIdentifier
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;

    /// <summary>Lines searched at the top (mastheads, dateline credits) and at the bottom (closing credits).</summary>
    public const int LinesSearched = 6;

    private static readonly Regex _datelineCredit = new(@"\((?<name>[\p{L}][\p{L}\p{N} .&/'’-]{0,40})\)\s*[-–—]{1,2}(\s|$)", Options);

    private static readonly Regex _closingCredit = new(@"^[—–-]{1,2}\s*(?<name>[\p{L}][\p{L}\p{N} .&/'’-]{0,50})$", Options);

    private static readonly Regex _topLine = new(@"^([-*•·▪|]\s*)?((outlet|source|publisher|site)\s*:\s*)?(?<name>[\p{L}\p{N}][\p{L}\p{N} .&/'’-]{0,50})$", Options | RegexOptions.IgnoreCase);

    private static readonly Regex _url = new(@"^[a-z][a-z0-9+.-]*://(?<host>[^/?#\s]+)", Options | RegexOptions.IgnoreCase);

    private readonly OutletTable _table;

    public OutletIdentifier()
        : this(OutletTable.Default)
    {
    }

    public OutletIdentifier(OutletTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <inheritdoc />
    public (string Outlet, string Source) Identify(ArticleMetadata metadata, string? url, string text)
    {
        var id = Explain(metadata, url, text);
        return (id.Outlet, id.Source);
    }

    /// <summary>Like <see cref="Identify"/>, with the evidence.</summary>
    public OutletIdentification Explain(ArticleMetadata metadata, string? url, string text)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        text ??= "";
        if (!IsUnknown(metadata.Outlet))
        {
            var named = _table.FindByName(metadata.Outlet)?.Name ?? metadata.Outlet.Trim();
            var source = metadata.OutletSource is "unknown" or "" ? "hint" : metadata.OutletSource;
            return new OutletIdentification(named, source, metadata.Outlet);
        }

        var hosts = new[] { url, metadata.Url, metadata.CanonicalUrl }
            .Select(HostOf)
            .OfType<string>()
            .ToList();
        foreach (var host in hosts)
        {
            if (_table.FindByHost(host, out var domain) is { } entry)
            {
                return new OutletIdentification(entry.Name, "domain", domain);
            }
        }

        if (!string.IsNullOrWhiteSpace(metadata.SiteName))
        {
            var site = metadata.SiteName.Trim();
            return new OutletIdentification(_table.FindByName(site)?.Name ?? site, "meta", site);
        }

        // The site a page was fetched from is its publisher, even when the text credits a wire service
        // ("WASHINGTON (AP) —" on a newspaper's site): an uncurated domain beats a masthead.
        if (hosts.Count > 0)
        {
            var registered = OutletTable.RegisteredDomain(hosts[0]);
            if (registered.Contains('.', StringComparison.Ordinal))
            {
                return new OutletIdentification(registered, "domain", hosts[0]);
            }
        }

        if (FindMasthead(text) is { } masthead)
        {
            return masthead;
        }

        return new OutletIdentification("unknown", "unknown", "");
    }

    /// <summary>
    /// The masthead step alone: a known outlet credited or named on the first or last lines of <paramref name="text"/>
    /// (see the type's remarks); null when there is none.
    /// </summary>
    public OutletIdentification? FindMasthead(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var line in lines.Take(LinesSearched))
        {
            // A dateline credit: "MINSK, Dec 11 (Reuters) -", "WASHINGTON (AP) —".
            foreach (Match m in _datelineCredit.Matches(line.Length > 200 ? line[..200] : line))
            {
                if (_table.FindByName(m.Groups["name"].Value) is { } e)
                {
                    return new OutletIdentification(e.Name, "masthead", m.Value.Trim());
                }
            }

            // A line that is only an outlet's name: "- Conservative Fix", "BELTA", "outlet: Reuters".
            if (_topLine.Match(line) is { Success: true } t && _table.FindByName(t.Groups["name"].Value.Trim()) is { } named)
            {
                return new OutletIdentification(named.Name, "masthead", line);
            }
        }

        for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - LinesSearched; i--)
        {
            if (_closingCredit.Match(lines[i]) is { Success: true } m && _table.FindByName(m.Groups["name"].Value.Trim()) is { } e)
            {
                return new OutletIdentification(e.Name, "masthead", lines[i]);
            }
        }

        return null;
    }

    private static string? HostOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var u = url.Trim();
        if (u.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || u.StartsWith("//", StringComparison.Ordinal))
        {
            u = "http://" + u.TrimStart('/');
        }

        var m = _url.Match(u);
        if (!m.Success)
        {
            return null;
        }

        var host = m.Groups["host"].Value;
        var at = host.LastIndexOf('@');
        return at >= 0 ? host[(at + 1)..] : host;
    }

    private static bool IsUnknown(string? s) => string.IsNullOrWhiteSpace(s) || s.Equals("unknown", StringComparison.OrdinalIgnoreCase);
}
