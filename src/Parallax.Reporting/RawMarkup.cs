using System.Text;
using Parallax.Core;

namespace Parallax.Reporting;

/// <summary>
/// Shows an article's raw text with every removal marked inline, e.g. <c>⟦removed:ImageDebris⟧.png)⟦/⟧</c>, so a
/// reader sees exactly what cleaning took out and where. Removing the markers gives back the raw text unchanged.
/// </summary>
public static class RawMarkup
{
    public const string CloseMarker = "⟦/⟧";

    public static string OpenMarker(RemovalKind kind) => $"⟦removed:{kind}⟧";

    /// <summary>
    /// The raw text with markers around each removal. Removals are nested when one contains another; a removal that
    /// only partly overlaps the previous one is opened where it starts and closed where it ends.
    /// </summary>
    public static string Mark(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var raw = article.RawText;
        // Events at each position: closes first (innermost first), then opens (outermost first).
        var events = new List<(int Pos, int Order, int Tiebreak, string Text)>();
        for (var i = 0; i < article.Removals.Length; i++)
        {
            var r = article.Removals[i];
            if (r.RawSpan.End > raw.Length)
            {
                continue;
            }

            if (r.RawSpan.IsEmpty)
            {
                events.Add((r.RawSpan.Start, 1, 0, OpenMarker(r.Kind) + CloseMarker));
                continue;
            }

            events.Add((r.RawSpan.Start, 2, -r.RawSpan.End, OpenMarker(r.Kind)));
            events.Add((r.RawSpan.End, 0, -r.RawSpan.Start, CloseMarker));
        }

        events.Sort((a, b) => (a.Pos, a.Order, a.Tiebreak).CompareTo((b.Pos, b.Order, b.Tiebreak)));
        var sb = new StringBuilder(raw.Length + (events.Count * 12));
        var at = 0;
        foreach (var e in events)
        {
            sb.Append(raw, at, e.Pos - at).Append(e.Text);
            at = e.Pos;
        }

        sb.Append(raw, at, raw.Length - at);
        return sb.ToString();
    }

    /// <summary>The article's embedded posts, one block each: author, handle, date, platform, raw span, then the text.</summary>
    public static string DescribeEmbeds(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Embeds.Length == 0)
        {
            return "";
        }

        var sb = new StringBuilder();
        sb.Append("Embeds (not the outlet's words):\n");
        foreach (var e in article.Embeds)
        {
            var who = string.Join(" ", new[] { e.Author, e.Handle, e.Date ?? e.DateText, e.Platform, e.Url }.Where(s => !string.IsNullOrEmpty(s)));
            sb.Append($"- {e.Kind} raw [{e.RawSpan.Start}, {e.RawSpan.End}) {who}\n");
            foreach (var line in e.Text.Split('\n'))
            {
                sb.Append("    ").Append(line).Append('\n');
            }
        }

        return sb.ToString();
    }
}
