using System.Collections.Immutable;
using Parallax.Language.Entities;

namespace Parallax.Eval.Entities;

/// <summary>Tags every document of an IOB2 file with an <see cref="EntityRecognizer"/> (documents in parallel, output in file order) and scores it.</summary>
public static class EntitiesEvaluator
{
    /// <summary>Predicted IOB2 tags for every sentence of <paramref name="file"/>, in file order.</summary>
    public static ImmutableArray<IReadOnlyList<string>> Predict(NerTagger tagger, ConllFile file, int degreeOfParallelism = 0) =>
        Predict(new EntityRecognizer(tagger), file, degreeOfParallelism);

    /// <summary>Predicted IOB2 tags (<see cref="EntityRecognizer.TagWords"/>) for every sentence of <paramref name="file"/>, in file order.</summary>
    public static ImmutableArray<IReadOnlyList<string>> Predict(EntityRecognizer recognizer, ConllFile file, int degreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(file);
        var perDoc = new string[file.Documents.Length][][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism > 0 ? degreeOfParallelism : Environment.ProcessorCount };
        Parallel.For(0, file.Documents.Length, options, d =>
        {
            var doc = file.Documents[d];
            var sentences = doc.Sentences.Select(s => (IReadOnlyList<string>)s.Tokens).ToList();
            var tags = recognizer.TagWords(sentences);
            perDoc[d] = [.. tags.Select(t => t.Select(x => NerTags.Names[x]).ToArray())];
        });
        return [.. perDoc.SelectMany(d => d)];
    }

    /// <summary>The gold tags of every sentence, in file order.</summary>
    public static ImmutableArray<IReadOnlyList<string>> Gold(ConllFile file) => [.. file.Sentences.Select(s => (IReadOnlyList<string>)s.Tags)];
}
