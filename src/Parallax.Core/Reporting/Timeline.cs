using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>
/// A dated event of the story on one calendar (<see cref="Date"/> is a TIMEX3 value such as <c>2025-12-11</c>, <c>2026-02</c>,
/// <c>2025-W50</c> or <c>2013</c>; times of day are dropped to their day). <see cref="Text"/> is a phrase copied verbatim
/// from one of the <see cref="Evidence"/> spans; every evidence span is an article's clause that dates the event.
/// </summary>
public sealed record TimelineEntry(string Date, string Text, ImmutableArray<EvidenceSpan> Evidence)
{
    /// <summary>The outlets whose articles date this event, in report order, each once.</summary>
    public ImmutableArray<string> Outlets { get; init; } = [];

    /// <summary>How many independent origins (reprints of one origin counted once) date this event.</summary>
    public int Sources { get; init; }

    /// <summary>
    /// True when no supporting article dates the event from its own publication date: its relative expressions
    /// ("on Thursday") were resolved against the date the story gives an undated article.
    /// </summary>
    public bool Inferred { get; init; }

    /// <summary>
    /// True when the date was computed from another date and a stated interval ("Thursday, one day after seizing a
    /// tanker" dates the seizure one day before Thursday).
    /// </summary>
    public bool Derived { get; init; }

    /// <summary>The precision of <see cref="Date"/>: <c>day</c>, <c>week</c>, <c>month</c>, <c>season</c>, <c>quarter</c>, <c>year</c>, or <c>vague</c> (PAST_REF etc.).</summary>
    public string Granularity { get; init; } = "day";

    /// <summary>Ids of the facts whose stating spans overlap this entry's evidence.</summary>
    public ImmutableArray<string> FactIds { get; init; } = [];
}
