using System.Collections.Immutable;
using System.Text;
using Parallax.Core;

namespace Parallax.Ingest.Tests.Pipeline;

internal sealed class FakeReader(params SourceDocument[] sources) : ISourceReader
{
    public IEnumerable<ReadResult> Read(IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        yield return new ReadResult([.. sources], [Diagnostic.Error("PX0100", "binary, not an article", "photo.jpg")]);
    }

    public static SourceDocument Text(string origin, string text, SourceHints? hints = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new SourceDocument
        {
            Id = SourceDocument.ComputeId(bytes), Origin = origin, Kind = SourceKind.Text, Bytes = bytes, RawText = text,
            Encoding = "utf-8", Reader = "text", Hints = hints ?? SourceHints.None,
        };
    }

    public static SourceDocument Html(string origin, string html) => Text(origin, html) with { Kind = SourceKind.Html, Reader = "html" };
}

/// <summary>Keeps text between &lt;p&gt; tags; rejects pages without any.</summary>
internal sealed class FakeExtractor : IHtmlExtractor
{
    public ExtractionResult Extract(string html, string? url)
    {
        var start = html.IndexOf("<p>", StringComparison.Ordinal);
        var end = html.IndexOf("</p>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return ExtractionResult.Rejected(Diagnostic.Error("PX0201", "not an article"));
        }

        return ExtractionResult.Success(new ExtractedPage(html[(start + 3)..end], new ArticleMetadata { Title = "From page", SiteName = "Page Site" }, null, "fake@1", []));
    }
}

/// <summary>Removes lines that are exactly ".png)"; throws on a line "BOOM" to test failure isolation.</summary>
internal sealed class FakeCleaner : ITextCleaner
{
    public CleanResult Clean(string rawText, ArticleMetadata metadata)
    {
        var b = new OffsetMapBuilder(rawText);
        var removals = ImmutableArray.CreateBuilder<Removal>();
        var pos = 0;
        foreach (var line in rawText.Split('\n'))
        {
            if (line == "BOOM")
            {
                throw new InvalidOperationException("cleaner bug");
            }

            var span = new TextSpan(pos, pos + line.Length);
            if (line == ".png)")
            {
                removals.Add(new Removal(RemovalKind.ImageDebris, span, line, "image-debris"));
            }
            else if (line.Length > 0)
            {
                if (b.Length > 0)
                {
                    b.Insert("\n");
                }

                b.Copy(span);
            }

            pos += line.Length + 1;
        }

        var (text, map) = b.Build();
        return new CleanResult(text, map, removals.ToImmutable(), [], ArticleMetadata.Empty, []);
    }
}

internal sealed class FakeOutlets : IOutletIdentifier
{
    public (string Outlet, string Source) Identify(ArticleMetadata metadata, string? url, string text) =>
        metadata.Outlet != "unknown" ? (metadata.Outlet, metadata.OutletSource) : metadata.SiteName is { } s ? (s, "meta") : ("unknown", "unknown");
}

internal sealed class MemoryStore : IArticleStore
{
    private readonly Dictionary<string, (SourceDocument, ImmutableArray<Article>)> _sources = [];

    public int SaveCalls { get; private set; }

    public ImmutableArray<SaveOutcome> Save(IReadOnlyList<(SourceDocument Source, ImmutableArray<Article> Articles)> batch)
    {
        SaveCalls++;
        return [.. batch.Select(b => _sources.TryAdd(b.Source.Id, b) ? SaveOutcome.Inserted : SaveOutcome.Duplicate)];
    }

    public bool ContainsSource(string sourceId) => _sources.ContainsKey(sourceId);

    public SourceDocument? GetSource(string sourceId) => _sources.TryGetValue(sourceId, out var s) ? s.Item1 : null;

    public Article? GetArticle(string articleId) => _sources.Values.SelectMany(s => s.Item2).FirstOrDefault(a => a.Id == articleId);

    public ImmutableArray<ArticleSummary> ListArticles() => [];

    public ImmutableArray<Article> LoadArticles() => [.. _sources.Values.SelectMany(s => s.Item2)];

    public ImmutableArray<string> Search(string query, int limit = 20) => [];

    public void Dispose()
    {
    }
}
