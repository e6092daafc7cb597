using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Conflicts;

/// <summary>Finds conflicts between (and within) the story's articles.</summary>
public static class ConflictDetector
{
    public static ImmutableArray<ConflictReport> Detect(StoryInput input, ImmutableArray<FactReport> facts)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [];
    }

    /// <summary>The facts with <see cref="FactReport.Contradicts"/> filled from the conflicts that oppose them.</summary>
    public static ImmutableArray<FactReport> MarkContradictions(ImmutableArray<FactReport> facts, ImmutableArray<ConflictReport> conflicts) => facts;
}
