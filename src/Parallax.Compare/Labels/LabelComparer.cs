using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Labels;

/// <summary>The story's entities with the labels each outlet uses for them.</summary>
public static class LabelComparer
{
    public static ImmutableArray<EntityReport> Compare(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [];
    }
}
