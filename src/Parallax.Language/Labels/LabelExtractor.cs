using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Labels;

/// <summary>
/// Finds the words an outlet uses about each entity mention (<see cref="Layers.Labels"/>): titles before a person's name
/// ("former President"), appositions after or before a name ("Lukashenko, a close ally of ..."; "Venezuela's president,
/// Nicolas Maduro"), premodifiers and epithets ("embattled", "dictator Nicolás Maduro", "radical agitator Ilse Varga"),
/// standalone definite epithet phrases linked by a conservative rule ("The embattled leader ..." right after a sentence
/// whose only person entity is X, see <c>Epithets</c>), and predicate nominals ("Belarus, long seen as a Kremlin satellite", "X is a veteran diplomat").
/// Rules over tokens and the hand-written <see cref="LabelLexicon"/>; no model.
/// The mention a label attaches to is a recognised mention, or (a fallback for recognizer misses, this stage only) a bare
/// surname of a person named in full elsewhere in the document (with that entity's id), or one to three capitalised words
/// right after a capitalised title ("Transport Minister Oskar Tamm", no entity id); headline-cased sentences get no such fallback.
/// Invariants: every label span lies inside one sentence, its <see cref="Label.Text"/> equals the characters it points at,
/// it never overlaps its mention's name span, and labels are sorted by (start, end, kind) without duplicates.
/// Pure, deterministic, thread-safe.
/// </summary>
public sealed class LabelExtractor : IStage<Doc>
{
    public static readonly StageInfo StageInfo = new("LabelExtractor", "1.0", [Layers.Tokens, Layers.Sentences, Layers.Entities], [Layers.Labels]);

    private const int MaxTitleWords = 6;
    private const int MaxPhraseWords = 14;

    /// <summary>The shared instance (the stage has no state).</summary>
    public static LabelExtractor Instance { get; } = new();

    public StageInfo Info => StageInfo;

    public Doc Process(Doc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return (doc with { Labels = Extract(doc.Text, doc.Tokens, doc.Sentences, doc.Mentions) }).WithLayers(Info);
    }

