using System.Collections.Immutable;
using System.Text;
using Parallax.Core;
using Parallax.Language.Entities;

namespace Parallax.Language.Labels;

/// <summary>Where one label was used: the article and the label's characters in it.</summary>
public sealed record LabelOccurrence(string ArticleId, TextSpan Span);

/// <summary>
/// How one outlet labelled one entity with one label: the normalised label text (lower case, trimmed, inner whitespace
/// collapsed, typographic apostrophes folded to <c>'</c>), its kind, how often, and every occurrence (in input order).
/// </summary>
/// <param name="EntityKey">The entity across articles: <see cref="NameKey"/> of the entity's name ("nicolas maduro").</param>
public sealed record OutletLabel(string EntityKey, string EntityName, string Outlet, string Text, LabelKind Kind, int Count, ImmutableArray<LabelOccurrence> Occurrences);

/// <summary>Aggregates labels per entity and outlet: the input of "how each outlet labels each person".</summary>
public static class LabelSummary
{
    /// <summary>
    /// Groups the labels of <paramref name="docs"/> by (entity key, outlet, normalised text, kind). A label's entity is
    /// its resolved entity's name, or, without an entity id (a name the recognizer missed), the text of its mention span;
    /// labels whose name has an empty key are skipped. Entities are matched across articles by <see cref="NameKey"/> only. The result is sorted by entity key, outlet, descending
    /// count, text, kind, so it is deterministic for a given input order.
    /// </summary>
    public static ImmutableArray<OutletLabel> ByOutlet(IEnumerable<(string Outlet, Doc Doc)> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var groups = new Dictionary<(string Key, string Outlet, string Text, LabelKind Kind), (string Name, List<LabelOccurrence> Occ)>();
        foreach (var (outlet, doc) in docs)
        {
            var entities = doc.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
            foreach (var label in doc.Labels)
            {
                var name = label.EntityId is not null && entities.TryGetValue(label.EntityId, out var entity)
                    ? entity.Name
                    : label.MentionSpan.FitsIn(doc.Text) ? label.MentionSpan.Of(doc.Text) : null;
                if (name is null || NameKey.Of(name).Length == 0)
                {
                    continue;
                }

                var key = (NameKey.Of(name), outlet, Normalize(label.Text), label.Kind);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = (name, []);
                    groups[key] = group;
                }

                group.Occ.Add(new LabelOccurrence(doc.Article.Id, label.Span));
            }
        }

        return [.. groups
            .Select(g => new OutletLabel(g.Key.Key, g.Value.Name, g.Key.Outlet, g.Key.Text, g.Key.Kind, g.Value.Occ.Count, [.. g.Value.Occ]))
            .OrderBy(o => o.EntityKey, StringComparer.Ordinal).ThenBy(o => o.Outlet, StringComparer.Ordinal)
            .ThenByDescending(o => o.Count).ThenBy(o => o.Text, StringComparer.Ordinal).ThenBy(o => o.Kind)];
    }

    /// <summary>Lower case, trimmed, whitespace runs as one space, ’ and ʼ as '.</summary>
    public static string Normalize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var sb = new StringBuilder(label.Length);
        var space = false;
        foreach (var c in label.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c is '’' or 'ʼ' or '‘' ? '\'' : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
