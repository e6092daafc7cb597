using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Compare.Slant;

/// <summary>
/// Per-article slant: a transparent score, the sum of <c>weight × value</c> over eight components (docs/slant.md),
/// each with the evidence it counted. Loaded terms, loaded labels and opinion markers are counted in the outlet's own
/// words only (attributed quotes are the speaker's words) per 100 words of body; voices, anonymous sourcing and omitted
/// facts are shares; the headline is compared with the body. No left/right verdict. Pure, deterministic and
/// thread-safe; the lexicon and weights are shared immutable resources.
/// </summary>
public static partial class SlantScorer
{
    public const string Version = "1";

    public const string LoadedTermsComponent = SlantMarkers.LoadedTerms;
    public const string LabelsComponent = "labels";
    public const string OpinionMarkersComponent = SlantMarkers.OpinionMarkers;
    public const string AnonymousSourcesComponent = "anonymous-sources";
    public const string OneSidedVoicesComponent = "one-sided-voices";
    public const string OmittedFactsComponent = "omitted-facts";
    public const string HeadlineLoadedComponent = "headline-loaded";
    public const string HeadlineUnsupportedComponent = "headline-unsupported";

    private static readonly FrozenSet<string> _officialWords = FrozenSet.ToFrozenSet(
        ["president", "minister", "ministry", "government", "spokesperson", "spokesman", "spokeswoman", "official", "officials",
         "office", "department", "agency", "authority", "authorities", "police", "court", "judge", "prosecutor", "mayor", "governor",
         "senator", "ambassador", "envoy", "secretary", "chancellor", "premier", "prime", "kremlin", "administration", "embassy",
         "army", "military", "commission", "commissioner", "parliament", "lawmaker", "congressman", "congresswoman", "state",
         "council", "cabinet", "king", "queen", "leader", "chief", "director", "diplomat", "treasury", "white", "attorney"],
        StringComparer.Ordinal);

    /// <summary>Heads of "the minister"-style speaker phrases that stand for one titled person.</summary>
    private static readonly FrozenSet<string> _personTitles = FrozenSet.ToFrozenSet(
        ["president", "minister", "spokesperson", "spokesman", "spokeswoman", "mayor", "governor", "senator", "ambassador", "envoy",
         "secretary", "chancellor", "premier", "leader", "chief", "director", "diplomat", "judge", "prosecutor", "commissioner",
         "executive", "chairman", "chairwoman", "ceo", "general", "king", "queen"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> _stopWords = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "is", "are", "was",
         "were", "be", "been", "its", "it", "his", "her", "their", "this", "that", "these", "those", "over", "after", "before",
         "into", "out", "up", "down", "off", "than", "then", "who", "what", "when", "why", "how", "not", "no", "new", "says",
         "said", "say", "will", "would", "may", "can", "could", "has", "have", "had", "amid", "about", "against", "under", "more",
         "most", "first", "second", "two", "one", "s"],
        StringComparer.Ordinal);

    /// <summary>Scores every member article of <paramref name="input"/>, in report order.</summary>
    /// <param name="facts">The story's facts (may be empty): omitted well-supported facts count against an article.</param>
    /// <param name="quotes">The story's quotes across outlets (may be empty; voices are read from each article's quotes layer).</param>
    public static ImmutableArray<FramingReport> Score(StoryInput input, ImmutableArray<FactReport> facts, ImmutableArray<QuoteReport> quotes)
    {
        ArgumentNullException.ThrowIfNull(input);
        var weights = SlantWeights.Default;
        var lexicon = LoadedLexicon.Default;
        var voices = input.Articles.Select(a => VoicesOf(a, input)).ToImmutableArray();
        var storyVoices = voices.SelectMany(v => v).Where(v => v.Kind != "anonymous" && !v.Key.StartsWith("unresolved:", StringComparison.Ordinal))
            .GroupBy(v => v.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Name).OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var wellSupported = WellSupported(input, facts.IsDefault ? [] : facts);
        var reports = ImmutableArray.CreateBuilder<FramingReport>(input.Articles.Length);
        for (var i = 0; i < input.Articles.Length; i++)
        {
            reports.Add(ScoreArticle(input.Articles[i], voices[i], storyVoices, wellSupported, weights, lexicon));
        }

        return reports.MoveToImmutable();
    }

    private sealed record Voice(string Key, string Name, string Kind, TextSpan Content);

