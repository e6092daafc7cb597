using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Compare.Claims;

/// <summary>
/// An atomic claim: one clause of one member article's sentence (or a headline), with the features alignment compares.
/// <see cref="Span"/> indexes into the member's cleaned text and never crosses a sentence boundary.
/// </summary>
/// <param name="Index">Position among all claims of the story (article report order, then text order).</param>
/// <param name="ArticleIndex">Index of the member in <see cref="StoryInput.Articles"/>.</param>
/// <param name="Span">The clause's characters (trimmed of surrounding spaces and joining punctuation).</param>
/// <param name="Headline">True for a headline (a <see cref="SentenceKind.Headline"/> sentence).</param>
/// <param name="Attribution">The attribution of the whole sentence the clause comes from, verbatim, or null.</param>
/// <param name="Terms">Stem → count (Lucene <c>EnglishAnalyzer</c>: lowercase, stop words out, Porter stems).</param>
/// <param name="Entities">Story-wide entity ids (or <c>t:</c> + lowercased name for an unresolved mention) of the names in the clause.</param>
/// <param name="Names">Display name per entry of <see cref="Entities"/> (same order), for the person and organisation names only a detail needs.</param>
/// <param name="Numbers">Normalised quantities (value and unit) that are not part of a date.</param>
/// <param name="Dates">TIMEX3 date values at month or day precision (<c>2025-11-21</c>, <c>XXXX-11-21</c>, <c>2026-02</c>).</param>
/// <param name="Negated">True when the clause holds a negation cue ("not", "no", "never", "denied", ...).</param>
internal sealed record Claim(
    int Index,
    int ArticleIndex,
    TextSpan Span,
    string Text,
    bool Headline,
    string? Attribution,
    ImmutableDictionary<string, int> Terms,
    ImmutableArray<string> Entities,
    ImmutableArray<string?> Names,
    ImmutableArray<string> Numbers,
    ImmutableArray<string> Dates,
    bool Negated,
    bool Quoted)
{
    /// <summary>Number of word tokens.</summary>
    public int Words { get; init; }

    /// <summary>The member's date (stated, else inferred) as <c>yyyy-MM-dd</c>, or null.</summary>
    public string? Anchor { get; init; }

    /// <summary>Numbers that can be a distinguishing detail (from 10 up, or percentages): key (as in <see cref="Numbers"/>) and verbatim text.</summary>
    public ImmutableArray<(string Key, string Text)> NumberDetails { get; init; } = [];
}
