using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Language;
using Parallax.Language.Entities;

namespace Parallax.Eval.Labels;

/// <summary>An article of NewsWCL50 (<c>articles.jsonl</c>).</summary>
public sealed record WclArticle(string Id, int Event, string Outlet, string Text);

/// <summary>An annotated mention of NewsWCL50 (<c>mentions.jsonl</c>): character span, concept code and its type.</summary>
public sealed record WclMention(string Article, int Start, int End, string Text, string Concept, string ConceptType);

/// <summary>One predicted span: a name mention or a label of a predicted story entity (entity ids are per event).</summary>
public sealed record LabelPrediction(string Article, int Start, int End, string Entity, string Kind, string? LabelKind);

/// <summary>Recall of one group of gold mentions.</summary>
public sealed record RecallCount(int Gold, int Found)
{
    public double Recall => Gold == 0 ? 0 : (double)Found / Gold;
}

/// <summary>The figures of <c>parallax eval labels</c>.</summary>
public sealed record LabelsScore(
    int Events, int Articles, int MainEntities, int PronounsSkipped, RecallCount Names, RecallCount Labels, int PredictedLabels, int CorrectLabels,
    ImmutableArray<(string Outlet, RecallCount Names, RecallCount Labels)> ByOutlet)
{
    /// <summary>Predicted labels of entities aligned with a main concept that overlap a gold mention of that concept, over all such labels.</summary>
    public double LabelPrecision => PredictedLabels == 0 ? 0 : (double)CorrectLabels / PredictedLabels;

    public double Recall => Names.Gold + Labels.Gold == 0 ? 0 : (double)(Names.Found + Labels.Found) / (Names.Gold + Labels.Gold);

    /// <summary>The gated metrics by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["names_recall"] = Names.Recall,
        ["labels_recall"] = Labels.Recall,
        ["recall"] = Recall,
        ["label_precision"] = LabelPrecision,
    };

    /// <summary>One JSON line.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("events", Events);
            w.WriteNumber("articles", Articles);
            w.WriteNumber("main_entities", MainEntities);
            w.WriteNumber("gold_names", Names.Gold);
            w.WriteNumber("gold_labels", Labels.Gold);
            w.WriteNumber("pronouns_skipped", PronounsSkipped);
            w.WriteNumber("names_recall", Round(Names.Recall));
            w.WriteNumber("labels_recall", Round(Labels.Recall));
            w.WriteNumber("recall", Round(Recall));
            w.WriteNumber("predicted_labels", PredictedLabels);
            w.WriteNumber("label_precision", Round(LabelPrecision));
            w.WriteStartObject("by_outlet");
            foreach (var (outlet, names, labels) in ByOutlet)
            {
                w.WriteStartObject(outlet);
                w.WriteNumber("gold_names", names.Gold);
                w.WriteNumber("names_recall", Round(names.Recall));
                w.WriteNumber("gold_labels", labels.Gold);
                w.WriteNumber("labels_recall", Round(labels.Recall));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double Round(double v) => Math.Round(v, 4);
}

