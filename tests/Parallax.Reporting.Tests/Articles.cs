using System.Collections.Immutable;
using System.Text;
using Parallax.Core;

namespace Parallax.Reporting.Tests;

/// <summary>Hand-built articles (the ingestion pipeline is not needed): raw text minus the given pieces.</summary>
internal static class Articles
{
    public static Article Make(
        string raw,
        string outlet,
        string? title,
        DateOnly? date = null,
        string? url = null,
        params (string Piece, RemovalKind Kind)[] removed)
    {
        var sourceId = Hashing.Sha256Hex(Encoding.UTF8.GetBytes(outlet + "\n" + raw));
        var builder = new OffsetMapBuilder(raw);
        var removals = ImmutableArray.CreateBuilder<Removal>();
        var embeds = ImmutableArray.CreateBuilder<Embed>();
        var at = 0;
        foreach (var (piece, kind) in removed.OrderBy(r => raw.IndexOf(r.Piece, StringComparison.Ordinal)))
        {
            var span = TextSpan.FromLength(raw.IndexOf(piece, at, StringComparison.Ordinal), piece.Length);
            builder.Copy(new TextSpan(at, span.Start));
            removals.Add(new Removal(kind, span, piece, "rule-" + kind.ToString().ToLowerInvariant()));
            if (kind == RemovalKind.Embed)
            {
                embeds.Add(new Embed { Kind = EmbedKind.SocialPost, RawSpan = span, Text = piece.Trim(), Author = "Ilse Varga", Handle = "@ivarga", DateText = "March 11, 2026", Date = "2026-03-11", Platform = "x" });
            }

            at = span.End;
        }

        builder.Copy(new TextSpan(at, raw.Length));
        var (text, map) = builder.Build();
        return new Article
        {
            Id = Hashing.ShortId(sourceId),
            SourceId = sourceId,
            Origin = $"samples/{outlet.ToLowerInvariant().Replace(' ', '-')}.txt",
            Metadata = new ArticleMetadata
            {
                Title = title,
                Outlet = outlet,
                OutletSource = "hint",
                Published = date is { } d ? new PublicationDate { Date = d, Source = "header" } : null,
                Url = url,
                Language = "en",
                Authors = ["Mira Osk"],
            },
            RawText = raw,
            Text = text,
            Map = map,
            Removals = removals.ToImmutable(),
            Embeds = embeds.ToImmutable(),
            Provenance = "test",
        };
    }

    public static ImmutableArray<Article> Story() =>
    [
        Make("Dockworkers at Port Velin walked out on Thursday.\n.png)\nSign up for our newsletter\n", "Harbour Ledger", "Port Velin dockworkers walk out", new DateOnly(2026, 3, 12), "https://ledger.example/velin",
            (".png)\n", RemovalKind.ImageDebris), ("Sign up for our newsletter\n", RemovalKind.Newsletter)),
        Make("Home | World\nThe Velin port strike left 40 ships waiting.\nWalkout now. #VelinStrike\n", "Coastline Wire", "Velin port strike strands ships", new DateOnly(2026, 3, 11), null,
            ("Home | World\n", RemovalKind.Navigation), ("Walkout now. #VelinStrike\n", RemovalKind.Embed)),
        Make("Minister Oskar Tamm called the Velin walkout unlawful.", "Meridian Post", "Minister condemns Velin walkout", null),
    ];
}
