using System.Collections.Immutable;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// <c>overstatement</c>: a source asked whether something happened and got no answer ("the Gazette asked whether Corvane
/// would pay the strikers' fines, but the company's press office did not respond"), while a sentence of the story states
/// it as done ("Corvane Pays Strikers' Fines", "local radio confirmed Corvane's payment"). The question is the clause
/// after "whether" in the no-response sentence or the sentence before it; a statement must assert (no hedge, question or
/// negation), share a content word of the question ("pay", "fines") and name one of its participants or the party that
/// did not respond. Non-responses about one party form one conflict.
/// </summary>
internal static class OverstatementRule
{
    private sealed record Silence(ArticleView View, int Sentence, int? QuestionSentence, HashSet<string> Stems, ImmutableHashSet<string> Entities, string Party);

    public static IEnumerable<FoundConflict> Find(ImmutableArray<ArticleView> views)
    {
        var silences = new List<Silence>();
        foreach (var view in views)
        {
            for (var s = 0; s < view.Sentences.Length; s++)
            {
                var text = view.SentenceText(s);
                var none = Statements.NoResponse().Match(text);
                if (!none.Success)
                {
                    continue;
                }

                var qs = Statements.Question().IsMatch(text) ? s : s > 0 && Statements.Question().IsMatch(view.SentenceText(s - 1)) ? s - 1 : -1;
                if (qs < 0)
                {
                    continue;
                }

                var qText = view.SentenceText(qs);
                var q = Statements.Question().Match(qText);
                var clause = q.Groups["q"].Value;
                var cut = clause.IndexOf(" if ", StringComparison.OrdinalIgnoreCase);
                clause = cut > 0 ? clause[..cut] : clause;
                var stems = Statements.ContentStems(clause);
                var qStart = view.Sentences[qs].Span.Start + q.Groups["q"].Index;
                var entities = view.Member.Doc.Mentions
                    .Where(m => m.EntityId is not null && m.Span.Start >= qStart && m.Span.Start < qStart + clause.Length)
                    .Select(m => m.EntityId!).ToHashSet(StringComparer.Ordinal);
                var party = PartyOf(view, s, none.Index, qs);
                entities.UnionWith(party.Entities);
                if (stems.Count == 0 || entities.Count == 0)
                {
                    continue;
                }

                silences.Add(new Silence(view, s, qs == s ? null : qs, stems, [.. entities], party.Text));
            }
        }

        foreach (var group in silences.GroupBy(x => x.Party.Length > 0 ? x.Party.Replace('’', '\'').ToLowerInvariant() : string.Join('|', x.Entities.Order(StringComparer.Ordinal)), StringComparer.Ordinal))
        {
            var list = group.ToList();
            var stems = list.SelectMany(x => x.Stems).ToHashSet(StringComparer.Ordinal);
            var entities = list.SelectMany(x => x.Entities).ToHashSet(StringComparer.Ordinal);
            var silent = list.SelectMany(x => x.QuestionSentence is { } qs ? new (ArticleView View, int Sentence)[] { (x.View, qs), (x.View, x.Sentence) } : [(x.View, x.Sentence)]).ToList();
            var statements = new List<(ArticleView View, int Sentence, string Stem)>();
            foreach (var view in views)
            {
                for (var s = 0; s < view.Sentences.Length; s++)
                {
                    if (silent.Any(x => ReferenceEquals(x.View, view) && x.Sentence == s) || !view.SentenceEntities[s].Overlaps(entities))
                    {
                        continue;
                    }

                    var text = view.SentenceText(s);
                    if (Statements.NoResponse().IsMatch(text))
                    {
                        continue;
                    }

                    var shared = Statements.ContentStems(text, keepCapitalised: true).Intersect(stems).Order(StringComparer.Ordinal).FirstOrDefault();
                    if (shared is not null && Statements.AssertsAround(text, w => ArticleView.Stem(w) == shared))
                    {
                        statements.Add((view, s, shared));
                    }
                }
            }

            if (statements.Count == 0)
            {
                continue;
            }

            var a = statements[0];
            var b = list[0];
            var party = b.Party.Length > 0 ? b.Party : "the party asked";
            var description = $"{ConflictDetector.Quote(a.View.SentenceText(a.Sentence))} ({ConflictDetector.Outlets(statements.Select(x => x.View))}) states as done "
                + $"what {party} did not confirm: {ConflictDetector.Quote(b.View.SentenceText(b.QuestionSentence ?? b.Sentence))} "
                + $"({ConflictDetector.Outlets(list.Select(x => x.View))}).";
            yield return new FoundConflict(
                "overstatement",
                "overstatement.unanswered",
                description,
                [.. statements.Select(x => x.View.SentenceEvidence(x.Sentence))],
                [.. silent.Select(x => x.View.SentenceEvidence(x.Sentence))])
            {
                Subject = party,
            };
        }
    }

    /// <summary>The party that did not respond: the phrase before the no-response words ("the company's press office"), else the one the comment was requested from.</summary>
    private static (string Text, HashSet<string> Entities) PartyOf(ArticleView view, int sentence, int noneIndex, int questionSentence)
    {
        var span = view.Sentences[sentence].Span;
        var before = view.Text[span.Start..(span.Start + noneIndex)];
        var cut = before.LastIndexOfAny([',', ';', ':']);
        var phraseStart = span.Start + (cut < 0 ? 0 : cut + 1);
        var phrase = view.Text[phraseStart..(span.Start + noneIndex)];
        phrase = System.Text.RegularExpressions.Regex.Replace(phrase, @"^\s*(?:but|and|yet|so)\s+", string.Empty, System.Text.RegularExpressions.RegexOptions.IgnoreCase).Trim();
        var from = phraseStart;
        if (!ArticleView.NameWords(phrase).Any())
        {
            // "There was no immediate response.": the comment was requested from someone in the question sentence.
            var qText = view.SentenceText(questionSentence);
            var m = System.Text.RegularExpressions.Regex.Match(qText, @"\bfrom\s+(?<p>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*(?:['’]s\s+\p{Ll}+)?)");
            if (!m.Success)
            {
                return (string.Empty, []);
            }

            phrase = m.Groups["p"].Value;
            from = view.Sentences[questionSentence].Span.Start + m.Groups["p"].Index;
        }

        var entities = view.Member.Doc.Mentions
            .Where(x => x.EntityId is not null && x.Span.Start >= from && x.Span.Start < from + phrase.Length)
            .Select(x => x.EntityId!).ToHashSet(StringComparer.Ordinal);
        return (phrase, entities);
    }
}
