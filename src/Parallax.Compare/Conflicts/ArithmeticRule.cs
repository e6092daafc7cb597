using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// <c>arithmetic</c>: a stated interval that the story's own dates contradict. A claim "second meeting in 17 days" (an
/// ordinal event, "in", a duration in days or weeks, and the day of that event in the same sentence) is checked against
/// the day of the earlier event: a dated sentence elsewhere in the story with a word of the same kind of event
/// ("received", "met", "talks") that names a participant of the claim, before the claimed day. Silent when no such day is
/// found or when the candidates disagree among themselves; only second events are checked (a third needs the second's
/// day too).
/// </summary>
internal static partial class ArithmeticRule
{
    private static readonly FrozenSet<string> MeetingWords = new[]
    {
        "meet", "met", "meeting", "receive", "received", "host", "hosted", "talk", "talks", "visit", "visited", "convene", "convened",
    }.ToFrozenSet(StringComparer.Ordinal);

    private sealed record IntervalClaim(ArticleView View, int Sentence, string Phrase, string Event, int Days, string? Modifier, string DurationText, DateOnly Day, bool Solid);

    private sealed record Earlier(ArticleView View, int Sentence, DateOnly Day, string DateText);

    public static IEnumerable<FoundConflict> Find(ImmutableArray<ArticleView> views)
    {
        var claims = views.SelectMany(Claims).ToList();
        if (claims.Count == 0)
        {
            yield break;
        }

        var inv = CultureInfo.InvariantCulture;
        var seen = new HashSet<(DateOnly, int, string?, DateOnly)>();
        foreach (var claim in claims.Where(c => c.Solid))
        {
            var persons = PersonsOf(claim.View, claim.Sentence);
            // The claim's own article first (its internal arithmetic); the rest of the story only when it dates nothing earlier.
            var earlier = EarlierEvents(claim.View, claim, persons).ToList();
            if (earlier.Count == 0)
            {
                earlier = [.. views.SelectMany(v => EarlierEvents(v, claim, persons))];
            }

            var days = earlier.Select(e => e.Day).Distinct().ToList();
            if (days.Count != 1)
            {
                continue;
            }

            var actual = claim.Day.DayNumber - days[0].DayNumber;
            if (Fits(actual, claim.Days, claim.Modifier) || !seen.Add((claim.Day, claim.Days, claim.Modifier, days[0])))
            {
                continue;
            }

            // Every source stating the same interval for the same day is on side A.
            var same = claims.Where(c => c.Day == claim.Day && c.Days == claim.Days && c.Modifier == claim.Modifier).ToList();
            var inclusive = actual + 1 == claim.Days ? $" ({claim.Days} only when both days are counted)" : string.Empty;
            var description = $"{ConflictDetector.Quote(claim.Phrase)} ({ConflictDetector.Outlets(same.Select(c => c.View))}), but the story dates "
                + $"the first on {days[0].ToString("yyyy-MM-dd", inv)} ({ConflictDetector.Quote(earlier[0].DateText)}, {ConflictDetector.Outlets(earlier.Select(e => e.View))}) "
                + $"and the {claim.Event} on {claim.Day.ToString("yyyy-MM-dd", inv)}: {actual} days apart{inclusive}.";
            yield return new FoundConflict(
                "arithmetic",
                "arithmetic.interval",
                description,
                [.. same.Select(c => c.View.SentenceEvidence(c.Sentence))],
                [.. earlier.Select(e => e.View.SentenceEvidence(e.Sentence))])
            {
                Subject = claim.Event,
                ValueA = claim.DurationText,
                ValueB = actual.ToString(inv) + " days",
            };
        }
    }

    private static bool Fits(int actual, int days, string? modifier)
    {
        var tolerance = Math.Max(1, (int)Math.Round(days * 0.15));
        return modifier switch
        {
            null => actual == days,
            "just over" => actual > days && actual <= days + tolerance + 1,
            "over" or "more than" => actual > days,
            "at least" => actual >= days,
            "just under" => actual < days && actual >= days - tolerance - 1,
            "under" or "less than" or "fewer than" => actual < days,
            "nearly" or "almost" => actual <= days && actual >= days - tolerance,
            _ => Math.Abs(actual - days) <= tolerance, // about, around, roughly, some
        };
    }

