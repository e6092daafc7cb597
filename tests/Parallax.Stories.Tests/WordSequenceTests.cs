using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>The allocation-light dedup path (<see cref="WordSequence"/>, <see cref="MinHasher.Signature(WordSequence)"/>) equals the regex + string reference.</summary>
public sealed partial class WordSequenceTests
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    public static TheoryData<string> Texts => new()
    {
        "",
        "   ,;. ",
        "One",
        "Two words",
        "Exactly five words here now",
        "Señor Müller's café, ÉTÉ 2031 — ½ Ⅻ ٣ 東京 İstanbul ǅemal x²; tab\tand\nnewline 3.5% 1,200",
        "Mixed CASE: ΑΘΗΝΑ Ωmega ǈ and \ud83d\ude00 emoji between words, final-sigma ΟΔΟΣ",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void WordSequence_EqualsTheRegexReference(string text) => AssertSame(text);

    [Fact]
    public void WordSequence_EqualsTheRegexReferenceOnRealArticles()
    {
        var articles = ClusteringSet.Read(RepoPaths.SharedData("clustering", "giveme5w1h", "docs.jsonl")).Documents.Select(d => d.Article).ToList();
        Assert.NotEmpty(articles);
        foreach (var a in articles)
        {
            AssertSame(a.Text);
            AssertSame(a.Metadata.Title ?? "");
        }
    }

    private static void AssertSame(string text)
    {
        var expected = WordRegex().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        var words = WordSequence.Of(text);
        Assert.Equal(expected, Enumerable.Range(0, words.Count).Select(i => words[i].ToString()));
        Assert.Equal(string.Join(' ', expected), words.Joined.ToString());
        Assert.Equal(Hashing.Sha256Hex(string.Join(' ', expected)), words.ExactHash());
        var hasher = new MinHasher();
        Assert.Equal(hasher.Signature(hasher.Shingles(expected)), hasher.Signature(words));
        var short3 = new MinHasher(hashes: 13, shingleWords: 3);
        Assert.Equal(short3.Signature(short3.Shingles(expected)), short3.Signature(words));
    }
}
