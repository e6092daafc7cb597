namespace Parallax.Stories.Tests;

/// <summary>
/// Session 13 (docs/scaling.md): the capitalised-phrase tokens are scanned by hand; every text gives the matches of the
/// token regex it replaced, in order, including letters and numbers outside ASCII and lone surrogates.
/// </summary>
public sealed class PhraseTokenTests
{
    [Theory]
    [InlineData("Harbour Master Ragna Tolvik closed the Quill crossing.")]
    [InlineData("\"We sail at 6.30,\" said Ø. Várga-Németh; “fine” – she’s sure!")]
    [InlineData("Zoë's ferry (No. 2) ran 3½ hours late: Velland.Co's U.S.-bound ship?")]
    [InlineData("ⅫⅣ roman numerals, ² squared, ǅ titlecase, ʰ modifier, 漢字 and ٣ Arabic-Indic digits.")]
    [InlineData("...!!!;;::\"\"")]
    [InlineData("")]
    [InlineData("   \t\n 123 456 ")]
    public void NextToken_GivesTheRegexMatches(string text) => AssertSameTokens(text);

    [Fact]
    public void NextToken_GivesTheRegexMatchesOnWordSalads()
    {
        var random = new Random(13);
        const string alphabet = "aZ é Ø1 9 ' ’ - . ! ? ; : \" “ ” , ( ) ½ ² Ⅻ ǅ ʰ 漢 ٣ \t\n_/";
        for (var n = 0; n < 400; n++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                // Mostly the alphabet, sometimes a lone surrogate half or any BMP unit.
                chars[i] = random.Next(20) switch
                {
                    0 => (char)random.Next(0xD800, 0xE000),
                    1 => (char)random.Next(0, 0x10000),
                    _ => alphabet[random.Next(alphabet.Length)],
                };
            }

            AssertSameTokens(new string(chars));
        }
    }

    private static void AssertSameTokens(string text)
    {
        var expected = new List<(int, int)>();
        foreach (var m in CapitalisedPhraseEntities.TokenRegex().EnumerateMatches(text))
        {
            expected.Add((m.Index, m.Length));
        }

        var actual = new List<(int, int)>();
        for (var m = CapitalisedPhraseEntities.NextToken(text, 0); m.Length > 0; m = CapitalisedPhraseEntities.NextToken(text, m.Index + m.Length))
        {
            actual.Add(m);
        }

        Assert.Equal(expected, actual);
    }
}
