using System.Collections.Immutable;
using System.Text;
using Parallax.Core;

namespace Parallax.Storage.Tests;

/// <summary>Builds sources and articles by hand with <see cref="OffsetMapBuilder"/> (no ingestion pipeline needed).</summary>
internal static class TestArticles
{
    /// <summary>
    /// A text source whose article keeps everything except the given pieces of raw text, each recorded as a
    /// <see cref="Removal"/>; pieces of kind <see cref="RemovalKind.Embed"/> also become an <see cref="Embed"/>.
    /// </summary>
    public static (SourceDocument Source, Article Article) Make(
        string raw,
        string outlet = "The Harbour Ledger",
        string? title = "Dockers walk out at Port Velin",
        PublicationDate? published = null,
        params (string Piece, RemovalKind Kind)[] removed)
    {
        var bytes = Encoding.UTF8.GetBytes(raw);
        var source = new SourceDocument
        {
            Id = SourceDocument.ComputeId(bytes),
            Origin = $"samples/{outlet.ToLowerInvariant().Replace(' ', '-')}.txt",
            Kind = SourceKind.Text,
            Bytes = bytes,
            RawText = raw,
            Encoding = "utf-8",
            Reader = "text",
            FetchedAt = new DateTimeOffset(2026, 3, 12, 9, 30, 15, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            Hints = new SourceHints { Outlet = outlet, Title = title, Authors = ["Mira Osk", "Tal Brenn"] },
            Diagnostics = [Diagnostic.Warning("PX0102", "PX0102: a test warning", "line 3")],
        };

        var spans = removed
            .Select(r => (Span: TextSpan.FromLength(raw.IndexOf(r.Piece, StringComparison.Ordinal), r.Piece.Length), r.Kind))
            .OrderBy(r => r.Span.Start)
            .ToArray();
        var builder = new OffsetMapBuilder(raw);
        var removals = ImmutableArray.CreateBuilder<Removal>();
        var embeds = ImmutableArray.CreateBuilder<Embed>();
        var at = 0;
        foreach (var (span, kind) in spans)
        {
            builder.Copy(new TextSpan(at, span.Start));
            removals.Add(new Removal(kind, span, span.Of(raw), $"test-{kind.ToString().ToLowerInvariant()}"));
            if (kind == RemovalKind.Embed)
            {
                embeds.Add(new Embed
                {
                    Kind = EmbedKind.SocialPost,
                    RawSpan = span,
                    Text = span.Of(raw),
                    Author = "Ilse Varga",
                    Handle = "@ivarga",
                    DateText = "March 11, 2026",
                    Date = "2026-03-11",
                    Platform = "x",
                });
            }

            at = span.End;
        }

        builder.Copy(new TextSpan(at, raw.Length));
        var (text, map) = builder.Build();
        var article = new Article
        {
            Id = Hashing.ShortId(source.Id),
            SourceId = source.Id,
            Origin = source.Origin,
            Metadata = new ArticleMetadata
            {
                Title = title,
                Outlet = outlet,
                OutletSource = "hint",
                Authors = ["Mira Osk"],
                Published = published,
                Language = "en",
                Url = "https://harbour-ledger.example/strike",
                SyndicationSource = null,
            },
            RawText = raw,
            Text = text,
            Map = map,
            Removals = removals.ToImmutable(),
            Embeds = embeds.ToImmutable(),
            Diagnostics = [Diagnostic.Info("PX0301", "PX0301: test info")],
            Provenance = "text/cleaner@1",
        };
        return (source, article);
    }

    public static PublicationDate Date(int year, int month, int day) =>
        new() { Date = new DateOnly(year, month, day), Source = "header" };

    /// <summary>A distinct small article: <paramref name="n"/> makes its content (and so its id) unique.</summary>
    public static (SourceDocument Source, Article Article) Numbered(int n, string word = "strike") =>
        Make($"Report {n}: the {word} at Port Velin entered day {n}.\n.png)\n", title: $"Day {n} of the {word}", published: Date(2026, 3, 1 + (n % 28)), removed: [(".png)\n", RemovalKind.ImageDebris)]);

    public static (SourceDocument, ImmutableArray<Article>) Batch((SourceDocument Source, Article Article) item) => (item.Source, [item.Article]);
}
