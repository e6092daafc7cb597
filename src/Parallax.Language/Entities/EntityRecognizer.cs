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
    public static readonly StageInfo StageInfo = new("EntityRecognizer", "1.0", [Layers.Tokens, Layers.Sentences], [Layers.Entities]);

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
        var words = ranges.Select(r => (IReadOnlyList<string>)[.. Enumerable.Range(r.First, r.Count).Select(i => tokens[i].Span.Of(text))]).ToList();
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
                result.Add(new Mention(span, type, span.Of(text)));
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

        result.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return result.ToImmutable();
    }

    /// <summary>
    /// IOB2 tag indexes (<see cref="NerTags"/>) for the sentences of one document: the tagger's output with titles and a
    /// leading article moved out of person/organisation names. This is what <c>parallax eval entities</c> scores.
    /// </summary>
    public int[][] TagWords(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var tags = _tagger.Tag(sentences);
        for (var s = 0; s < sentences.Count; s++)
        {
            TrimTitles(sentences[s], tags[s]);
        }

        return tags;
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
            var end = i + 1;
            while (end < tags.Length && tags[end] == type + 1)
            {
                end++;
            }

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
