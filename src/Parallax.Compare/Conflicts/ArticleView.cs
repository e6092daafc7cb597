using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Language.Time;

namespace Parallax.Compare.Conflicts;

/// <summary>
/// One member article as the conflict rules read it: sentences, the story-wide entity ids mentioned in each sentence,
/// timexes with their values resolved against the member's date, and word stems. Built once per detection; immutable.
/// </summary>
internal sealed partial class ArticleView
{
    private readonly int[] _sentenceStarts;

    public ArticleView(StoryArticle member, IReadOnlyDictionary<string, string> aliases)
    {
        Member = member;
        Sentences = member.Doc.Sentences.IsDefaultOrEmpty
            ? [new Sentence(new TextSpan(0, member.Text.Length))]
            : member.Doc.Sentences;
        _sentenceStarts = [.. Sentences.Select(s => s.Span.Start)];
        var byMention = new Dictionary<TextSpan, string>();
        var entities = new HashSet<string>[Sentences.Length];
        for (var i = 0; i < entities.Length; i++)
        {
            entities[i] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var m in member.Doc.Mentions)
        {
            if (m.EntityId is { } id)
            {
                byMention.TryAdd(m.Span, id);
                if (SentenceAt(m.Span.Start) is { } s)
                {
                    entities[s].Add(id);
                }
            }
        }

        // The recogniser misses some mentions ("Lukashenko" in one sentence, found in the next): a sentence also mentions
        // every story entity whose name (or a person's unique surname) appears in it as whole words.
        var firstWords = FirstWords(aliases);
        for (var i = 0; i < entities.Length; i++)
        {
            var text = Sentences[i].Span.Of(member.Text);
            foreach (Match w in WordPattern().Matches(text))
            {
                // Only aliases whose first word occurs in the sentence are tried (keeps this linear in practice).
                var token = w.Value.EndsWith("'s", StringComparison.Ordinal) || w.Value.EndsWith("’s", StringComparison.Ordinal) ? w.Value[..^2] : w.Value;
                foreach (var word in token.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (char.IsUpper(word[0]) && firstWords.TryGetValue(word, out var candidates))
                    {
                        foreach (var (alias, id) in candidates)
                        {
                            if (ContainsWord(text, alias))
                            {
                                entities[i].Add(id);
                            }
                        }
                    }
                }
            }
        }

        MentionEntity = byMention;
        SentenceEntities = [.. entities.Select(e => e.ToImmutableHashSet(StringComparer.Ordinal))];
        DateIsStated = member.Article.Metadata.Published is not null;
        Timexes = [.. member.Doc.Timexes.Select(t => new ResolvedTimex(t, Resolve(t, member.Date)))];
    }

    public StoryArticle Member { get; }

    public string Id => Member.Id;

    public string Outlet => Member.Outlet;

    /// <summary>The outlet, or "article ID" when the outlet is unknown: how descriptions name the source.</summary>
    public string Name => string.IsNullOrWhiteSpace(Member.Outlet) || Member.Outlet == "unknown" ? "article " + Id : Member.Outlet;

    public string Text => Member.Text;

    public ImmutableArray<Sentence> Sentences { get; }

    /// <summary>Story-wide entity id of each mention span.</summary>
    public IReadOnlyDictionary<TextSpan, string> MentionEntity { get; }

    /// <summary>Story-wide entity ids mentioned in each sentence (parallel to <see cref="Sentences"/>).</summary>
    public ImmutableArray<ImmutableHashSet<string>> SentenceEntities { get; }

    /// <summary>True when the member states its own publication date (relative dates are then anchored on solid ground).</summary>
    public bool DateIsStated { get; }

    public ImmutableArray<ResolvedTimex> Timexes { get; }

    /// <summary>The index of the sentence holding <paramref name="position"/>, or null when it falls between sentences.</summary>
    public int? SentenceAt(int position)
    {
        var i = Array.BinarySearch(_sentenceStarts, position);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 && i < Sentences.Length && Sentences[i].Span.Contains(position) ? i : null;
    }

    /// <summary>The characters in <c>[start, end)</c> clamped to the text; empty when the range is empty (never throws).</summary>
    public string Slice(int start, int end)
    {
        start = Math.Clamp(start, 0, Text.Length);
        end = Math.Clamp(end, 0, Text.Length);
        return end > start ? Text[start..end] : string.Empty;
    }

    public string SentenceText(int index) => Sentences[index].Span.Of(Text);

    /// <summary>The sentence as evidence, without surrounding white space.</summary>
    public Parallax.Core.Reporting.EvidenceSpan SentenceEvidence(int index) => Member.Evidence(Trim(Sentences[index].Span));

