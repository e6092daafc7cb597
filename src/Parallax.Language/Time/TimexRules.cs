using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Language.Time;

/// <summary>One recognised expression before anchoring: either an absolute <see cref="Value"/> or an <see cref="Anchored"/> one.</summary>
internal readonly record struct FoundTimex(int Start, int End, TimexType Type, string? Value, AnchoredValue? Anchored, int Priority);

/// <summary>
/// The recognition rules: each is a compiled regex plus a builder that normalises a match. All rules run over the whole
/// text; overlapping candidates are resolved longest first (then by rule order). Static, immutable, thread-safe.
/// </summary>
internal static partial class TimexRules
{
    // Source-generated (not RegexOptions.Compiled): the same backtracking semantics, several times faster on these patterns.
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Every rule matches whole words only: not right after a letter, digit, apostrophe or hyphen, not right before a word character.
    private const string RulePrefix = @"(?<![\w'-])", RuleSuffix = @"(?![\w])";

    // ---- fragments -------------------------------------------------------------------------------------------------
    private const string MonthName = "(?-i:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";
    private const string MonthAbbr = @"(?-i:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?)";
    private const string Month = "(?<mon>" + MonthName + "|" + MonthAbbr + @")(?![\w-])";
    private const string WeekdayName = "(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)";
    private const string Weekday = "(?<wd>" + WeekdayName + ")";
    private const string Day = @"(?<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|/|%)";
    private const string Year4 = @"(?<year>1[6-9]\d\d|20\d\d)(?![\d%])";
    private const string NumUnits = "one|two|three|four|five|six|seven|eight|nine";
    private const string NumTeens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string NumTens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    private const string NumWord = "(?:(?:" + NumTens + ")(?:[- ](?:" + NumUnits + "))?|" + NumTeens + "|" + NumUnits + "|(?:a |one |two |three |several )?hundred|(?:a )?dozen|a couple of|couple of)";
    private const string Num = @"(?<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s1/2)?|" + NumWord + "(?: and a half)?|half an?|an?|several|a few|few|many|some|a number of)";
    private const string Unit = "(?<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|quarters?|centur(?:y|ies)|fortnights?|nights?)";
    private const string Modifier = @"(?:(?<mod>about|around|approximately|nearly|almost|more than|less than|fewer than|over|under|at least|at most|up to|roughly|some|just over|just under|no more than|no less than|close to|upwards of|well over|fully|a full|the better part of|within)\s+(?!the\s))?";
    private const string PartOfDay = "(?<pod>morning|afternoon|evening|night|overnight)";

    [GeneratedRegex(@"\b(will|'ll|shall|wo n't|won't|going to|plans? to|planning to|scheduled|slated|due to|is to|are to|to be held|intends? to|set to|set for|expects? to|expected to|is due|are due)\b", Opts)]
    private static partial Regex FutureCueRegex();
    [GeneratedRegex(@"\b(quarter|quarterly|three months|period)\b", Opts)]
    private static partial Regex QuarterContextRegex();

    private static readonly Rule[] _rules = BuildRules();

    /// <summary>All timexes in <paramref name="text"/>: non-overlapping, in text order.</summary>
    public static List<FoundTimex> Find(string text) => Find(text, useStarts: true);

    /// <summary><see cref="Find(string)"/>; with <paramref name="useStarts"/> false every rule without a trigger scans the whole
    /// text (tests check that this gives the same result).</summary>
    internal static List<FoundTimex> Find(string text, bool useStarts)
    {
        var candidates = new List<FoundTimex>();
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            if (useStarts && rule.Starts is { } starts)
            {
                // Every match begins where a Starts word begins: try the anchored rule at each such position, left to right,
                // and go on after a match's end or one character after a failed start (as a scan of the whole text would).
                var pos = 0;
                for (var s = starts.Match(text, pos); s.Success; s = starts.Match(text, pos))
                {
                    var m = rule.Anchored!.Match(text, s.Index);
                    if (m.Success && m.Length > 0)
                    {
                        Consider(rule, r, m, text, candidates);
                        pos = m.Index + m.Length;
                    }
                    else
                    {
                        pos = s.Index + 1;
                    }

                    if (pos > text.Length)
                    {
                        break;
                    }
                }

                continue;
            }

            if (rule.Trigger is null)
            {
                for (var m = rule.Regex.Match(text); m.Success; m = m.NextMatch())
                {
                    Consider(rule, r, m, text, candidates);
                }

                continue;
            }

            // A cheap trigger (a word the rule cannot match without) finds windows; the full rule runs only there.
            // Windows reach WindowBefore/WindowAfter characters around each trigger, widened to whitespace, and are merged.
            int from = -1, to = -1;
            for (var t = rule.Trigger.Match(text); t.Success; t = t.NextMatch())
            {
                var wFrom = Math.Max(0, t.Index - rule.Before);
                while (wFrom > 0 && !char.IsWhiteSpace(text[wFrom - 1]))
                {
                    wFrom--;
                }

                var wTo = Math.Min(text.Length, t.Index + t.Length + WindowAfter);
                while (wTo < text.Length && !char.IsWhiteSpace(text[wTo]))
                {
                    wTo++;
                }

                if (from >= 0 && wFrom <= to)
                {
                    to = Math.Max(to, wTo);
                    continue;
                }

                if (from >= 0)
                {
                    RunWindow(rule, r, text, from, to, candidates);
                }

                (from, to) = (wFrom, wTo);
            }

            if (from >= 0)
            {
                RunWindow(rule, r, text, from, to, candidates);
            }
        }

        candidates.Sort((a, b) =>
        {
            var c = (b.End - b.Start).CompareTo(a.End - a.Start);
            if (c != 0)
            {
                return c;
            }

            c = a.Priority.CompareTo(b.Priority);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });
        var taken = new List<FoundTimex>();
        foreach (var c in candidates)
        {
            var clash = false;
            foreach (var t in taken)
            {
                if (c.Start < t.End && t.Start < c.End)
                {
                    clash = true;
                    break;
                }
            }

            if (!clash)
            {
                taken.Add(c);
            }
        }

        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private const int WindowBefore = 120, WindowAfter = 80;

    private static void RunWindow(Rule rule, int priority, string text, int from, int to, List<FoundTimex> candidates)
    {
        for (var m = rule.Regex.Match(text, from, to - from); m.Success; m = m.NextMatch())
        {
            Consider(rule, priority, m, text, candidates);
        }
    }

    private static void Consider(Rule rule, int priority, Match m, string text, List<FoundTimex> candidates)
    {
        if (m.Length > 0 && rule.Build(m, text) is { } f && f.End > f.Start)
        {
            candidates.Add(f with { Priority = priority });
        }
    }

    /// <param name="Trigger">Optional fast regex: the rule can only match within a window around one of its matches.</param>
    /// <param name="Before">How far before a trigger match the rule's match may start (characters).</param>
    /// <param name="Starts">Optional: every match of the rule begins where this regex matches; then <paramref name="Anchored"/>
    /// (the rule's regex behind <c>\G</c>) is tried only there.</param>
    private sealed record Rule(Regex Regex, Func<Match, string, FoundTimex?> Build, Regex? Trigger, int Before = WindowBefore, Regex? Starts = null, Regex? Anchored = null);

    private static FoundTimex Abs(Match m, TimexType type, string value) => new(m.Index, m.Index + m.Length, type, value, null, 0);

    private static FoundTimex Rel(Match m, TimexType type, AnchoredValue value) => new(m.Index, m.Index + m.Length, type, null, value, 0);

    private static string G(Match m, string name) => m.Groups[name].Success ? m.Groups[name].Value : string.Empty;

    private static bool Has(Match m, string name) => m.Groups[name].Success;

