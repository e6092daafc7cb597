using System.Collections.Frozen;
using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// <c>denial</c>: a claim and its denial. Two rules.
/// <list type="bullet">
/// <item><c>denial.accusation</c>: "X denied the accusation / rejected the allegation / denies it" against the
/// accusations of the story that name X after their cue ("accused X of ...", "alleges that X ...", "claims that X ...").
/// X is read from the names before the denial verb, or, for "The company denies it", from the accusation just before.
/// The denial's own quote that follows it ("'We have asked the ministry for nothing,' ... said") joins its side.</item>
/// <item><c>denial.topic</c>: "denied any transition talks", "no such discussions have taken place" against sentences
/// that assert the denied thing (a word of the same topic) about the same participants (story-wide entities, at least
/// two in common, or one when the denial names only one), or, failing that, the sentence just before the denial that
/// names one of them ("... hand power to Vice President Delcy Rodriguez. ... Rodriguez later denied any transition talks").</item>
/// </list>
/// </summary>
internal static partial class DenialRule
{
    private static readonly FrozenDictionary<string, string> TopicClass = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["talk"] = "talk", ["discussion"] = "talk", ["discuss"] = "talk", ["negotiation"] = "talk", ["negotiate"] = "talk",
        ["contact"] = "talk", ["dialogue"] = "talk", ["dialog"] = "talk",
        ["refuge"] = "refuge", ["sanctuary"] = "refuge", ["asylum"] = "refuge", ["haven"] = "refuge",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private sealed record Node(ArticleView View, int Sentence);

    public static IEnumerable<FoundConflict> Find(ImmutableArray<ArticleView> views, IReadOnlyDictionary<string, EntityType> types)
    {
        return Accusations(views).Concat(Topics(views, types));
    }

    private static IEnumerable<FoundConflict> Accusations(ImmutableArray<ArticleView> views)
    {
        var accusations = new List<(Node Node, HashSet<string> Accused)>();
        var denials = new List<(Node Node, HashSet<string> Denier)>();
        foreach (var view in views)
        {
            for (var s = 0; s < view.Sentences.Length; s++)
            {
                var text = view.SentenceText(s);
                var denial = Statements.DenialVerb().Match(text);
                var rejection = Statements.RejectionVerb().Match(text);
                var verb = denial.Success && (!rejection.Success || denial.Index < rejection.Index) ? denial : rejection;
                if (verb.Success && (verb == rejection || Statements.AccusationObject().IsMatch(text[(verb.Index + verb.Length)..])))
                {
                    var denier = ArticleView.NameWords(text[..verb.Index]).ToHashSet(StringComparer.Ordinal);
                    if (denier.Count == 0)
                    {
                        // "The company denies it.": the one accused just before.
                        var previous = accusations.LastOrDefault(a => ReferenceEquals(a.Node.View, view) && s - a.Node.Sentence is >= 1 and <= 2);
                        denier = previous.Accused ?? [];
                    }

                    if (denier.Count > 0)
                    {
                        denials.Add((new Node(view, s), denier));
                    }

                    continue;
                }

                var cue = Statements.AccusationCue().Match(text);
                if (cue.Success && !verb.Success)
                {
                    // "X accused Y of ...": Y after the cue; "Y are accused of ...": Y before it.
                    var passive = PassivePattern().IsMatch(text[..cue.Index]);
                    var accused = ArticleView.NameWords(passive ? text[..cue.Index] : text[(cue.Index + cue.Length)..]).ToHashSet(StringComparer.Ordinal);
                    if (accused.Count > 0)
                    {
                        accusations.Add((new Node(view, s), accused));
                    }
                }
            }
        }

        // Group: each denial with every accusation naming its denier; groups sharing an accusation merge.
        var groups = new List<(List<(Node Node, HashSet<string> Accused)> A, List<Node> D, HashSet<string> Names)>();
        foreach (var d in denials)
        {
            var targets = accusations.Where(a => a.Accused.Overlaps(d.Denier)).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            var group = groups.FirstOrDefault(g => g.A.Any(a => targets.Contains(a)));
            if (group.A is null)
            {
                group = ([], [], new HashSet<string>(StringComparer.Ordinal));
                groups.Add(group);
            }

            group.A.AddRange(targets.Where(t => !group.A.Contains(t)));
            group.D.Add(d.Node);
            group.Names.UnionWith(d.Denier.Intersect(targets.SelectMany(t => t.Accused)));
        }

        foreach (var (a, d, names) in groups)
        {
            var sideB = new List<EvidenceSpan>();
            foreach (var node in d)
            {
                sideB.Add(node.View.SentenceEvidence(node.Sentence));
                if (node.Sentence + 1 < node.View.Sentences.Length)
                {
                    var next = node.View.SentenceText(node.Sentence + 1);
                    if (Statements.Quotes(next) && Statements.Negates(next))
                    {
                        sideB.Add(node.View.SentenceEvidence(node.Sentence + 1));
                    }
                }
            }

            var first = a[0].Node;
            var subject = SubjectOf(first.View.SentenceText(first.Sentence), names);
            var denial = d[0];
            var description = $"{subject} denies the accusation. Accused: {ConflictDetector.Quote(first.View.SentenceText(first.Sentence))} "
                + $"({ConflictDetector.Outlets(a.Select(x => x.Node.View))}). Denial: {ConflictDetector.Quote(denial.View.SentenceText(denial.Sentence))} "
                + $"({ConflictDetector.Outlets(d.Select(x => x.View))}).";
            yield return new FoundConflict("denial", "denial.accusation", description, [.. a.Select(x => x.Node.View.SentenceEvidence(x.Node.Sentence))], [.. sideB])
            {
                Subject = subject,
            };
        }
    }