    private static FramingReport ScoreArticle(StoryArticle member, ImmutableArray<Voice> voices, Dictionary<string, string> storyVoices, ImmutableArray<FactReport> wellSupported, SlantWeights weights, LoadedLexicon lexicon)
    {
        var doc = member.Doc;
        var text = doc.Text;
        var headlineSentence = doc.Sentences.Length > 0 && doc.Sentences[0].Kind == SentenceKind.Headline ? doc.Sentences[0] : null;
        var body = doc.Sentences.Where(s => !ReferenceEquals(s, headlineSentence)).ToList();
        var excluded = AttributedQuotes(doc);
        var words = body.Sum(s => Article.CountWords(text[s.Span.Start..s.Span.End]));
        var per100 = 100.0 / Math.Max(words, 1);

        var hits = body.SelectMany(s => SlantMarkers.Find(text, s.Span, excluded, lexicon)).ToList();
        var loadedLabels = LoadedLabels(doc, excluded, lexicon);
        var terms = ImmutableArray.CreateBuilder<FramingTerm>();
        var termEvidence = new List<EvidenceSpan>();
        var markerEvidence = new List<EvidenceSpan>();
        var markerWeight = 0.0;
        foreach (var h in hits)
        {
            var inLabel = h.Component == SlantMarkers.LoadedTerms && loadedLabels.Any(l => l.Contains(h.Span));
            var component = inLabel ? LabelsComponent : h.Component;
            terms.Add(new FramingTerm(h.Term, h.Category, component, member.Evidence(h.Span)));
            if (component == SlantMarkers.LoadedTerms)
            {
                termEvidence.Add(member.Evidence(h.Span));
            }
            else if (component == SlantMarkers.OpinionMarkers)
            {
                markerEvidence.Add(member.Evidence(h.Span));

                // Weak markers (emphasis, sweeping: weight 0.5) count as half a marker; the others as one.
                markerWeight += Math.Min(1.0, weights.Category(h.Category));
            }
        }

        termEvidence = MergeAdjacent(member, termEvidence);
        var components = ImmutableArray.CreateBuilder<FramingComponent>(8);
        components.Add(Component(LoadedTermsComponent, termEvidence.Count * per100, weights, [.. termEvidence], termEvidence.Count, "per-100-words",
            $"{termEvidence.Count} loaded terms or phrases in {words} words of the outlet's own text"));
        components.Add(Component(LabelsComponent, loadedLabels.Count * per100, weights, [.. loadedLabels.Select(member.Evidence)], loadedLabels.Count, "per-100-words",
            $"{loadedLabels.Count} loaded labels for people or groups in {words} words"));
        components.Add(Component(OpinionMarkersComponent, markerWeight * per100, weights, [.. markerEvidence], markerEvidence.Count, "per-100-words",
            $"{markerEvidence.Count} opinion markers (intensifiers, stance words, hedges, questions, exclamations, scare quotes) in {words} words"));

        var anonymousCues = AnonymousCues(text, body, excluded);
        var anonymousQuotes = voices.Where(v => v.Kind == "anonymous").ToList();
        var anonymous = anonymousCues.Count + anonymousQuotes.Count;
        var named = voices.Count(v => v.Kind != "anonymous");
        var anonymousEvidence = anonymousCues.Concat(anonymousQuotes.Select(v => v.Content)).Distinct().OrderBy(s => s.Start).Select(member.Evidence).ToImmutableArray();
        components.Add(Component(AnonymousSourcesComponent, anonymous == 0 ? 0 : (double)anonymous / (anonymous + named), weights, anonymousEvidence, anonymous, "share",
            $"{anonymous} anonymous-source attributions against {named} quotes from named speakers"));

        var ownKeys = voices.Where(v => storyVoices.ContainsKey(v.Key)).Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var missing = storyVoices.Where(kv => !ownKeys.Contains(kv.Key)).Select(kv => kv.Value).Order(StringComparer.Ordinal).ToImmutableArray();
        components.Add(Component(OneSidedVoicesComponent, storyVoices.Count == 0 ? 0 : (double)missing.Length / storyVoices.Count, weights,
            [.. voices.Where(v => v.Kind != "anonymous").Select(v => member.Evidence(v.Content))], missing.Length, "share",
            storyVoices.Count == 0 ? "no speaker is quoted anywhere in the story" : $"quotes {ownKeys.Count} of the story's {storyVoices.Count} quoted speakers; missing: {string.Join(", ", missing)}"));

        var omitted = wellSupported.Where(f => f.Omits.Contains(member.Id, StringComparer.Ordinal)).ToList();
        components.Add(Component(OmittedFactsComponent, wellSupported.IsEmpty ? 0 : (double)omitted.Count / wellSupported.Length, weights,
            [.. omitted.Where(f => f.States.Length > 0).Select(f => f.States[0])], omitted.Count, "share",
            wellSupported.IsEmpty ? "no fact of the story is stated by two independent origins" : $"omits {omitted.Count} of the story's {wellSupported.Length} well-supported facts"));

        var (headline, headlineSpan) = headlineSentence is { } hs ? (text[hs.Span.Start..hs.Span.End].Trim(), (TextSpan?)hs.Span) : (doc.Article.Metadata.Title, null);
        var headlineHits = headlineSpan is { } hsp ? SlantMarkers.Find(text, hsp, excluded, lexicon)
            : headline is null ? [] : SlantMarkers.Find(headline, new TextSpan(0, headline.Length), [], lexicon);
        if (headlineSpan is not null)
        {
            foreach (var h in headlineHits)
            {
                terms.Add(new FramingTerm(h.Term, h.Category, HeadlineLoadedComponent, member.Evidence(h.Span)));
            }
        }

        components.Add(Component(HeadlineLoadedComponent, headlineHits.Length, weights,
            headlineSpan is null ? [] : [.. headlineHits.Select(h => member.Evidence(h.Span))], headlineHits.Length, "count",
            headline is null ? "no headline" : $"{headlineHits.Length} loaded terms or markers in the headline" + (headlineHits.IsEmpty ? "" : ": " + string.Join(", ", headlineHits.Select(h => h.Term)))));

        var (unsupported, contentWords) = Unsupported(headline, text, body);
        components.Add(Component(HeadlineUnsupportedComponent, contentWords == 0 ? 0 : (double)unsupported.Count / contentWords, weights,
            headlineSpan is { } span && unsupported.Count > 0 ? [member.Evidence(span)] : [], unsupported.Count, "share",
            headline is null ? "no headline" : $"{unsupported.Count} of {contentWords} headline content words are not in the body" + (unsupported.Count == 0 ? "" : ": " + string.Join(", ", unsupported))));

        var built = components.MoveToImmutable();
        return new FramingReport(member.Id, Math.Round(built.Sum(c => c.Contribution), 4), built)
        {
            Outlet = member.Outlet,
            Words = words,
            Headline = headline,
            Terms = [.. terms.OrderBy(t => t.Evidence.Start).ThenBy(t => t.Evidence.End)],
            Voices = [.. voices.GroupBy(v => v.Key, StringComparer.Ordinal)
                .Select(g => new FramingVoice(g.First().Name, g.First().Kind, g.Count(), [.. g.Select(v => member.Evidence(v.Content))]))],
            MissingVoices = missing,
            OmittedFacts = [.. omitted.Select(f => f.Id)],
        };
    }

