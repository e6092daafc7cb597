using Parallax.Language.Entities;

namespace Parallax.Eval.Entities;

/// <summary>
/// Training documents for the entity tagger from the open NER sets (docs/models.md): UNER English-EWT as annotated, and
/// the open genres of GUM with spans cut down to names. Used by tools/train-ner and by the cross-validation of
/// <c>parallax eval entities --cv</c>. CoNLL-2003 is never read here.
/// </summary>
public static class NerTrainingSets
{
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

    private static bool IsCap(string w) => w.Length > 0 && (char.IsUpper(w[0]) || (char.IsDigit(w[0]) && w.Any(char.IsUpper)));

    private static bool Connector(string w) => w is "of" or "de" or "du" or "des" or "la" or "le" or "del" or "da" or "di" or "von" or "van" or "y" or "and" or "&" or "-" or "for" or "the" or "on";
}
