using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Orleans.Concurrency;
using Parallax.Core;
using Parallax.Stories;

namespace Parallax.Cluster.Grains;

/// <summary>
/// Online story placement for one window: one activation in the cluster, one batch at a time, so every placement in the
/// window is decided at one point. Each decision is recorded in <c>cluster_placements</c> (article id is the key; a
/// second insert changes nothing and the first decision is read back), so a retry, a duplicate delivery or a
/// reactivation on another node after a crash never places an article twice. On activation the index is rebuilt by
/// replaying the window's recorded placements in their recorded order (the online placement is order-dependent; the
/// replay reproduces the same provisional stories).
/// </summary>
[Reentrant]
public sealed class StoryIndexGrain : Grain, IStoryIndexGrain, IDisposable
{
    private readonly NodeServices _node;
    private readonly ILogger<StoryIndexGrain> _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StoryClusterer _clusterer = new();
    private readonly Dictionary<string, PlacementItem> _placed = new(StringComparer.Ordinal);
    private int _queued;

    public StoryIndexGrain(NodeServices node, ILogger<StoryIndexGrain> log)
    {
        _node = node;
        _log = log;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var window = this.GetPrimaryKeyString();
        var replayed = 0;
        foreach (var (articleId, storyId, opened) in ReadPlacements(window))
        {
            if (_node.Store.GetArticle(articleId) is { } article)
            {
                _clusterer.Add(article);
            }

            _placed[articleId] = new PlacementItem(articleId, storyId, opened);
            replayed++;
        }

        _log.LogInformation("window {Window} activated; {Count} placements replayed", window, replayed);
        return Task.CompletedTask;
    }

    public async Task<PlacementItem[]> Place(string[] articleIds)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        Interlocked.Add(ref _queued, articleIds.Length);
        await _gate.WaitAsync();
        try
        {
            var window = this.GetPrimaryKeyString();
            var result = new PlacementItem[articleIds.Length];
            for (var i = 0; i < articleIds.Length; i++)
            {
                var id = articleIds[i];
                using var scope = _log.BeginScope(new Dictionary<string, object> { ["ArticleId"] = id, ["Window"] = window });
                if (_placed.TryGetValue(id, out var known))
                {
                    result[i] = known;
                    continue;
                }

                var article = _node.Store.GetArticle(id);
                if (article is null)
                {
                    // Not stored (yet): nothing to place; the caller's retry places it.
                    _log.LogWarning("not in the store; not placed");
                    result[i] = new PlacementItem(id, "", false);
                    continue;
                }

                var placement = _clusterer.Add(article);
                var decided = Record(window, new PlacementItem(id, placement.StoryId, placement.Opened));
                _placed[id] = decided;
                result[i] = decided;
                _log.LogInformation("placed in {StoryId} ({Decision})", decided.StoryId, decided.Opened ? "opened" : "joined");
            }

            return result;
        }
        finally
        {
            Interlocked.Add(ref _queued, -articleIds.Length);
            _gate.Release();
        }
    }

    public Task<IndexStatus> Status() =>
        Task.FromResult(new IndexStatus(this.GetPrimaryKeyString(), _node.NodeName, _placed.Count,
            _placed.Values.Select(p => p.StoryId).Distinct(StringComparer.Ordinal).Count(), Volatile.Read(ref _queued)));

    public void Dispose()
    {
        _clusterer.Dispose();
        _gate.Dispose();
    }

    /// <summary>Inserts the decision unless one exists; returns the decision that holds (the first one).</summary>
    private PlacementItem Record(string window, PlacementItem item)
    {
        using var connection = new NpgsqlConnection(_node.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""
            WITH ins AS (
                INSERT INTO cluster_placements (article_id, window_key, story_id, opened, placed_by) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (article_id) DO NOTHING RETURNING story_id, opened)
            SELECT story_id, opened FROM ins
            UNION ALL
            SELECT story_id, opened FROM cluster_placements WHERE article_id = $1
            LIMIT 1;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = item.ArticleId });
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        command.Parameters.Add(new NpgsqlParameter { Value = item.StoryId });
        command.Parameters.Add(new NpgsqlParameter { Value = item.Opened });
        command.Parameters.Add(new NpgsqlParameter { Value = _node.NodeName });
        using var reader = command.ExecuteReader();
        reader.Read();
        return new PlacementItem(item.ArticleId, reader.GetString(0), reader.GetBoolean(1));
    }

    private List<(string ArticleId, string StoryId, bool Opened)> ReadPlacements(string window)
    {
        var rows = new List<(string, string, bool)>();
        using var connection = new NpgsqlConnection(_node.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT article_id, story_id, opened FROM cluster_placements WHERE window_key = $1 ORDER BY seq;", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = window });
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return rows;
    }
}
