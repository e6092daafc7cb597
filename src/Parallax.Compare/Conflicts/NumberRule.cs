using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// <c>number</c>: different counts of the same thing. Two counts speak of the same thing when their counted nouns fall in
/// one class ("cargo ships", "vessels", "container ships") and either their clauses share a content word ("waiting at
/// anchor" / "anchored outside Port Velin") or they state the same distinctive figure (agreement links sources too), or
/// one sentence sets them against each other ("3,800 workers ..., but ... fewer than 2,000"). Counts conflict when their
/// value ranges cannot overlap once modifiers are read ("more than 60" against "42"; "about 35" is 31.5 to 38.5).
/// Percentages, money, durations, ordinals and vague counts ("dozens", "a few dozen") are not compared.
/// </summary>
internal static partial class NumberRule
{
    private static readonly FrozenDictionary<string, string> NounClass = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ship"] = "ship", ["vessel"] = "ship", ["boat"] = "ship", ["freighter"] = "ship", ["containership"] = "ship",
        ["worker"] = "worker", ["member"] = "worker", ["striker"] = "worker", ["employee"] = "worker", ["dockworker"] = "worker", ["docker"] = "worker",
        ["death"] = "death", ["fatality"] = "death", ["dead"] = "death",
        ["people"] = "people", ["person"] = "people", ["resident"] = "people",
        ["troop"] = "troop", ["soldier"] = "troop",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Counted nouns too generic to identify a thing.</summary>
    private static readonly FrozenSet<string> Generic = new[]
    {
        "time", "way", "thing", "one", "other", "part", "point", "step", "case", "kind", "sort", "lot", "number", "figure", "place",
        // Units of measure and statistics: counted with many figures in one story without any disagreement.
        "game", "season", "run", "rbi", "round", "block", "mile", "kilometre", "kilometer", "km", "metre", "meter", "foot", "feet",
        "inch", "hour", "minute", "second", "week", "month", "year", "day", "night", "goal", "percent", "degree", "lap", "mph",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after a bare count that show it is the subject of a clause ("fewer than 2,000 had stayed away").</summary>
    private static readonly FrozenSet<string> ClauseVerbs = new[]
    {
        "had", "have", "has", "were", "was", "are", "is", "did", "do", "would", "will", "could", "can", "joined", "took", "stayed",
        "remained", "went", "turned", "showed", "came", "walked", "left",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words right after a count that make it a difference or comparison, not a size ("five rounds sooner").</summary>
    private static readonly FrozenSet<string> Comparatives = new[]
    {
        "sooner", "later", "more", "fewer", "less", "earlier", "longer", "shorter", "higher", "lower", "ahead", "behind", "apart",
        "ago", "older", "younger", "extra", "additional", "short",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Contrast = ["but", "while", "whereas", "although", "though", "however", "yet"];

    internal static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "as", "and", "or", "but", "that",
        "which", "who", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
        "would", "can", "could", "may", "might", "it", "its", "they", "their", "them", "he", "she", "his", "her", "we", "our",
        "this", "these", "those", "there", "than", "more", "fewer", "less", "about", "over", "under", "some", "nearly", "almost",
        "roughly", "around", "approximately", "only", "just", "said", "say", "says", "told", "according", "also", "not", "no",
        "still", "all", "such", "so", "if", "when", "while", "after", "before", "since", "up", "out", "off", "by", "per",
        "make", "made", "take", "took", "get", "got", "go", "went", "come", "came", "give", "gave", "put", "keep", "kept",
        "any", "other", "own", "many", "much", "most", "first", "last", "next", "new", "year", "years", "day", "days", "time",
    }.ToFrozenSet(StringComparer.Ordinal);

    private sealed record Claim(ArticleView View, Quantity Quantity, int Sentence, string Class, string Subject, Interval Range, ImmutableHashSet<string> Context)
    {
        /// <summary>The count this bare count takes its noun from (same sentence, set against it).</summary>
        public Claim? InheritedFrom { get; init; }

        /// <summary>The part of the sentence that states this count, when the sentence states two (split at the contrast word).</summary>
        public TextSpan? Part { get; set; }

        public Parallax.Core.Reporting.EvidenceSpan Evidence => Part is { } p ? View.Member.Evidence(View.Trim(p)) : View.SentenceEvidence(Sentence);
    }

    public static IEnumerable<FoundConflict> Find(ImmutableArray<ArticleView> views)
    {
        var claims = new List<Claim>();
        foreach (var view in views)
        {
            var own = new List<Claim>();
            foreach (var q in view.Member.Doc.Quantities.OrderBy(q => q.Span.Start))
            {
                if (ToClaim(view, q, own) is { } c)
                {
                    own.Add(c);
                }
            }

            // A noun this article counts with several different figures ("10 games", "40 games", "six games") is a unit of
            // measure here, not one thing whose size sources could disagree on: its counts are not compared. Counts the
            // article itself sets against each other stay.
            var inContrast = own.Where(c => c.InheritedFrom is not null).SelectMany(c => new[] { c, c.InheritedFrom! }).ToHashSet();
            var ambiguous = own.Where(c => !inContrast.Contains(c)).GroupBy(c => c.Class)
                .Where(g => g.Select(c => c.Range).Distinct().Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            claims.AddRange(own.Where(c => inContrast.Contains(c) || !ambiguous.Contains(c.Class)));
        }

        // Union-find over claims that speak of the same thing.
        var parent = Enumerable.Range(0, claims.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < claims.Count; i++)
        {
            for (var j = i + 1; j < claims.Count; j++)
            {
                if (SameThing(claims[i], claims[j]))
                {
                    parent[Root(i)] = Root(j);
                }
            }
        }

        foreach (var component in Enumerable.Range(0, claims.Count).GroupBy(Root).Select(g => g.Select(i => claims[i]).ToList()))
        {
            var groups = component.GroupBy(c => c.Range).Select(g => g.ToList()).ToList();
            for (var a = 0; a < groups.Count; a++)
            {
                for (var b = a + 1; b < groups.Count; b++)
                {
                    if (!groups[a][0].Range.Overlaps(groups[b][0].Range))
                    {
                        yield return ToConflict(groups[a], groups[b]);
                    }
                }
            }
        }
    }

    private static FoundConflict ToConflict(List<Claim> a, List<Claim> b)
    {
        var subject = a.Concat(b).Select(c => c.Subject).First();
        var ra = a[0];
        var rb = b[0];
        var description = $"{Capitalise(subject)}: {ConflictDetector.Quote(ra.Quantity.Text)} ({ConflictDetector.Outlets(a.Select(c => c.View))}) "
            + $"against {ConflictDetector.Quote(rb.Quantity.Text)} ({ConflictDetector.Outlets(b.Select(c => c.View))}).";
        return new FoundConflict(
            "number",
            a.Concat(b).Any(c => c.InheritedFrom is not null) ? "number.contrast" : "number.count",
            description,
            [.. a.Select(c => c.Evidence)],
            [.. b.Select(c => c.Evidence)])
        {
            Subject = subject,
            ValueA = ra.Quantity.Text,
            ValueB = rb.Quantity.Text,
        };
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static bool SameThing(Claim x, Claim y)
    {
        if (x.Class != y.Class)
        {
            return false;
        }

        if (ReferenceEquals(x.InheritedFrom, y) || ReferenceEquals(y.InheritedFrom, x))
        {
            return true;
        }

        if (ReferenceEquals(x.View, y.View) && x.Sentence == y.Sentence)
        {
            return false; // two counts of one class in one sentence are usually parts ("3 of 5 ships"), unless set against each other
        }

        if (x.Range == y.Range && x.Range.Lo >= 10)
        {
            return true; // the same distinctive figure: agreement links the sources
        }

        return x.Context.Overlaps(y.Context);
    }

    private static Claim? ToClaim(ArticleView view, Quantity q, List<Claim> earlier)
    {
        if (q.Value is not { } value || !string.IsNullOrEmpty(q.Unit) || value <= 0 || Vague(view.Text, q))
        {
            return null;
        }

        if (view.SentenceAt(q.Span.Start) is not { } sentence)
        {
            return null;
        }

        // "32 million people, compared with 55.3 million a decade ago": a change over time, not one figure.
        if (ChangePattern().IsMatch(view.SentenceText(sentence)))
        {
            return null;
        }

        var range = Interval.Of(value, q.Modifier, q.Text);
        var between = BetweenPattern().Match(view.Slice(q.Span.Start - 40, q.Span.Start));
        if (between.Success && range is not null && decimal.TryParse(between.Groups["lo"].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var lo) && lo <= range.Lo)
        {
            // "between 30 and 40 trains": the tagger reads only the 40.
            range = range with { Lo = lo, LoOpen = false };
        }

        if (range is null)
        {
            return null;
        }

        Claim? inherited = null;
        TextSpan? part = null;
        string counted;
        if (q.Counted is { Length: > 0 } c)
        {
            counted = c;
        }
        else
        {
            // "The union says 3,800 workers are taking part, but ... said fewer than 2,000 had stayed away": the bare count
            // takes the counted noun of the count it is set against in the same sentence.
            var nextWord = ArticleView.Words(view.Slice(q.Span.End, q.Span.End + 20)).Select(w => w.Word).FirstOrDefault();
            inherited = nextWord is null || !ClauseVerbs.Contains(nextWord) ? null : earlier.LastOrDefault(e => e.Sentence == sentence && e.InheritedFrom is null
                && value / e.Quantity.Value!.Value is >= 0.1m and <= 10m
                && Between(view.Text, e.Quantity.Span.End, q.Span.Start).Any(w => Contrast.Contains(w.Word)));
            if (inherited is null)
            {
                return null;
            }

            counted = inherited.Quantity.Counted!;
            var split = Between(view.Text, inherited.Quantity.Span.End, q.Span.Start).Last(w => Contrast.Contains(w.Word)).Start;
            var sentenceSpan = view.Sentences[sentence].Span;
            inherited.Part = new TextSpan(sentenceSpan.Start, split);
            part = new TextSpan(split, sentenceSpan.End);
        }

        var words = counted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = ArticleView.Stem(words[^1]);
        if (head.Length < 3 || Generic.Contains(head) || !head.All(char.IsLetter) || words[^1].EndsWith("ing", StringComparison.Ordinal)
            || (char.IsUpper(words[^1][0]) && view.Sentences[sentence].Kind != SentenceKind.Headline))
        {
            // Generic units, gerunds ("nine voting") and capitalised heads (nationalities: "12 Somalis and 11 Yemenis" are parts).
            return null;
        }

        if (inherited is null)
        {
            // "two of the three victims" (the count is a total around a part), "five rounds sooner" (a difference),
            // "420 passengers and crew" (a sum with something uncounted).
            // "2.5 million doses ... and 1.5 million with Canada": one part of a list of figures.
            var sentenceSpan = view.Sentences[sentence].Span;
            if (view.Member.Doc.Quantities.Any(o => o.Span.Start > q.Span.End && sentenceSpan.Contains(o.Span.Start) && o.Value is not null
                && string.IsNullOrEmpty(o.Unit) && string.IsNullOrEmpty(o.Counted)
                && ArticleView.Words(view.Slice(o.Span.Start - 6, o.Span.Start)).Select(w => w.Word).LastOrDefault() == "and"))
            {
                return null;
            }

            if (words.Length > 1 && Generic.Contains(ArticleView.Stem(words[0].Split('-')[0])))
            {
                return null; // "20 year sentence", "30-mile pursuit": the figure measures something else
            }

            var before = view.Slice(q.Span.Start - 8, q.Span.Start).ToLowerInvariant();
            var after = ArticleView.Words(view.Slice(q.Span.End, q.Span.End + 24)).Select(w => w.Word).Take(2).ToList();
            if (before.EndsWith("of the ", StringComparison.Ordinal) || (after.Count > 0 && Comparatives.Contains(after[0]))
                || (after.Count > 1 && after[0] == "and" && !NumberWords.Contains(after[1]) && !after[1].Any(char.IsDigit)
                    && view.Slice(q.Span.End, q.Span.End + 6).TrimStart().StartsWith("and", StringComparison.Ordinal)))
            {
                return null;
            }
        }

        var cls = NounClass.GetValueOrDefault(head, head);
        var subject = string.Join(' ', words.Where(w => !StopWords.Contains(w.ToLowerInvariant())));
        return new Claim(view, q, sentence, cls, subject.Length > 0 ? subject : counted, range, Context(view, q, sentence, cls))
        {
            InheritedFrom = inherited,
            Part = part,
        };
    }

    /// <summary>Stems of the content words in the count's clause: up to eight after it and three before it.</summary>
    private static ImmutableHashSet<string> Context(ArticleView view, Quantity q, int sentence, string cls)
    {
        var span = view.Sentences[sentence].Span;
        var after = ClauseWords(view.Slice(q.Span.End, span.End), forward: true).Take(8);
        var before = ClauseWords(view.Slice(span.Start, q.Span.Start), forward: false).Take(3);
        if (view.Sentences[sentence].Kind == SentenceKind.Headline)
        {
            after = after.Select(w => w.ToLowerInvariant());
        }
        var counted = (q.Counted ?? string.Empty).Split(' ').Select(ArticleView.Stem).ToHashSet(StringComparer.Ordinal);
        return [.. after.Concat(before)
            .Where(w => !StopWords.Contains(w) && !NumberWords.Contains(w))
            .Select(ArticleView.Stem)
            .Where(s => s.Length > 2 && !counted.Contains(s) && NounClass.GetValueOrDefault(s, s) != cls)];
    }

    /// <summary>Words from the count outwards, stopping at a clause boundary (, ; : — quote marks, sentence end).</summary>
    private static IEnumerable<string> ClauseWords(string text, bool forward)
    {
        var boundary = forward ? text.IndexOfAny(Boundaries) : text.LastIndexOfAny(Boundaries);
        var part = boundary < 0 ? text : forward ? text[..boundary] : text[(boundary + 1)..];
        // Names are left out: the predicate ("waiting at anchor") says what is counted, a place name does not.
        var words = ArticleView.Words(part).Where(w => !char.IsUpper(part[w.Start])).Select(w => w.Word).ToList();
        if (!forward)
        {
            words.Reverse();
        }

        return words;
    }

    private static readonly char[] Boundaries = [',', ';', ':', '—', '–', '"', '“', '”', '(', ')', '.', '!', '?'];

    private static readonly FrozenSet<string> NumberWords = new[]
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand", "million", "billion",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words between two positions, with their absolute start.</summary>
    private static IEnumerable<(string Word, int Start)> Between(string text, int start, int end) =>
        start < end ? ArticleView.Words(text[start..end]).Select(w => (w.Word, w.Start + start)) : [];

    /// <summary>"dozens of ships", "a few dozen strikers", "several hundred": not a figure anyone can contradict.</summary>
    private static bool Vague(string text, Quantity q)
    {
        if (VaguePattern().IsMatch(q.Text) || q.Modifier is "approximate")
        {
            return true;
        }

        var before = text[Math.Max(0, q.Span.Start - 12)..q.Span.Start].ToLowerInvariant();
        return before.EndsWith("few ", StringComparison.Ordinal) || before.EndsWith("several ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|rose\s+from|fell\s+from|increased\s+from|decreased\s+from|versus|a\s+year\s+(?:earlier|ago|before)|ago|last\s+year|previous\s+year|record)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangePattern();

    [GeneratedRegex(@"\bbetween\s+(?<lo>\d[\d,]*(?:\.\d+)?)\s+and\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex BetweenPattern();

    [GeneratedRegex(@"\b(dozens?|scores?|hundreds|thousands|millions)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VaguePattern();
}

/// <summary>The values a stated count allows, read from its modifier. Bounds are inclusive unless marked open.</summary>
internal sealed partial record Interval(decimal Lo, bool LoOpen, decimal Hi, bool HiOpen)
{
    private const decimal Infinity = decimal.MaxValue;

    public static Interval? Of(decimal v, string? modifier, string text)
    {
        var tolerance = Math.Max(v * 0.1m, 0.5m);
        return (modifier ?? string.Empty).ToLowerInvariant() switch
        {
            "" or "only" or "just" when Round(v) => new Interval(v - (v * 0.05m), false, v + (v * 0.05m), false),
            "" or "only" or "just" => new Interval(v, false, v, false),
            "about" or "around" or "roughly" or "approximately" or "some" or "close to" or "an estimated" or "estimated" =>
                new Interval(v - tolerance, false, v + tolerance, false),
            "nearly" or "almost" => new Interval(v - tolerance, false, v, true),
            "more than" or "over" => new Interval(v, true, Infinity, false),
            "just over" => new Interval(v, true, v + tolerance * 2, false),
            "at least" => new Interval(v, false, Infinity, false),
            "fewer than" or "less than" or "under" => new Interval(0, false, v, true),
            "just under" => new Interval(v - tolerance * 2, false, v, true),
            "at most" or "up to" or "no more than" or "as many as" => new Interval(0, false, v, false),
            "as few as" => new Interval(v, false, Infinity, false),
            "range" => Upper(text) is { } hi && hi >= v ? new Interval(v, false, hi, false) : null,
            _ => null, // a modifier we cannot read ("over range"): say nothing rather than guess
        };
    }

    /// <summary>A round figure (8,000; 3,800; 250) is usually rounded by its source: read it as ±5%.</summary>
    private static bool Round(decimal v) => (v >= 1000 && v % 100 == 0) || (v >= 100 && v % 10 == 0 && v % 1 == 0 && v >= 200);

    public bool Overlaps(Interval other) => !Before(this, other) && !Before(other, this);

    private static bool Before(Interval a, Interval b) => a.Hi < b.Lo || (a.Hi == b.Lo && (a.HiOpen || b.LoOpen));

    /// <summary>The upper figure of a range written in digits ("30 to 40", "2-3"); null otherwise.</summary>
    private static decimal? Upper(string text)
    {
        var numbers = Digits().Matches(text);
        return numbers.Count >= 2 && decimal.TryParse(numbers[^1].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var hi) ? hi : null;
    }

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Digits();
}
