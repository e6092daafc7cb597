using System.Collections.Frozen;
using System.Text.Json;

namespace Parallax.Compare.Slant;

/// <summary>
/// The shipped slant weights (<c>Slant/Resources/slant-weights.json</c>, set by hand; docs/slant.md): one weight per
/// score component, one per lexicon category for the sentence detector, and the sentence threshold. Immutable and
/// thread-safe.
/// </summary>
public sealed class SlantWeights
{
    private static readonly Lazy<SlantWeights> _default = new(() => Parse(LoadedLexicon.Resource("Parallax.Compare.Slant.slant-weights.json")), LazyThreadSafetyMode.ExecutionAndPublication);

    private SlantWeights(FrozenDictionary<string, double> components, FrozenDictionary<string, double> categories, FrozenDictionary<string, double> sentenceContext, double sentenceThreshold)
    {
        Components = components;
        Categories = categories;
        SentenceContext = sentenceContext;
        SentenceThreshold = sentenceThreshold;
    }

    public static SlantWeights Default => _default.Value;

    /// <summary>Weight per component name; a component missing here weighs 0.</summary>
    public FrozenDictionary<string, double> Components { get; }

    /// <summary>Weight per lexicon category or marker kind for the sentence score; missing weighs 0.</summary>
    public FrozenDictionary<string, double> Categories { get; }

    /// <summary>
    /// Weight per sentence-level context cue of the sentence detector (<see cref="SentenceSlant.ReportAnchor"/>); may be
    /// negative (a cue of news-report register); missing weighs 0.
    /// </summary>
    public FrozenDictionary<string, double> SentenceContext { get; }

    /// <summary>A sentence whose score is at least this is marked biased.</summary>
    public double SentenceThreshold { get; }

    public double Component(string name) => Components.GetValueOrDefault(name);

    public double Category(string name) => Categories.GetValueOrDefault(name);

    public double Context(string name) => SentenceContext.GetValueOrDefault(name);

    /// <summary>Parses the weights file format (see the shipped file).</summary>
    public static SlantWeights Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new SlantWeights(
            Read(root, "components"),
            Read(root, "categories"),
            Read(root, "sentenceContext"),
            root.TryGetProperty("sentenceThreshold", out var t) ? t.GetDouble() : 1.0);
    }

    private static FrozenDictionary<string, double> Read(JsonElement root, string name)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        if (root.TryGetProperty(name, out var obj))
        {
            foreach (var p in obj.EnumerateObject())
            {
                map[p.Name] = p.Value.GetDouble();
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
