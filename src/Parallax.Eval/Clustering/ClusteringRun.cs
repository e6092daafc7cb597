using System.Collections.Immutable;
using System.Globalization;
using Parallax.Stories;

namespace Parallax.Eval.Clustering;

/// <summary>The predictions of one run: consolidated stories and the online placements made on arrival.</summary>
public sealed record ClusteringPredictions(
    ImmutableArray<(string Id, string Story)> Stories,
    ImmutableArray<(string Id, string Story)> Online,
    ImmutableArray<double> PlacementMilliseconds);

/// <summary>Streams a clustering set through <see cref="StoryClusterer"/> in file order (the gold label is never passed on).</summary>
public static class ClusteringRun
{
    /// <param name="measure">Optional timer for each placement (the eval host passes a stopwatch; the library has no clock).</param>
    public static ClusteringPredictions Run(IReadOnlyList<ClusteringDocument> documents, StoryClustererOptions options, Func<Action, double>? measure = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var clusterer = new StoryClusterer(options);
        var online = ImmutableArray.CreateBuilder<(string, string)>(documents.Count);
        var times = ImmutableArray.CreateBuilder<double>(documents.Count);
        foreach (var doc in documents)
        {
            StoryPlacement? placement = null;
            var article = doc.Article;
            var ms = measure is null ? 0 : measure(() => placement = clusterer.Add(article));
            placement ??= clusterer.Add(article);
            online.Add((article.Id, placement.StoryId));
            times.Add(ms);
        }

        var stories = ImmutableArray.CreateBuilder<(string, string)>(documents.Count);
        foreach (var doc in documents)
        {
            stories.Add((doc.Article.Id, clusterer.StoryOf(doc.Article.Id) ?? ""));
        }

        return new ClusteringPredictions(stories.ToImmutable(), online.ToImmutable(), times.ToImmutable());
    }