    private static int MonthOf(string s) => TimexLexicon.Months[s.TrimEnd('.')];

    private static string Two(int n) => n.ToString("00", CultureInfo.InvariantCulture);

    private static string Inv(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// True when the clause before the expression (back to the previous sentence break, at most 200 characters) has a
    /// future modal cue ("will", "is scheduled to"). Only text before the expression counts: in news, what follows is
    /// mostly reported speech ("said on Tuesday that Iraq would retaliate"), and broader cues lowered accuracy on TBAQ.
    /// </summary>
    internal static bool IsFuture(string text, int start)
    {
        var from = start;
        var steps = 0;
        while (from > 0 && steps < 200)
        {
            var ch = text[from - 1];
            if (ch is '!' or '?' or ';' or '\n' || (ch == '.' && from >= 2 && char.IsLower(text[from - 2]) && from < text.Length && char.IsWhiteSpace(text[from])))
            {
                break;
            }

            from--;
            steps++;
        }

        return FutureCueRegex().IsMatch(text.AsSpan(from, start - from));
    }

    [GeneratedRegex(@"\b(will|'ll|shall|going to|expects? to|expected to|plans? to|planning to|scheduled|slated|due|intends? to|aims? to|hopes? to)\b", Opts)]
    private static partial Regex MonthFutureCueRegex();

    /// <summary>A future cue in the clause before a month name, or "by" right before it ("by February").</summary>
    private static bool FutureMonth(string text, int start)
    {
        if (PreviousWord(text, start) is "by")
        {
            return true;
        }

        var from = Math.Max(0, start - 150);
        var stop = text.LastIndexOfAny(['.', ';', '\n', '!', '?'], Math.Max(0, start - 1), start - from);
        from = stop >= 0 ? stop + 1 : from;
        return MonthFutureCueRegex().IsMatch(text.AsSpan(from, start - from));
    }

    private static bool SentenceMatches(string text, int start, int end, Regex regex)
    {
        var from = text.LastIndexOfAny(['.', '\n'], Math.Max(0, start - 1));
        from = from < 0 ? 0 : from;
        if (start - from > 400)
        {
            from = start - 400;
        }

        var to = text.IndexOfAny(['\n'], end);
        var dot = text.IndexOf(". ", end, StringComparison.Ordinal);
        to = to < 0 ? text.Length : to;
        if (dot >= 0 && dot < to)
        {
            to = dot;
        }

        to = Math.Min(to, end + 400);
        return regex.IsMatch(text.AsSpan(from, to - from));
    }

    /// <summary>Whether <paramref name="regex"/> matches within the preceding ~1,200 or following ~200 characters (earnings reports name the quarter once, then say "a year ago").</summary>
    private static bool NearbyMatches(string text, int start, int end, Regex regex)
    {
        var from = Math.Max(0, start - 1200);
        var to = Math.Min(text.Length, end + 200);
        return regex.IsMatch(text.AsSpan(from, to - from));
    }

    private static string PreviousWord(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        var end = i + 1;
        while (i >= 0 && (char.IsLetter(text[i]) || text[i] == '\''))
        {
            i--;
        }

        return text[(i + 1)..end].ToLowerInvariant();
    }

    private static char UnitLetter(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u switch
        {
            _ when u.StartsWith("year", StringComparison.Ordinal) => 'Y',
            _ when u.StartsWith("month", StringComparison.Ordinal) => 'M',
            _ when u.StartsWith("week", StringComparison.Ordinal) => 'W',
            _ when u.StartsWith("fortnight", StringComparison.Ordinal) => 'F',
            _ when u.StartsWith("day", StringComparison.Ordinal) || u.StartsWith("night", StringComparison.Ordinal) => 'D',
            _ when u.StartsWith("hour", StringComparison.Ordinal) => 'H',
            _ when u.StartsWith("minute", StringComparison.Ordinal) => 'm',
            _ when u.StartsWith("second", StringComparison.Ordinal) => 'S',
            _ when u.StartsWith("decade", StringComparison.Ordinal) => 'E',
            _ when u.StartsWith("quarter", StringComparison.Ordinal) => 'Q',
            _ when u.StartsWith("centur", StringComparison.Ordinal) => 'C',
            _ => '?',
        };
    }

    /// <summary>TIMEX3 duration for <paramref name="n"/> units (null n = unspecified, "PXY").</summary>
    internal static string Duration(double? n, char unit)
    {
        // Decades, quarters, centuries and fortnights become years, months, years and days.
        var (factor, u) = unit switch
        {
            'E' => (10.0, 'Y'),
            'Q' => (3.0, 'M'),
            'C' => (100.0, 'Y'),
            'F' => (2.0, 'D'),
            _ => (1.0, unit),
        };
        var time = u is 'H' or 'm' or 'S';
        var letter = u == 'm' ? 'M' : u;
        var prefix = time ? "PT" : "P";
        if (n is not { } v)
        {
            return prefix + "X" + letter;
        }

        v *= factor;
        var whole = Math.Floor(v);
        var frac = v - whole;
        var s = prefix + Inv((int)whole) + letter;
        if (frac > 0.001)
        {
            var (sub, subLetter, subTime) = u switch
            {
                'Y' => (12, 'M', false),
                'M' => (30, 'D', false),
                'W' => (7, 'D', false),
                'D' => (24, 'H', true),
                'H' => (60, 'M', true),
                _ => (60, 'S', true),
            };
            var part = Inv((int)Math.Round(frac * sub)) + subLetter;
            s = whole == 0 ? (subTime ? "PT" : "P") + part : (subTime && !time ? s + "T" + part : s + part);
        }

        return s;
    }

    private static TimexType DateOrTime(string suffix) => suffix.StartsWith('T') ? TimexType.Time : TimexType.Date;

    private static string PodSuffix(string pod) => pod.ToLowerInvariant() switch
    {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    };

    private static Rule[] BuildRules()
    {
        var rules = new List<Rule>();

        void Add(Regex regex, Func<Match, string, FoundTimex?> build, Regex? trigger = null, int before = WindowBefore) =>
            rules.Add(new Rule(regex, build, trigger, before));

        // Sets the trigger of the rule added last (see Rule.Trigger).
        void Trigger(Regex trigger, int before = WindowBefore) => rules[^1] = rules[^1] with { Trigger = trigger, Before = before };

        // Sets where every match of the rule added last begins, and the rule anchored there (see Rule.Starts).
        void Starts(Regex starts, Regex anchored) => rules[^1] = rules[^1] with { Starts = starts, Anchored = anchored };

        // Times of day: "10:35 a.m.", "10 p.m. EST Thursday", "noon Saturday", "midnight".
        Add(Rule00(),
            (m, text) =>
            {
                string clock;
                if (Has(m, "noon"))
                {
                    clock = G(m, "noon").ToLowerInvariant() == "midnight" ? "T24:00" : "T12:00";
                }
                else
                {
                    var h = int.Parse(G(m, "h"), CultureInfo.InvariantCulture);
                    var ap = G(m, "ap").ToLowerInvariant();
                    if (ap.StartsWith('p') && h < 12)
                    {
                        h += 12;
                    }
                    else if (ap.StartsWith('a') && h == 12)
                    {
                        h = 0;
                    }

                    clock = "T" + Two(h) + ":" + (Has(m, "mi") ? G(m, "mi") : "00");
                }

                var start = m.Index;
                if (Has(m, "mod") && G(m, "mod").ToLowerInvariant() is "before" or "after" or "shortly before" or "shortly after" or "just before" or "just after")
                {
                    start = m.Groups["h"].Success ? m.Groups["h"].Index : m.Groups["noon"].Index;
                }

                var end = m.Index + m.Length;
                AnchoredValue day = Has(m, "rd")
                    ? new AnchoredValue("D", G(m, "rd").ToLowerInvariant() switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 }, 0, clock)
                    : Has(m, "wd")
                        ? new AnchoredValue(IsFuture(text, start) ? "WDF" : "WDP", 0, TimexLexicon.Weekdays[G(m, "wd")], clock)
                        : Has(m, "mon")
                            ? new AnchoredValue("MDN", 0, (MonthOf(G(m, "mon")) * 100) + int.Parse(G(m, "day"), CultureInfo.InvariantCulture), clock)
                            : new AnchoredValue("D", 0, 0, clock);
                return new FoundTimex(start, end, TimexType.Time, null, day, 0);
            });
        Trigger(Trigger00());

        // Full dates: "Nov. 21, 2025", "Monday, Oct. 26, 1998", "21 November 2025", "2025-12-11", "12/11/2025".
        Add(Rule01(), (m, _) => FullDate(m));
        Trigger(Trigger01());
        Add(Rule02(), (m, _) => FullDate(m));
        Trigger(Trigger01());
        Add(Rule03(),
            (m, _) => Abs(m, Has(m, "hh") ? TimexType.Time : TimexType.Date, G(m, "year") + "-" + G(m, "m") + "-" + G(m, "d") + (Has(m, "hh") ? "T" + G(m, "hh") + ":" + G(m, "mm") : string.Empty)));
        Add(Rule04(),
            (m, _) =>
            {
                var y = int.Parse(G(m, "year"), CultureInfo.InvariantCulture);
                y = y < 100 ? (y < 50 ? 2000 + y : 1900 + y) : y;
                return Abs(m, TimexType.Date, Inv(y) + "-" + Two(int.Parse(G(m, "m"), CultureInfo.InvariantCulture)) + "-" + Two(int.Parse(G(m, "d"), CultureInfo.InvariantCulture)));
            });

        // Month and day without a year: "November 21", "Nov. 21", "21 November", "Friday, Oct. 23".
        Add(Rule05(), (m, text) => MonthDay(m, text));
        Trigger(Trigger02());
        Add(Rule06(), (m, text) => MonthDay(m, text));
        Trigger(Trigger02());

        // Month and year: "July 1997", "early March 1990", "March of 1990", "June last year".
        Add(Rule07(),
            (m, _) => Abs(m, TimexType.Date, G(m, "year") + "-" + Two(MonthOf(G(m, "mon")))));
        Trigger(Trigger02());
        Add(Rule08(),
            (m, _) => Rel(m, TimexType.Date, new AnchoredValue("YM", G(m, "rel").ToLowerInvariant() switch { "last" => -1, "next" => 1, _ => 0 }, MonthOf(G(m, "mon")))));
        Trigger(Trigger02());

        // Month alone: "December", "in December", "last November", "late November", "mid-November".
        Add(Rule09(),
            (m, text) =>
            {
                var mon = G(m, "mon");
                var month = MonthOf(mon);
                var context = Has(m, "rel") || Has(m, "pre");
                if (mon.Length <= 4 && !mon.EndsWith('.') && !(mon is "June" or "July" or "JUNE" or "JULY") && !context)
                {
                    // "May" needs a temporal preposition; bare abbreviations ("Jan", "Dec") are more often names.
                    if (mon is not ("May" or "MAY") || PreviousWord(text, m.Index) is not ("in" or "since" or "until" or "by" or "through" or "from" or "during" or "before" or "after" or "till"))
                    {
                        return null;
                    }
                }

                if (mon is "March" && !context && MarchNounRegex().IsMatch(text.AsSpan(m.Index + m.Length)))
                {
                    // "the March for Life", "a march on the capital".
                    return null;
                }

                if (mon.EndsWith('.') && !Has(m, "rel") && !Has(m, "pre") && PreviousWord(text, m.Index) is not ("in" or "since" or "until" or "by" or "of"))
                {
                    return null;
                }

                var rel = G(m, "rel").ToLowerInvariant();
                var op = rel switch
                {
                    "last" or "this past" or "the previous" => "MP",
                    "next" or "this coming" or "the following" => "MF",
                    "this" => "YM",
                    // A window from eight months before to three months after the anchor's month. Past-tense cues were tried
                    // and lowered value accuracy on TBAQ (docs/time.md).
                    _ => FutureMonth(text, m.Index) ? "MFE" : "MN",
                };
                return Rel(m, TimexType.Date, new AnchoredValue(op, 0, month));
            });
        Trigger(Trigger02());

        // Years: "2013", "fiscal 1989", "the end of 1990", "early 1990", "1990's".
        Add(Rule10(),
            (m, text) =>
            {
                var y = G(m, "year");
                var pre = G(m, "pre").ToLowerInvariant();
                var value = pre switch
                {
                    "first half of" => y + "-H1",
                    "second half of" or "last half of" => y + "-H2",
                    "spring of" => y + "-SP",
                    "summer of" => y + "-SU",
                    "fall of" or "autumn of" => y + "-FA",
                    "winter of" => y + "-WI",
                    _ => y,
                };
                if (!Has(m, "pre") && !Has(m, "fy"))
                {
                    // "No. 1990", "$1990", "Flight 2013": a bare number after a numeric context is not a year.
                    var prev = PreviousWord(text, m.Index);
                    if (prev is "no" or "number" or "flight" or "route" or "room" or "rule" or "article" or "section" or "model" or "chapter" or "page")
                    {
                        return null;
                    }
                }

                return Abs(m, TimexType.Date, value);
            });
        Trigger(Trigger01());
        Add(Rule11(), (m, _) => Abs(m, TimexType.Date, "19" + G(m, "yy")));

        // Spoken years: "nineteen ninety-six", "the year two thousand".
        Add(Rule12(),
            (m, text) =>
            {
                if (TimexLexicon.SpokenYear(G(m, "spoken")) is not { } y)
                {
                    return null;
                }

                if (G(m, "spoken").StartsWith("two thousand", StringComparison.OrdinalIgnoreCase) && !m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase)
                    && PreviousWord(text, m.Index) is not ("in" or "since" or "until" or "by" or "year"))
                {
                    return null;
                }

                return Abs(m, TimexType.Date, Inv(y));
            });
        Trigger(Trigger03());

