using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Compare.Summary;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Language.Time;

namespace Parallax.Compare.Timeline;

/// <summary>
/// The story's dated events on one calendar. Each article's dates (TIMEX3 values resolved against its own publication
/// date; for an undated article, against the date the story gives it, marked <see cref="TimelineEntry.Inferred"/>) are
/// tied to the clause they sit in; the same event dated by several articles (same date, overlapping content words or
/// entities) becomes one entry with every supporting span. Intervals stated against a date ("Thursday, one day after
/// seizing a tanker") date their event too (<see cref="TimelineEntry.Derived"/>). Datelines and vague references
/// (<c>PAST_REF</c>, <c>PRESENT_REF</c>) are left out unless nothing else is dated. Pure and deterministic; see docs/timeline.md.
/// </summary>
public static partial class TimelineBuilder
{
    /// <summary>Two clauses on one date state the same event when they share this many content keys…</summary>
    public const int MinSharedKeys = 2;

    /// <summary>…and this share of the smaller clause's keys.</summary>
    public const double MinOverlap = 0.3;

    /// <summary>Or their whole clauses share this share of the smaller clause's keys (and at least three keys).</summary>
    public const double MinClauseOverlap = 0.5;

    public static ImmutableArray<TimelineEntry> Build(StoryInput input, ImmutableArray<FactReport> facts)
    {
        ArgumentNullException.ThrowIfNull(input);
        var candidates = new List<Candidate>();
        var vague = new List<Candidate>();
        for (var a = 0; a < input.Articles.Length; a++)
        {
            Collect(input.Articles[a], a, candidates, vague);
        }

        if (candidates.Count == 0)
        {
            candidates = vague;
        }

        var entries = Group(candidates)
            .Select(cluster => ToEntry(input, cluster, facts.IsDefault ? [] : facts))
            .OrderBy(e => e.Start)
            .ThenBy(e => GranularityRank(e.Entry.Granularity))
            .ThenBy(e => e.FirstArticle)
            .ThenBy(e => e.FirstStart)
            .Select(e => e.Entry);
        return [.. entries];
    }

    /// <summary>A dated clause of one article. <see cref="Keys"/> are the content keys of the whole (uncut) clause.</summary>
    private sealed record Candidate(
        int Article, StoryArticle Member, string Date, string Granularity, DateOnly Start, TextSpan Phrase, TextSpan Evidence,
        int Sentence, ImmutableHashSet<string> Keys, ImmutableHashSet<string> ClauseKeys, bool Inferred, bool Derived);

    private static ImmutableHashSet<string> ClauseKeys(Doc doc, TextSpan sentence, TextSpan date) =>
        ContentWords.Of(doc, EventPhrase.ClauseOf(doc.Text, sentence, date));

    private static void Collect(StoryArticle member, int index, List<Candidate> candidates, List<Candidate> vague)
    {
        var doc = member.Doc;
        var text = doc.Text;
        var stated = doc.Article.Metadata.Published?.Date;
        var dateline = DatelinePattern().Match(text);
        var seen = new HashSet<(int, string)>();
        var timexes = doc.Timexes;
        for (var t = 0; t < timexes.Length; t++)
        {
            var timex = timexes[t];
            var inferred = false;
            if (timex.AnchorOpen)
            {
                if (member.Date is not { } anchor)
                {
                    continue;
                }

                timex = TimexTagger.Resolve(timex, anchor);
                if (timex.AnchorOpen)
                {
                    continue;
                }

                inferred = stated is null;
            }

            var sentenceIndex = SentenceOf(doc, timex.Span);
            if (sentenceIndex < 0 || doc.Sentences[sentenceIndex].Kind is SentenceKind.Headline or SentenceKind.Heading)
            {
                continue;
            }

            var sentence = doc.Sentences[sentenceIndex].Span;
            if (dateline.Success && timex.Span.End <= dateline.Index + dateline.Length)
            {
                continue; // "PORT VELIN, Valdoria, March 12 (Meridian Wire) -": the publication date, not an event
            }

            if (timex.Type == TimexType.Duration)
            {
                if (Derive(member, index, timex, sentence, sentenceIndex, timexes, stated) is { } derived && seen.Add((sentenceIndex, derived.Date)))
                {
                    candidates.Add(derived);
                }

                continue;
            }

            if (timex.Type is not (TimexType.Date or TimexType.Time) || timex.Value is null)
            {
                continue;
            }

            var phrase = EventPhrase.Around(text, sentence, timex.Span);
            if (Parse(timex.Value) is not { } parsed)
            {
                if (timex.Value.EndsWith("_REF", StringComparison.Ordinal))
                {
                    vague.Add(new Candidate(index, member, timex.Value, "vague", DateOnly.MaxValue, phrase, phrase, sentenceIndex, ContentWords.Of(doc, phrase), ClauseKeys(doc, sentence, timex.Span), inferred, false));
                }

                continue;
            }

            var (date, granularity, start) = parsed;
            if (granularity == "day" && member.Date is { } articleDate && NextWeekdayMeant(text, timex, sentence, start, articleDate) is { } corrected)
            {
                (date, start) = (Day(corrected), corrected);
            }

            if (!seen.Add((sentenceIndex, date)))
            {
                continue; // "at 6 a.m. on Thursday ... by mid-afternoon": one event of that day per sentence
            }

            candidates.Add(new Candidate(index, member, date, granularity, start, phrase, phrase, sentenceIndex, ContentWords.Of(doc, phrase), ClauseKeys(doc, sentence, timex.Span), inferred, false));
        }
    }