    private static IEnumerable<IntervalClaim> Claims(ArticleView view)
    {
        foreach (var t in view.Timexes.Where(t => t.Timex.Type == TimexType.Duration))
        {
            if (Days(t.Timex.Value) is not { } days || view.SentenceAt(t.Timex.Span.Start) is not { } s)
            {
                continue;
            }

            var sentence = view.Sentences[s].Span;
            var head = view.Slice(sentence.Start, t.Timex.Span.Start);
            var m = ClaimPattern().Match(head);
            if (!m.Success)
            {
                continue;
            }

            var tm = ModifierPattern().Match(t.Timex.Text);
            var modifier = (m.Groups["mod"].Success ? m.Groups["mod"].Value : tm.Success ? tm.Groups["mod"].Value : null)?.ToLowerInvariant();
            var day = view.Timexes
                .Where(o => !ReferenceEquals(o, t) && o.Timex.Type is TimexType.Date or TimexType.Time && sentence.Contains(o.Timex.Span.Start))
                .Select(o => (o, Day: ArticleView.Day(o.Value)))
                .Where(p => p.Day is not null)
                .OrderBy(p => Math.Abs(p.o.Timex.Span.Start - t.Timex.Span.Start))
                .FirstOrDefault();
            if (day.Day is not { } d)
            {
                continue;
            }

            var solid = view.DateIsStated || !(day.o.Timex.Value ?? string.Empty).StartsWith("ANCHOR:", StringComparison.Ordinal);
            var phrase = view.Slice(sentence.Start + m.Index, t.Timex.Span.End);
            yield return new IntervalClaim(view, s, phrase, "second " + m.Groups["event"].Value.ToLowerInvariant(), days, modifier, t.Timex.Text, d, solid);
        }
    }

    private static IEnumerable<Earlier> EarlierEvents(ArticleView view, IntervalClaim claim, ImmutableHashSet<string> persons)
    {
        var window = Math.Max(claim.Days * 3, claim.Days + 14);
        foreach (var t in view.Timexes)
        {
            if (ArticleView.Day(t.Value) is not { } day || view.SentenceAt(t.Timex.Span.Start) is not { } s)
            {
                continue;
            }

            if (ReferenceEquals(view, claim.View) && s == claim.Sentence || day >= claim.Day || claim.Day.DayNumber - day.DayNumber > window)
            {
                continue;
            }

            var explicitDay = t.Timex.Text.Any(char.IsDigit);
            if (!explicitDay && !view.DateIsStated)
            {
                continue;
            }

            var words = ArticleView.Words(view.SentenceText(s)).Select(w => w.Word).ToList();
            if (!words.Any(MeetingWords.Contains) || !PersonsOf(view, s).Overlaps(persons))
            {
                continue;
            }

            yield return new Earlier(view, s, day, t.Timex.Text);
        }
    }

    private static ImmutableHashSet<string> PersonsOf(ArticleView view, int sentence)
    {
        var span = view.Sentences[sentence].Span;
        return [.. view.Member.Doc.Mentions
            .Where(m => m.Type == EntityType.Person && m.EntityId is not null && span.Contains(m.Span.Start))
            .Select(m => m.EntityId!)];
    }

    /// <summary>Whole days of a TIMEX3 duration in days or weeks (<c>P17D</c>, <c>P2W</c>); null for anything vaguer.</summary>
    private static int? Days(string? value)
    {
        var m = value is null ? Match.Empty : DurationPattern().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return m.Groups["u"].Value == "W" ? n * 7 : n;
    }

    [GeneratedRegex(@"^P(?<n>\d{1,3})(?<u>[DW])$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\b(?:second|2nd)\s+(?<event>[\p{L}-]+)\s+(?:[\p{L}'’-]+\s+){0,2}?in\s+(?:(?:the\s+)?(?:past|last)\s+)?(?<mod>just over|just under|more than|less than|over|under|nearly|almost|about|around|roughly)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"^(?<mod>just over|just under|more than|less than|over|under|nearly|almost|about|around|roughly|some)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModifierPattern();
}
