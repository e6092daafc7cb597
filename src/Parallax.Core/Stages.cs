using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>What a stage is and what it needs: the pipeline checks at build time that every requirement is produced earlier.</summary>
/// <param name="Name">Agent noun, e.g. <c>SentenceSplitter</c>.</param>
/// <param name="Version">Bumped whenever output may change for the same input.</param>
/// <param name="Requires">Layer names that must exist before this stage runs.</param>
/// <param name="Produces">Layer names this stage adds.</param>
public sealed record StageInfo(string Name, string Version, ImmutableArray<string> Requires, ImmutableArray<string> Produces)
{
    public override string ToString() => $"{Name}@{Version}";
}

/// <summary>
/// One pure, deterministic step: same input and version, same output. No network, no clock, no globals.
/// Thread-safe: one instance serves all documents.
/// </summary>
public interface IStage<T>
{
    StageInfo Info { get; }

    T Process(T doc, CancellationToken cancellationToken);
}

/// <summary>Documents a pipeline runs over: they name the layers they already carry, and can record a failure.</summary>
public interface IPipelineDocument<T>
{
    /// <summary>Layers present on this document.</summary>
    ImmutableHashSet<string> Layers { get; }

    /// <summary>A copy with the failure of <paramref name="stage"/> recorded.</summary>
    T WithFailure(StageInfo stage, Diagnostic diagnostic);
}

/// <summary>Thrown by <see cref="Pipeline{T}.Build"/> when a stage's requirement is not produced by an earlier stage.</summary>
public sealed class PipelineConfigurationException(string message) : Exception(message);

/// <summary>
/// An explicitly ordered list of stages. <see cref="Build"/> checks requirements; <see cref="Run"/> is the one place
/// that catches stage failures: it records them on the document and carries on with the next document.
/// </summary>
public sealed class Pipeline<T>
    where T : IPipelineDocument<T>
{
    private readonly ImmutableArray<IStage<T>> _stages;

    private Pipeline(ImmutableArray<IStage<T>> stages) => _stages = stages;

    public ImmutableArray<StageInfo> Stages => [.. _stages.Select(s => s.Info)];

    /// <param name="initialLayers">Layers every input document already carries.</param>
    /// <param name="stages">In the order they run.</param>
    public static Pipeline<T> Build(IEnumerable<string> initialLayers, params IEnumerable<IStage<T>> stages)
    {
        var available = new HashSet<string>(initialLayers, StringComparer.Ordinal);
        var list = stages.ToImmutableArray();
        foreach (var stage in list)
        {
            var missing = stage.Info.Requires.Where(r => !available.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                throw new PipelineConfigurationException(
                    $"PX0901: stage {stage.Info} requires {string.Join(", ", missing)}, which no earlier stage produces.");
            }

            available.UnionWith(stage.Info.Produces);
        }

        return new Pipeline<T>(list);
    }

    /// <summary>Runs every stage in order. A stage that throws is recorded on the document (code PX0902) and later stages that need its output are skipped.</summary>
    public T Run(T doc, CancellationToken cancellationToken = default)
    {
        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stage.Info.Requires.Any(r => !doc.Layers.Contains(r)))
            {
                continue;
            }

            try
            {
                doc = stage.Process(doc, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                doc = doc.WithFailure(stage.Info, Diagnostic.Error("PX0902", $"stage {stage.Info} failed: {ex.GetType().Name}: {ex.Message}"));
            }
        }

        return doc;
    }
}
