using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;
using Parallax.Language.Text;

namespace Parallax.Language.Tests.Text;

public class TokenizerTests
{
    [Theory]
    [InlineData("Mr. Okafor met Gen. Ruiz.", "Mr.|Okafor|met|Gen.|Ruiz|.")]
    [InlineData("The U.S. and the U.K. agreed.", "The|U.S.|and|the|U.K.|agreed|.")]
    [InlineData("At 9 a.m. on Dec. 3, it rained.", "At|9|a.m.|on|Dec.|3|,|it|rained|.")]
    [InlineData("J. R. Tolvane wrote it.", "J.|R.|Tolvane|wrote|it|.")]
    [InlineData("Costs rose 3.5% to $50 million.", "Costs|rose|3.5|%|to|$|50|million|.")]
    [InlineData("It cost €1,200.50 in total.", "It|cost|€|1,200.50|in|total|.")]
    [InlineData("Marovia’s capital", "Marovia|’s|capital")]
    [InlineData("Marovia's leader didn't go.", "Marovia|'s|leader|did|n't|go|.")]
    [InlineData("a well-known anti-graft drive", "a|well-known|anti-graft|drive")]
    [InlineData("“Yes,” she said — later…", "“|Yes|,|”|she|said|—|later|…")]
    [InlineData("Wait... what?", "Wait|...|what|?")]
    [InlineData("See https://example.org/a?b=1, or www.example.com.", "See|https://example.org/a?b=1|,|or|www.example.com|.")]
    [InlineData("Write to desk@example.org or @quill_news #Marovia", "Write|to|desk@example.org|or|@quill_news|#Marovia")]
    [InlineData("O'Hara and AT&T", "O'Hara|and|AT&T")]
    [InlineData("the 1990s and 21st century", "the|1990s|and|21st|century")]
    public void Tokenizer_SplitsAsExpected(string text, string expected)
    {
        Assert.Equal(expected, string.Join('|', TestDocs.Tokens(text)));
    }

    [Fact]
    public void Tokenizer_KindsAreAssigned()
    {
        const string text = "Pay $5, now!";
        var kinds = Tokenizer.Tokenize(text).Select(t => t.Kind).ToArray();
        Assert.Equal([TokenKind.Word, TokenKind.Symbol, TokenKind.Number, TokenKind.Punctuation, TokenKind.Word, TokenKind.Punctuation], kinds);
    }

    [Fact]
    public void Tokenizer_IsDeterministic()
    {
        const string text = "Gen. Alvar Renn said on Tuesday that Kestria’s army would “hold the line.”";
        Assert.Equal(Tokenizer.Tokenize(text), Tokenizer.Tokenize(text));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Tokenizer_CoversNonWhitespaceInOrder() =>
        Prop.ForAll(Generators.Texts(), text =>
        {
            Invariants.CheckTokens(text, Tokenizer.Tokenize(text));
            return true;
        });
}

/// <summary>Invariant checks shared by the tokenizer, splitter and recognizer tests.</summary>
internal static class Invariants
{
    public static void CheckTokens(string text, IReadOnlyList<Token> tokens)
    {
        var covered = new bool[text.Length];
        var last = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Span.Length > 0, "empty token");
            Assert.True(t.Span.Start >= last, "tokens overlap or are out of order");
            Assert.True(t.Span.FitsIn(text));
            for (var i = t.Span.Start; i < t.Span.End; i++)
            {
                Assert.False(char.IsWhiteSpace(text[i]), $"token {t.Span} contains whitespace");
                covered[i] = true;
            }

            last = t.Span.End;
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"non-whitespace char {i} ('{text[i]}') not in any token");
        }
    }

    public static void CheckSentences(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        // sentence spans tile the non-whitespace text in order without overlap
        var last = 0;
        var covered = new bool[text.Length];
        foreach (var s in sentences)
        {
            Assert.True(s.Span.Length > 0);
            Assert.True(s.Span.Start >= last, "sentences overlap or are out of order");
            Assert.False(char.IsWhiteSpace(text[s.Span.Start]));
            Assert.False(char.IsWhiteSpace(text[s.Span.End - 1]));
            for (var i = s.Span.Start; i < s.Span.End; i++)
            {
                covered[i] = true;
            }

            last = s.Span.End;
        }

        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(covered[i] || char.IsWhiteSpace(text[i]), $"non-whitespace char {i} not in any sentence");
        }

        // token spans lie in sentences
        foreach (var t in tokens)
        {
            Assert.Contains(sentences, s => s.Span.Contains(t.Span));
        }
    }
}

internal static class Generators
{
    private static readonly string[] _pieces =
    [
        "Mr.", "Gen.", "U.S.", "a.m.", "J.", "Dec.", "the", "Marovia", "’s", "'s", "said", "“", "”", "\"", "'", "...", "…", ".", "!", "?", ",",
        "—", "-", "3.5", "%", "$", "€1,200.50", "https://x.example/a.", "@handle", "#tag", "well-known", "\n", "\n\n", " ", "  ", "\t", "é", "\u0301",
        "\ud83d\ude00", "\ud83d", "n't", "don't", "O'Neil", ")", "(", "•", "* ", "1.", "e.g.", "x@y.z",
    ];

    public static Arbitrary<string> Texts() =>
        Gen.Frequency(
                (3, Gen.ListOf(Gen.Elements(_pieces)).Select(parts => string.Join(" ", parts))),
                (2, Gen.ListOf(Gen.Elements(_pieces)).Select(parts => string.Concat(parts))),
                (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")))
            .ToArbitrary();
}