    /// <summary>The accused's name as the accusation writes it: the first run of capitalised words holding one of <paramref name="names"/>.</summary>
    private static string SubjectOf(string sentence, HashSet<string> names)
    {
        foreach (System.Text.RegularExpressions.Match run in NameRun().Matches(sentence))
        {
            if (ArticleView.NameWords(run.Value).Any(names.Contains))
            {
                return run.Value;
            }
        }

        return string.Join(' ', names.Order(StringComparer.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PassivePattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*")]
    private static partial System.Text.RegularExpressions.Regex NameRun();

    private static IEnumerable<FoundConflict> Topics(ImmutableArray<ArticleView> views, IReadOnlyDictionary<string, EntityType> types)
    {
        foreach (var view in views)
        {
            for (var s = 0; s < view.Sentences.Length; s++)
            {
                var text = view.SentenceText(s);
                string? topic = null;
                var existence = Statements.NegatedExistence().Match(text);
                if (existence.Success)
                {
                    topic = existence.Groups["topic"].Value;
                }
                else if (Statements.DenialVerb().Match(text) is { Success: true } verb && !Statements.AccusationObject().IsMatch(text[(verb.Index + verb.Length)..]))
                {
                    // "denied any transition talks, calling them ...": the head noun of the object.
                    var obj = text[(verb.Index + verb.Length)..];
                    var cut = obj.IndexOfAny([',', ';', '.', ':', '—']);
                    topic = ArticleView.Words(cut < 0 ? obj : obj[..cut]).Select(w => w.Word).Take(4).LastOrDefault(w => TopicClass.ContainsKey(ArticleView.Stem(w)));
                }

                if (topic is null || !TopicClass.TryGetValue(ArticleView.Stem(topic.ToLowerInvariant()), out var cls))
                {
                    continue;
                }

                // Participants: the people named (else every entity named); a supporting sentence shares two of them, or
                // the one there is.
                var entities = view.SentenceEntities[s];
                var persons = entities.Where(e => types.GetValueOrDefault(e) == EntityType.Person).ToImmutableHashSet(StringComparer.Ordinal);
                var participants = persons.Count > 0 ? persons : entities;
                var need = Math.Min(2, participants.Count);
                var support = new List<EvidenceSpan>();
                foreach (var other in views)
                {
                    for (var o = 0; o < other.Sentences.Length; o++)
                    {
                        if (ReferenceEquals(other, view) && o == s)
                        {
                            continue;
                        }

                        var candidate = other.SentenceText(o);
                        if (need > 0 && other.SentenceEntities[o].Intersect(participants).Count() >= need
                            && Statements.AssertsAround(candidate, w => TopicClass.GetValueOrDefault(ArticleView.Stem(w)) == cls))
                        {
                            support.Add(other.SentenceEvidence(o));
                        }
                    }
                }

                var rule = "denial.topic";
                if (support.Count == 0)
                {
                    // "... hand power to Vice President Delcy Rodriguez. ... Rodriguez later denied any transition talks."
                    var names = ArticleView.NameWords(text).ToHashSet(StringComparer.Ordinal);
                    for (var p = s - 1; p >= Math.Max(0, s - 2); p--)
                    {
                        var previous = view.SentenceText(p);
                        var shares = view.SentenceEntities[p].Overlaps(entities) || ArticleView.NameWords(previous).Any(names.Contains);
                        if (shares && !Statements.Negates(previous) && !Statements.DenialVerb().IsMatch(previous))
                        {
                            support.Add(view.SentenceEvidence(p));
                            rule = "denial.topic-previous";
                            break;
                        }
                    }
                }

                if (support.Count == 0)
                {
                    continue;
                }

                var first = support[0];
                var description = $"{ConflictDetector.Quote(first.Text)} ({OutletOf(views, first)}) "
                    + $"against {ConflictDetector.Quote(text)} ({view.Name}).";
                yield return new FoundConflict("denial", rule, description, [.. support], [view.SentenceEvidence(s)])
                {
                    Subject = topic,
                };
            }
        }
    }

    private static string OutletOf(ImmutableArray<ArticleView> views, EvidenceSpan span) => views.First(v => v.Id == span.ArticleId).Name;
}