        // Decades and centuries: "the 1980s", "the early '90s", "the 20th century".
        Add(Rule13(),
            (m, _) => Abs(m, TimexType.Date, Has(m, "dec") ? G(m, "dec")[..3] : "19" + G(m, "d2")));
        Trigger(Trigger04());
        Add(Rule14(),
            (m, _) =>
            {
                var o = G(m, "ord");
                var n = char.IsDigit(o[0]) ? int.Parse(o[..^2], CultureInfo.InvariantCulture) : TimexLexicon.Ordinals[o];
                return Abs(m, TimexType.Date, Two(n - 1));
            });
        Trigger(Trigger05());

        // Quarters and halves: "the third quarter", "third-quarter", "this year's third quarter", "the fiscal first quarter", "the first half of 1989".
        Add(Rule15(),
            (m, text) =>
            {
                var ord = TimexLexicon.Ordinals[G(m, "ord")];
                var isHalf = G(m, "q").Equals("half", StringComparison.OrdinalIgnoreCase);
                if (isHalf && ord > 2)
                {
                    ord = 2;
                }

                if (G(m, "q").Equals("period", StringComparison.OrdinalIgnoreCase) && !isHalf)
                {
                    if (!Has(m, "ctx") && !m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }
                }

                var unit = isHalf ? "H" : "Q";
                var qStart = m.Index;
                if (!Has(m, "ctx") && m.Value.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && text.AsSpan(m.Groups["ord"].Index + m.Groups["ord"].Length).StartsWith("-", StringComparison.Ordinal))
                {
                    // "the third-quarter results": TimeML marks the adjective "third-quarter" only.
                    qStart = m.Groups["ord"].Index;
                    var fiscal = m.Value.IndexOf("fiscal", StringComparison.OrdinalIgnoreCase);
                    if (fiscal >= 0 && m.Index + fiscal < qStart)
                    {
                        qStart = m.Index + fiscal;
                    }
                }

                if (Has(m, "pl"))
                {
                    return Abs(m, TimexType.Set, "XXXX-" + unit + Inv(ord));
                }

                var yearText = Has(m, "qy") ? G(m, "qy") : G(m, "qy2");
                if (yearText.Length == 4 && char.IsDigit(yearText[0]))
                {
                    return Abs(m, TimexType.Date, yearText + "-" + unit + Inv(ord)) with { Start = qStart };
                }

                var ctx = G(m, "ctx").ToLowerInvariant() + " " + yearText.ToLowerInvariant();
                var offset = ctx.Contains("last year", StringComparison.Ordinal) || ctx.Contains("year-earlier", StringComparison.Ordinal) || ctx.Contains("year-ago", StringComparison.Ordinal) || ctx.Contains("year-before", StringComparison.Ordinal) ? -1
                    : ctx.Contains("next year", StringComparison.Ordinal) ? 1 : 0;
                if (offset == 0 && !isHalf && !ctx.Contains("this year", StringComparison.Ordinal))
                {
                    return Rel(m, TimexType.Date, new AnchoredValue("QP", 0, ord)) with { Start = qStart };
                }

                return Rel(m, TimexType.Date, new AnchoredValue(isHalf ? "YH" : "YQ", offset, ord)) with { Start = qStart };
            });
        Trigger(Trigger06());
        Add(Rule16(),
            (m, text) =>
            {
                var w = G(m, "w").ToLowerInvariant();
                var v = m.Value.ToLowerInvariant();
                if (v.Contains("period", StringComparison.Ordinal) && !SentenceMatches(text, m.Index, m.Index + m.Length, QuarterContextRegex()))
                {
                    return null;
                }

                var yearBack = w.Contains("year", StringComparison.Ordinal) || v.EndsWith("ago", StringComparison.Ordinal) || v.EndsWith("earlier", StringComparison.Ordinal);
                var offset = w switch
                {
                    "current" or "this" => 0,
                    "next" => 1,
                    _ => -1,
                };
                return Rel(m, TimexType.Date, new AnchoredValue("Q", yearBack ? -5 : offset));
            });
        Trigger(Trigger07());

