using System.Collections.Immutable;
using System.Text;
using FsCheck.Xunit;
using Parallax.Core;

namespace Parallax.Storage.Tests;

/// <summary>Round-trip properties over arbitrary UTF-16 (lone surrogates, controls, NUL) and arbitrary removal cuts.</summary>
public sealed class RoundTripProperties : IDisposable
{
    private readonly TempDb _db = new();
    private readonly SqliteArticleStore _store;

    public RoundTripProperties()
    {
        _store = _db.Open();
    }

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }

    [Property(MaxTest = 60)]
    public void Store_RoundTripsArbitraryTextsAndRemovals(ushort[] units, byte[] cuts, ushort[] titleUnits)
    {
        var raw = new string([.. (units ?? []).Select(u => (char)u)]);
        var title = new string([.. (titleUnits ?? []).Select(u => (char)u)]);
        // Alternate kept and removed runs at the cut points.
        var points = (cuts ?? []).Select(c => raw.Length == 0 ? 0 : c % (raw.Length + 1)).Append(0).Append(raw.Length).Distinct().Order().ToArray();
        var builder = new OffsetMapBuilder(raw);
        var removals = ImmutableArray.CreateBuilder<Removal>();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var span = new TextSpan(points[i], points[i + 1]);
            if (i % 2 == 0)
            {
                builder.Copy(span);
                builder.Insert("\n");
            }
            else
            {
                removals.Add(new Removal((RemovalKind)(i % 19), span, span.Of(raw), "rule " + title));
            }
        }

        var (text, map) = builder.Build();
        var bytes = Encoding.UTF8.GetBytes(raw + "\u0001" + Guid.NewGuid());
        var source = new SourceDocument { Id = SourceDocument.ComputeId(bytes), Origin = title, Kind = SourceKind.Text, Bytes = bytes, RawText = raw, Encoding = "utf-8", Reader = "text", Hints = new SourceHints { Title = title, Authors = [title] } };
        var article = new Article
        {
            Id = Hashing.ShortId(source.Id),
            SourceId = source.Id,
            Origin = title,
            Metadata = new ArticleMetadata { Title = title, Outlet = title, Authors = [title, raw] },
            RawText = raw,
            Text = text,
            Map = map,
            Removals = removals.ToImmutable(),
            Embeds = raw.Length > 0 ? [new Embed { Kind = EmbedKind.Other, RawSpan = new TextSpan(0, raw.Length), Text = raw, Author = title }] : [],
            Provenance = title,
        };
        Assert.Equal([SaveOutcome.Inserted], _store.Save([(source, [article])]).ToArray());
        Equality.AssertSame(article, _store.GetArticle(article.Id)!);
        Equality.AssertSame(source, _store.GetSource(source.Id)!);
    }
}
