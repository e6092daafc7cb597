using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Concurrency;
using Parallax.Core;
using Parallax.Ingest;

namespace Parallax.Cluster.Grains;

/// <summary>
/// The ingest worker of one partition. Batches are processed one at a time (a gate, not Orleans' turn lock, so that
/// <see cref="Status"/> can report how many wait); each source is built into an article on this node, the batch is saved
/// in one store transaction (a source already stored is a duplicate, never a second row), and every article of the batch,
/// new or already stored, is handed to its window's <see cref="IStoryIndexGrain"/> (idempotent there).
/// </summary>
[Reentrant]
public sealed class IngestPartitionGrain : Grain, IIngestPartitionGrain
{
    private readonly NodeServices _node;
    private readonly ILogger<IngestPartitionGrain> _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _queued;
    private long _inserted;
    private long _duplicates;
    private long _rejected;

    public IngestPartitionGrain(NodeServices node, ILogger<IngestPartitionGrain> log)
    {
        _node = node;
        _log = log;
    }

    public async Task<IngestItem[]> Ingest(SourcePayload[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Interlocked.Add(ref _queued, sources.Length);
        await _gate.WaitAsync();
        try
        {
            return await IngestBatch(sources);
        }
        finally
        {
            Interlocked.Add(ref _queued, -sources.Length);
            _gate.Release();
        }
    }

    public Task<PartitionStatus> Status() =>
        Task.FromResult(new PartitionStatus(this.GetPrimaryKeyLong(), _node.NodeName, Volatile.Read(ref _queued),
            Interlocked.Read(ref _inserted), Interlocked.Read(ref _duplicates), Interlocked.Read(ref _rejected)));

    private async Task<IngestItem[]> IngestBatch(SourcePayload[] payloads)
    {
        var partition = this.GetPrimaryKeyLong();
        var items = new IngestItem?[payloads.Length];
        var toSave = new List<(SourceDocument, ImmutableArray<Article>)>();
        var saveIndex = new List<int>();
        var articles = new Article?[payloads.Length];
        for (var i = 0; i < payloads.Length; i++)
        {
            var source = Payloads.FromPayload(payloads[i]);
            var articleId = Hashing.ShortId(source.Id);
            using var scope = _log.BeginScope(new Dictionary<string, object> { ["ArticleId"] = articleId, ["SourceId"] = source.Id, ["Partition"] = partition });
            if (_node.Store.ContainsSource(source.Id))
            {
                // A retry after a failure, or the same content from another input: stored once already.
                articles[i] = _node.Store.GetArticle(articleId);
                items[i] = new IngestItem(source.Id, articleId, 1, [], null);
                _log.LogInformation("already stored; not stored twice");
                continue;
            }

            var built = BuildSafely(source);
            if (built.Article is { } article)
            {
                articles[i] = article;
                toSave.Add((source, [article]));
                saveIndex.Add(i);
            }
            else
            {
                var errors = built.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToArray();
                items[i] = new IngestItem(source.Id, null, 2, errors, null);
                _log.LogWarning("rejected: {Reasons}", string.Join("; ", errors));
            }
        }

        var outcomes = toSave.Count == 0 ? [] : _node.Store.Save(toSave);
        for (var k = 0; k < saveIndex.Count; k++)
        {
            var i = saveIndex[k];
            var inserted = outcomes[k] == SaveOutcome.Inserted;
            items[i] = new IngestItem(payloads[i].Id, articles[i]!.Id, inserted ? 0 : 1, [], null);
            using var scope = _log.BeginScope(new Dictionary<string, object> { ["ArticleId"] = articles[i]!.Id, ["Partition"] = partition });
            _log.LogInformation(inserted ? "stored" : "already stored by a concurrent writer; not stored twice");
        }

        // Placement: per window, one call with the window's articles in batch order.
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var window in articles.Where(a => a is not null).GroupBy(a => ClusterLayout.WindowOf(a!), StringComparer.Ordinal))
        {
            var placed = await GrainFactory.GetGrain<IStoryIndexGrain>(window.Key).Place([.. window.Select(a => a!.Id)]);
            foreach (var p in placed)
            {
                storyOf[p.ArticleId] = p.StoryId;
            }
        }

        var result = new IngestItem[payloads.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var item = items[i]!;
            result[i] = item.ArticleId is { } id && storyOf.TryGetValue(id, out var story) ? item with { StoryId = story } : item;
            switch (item.Outcome)
            {
                case 0: Interlocked.Increment(ref _inserted); break;
                case 1: Interlocked.Increment(ref _duplicates); break;
                default: Interlocked.Increment(ref _rejected); break;
            }
        }

        return result;
    }

    /// <summary>The one place a failure while building an article is caught on a node: recorded as PX0902, the batch goes on.</summary>
    private ArticleBuildResult BuildSafely(SourceDocument source)
    {
        try
        {
            return _node.Factory.Build(source);
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