    /// <summary>"Thursday, one day after seizing a Venezuelan tanker": the seizure is dated one day before Thursday.</summary>
    private static Candidate? Derive(StoryArticle member, int index, Timex duration, TextSpan sentence, int sentenceIndex, ImmutableArray<Timex> timexes, DateOnly? stated)
    {
        var text = member.Text;
        var after = RelationPattern().Match(text, duration.Span.End);
        if (!after.Success || after.Index != duration.Span.End || duration.Value is null || DurationPattern().Match(duration.Value) is not { Success: true } d)
        {
            return null;
        }

        // The date the interval counts from: the nearest day-precise date in the same sentence, preferring one before.
        Timex? anchorTimex = null;
        var inferred = false;
        foreach (var other in timexes.Where(x => x.Span.Start >= sentence.Start && x.Span.End <= sentence.End && x.Type is TimexType.Date or TimexType.Time)
                     .OrderBy(x => x.Span.Start < duration.Span.Start ? duration.Span.Start - x.Span.End : int.MaxValue / 2 + x.Span.Start))
        {
            var resolved = other;
            if (other.AnchorOpen)
            {
                if (member.Date is not { } anchor)
                {
                    continue;
                }

                resolved = TimexTagger.Resolve(other, anchor);
            }

            if (!resolved.AnchorOpen && resolved.Value is { } v && Parse(v) is { Granularity: "day" })
            {
                anchorTimex = resolved;
                inferred = other.AnchorOpen && stated is null;
                break;
            }
        }

        if (anchorTimex is null || Parse(anchorTimex.Value!) is not { } from)
        {
            return null;
        }

        var n = int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture);
        var sign = after.Groups[1].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? 1 : -1;
        var day = d.Groups[2].Value switch
        {
            "D" => from.Start.AddDays(sign * n),
            "W" => from.Start.AddDays(sign * 7 * n),
            "M" => from.Start.AddMonths(sign * n),
            _ => from.Start.AddYears(sign * n),
        };
        var phrase = EventPhrase.Following(text, sentence, after.Index + after.Length);
        if (phrase.Length == 0)
        {
            return null;
        }

