using System.Collections.Immutable;
using System.Globalization;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// Finds conflicts between (and within) the story's articles: different numbers or dates for the same thing, claims and
/// their denials, inconsistent titles, sources overstated, and stated intervals that the story's own dates contradict.
/// Reads the language layers of the members directly (sentences, quantities, timexes, mentions with story-wide entity
/// ids, labels); the rules are listed in docs/conflicts.md. Precision first: a rule stays silent when it cannot tell that
/// both sides speak of the same thing. Pure and deterministic; thread-safe.
/// </summary>
public static class ConflictDetector
{
    public const string Version = "1";

    private static readonly string[] KindOrder = ["number", "date", "arithmetic", "denial", "overstatement", "title"];

    /// <summary>
    /// The conflicts of <paramref name="input"/>, ids <c>c1</c>, <c>c2</c>, ... in report order (kind, then the first
    /// span of side A in member order). Every evidence span is a trimmed sentence of a member.
    /// </summary>
    /// <param name="facts">The claim table; used only to mark contradictions (<see cref="MarkContradictions"/>), may be empty.</param>
    public static ImmutableArray<ConflictReport> Detect(StoryInput input, ImmutableArray<FactReport> facts)
    {
        ArgumentNullException.ThrowIfNull(input);
        var aliases = ArticleView.Aliases(input.Entities);
        var views = input.Articles.Select(a => new ArticleView(a, aliases)).ToImmutableArray();
        var types = input.Entities.ToDictionary(e => e.Id, e => e.Type, StringComparer.Ordinal);
        var order = input.Articles.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var found = new List<FoundConflict>();
        found.AddRange(NumberRule.Find(views));
        found.AddRange(DateRule.Find(views));
        found.AddRange(ArithmeticRule.Find(views));
        found.AddRange(DenialRule.Find(views, types));
        found.AddRange(OverstatementRule.Find(views));
        found.AddRange(TitleRule.Find(views, input.Entities));
        var reports = found
            .Select(f => f with { SideA = Distinct(f.SideA, order), SideB = Distinct(f.SideB, order) })
            .Where(f => f.SideA.Length > 0 && f.SideB.Length > 0)
            .OrderBy(f => Array.IndexOf(KindOrder, f.Kind))
            .ThenBy(f => order[f.SideA[0].ArticleId])
            .ThenBy(f => f.SideA[0].Start)
            .ThenBy(f => f.Description, StringComparer.Ordinal)
            .Select((f, i) => new ConflictReport("c" + (i + 1).ToString(CultureInfo.InvariantCulture), f.Kind, f.Description, f.SideA, f.SideB)
            {
                Subject = f.Subject,
                ValueA = f.ValueA,
                ValueB = f.ValueB,
                Within = f.SideA.Concat(f.SideB).Select(e => e.ArticleId).Distinct(StringComparer.Ordinal).Count() == 1,
                Rule = f.Rule,
            });
        return [.. reports];
    }

    /// <summary>
    /// The facts with <see cref="FactReport.Contradicts"/> filled from the conflicts that oppose them: a fact stated by a
    /// span that overlaps one side of a conflict is contradicted by the other side's spans (those it does not state itself).
    /// Facts and their order are otherwise unchanged.
    /// </summary>
    public static ImmutableArray<FactReport> MarkContradictions(ImmutableArray<FactReport> facts, ImmutableArray<ConflictReport> conflicts)
    {
        if (facts.IsDefaultOrEmpty || conflicts.IsDefaultOrEmpty)
        {
            return facts.IsDefault ? [] : facts;
        }

        return [.. facts.Select(fact =>
        {
            var against = new List<EvidenceSpan>(fact.Contradicts.IsDefault ? [] : fact.Contradicts);
            foreach (var c in conflicts)
            {
                if (Touches(fact.States, c.SideA))
                {
                    against.AddRange(c.SideB.Where(b => !Touches(fact.States, [b])));
                }

                if (Touches(fact.States, c.SideB))
                {
                    against.AddRange(c.SideA.Where(a => !Touches(fact.States, [a])));
                }
            }

            var distinct = against.DistinctBy(e => (e.ArticleId, e.Start, e.End)).ToImmutableArray();
            return distinct.Length == (fact.Contradicts.IsDefault ? 0 : fact.Contradicts.Length) ? fact : fact with { Contradicts = distinct };
        })];
    }

    private static bool Touches(ImmutableArray<EvidenceSpan> states, ImmutableArray<EvidenceSpan> side) =>
        !states.IsDefault && states.Any(s => side.Any(e => e.ArticleId == s.ArticleId && e.Start < s.End && s.Start < e.End));

    private static ImmutableArray<EvidenceSpan> Distinct(ImmutableArray<EvidenceSpan> side, Dictionary<string, int> order) =>
        [.. side.DistinctBy(e => (e.ArticleId, e.Start, e.End)).OrderBy(e => order[e.ArticleId]).ThenBy(e => e.Start)];

    /// <summary>Quotes <paramref name="text"/> for a description, shortened to about <paramref name="max"/> characters at a word boundary.</summary>
    internal static string Quote(string text, int max = 140)
    {
        var t = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (t.Length > max)
        {
            var cut = t.LastIndexOf(' ', max);
            t = t[..(cut > max / 2 ? cut : max)] + " ...";
        }

        return "“" + t + "”";
    }

    /// <summary>"Meridian Wire, The Harbour Ledger" (distinct outlets of the spans, in order).</summary>
    internal static string Outlets(IEnumerable<ArticleView> views) => string.Join(", ", views.Select(v => v.Name).Distinct(StringComparer.Ordinal));
}

/// <summary>A conflict before ids and ordering are assigned.</summary>
internal sealed record FoundConflict(string Kind, string Rule, string Description, ImmutableArray<EvidenceSpan> SideA, ImmutableArray<EvidenceSpan> SideB)
{
    public string? Subject { get; init; }
    public string? ValueA { get; init; }
    public string? ValueB { get; init; }
}
