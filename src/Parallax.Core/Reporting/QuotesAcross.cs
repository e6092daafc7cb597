using System.Collections.Immutable;

namespace Parallax.Core.Reporting;

/// <summary>One quote across the story: its speaker, canonical wording, and every occurrence in every article.</summary>
/// <param name="Id">Stable within the report: <c>q1</c>, <c>q2</c>, … in report order.</param>
/// <param name="Speaker">The speaker's name (the story entity's name when resolved; never a pronoun), or null when unattributed.</param>
/// <param name="Text">The canonical wording: the longest quoted version in the story (an elided version only when no fuller one exists).</param>
/// <param name="Occurrences">Every place the quote appears in an article's cleaned text: one span per quoted piece (or per indirect rendering), in report order.</param>
public sealed record QuoteReport(string Id, string? Speaker, string Text, ImmutableArray<EvidenceSpan> Occurrences)
{
    /// <summary>The story-wide entity id of the speaker, when the speaker resolved to an entity.</summary>
    public string? SpeakerEntityId { get; init; }

    /// <summary>The outlet that carried the quote first: earliest article date among the quoted occurrences, ties by report order.</summary>
    public string? FirstOutlet { get; init; }

    /// <summary>The article of <see cref="FirstOutlet"/>.</summary>
    public string? FirstArticleId { get; init; }

    /// <summary>That article's date (ISO 8601, stated or inferred from the story), or null when undated.</summary>
    public string? FirstDate { get; init; }

    /// <summary>Distinct outlets carrying the quote (any occurrence), in report order.</summary>
    public ImmutableArray<string> Outlets { get; init; } = [];

    /// <summary>Distinct origin keys (reprints of one origin share one) of the articles carrying the quote.</summary>
    public ImmutableArray<string> Origins { get; init; } = [];

    /// <summary>Each occurrence with how its wording relates to <see cref="QuoteReport.Text"/>; in report order.</summary>
    public ImmutableArray<QuoteVariantReport> Variants { get; init; } = [];
}

/// <summary>
/// One occurrence of a quote in one article and how its wording compares with the canonical text.
/// <para><see cref="Kind"/> is one of <c>exact</c> (same words; case, accents and quote-mark style ignored), <c>truncated</c>
/// (an elision "..." / "…" leaves words out; the remaining pieces match in order), <c>partial</c> (a fragment of the
/// longer quote), <c>changed</c> (aligned with the canonical text, but some words differ: see <see cref="Changes"/>),
/// <c>paraphrase</c> (quote marks around words that the speaker's quoted original does not contain verbatim, or that
/// another outlet gives only as indirect speech: see <see cref="Note"/>), <c>indirect</c> (the same words reported
/// without quote marks).</para>
/// </summary>
/// <param name="ArticleId">The article carrying the occurrence.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Kind">See the type's remarks.</param>
/// <param name="Evidence">The quoted pieces (or the indirect rendering) in the article's cleaned text; empty for a kept-aside embed (see <see cref="Embed"/>).</param>
public sealed record QuoteVariantReport(string ArticleId, string Outlet, string Kind, ImmutableArray<EvidenceSpan> Evidence)
{
    /// <summary>True when printed in quote marks (or posted by the speaker), false for an indirect rendering.</summary>
    public bool Quoted { get; init; }

    /// <summary>The speaker as this article names it (may be a pronoun or a description), when it names one.</summary>
    public EvidenceSpan? SpeakerEvidence { get; init; }

    /// <summary>The story entity this article's speaker resolved to, when it did.</summary>
    public string? SpeakerEntityId { get; init; }

    /// <summary>For <c>changed</c> (and <c>paraphrase</c> when aligned): the words that differ, in text order.</summary>
    public ImmutableArray<WordChangeReport> Changes { get; init; } = [];

    /// <summary>Why the occurrence got its kind, when that needs saying (which outlet has the indirect version, a differing speaker).</summary>
    public string? Note { get; init; }

    /// <summary>Set when the occurrence is an embedded post kept aside from the article's text (the post's author is the speaker).</summary>
    public EmbedQuoteReport? Embed { get; init; }
}

/// <summary>Words of the canonical text (<see cref="From"/>) printed differently here (<see cref="To"/>); either side may be empty (a word left out or added).</summary>
public sealed record WordChangeReport(string From, string To);

/// <summary>An embedded post quoted as its author's words: where it was in the article's raw text (half-open, UTF-16) and who posted it.</summary>
public sealed record EmbedQuoteReport(int RawStart, int RawEnd, string Text, string? Author, string? Handle, string? Date);
