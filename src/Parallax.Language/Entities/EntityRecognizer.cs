using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Finds PERSON, ORGANIZATION and LOCATION names (averaged-perceptron tagger over hand-written gazetteers and the open
/// NER sets, see docs/models.md), plus Group mentions (nationalities, parties: "Venezuelan", "Democrats"), and resolves
/// them within the document into entities with all their surface forms (<see cref="EntityResolver"/>).
/// Mention spans hold the name only: titles ("President", "Gen.") and a leading "the" are kept out.
/// The shipped model loads once (<see cref="Default"/>); the stage is immutable, deterministic and thread-safe.
/// </summary>
public sealed class EntityRecognizer : IStage<Doc>
{
    public static readonly StageInfo StageInfo = new("EntityRecognizer", "1.9", [Layers.Tokens, Layers.Sentences], [Layers.Entities]);

    internal const string ModelResource = "ner.ner-model.bin.gz";

    private static readonly Lazy<EntityRecognizer> _default = new(
        () =>
        {
            using var stream = ResourceText.Open(ModelResource);
            return new EntityRecognizer(new NerTagger(NerModel.Load(stream), Gazetteer.Default));
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly NerTagger _tagger;

    public EntityRecognizer(NerTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        _tagger = tagger;
    }

    /// <summary>The recognizer with the shipped model and gazetteers (loaded on first use, then shared).</summary>
    public static EntityRecognizer Default => _default.Value;

    public StageInfo Info => StageInfo;

    public NerTagger Tagger => _tagger;

    public Doc Process(Doc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var mentions = Recognize(doc.Text, doc.Tokens, doc.Sentences);
        var (resolved, entities) = EntityResolver.ResolveMentions(mentions, "E");
        return (doc with { Mentions = resolved, Entities = entities }).WithLayers(Info);
    }

    /// <summary>Tokenizes, splits and recognizes <paramref name="text"/>; returns mentions without entity ids, in text order.</summary>
    public ImmutableArray<Mention> Recognize(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return Recognize(text, tokens, SentenceSplitter.Split(text, tokens));
    }

    /// <summary>Mentions (without entity ids) in text order; spans index into <paramref name="text"/>.</summary>
    public ImmutableArray<Mention> Recognize(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = TokenRanges(tokens, sentences);
        var words = new IReadOnlyList<string>[ranges.Count];
        for (var s = 0; s < words.Length; s++)
        {
            var (first, count) = ranges[s];
            var ws = new string[count];
            for (var k = 0; k < count; k++)
            {
                ws[k] = tokens[first + k].Span.Of(text);
            }

            words[s] = ws;
        }

        var tags = TagWords(words);
        var result = ImmutableArray.CreateBuilder<Mention>();
        for (var s = 0; s < ranges.Count; s++)
        {
            var (first, count) = ranges[s];
            var t = tags[s];
            var i = 0;
            while (i < count)
            {
                if (t[i] == 0)
                {
                    i++;
                    continue;
                }

                var end = i + 1;
                while (end < count && t[end] == t[i] + 1)
                {
                    end++;
                }

                var type = NerTags.TypeOf(t[i]) switch { 1 => EntityType.Person, 2 => EntityType.Organization, _ => EntityType.Location };
                var span = new TextSpan(tokens[first + i].Span.Start, tokens[first + end - 1].Span.End);
                // a name in news text has a capitalised word (or a digit: "7-Eleven"); "harbour" tagged LOC is noise
                if (AnyCapitalOrDigit(text, tokens, first + i, first + end))
                {
                    result.Add(new Mention(span, type, span.Of(text)));
                }

                i = end;
            }

            // Group mentions: capitalised nationality / party words outside names
            var ws = words[s];
            for (var k = 0; k < ws.Count; k++)
            {
                if (t[k] == 0 && ws[k].Length > 1 && char.IsUpper(ws[k][0]) && (Gazetteer.Default.Categories(ws[k]) & GazetteerCategory.Demonym) != 0)
                {
                    var span = tokens[first + k].Span;
                    result.Add(new Mention(span, EntityType.Group, span.Of(text)));
                }
            }
        }

        AddMissedSurnames(text, tokens, result);
        result.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return result.ToImmutable();
    }

    /// <summary>True when a token in [<paramref name="from"/>, <paramref name="to"/>) starts with an upper-case letter or a digit.</summary>
    private static bool AnyCapitalOrDigit(string text, ImmutableArray<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            var c = text[tokens[k].Span.Start];
            if (char.IsUpper(c) || char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Document-level consistency: a capitalised word that is the surname (last word, three letters or more) of exactly one
    /// multi-word person name of the document, standing alone (no capitalised neighbour) and outside every mention, is a
    /// person mention too ("Pompeo" after "Mike Pompeo"), the tagger's misses on bare surnames being common.
    /// </summary>
    private static void AddMissedSurnames(string text, ImmutableArray<Token> tokens, ImmutableArray<Mention>.Builder mentions)
    {
        var surnames = mentions.Where(m => m.Type == EntityType.Person)
            .Select(m => m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2 && w[^1].Length >= 3 && char.IsUpper(w[^1][0]))
            .GroupBy(w => w[^1], StringComparer.Ordinal)
            .Where(g => g.Select(w => string.Join(' ', w)).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        if (surnames.Count == 0)
        {
            return;
        }

        var covered = mentions.Select(m => m.Span).ToList();
        // Looked up by the token's characters: no string per token of the document.
        var bySpan = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
        bool Capitalised(int k) => k >= 0 && k < tokens.Length && tokens[k].Kind == TokenKind.Word && char.IsUpper(text[tokens[k].Span.Start]);
        for (var i = 0; i < tokens.Length; i++)
        {
            var span = tokens[i].Span;
            if (tokens[i].Kind != TokenKind.Word || !bySpan.Contains(text.AsSpan(span.Start, span.Length)) || AnyOverlaps(covered, span))
            {
                continue;
            }

            var previous = i > 0 ? tokens[i - 1].Span.Of(text) : "";
            var titleBefore = Gazetteer.Default.Categories(previous) is var cats && (cats & GazetteerCategory.Title) != 0;
            if ((Capitalised(i - 1) && !titleBefore) || (Capitalised(i + 1) && tokens[i + 1].Span.Start == span.End + 1))
            {
                continue;
            }

            mentions.Add(new Mention(span, EntityType.Person, span.Of(text)));
        }
    }

    /// <summary>
    /// IOB2 tag indexes (<see cref="NerTags"/>) for the sentences of one document: the tagger's output with titles and a
    /// leading article moved out of person/organisation names. This is what <c>parallax eval entities</c> scores.
    /// </summary>
    public int[][] TagWords(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var tags = _tagger.Tag(sentences, out var views);
        for (var s = 0; s < sentences.Count; s++)
        {
            TrimTitles(sentences[s], tags[s]);
            BackOffToGazetteer(views[s], tags[s]);
            NamesAfterTitles(sentences[s], tags[s]);
            OrganisationsBySuffix(sentences[s], tags[s]);
            DemonymsAreNotNames(sentences[s], tags[s]);
            MonthsAreNotNames(sentences[s], tags[s]);
            NameRules.EventsAreNotNames(sentences[s], tags[s]);
            NameRules.InitialsJoinPersons(sentences[s], tags[s]);
            NameRules.ScorecardPlayers(sentences[s], tags[s]);
        }

        NameRules.Acronyms(views, tags);
        for (var s = 0; s < sentences.Count; s++)
        {
            WebNames.DefinedAcronyms(views[s], tags[s]);
            WebNames.TownAndState(views[s], tags[s]);
            WebNames.PossessiveBusinesses(views[s], tags[s]);
        }

        var teams = DocumentNames.ResultLines(sentences, tags);
        NameRules.SportsTeams(views, tags, teams);
        DocumentNames.Harmonize(views, tags, teams, _tagger.Model.CaseProfile);
        NameRules.UnknownNameRuns(views, tags, _tagger.Model.CaseProfile);
        NameRules.AppositiveSubjects(views, tags, _tagger.Model.CaseProfile);
        for (var s = 0; s < sentences.Count; s++)
        {
            MonthsAreNotNames(sentences[s], tags[s]);
            NameRules.NamesStopAtOrdinaryWords(sentences[s], tags[s]);
            NameRules.CommonWordsAreNotNames(views[s], tags[s]);
            NameRules.Datelines(sentences[s], tags[s]);
            PossessivesEndNames(sentences[s], tags[s]);
            WebNames.LowerCaseListedNames(views[s], tags[s], _tagger.Model.CaseProfile);
            WebNames.ListedTowns(views[s], tags[s], _tagger.Model.CaseProfile);
            WebNames.CorporateSuffixes(views[s], tags[s]);
            WebNames.ListedOrganisations(views[s], tags[s], _tagger.Model.CaseProfile);
            WebNames.HyphenatedListedNames(views[s], tags[s]);
            WebNames.ApostropheLessShops(views[s], tags[s]);
            WebNames.ArmedForces(views[s], tags[s]);
            WebNames.ChatAndStageWords(views[s], tags[s]);
            WebNames.PlaceShortForms(views[s], tags[s]);
            WebNames.BusinessWordNames(views[s], tags[s]);
            WebNames.UnknownPlaces(views[s], tags[s]);
            WebNames.MailDisplayNames(views[s], tags[s]);
        }

        WebNames.PlacedNames(views, tags);
        WebNames.SalutationNames(views, tags);
        WebNames.CommonWordPersons(views, tags);
        WebNames.StormsAreNotPersons(views, tags);
        NameRules.LonePersonsAgainstTheDocument(views, tags);
        WebNames.SignOffInitials(views, tags);
        WebNames.Round8(views, tags);
        WebNames.Round9(views, tags);
        return tags;
    }

    /// <summary>
    /// A name never runs on through a possessive into lower-case words: "Brazil's president" tagged as one LOC becomes
    /// "Brazil" (LOC) + "'s president" (O). Names that contain a possessive ("McDonald's") keep it, since what follows is
    /// capitalised or nothing.
    /// </summary>
    private static void PossessivesEndNames(IReadOnlyList<string> words, int[] tags)
    {
        for (var i = 1; i < tags.Length - 1; i++)
        {
            if (tags[i] == 0 || NerTags.IsBegin(tags[i]) || words[i] is not ("'s" or "\u2019s" or "'" or "\u2019"))
            {
                continue;
            }

            if (tags[i + 1] != tags[i] || words[i + 1].Length == 0 || !char.IsLower(words[i + 1][0]))
            {
                continue;
            }

            var end = i;
            while (end < tags.Length && tags[end] == tags[i])
            {
                end++;
            }

            for (var k = i; k < end; k++)
            {
                tags[k] = 0;
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// A capitalised exact match of the country, place or organisation lists that the tagger left untagged becomes a
    /// LOC or ORG name (the lists are hand-written and unambiguous enough; a sentence-initial word also used in lower
    /// case is left alone).
    /// </summary>
    private void BackOffToGazetteer(NerFeatures.SentenceView view, int[] tags)
    {
        // the tagger's view already holds the lower-cased words and the gazetteer matches of this sentence
        var words = view.Words;
        var n = words.Length;
        var lower = view.Lower;
        var begin = view.GazBegin;
        var inside = view.GazInside;
        const GazetteerCategory wanted = GazetteerCategory.Country | GazetteerCategory.Place | GazetteerCategory.Organization | GazetteerCategory.Club;
        for (var i = 0; i < n; i++)
        {
            var cats = begin[i] & wanted;
            if (cats == 0 || tags[i] != 0 || words[i].Length == 0 || !char.IsUpper(words[i][0]))
            {
                continue;
            }

            var end = i + 1;
            while (end < n && (inside[end] & cats) != 0 && begin[end] == 0)
            {
                end++;
            }

            if (Enumerable.Range(i, end - i).Any(k => tags[k] != 0) || (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end]))
                || (i == 0 && _tagger.Model.CaseProfile.ContainsKey(lower[i])))
            {
                continue;
            }

            var type = (cats & (GazetteerCategory.Organization | GazetteerCategory.Club)) != 0 && (cats & (GazetteerCategory.Country | GazetteerCategory.Place)) == 0
                ? NerTags.Index("B-ORG")
                : NerTags.Index("B-LOC");
            for (var k = i; k < end; k++)
            {
                tags[k] = k == i ? type : type + 1;
            }

            i = end - 1;
        }
    }

    /// <summary>Whether a span of <paramref name="covered"/> overlaps <paramref name="span"/> (a plain loop: no closure per token).</summary>
    private static bool AnyOverlaps(List<TextSpan> covered, TextSpan span)
    {
        for (var c = 0; c < covered.Count; c++)
        {
            if (covered[c].Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every word of <paramref name="from"/> .. <paramref name="to"/> (exclusive) starts with a capital.</summary>
    private static bool AllCapitalised(IReadOnlyList<string> words, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (words[k].Length == 0 || !char.IsUpper(words[k][0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every tag of <paramref name="from"/> .. <paramref name="to"/> (exclusive) is <paramref name="tag"/>.</summary>
    private static bool AllTagged(int[] tags, int from, int to, int tag)
    {
        for (var k = from; k < to; k++)
        {
            if (tags[k] != tag)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many tags of <paramref name="from"/> .. <paramref name="to"/> (exclusive) are not O.</summary>
    private static int CountTagged(int[] tags, int from, int to)
    {
        var count = 0;
        for (var k = from; k < to; k++)
        {
            if (tags[k] != 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first index of <paramref name="from"/> .. <paramref name="to"/> (exclusive) whose tag is not O, or -1.</summary>
    private static int FirstTagged(int[] tags, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tags[k] != 0)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Whether every tag that is not O in <paramref name="from"/> .. <paramref name="to"/> (exclusive) is <paramref name="inside"/> (continues one name).</summary>
    private static bool TaggedContinue(int[] tags, int from, int to, int inside)
    {
        for (var k = from; k < to; k++)
        {
            if (tags[k] != 0 && (tags[k] != inside || NerTags.IsBegin(tags[k])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One to three capitalised name-like words right after a capitalised title head ("Transport Minister Oskar Tamm",
    /// "President Trump") are a person name, when the tagger left them untagged or tagged them as exactly one name of
    /// another type. Not in headline-cased sentences, not when a longer capitalised run follows (an organisation or a
    /// headline), and not for words of the country, place, demonym, organisation-word or title lists.
    /// </summary>
    private static void NamesAfterTitles(IReadOnlyList<string> words, int[] tags)
    {
        var n = words.Count;
        if (NameRules.HeadlineCased(words))
        {
            return; // a headline: every longer word capitalised
        }

        var per = NerTags.Index("B-PER");
        for (var i = 0; i + 1 < n; i++)
        {
            var w = words[i];
            if (w.Length < 2 || !char.IsUpper(w[0]) || !Labels.LabelLexicon.TitleHeads.Contains(Labels.LabelLexicon.Fold(w)) || !IsNameWord(words[i + 1]))
            {
                continue;
            }

            var end = i + 1;
            while (end < n && end - i <= 3 && IsNameWord(words[end]))
            {
                end++;
            }

            if (end - i > 3 || (end < n && words[end].Length > 0 && char.IsUpper(words[end][0])))
            {
                continue;
            }

            // "Fisheries Minister Ragna Tolvik" tagged as one name of any type: the title words leave it
            var start = i;
            while (start > 0 && tags[start] != 0 && !NerTags.IsBegin(tags[start]))
            {
                start--;
            }

            if (tags[i] != 0 && NerTags.IsBegin(tags[start]) && AllCapitalised(words, start, i + 1)
                && AllTagged(tags, i + 1, end, tags[start] + 1) && (end >= n || tags[end] != tags[start] + 1))
            {
                for (var k = start; k <= i; k++)
                {
                    tags[k] = 0;
                }

                tags[i + 1] = NerTags.IsBegin(tags[i + 1]) ? tags[i + 1] : tags[i + 1] - 1;
            }

            // all of i + 1 .. end - 1 tagged: the ones after the first continue the first's name
            var existing = CountTagged(tags, i + 1, end);
            var oneName = existing == end - i - 1 && NerTags.IsBegin(tags[i + 1]) && AllTagged(tags, i + 2, end, tags[i + 1] + 1)
                && (end >= n || tags[end] == 0 || NerTags.IsBegin(tags[end]));
            if (existing > 0 && !oneName)
            {
                continue;
            }

            for (var k = i + 1; k < end; k++)
            {
                tags[k] = k == i + 1 ? per : per + 1;
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// A run of capitalised words (possessive apostrophes allowed inside) that ends in an organisation word of the
    /// hand-written list ("Velin Dockworkers' Union"; listed words such as Union, Association, Bank, Ministry, Inc.) and that the tagger left untagged, or tagged as one name of another type covering the same
    /// words, is an organisation. Needs at least one capitalised word before the organisation word; not in headline-cased
    /// sentences; sentence-initial runs only when they hold two or more words before the organisation word.
    /// </summary>
    private static void OrganisationsBySuffix(IReadOnlyList<string> words, int[] tags)
    {
        var n = words.Count;
        if (NameRules.HeadlineCased(words))
        {
            return;
        }

        var org = NerTags.Index("B-ORG");
        for (var i = 1; i < n; i++)
        {
            if (words[i].Length < 2 || !char.IsUpper(words[i][0]) || (Gazetteer.Default.Categories(words[i]) & GazetteerCategory.OrgWord) == 0
                || (tags[i] != 0 && NerTags.TypeOf(tags[i]) == 2))
            {
                continue;
            }

            var start = i;
            while (start - 1 >= 0 && (IsCapitalisedWord(words[start - 1]) || (words[start - 1] is "'" or "’" or "'s" or "’s" && start - 2 >= 0 && IsCapitalisedWord(words[start - 2]))))
            {
                start--;
            }

            var sentenceStart = start == 0;
            while (start < i && (Labels.LabelLexicon.NotQualifiers.Contains(Labels.LabelLexicon.Fold(words[start])) || words[start] is "'" or "’" or "'s" or "’s"))
            {
                start++; // "The Velin Dockworkers' Union" keeps "The" out
            }

            if (start == i || (sentenceStart && start == 0 && i - start < 2) || IsListedPlace(words, start, i + 1))
            {
                continue; // "West Bank" is a place, not a bank
            }

            // only untagged words, or one name exactly inside the run
            var tagged = FirstTagged(tags, start, i + 1);
            if (tagged >= 0 && (!NerTags.IsBegin(tags[tagged]) || (start > 0 && tags[start] != 0 && !NerTags.IsBegin(tags[start]))
                || !TaggedContinue(tags, tagged + 1, i + 1, tags[tagged] + 1)))
            {
                continue;
            }

            if (i + 1 < n && tags[i + 1] != 0 && !NerTags.IsBegin(tags[i + 1]))
            {
                continue;
            }

            for (var k = start; k <= i; k++)
            {
                tags[k] = k == start ? org : org + 1;
            }
        }
    }

    /// <summary>
    /// A one-word name that is a nationality or group word of the demonym list ("Belarusian" before "President") is not a
    /// PER/ORG/LOC name (it becomes a Group mention; CoNLL would call it MISC), unless the word is also a country, place or
    /// organisation.
    /// </summary>
    private static void DemonymsAreNotNames(IReadOnlyList<string> words, int[] tags)
    {
        const GazetteerCategory names = GazetteerCategory.Country | GazetteerCategory.Place | GazetteerCategory.Organization;
        for (var i = 0; i < tags.Length; i++)
        {
            if (NerTags.IsBegin(tags[i]) && (i + 1 >= tags.Length || tags[i + 1] != tags[i] + 1)
                && Gazetteer.Default.Categories(words[i]) is var cats && (cats & GazetteerCategory.Demonym) != 0 && (cats & names) == 0)
            {
                tags[i] = 0;
            }
        }
    }

    /// <summary>True when words [from, to) are exactly one entry of the country or place lists.</summary>
    private static bool IsListedPlace(IReadOnlyList<string> words, int from, int to)
    {
        var (begin, inside) = Gazetteer.Default.MatchRun(words, from, to);
        const GazetteerCategory places = GazetteerCategory.Country | GazetteerCategory.Place;
        return (begin[0] & places) != 0 && Enumerable.Range(1, begin.Length - 1).All(k => (inside[k] & places) != 0 && (begin[k] & places) == 0);
    }

    /// <summary>
    /// A one-word person name that is a month ("June") next to a number ("June 12", "12 June") is a date, not a name.
    /// </summary>
    private static void MonthsAreNotNames(IReadOnlyList<string> words, int[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] == 1 && (i + 1 >= tags.Length || tags[i + 1] != 2) && IsMonth(words[i])
                && ((i + 1 < tags.Length && words[i + 1].Length > 0 && char.IsDigit(words[i + 1][0])) || (i > 0 && words[i - 1].Length > 0 && char.IsDigit(words[i - 1][0]))))
            {
                tags[i] = 0;
            }
        }
    }

    private static bool IsMonth(string w) => w.ToLowerInvariant() is "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august" or "september" or "october" or "november" or "december";

    private static bool IsCapitalisedWord(string w) => w.Length > 1 && char.IsUpper(w[0]) && Chars.Any(w, char.IsLower, 1);

    private static bool IsNameWord(string w)
    {
        if (w.Length == 2 && char.IsUpper(w[0]) && w[1] == '.')
        {
            return true; // an initial ("George W. Bush")
        }

        if (w.Length < 2 || !char.IsUpper(w[0]) || !Chars.Any(w, char.IsLower, 1))
        {
            return false;
        }

        var lower = Labels.LabelLexicon.Fold(w);
        const GazetteerCategory notNames = GazetteerCategory.Country | GazetteerCategory.Place | GazetteerCategory.Demonym | GazetteerCategory.OrgWord | GazetteerCategory.Title | GazetteerCategory.Organization;
        return !Labels.LabelLexicon.NotQualifiers.Contains(lower) && !Labels.LabelLexicon.TitleHeads.Contains(lower) && !Labels.LabelLexicon.TitleQualifiers.Contains(lower)
            && !Labels.LabelLexicon.TitleModifiers.Contains(lower) && (Gazetteer.Default.Categories(w) & notNames) == 0;
    }

    /// <summary>"President Nicolás Maduro" tagged as one PER becomes "President" (O) + "Nicolás Maduro" (PER).</summary>
    private static void TrimTitles(IReadOnlyList<string> words, int[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (!NerTags.IsBegin(tags[i]))
            {
                continue;
            }

            var type = tags[i];
            var end = NerTags.RunEnd(tags, i);

            var start = i;
            while (start < end - 1 && IsDroppable(words[start], type))
            {
                tags[start] = 0;
                start++;
            }

            tags[start] = type;
            i = end - 1;
        }
    }

    private static bool IsDroppable(string word, int type)
    {
        if (word is "the" or "The")
        {
            return true;
        }

        return NerTags.TypeOf(type) == 1 && (Gazetteer.Default.Categories(word) & GazetteerCategory.Title) != 0;
    }

    private static List<(int First, int Count)> TokenRanges(ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        var ranges = new List<(int, int)>(sentences.Length);
        var t = 0;
        foreach (var sentence in sentences)
        {
            while (t < tokens.Length && tokens[t].Span.Start < sentence.Span.Start)
            {
                t++;
            }

            var first = t;
            while (t < tokens.Length && tokens[t].Span.End <= sentence.Span.End)
            {
                t++;
            }

            if (t > first)
            {
                ranges.Add((first, t - first));
            }
        }

        return ranges;
    }
}
