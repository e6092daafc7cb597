using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Summary;

/// <summary>The neutral summary: 3–7 sentences drawn from the best-supported facts, each citing facts and outlets.</summary>
public static class SummaryWriter
{
    public static ImmutableArray<SummarySentence> Write(StoryInput input, ImmutableArray<FactReport> facts)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [];
    }
}
