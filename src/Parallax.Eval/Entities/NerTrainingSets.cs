using Parallax.Language.Entities;

namespace Parallax.Eval.Entities;

/// <summary>
/// Training documents for the entity tagger from the open NER sets (docs/models.md): UNER English-EWT as annotated, and
/// the open genres of GUM with spans cut down to names. Used by tools/train-ner and by the cross-validation of
/// <c>parallax eval entities --cv</c>. CoNLL-2003 is never read here.
/// </summary>
public static class NerTrainingSets
{
    /// <summary>How the GUM training documents treat GUM's unmarked names (session 11, docs/language.md).</summary>
    public enum GumMode
    {
        /// <summary>Capitalised words tagged O are unannotated (no update): <see cref="GumToNames"/>.</summary>
        Partial,

        /// <summary>Only sentences without such words: <see cref="GumCleanSentences"/>.</summary>
        Clean,

        /// <summary>Such words take the entities a model trained without GUM predicts: <see cref="GumFilled"/>.</summary>
        Fill,

        /// <summary>As <see cref="Fill"/>, and a predicted O is trusted too.</summary>
        FillAll,
    }

    /// <summary>Entity-replacement copies of the training documents in the shipped recipe (see docs/models.md).</summary>
    public const int DefaultAugment = 8;

    /// <summary>Training epochs of the shipped recipe.</summary>
    public const int DefaultEpochs = 8;

    /// <summary>Perceptrons averaged into the shipped model (<see cref="NerTrainer.Train"/>, seeds <see cref="DefaultSeed"/> + 0, 1, ...).</summary>
    public const int DefaultEnsemble = 3;

    /// <summary>Augmentation copies written all in lower case (<see cref="Augmenter.Copies"/>).</summary>
    public const int DefaultLowerCaseCopies = 0;

    /// <summary>Beam width of training and decoding (<see cref="NerTrainer.Train"/>; 1 = greedy).</summary>
    public const int DefaultBeam = 1;

    /// <summary>The seed of the shipped recipe (document shuffling and augmentation).</summary>
    public const ulong DefaultSeed = 20261124;

    /// <summary>Whether the shipped recipe derives casing classes of words from open unlabelled text (<see cref="OpenText"/>):
    /// no (session 6: UNER 5-fold +0.003, but hand-written fixtures lost names, see docs/language.md); <c>train-ner --open-text</c> turns it on.</summary>
    public static readonly bool DefaultOpenText;