    /// <summary>Labels for <paramref name="mentions"/>; spans index into <paramref name="text"/>.</summary>
    public static ImmutableArray<Label> Extract(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, ImmutableArray<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<Label>();
        var shortForms = ShortForms(mentions);
        var properWords = ProperWords(text, tokens, sentences);
        var organisations = OrganisationsByLastWord(mentions);
        var pending = new List<(TextSpan Span, string Head)>();
        var words = new TokenStrings(tokens.Length);
        Mention? antecedent = null;
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
                var inSentence = new List<Mention>();
                foreach (var m in mentions)
                {
                    if (m.Span.Start >= sentence.Span.Start && m.Span.End <= sentence.Span.End)
                    {
                        inSentence.Add(m);
                    }
                }

                antecedent = new SentenceScan(text, tokens, first, t, inSentence, shortForms, properWords, organisations, result, pending, words).Run(antecedent);
            }
        }

        LinkToLabelledPerson(text, mentions, pending, result);

        return [.. result.Distinct().OrderBy(l => l.Span.Start).ThenBy(l => l.Span.End).ThenBy(l => l.Kind).ThenBy(l => l.MentionSpan.Start)];
    }

    /// <summary>Whether a label of <paramref name="output"/> overlaps <paramref name="span"/> (a plain loop: no closure per call).</summary>
    private static bool AnyOverlaps(List<Label> output, TextSpan span)
    {
        for (var i = 0; i < output.Count; i++)
        {
            if (output[i].Span.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a person mention of <paramref name="ranges"/> starts before <paramref name="end"/>.</summary>
    private static bool PersonBefore(List<(Mention M, int A, int B)> ranges, int end)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].M.Type == EntityType.Person && ranges[i].M.Span.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Second chance for judgement epithets with no antecedent in the previous sentence ("Now the firebrand claims ...",
    /// "Venezuela's dictator may finally ..."): when exactly one person of the document is labelled elsewhere in it with an
    /// epithet noun ("radical agitator Ilse Varga", "dictator Nicolás Maduro"), the epithet is that person's. Only heads
    /// that are themselves judgement nouns (<see cref="LabelLexicon.EpithetNouns"/>: dictator, firebrand, agitator, ...)
    /// take this path; neutral heads ("the leader", "the president") stay unlinked.
    /// </summary>
    private static void LinkToLabelledPerson(string text, ImmutableArray<Mention> mentions, List<(TextSpan Span, string Head)> pending, List<Label> output)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var persons = mentions.Where(m => m.Type == EntityType.Person && m.EntityId is not null).Select(m => m.EntityId!).ToHashSet(StringComparer.Ordinal);
        var loaded = output.Where(l => l.EntityId is not null && persons.Contains(l.EntityId) && l.Kind is LabelKind.Premodifier or LabelKind.Apposition or LabelKind.PredicateNominal or LabelKind.Title
                && l.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => LabelLexicon.EpithetNouns.Contains(LabelLexicon.Fold(w))))
            .ToList();
        var ids = loaded.Select(l => l.EntityId!).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count != 1)
        {
            return;
        }

        var mention = mentions.First(m => m.EntityId == ids[0] && m.Type == EntityType.Person);
        foreach (var (span, _) in pending)
        {
            if (!AnyOverlaps(output, span))
            {
                output.Add(new Label(span, span.Of(text), LabelKind.Epithet, mention.Span, mention.EntityId));
            }
        }
    }

    /// <summary>Organisations by the folded last word of their name ("union" → the first mention of "Velin Dockworkers' Union"), when that word names one entity only.</summary>
    private static Dictionary<string, Mention> OrganisationsByLastWord(ImmutableArray<Mention> mentions)
    {
        var result = new Dictionary<string, Mention>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.Organization || m.EntityId is null)
            {
                continue;
            }

            var last = LabelLexicon.Fold(m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
            if (result.TryGetValue(last, out var seen) && seen.EntityId != m.EntityId)
            {
                ambiguous.Add(last);
            }

            result.TryAdd(last, m);
        }

        foreach (var a in ambiguous)
        {
            result.Remove(a);
        }

        return result;
    }

    /// <summary>Capitalised words that also occur capitalised after the first token of a sentence (proper nouns, not just sentence case).</summary>
    private static HashSet<string> ProperWords(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var s = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            while (s < sentences.Length && sentences[s].Span.End <= tokens[i].Span.Start)
            {
                s++;
            }

            var initial = s < sentences.Length && tokens[i].Span.Start == sentences[s].Span.Start;
            if (!initial && tokens[i].Kind == TokenKind.Word && char.IsUpper(text[tokens[i].Span.Start]) && i > 0 && tokens[i - 1].Kind == TokenKind.Word)
            {
                result.Add(tokens[i].Span.Of(text));
            }
        }

        return result;
    }

    /// <summary>
    /// Last words of multi-word person names ("Lukashenko" of "Alexander Lukashenko") that belong to exactly one entity:
    /// later bare uses the recognizer missed are treated as mentions of that entity by this stage.
    /// </summary>
    private static Dictionary<string, string> ShortForms(ImmutableArray<Mention> mentions)
    {
        var byWord = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.Person || m.EntityId is null)
            {
                continue;
            }

            var words = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || words[^1].Length < 3)
            {
                continue;
            }

            if (!byWord.TryGetValue(words[^1], out var ids))
            {
                byWord[words[^1]] = ids = [];
            }

            ids.Add(m.EntityId);
        }

        return byWord.Where(kv => kv.Value.Count == 1).ToDictionary(kv => kv.Key, kv => kv.Value.First(), StringComparer.Ordinal);
    }

    /// <summary>Each token's text and folded form (<see cref="LabelLexicon.Fold"/>), made on first use; index = token index.</summary>
    private sealed class TokenStrings(int count)
    {
        public string?[] Words { get; } = new string?[count];

        public string?[] Folded { get; } = new string?[count];
    }

    /// <summary>The rules over one sentence: tokens [<c>first</c>, <c>end</c>) and the mentions inside it.</summary>
    private sealed class SentenceScan(string text, ImmutableArray<Token> tokens, int first, int end, List<Mention> mentions, Dictionary<string, string> shortForms, HashSet<string> properWords,
        Dictionary<string, Mention> organisations, List<Label> output, List<(TextSpan Span, string Head)> pending, TokenStrings words)
    {
        private readonly HashSet<int> _inName = [];

        /// <summary>Finds the sentence's labels; returns its only person (the next sentence's epithet antecedent) or null.</summary>
        public Mention? Run(Mention? antecedent)
        {
            var ranges = new List<(Mention M, int A, int B)>();
            foreach (var m in mentions)
            {
                var a = IndexStarting(m.Span.Start);
                var b = IndexEnding(m.Span.End);
                if (a < 0 || b < 0)
                {
                    continue;
                }

                ranges.Add((m, a, b + 1));
                if (m.Type != EntityType.Group)
                {
                    for (var i = a; i <= b; i++)
                    {
                        _inName.Add(i);
                    }
                }
            }

            ranges.AddRange(MissedShortForms());
            if (!IsTitleCased())
            {
                ranges.AddRange(UnrecognisedNamesAfterTitles());
            }

            foreach (var (m, a, b) in ranges)
            {
                if (m.Type == EntityType.Group)
                {
                    continue;
                }

                Before(m, a);
                After(m, b);
            }

            Epithets(ranges, antecedent);
            GroupEpithets();
            // a headline's names are too unreliable to stand for the next sentence's epithet
            return IsTitleCased() ? null : OnlyPerson(ranges);
        }

        /// <summary>Bare surnames of a person named in full elsewhere in the document that the recognizer left untagged.</summary>
        private List<(Mention M, int A, int B)> MissedShortForms()
        {
            var found = new List<(Mention, int, int)>();
            for (var i = first; i < end; i++)
            {
                if (!IsCapitalised(i) || InAnyMention(i) || !shortForms.TryGetValue(W(i), out var id)
                    || (i + 1 < end && IsCapitalised(i + 1)) || (i - 1 >= first && IsCapitalised(i - 1) && !LabelLexicon.TitleHeads.Contains(L(i - 1))))
                {
                    continue;
                }

                var span = tokens[i].Span;
                found.Add((new Mention(span, EntityType.Person, span.Of(text), id), i, i + 1));
                _inName.Add(i);
            }

            return found;
        }

        /// <summary>Headlines and lists of headlines ("Opposition Leader Unveils Plan"): most longer words capitalised.</summary>
        private bool IsTitleCased()
        {
            if (_titleCased is { } known)
            {
                return known; // depends on the tokens only
            }

            var count = 0;
            var all = true;
            for (var i = first; i < end; i++)
            {
                if (IsWord(i) && W(i).Length > 3)
                {
                    count++;
                    all = all && IsCapitalised(i);
                }
            }

            _titleCased = count >= 3 && all;
            return _titleCased.Value;
        }

        private bool? _titleCased;

        /// <summary>
        /// Names the recognizer missed right after a capitalised title ("Transport Minister Oskar Tamm"): one to three
        /// capitalised words outside every mention. They become person mentions for this stage only (no entity id).
        /// </summary>
        private List<(Mention M, int A, int B)> UnrecognisedNamesAfterTitles()
        {
            var found = new List<(Mention, int, int)>();
            for (var h = first; h + 1 < end; h++)
            {
                if (!IsCapitalised(h) || !LabelLexicon.TitleHeads.Contains(L(h)) || InAnyMention(h) || !IsNameWord(h + 1))
                {
                    continue;
                }

                var e = h + 1;
                while (e < end && e - h <= 3 && IsNameWord(e))
                {
                    e++;
                }

                if (e - h > 3 || (e < end && IsCapitalised(e)))
                {
                    continue; // a longer capitalised run is a headline or an organisation, not a name
                }

                var span = new TextSpan(tokens[h + 1].Span.Start, tokens[e - 1].Span.End);
                found.Add((new Mention(span, EntityType.Person, span.Of(text)), h + 1, e));
                for (var i = h + 1; i < e; i++)
                {
                    _inName.Add(i);
                }

                h = e - 1;
            }

            return found;
        }

        private bool IsNameWord(int i) => IsCapitalised(i) && W(i).Length > 1 && !InAnyMention(i) && !_inName.Contains(i) && !LabelLexicon.NotQualifiers.Contains(L(i))
            && !LabelLexicon.TitleHeads.Contains(L(i)) && !LabelLexicon.TitleQualifiers.Contains(L(i)) && RestIsLower(W(i));

        private static bool RestIsLower(string word)
        {
            for (var k = 1; k < word.Length; k++)
            {
                if (!char.IsLower(word[k]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool InAnyMention(int i)
        {
            var span = tokens[i].Span;
            foreach (var m in mentions)
            {
                if (span.Overlaps(m.Span))
                {
                    return true;
                }
            }

            return false;
        }

        // Token strings are made once per article and shared by every sentence scan (the rules ask for the same words many times).
        private string W(int i) => words.Words[i] ??= tokens[i].Span.Of(text);

        private string L(int i) => words.Folded[i] ??= LabelLexicon.Fold(W(i));

        private bool IsWord(int i) => tokens[i].Kind == TokenKind.Word;

        private bool IsPossessive(int i) => W(i) is "'s" or "’s" or "ʼs" or "'" or "’";

        private bool IsCapitalised(int i) => IsWord(i) && char.IsUpper(text[tokens[i].Span.Start]);

        private int IndexStarting(int start)
        {
            for (var i = first; i < end; i++)
            {
                if (tokens[i].Span.Start == start)
                {
                    return i;
                }
            }

            return -1;
        }

        private int IndexEnding(int stop)
        {
            for (var i = first; i < end; i++)
            {
                if (tokens[i].Span.End == stop)
                {
                    return i;
                }
            }

            return -1;
        }

        private void Add(int from, int to, LabelKind kind, Mention m)
        {
            if (to <= from)
            {
                return;
            }

            var span = new TextSpan(tokens[from].Span.Start, tokens[to - 1].Span.End);
            if (span.Overlaps(m.Span))
            {
                return;
            }

            output.Add(new Label(span, span.Of(text), kind, m.Span, m.EntityId));
        }

        /// <summary>Title, premodifiers and a fronted apposition ("Venezuela's president, X") before the name at token <paramref name="a"/>.</summary>
        private void Before(Mention m, int a)
        {
            var j = a - 1;
            if (j >= first && W(j) == ",")
            {
                FrontedApposition(m, j);
                return;
            }

            if (m.Type == EntityType.Person && j >= first && IsWord(j) && LabelLexicon.TitleHeads.Contains(L(j)) && !_inName.Contains(j))
            {
                var k = j;
                while (k - 1 >= first && j - k + 1 < MaxTitleWords && IsTitleWord(k - 1))
                {
                    k--;
                }

                while (k - 1 >= first && LabelLexicon.TitleModifiers.Contains(L(k - 1)))
                {
                    k--;
                }

                Add(k, j + 1, LabelKind.Title, m);
                j = k - 1;
            }

            var p = j;
            while (p >= first && j - p < 4 && IsWord(p) && !_inName.Contains(p) && (LabelLexicon.Evaluative.Contains(L(p)) || LabelLexicon.EpithetNouns.Contains(L(p))))
            {
                p--;
            }

            if (m.Type is EntityType.Person or EntityType.Organization)
            {
                Add(p + 1, j + 1, LabelKind.Premodifier, m);
            }
        }

        /// <summary>A word that may stand in a title left of its head: another head, a qualifier, a capitalised word.</summary>
        private bool IsTitleWord(int i)
        {
            if (!IsWord(i) && !(tokens[i].Kind == TokenKind.Number))
            {
                return false;
            }

            var w = L(i);
            if (LabelLexicon.TitleHeads.Contains(w) || LabelLexicon.TitleQualifiers.Contains(w))
            {
                return true;
            }

            // a capitalised first word of the sentence qualifies a title only when it is a recognised name or looks like a
            // nationality ("Valdorian", "Maltese"), or is capitalised inside some sentence of the document ("Corvane"):
            // "Later President X" keeps "Later" out
            return IsCapitalised(i) && (i != first || InAnyMention(i) || LooksLikeDemonym(w) || properWords.Contains(W(i))) && !LabelLexicon.NotQualifiers.Contains(w) && !LabelLexicon.Evaluative.Contains(w)
                && !LabelLexicon.TitleModifiers.Contains(w) && !LabelLexicon.EpithetNouns.Contains(w) && !IsPersonName(i);
        }

        private static bool LooksLikeDemonym(string lower) =>
            lower.Length > 4 && (lower.EndsWith("an", StringComparison.Ordinal) || lower.EndsWith("ese", StringComparison.Ordinal)
                || lower.EndsWith("ish", StringComparison.Ordinal) || lower.EndsWith("ic", StringComparison.Ordinal));

        private bool IsPersonName(int i) => mentions.Any(m => m.Type == EntityType.Person && tokens[i].Span.Overlaps(m.Span));

        /// <summary>"Venezuela's president, Nicolas Maduro": a short noun phrase headed by a title or epithet noun, then a comma.</summary>
        private void FrontedApposition(Mention m, int comma)
        {
            var head = comma - 1;
            if (head < first || !IsWord(head) || _inName.Contains(head))
            {
                return;
            }

            var h = L(head);
            if (!LabelLexicon.TitleHeads.Contains(h) && !LabelLexicon.EpithetNouns.Contains(h))
            {
                return;
            }

            var k = head;
            while (k - 1 >= first && head - k + 1 < MaxTitleWords)
            {
                var i = k - 1;
                var w = L(i);
                var ok = IsPossessive(i) || LabelLexicon.TitleHeads.Contains(w) || LabelLexicon.TitleQualifiers.Contains(w)
                    || LabelLexicon.TitleModifiers.Contains(w) || LabelLexicon.Evaluative.Contains(w)
                    || (IsCapitalised(i) && !LabelLexicon.NotQualifiers.Contains(w) && i + 1 <= head && (IsPossessive(i + 1) || IsTitleWord(i)));
                if (!ok)
                {
                    break;
                }

                k = i;
            }

            if (IsPossessive(k))
            {
                k++;
            }

            // "The country's president, X" keeps the possessor; a bare "the" before a title is dropped
            if (k - 1 >= first && IsWord(k - 1) && LabelLexicon.Determiners.Contains(L(k - 1)) && k < head && IsPossessive(k + 1))
            {
                k--;
            }

            Add(k, head + 1, LabelKind.Apposition, m);
        }

        /// <summary>Apposition or predicate nominal after the name ending at token <paramref name="b"/> (exclusive).</summary>
        private void After(Mention m, int b)
        {
            if (b >= end)
            {
                return;
            }

            if (W(b) == ",")
            {
                var s = b + 1;
                if (s >= end || !IsWord(s))
                {
                    return;
                }

                var stop = ClauseEnd(s);
                var w = L(s);
                if (w == "who")
                {
                    Predicate(m, s + 1, stop);
                    return;
                }

                var c = s;
                while (c < stop && LabelLexicon.CharacterisingAdverbs.Contains(L(c)))
                {
                    c++;
                }

                if (c < stop && LabelLexicon.Characterising.Contains(L(c)))
                {
                    var np = c + 1 < stop && L(c + 1) == "as" ? c + 2 : c + 1;
                    if (np < stop && IsWord(np) && LabelLexicon.Determiners.Contains(L(np)) && L(np) is not "that" and not "this")
                    {
                        Add(np, NounPhraseEnd(np, stop), LabelKind.PredicateNominal, m);
                    }

                    return;
                }

                var opens = LabelLexicon.Determiners.Contains(w) && w is not "that" and not "this"
                    || (IsCapitalised(s) && s + 1 < stop && IsPossessive(s + 1))
                    || LabelLexicon.TitleModifiers.Contains(w) || LabelLexicon.Evaluative.Contains(w)
                    || (!IsCapitalised(s) && LabelLexicon.TitleHeads.Contains(w));
                var closed = stop < end && (W(stop) is "," or "." or ";" or ":" or ")" or "—" or "–" or "!" or "?") || stop == end;
                if (opens && closed && stop - s <= MaxPhraseWords && !Enumerable.Range(s, stop - s).Any(i => _inName.Contains(i) && IsPersonName(i) && i == s))
                {
                    Add(s, stop, LabelKind.Apposition, m);
                }

                return;
            }

            if (IsWord(b) && L(b) is "is" or "was" or "remains" or "remained" or "became")
            {
                Predicate(m, b, ClauseEnd(b));
            }
        }

        /// <summary>"(who) is/has been [called|seen as] a veteran diplomat": the noun phrase after the copula chain.</summary>
        private void Predicate(Mention m, int s, int stop)
        {
            var c = s;
            var sawCopula = false;
            while (c < stop && IsWord(c) && LabelLexicon.Copulas.Contains(L(c)))
            {
                sawCopula |= L(c) is "is" or "was" or "remains" or "remained" or "became" or "been" or "are" or "were" or "becomes";
                c++;
            }

            if (c < stop && LabelLexicon.Characterising.Contains(L(c)))
            {
                sawCopula = true;
                c = c + 1 < stop && L(c + 1) == "as" ? c + 2 : c + 1;
            }

            if (!sawCopula || c >= stop || !IsWord(c) || !LabelLexicon.Determiners.Contains(L(c)) || L(c) is "that" or "this")
            {
                return;
            }

            Add(c, NounPhraseEnd(c, stop), LabelKind.PredicateNominal, m);
        }

        /// <summary>The first token at or after <paramref name="s"/> that ends a clause (comma, dash, sentence end, quote).</summary>
        private int ClauseEnd(int s)
        {
            var i = s;
            while (i < end && !(tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol && W(i) is "," or "." or ";" or ":" or "—" or "–" or "(" or ")" or "!" or "?" or "\"" or "“" or "”" or "…" or "..."))
            {
                i++;
            }

            return i;
        }

        /// <summary>End (exclusive) of a noun phrase starting at <paramref name="s"/>: stops at relative pronouns, conjunctions, and after <see cref="MaxPhraseWords"/> words.</summary>
        private int NounPhraseEnd(int s, int stop)
        {
            var i = s;
            while (i < stop && i - s < MaxPhraseWords && !(i > s && (LabelLexicon.PhraseStops.Contains(L(i)) || LabelLexicon.Prepositions.Contains(L(i)))))
            {
                i++;
            }

            return i;
        }

        /// <summary>
        /// Standalone epithet phrases, linked by a deliberately conservative rule: a definite phrase ("the", "this" or a
        /// possessive, up to three lower-case words, an epithet head: "the embattled leader", "Valdoria's strongman"),
        /// not followed by a name or by "of", with no person mentioned before it in its sentence, attaches to the person
        /// of the previous sentence when that sentence mentions exactly one person entity. Indefinite phrases ("a fading
        /// dictator") are never linked: they usually introduce someone else or speak generically.
        /// </summary>
        private void Epithets(List<(Mention M, int A, int B)> ranges, Mention? antecedent)
        {
            for (var h = first; h < end; h++)
            {
                if (!IsWord(h) || _inName.Contains(h) || !LabelLexicon.EpithetHeads.Contains(L(h)) || (char.IsUpper(W(h)[0]) && h > first))
                {
                    continue;
                }

                if (h + 1 < end && (_inName.Contains(h + 1) || IsCapitalised(h + 1) || L(h + 1) == "of"))
                {
                    continue; // a title of a following name (handled by Before), or a relational "the president of X"
                }

                var k = h - 1;
                while (k >= first && h - k <= 3 && IsWord(k) && !IsPossessive(k) && !LabelLexicon.Determiners.Contains(L(k)) && !IsCapitalised(k) && !_inName.Contains(k)
                    && !LabelLexicon.PhraseStops.Contains(L(k)))
                {
                    k--;
                }

                if (k < first || !((IsWord(k) && L(k) is "the" or "this") || IsPossessive(k)))
                {
                    continue;
                }

                // the possessor of "Venezuela's dictator" belongs to the phrase unless it is a person ("Maduro's ally" is someone else)
                var from = k;
                if (IsPossessive(k))
                {
                    if (k - 1 >= first && IsCapitalised(k - 1) && !IsPersonName(k - 1))
                    {
                        from = k - 1; // "Venezuela's dictator"
                    }
                    else if (k - 2 >= first && IsWord(k - 1) && !IsCapitalised(k - 1) && !_inName.Contains(k - 1) && L(k - 2) is "the" or "this")
                    {
                        from = k - 2; // "the country's strongman"
                    }
                    else
                    {
                        continue;
                    }
                }

                var span = new TextSpan(tokens[from].Span.Start, tokens[h].Span.End);
                if (PersonBefore(ranges, span.End) || AnyOverlaps(output, span))
                {
                    continue;
                }

                if (antecedent is null)
                {
                    if (LabelLexicon.EpithetNouns.Contains(L(h)))
                    {
                        pending.Add((span, L(h)));
                    }

                    continue;
                }

                output.Add(new Label(span, span.Of(text), LabelKind.Epithet, antecedent.Span, antecedent.EntityId));
            }
        }

        /// <summary>
        /// Plural judgement epithets for the people of an organisation named in the document: "(the) union bosses" when the
        /// document names exactly one organisation whose name ends in "Union" become an epithet of that organisation
        /// (attached to its first mention). The qualifier must be lower case (or the first word of the sentence), so a
        /// title-cased headline still counts, and the noun a plural of <see cref="LabelLexicon.EpithetNouns"/>.
        /// </summary>
        private void GroupEpithets()
        {
            for (var h = first + 1; h < end; h++)
            {
                if (!IsWord(h) || _inName.Contains(h) || _inName.Contains(h - 1) || !IsWord(h - 1) || !W(h).EndsWith('s') || !LabelLexicon.EpithetNouns.Contains(L(h))
                    || !organisations.TryGetValue(L(h - 1), out var org))
                {
                    continue;
                }

                var span = new TextSpan(tokens[h - 1].Span.Start, tokens[h].Span.End);
                if (AnyOverlaps(output, span))
                {
                    continue;
                }

                output.Add(new Label(span, span.Of(text), LabelKind.Epithet, org.Span, org.EntityId));
            }
        }

        /// <summary>The person of this sentence when it mentions exactly one person entity (its last mention), else null.</summary>
        private static Mention? OnlyPerson(List<(Mention M, int A, int B)> ranges)
        {
            // exactly one distinct key (entity id, else text) among the persons; the first of the latest-starting ones
            string? key = null;
            Mention? latest = null;
            foreach (var (m, _, _) in ranges)
            {
                if (m.Type != EntityType.Person)
                {
                    continue;
                }

                var k = m.EntityId ?? m.Text;
                if (key is null)
                {
                    key = k;
                }
                else if (!string.Equals(key, k, StringComparison.Ordinal))
                {
                    return null;
                }

                if (latest is null || m.Span.Start > latest.Span.Start)
                {
                    latest = m;
                }
            }

            return latest;
        }
    }
}