        // "year-earlier", "year-ago": a year back, at quarter granularity in earnings sentences.
        Add(Rule17(),
            (m, text) => Rel(m, TimexType.Date, NearbyMatches(text, m.Index, m.Index + m.Length, QuarterContextRegex()) ? new AnchoredValue("Q", -5) : new AnchoredValue("Y", -1)));
        Trigger(Trigger08());

        // Relative calendar units: "last year", "this week", "next month", "earlier this year", "late last week", "last fall".
        Add(Rule18(),
            (m, text) =>
            {
                var rel = G(m, "rel").ToLowerInvariant();
                var cal = G(m, "cal").ToLowerInvariant();
                var offset = rel switch
                {
                    "this" or "the current" or "current" => 0,
                    "next" or "this coming" or "the coming" or "coming" or "the following" or "following" or "the next" => 1,
                    _ => -1,
                };
                if ((rel is "the past" or "past" or "the next" or "the coming") && !Has(m, "pre") && cal is "decade" or "century")
                {
                    return Abs(m, TimexType.Duration, Duration(1, UnitLetter(cal)));
                }

                var season = cal switch { "spring" => 1, "summer" => 2, "fall" or "autumn" => 3, "winter" => 4, _ => 0 };
                AnchoredValue? v = cal switch
                {
                    "year" => new AnchoredValue("Y", offset),
                    "month" => new AnchoredValue("M", offset),
                    "week" => new AnchoredValue("W", offset),
                    "weekend" => new AnchoredValue("WE", rel == "this" ? 0 : offset),
                    "decade" => new AnchoredValue("E", offset),
                    "century" => new AnchoredValue("C", offset),
                    "season" => null,
                    _ => new AnchoredValue("YS", offset == -1 && rel is "this past" ? 0 : offset, season),
                };
                return v is null ? null : Rel(m, TimexType.Date, v);
            });
        Trigger(Trigger09());

