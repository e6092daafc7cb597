using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Time;

/// <summary>
/// Finds temporal expressions (TIMEX3: DATE, TIME, DURATION, SET) in English news text and normalises their values
/// against an anchor, the article's publication date (never the clock). Rules and hand-written lexicons only; see
/// docs/time.md for coverage and normalisation rules.
/// <para>Relative expressions found without an anchor carry <see cref="Timex.AnchorOpen"/> = true and an open value in
/// the <see cref="AnchoredValue"/> form (<c>ANCHOR:D-1</c>); <see cref="Resolve"/> fills it in once a date is known.</para>
/// Thread-safe and deterministic: all regexes are compiled once and shared.
/// </summary>
public sealed class TimexTagger : IStage<Doc>
{
    /// <summary>Shared instance; the tagger holds no per-call state.</summary>
    public static readonly TimexTagger Instance = new();

    /// <inheritdoc />
    public StageInfo Info { get; } = new("TimexTagger", "1.0.0", [Layers.Text], [Layers.Timexes]);

    /// <summary>Adds <see cref="Layers.Timexes"/>, anchored on <c>doc.Article.Metadata.Published</c> when present.</summary>
    public Doc Process(Doc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        cancellationToken.ThrowIfCancellationRequested();
        var anchor = doc.Article.Metadata.Published?.Date;
        return doc.WithLayers(Info) with { Timexes = Tag(doc.Text, anchor) };
    }

    /// <summary>
    /// Tags <paramref name="text"/>. Spans are half-open UTF-16 ranges; each timex's <see cref="Timex.Text"/> equals the
    /// characters its span points at; timexes do not overlap and come in text order. With a null anchor, relative
    /// expressions get <see cref="Timex.AnchorOpen"/> and an open <c>ANCHOR:...</c> value.
    /// </summary>
    public static ImmutableArray<Timex> Tag(string text, DateOnly? anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = TimexRules.Find(text);
        var result = ImmutableArray.CreateBuilder<Timex>(found.Count);
        foreach (var f in found)
        {
            var span = new TextSpan(f.Start, f.End);
            var surface = text[f.Start..f.End];
            if (f.Anchored is { } rel)
            {
                result.Add(anchor is { } a
                    ? new Timex(span, surface, f.Type, rel.Resolve(a))
                    : new Timex(span, surface, f.Type, rel.ToString(), AnchorOpen: true));
            }
            else
            {
                result.Add(new Timex(span, surface, f.Type, f.Value));
            }
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// Resolves an anchor-open timex (value <c>ANCHOR:...</c>) against <paramref name="anchor"/>; any other timex is returned
    /// unchanged. The result has <see cref="Timex.AnchorOpen"/> = false when resolution succeeds.
    /// </summary>
    public static Timex Resolve(Timex timex, DateOnly anchor)
    {
        ArgumentNullException.ThrowIfNull(timex);
        if (!timex.AnchorOpen || !AnchoredValue.TryParse(timex.Value, out var rel))
        {
            return timex;
        }

        return rel.Resolve(anchor) is { } value ? timex with { Value = value, AnchorOpen = false } : timex;
    }
}