    /// <summary>Applies <c>Name=value</c> overrides (property names of <see cref="StoryClustererOptions"/>) for sweeps; unknown names are returned as errors.</summary>
    public static (StoryClustererOptions Options, ImmutableArray<string> Errors) WithOverrides(StoryClustererOptions options, IEnumerable<string> overrides)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var o in overrides)
        {
            var eq = o.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(o[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                errors.Add($"bad option '{o}': expected Name=number");
                continue;
            }

            var name = o[..eq];
            options = name switch
            {
                nameof(StoryClustererOptions.TitleWeight) => options with { TitleWeight = v },
                nameof(StoryClustererOptions.EntityWeight) => options with { EntityWeight = v },
                nameof(StoryClustererOptions.NumberWeight) => options with { NumberWeight = v },
                nameof(StoryClustererOptions.QuoteWeight) => options with { QuoteWeight = v },
                nameof(StoryClustererOptions.MergeThreshold) => options with { MergeThreshold = v },
                nameof(StoryClustererOptions.PlacementThreshold) => options with { PlacementThreshold = v },
                nameof(StoryClustererOptions.RelatedThreshold) => options with { RelatedThreshold = v },
                nameof(StoryClustererOptions.EdgeFloor) => options with { EdgeFloor = v },
                nameof(StoryClustererOptions.SameEventDays) => options with { SameEventDays = (int)v },
                nameof(StoryClustererOptions.DayDecay) => options with { DayDecay = v },
                nameof(StoryClustererOptions.CandidateFeatures) => options with { CandidateFeatures = (int)v },
                nameof(StoryClustererOptions.CandidateMaxDfShare) => options with { CandidateMaxDfShare = v },
                nameof(StoryClustererOptions.CandidateMaxDfMin) => options with { CandidateMaxDfMin = (int)v },
                nameof(StoryClustererOptions.BigramWeight) => options with { BigramWeight = v },
                nameof(StoryClustererOptions.NeighbourLimit) => options with { NeighbourLimit = (int)v },
                nameof(StoryClustererOptions.CohesionRatio) => options with { CohesionRatio = v },
                nameof(StoryClustererOptions.ShortCohesionRatio) => options with { ShortCohesionRatio = v },
                nameof(StoryClustererOptions.ShortCohesionMaxWords) => options with { ShortCohesionMaxWords = (int)v },
                nameof(StoryClustererOptions.ShortCohesionPairRatio) => options with { ShortCohesionPairRatio = v },
                nameof(StoryClustererOptions.ShortGrowthRatio) => options with { ShortGrowthRatio = v },
                nameof(StoryClustererOptions.ShortGrowthMinSize) => options with { ShortGrowthMinSize = (int)v },
                nameof(StoryClustererOptions.ShortGrowthPairRatio) => options with { ShortGrowthPairRatio = v },
                nameof(StoryClustererOptions.ShortGrowthSingletonThreshold) => options with { ShortGrowthSingletonThreshold = v },
                nameof(StoryClustererOptions.IgnoreUniqueFeatures) => options with { IgnoreUniqueFeatures = v != 0 },
                nameof(StoryClustererOptions.CandidatesPerArticle) => options with { CandidatesPerArticle = (int)v },
                nameof(StoryClustererOptions.LengthExponent) => options with { LengthExponent = v },
                nameof(StoryClustererOptions.LengthReference) => options with { LengthReference = v },
                nameof(StoryClustererOptions.OutlierRatio) => options with { OutlierRatio = v },
                nameof(StoryClustererOptions.MinFullCosine) => options with { MinFullCosine = v },
                nameof(StoryClustererOptions.WeekdayConflictFactor) => options with { WeekdayConflictFactor = v },
                nameof(StoryClustererOptions.WeekdayLeadChars) => options with { WeekdayLeadChars = (int)v },
                nameof(StoryClustererOptions.WeekdayMaxWords) => options with { WeekdayMaxWords = (int)v },
                nameof(StoryClustererOptions.WeekdayMatchFactor) => options with { WeekdayMatchFactor = v },
                nameof(StoryClustererOptions.WeekdayAdjacentFactor) => options with { WeekdayAdjacentFactor = v },
                nameof(StoryClustererOptions.SingletonThreshold) => options with { SingletonThreshold = v },
                nameof(StoryClustererOptions.LongPairWords) => options with { LongPairWords = (int)v },
                nameof(StoryClustererOptions.LongMergeThreshold) => options with { LongMergeThreshold = v },
                nameof(StoryClustererOptions.LongSingletonThreshold) => options with { LongSingletonThreshold = v },
                nameof(StoryClustererOptions.EventSplitThreshold) => options with { EventSplitThreshold = v },
                nameof(StoryClustererOptions.EventSplitMinSize) => options with { EventSplitMinSize = (int)v },
                nameof(StoryClustererOptions.EventSplitCohesion) => options with { EventSplitCohesion = v },
                nameof(StoryClustererOptions.OnlineFeatures) => options with { OnlineFeatures = (int)v },
                nameof(StoryClustererOptions.LeadEventConflictFactor) => options with { LeadEventConflictFactor = v },
                nameof(StoryClustererOptions.LeadEventMinWords) => options with { LeadEventMinWords = (int)v },
                nameof(StoryClustererOptions.LeadEventKinds) => options with { LeadEventKinds = (int)v },
                nameof(StoryClustererOptions.ReversalMinWords) => options with { ReversalMinWords = (int)v },
                nameof(StoryClustererOptions.LeadEventChars) => options with { LeadEventChars = (int)v },
                nameof(StoryClustererOptions.NameConflictRatio) => options with { NameConflictRatio = v },
                nameof(StoryClustererOptions.NameConflictMinSize) => options with { NameConflictMinSize = (int)v },
                nameof(StoryClustererOptions.NameConflictMaxSize) => options with { NameConflictMaxSize = (int)v },
                nameof(StoryClustererOptions.NameConflictShare) => options with { NameConflictShare = v },
                nameof(StoryClustererOptions.HubnessNeighbours) => options with { HubnessNeighbours = (int)v },
                nameof(StoryClustererOptions.HubnessWeight) => options with { HubnessWeight = v },
                nameof(StoryClustererOptions.HubnessMaxWords) => options with { HubnessMaxWords = (int)v },
                nameof(StoryClustererOptions.HubnessDownOnly) => options with { HubnessDownOnly = v != 0 },
                nameof(StoryClustererOptions.ShortCohesionLargeRatio) => options with { ShortCohesionLargeRatio = v },
                nameof(StoryClustererOptions.ShortCohesionLargeSize) => options with { ShortCohesionLargeSize = (int)v },
                nameof(StoryClustererOptions.RareNumberJoinThreshold) => options with { RareNumberJoinThreshold = v },
                nameof(StoryClustererOptions.RareNumberMaxDf) => options with { RareNumberMaxDf = (int)v },
                nameof(StoryClustererOptions.ActionConflictFactor) => options with { ActionConflictFactor = v },
                nameof(StoryClustererOptions.ActionMatchFactor) => options with { ActionMatchFactor = v },
                nameof(StoryClustererOptions.ActionLeadChars) => options with { ActionLeadChars = (int)v },
                nameof(StoryClustererOptions.ActionMaxWords) => options with { ActionMaxWords = (int)v },
                nameof(StoryClustererOptions.ActionFraming) => options with { ActionFraming = (int)v },
                nameof(StoryClustererOptions.ActionFeatureWeight) => options with { ActionFeatureWeight = v },
                nameof(StoryClustererOptions.ActionConflictNeedsName) => options with { ActionConflictNeedsName = (int)v },
                nameof(StoryClustererOptions.NeighbourRankJoin) => options with { NeighbourRankJoin = (int)v },
                nameof(StoryClustererOptions.NeighbourRankMaxGroup) => options with { NeighbourRankMaxGroup = (int)v },
                nameof(StoryClustererOptions.NeighbourRankCrowded) => options with { NeighbourRankCrowded = v },
                nameof(StoryClustererOptions.NeighbourRankCrowding) => options with { NeighbourRankCrowding = (int)v },
                nameof(StoryClustererOptions.DistributionalWeight) => options with { DistributionalWeight = v },
                nameof(StoryClustererOptions.DistributionalCentre) => options with { DistributionalCentre = v },
                nameof(StoryClustererOptions.DistributionalMode) => options with { DistributionalMode = (int)v },
                nameof(StoryClustererOptions.DistributionalDimensions) => options with { DistributionalDimensions = (int)v },
                nameof(StoryClustererOptions.DistributionalNonZero) => options with { DistributionalNonZero = (int)v },
                nameof(StoryClustererOptions.DistributionalMaxWords) => options with { DistributionalMaxWords = (int)v },
                nameof(StoryClustererOptions.DistributionalNamespaces) => options with { DistributionalNamespaces = (int)v },
                nameof(StoryClustererOptions.DistributionalContextWeighted) => options with { DistributionalContextWeighted = v != 0 },
                nameof(StoryClustererOptions.DistributionalCentreVectors) => options with { DistributionalCentreVectors = v != 0 },
                nameof(StoryClustererOptions.DistributionalMinShortShare) => options with { DistributionalMinShortShare = v },
                nameof(StoryClustererOptions.WordViewWeight) => options with { WordViewWeight = v },
                nameof(StoryClustererOptions.WordViewCentre) => options with { WordViewCentre = v },
                nameof(StoryClustererOptions.WordViewNamespaces) => options with { WordViewNamespaces = (int)v },
                nameof(StoryClustererOptions.WordViewBigramFactor) => options with { WordViewBigramFactor = v },
                nameof(StoryClustererOptions.WordViewMode) => options with { WordViewMode = (int)v },
                nameof(StoryClustererOptions.PairNeighbourRank) => options with { PairNeighbourRank = (int)v },
                _ => options,
            };
            if (typeof(StoryClustererOptions).GetProperty(name) is null)
            {
                errors.Add($"unknown option '{name}'");
            }
        }

        return (options, errors.ToImmutable());
    }
}
