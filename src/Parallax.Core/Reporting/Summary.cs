using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>
/// A sentence of the neutral summary, citing the facts and outlets it rests on. <see cref="Text"/> is made only of words of
/// its source sentence, in order: the source sentence itself, or that sentence with a dateline, a bracketed aside or a
/// trailing attribution dropped (<see cref="Compressed"/>). <see cref="Evidence"/> starts with the kept pieces of the
/// source sentence (their texts joined by single spaces give <see cref="Text"/> up to its final full stop), followed by
/// the sentences of other articles that state the same content.
/// </summary>
public sealed record SummarySentence(string Text, ImmutableArray<string> FactIds, ImmutableArray<string> Outlets, ImmutableArray<EvidenceSpan> Evidence)
{
    /// <summary>The article the sentence is drawn from.</summary>
    public string ArticleId { get; init; } = "";

    /// <summary>How many evidence spans at the start of <see cref="Evidence"/> are pieces of the source sentence (at least 1).</summary>
    public int SourcePieces { get; init; } = 1;

    /// <summary>How many independent origins (reprints counted once), the source's included, state this content.</summary>
    public int Sources { get; init; }

    /// <summary>The selection score (cross-article support, position, facts); higher is better supported. Rounded to 4 places.</summary>
    public double Score { get; init; }

    /// <summary>True when words of the source sentence were dropped.</summary>
    public bool Compressed { get; init; }
}