        var evidenceStart = Math.Min(anchorTimex.Span.Start, duration.Span.Start);
        var evidence = new TextSpan(evidenceStart, Math.Max(phrase.End, duration.Span.End));
        return new Candidate(index, member, Day(day), "day", day, phrase, evidence, sentenceIndex, ContentWords.Of(member.Doc, phrase), ContentWords.Of(member.Doc, phrase), inferred, true);
    }

    /// <summary>
    /// Works around the tagger resolving a bare weekday to the past in a clause about the future ("is expected to hear the
    /// application on Tuesday"): the next such weekday after the article's date. Null when no correction applies.
    /// </summary>
    private static DateOnly? NextWeekdayMeant(string text, Timex timex, TextSpan sentence, DateOnly resolved, DateOnly articleDate)
    {
        if (resolved >= articleDate || !WeekdayPattern().IsMatch(timex.Text))
        {
            return null;
        }

        var clause = text[sentence.Start..sentence.End];
        return FutureCuePattern().IsMatch(clause) && !PastCuePattern().IsMatch(clause) ? resolved.AddDays(7) : null;
    }

    private static int SentenceOf(Doc doc, TextSpan span)
    {
        for (var i = 0; i < doc.Sentences.Length; i++)
        {
            var s = doc.Sentences[i].Span;
            if (s.Start <= span.Start && span.End <= s.End)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Clusters candidates with the same date whose clauses share content (single link, in report order).</summary>
    private static List<List<Candidate>> Group(List<Candidate> candidates)
    {
        var clusters = new List<List<Candidate>>();
        foreach (var c in candidates.OrderBy(c => c.Article).ThenBy(c => c.Phrase.Start))
        {
            var home = clusters.FirstOrDefault(cluster => cluster[0].Date == c.Date && cluster.Any(m => Same(m, c)));
            if (home is null)
            {
                clusters.Add([c]);
            }
            else
            {
                home.Add(c);
            }
        }

        return clusters;
    }

    /// <summary>
    /// The same event: the phrases share content (<see cref="MinSharedKeys"/> keys, or one when a phrase has no more
    /// keys than that; <see cref="MinOverlap"/>; at least one word beyond entity ids), or the whole clauses share most of their content (<see cref="MinClauseOverlap"/>).
    /// </summary>
    private static bool Same(Candidate a, Candidate b) =>
        (ContentWords.Shared(a.Keys, b.Keys) >= (Math.Min(a.Keys.Count, b.Keys.Count) <= MinSharedKeys ? 1 : MinSharedKeys)
            && ContentWords.Overlap(a.Keys, b.Keys) >= MinOverlap
            && ContentWords.ShareWord(a.Keys, b.Keys))
        || (ContentWords.Shared(a.ClauseKeys, b.ClauseKeys) >= 3
            && ContentWords.Overlap(a.ClauseKeys, b.ClauseKeys) >= MinClauseOverlap
            && ContentWords.ShareWord(a.ClauseKeys, b.ClauseKeys));

    private sealed record Placed(TimelineEntry Entry, DateOnly Start, int FirstArticle, int FirstStart);

    private static Placed ToEntry(StoryInput input, List<Candidate> cluster, ImmutableArray<FactReport> facts)
    {
        var best = cluster
            .OrderByDescending(c => cluster.Where(o => o != c).Sum(o => ContentWords.Overlap(c.Keys, o.Keys)) + (c.Inferred ? 0 : 0.5) - (0.02 * Math.Abs(WordCount(c) - 12)))
            .ThenBy(c => c.Article)
            .ThenBy(c => c.Phrase.Start)
            .First();
        var ordered = cluster.OrderBy(c => c.Article).ThenBy(c => c.Evidence.Start).ToList();
        var evidence = ordered.Select(c => c.Member.Evidence(c.Evidence)).Distinct().ToImmutableArray();
        var factIds = facts
            .Where(f => f.States.Any(s => evidence.Any(e => e.ArticleId == s.ArticleId && e.Start < s.End && s.Start < e.End)))
            .Select(f => f.Id)
            .ToImmutableArray();
        var entry = new TimelineEntry(best.Date, best.Member.Text[best.Phrase.Start..best.Phrase.End], evidence)
        {
            Outlets = [.. ordered.Select(c => c.Member.Outlet).Distinct(StringComparer.Ordinal)],
            Sources = ordered.Select(c => c.Member.OriginKey).Distinct(StringComparer.Ordinal).Count(),
            Inferred = cluster.All(c => c.Inferred),
            Derived = cluster.All(c => c.Derived),
            Granularity = best.Granularity,
            FactIds = factIds,
        };
        return new Placed(entry, best.Start, ordered[0].Article, ordered[0].Evidence.Start);
    }

    private static int WordCount(Candidate c) => c.Member.Text[c.Phrase.Start..c.Phrase.End].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static int GranularityRank(string granularity) => granularity switch
    {
        "year" => 0,
        "season" or "quarter" => 1,
        "month" => 2,
        "week" => 3,
        "day" => 4,
        _ => 5,
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A TIMEX3 date value on the calendar: its day-or-coarser form (times of day dropped), precision and first day; null for vague, partial or invalid values.</summary>
    public static (string Date, string Granularity, DateOnly Start)? Parse(string value)
    {
        var m = ValuePattern().Match(value);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1 or > 9999)
        {
            return null;
        }

        if (m.Groups["d"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                return null;
            }

            var date = new DateOnly(year, month, day);
            return (Day(date), "day", date);
        }

        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            return month is < 1 or > 12 ? null : (m.Value[..7], "month", new DateOnly(year, month, 1));
        }

        if (m.Groups["w"].Success)
        {
            var week = int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
            if (week is < 1 or > 53 || week > ISOWeek.GetWeeksInYear(year))
            {
                return null;
            }

            return ($"{year:D4}-W{week:D2}", "week", DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
        }

        if (m.Groups["q"].Success)
        {
            var q = int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            return q is < 1 or > 4 ? null : ($"{year:D4}-Q{q}", "quarter", new DateOnly(year, (3 * (q - 1)) + 1, 1));
        }

        if (m.Groups["s"].Success)
        {
            var s = m.Groups["s"].Value;
            var month = s switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
            return ($"{year:D4}-{s}", "season", new DateOnly(year, month, 1));
        }

        return ($"{year:D4}", "year", new DateOnly(year, 1, 1));
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:(?<m>\d{2})(?:-(?<d>\d{2}))?|W(?<w>\d{2})|Q(?<q>[1-4])|(?<s>SP|SU|FA|WI)))?(?=$|T)")]
    private static partial Regex ValuePattern();

    [GeneratedRegex(@"^P(\d{1,3})([DWMY])$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\G\s+(after|before)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex RelationPattern();

    [GeneratedRegex(@"^\s*(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"\b(?:will|is expected to|are expected to|is set for|are set for|is set to|is scheduled|are scheduled|is due|are due|plans? to|next)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureCuePattern();

    [GeneratedRegex(@"\b(?:was|were|had|did|last|ago|earlier|yesterday)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastCuePattern();

    /// <summary>A wire dateline at the start of the text: "CITY, Country, March 12 (Agency) -".</summary>
    [GeneratedRegex(@"\A\s*[^\n]{0,100}?\([^()\n]{1,40}\)\s*[-\u2013\u2014]\s")]
    private static partial Regex DatelinePattern();
}
