using Orleans;
using Orleans.Concurrency;

namespace Parallax.Cluster.Grains;

/// <summary>
/// One ingest worker per partition of incoming sources (key = partition number in [0, <see cref="ClusterLayout.Partitions"/>)).
/// A source goes to partition <c>ClusterLayout.PartitionOf(sourceId)</c>, so a retry of the same source always reaches the
/// same worker. Builds, stores (idempotent by SHA-256 source id) and places articles; safe to call again with the same
/// batch after any failure: nothing is stored twice and the placement is decided once.
/// </summary>
public interface IIngestPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Ingests a batch; one result per source, in order.</summary>
    Task<IngestItem[]> Ingest(SourcePayload[] sources);

    /// <summary>Counters and queue depth; answered even while a batch is being processed.</summary>
    [AlwaysInterleave]
    Task<PartitionStatus> Status();
}

/// <summary>
/// The single decision point for story placement in one time window (key = <see cref="ClusterLayout.WindowOf"/>): the
/// online placement of an article happens here and nowhere else, and is recorded once in PostgreSQL
/// (<c>cluster_placements</c>), so no two nodes open the same story.
/// </summary>
public interface IStoryIndexGrain : IGrainWithStringKey
{
    /// <summary>Places the articles (in order); an article placed before keeps its first placement.</summary>
    Task<PlacementItem[]> Place(string[] articleIds);

    [AlwaysInterleave]
    Task<IndexStatus> Status();
}

/// <summary>One story (key = consolidated story id <c>s-…</c>): its members and its cached report.</summary>
public interface IStoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// The story report as JSON (<c>JsonReportWriter.Options</c>) for the story given as JSON (<c>Parallax.Stories.Story</c>);
    /// cached in memory and in PostgreSQL (<c>cluster_stories</c>) while the membership is unchanged.
    /// </summary>
    Task<string> Analyze(string storyJson);
}

/// <summary>
/// Consolidation over every stored article (key 0): the order-independent stories of the whole store, which the
/// caller then hands to one <see cref="IStoryGrain"/> each (the analysis runs in parallel across the silos).
/// </summary>
public interface IConsolidationGrain : IGrainWithIntegerKey
{
    /// <summary>Every story as JSON (<c>StoryJson</c>), biggest first, then by id (the order of <c>parallax analyze</c>).</summary>
    Task<string[]> Consolidate();
}

/// <summary>A source as sent over the wire. Texts travel as UTF-16LE bytes so that every string round-trips exactly.</summary>
[GenerateSerializer, Immutable]
public sealed record SourcePayload(
    [property: Id(0)] string Id,
    [property: Id(1)] byte[] Origin,
    [property: Id(2)] int Kind,
    [property: Id(3)] byte[] Bytes,
    [property: Id(4)] byte[] RawText,
    [property: Id(5)] string Encoding,
    [property: Id(6)] long? FetchedAtUnixMs,
    [property: Id(7)] string Reader,
    [property: Id(8)] byte[] HintsJson,
    [property: Id(9)] byte[] DiagnosticsJson);

/// <summary>What became of one source. <see cref="Outcome"/>: 0 inserted, 1 already stored, 2 rejected.</summary>
[GenerateSerializer, Immutable]
public sealed record IngestItem(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string? ArticleId,
    [property: Id(2)] int Outcome,
    [property: Id(3)] string[] Errors,
    [property: Id(4)] string? StoryId);

[GenerateSerializer, Immutable]
public sealed record PartitionStatus(
    [property: Id(0)] long Partition,
    [property: Id(1)] string Silo,
    [property: Id(2)] int QueueDepth,
    [property: Id(3)] long Inserted,
    [property: Id(4)] long Duplicates,
    [property: Id(5)] long Rejected);

[GenerateSerializer, Immutable]
public sealed record PlacementItem(
    [property: Id(0)] string ArticleId,
    [property: Id(1)] string StoryId,
    [property: Id(2)] bool Opened);

[GenerateSerializer, Immutable]
public sealed record IndexStatus(
    [property: Id(0)] string Window,
    [property: Id(1)] string Silo,
    [property: Id(2)] int Articles,
    [property: Id(3)] int Stories,
    [property: Id(4)] int QueueDepth);
