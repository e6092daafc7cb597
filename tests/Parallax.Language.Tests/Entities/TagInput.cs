using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

/// <summary>
/// Shared input helpers of the web-text rule tests: a sentence of space-separated words and an IOB tag pattern (one tag
/// per word; an empty pattern means every word untagged) become a tagger view and its tag array.
/// </summary>
internal static class TagInput
{
    /// <summary>An empty document lexicon.</summary>
    internal static readonly Dictionary<string, byte> NoLexicon = new(StringComparer.Ordinal);

    /// <summary>The IOB names of <paramref name="tags"/>.</summary>
    internal static string[] Names(int[] tags) => [.. tags.Select(t => NerTags.Names[t])];

    /// <summary>The view of <paramref name="sentence"/> and the tags of <paramref name="pattern"/>.</summary>
    internal static (NerFeatures.SentenceView View, int[] Tags) Input(string sentence, string pattern)
    {
        var view = new NerFeatures(Gazetteer.Default, NoLexicon).View(sentence.Split(' '));
        return (view, pattern.Length == 0 ? new int[view.Words.Length] : [.. pattern.Split(' ').Select(NerTags.Index)]);
    }
}
