namespace Parallax.Stories;

/// <summary>
/// When the short-lead cohesion check (<see cref="ShortLeadCohesion"/>) uses its own ratio for large groups
/// (<see cref="StoryClustererOptions.ShortCohesionLargeRatio"/>): the merge of two groups of at least three short texts,
/// the larger holding at least <see cref="StoryClustererOptions.ShortCohesionLargeSize"/>. Why: the check is there for two
/// complete-looking reports of two events of one topic (a triple of leads against a triple); a group of four or more
/// short texts is an event reported more widely than that, whose briefs (updates over days, agency shorts) form tight
/// sub-groups loosely tied to each other — the shape the strict ratio reads as two events. On ecbplus-dev every merge of
/// two groups of ≥ 3 briefs that the strict ratio refused and a ratio of 0.5 allows had a group of ≥ 4 and was inside one
/// event; on NeuS train (c0–c7) every such refusal was of two triples and between two events. Stateless and thread-safe.
/// </summary>
internal static class ShortCohesionLarge
{
    /// <summary>True when a group of <paramref name="largerSize"/> members is large (at least <paramref name="largeSize"/>).</summary>
    public static bool Applies(int largerSize, int largeSize) => largerSize >= largeSize;
}
