using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// <c>date</c>: different calendar days for the same event. An event is an event noun next to the date in its clause
/// ("the November 21 call", "a hearing is scheduled for Tuesday") with its ordinal ("second meeting" and "first meeting"
/// are different events); two dates of one event must also share a named participant (story-wide entity). Silent when
/// either date was resolved against a publication date the article does not state, and when both are bare weekdays
/// naming the same weekday (then the two days differ only by how the tense was read).
/// </summary>
internal static class DateRule
{
    internal static readonly FrozenSet<string> EventNouns = new[]
    {
        "meeting", "call", "talk", "hearing", "deadline", "cutoff", "vote", "election", "summit", "visit", "attack", "speech",
        "interview", "ruling", "verdict", "trial", "seizure", "raid", "signing", "ceremony", "walkout", "stoppage", "funeral",
        "announcement", "referendum", "launch",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Ordinals = new[]
    {
        "first", "second", "third", "fourth", "fifth", "further", "earlier", "previous", "last", "next", "latest", "new", "final", "another",
    }.ToFrozenSet(StringComparer.Ordinal);

    private sealed record Dated(ArticleView View, ResolvedTimex Timex, int Sentence, string Event, DateOnly Day);

    public static IEnumerable<FoundConflict> Find(ImmutableArray<ArticleView> views)
    {
        var dated = new List<Dated>();
        foreach (var view in views)
        {
            foreach (var t in view.Timexes)
            {
                if (ArticleView.Day(t.Value) is not { } day || view.SentenceAt(t.Timex.Span.Start) is not { } s)
                {
                    continue;
                }

                var anchored = t.Timex.Value is { } v && v.StartsWith("ANCHOR:", StringComparison.Ordinal);
                if ((anchored || t.Timex.AnchorOpen) && !view.DateIsStated)
                {
                    continue;
                }

                if (EventOf(view, t, s) is { } ev)
                {
                    dated.Add(new Dated(view, t, s, ev, day));
                }
            }
        }

        var parent = Enumerable.Range(0, dated.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < dated.Count; i++)
        {
            for (var j = i + 1; j < dated.Count; j++)
            {
                var (x, y) = (dated[i], dated[j]);
                if (x.Event == y.Event && !(ReferenceEquals(x.View, y.View) && x.Sentence == y.Sentence)
                    && x.View.SentenceEntities[x.Sentence].Overlaps(y.View.SentenceEntities[y.Sentence]))
                {
                    parent[Root(i)] = Root(j);
                }
            }
        }

        foreach (var component in Enumerable.Range(0, dated.Count).GroupBy(Root).Select(g => g.Select(i => dated[i]).ToList()))
        {
            var groups = component.GroupBy(d => d.Day).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; b < groups.Count; b++)
                {
                    var (ga, gb) = (groups[a], groups[b]);
                    if (ga.All(x => x.Timex.IsWeekdayOnly) && gb.All(x => x.Timex.IsWeekdayOnly) && ga[0].Day.DayOfWeek == gb[0].Day.DayOfWeek)
                    {
                        continue;
                    }

                    if (Math.Abs(gb[0].Day.DayNumber - ga[0].Day.DayNumber) > 366)
                    {
                        continue;
                    }

                    var inv = CultureInfo.InvariantCulture;
                    var description = $"The {ga[0].Event}: {ConflictDetector.Quote(ga[0].Timex.Timex.Text)} = {ga[0].Day.ToString("yyyy-MM-dd", inv)} "
                        + $"({ConflictDetector.Outlets(ga.Select(d => d.View))}) against {ConflictDetector.Quote(gb[0].Timex.Timex.Text)} = "
                        + $"{gb[0].Day.ToString("yyyy-MM-dd", inv)} ({ConflictDetector.Outlets(gb.Select(d => d.View))}).";
                    yield return new FoundConflict(
                        "date",
                        "date.event",
                        description,
                        [.. ga.Select(d => d.View.SentenceEvidence(d.Sentence))],
                        [.. gb.Select(d => d.View.SentenceEvidence(d.Sentence))])
                    {
                        Subject = ga[0].Event,
                        ValueA = ga[0].Day.ToString("yyyy-MM-dd", inv),
                        ValueB = gb[0].Day.ToString("yyyy-MM-dd", inv),
                    };
                }
            }
        }
    }

    /// <summary>The event noun (with its ordinal) within three words of the date in its clause, or null.</summary>
    private static string? EventOf(ArticleView view, ResolvedTimex t, int sentence)
    {
        var span = view.Sentences[sentence].Span;
        var after = Clause(view.Slice(t.Timex.Span.End, span.End), forward: true);
        var before = Clause(view.Slice(span.Start, t.Timex.Span.Start), forward: false);
        foreach (var side in (List<string>[])[after, before])
        {
            for (var i = 0; i < Math.Min(side.Count, 4); i++)
            {
                var stem = ArticleView.Stem(side[i]);
                if (EventNouns.Contains(stem) || EventNouns.Contains(side[i]))
                {
                    var ord = ReferenceEquals(side, after)
                        ? side.Take(i).FirstOrDefault(Ordinals.Contains)
                        : side.Skip(i + 1).Take(2).FirstOrDefault(Ordinals.Contains);
                    return ord is null ? stem : ord + " " + stem;
                }
            }
        }

        return null;
    }

    private static List<string> Clause(string text, bool forward)
    {
        char[] boundaries = [',', ';', ':', '—', '"', '“', '”', '(', ')', '.'];
        var boundary = forward ? text.IndexOfAny(boundaries) : text.LastIndexOfAny(boundaries);
        var part = boundary < 0 ? text : forward ? text[..boundary] : text[(boundary + 1)..];
        var words = ArticleView.Words(part).Select(w => w.Word).Where(w => w is not ("the" or "a" or "an" or "on" or "for" or "of" or "is" or "was" or "set" or "scheduled" or "their" or "its" or "his" or "her")).ToList();
        if (!forward)
        {
            words.Reverse();
        }

        return words;
    }
}