    public TextSpan Trim(TextSpan span)
    {
        var s = span.Start;
        var e = span.End;
        while (s < e && char.IsWhiteSpace(Text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(Text[e - 1]))
        {
            e--;
        }

        return new TextSpan(s, e);
    }

    /// <summary>Lower-case words of <paramref name="text"/> (letters, apostrophes, hyphens inside).</summary>
    public static IEnumerable<(string Word, int Start)> Words(string text)
    {
        foreach (Match m in WordPattern().Matches(text))
        {
            yield return (m.Value.ToLowerInvariant().Replace('’', '\''), m.Index);
        }
    }

    /// <summary>A crude stem: enough to match "anchored"/"anchor", "ships"/"ship", "waiting"/"wait".</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        foreach (var suffix in (string[])["ings", "ing", "ed", "ies", "es", "s"])
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                if (suffix == "es" && !(w.EndsWith("ses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)
                    || w.EndsWith("zes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)))
                {
                    continue; // "games" is game + s, not gam + es
                }

                w = w[..^suffix.Length];
                if (suffix == "ies")
                {
                    w += "y";
                }

                if (suffix is "ing" or "ed" && w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z'))
                {
                    w = w[..^1];
                }

                break;
            }
        }

        return w;
    }

    /// <summary>Capitalised words that look like parts of names (not sentence-initial function words).</summary>
    public static IEnumerable<string> NameWords(string text)
    {
        foreach (Match m in WordPattern().Matches(text))
        {
            var w = m.Value;
            if (char.IsUpper(w[0]) && !NotNames.Contains(w))
            {
                var name = w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w;
                if (name.Length > 1)
                {
                    yield return name;
                }
            }
        }
    }

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "His", "Her", "Their", "Our", "This", "That", "These",
        "Those", "Now", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "With", "As", "After", "Before", "While",
        "When", "Meanwhile", "However", "Still", "Also", "Then", "There", "Here", "Under", "Over", "Nobody", "Every",
        "Union", "Company", "Government", "Ministry", "Minister", "President", "Spokesperson", "Spokesman", "Spokeswoman",
        "Chief", "Executive", "Leader", "Former", "Vice", "Mr", "Mrs", "Ms", "Dr",
    };

    /// <summary>
    /// Names that identify a story entity: its capitalised surface forms, and the last word of a person's multi-word name
    /// when no other entity uses it. Keyed by name.
    /// </summary>
    public static Dictionary<string, string> Aliases(IEnumerable<Entity> entities)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string id)
        {
            if (name.Length < 4 || !char.IsUpper(name[0]) || NotNames.Contains(name) || ambiguous.Contains(name))
            {
                return;
            }

            if (result.TryGetValue(name, out var other) && other != id)
            {
                result.Remove(name);
                ambiguous.Add(name);
                return;
            }

            result[name] = id;
        }

        foreach (var e in entities)
        {
            foreach (var form in e.SurfaceForms.Append(e.Name))
            {
                Add(form, e.Id);
                var parts = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (e.Type == EntityType.Person && parts.Length > 1)
                {
                    Add(parts[^1], e.Id);
                }
            }
        }

        return result;
    }

    private static Dictionary<string, List<(string Alias, string Id)>> FirstWords(IReadOnlyDictionary<string, string> aliases)
    {
        var result = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var (alias, id) in aliases)
        {
            var first = WordPattern().Match(alias).Value;
            if (first.Length == 0)
            {
                continue;
            }

            if (!result.TryGetValue(first, out var list))
            {
                result[first] = list = [];
            }

            list.Add((alias, id));
        }

        return result;
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var end = i + word.Length;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The timex value anchored on <paramref name="date"/> when it was left open.</summary>
    private static string? Resolve(Timex timex, DateOnly? date)
    {
        if (timex.Value is { } v && AnchoredValue.TryParse(v, out var anchored))
        {
            return date is { } d ? anchored.Resolve(d) : null;
        }

        return timex.Value;
    }

    /// <summary>The calendar day of a TIMEX3 value that names one (<c>2025-12-11</c>, <c>2025-12-11TMO</c>), else null.</summary>
    public static DateOnly? Day(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    [GeneratedRegex(@"\p{L}[\p{L}\p{Nd}'’-]*")]
    private static partial Regex WordPattern();
}

/// <summary>A timex of a member with its value resolved against the member's date (null when it stays open).</summary>
internal sealed record ResolvedTimex(Timex Timex, string? Value)
{
    /// <summary>True for a bare weekday ("Tuesday", "on Thursday morning"): its day depends on reading the tense right.</summary>
    public bool IsWeekdayOnly => Timex.Value is { } v && (v.StartsWith("ANCHOR:WD", StringComparison.Ordinal)
        || Weekdays.Any(w => Timex.Text.Contains(w, StringComparison.OrdinalIgnoreCase)) && !Timex.Text.Any(char.IsDigit));

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
}
