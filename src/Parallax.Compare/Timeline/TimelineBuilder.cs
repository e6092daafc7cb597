using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Timeline;

/// <summary>The story's dated events on one calendar.</summary>
public static class TimelineBuilder
{
    public static ImmutableArray<TimelineEntry> Build(StoryInput input, ImmutableArray<FactReport> facts)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [];
    }
}
