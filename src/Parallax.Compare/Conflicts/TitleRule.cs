using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// <c>title</c>: a title that puts a person's role in the past ("former President", "ex-minister", "the late ...") while
/// the story's other articles give the same role as current. Fires only when the current form is used by at least two
/// articles and by at least twice as many articles as the past form: the majority is taken as the story's reading.
/// </summary>
internal static partial class TitleRule
{
    private sealed record Use(ArticleView View, Label Label, string EntityId, string Role, bool Past);

    public static IEnumerable<FoundConflict> Find(ImmutableArray<ArticleView> views, ImmutableArray<Entity> entities)
    {
        var uses = new List<Use>();
        foreach (var view in views)
        {
            foreach (var label in view.Member.Doc.Labels.Where(l => l.Kind == LabelKind.Title))
            {
                if (EntityOf(view, label) is not { } id)
                {
                    continue;
                }

                var m = PastPattern().Match(label.Text);
                var role = (m.Success ? m.Groups["role"].Value : label.Text).Trim();
                var words = ArticleView.Words(role).Select(w => w.Word).ToList();
                if (words.Count == 0)
                {
                    continue;
                }

                uses.Add(new Use(view, label, id, words[^1], m.Success));
            }
        }

        foreach (var group in uses.GroupBy(u => (u.EntityId, u.Role)).OrderBy(g => g.Key.EntityId, StringComparer.Ordinal).ThenBy(g => g.Key.Role, StringComparer.Ordinal))
        {
            var past = group.Where(u => u.Past).ToList();
            var current = group.Where(u => !u.Past).ToList();
            var pastArticles = past.Select(u => u.View.Id).Distinct(StringComparer.Ordinal).Count();
            var currentArticles = current.Select(u => u.View.Id).Distinct(StringComparer.Ordinal).Count();
            if (pastArticles == 0 || currentArticles < 2 || currentArticles < 2 * pastArticles)
            {
                continue;
            }

            var name = entities.FirstOrDefault(e => e.Id == group.Key.EntityId)?.Name ?? past[0].View.Text[past[0].Label.MentionSpan.Start..past[0].Label.MentionSpan.End];
            var pastText = past[0].Label.Text;
            var currentText = current.GroupBy(u => u.Label.Text, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var description = $"{ConflictDetector.Outlets(past.Select(u => u.View))} calls {name} {ConflictDetector.Quote(pastText)}, "
                + $"while {currentArticles} other article{(currentArticles == 1 ? string.Empty : "s")} ({ConflictDetector.Outlets(current.Select(u => u.View))}) "
                + $"use {ConflictDetector.Quote(currentText)}.";
            yield return new FoundConflict(
                "title",
                "title.past-form",
                description,
                [.. past.Select(u => Evidence(u))],
                [.. current.Select(u => Evidence(u))])
            {
                Subject = name,
                ValueA = pastText,
                ValueB = currentText,
            };
        }
    }

    private static Parallax.Core.Reporting.EvidenceSpan Evidence(Use use) =>
        use.View.SentenceAt(use.Label.Span.Start) is { } s ? use.View.SentenceEvidence(s) : use.View.Member.Evidence(use.Label.Span);

    /// <summary>The story-wide entity of the mention the label attaches to (label entity ids may be document-local).</summary>
    private static string? EntityOf(ArticleView view, Label label)
    {
        if (view.MentionEntity.TryGetValue(label.MentionSpan, out var id))
        {
            return id;
        }

        return view.Member.Doc.Mentions.FirstOrDefault(m => m.EntityId is not null && m.Span.Overlaps(label.MentionSpan))?.EntityId;
    }

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:former|ex-|ex\s|late|onetime|one-time)\s*(?<role>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PastPattern();
}