    /// <summary>
    /// The open unlabelled text of the casing classes (<see cref="NerFeatures.CasingClasses"/>), as token sentences: the
    /// GUM train documents of the open genres (their words only, not their tags) and the TempEval-3 TimeBank + AQUAINT
    /// texts (<c>data/time/tempeval3-tbaq</c>, open), tokenized and split by the shipped tokenizer and splitter. UNER is
    /// not used, so its held-out folds stay unseen in cross-validation. Files in ordinal order, so the result is deterministic.
    /// </summary>
    public static List<IReadOnlyList<string>> OpenText(string shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var d in ConllFile.Read(Path.Combine(shared, "data/ner/gum/train.tsv")).Documents.Where(d => IsOpenGum(d.Id)))
        {
            sentences.AddRange(d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens));
        }

        var tbaq = Path.Combine(shared, "data/time/tempeval3-tbaq");
        foreach (var file in Directory.EnumerateFiles(tbaq, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Parallax.Eval.Time.TimeMlDocument.Read(file).Document is not { } doc)
            {
                continue;
            }

            var tokens = Parallax.Language.Text.Tokenizer.Tokenize(doc.Text);
            foreach (var (first, last) in Parallax.Language.Text.SentenceSplitter.TokenRanges(doc.Text, tokens))
            {
                var words = new string[last - first + 1];
                for (var k = first; k <= last; k++)
                {
                    words[k - first] = doc.Text.Substring(tokens[k].Span.Start, tokens[k].Span.Length);
                }

                sentences.Add(words);
            }
        }

        return sentences;
    }

    private static readonly string[] _ncGenres = ["essay", "fiction", "letter", "podcast", "whow"];

    /// <summary>True for GUM documents of the open genres (the others are CC BY-NC-SA: evaluation only).</summary>
    public static bool IsOpenGum(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return !_ncGenres.Any(g => id.StartsWith("GUM_" + g + "_", StringComparison.Ordinal));
    }

    /// <summary>A document with its gold tags, every token trusted.</summary>
    public static NerTrainingDoc ToTraining(ConllDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Id,
            [.. d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)],
            [.. d.Sentences.Select(s => s.Tags.Select(t => NerTags.Index(NerTags.Normalize(t))).ToArray())]);
    }

    /// <summary>GUM spans cut down to names (see the comment below).</summary>
    // GUM marks whole noun phrases ("the University of Basel, where he ..."), and only Wikipedia-linked ones. For name
    // tagging, each GUM span is cut down to its first run of capitalised words (with inner "of", "de", "-", "&" ...);
    // the rest of the span, and every capitalised word tagged O (a possibly unmarked name), is left unannotated (no update).
    public static NerTrainingDoc GumToNames(ConllDocument d)
    {
        var tags = new List<int[]>();
        var unsure = new List<bool[]>();
        foreach (var s in d.Sentences)
        {
            var n = s.Tokens.Length;
            var t = new int[n];
            var u = new bool[n];
            for (var i = 0; i < n; i++)
            {
                u[i] = i > 0 && s.Tags[i] == "O" && IsCap(s.Tokens[i]);
            }

            var gold = s.Tags.Select(NerTags.Normalize).ToArray();
            var start = 0;
            while (start < n)
            {
                if (gold[start] == "O")
                {
                    start++;
                    continue;
                }

                var type = gold[start][2..];
                var end = start + 1;
                while (end < n && gold[end] == "I-" + type)
                {
                    end++;
                }

                for (var k = start; k < end; k++)
                {
                    u[k] = true;
                }

                var a = start;
                while (a < end && !IsCap(s.Tokens[a]))
                {
                    a++;
                }

                if (a < end)
                {
                    var b = a + 1;
                    while (b < end && (IsCap(s.Tokens[b]) || (Connector(s.Tokens[b]) && b + 1 < end && IsCap(s.Tokens[b + 1]))))
                    {
                        b++;
                    }

                    // the name itself, and the words of the span before and after it, are trusted
                    var kind = NerTags.Index("B-" + type);
                    for (var k = a; k < b; k++)
                    {
                        t[k] = k == a ? kind : kind + 1;
                        u[k] = false;
                    }

                    for (var k = start; k < a; k++)
                    {
                        u[k] = false;
                    }
                }

                start = end;
            }

            tags.Add(t);
            unsure.Add(u);
        }

        return new NerTrainingDoc(d.Id, [.. d.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)], tags, unsure);
    }

    /// <summary>
    /// Only the sentences of <see cref="GumToNames"/> with no possibly unmarked name: every capitalised word after the
    /// first is inside a gold span (GUM mode <see cref="GumMode.Clean"/>). Null when no sentence is left.
    /// </summary>
    public static NerTrainingDoc? GumCleanSentences(ConllDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var names = GumToNames(d);
        var keep = new List<int>();
        for (var s = 0; s < d.Sentences.Length; s++)
        {
            var sentence = d.Sentences[s];
            var clean = true;
            for (var i = 1; i < sentence.Tokens.Length && clean; i++)
            {
                clean = !(sentence.Tags[i] == "O" && IsCap(sentence.Tokens[i]));
            }

            if (clean)
            {
                keep.Add(s);
            }
        }

        return keep.Count == 0 ? null : new NerTrainingDoc(d.Id, [.. keep.Select(s => names.Sentences[s])], [.. keep.Select(s => names.Tags[s])], [.. keep.Select(s => names.Unsure![s])]);
    }

    /// <summary>
    /// Self-training on the missing part only (GUM mode <see cref="GumMode.Fill"/>): the possibly unmarked names of
    /// <see cref="GumToNames"/> (capitalised words tagged O after the first word of a sentence) take the tags of
    /// <paramref name="predicted"/> (a model trained without GUM) where a predicted entity lies wholly outside the gold
    /// spans; those tokens become trusted. Predicted O on such a word stays unannotated unless <paramref name="trustO"/>.
    /// Gold spans are kept as they are.
    /// </summary>
    public static NerTrainingDoc GumFilled(ConllDocument d, int[][] predicted, bool trustO = false)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(predicted);
        var names = GumToNames(d);
        var tags = new List<int[]>();
        var unsure = new List<bool[]>();
        for (var s = 0; s < d.Sentences.Length; s++)
        {
            var sentence = d.Sentences[s];
            var n = sentence.Tokens.Length;
            var t = (int[])names.Tags[s].Clone();
            var u = (bool[])names.Unsure![s].Clone();
            var p = predicted[s];
            var open = new bool[n];
            for (var i = 0; i < n; i++)
            {
                open[i] = sentence.Tags[i] == "O";
            }

            var a = 0;
            while (a < n)
            {
                if (p[a] == 0 || (p[a] & 1) == 0)
                {
                    // O, or an I- tag without its B- (not expected after TagWords): skip
                    if (p[a] == 0 && open[a] && u[a] && trustO)
                    {
                        u[a] = false;
                    }

                    a++;
                    continue;
                }

                var b = a + 1;
                while (b < n && p[b] == p[a] + 1)
                {
                    b++;
                }

                var outside = true;
                for (var k = a; k < b && outside; k++)
                {
                    outside = open[k];
                }

                if (outside)
                {
                    for (var k = a; k < b; k++)
                    {
                        t[k] = p[k];
                        u[k] = false;
                    }
                }

                a = b;
            }

            tags.Add(t);
            unsure.Add(u);
        }

        return new NerTrainingDoc(d.Id, names.Sentences, tags, unsure);
    }

    /// <summary>
    /// The GUM training documents in <paramref name="mode"/>; for <see cref="GumMode.Fill"/> / <see cref="GumMode.FillAll"/>
    /// tagged by <paramref name="recognizer"/> (a model trained without GUM), else null is returned when it is needed and missing.
    /// </summary>
    public static List<NerTrainingDoc>? GumDocuments(IReadOnlyList<ConllDocument> gum, GumMode mode, EntityRecognizer? recognizer)
    {
        ArgumentNullException.ThrowIfNull(gum);
        switch (mode)
        {
            case GumMode.Partial:
                return [.. gum.Select(GumToNames)];
            case GumMode.Clean:
                return [.. gum.Select(GumCleanSentences).OfType<NerTrainingDoc>()];
            default:
                if (gum.Count == 0)
                {
                    return [];
                }

                if (recognizer is null)
                {
                    return null;
                }

                var filled = new NerTrainingDoc[gum.Count];
                Parallel.For(0, gum.Count, d =>
                {
                    var predicted = recognizer.TagWords([.. gum[d].Sentences.Select(s => (IReadOnlyList<string>)s.Tokens)]);
                    filled[d] = GumFilled(gum[d], predicted, mode == GumMode.FillAll);
                });
                return [.. filled];
        }
    }

    /// <summary>The shipped recipe (UNER documents + augmentation, no GUM) trained on <paramref name="uner"/>, with the post-tagger rules.</summary>
    public static EntityRecognizer Recognizer(IEnumerable<ConllDocument> uner, int augment, int epochs, ulong seed, int ensemble, int lowerCaseCopies, int beam, IReadOnlyList<IReadOnlyList<string>>? openText)
    {
        ArgumentNullException.ThrowIfNull(uner);
        var train = uner.Select(ToTraining).ToList();
        if (augment > 0)
        {
            train.AddRange(Augmenter.Copies(train, augment, seed, lowerCaseCopies).ToList());
        }

        var model = NerTrainer.Train(train, Gazetteer.Default, epochs, seed, ensemble: ensemble, beam: beam, openText: openText);
        return new EntityRecognizer(new NerTagger(model, Gazetteer.Default));
    }

    private static bool IsCap(string w) => w.Length > 0 && (char.IsUpper(w[0]) || (char.IsDigit(w[0]) && w.Any(char.IsUpper)));

    private static bool Connector(string w) => w is "of" or "de" or "du" or "des" or "la" or "le" or "del" or "da" or "di" or "von" or "van" or "y" or "and" or "&" or "-" or "for" or "the" or "on";
}
