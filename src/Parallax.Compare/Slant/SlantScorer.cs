using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Slant;

/// <summary>Per-article slant: a transparent, weighted score with evidence for each component.</summary>
public static class SlantScorer
{
    public static ImmutableArray<FramingReport> Score(StoryInput input, ImmutableArray<FactReport> facts, ImmutableArray<QuoteReport> quotes)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [];
    }
}