    private static FramingComponent Component(string name, double value, SlantWeights weights, ImmutableArray<EvidenceSpan> evidence, int count, string unit, string description)
    {
        var v = Math.Round(value, 4);
        var w = weights.Component(name);
        return new FramingComponent(name, v, w, evidence)
        {
            Contribution = Math.Round(v * w, 4),
            Count = count,
            Unit = unit,
            Description = description,
        };
    }

    /// <summary>Content spans of quotes with a speaker or a cue: the speaker's words, not the outlet's.</summary>
    private static List<TextSpan> AttributedQuotes(Doc doc) =>
        [.. doc.Quotes.Where(q => !q.InEmbed && q.Kind != QuoteKind.Indirect && (q.Speaker is not null || q.Cue is not null)).Select(q => q.Content)];

    /// <summary>Labels (titles, epithets, appositions) that hold a word judging people; overlapping labels keep the longest.</summary>
    private static List<TextSpan> LoadedLabels(Doc doc, List<TextSpan> excluded, LoadedLexicon lexicon)
    {
        var loaded = new List<TextSpan>();
        foreach (var label in doc.Labels.OrderByDescending(l => l.Span.Length).ThenBy(l => l.Span.Start))
        {
            if (excluded.Any(e => e.Overlaps(label.Span)) || loaded.Any(l => l.Overlaps(label.Span)))
            {
                continue;
            }

            if (lexicon.Find(doc.Text, label.Span.Start, label.Span.End).Any(h => LoadedLexicon.PeopleCategories.Contains(h.Category)))
            {
                loaded.Add(label.Span);
            }
        }

        loaded.Sort((a, b) => a.Start.CompareTo(b.Start));
        return loaded;
    }