        // "the year", "the fiscal year", "the full year", "year-end", "the weekend", "the summer".
        Add(Rule19(),
            (m, _) =>
            {
                var v = m.Value.ToLowerInvariant();
                if (v.Contains("month", StringComparison.Ordinal))
                {
                    return Rel(m, TimexType.Date, new AnchoredValue("M", 0));
                }

                if (Has(m, "ended"))
                {
                    // "the year ended March 31": a one-year period; the span stops before "ended".
                    return new FoundTimex(m.Index, m.Groups["ended"].Index, TimexType.Duration, "P1Y", null, 0);
                }

                var w = G(m, "w").ToLowerInvariant();
                return Rel(m, TimexType.Date, new AnchoredValue("Y", w is "latest" or "most recent" or "previous" or "prior" ? -1 : 0));
            });
        Trigger(Trigger10());
        Add(Rule20(),
            (m, text) => Has(m, "ord")
                ? Abs(m, TimexType.Date, G(m, "year") + "-Q" + Inv(TimexLexicon.Ordinals[G(m, "ord")]))
                : NearbyMatches(text, m.Index, m.Index + m.Length, QuarterContextRegex()) ? Rel(m, TimexType.Date, new AnchoredValue("QA", 0, int.Parse(G(m, "year"), CultureInfo.InvariantCulture))) : null);
        Trigger(Trigger11());
        Add(Rule21(),
            (m, _) => Abs(m, TimexType.Set, Duration(1, UnitLetter(G(m, "u")))));
        Trigger(Trigger12());
        Add(Rule22(),
            (m, _) => Abs(m, TimexType.Date, "19" + Inv(Array.IndexOf(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"], G(m, "dw").ToLowerInvariant()) + 2)));
        Trigger(Trigger13());
        Add(Rule23(),
            (m, text) =>
            {
                var cal = G(m, "cal").ToLowerInvariant();
                if (cal == "weekend")
                {
                    return Rel(m, TimexType.Date, new AnchoredValue("WE", IsFuture(text, m.Index) ? 0 : -1));
                }

                var season = cal switch { "spring" => 1, "summer" => 2, "fall" or "autumn" => 3, _ => 4 };
                return Rel(m, TimexType.Date, new AnchoredValue("YS", 0, season));
            });
        Trigger(Trigger14());

        // Deictic days and parts of day: "today", "yesterday", "tomorrow", "tonight", "last night", "this morning", "yesterday afternoon".
        Add(Rule24(),
            (m, _) =>
            {
                var d = G(m, "d").ToLowerInvariant();
                var offset = d switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
                var suffix = d == "tonight" ? "TNI" : Has(m, "pod") ? PodSuffix(G(m, "pod")) : string.Empty;
                return Rel(m, DateOrTime(suffix), new AnchoredValue("D", offset, 0, suffix));
            });
        Trigger(Trigger15());
        Add(Rule25(),
            (m, _) =>
            {
                var rel = G(m, "rel").ToLowerInvariant();
                var pod = G(m, "pod").ToLowerInvariant();
                var offset = rel switch { "yesterday" => -1, "tomorrow" => 1, "last" when pod is "night" or "evening" => -1, _ => 0 };
                if (rel == "last" && pod is "morning" or "afternoon")
                {
                    offset = -1;
                }

                return Rel(m, TimexType.Time, new AnchoredValue("D", offset, 0, PodSuffix(pod)));
            });
        Trigger(Trigger16());
        Add(Rule26(),
            (m, _) => Rel(m, TimexType.Time, new AnchoredValue("D", G(m, "d").ToLowerInvariant() switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 }, 0, PodSuffix(G(m, "pod")))));
        Trigger(Trigger17());

        // Weekdays: "Thursday", "on Monday", "last Friday", "Thursday morning", "early Tuesday"; plural = SET.
        Add(Rule27(),
            (m, text) =>
            {
                var wd = TimexLexicon.Weekdays[G(m, "wd")];
                var suffix = Has(m, "pod") ? PodSuffix(G(m, "pod")) : string.Empty;
                if (Has(m, "pl") || Has(m, "pl2"))
                {
                    return Abs(m, TimexType.Set, "XXXX-WXX-" + Inv(wd) + suffix);
                }

                var rel = G(m, "rel").ToLowerInvariant();
                var op = rel switch
                {
                    "last" or "the previous" => "WDL",
                    "this past" => "WDP",
                    "next" or "the following" or "the next" or "coming" => "WDN",
                    "this coming" => "WDF",
                    _ => IsFuture(text, m.Index) ? "WDF" : "WDP",
                };
                return Rel(m, TimexType.Date, new AnchoredValue(op, 0, wd, suffix));
            });
        Trigger(Trigger18());

        // Holidays: "Christmas", "Thanksgiving Day", "last Thanksgiving", "New Year's Eve", "Election Day".
        Add(Rule28(),
            (m, text) =>
            {
                var id = TimexLexicon.Holidays[G(m, "hol")];
                var rel = G(m, "rel").ToLowerInvariant();
                var dir = rel switch { "last" => -1, "next" => 1, "this" => 0, _ => IsFuture(text, m.Index) ? 1 : -1 };
                return Rel(m, TimexType.Date, new AnchoredValue("H", dir, id));
            });
        Trigger(Trigger19());

        // Durations and "ago" dates: "17 days", "three years", "the past two months", "a year ago", "two-year", "5 1/2 hours".
        Add(Rule29(),
            (m, text) => DurationOrAgo(m, text),
            Trigger21(),
            70);

        // Vague units: "years", "for months", "several years", "the coming weeks", "recent months", "future quarters".
        Add(Rule30(),
            (m, text) =>
            {
                var rel = G(m, "rel").ToLowerInvariant();
                var unit = G(m, "vunit").ToLowerInvariant();
                var post = G(m, "post").ToLowerInvariant();
                if (rel.Length == 0 && post == "ago")
                {
                    return Abs(m, TimexType.Date, "PAST_REF");
                }

                if (rel is "recent")
                {
                    // "in recent months": TBAQ has both PAST_REF and PXM; the unspecified duration is the slight majority.
                    return Abs(m, TimexType.Duration, Duration(null, UnitLetter(unit)));
                }

                if (rel is "coming" or "future" or "next" && unit == "quarters" || rel == "future")
                {
                    return Abs(m, TimexType.Date, "FUTURE_REF");
                }

                if (rel.Length == 0 && !Has(m, "the"))
                {
                    var prev = PreviousWord(text, m.Index);
                    if (prev is not ("for" or "in" or "within" or "over" or "took" or "take" or "takes" or "spent" or "after" or "last" or "lasted"))
                    {
                        return null;
                    }
                }
                else if (rel.Length == 0 && post is not ("ahead" or "to come"))
                {
                    return null;
                }

                if (unit is "days" && rel.Length == 0)
                {
                    return null;
                }

                return Abs(m, TimexType.Duration, Duration(null, UnitLetter(unit)));
            });
        Trigger(Trigger20());

        // Vague reference points: "now", "currently", "recently", "the past", "the future", "the near term".
        Add(Rule31(),
            (m, text) =>
            {
                var w = G(m, "w").ToLowerInvariant();
                if (w is "once again")
                {
                    return null;
                }

                var end = m.Index + m.Length;
                var next = end < text.Length ? text.AsSpan(end).TrimStart() : [];
                if (w is "the moment" && PreviousWord(text, m.Index) is not ("at" or "for"))
                {
                    return null;
                }

                if (w == "in the past")
                {
                    return new FoundTimex(m.Index + 3, end, TimexType.Date, "PAST_REF", null, 0);
                }

                var value = w switch
                {
                    "recently" or "recent" or "lately" or "previously" or "formerly" or "the past" => "PAST_REF",
                    "the future" or "the near future" or "the near term" or "the short term" or "the long term" or "future" or "as soon as possible" => "FUTURE_REF",
                    _ => "PRESENT_REF",
                };
                // "the current wife", "its current position": TBAQ marks "current" after a determiner as PRESENT_REF about
                // two times in three; for "recent" and "future" as bare adjectives it is one in three, so they are left out.
                var prevWord = PreviousWord(text, m.Index);
                if (w is "current" && prevWord is "the" or "a" or "its" or "his" or "her" or "their" or "our" or "your" or "my" or "s")
                {
                    return Abs(m, TimexType.Date, value);
                }

                if (w is "current" or "future" or "recent")
                {
                    // Adjectives only count before temporal heads ("current quarter" is caught by longer rules).
                    var nextWord = ReadWord(next);
                    if (!(nextWord is "years" or "months" or "weeks" or "days" or "times" or "quarters" or "period" or "periods" or "level" or "levels" or "rate" or "rates" or "trend" or "trends" or "conditions" or "situation" or "environment" or "climate" or "session" or "term" or "generations" or "developments" or "events" or "history"))
                    {
                        return null;
                    }
                }

                return Abs(m, TimexType.Date, value);
            });
        Starts(Rule31Starts(), Rule31Anchored());

        // Sets: "daily", "every week", "each month", "once a year", "every Monday".
        Add(Rule32(),
            (m, _) =>
            {
                var w = G(m, "w").ToLowerInvariant();
                if (Has(m, "wd"))
                {
                    return Abs(m, TimexType.Set, "XXXX-WXX-" + Inv(TimexLexicon.Weekdays[G(m, "wd")]));
                }

                var n = 1.0;
                if (w.StartsWith("every other", StringComparison.Ordinal))
                {
                    n = 2;
                }
                else if (w.StartsWith("every ", StringComparison.Ordinal) && w.Split(' ') is { Length: 3 } parts)
                {
                    n = TimexLexicon.Number(parts[1]) ?? 1;
                }

                var unit = w switch
                {
                    _ when w.Contains("dai", StringComparison.Ordinal) || w.EndsWith("day", StringComparison.Ordinal) || w.EndsWith("days", StringComparison.Ordinal) => 'D',
                    _ when w.Contains("night", StringComparison.Ordinal) || w.Contains("morning", StringComparison.Ordinal) || w.Contains("evening", StringComparison.Ordinal) => 'D',
                    _ when w.Contains("week", StringComparison.Ordinal) => 'W',
                    _ when w.Contains("month", StringComparison.Ordinal) => 'M',
                    _ when w.Contains("quarter", StringComparison.Ordinal) => 'Q',
                    _ when w.Contains("hour", StringComparison.Ordinal) => 'H',
                    _ => 'Y',
                };
                var value = Duration(n, unit);
                return Abs(m, TimexType.Set, value);
            });
        Starts(Rule32Starts(), Rule32Anchored());

        return [.. rules];
    }

    private static string ReadWord(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && char.IsLetter(s[i]))
        {
            i++;
        }

        return s[..i].ToString().ToLowerInvariant();
    }

    private static FoundTimex? FullDate(Match m)
    {
        var month = MonthOf(G(m, "mon"));
        var day = int.Parse(G(m, "day"), CultureInfo.InvariantCulture);
        var year = int.Parse(G(m, "year"), CultureInfo.InvariantCulture);
        if (day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return Abs(m, TimexType.Date, Inv(year) + "-" + Two(month) + "-" + Two(day));
    }

    private static FoundTimex? MonthDay(Match m, string text)
    {
        var mon = G(m, "mon");
        var month = MonthOf(mon);
        var day = int.Parse(G(m, "day"), CultureInfo.InvariantCulture);
        if (day > DateTime.DaysInMonth(2000, month))
        {
            return null;
        }

        if (mon is "May" or "MAY" or "Mar" or "March" && !Has(m, "wd"))
        {
            // "May 5" is a date, but "may 5 percent" is not: require the day not to be followed by a unit.
            var after = text.AsSpan(m.Index + m.Length).TrimStart();
            if (after.StartsWith("percent", StringComparison.OrdinalIgnoreCase) || after.StartsWith("%", StringComparison.Ordinal))
            {
                return null;
            }
        }

        // Tense cues proved unreliable for month-days on TBAQ (news mixes reported speech and plans): the window rule of "MDN" decides.
        return Rel(m, TimexType.Date, new AnchoredValue("MDN", 0, (month * 100) + day));
    }

    private static readonly HashSet<string> NotANoun = new(StringComparer.OrdinalIgnoreCase)
    {
        "ago", "later", "earlier", "before", "after", "and", "or", "but", "in", "of", "to", "for", "at", "on", "the", "a", "an",
        "with", "when", "as", "while", "then", "than", "that", "too", "only", "longer", "more", "or so", "he", "she", "they", "it", "we", "i",
    };

    /// <summary>The word right after <paramref name="end"/> (skipping spaces), or "" at a line break, punctuation or the end.</summary>
    private static string NextWord(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var j = i;
        while (j < text.Length && (char.IsLetter(text[j]) || text[j] == '-'))
        {
            j++;
        }

        return text[i..j];
    }

    private static FoundTimex? DurationOrAgo(Match m, string text)
    {
        var numText = G(m, "num");
        var unitText = G(m, "unit");
        var unit = UnitLetter(unitText);
        var n = TimexLexicon.Number(numText);
        var lowerNum = numText.ToLowerInvariant();
        var vague = lowerNum is "several" or "a few" or "few" or "many" or "some" or "a number of";
        var post = G(m, "post").ToLowerInvariant();
        var rel = G(m, "rel").ToLowerInvariant();
        var hyphen = G(m, "sep") == "-";
        var plural = unitText.EndsWith('s') && !unitText.EndsWith("ss", StringComparison.Ordinal);
        var start = m.Index;
        var end = m.Index + m.Length;

        if (n is null && !vague)
        {
            return null;
        }

        // "a second day", "a second term": the ordinal, not one second.
        if (lowerNum is "a" or "an" && unitText.Equals("second", StringComparison.OrdinalIgnoreCase) && post.Length == 0
            && NextWord(text, m.Index + m.Length) is { Length: > 0 } next && char.IsLetter(next[0]) && !NotANoun.Contains(next))
        {
            return null;
        }

        if (post is "before" or "after" or "running" or "in a row" || (post is "later" && unit != 'Y'))
        {
            // "two days after the vote": the duration only; "after" is a signal.
            end = m.Groups["post"].Index;
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            post = string.Empty;
        }

        if (hyphen && Has(m, "the") && !Has(m, "rel") && !Has(m, "mod"))
        {
            // "the two-year plan": the adjective only.
            start = m.Groups["num"].Index;
        }

        if (hyphen)
        {
            // "45-year-old" is an age; "two-year" is a duration adjective.
            var rest = text.AsSpan(end);
            if (rest.StartsWith("-old", StringComparison.OrdinalIgnoreCase) || rest.StartsWith(" old", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        else if (text.AsSpan(end).StartsWith(" old", StringComparison.OrdinalIgnoreCase) && unit == 'Y')
        {
            return null;
        }

        // Bare "a year" / "an hour" / "one day" without a cue is too ambiguous ("$5 a year", "one day he ...").
        if (lowerNum is "a" or "an" && !Has(m, "mod") && post.Length == 0 && rel.Length == 0 && !Has(m, "the"))
        {
            var prev = PreviousWord(text, start);
            if (!(prev is "for" or "in" or "within" or "than" or "after" or "over" or "take" or "takes" or "took" or "spent" or "lasted" or "last" or "nearly" or "almost" or "about" or "half" or "by" or "of" or "as" or "barely" or "only" or "just" or "long" or "least"))
            {
                return null;
            }

            if (prev == "a" || prev == "per")
            {
                return null;
            }
        }

        if (unit == 'D' && unitText.StartsWith("night", StringComparison.OrdinalIgnoreCase) && post.Length > 0)
        {
            return null;
        }

        if (post is "ago" or "earlier" or "later" or "from now" or "hence")
        {
            var back = post is "ago" or "earlier" ? -1 : 1;
            if (vague || n is not { } count || count != Math.Floor(count))
            {
                return Abs(m, TimexType.Date, back < 0 ? "PAST_REF" : "FUTURE_REF") with { Start = start, End = end };
            }

            var k = (int)count * back;
            if (post is "earlier" or "later" && !(unit == 'Y' && count == 1))
            {
                // "three days later" is anchored on an event, not the document date: keep it a duration.
                return new FoundTimex(start, end, TimexType.Duration, Duration(count, unit), null, 0);
            }

            AnchoredValue? v = unit switch
            {
                'Y' when count == 1 && NearbyMatches(text, start, end, QuarterContextRegex()) => new AnchoredValue("Q", -5),
                'Y' => new AnchoredValue("Y", k),
                'E' => new AnchoredValue("Y", 10 * k),
                'C' => new AnchoredValue("Y", 100 * k),
                'M' => new AnchoredValue("M", k),
                'Q' => new AnchoredValue("Q", k),
                'W' => new AnchoredValue("W", k),
                'F' => new AnchoredValue("W", 2 * k),
                'D' => new AnchoredValue("D", k),
                _ => new AnchoredValue("D", 0),
            };
            return new FoundTimex(start, end, unit is 'H' or 'm' or 'S' ? TimexType.Time : TimexType.Date, null, v, 0);
        }

        if (rel is "same" or "other")
        {
            return null;
        }

        var value = Duration(vague ? null : n, unit);
        if (hyphen && plural)
        {
            return null;
        }

        return new FoundTimex(start, end, TimexType.Duration, value, null, 0);
    }

    // ---- the rules' regexes (source-generated; BuildRules says what each one finds) --------------------------------------
    [GeneratedRegex(RulePrefix + @"(?:(?<mod>about|around|approximately|at about|at around|shortly before|shortly after|just before|just after|before|after)\s+)?(?:(?<h>[01]?\d|2[0-3])(?::(?<mi>[0-5]\d))?\s*(?<ap>a\.\s?m\.?|p\.\s?m\.?|am|pm)|(?<h>[01]?\d|2[0-3]):(?<mi>[0-5]\d)(?=\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|local time|hours?\b))|(?<noon>noon|midnight|midday))(?:\s+(?<tz>(?-i:[ECMP][SD]T|GMT|UTC))\b)?(?:\s*,?\s*(?:on\s+)?(?:(?<rd>today|yesterday|tomorrow)|" + Weekday + "|" + Month + @"\s+" + Day + "))?" + RuleSuffix, Opts)]
    private static partial Regex Rule00();

    [GeneratedRegex(@"\d\s*[ap]\.?\s?m|\d:\d\d|noon|midnight|midday", Opts)]
    private static partial Regex Trigger00();

    [GeneratedRegex(RulePrefix + "(?:" + Weekday + @",?\s+)?(?:(?<pre>early|late|mid)[\s-]+)?" + Month + @"\s+" + Day + @"(?:\s*,\s*|\s+)" + Year4 + RuleSuffix, Opts)]
    private static partial Regex Rule01();

    [GeneratedRegex(@"1[6-9]\d\d|20\d\d", Opts)]
    private static partial Regex Trigger01();

    [GeneratedRegex(RulePrefix + "(?:" + Weekday + @",?\s+)?" + Day + @"\s+(?:of\s+)?" + Month + @",?\s+" + Year4 + RuleSuffix, Opts)]
    private static partial Regex Rule02();

    [GeneratedRegex(RulePrefix + @"(?<year>1[6-9]\d\d|20\d\d)-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])(?:T(?<hh>[01]\d|2[0-3]):(?<mm>[0-5]\d))?" + RuleSuffix, Opts)]
    private static partial Regex Rule03();

    [GeneratedRegex(RulePrefix + @"(?<m>0?[1-9]|1[0-2])/(?<d>0?[1-9]|[12]\d|3[01])/(?<year>1[6-9]\d\d|20\d\d|\d\d)" + RuleSuffix, Opts)]
    private static partial Regex Rule04();

    [GeneratedRegex(RulePrefix + "(?:" + Weekday + @",?\s+)?" + Month + @"\s+" + Day + @"(?!\s*,?\s*(?:1[6-9]\d\d|20\d\d)\b)(?!\.\d)(?!,\d)" + RuleSuffix, Opts)]
    private static partial Regex Rule05();

    [GeneratedRegex(@"(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)", Opts)]
    private static partial Regex Trigger02();

    [GeneratedRegex(RulePrefix + "(?:" + Weekday + @",?\s+)?(?:the\s+)?" + Day + @"\s+(?:of\s+)?" + Month + RuleSuffix, Opts)]
    private static partial Regex Rule06();

    [GeneratedRegex(RulePrefix + @"(?:(?:the\s+)?(?<pre>early|late|mid|end of|beginning of|start of|middle of)[\s-]+)?" + Month + @",?\s+(?:of\s+)?" + Year4 + RuleSuffix, Opts)]
    private static partial Regex Rule07();

    [GeneratedRegex(RulePrefix + @"(?:(?<pre>early|late|mid)[\s-]+)?" + Month + @"\s+(?:of\s+)?(?<rel>this|last|next)\s+year" + RuleSuffix, Opts)]
    private static partial Regex Rule08();

    [GeneratedRegex(RulePrefix + @"(?:(?:the\s+)?(?<pre>early|late|mid|end of|beginning of|start of|middle of)[\s-]+)?(?:(?<rel>last|next|this|this past|this coming|the previous|the following)\s+)?" + Month + RuleSuffix, Opts)]
    private static partial Regex Rule09();

    [GeneratedRegex(RulePrefix + @"(?:(?:the\s+)?(?<pre>early|late|mid|end of|beginning of|start of|middle of|rest of|first half of|second half of|last half of|spring of|summer of|fall of|autumn of|winter of)[\s-]+)?(?:(?<fy>fiscal(?:\s+year)?|calendar(?:\s+year)?|the year|FY)\s*)?(?<![$#\d.,])" + Year4 + @"(?!\s*(?:%|percent|million|billion|thousand|shares|tons|barrels|acres|feet|miles|units|cars|people|members|workers|employees|jobs|seats|votes)\b)(?!,\d)(?!-\d)(?!\.\d)" + RuleSuffix, Opts)]
    private static partial Regex Rule10();

    [GeneratedRegex(RulePrefix + @"(?<fy>fiscal)\s*'(?<yy>\d\d)" + RuleSuffix, Opts)]
    private static partial Regex Rule11();

    [GeneratedRegex(RulePrefix + @"(?:the\s+year\s+)?(?<spoken>(?:" + NumTeens + @")\s+(?:" + NumTens + @")(?:-(?:" + NumUnits + @"))?|two thousand(?:\s+(?:and\s+)?(?:" + NumUnits + "|" + NumTeens + "))?)" + RuleSuffix, Opts)]
    private static partial Regex Rule12();

    [GeneratedRegex(@"teen|two thousand|ten|eleven|twelve", Opts)]
    private static partial Regex Trigger03();

    [GeneratedRegex(RulePrefix + @"(?:the\s+)?(?:(?<pre>early|late|mid)[\s-]+)?(?:(?<dec>1[6-9]\d0|20\d0)'?s|'(?<d2>\d)0s)" + RuleSuffix, Opts)]
    private static partial Regex Rule13();

    [GeneratedRegex(@"0'?s", Opts)]
    private static partial Regex Trigger04();

    [GeneratedRegex(RulePrefix + @"(?:the\s+)?(?:(?<pre>early|late|mid)[\s-]+)?(?<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century" + RuleSuffix, Opts)]
    private static partial Regex Rule14();

    [GeneratedRegex(@"century", Opts)]
    private static partial Regex Trigger05();

    [GeneratedRegex(RulePrefix + @"(?:the\s+)?(?:(?<ctx>this year's|last year's|next year's|year-earlier|year-ago|year-before|comparable|latest|current|same|(?<qy>1[6-9]\d\d|20\d\d)(?:'s)?|fiscal(?:\s+(?<qy>1[6-9]\d\d|20\d\d))?)[\s-]+)?(?:(?:fiscal|calendar|flat|weak|strong|disappointing)[\s-]+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?(?<q>quarter|half|period)(?<pl>s)?(?:\s+of\s+(?:fiscal\s+)?(?<qy2>1[6-9]\d\d|20\d\d|this year|last year|next year|the year))?" + RuleSuffix, Opts)]
    private static partial Regex Rule15();

    [GeneratedRegex(@"quarter|half|period", Opts)]
    private static partial Regex Trigger06();

    [GeneratedRegex(RulePrefix + @"(?:the\s+)?(?:(?<w>latest|most recent|recent|just-ended|just-completed|past|previous|year-ago|year-earlier|year-before|comparable|comparable year-ago|comparable year-earlier|current|same)\s+)(?:fiscal\s+)?(?:quarter|period|three months)(?:\s+a\s+year\s+(?:ago|earlier))?|the\s+quarter(?:\s+a\s+year\s+(?:ago|earlier))?|(?<w>this|last|next)\s+quarter" + RuleSuffix, Opts)]
    private static partial Regex Rule16();

    [GeneratedRegex(@"quarter|period|three months", Opts)]
    private static partial Regex Trigger07();

    [GeneratedRegex(RulePrefix + @"(?<w>year-earlier|year-ago|year-before)" + RuleSuffix, Opts)]
    private static partial Regex Rule17();

    [GeneratedRegex(@"year-", Opts)]
    private static partial Regex Trigger08();

    [GeneratedRegex(RulePrefix + @"(?:(?<pre>early|earlier|late|later|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of|end of|mid)[\s-]+)?(?<rel>this|last|next|this past|this coming|the previous|previous|the coming|coming|the following|following|the current|current|the latest|latest|the next|the past|past|the last)\s+(?<cal>year|month|week|weekend|decade|century|fall|autumn|spring|summer|winter|season)" + RuleSuffix, Opts)]
    private static partial Regex Rule18();

    [GeneratedRegex(@"year|month|week|decade|century|fall|autumn|spring|summer|winter|season", Opts)]
    private static partial Regex Trigger09();

    [GeneratedRegex(RulePrefix + @"the\s+(?:(?<w>full|current|latest|entire|whole|same|most recent|previous|prior)\s+)?(?:(?<f>fiscal|calendar|financial)\s+)?year(?<ended>\s+(?:ended|ending|ends|through|to date))?|(?<ye>year-end|year's end|year end|the end of the year|the end of this year|the end of the month|the end of this month|month-end)" + RuleSuffix, Opts)]
    private static partial Regex Rule19();

    [GeneratedRegex(@"year|month", Opts)]
    private static partial Regex Trigger10();

    [GeneratedRegex(RulePrefix + @"the\s+(?<year>1[6-9]\d\d|20\d\d)\s+(?:(?<ord>first|second|third|fourth)\s+)?(?:quarter|period)" + RuleSuffix, Opts)]
    private static partial Regex Rule20();

    [GeneratedRegex(@"quarter|period", Opts)]
    private static partial Regex Trigger11();

    [GeneratedRegex(RulePrefix + @"(?<=(?:million|billion|dollars|cents|percent|%|times|\$\s?[\d.,]+)\s+)(?:a|per)\s+(?<u>year|month|week|day)" + RuleSuffix, Opts)]
    private static partial Regex Rule21();

    [GeneratedRegex(@"year|month|week|day", Opts)]
    private static partial Regex Trigger12();

    [GeneratedRegex(RulePrefix + @"the\s+(?:(?<pre>early|late|mid)[\s-]+)?(?:nineteen[\s-])?(?<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)" + RuleSuffix, Opts)]
    private static partial Regex Rule22();

    [GeneratedRegex(@"ties", Opts)]
    private static partial Regex Trigger13();

    [GeneratedRegex(RulePrefix + @"(?:(?<pre>early|late|mid)[\s-]+)?the\s+(?:(?<pre>early|late|mid)[\s-]+)?(?<cal>weekend|summer|spring|fall|autumn|winter)" + RuleSuffix, Opts)]
    private static partial Regex Rule23();

    [GeneratedRegex(@"weekend|summer|spring|fall|autumn|winter", Opts)]
    private static partial Regex Trigger14();

    [GeneratedRegex(RulePrefix + @"(?:(?<pre>early|late)\s+)?(?<d>today|yesterday|tomorrow|tonight)(?:\s+" + PartOfDay + ")?" + RuleSuffix, Opts)]
    private static partial Regex Rule24();

    [GeneratedRegex(@"today|yesterday|tomorrow|tonight", Opts)]
    private static partial Regex Trigger15();

    [GeneratedRegex(RulePrefix + @"(?:(?<pre>early|earlier|late|later)\s+)?(?<rel>this|last|yesterday|tomorrow)\s+" + PartOfDay + RuleSuffix, Opts)]
    private static partial Regex Rule25();

    [GeneratedRegex(@"morning|afternoon|evening|night", Opts)]
    private static partial Regex Trigger16();

    [GeneratedRegex(RulePrefix + @"(?<pre>mid|early|late)[\s-]*(?<pod>morning|afternoon|evening)(?:\s+(?<d>today|yesterday|tomorrow))?" + RuleSuffix, Opts)]
    private static partial Regex Rule26();

    [GeneratedRegex(@"morning|afternoon|evening", Opts)]
    private static partial Regex Trigger17();

    [GeneratedRegex(RulePrefix + @"(?:(?<pre>early|late)\s+)?(?:(?<rel>last|next|this|this past|this coming|the previous|the following|the next|coming)\s+)?" + Weekday + @"(?<pl>s)?(?:\s+" + PartOfDay + @"(?<pl2>s)?)?" + RuleSuffix, Opts)]
    private static partial Regex Rule27();

    [GeneratedRegex(@"(?-i:day|DAY)", Opts)]
    private static partial Regex Trigger18();

    [GeneratedRegex(RulePrefix + @"(?:(?<rel>last|next|this)\s+)?(?-i:(?<hol>Christmas(?: Day| Eve)?|Thanksgiving(?: Day)?|New Year's (?:Day|Eve)|Independence Day|July Fourth|the Fourth of July|Labor Day|Memorial Day|Easter(?: Sunday)?|Election Day|election day|Veterans Day|Valentine's Day|Halloween))" + RuleSuffix, Opts)]
    private static partial Regex Rule28();

    [GeneratedRegex(@"(?-i:Christmas|Thanksgiving|New Year|Independence|July Fourth|Fourth of July|Labor Day|Memorial Day|Easter|Election Day|election day|Veterans|Valentine|Halloween)", Opts)]
    private static partial Regex Trigger19();

    [GeneratedRegex(RulePrefix + Modifier + @"(?:(?<the>the)\s+)?(?:(?<rel>past|last|next|first|coming|previous|following|final|remaining|initial|latest|same|prior|ensuing|succeeding|other|full|entire|whole)\s+)?" + Num + @"(?<sep>[\s-]+)(?:(?:full|more|calendar|consecutive|straight|business|working|long|additional|extra)[\s-]+)?" + Unit + @"(?:\s+(?:and\s+(?<num2>\d+|" + NumWord + @")\s+(?<unit2>months?|weeks?|days?|hours?|minutes?)))?(?<orso>\s+or\s+(?:so|two|three|more))?(?:\s+(?<post>ago|earlier|later|from now|before|after|hence|running|in a row))?" + RuleSuffix, Opts)]
    private static partial Regex Rule29();

    [GeneratedRegex(RulePrefix + @"(?:(?<the>the)\s+)?(?:(?<rel>past|last|next|coming|recent|previous|following|future|ensuing|early|weeks and|days and|years and)\s+)?(?<vunit>years|months|weeks|days|decades|hours|minutes|quarters)(?:\s+(?<post>ago|ahead|to come))?" + RuleSuffix, Opts)]
    private static partial Regex Rule30();

    [GeneratedRegex(@"years|months|weeks|days|decades|hours|minutes|quarters", Opts)]
    private static partial Regex Trigger20();

    [GeneratedRegex(RulePrefix + VagueReferenceBody + RuleSuffix, Opts)]
    private static partial Regex Rule31();

    [GeneratedRegex(RulePrefix + SetBody + RuleSuffix, Opts)]
    private static partial Regex Rule32();

    [GeneratedRegex("year|month|week|day|hour|minute|second|decade|quarter|centur|fortnight|night", Opts)]
    private static partial Regex Trigger21();

    [GeneratedRegex(@"^\s+(?:of|for|on|to)\s")]
    private static partial Regex MarchNounRegex();

    // Rules whose every match begins with one of a few words ("now", "recently", ...; "daily", "every", "once", ...) run only
    // where such a word begins (Rule.Starts), anchored there (\G): the same matches as a scan of the whole text.
    private const string VagueReferenceBody = @"(?<w>now|currently|current|nowadays|these days|at present|the present|recently|recent|lately|in the past|the past|the future|the near future|the near term|the short term|the long term|future|as soon as possible|once again)";

    [GeneratedRegex(@"\G" + RulePrefix + VagueReferenceBody + RuleSuffix, Opts)]
    private static partial Regex Rule31Anchored();

    [GeneratedRegex(@"now|currently|current|nowadays|these days|at present|the present|recently|recent|lately|in the past|the past|the future|the near future|the near term|the short term|the long term|future|as soon as possible|once again", Opts)]
    private static partial Regex Rule31Starts();

    private const string SetBody = @"(?<w>daily|weekly|monthly|yearly|hourly|nightly|every day|every night|every week|every month|every year|every quarter|every hour|every morning|every evening|every weekend|each day|each week|each month|each year|each quarter|each night|(?:once|twice|three times|four times)\s+(?:a|per|each)\s+(?:day|week|month|year|quarter)|every\s+(?:other|two|three|four|five|six|ten)\s+(?:days|weeks|months|years)|every\s+" + Weekday + ")";

    [GeneratedRegex(@"\G" + RulePrefix + SetBody + RuleSuffix, Opts)]
    private static partial Regex Rule32Anchored();

    [GeneratedRegex(@"daily|weekly|monthly|yearly|hourly|nightly|every|each|once|twice|three|four", Opts)]
    private static partial Regex Rule32Starts();
}