/// <summary>
/// How much of the annotated wording about the main actors of NewsWCL50 (bias/newswcl50-events-0-6) the label and mention
/// extraction finds, per event and outlet. Protocol (docs/language.md, "Evaluation on NewsWCL50"):
/// <list type="bullet">
/// <item>Main entities: per event, the (at most) three ACTOR concepts with most annotated mentions, if they have at least 10.</item>
/// <item>Gold mentions of those concepts are <em>names</em> when they contain a word of the concept's code name
/// ("Kim Jong Un" for <c>PRK\Jong Un</c>), else <em>labels</em> ("North Korean leader", "the president"); mentions that
/// are only a pronoun are skipped (no pronoun resolution is claimed).</item>
/// <item>Each event's five articles run through the language layer, then story-wide entity resolution. A predicted entity is
/// aligned with the main concept whose gold mentions its name mentions overlap most often (none on a tie or no overlap).</item>
/// <item>A gold mention is found when a name mention or label of an entity aligned with its concept overlaps it
/// (character overlap, since annotation spans follow the annotators' phrase boundaries).</item>
/// <item>Label precision: the labels of aligned entities that overlap a gold mention of the same concept, over all labels of
/// aligned entities (annotators did not mark every description, so this is a lower bound).</item>
/// </list>
/// Deterministic. The set may not train anything (its FORMAT.md: evaluation and development only).
/// </summary>
public static class LabelsEvaluation
{
    private static readonly HashSet<string> _pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "they", "them", "their", "theirs", "themselves", "it", "its", "itself",
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "who", "whom", "whose", "which", "that",
    };

    /// <summary>Reads <c>articles.jsonl</c> and <c>mentions.jsonl</c> of <paramref name="directory"/>.</summary>
    public static (ImmutableArray<WclArticle> Articles, ImmutableArray<WclMention> Mentions) Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var articles = File.ReadLines(Path.Combine(directory, "articles.jsonl")).Where(l => l.Length > 0).Select(l =>
        {
            using var d = JsonDocument.Parse(l);
            var r = d.RootElement;
            return new WclArticle(r.GetProperty("id").GetString()!, r.GetProperty("event").GetInt32(), r.GetProperty("outlet").GetString()!, r.GetProperty("text").GetString()!);
        }).ToImmutableArray();
        var mentions = File.ReadLines(Path.Combine(directory, "mentions.jsonl")).Where(l => l.Length > 0).Select(l =>
        {
            using var d = JsonDocument.Parse(l);
            var r = d.RootElement;
            return new WclMention(r.GetProperty("article").GetString()!, r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32(),
                r.GetProperty("text").GetString()!, r.GetProperty("concept").GetString()!, r.GetProperty("concept_type").GetString()!);
        }).ToImmutableArray();
        return (articles, mentions);
    }

    /// <summary>Runs the language layer and story-wide resolution per event; returns every predicted name and label span.</summary>
    public static ImmutableArray<LabelPrediction> Predict(IReadOnlyList<WclArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var docs = new Doc[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => docs[i] = LanguagePipeline.Analyze(ToArticle(articles[i]), cancellationToken));
        var result = ImmutableArray.CreateBuilder<LabelPrediction>();
        foreach (var ev in articles.Select((a, i) => (a, i)).GroupBy(x => x.a.Event).OrderBy(g => g.Key))
        {
            var resolved = EntityResolver.Resolve(ev.Select(x => docs[x.i]));
            foreach (var doc in resolved.Docs)
            {
                var prefix = ev.Key.ToString(CultureInfo.InvariantCulture) + ":";
                result.AddRange(doc.Mentions.Where(m => m.EntityId is not null && m.Type != EntityType.Group)
                    .Select(m => new LabelPrediction(doc.Article.Id, m.Span.Start, m.Span.End, prefix + m.EntityId, "name", null)));
                result.AddRange(doc.Labels.Where(l => l.EntityId is not null)
                    .Select(l => new LabelPrediction(doc.Article.Id, l.Span.Start, l.Span.End, prefix + l.EntityId, "label", l.Kind.ToString())));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Scores <paramref name="predictions"/> against the gold mentions of the main actors (see the type's remarks).</summary>
    public static LabelsScore Score(IReadOnlyList<WclArticle> articles, IReadOnlyList<WclMention> mentions, IReadOnlyList<LabelPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(predictions);
        var eventOf = articles.ToDictionary(a => a.Id, a => a.Event, StringComparer.Ordinal);
        var outletOf = articles.ToDictionary(a => a.Id, a => a.Outlet, StringComparer.Ordinal);
        var known = mentions.Where(m => eventOf.ContainsKey(m.Article)).ToList();
        var main = known.Where(m => m.ConceptType == "ACTOR")
            .GroupBy(m => (Event: eventOf[m.Article], m.Concept))
            .Select(g => (g.Key.Event, g.Key.Concept, Count: g.Count()))
            .Where(x => x.Count >= 10)
            .GroupBy(x => x.Event)
            .SelectMany(g => g.OrderByDescending(x => x.Count).ThenBy(x => x.Concept, StringComparer.Ordinal).Take(3))
            .Select(x => (x.Event, x.Concept))
            .ToHashSet();
        var gold = known.Where(m => main.Contains((eventOf[m.Article], m.Concept))).ToList();
        var pronouns = gold.Count(IsPronoun);
        gold = [.. gold.Where(m => !IsPronoun(m))];

        // align predicted entities with concepts by their name mentions
        var byArticle = gold.ToLookup(m => m.Article, StringComparer.Ordinal);
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var p in predictions.Where(p => p.Kind == "name"))
        {
            foreach (var g in byArticle[p.Article].Where(g => Overlaps(g, p)).Select(g => g.Concept).Distinct(StringComparer.Ordinal))
            {
                if (!votes.TryGetValue(p.Entity, out var v))
                {
                    votes[p.Entity] = v = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                v[g] = v.GetValueOrDefault(g) + 1;
            }
        }

        var concept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (entity, v) in votes)
        {
            var best = v.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
            if (best.Count == 1 || best[0].Value > best[1].Value)
            {
                concept[entity] = best[0].Key;
            }
        }

        var aligned = predictions.Where(p => concept.ContainsKey(p.Entity)).ToLookup(p => p.Article, StringComparer.Ordinal);
        var found = gold.Select(g => aligned[g.Article].Any(p => concept[p.Entity] == g.Concept && Overlaps(g, p))).ToList();
        var isName = gold.Select(IsName).ToList();
        RecallCount Count(Func<int, bool> keep)
        {
            var idx = Enumerable.Range(0, gold.Count).Where(keep).ToList();
            return new RecallCount(idx.Count, idx.Count(i => found[i]));
        }

        var labels = predictions.Where(p => p.Kind == "label" && concept.ContainsKey(p.Entity)).ToList();
        var correct = labels.Count(p => byArticle[p.Article].Any(g => g.Concept == concept[p.Entity] && Overlaps(g, p)));
        var outlets = articles.Select(a => a.Outlet).Distinct(StringComparer.Ordinal).ToList();
        return new LabelsScore(
            articles.Select(a => a.Event).Distinct().Count(), articles.Count, main.Count, pronouns,
            Count(i => isName[i]), Count(i => !isName[i]), labels.Count, correct,
            [.. outlets.Select(o => (o, Count(i => isName[i] && outletOf[gold[i].Article] == o), Count(i => !isName[i] && outletOf[gold[i].Article] == o)))]);
    }

    /// <summary>Writes predictions as JSON Lines <c>{"article", "start", "end", "entity", "kind", "label_kind"}</c>.</summary>
    public static void WritePredictions(string path, IEnumerable<LabelPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var p in predictions)
        {
            writer.Write(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["article"] = p.Article, ["start"] = p.Start, ["end"] = p.End, ["entity"] = p.Entity, ["kind"] = p.Kind, ["label_kind"] = p.LabelKind,
            }));
            writer.Write('\n');
        }
    }

    private static bool Overlaps(WclMention g, LabelPrediction p) => p.Start < g.End && g.Start < p.End;

    private static bool IsPronoun(WclMention m) => m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => _pronouns.Contains(w.Trim('\'', '’', '"', ',', '.')));

    /// <summary>A gold mention is a name when it contains a word of the concept's code name (the part after the last backslash).</summary>
    private static bool IsName(WclMention m)
    {
        var code = m.Concept[(m.Concept.LastIndexOf('\\') + 1)..];
        var nameWords = code.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return m.Text.Split([' ', '-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0]) && nameWords.Contains(w.ToLowerInvariant()));
    }

    private static Article ToArticle(WclArticle a) => new()
    {
        Id = a.Id,
        SourceId = a.Id,
        Origin = a.Id,
        Metadata = ArticleMetadata.Empty with { Outlet = a.Outlet },
        RawText = a.Text,
        Text = a.Text,
        Map = OffsetMap.Identity(a.Text.Length),
    };
}