    [GeneratedRegex(@"\b(?:(?:anonymous|unnamed|unidentified)\s+(?:sources?|officials?|persons?|people|insiders?)|(?:a|one|two|three|several|multiple)\s+(?:sources?|insiders?)|sources\s+(?:told|said|say|familiar|close)|according\s+to\s+(?:sources|insiders|people|a\s+person|a\s+source)|(?:people|persons?|sources?)\s+(?:familiar|close)\s+(?:with|to)|(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity|(?:asked|spoke)\s+not\s+to\s+be\s+(?:named|identified)|who\s+(?:asked|declined)\s+(?:not\s+)?to\s+be\s+(?:named|identified)|(?:officials|insiders)\s+(?:said|say|told))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnonymousCue();

    private static List<TextSpan> AnonymousCues(string text, List<Sentence> body, List<TextSpan> excluded)
    {
        var spans = new List<TextSpan>();
        foreach (var s in body)
        {
            foreach (Match m in AnonymousCue().Matches(text[s.Span.Start..s.Span.End]))
            {
                var span = new TextSpan(s.Span.Start + m.Index, s.Span.Start + m.Index + m.Length);
                if (!excluded.Any(e => e.Overlaps(span)))
                {
                    spans.Add(span);
                }
            }
        }

        return spans;
    }

    /// <summary>The article's quotes with a speaker: key (story entity id, else the lower-cased speaker), display name and kind.</summary>
    private static ImmutableArray<Voice> VoicesOf(StoryArticle member, StoryInput input)
    {
        var doc = member.Doc;
        var list = ImmutableArray.CreateBuilder<Voice>();
        foreach (var q in doc.Quotes.OrderBy(q => q.Content.Start))
        {
            if (q.InEmbed || q.Speaker is not { } sp)
            {
                continue;
            }

            var said = doc.Text[sp.Start..sp.End].Trim();
            if (AnonymousCue().IsMatch(said) || IsAnonymousPhrase(said))
            {
                list.Add(new Voice("anonymous:" + said.ToLowerInvariant(), said, "anonymous", q.Content));
                continue;
            }

            var entity = SpeakerEntity(doc, q, sp, input);
            var official = IsOfficial(doc, said, entity?.Id);
            // People are keyed by surname so that "Transport Minister Oskar Tamm" and "Tamm" are one voice across the story.
            var key = entity is { Type: EntityType.Person } ? "person:" + Surname(entity.Name)
                : entity is not null ? entity.Id
                : IsProperName(said) ? "person:" + Surname(said)
                : TitleHolder(doc, sp) is { } holder ? "person:" + Surname(holder)
                : null;
            if (key is null && !official)
            {
                // An unresolved speaker that is neither named nor an office is usually a mis-parse ("the numbers", "who").
                continue;
            }

            var name = entity?.Name ?? (IsProperName(said) ? said : TitleHolder(doc, sp) ?? said);
            list.Add(new Voice(key ?? "unresolved:" + said.ToLowerInvariant(), name, official ? "official" : "named", q.Content));
        }

        return list.ToImmutable();
    }

    /// <summary>The story entity a quote's speaker is: a person named inside the speaker phrase first ("Corvane spokesperson Petra Lund"), else the resolved speaker, else any named entity in the phrase.</summary>
    private static Entity? SpeakerEntity(Doc doc, Quote quote, TextSpan speaker, StoryInput input)
    {
        var inside = doc.Mentions.Where(m => m.EntityId is not null && speaker.Contains(m.Span)).ToList();
        var id = inside.LastOrDefault(m => m.Type == EntityType.Person)?.EntityId
            ?? quote.SpeakerEntityId
            ?? inside.LastOrDefault()?.EntityId;
        return id is null ? null : input.Entities.FirstOrDefault(e => e.Id == id);
    }

    /// <summary>
    /// For a speaker phrase "the minister" / "the union leader": the name of the one person this article gives a label
    /// holding that head word ("Transport Minister Oskar Tamm" gives "Oskar Tamm"), or null when none or several do.
    /// </summary>
    private static string? TitleHolder(Doc doc, TextSpan speaker)
    {
        var words = LoadedLexicon.Words(doc.Text, speaker.Start, speaker.End);
        if (words.Count is < 2 or > 4 || words[0].Key != "the")
        {
            return null;
        }

        var head = words[^1].Key;
        if (!_personTitles.Contains(head))
        {
            return null;
        }

        var holders = doc.Labels.Where(l => LoadedLexicon.Words(l.Text, 0, l.Text.Length).Any(w => w.Key == head))
            .Select(l => doc.Text[l.MentionSpan.Start..l.MentionSpan.End]).Distinct(StringComparer.Ordinal).ToList();
        return holders.Count == 1 ? holders[0] : null;
    }

    /// <summary>Loaded-term evidence with neighbours separated only by spaces joined ("radical" + "agitator" = "radical agitator").</summary>
    private static List<EvidenceSpan> MergeAdjacent(StoryArticle member, List<EvidenceSpan> spans)
    {
        var merged = new List<EvidenceSpan>();
        foreach (var e in spans.OrderBy(e => e.Start))
        {
            if (merged.Count > 0 && merged[^1].End <= e.Start && member.Text.AsSpan(merged[^1].End, e.Start - merged[^1].End).Trim(' ').IsEmpty)
            {
                merged[^1] = member.Evidence(new TextSpan(merged[^1].Start, e.End));
            }
            else
            {
                merged.Add(e);
            }
        }

        return merged;
    }

    private static readonly FrozenSet<string> _notNames = FrozenSet.ToFrozenSet(
        ["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "who", "which", "he", "she", "they", "it", "we", "i", "you", "some", "many", "one"],
        StringComparer.Ordinal);

    private static bool IsProperName(string speaker)
    {
        var words = LoadedLexicon.Words(speaker, 0, speaker.Length);
        return words.Count is > 0 and <= 4 && words.All(w => char.IsUpper(speaker[w.Start])) && !_notNames.Contains(words[0].Key);
    }

    private static string Surname(string name)
    {
        var words = LoadedLexicon.Words(name, 0, name.Length);
        var last = words.Count == 0 ? name.ToLowerInvariant() : words[^1].Key;
        return last.EndsWith("'s", StringComparison.Ordinal) ? last[..^2] : last;
    }

    private static bool IsAnonymousPhrase(string speaker)
    {
        var words = LoadedLexicon.Words(speaker, 0, speaker.Length).Select(w => w.Key).ToList();
        return words.Count is > 0 and <= 4 && words[^1] is "source" or "sources" or "insider" or "insiders" or "officials" or "aides"
            && !speaker.Skip(1).Any(char.IsUpper);
    }

    private static bool IsOfficial(Doc doc, string speaker, string? entityId)
    {
        if (LoadedLexicon.Words(speaker, 0, speaker.Length).Any(w => _officialWords.Contains(w.Key)))
        {
            return true;
        }

        return entityId is not null && doc.Labels.Any(l => l.EntityId == entityId && l.Kind == LabelKind.Title
            && LoadedLexicon.Words(l.Text, 0, l.Text.Length).Any(w => _officialWords.Contains(w.Key)));
    }

    /// <summary>Facts stated by at least two independent origins (reprints of one origin count once).</summary>
    private static ImmutableArray<FactReport> WellSupported(StoryInput input, ImmutableArray<FactReport> facts)
    {
        var originOf = input.Articles.ToDictionary(a => a.Id, a => a.OriginKey, StringComparer.Ordinal);
        return [.. facts.Where(f => f.States.Select(s => originOf.GetValueOrDefault(s.ArticleId, s.ArticleId)).Distinct(StringComparer.Ordinal).Count() >= 2)];
    }

    /// <summary>Headline content words (not stop words) whose stem does not occur in the body, and the number of content words.</summary>
    private static (List<string> Unsupported, int ContentWords) Unsupported(string? headline, string text, List<Sentence> body)
    {
        if (string.IsNullOrWhiteSpace(headline))
        {
            return ([], 0);
        }

        var bodyStems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in body)
        {
            foreach (var w in LoadedLexicon.Words(text, s.Span.Start, s.Span.End))
            {
                foreach (var part in w.Key.Split('-'))
                {
                    bodyStems.Add(Stem(part));
                }
            }
        }

        var unsupported = new List<string>();
        var content = 0;
        foreach (var w in LoadedLexicon.Words(headline, 0, headline.Length))
        {
            var parts = w.Key.Split('-').Where(p => p.Length > 1 && !_stopWords.Contains(p)).ToList();
            if (parts.Count == 0)
            {
                continue;
            }

            content++;
            if (!parts.All(p => bodyStems.Contains(Stem(p))))
            {
                unsupported.Add(headline[w.Start..w.End]);
            }
        }

        return (unsupported, content);
    }

    /// <summary>A crude English stem: possessive and common inflection suffixes removed.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.TrimEnd('\'');
        foreach (var suffix in (string[])["ing", "ed", "es", "s"])
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                return w[..^suffix.Length];
            }
        }

        return w;
    }
}
