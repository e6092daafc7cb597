using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.QuotesAcross;

/// <summary>Groups the story's quotes into one entry per quote with every occurrence and wording variant.</summary>
public static class QuoteComparer
{
    public static ImmutableArray<QuoteReport> Compare(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [];
    }
}
