using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Language.Labels;
using Parallax.Language.Numbers;
using Parallax.Language.Quotes;
using Parallax.Language.Text;
using Parallax.Language.Time;

namespace Parallax.Language;

/// <summary>
/// The per-article language layer in its one fixed order: tokens, sentences, entity mentions, labels, dates, quantities,
/// quotes and attributions. Built once (requirements checked), immutable and thread-safe: analyse articles in parallel.
/// </summary>
public static class LanguagePipeline
{
    private static readonly Lazy<Pipeline<Doc>> _default = new(
        () => Create(EntityRecognizer.Default),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The pipeline with the shipped models (loaded on first use).</summary>
    public static Pipeline<Doc> Default => _default.Value;

    /// <summary>The pipeline with a given entity recognizer (tests, evaluation of other models).</summary>
    public static Pipeline<Doc> Create(EntityRecognizer recognizer) => Pipeline<Doc>.Build([Layers.Text], StagesWith(recognizer));

    /// <summary>The default stages in run order (benchmarks time them one by one).</summary>
    public static IReadOnlyList<IStage<Doc>> Stages => StagesWith(EntityRecognizer.Default);

    private static IStage<Doc>[] StagesWith(EntityRecognizer recognizer) =>
    [
        Tokenizer.Instance,
        SentenceSplitter.Instance,
        recognizer,
        LabelExtractor.Instance,
        TimexTagger.Instance,
        QuantityTagger.Instance,
        new QuoteExtractor(),
    ];

    /// <summary>Runs <see cref="Default"/> over one article. Stage failures are recorded on the returned doc, never thrown.</summary>
    public static Doc Analyze(Article article, CancellationToken cancellationToken = default) =>
        Default.Run(new Doc(article), cancellationToken);
}
