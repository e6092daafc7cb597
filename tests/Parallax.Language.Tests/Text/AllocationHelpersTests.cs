using Parallax.Language.Entities;
using Parallax.Language.Text;

namespace Parallax.Language.Tests.Text;

/// <summary>The allocation-free helpers of the language layer give the same answers as the code they replaced (fictional words).</summary>
public sealed class AllocationHelpersTests
{
    private static readonly Func<char, bool>[] _predicates = [char.IsLower, char.IsUpper, char.IsLetter, char.IsDigit, char.IsAsciiLetterLower, c => !char.IsLetter(c) || char.IsUpper(c)];

    [Theory]
    [InlineData("")]
    [InlineData("V")]
    [InlineData("Velmora")]
    [InlineData("VELMORA")]
    [InlineData("velmora")]
    [InlineData("O'Tolvane")]
    [InlineData("2031")]
    [InlineData("Ärne-Kø")]
    public void Chars_AllAndAny_AnswerAsLinqOverTheCharacters(string w)
    {
        for (var p = 0; p < _predicates.Length; p++)
        {
            var pred = _predicates[p];
            for (var from = 0; from <= 2; from++)
            {
                Assert.Equal(w.Skip(from).All(pred), Chars.All(w, pred, from));
                Assert.Equal(w.Skip(from).Any(pred), Chars.Any(w, pred, from));
            }
        }
    }

    [Theory]
    [InlineData("Velmora, 2031.", 7, 8, ",")]
    [InlineData("Velmora, 2031.", 0, 7, "Velmora")]
    [InlineData("Velmora, 2031.", 13, 14, ".")]
    [InlineData("Kø", 1, 2, "ø")]
    public void CharStrings_Slice_IsTheSubstring(string text, int start, int end, string expected)
    {
        Assert.Equal(expected, CharStrings.Slice(text, start, end));
        Assert.Equal(text[start..end], CharStrings.Slice(text, start, end));
    }

    [Fact]
    public void CharStrings_Of_SharesOneStringPerAsciiCharacter()
    {
        for (var c = '\0'; c < 200; c++)
        {
            Assert.Equal(c.ToString(), CharStrings.Of(c));
        }

        Assert.Same(CharStrings.Of(','), CharStrings.Of(','));
    }

    [Fact]
    public void NerFeatures_ViewWithScratch_HasTheSameHashesAsAFreshView()
    {
        var features = new NerFeatures(Gazetteer.Default, new Dictionary<string, byte>());
        var scratch = new NerFeatures.HashScratch();
        string[] longer = ["Harbour", "master", "Ilse", "Varn", "of", "Velmora", "said", "the", "quay", "had", "flooded", "twice", "."];
        features.View(longer, scratch); // leaves longer hashes behind in the scratch arrays
        string[] words = ["Ilse", "Varn", "left", "Velmora", "."];
        var fresh = features.View(words);
        var reused = features.View(words, scratch);
        Assert.Equal(fresh.WordH, reused.WordH[..words.Length]);
        Assert.Equal(fresh.LowerH, reused.LowerH[..words.Length]);
        Assert.Equal(fresh.ShapeH, reused.ShapeH[..words.Length]);
        Assert.Equal(fresh.ShortH, reused.ShortH[..words.Length]);
        Assert.Equal(fresh.AffixH, reused.AffixH[..(words.Length * 5)]);
        Assert.Equal(fresh.GazBegin, reused.GazBegin);
        Assert.Equal(fresh.Case, reused.Case);
    }

    [Fact]
    public void EntityRecognizer_SameDocumentAfterAnotherOnTheThread_TagsTheSame()
    {
        var recognizer = EntityRecognizer.Default;
        List<IReadOnlyList<string>> a = [new[] { "Harbour", "master", "Ilse", "Varn", "said", "Velmora", "would", "rebuild", "the", "quay", "." }, new[] { "Varn", "spoke", "in", "Orlan", "." }];
        List<IReadOnlyList<string>> b = [new[] { "The", "Velmora", "Dockworkers", "'", "Union", "met", "on", "Tuesday", "in", "the", "long", "hall", "by", "the", "river", "." }];
        var first = recognizer.TagWords(a);
        recognizer.TagWords(b);
        Assert.Equal(first, recognizer.TagWords(a));
    }
}
