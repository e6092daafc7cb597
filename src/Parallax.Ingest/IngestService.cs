using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Ingest;

public enum IngestOutcome
{
    /// <summary>A new article was built (and stored, when there is a store).</summary>
    Inserted,
    /// <summary>The same content was ingested before (same SHA-256); the stored article is reused.</summary>
    Duplicate,
    /// <summary>The input could not become an article; see the diagnostics.</summary>
    Rejected,
}

/// <summary>One input item's fate, with its reasons.</summary>
public sealed record IngestEntry(string Origin, string? SourceId, string? ArticleId, IngestOutcome Outcome, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>What an ingest run did: every item in input order. <see cref="Articles"/> holds the articles of this run (new ones and duplicates already stored).</summary>
public sealed record IngestRun(ImmutableArray<IngestEntry> Entries, ImmutableArray<Article> Articles)
{
    public int Inserted => Entries.Count(e => e.Outcome == IngestOutcome.Inserted);
    public int Duplicates => Entries.Count(e => e.Outcome == IngestOutcome.Duplicate);
    public int Rejected => Entries.Count(e => e.Outcome == IngestOutcome.Rejected);
}

/// <summary>Progress of a run: items done so far (the total is unknown while inputs stream in).</summary>
public readonly record struct IngestProgress(int Done, string Current);

/// <summary>
/// Reads inputs, builds articles in parallel (results in input order: deterministic), and saves them in
/// transactional batches. One bad item never stops the batch: it becomes a <see cref="IngestOutcome.Rejected"/>
/// entry with its diagnostics. Cancellation stops between batches; committed batches stay committed.
/// </summary>
public sealed class IngestService
{
    private readonly ISourceReader _reader;
    private readonly ArticleFactory _factory;
    private readonly IArticleStore? _store;
    private readonly int _batchSize;

    public IngestService(ISourceReader reader, ArticleFactory factory, IArticleStore? store, int batchSize = 128)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _reader = reader;
        _factory = factory;
        _store = store;
        _batchSize = batchSize;
    }

    /// <param name="keepArticles">Return the run's articles in <see cref="IngestRun.Articles"/> (for a report); off for plain
    /// ingestion into a store, so that memory stays flat however many articles stream through.</param>
    public IngestRun Ingest(IEnumerable<string> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default, bool keepArticles = true)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var entries = ImmutableArray.CreateBuilder<IngestEntry>();
        var articles = ImmutableArray.CreateBuilder<Article>();
        var seenInRun = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<SourceDocument>(_batchSize);

        foreach (var result in _reader.Read(inputs, cancellationToken))
        {
            foreach (var d in result.Diagnostics.Where(d => d.Severity == Severity.Error))
            {
                entries.Add(new IngestEntry(d.Subject ?? "(input)", null, null, IngestOutcome.Rejected, [d]));
            }

            foreach (var source in result.Sources)
            {
                if (!seenInRun.Add(source.Id))
                {
                    entries.Add(new IngestEntry(source.Origin, source.Id, null, IngestOutcome.Duplicate,
                        [Diagnostic.Info("PX0903", "same content as an earlier input of this run", source.Origin)]));
                    continue;
                }

                pending.Add(source);
                if (pending.Count >= _batchSize)
                {
                    Flush(pending, entries, keepArticles ? articles : null, progress, cancellationToken);
                }
            }
        }

        Flush(pending, entries, keepArticles ? articles : null, progress, cancellationToken);
        return new IngestRun(entries.ToImmutable(), articles.ToImmutable());
    }

    private void Flush(List<SourceDocument> pending, ImmutableArray<IngestEntry>.Builder entries, ImmutableArray<Article>.Builder? articles,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var results = new ArticleBuildResult?[pending.Count];
        var stored = new Article?[pending.Count];
        Parallel.For(0, pending.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var source = pending[i];
            if (_store is not null && _store.ContainsSource(source.Id))
            {
                // The stored article is loaded only when the caller keeps the run's articles (for a report).
                stored[i] = articles is null ? null : _store.GetArticle(Hashing.ShortId(source.Id));
                return;
            }

            results[i] = BuildSafely(source);
        });

        var batch = new List<(SourceDocument, ImmutableArray<Article>)>();
        var batchIndex = new List<int>();
        for (var i = 0; i < pending.Count; i++)
        {
            if (results[i] is { Article: { } a } r)
            {
                batch.Add((r.Source, [a]));
                batchIndex.Add(i);
            }
        }

        var outcomes = _store is null ? [.. batch.Select(_ => SaveOutcome.Inserted)] : _store.Save(batch);
        var outcomeByIndex = new Dictionary<int, SaveOutcome>();
        for (var k = 0; k < batchIndex.Count; k++)
        {
            outcomeByIndex[batchIndex[k]] = outcomes[k];
        }

        for (var i = 0; i < pending.Count; i++)
        {
            var source = pending[i];
            if (results[i] is null)
            {
                entries.Add(new IngestEntry(source.Origin, source.Id, Hashing.ShortId(source.Id), IngestOutcome.Duplicate,
                    [Diagnostic.Info("PX0903", "already in the store (same content hash); not stored twice", source.Origin)]));
                if (stored[i] is { } s)
                {
                    articles?.Add(s);
                }

                continue;
            }

            var r = results[i]!;
            if (r.Article is { } article)
            {
                var outcome = outcomeByIndex[i] == SaveOutcome.Duplicate ? IngestOutcome.Duplicate : IngestOutcome.Inserted;
                entries.Add(new IngestEntry(source.Origin, source.Id, article.Id, outcome, r.Diagnostics));
                articles?.Add(article);
            }
            else
            {
                entries.Add(new IngestEntry(source.Origin, source.Id, null, IngestOutcome.Rejected, r.Diagnostics));
            }

            progress?.Report(new IngestProgress(entries.Count, source.Origin));
        }

        pending.Clear();
    }

    /// <summary>The one place that catches a failure while building an article: recorded as PX0902, the run goes on.</summary>
    private ArticleBuildResult BuildSafely(SourceDocument source)
    {
        try
        {
            return _factory.Build(source);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return new ArticleBuildResult(source, null,
                [Diagnostic.Error("PX0902", $"building the article failed: {ex.GetType().Name}: {ex.Message}", source.Origin)]);
        }
    }
}
