using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Language.Entities;
using Parallax.Language.Labels;

namespace Parallax.Compare.Labels;

/// <summary>
/// The story's entities (people, organisations, places, groups) with the labels each outlet uses for them: "how each
/// outlet labels each person". Reads the story-wide entity ids of <see cref="StoryInput.Entities"/>, the mentions
/// (<see cref="Mention.EntityId"/>) and the labels (<see cref="Label.EntityId"/>) of every member article.
/// <para>
/// Per entity: canonical name, surface forms, type, total mentions, and per outlet (all its member articles together,
/// outlets in report order; each article of an unknown outlet counts as its own outlet, "unknown outlet (1a2b3c4d)") its mention count and its labels. Labels are counted by <see cref="LabelKey"/> (case,
/// leading article and "Country's" vs "Demonym" folded) while every evidence span keeps the verbatim characters.
/// A label is <see cref="LabelCount.OnlyIn"/> when the entity is mentioned by two or more outlets and no other outlet
/// uses that key.
/// </para>
/// <para>
/// Order: by prominence, i.e. total mentions across outlets (labels count as references too), then number of outlets,
/// then first mention. Entities mentioned once and never labelled are <see cref="EntityReport.Minor"/> and come last.
/// Misc entities and entities with neither mentions nor labels are left out. Pure and deterministic.
/// </para>
/// </summary>
public static class LabelComparer
{
    public static ImmutableArray<EntityReport> Compare(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outletOrder = new List<string>();
        foreach (var a in input.Articles)
        {
            if (!outletOrder.Contains(OutletOf(a)))
            {
                outletOrder.Add(OutletOf(a));
            }
        }

        var stats = input.Entities.ToDictionary(e => e.Id, e => new EntityStats(e), StringComparer.Ordinal);
        var firstMention = new Dictionary<string, int>(StringComparer.Ordinal);
        var position = 0;
        foreach (var article in input.Articles)
        {
            var outlet = OutletOf(article);
            foreach (var m in article.Doc.Mentions)
            {
                position++;
                if (m.EntityId is not { } id || !stats.TryGetValue(id, out var s))
                {
                    continue;
                }

                firstMention.TryAdd(id, position);
                s.Outlet(outlet).Mentions++;
                s.Outlet(outlet).Articles.Add(article.Id);
            }

            foreach (var label in article.Doc.Labels)
            {
                if (label.EntityId is not { } id || !stats.TryGetValue(id, out var s) || !label.Span.FitsIn(article.Text))
                {
                    continue;
                }

                var o = s.Outlet(outlet);
                o.Articles.Add(article.Id);
                var key = LabelKey.Of(label.Text);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!o.Labels.TryGetValue(key, out var uses))
                {
                    o.Labels[key] = uses = [];
                    o.KeyOrder.Add(key);
                }

                var evidence = article.Evidence(label.Span);
                if (!uses.Any(u => u.Evidence == evidence))
                {
                    uses.Add((evidence, label.Kind));
                }
            }
        }

        var reports = new List<(EntityReport Report, int First)>();
        foreach (var entity in input.Entities)
        {
            if (entity.Type == EntityType.Misc)
            {
                continue;
            }

            var s = stats[entity.Id];
            var outlets = outletOrder.Where(s.ByOutlet.ContainsKey).Select(o => (Name: o, Stats: s.ByOutlet[o])).ToList();
            if (outlets.Count == 0)
            {
                continue;
            }

            var mentioning = outlets.Count(o => o.Stats.Mentions > 0);
            var byOutlet = outlets.Select(o => new OutletLabels(o.Name, [.. o.Stats.KeyOrder
                    .Select((key, i) => (Count: ToCount(key, o.Stats.Labels[key], mentioning >= 2 && !outlets.Any(x => x.Name != o.Name && x.Stats.Labels.ContainsKey(key))), Order: i))
                    .OrderByDescending(x => x.Count.Count).ThenBy(x => x.Order).Select(x => x.Count)])
            {
                Mentions = o.Stats.Mentions,
                ArticleIds = [.. input.Articles.Where(a => o.Stats.Articles.Contains(a.Id)).Select(a => a.Id)],
            }).ToImmutableArray();
            var mentions = outlets.Sum(o => o.Stats.Mentions);
            var labels = outlets.Sum(o => o.Stats.Labels.Values.Sum(u => u.Count));
            reports.Add((new EntityReport(entity.Id, entity.Name, entity.Type.ToString(), entity.SurfaceForms, byOutlet)
            {
                Mentions = mentions,
                Outlets = outlets.Count,
                Minor = mentions + labels <= 1,
            }, firstMention.GetValueOrDefault(entity.Id, int.MaxValue)));
        }

        return [.. reports
            .OrderBy(r => r.Report.Minor)
            .ThenByDescending(r => r.Report.Mentions + r.Report.LabelsByOutlet.Sum(o => o.Labels.Sum(l => l.Count)))
            .ThenByDescending(r => r.Report.Outlets)
            .ThenBy(r => r.First)
            .ThenBy(r => r.Report.Id, StringComparer.Ordinal)
            .Select(r => r.Report)];
    }

    private static LabelCount ToCount(string key, List<(EvidenceSpan Evidence, LabelKind Kind)> uses, bool onlyIn)
    {
        var kind = uses.GroupBy(u => u.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return new LabelCount(uses[0].Evidence.Text, uses.Count, [.. uses.Select(u => u.Evidence)])
        {
            Key = key,
            Kind = KindName(kind),
            Forms = [.. uses.Select(u => u.Evidence.Text).Distinct(StringComparer.Ordinal)],
            OnlyIn = onlyIn,
        };
    }

    /// <summary>The report's spelling of a label kind: <c>title</c>, <c>apposition</c>, <c>premodifier</c>, <c>epithet</c>, <c>predicate-nominal</c>.</summary>
    public static string KindName(LabelKind kind) => kind switch
    {
        LabelKind.Title => "title",
        LabelKind.Apposition => "apposition",
        LabelKind.Premodifier => "premodifier",
        LabelKind.Epithet => "epithet",
        LabelKind.PredicateNominal => "predicate-nominal",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The outlet an article counts for (<see cref="StoryArticle.Outlet"/>): articles of an unknown outlet each count on their own, "unknown outlet (1a2b3c4d)".</summary>
    public static string OutletOf(StoryArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Outlet;
    }

    private sealed class EntityStats(Entity entity)
    {
        public Entity Entity { get; } = entity;

        public Dictionary<string, OutletStats> ByOutlet { get; } = new(StringComparer.Ordinal);

        public OutletStats Outlet(string outlet)
        {
            if (!ByOutlet.TryGetValue(outlet, out var o))
            {
                ByOutlet[outlet] = o = new OutletStats();
            }

            return o;
        }
    }

    private sealed class OutletStats
    {
        public int Mentions { get; set; }

        public HashSet<string> Articles { get; } = new(StringComparer.Ordinal);

        /// <summary>Label keys in order of first use.</summary>
        public List<string> KeyOrder { get; } = [];

        /// <summary>Uses per label key.</summary>
        public Dictionary<string, List<(EvidenceSpan Evidence, LabelKind Kind)>> Labels { get; } = new(StringComparer.Ordinal);
    }
}
