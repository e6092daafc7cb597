using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans;
using Parallax.Compare;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Reporting;
using Parallax.Stories;

namespace Parallax.Cluster.Grains;

/// <summary>
/// One consolidated story: loads its members from the store, runs the language layer, lineage and the story analysis
/// (exactly the steps of <see cref="StoryAnalysisService.Analyze"/> for one story), and keeps the report, in memory and in
/// <c>cluster_stories</c>, keyed by the hash of the story it was given: the same members, links and dates give the
/// cached report without recomputing.
/// </summary>
public sealed class StoryGrain : Grain, IStoryGrain
{
    private static readonly StoryAnalysisService _analysis = new();
    private readonly NodeServices _node;
    private readonly ILogger<StoryGrain> _log;
    private string? _hash;
    private string? _report;

    public StoryGrain(NodeServices node, ILogger<StoryGrain> log)
    {
        _node = node;
        _log = log;
    }

    public Task<string> Analyze(string storyJson)
    {
        ArgumentNullException.ThrowIfNull(storyJson);
        var hash = StoryJson.Hash(storyJson);
        if (hash == _hash && _report is not null)
        {
            return Task.FromResult(_report);
        }

        var story = StoryJson.Read(storyJson);
        using var scope = _log.BeginScope(new Dictionary<string, object> { ["StoryId"] = story.Id });
        var cached = ReadCached(story.Id, hash);
        if (cached is null)
        {
            cached = JsonSerializer.Serialize(AnalyzeStory(story), JsonReportWriter.Options);
            WriteCached(story.Id, hash, cached);
            _log.LogInformation("analysed {Count} articles", story.ArticleIds.Length);
        }

        _hash = hash;
        _report = cached;
        return Task.FromResult(cached);
    }

    /// <summary>The report of one story, as <see cref="StoryAnalysisService.Analyze"/> builds it inside a whole run.</summary>
    public StoryReport AnalyzeStory(Story story)
    {
        var articles = new List<Article>(story.ArticleIds.Length);
        foreach (var id in story.ArticleIds)
        {
            using var scope = _log.BeginScope(new Dictionary<string, object> { ["ArticleId"] = id });
            articles.Add(_node.Store.GetArticle(id) ?? throw new InvalidOperationException($"PX1006: article {id} of story {story.Id} is not in the store"));
        }

        var docs = _analysis.AnalyzeLanguage(articles);
        var lineage = new StoryLineage(story.Id, new LineageDetector().Detect(articles));
        return StoryReportComposer.Compose(story, lineage, docs);
    }

    private string? ReadCached(string storyId, string hash)
    {
        using var connection = new NpgsqlConnection(_node.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT report_json FROM cluster_stories WHERE story_id = $1 AND members_hash = $2;", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = storyId });
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        return command.ExecuteScalar() as string;
    }

    private void WriteCached(string storyId, string hash, string report)
    {
        using var connection = new NpgsqlConnection(_node.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""
            INSERT INTO cluster_stories (story_id, members_hash, report_json, analyzed_by) VALUES ($1, $2, $3, $4)
            ON CONFLICT (story_id) DO UPDATE SET members_hash = EXCLUDED.members_hash, report_json = EXCLUDED.report_json, analyzed_by = EXCLUDED.analyzed_by;
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = storyId });
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = report });
        command.Parameters.Add(new NpgsqlParameter { Value = _node.NodeName });
        command.ExecuteNonQuery();
    }
}

/// <summary>Consolidation over the whole store (see <see cref="IConsolidationGrain"/>).</summary>
public sealed class ConsolidationGrain : Grain, IConsolidationGrain
{
    private readonly NodeServices _node;
    private readonly ILogger<ConsolidationGrain> _log;

    public ConsolidationGrain(NodeServices node, ILogger<ConsolidationGrain> log)
    {
        _node = node;
        _log = log;
    }

    public Task<string[]> Consolidate()
    {
        var articles = _node.Store.LoadArticles();
        using var clusterer = new StoryClusterer();
        var stories = clusterer.Recluster(articles)
            .OrderByDescending(s => s.ArticleIds.Length).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(StoryJson.Write)
            .ToArray();
        _log.LogInformation("consolidated {Articles} articles into {Stories} stories", articles.Length, stories.Length);
        return Task.FromResult(stories);
    }
}
