using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>The entities of a story: each document with mentions pointing at story-wide entity ids, and the entities.</summary>
/// <param name="Docs">The input documents, in input order, with <see cref="Mention.EntityId"/> set to story entity ids and <see cref="Doc.Entities"/> to the story entities they mention.</param>
/// <param name="Entities">Every story entity, in order of first mention.</param>
public sealed record StoryEntities(ImmutableArray<Doc> Docs, ImmutableArray<Entity> Entities);

/// <summary>
/// Resolves name mentions into entities. Two mentions are one entity when their keys are equal after folding
/// diacritics, case, punctuation and a possessive ("Nicolás Maduro" = "Nicolas Maduro" = "Maduro’s"), when a one-word
/// person mention is the first or last word of a longer person name in the same scope ("Maduro" → "Nicolás Maduro";
/// the surname wins, and the most recent such name when several fit), or when an organisation or location is the
/// acronym of another ("EU" → "European Union"). Pure, deterministic, thread-safe.
/// </summary>
public static class EntityResolver
{
    /// <summary>Resolves the mentions of one document. Entity ids are <paramref name="idPrefix"/> + 1, 2, ... in order of first mention.</summary>
    public static (ImmutableArray<Mention> Mentions, ImmutableArray<Entity> Entities) ResolveMentions(IReadOnlyList<Mention> mentions, string idPrefix = "E")
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var ids = Assign(mentions);
        return Build(mentions, ids, idPrefix);
    }

    /// <summary>
    /// Cross-document resolution over the documents of one story (each must carry <see cref="Layers.Entities"/>).
    /// Story entity ids are <c>S1</c>, <c>S2</c>, ... in order of first mention over the documents in input order.
    /// </summary>
    public static StoryEntities Resolve(IEnumerable<Doc> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var list = docs.ToList();
        var all = list.SelectMany(d => d.Mentions).ToList();
        var groups = Assign(all);
        var (resolved, entities) = Build(all, groups, "S");
        var result = ImmutableArray.CreateBuilder<Doc>(list.Count);
        var at = 0;
        foreach (var doc in list)
        {
            var mine = resolved.Skip(at).Take(doc.Mentions.Length).ToImmutableArray();
            at += doc.Mentions.Length;
            var used = mine.Select(m => m.EntityId).ToHashSet(StringComparer.Ordinal);
            result.Add(doc with { Mentions = mine, Entities = [.. entities.Where(e => used.Contains(e.Id))], Labels = RemapLabels(doc, mine) });
        }

        return new StoryEntities(result.MoveToImmutable(), entities);
    }

    /// <summary>
    /// The document's labels with story entity ids: a label whose mention span is a mention takes that mention's id; any
    /// other label with a document entity id takes the story id of that document entity's mentions.
    /// </summary>
    private static ImmutableArray<Label> RemapLabels(Doc doc, ImmutableArray<Mention> resolved)
    {
        if (doc.Labels.IsDefaultOrEmpty)
        {
            return doc.Labels;
        }

        var bySpan = new Dictionary<TextSpan, string>();
        var byDocId = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i].EntityId is not { } story)
            {
                continue;
            }

            bySpan.TryAdd(resolved[i].Span, story);
            if (doc.Mentions[i].EntityId is { } local)
            {
                byDocId.TryAdd(local, story);
            }
        }

        return [.. doc.Labels.Select(l => l with
        {
            EntityId = bySpan.TryGetValue(l.MentionSpan, out var s) ? s : l.EntityId is { } local && byDocId.TryGetValue(local, out var t) ? t : null,
        })];
    }

    /// <summary>Group number per mention (mentions in the same group are one entity).</summary>
    private static int[] Assign(IReadOnlyList<Mention> mentions)
    {
        var group = new int[mentions.Count];
        var byKey = new Dictionary<(EntityType, string), int>();
        var keys = new string[mentions.Count];
        var next = 0;

        // 1. exact keys; multi-word person names first so that one-word mentions can find them
        for (var i = 0; i < mentions.Count; i++)
        {
            keys[i] = NameKey.Of(mentions[i].Text);
        }

        var fullNames = new List<(int Group, string[] Words, int Order)>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var words = NameKey.Words(keys[i]);
            if (m.Type == EntityType.Person && words.Length >= 2)
            {
                if (!byKey.TryGetValue((m.Type, keys[i]), out var g))
                {
                    g = next++;
                    byKey[(m.Type, keys[i])] = g;
                    fullNames.Add((g, words, i));
                }

                group[i] = g;
            }
            else
            {
                group[i] = -1;
            }
        }

        // 2. everything else
        for (var i = 0; i < mentions.Count; i++)
        {
            if (group[i] >= 0)
            {
                continue;
            }

            var m = mentions[i];
            var words = NameKey.Words(keys[i]);
            if (words.Length == 1 && (m.Type == EntityType.Person || (m.Type != EntityType.Group && !IsKnownPlaceOrOrg(m.Text)))
                && MatchPartOfName(fullNames, words[0], i) is { } g)
            {
                group[i] = g;
                continue;
            }

            var key = (m.Type, keys[i]);
            if (!byKey.TryGetValue(key, out var existing))
            {
                existing = next++;
                byKey[key] = existing;
            }

            group[i] = existing;
        }

        // 3. acronyms of organisations and locations ("EU" → "European Union")
        var longForms = new Dictionary<(EntityType, string), int>();
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            var words = NameKey.Words(keys[i]);
            if (m.Type is EntityType.Organization or EntityType.Location && words.Length >= 2)
            {
                var acronym = string.Concat(m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => char.ToLowerInvariant(w[0])));
                if (acronym.Length >= 2)
                {
                    longForms.TryAdd((m.Type, acronym), group[i]);
                }
            }
        }

        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is EntityType.Organization or EntityType.Location && m.Text.Length >= 2 && Chars.All(m.Text, c => char.IsUpper(c) || c == '.')
                && longForms.TryGetValue((m.Type, keys[i].Replace(" ", "", StringComparison.Ordinal)), out var g))
            {
                var old = group[i];
                for (var k = 0; k < group.Length; k++)
                {
                    if (group[k] == old)
                    {
                        group[k] = g;
                    }
                }
            }
        }

        return group;
    }

    private static bool IsKnownPlaceOrOrg(string text) =>
        (Gazetteer.Default.Categories(text) & (GazetteerCategory.Country | GazetteerCategory.Place | GazetteerCategory.Organization)) != 0;

    private static int? MatchPartOfName(List<(int Group, string[] Words, int Order)> fullNames, string word, int position)
    {
        // surname first, then given name; among several, the latest full name before the mention, else the first after it
        foreach (var useLast in (bool[])[true, false])
        {
            (int Group, int Order)? before = null;
            (int Group, int Order)? after = null;
            foreach (var (g, words, order) in fullNames)
            {
                var part = useLast ? words[^1] : words[0];
                if (part != word)
                {
                    continue;
                }

                if (order < position)
                {
                    before = (g, order);
                }
                else
                {
                    after ??= (g, order);
                }
            }

            if (before is { } b)
            {
                return b.Group;
            }

            if (after is { } a)
            {
                return a.Group;
            }
        }

        return null;
    }

    private static (ImmutableArray<Mention>, ImmutableArray<Entity>) Build(IReadOnlyList<Mention> mentions, int[] group, string prefix)
    {
        var order = new Dictionary<int, int>();
        var forms = new List<List<string>>();
        var typeCounts = new List<int[]>();
        var index = new int[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            if (!order.TryGetValue(group[i], out var k))
            {
                k = order.Count;
                order[group[i]] = k;
                forms.Add([]);
                typeCounts.Add(new int[Enum.GetValues<EntityType>().Length]);
            }

            index[i] = k;
            if (!forms[k].Contains(mentions[i].Text))
            {
                forms[k].Add(mentions[i].Text);
            }

            // longer mentions are better evidence of the type than one-word ones
            typeCounts[k][(int)mentions[i].Type] += NameKey.Words(NameKey.Of(mentions[i].Text)).Length >= 2 ? 3 : 1;
        }

        var types = typeCounts.Select(c => (EntityType)Array.IndexOf(c, c.Max())).ToArray();
        var resolved = ImmutableArray.CreateBuilder<Mention>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var k = index[i];
            // a mention linked to a person is a person mention (a surname the tagger typed otherwise)
            var type = types[k] == EntityType.Person ? EntityType.Person : mentions[i].Type;
            resolved.Add(mentions[i] with { EntityId = Id(prefix, k), Type = type });
        }

        var entities = ImmutableArray.CreateBuilder<Entity>(forms.Count);
        for (var k = 0; k < forms.Count; k++)
        {
            var name = CanonicalName(forms[k]);
            entities.Add(new Entity(Id(prefix, k), types[k], name, [.. forms[k]]));
        }

        return (resolved.MoveToImmutable(), entities.MoveToImmutable());
    }

    /// <summary>
    /// The fullest well-formed surface form: well-formed forms first (one line, starting with a capital letter or digit,
    /// no possessive ending, not an all-capitals multi-word form), then most words, then with diacritics kept
    /// ("Nicolás Maduro" over "Nicolas Maduro"), then the earliest.
    /// </summary>
    public static string CanonicalName(IReadOnlyList<string> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        return forms.Select((f, i) => (Form: f, Order: i))
            .OrderByDescending(x => IsWellFormed(x.Form))
            .ThenByDescending(x => NameKey.Words(NameKey.Of(x.Form)).Length)
            .ThenByDescending(x => x.Form.Count(c => c > 127 && char.IsLetter(c)))
            .ThenBy(x => x.Order)
            .First().Form;
    }

    private static bool IsWellFormed(string form)
    {
        if (form.Length == 0 || !char.IsLetterOrDigit(form[0]) || !char.IsUpper(form[0]) && !char.IsDigit(form[0]) || Chars.Any(form, c => c is '\n' or '\r' or '\t'))
        {
            return false;
        }

        if (form.EndsWith("'s", StringComparison.Ordinal) || form.EndsWith("’s", StringComparison.Ordinal) || form.EndsWith('\'') || form.EndsWith('’'))
        {
            return false;
        }

        var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 || !form.Where(char.IsLetter).All(char.IsUpper);
    }

    private static string Id(string prefix, int k) => prefix + (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
