using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

/// <summary>The session-7 round-2 web-text rules on hand-written sentences (fictional people and shops, real listed towns).</summary>
public class WebNamesRound2Tests
{
    private static readonly Dictionary<string, byte> _noLexicon = new(StringComparer.Ordinal);

    private static string[] Names(int[] tags) => [.. tags.Select(t => NerTags.Names[t])];

    private static NerFeatures.SentenceView View(string sentence) => new NerFeatures(Gazetteer.Default, _noLexicon).View(sentence.Split(' '));

    private static int[] Tags(string pattern) => [.. pattern.Split(' ').Select(NerTags.Index)];

    [Fact]
    public void ListedTowns_UntaggedTownIsAPlace()
    {
        var view = View("we drove down to Modesto for the weekend");
        var tags = new int[view.Words.Length];
        WebNames.ListedTowns(view, tags, _noLexicon);
        Assert.Equal(["O", "O", "O", "O", "B-LOC", "O", "O", "O"], Names(tags));
    }

    [Fact]
    public void ListedTowns_LoneOneWordPersonBecomesAPlace()
    {
        var view = View("the best tacos in Oxnard , hands down");
        var tags = Tags("O O O O B-PER O O O");
        WebNames.ListedTowns(view, tags, _noLexicon);
        Assert.Equal(["O", "O", "O", "O", "B-LOC", "O", "O", "O"], Names(tags));
    }

    [Fact]
    public void ListedTowns_TownInsideALongerCapitalisedNameIsLeftAlone()
    {
        // "Modesto Harbour Kitchen" is a business: the town word alone is not the name
        var view = View("we ate at Modesto Harbour Kitchen last night");
        var tags = new int[view.Words.Length];
        WebNames.ListedTowns(view, tags, _noLexicon);
        Assert.All(tags, t => Assert.Equal(0, t));
    }

    [Fact]
    public void ListedTowns_TaggedPersonNamesAreKept()
    {
        var view = View("Velma Oxnard fixed the roof");
        var tags = Tags("B-PER I-PER O O O");
        WebNames.ListedTowns(view, tags, _noLexicon);
        Assert.Equal(["B-PER", "I-PER", "O", "O", "O"], Names(tags));
    }

    [Fact]
    public void CommonWordPersons_LoneCommonWordIsNoName()
    {
        NerFeatures.SentenceView[] views = [View("Cozy , warm room and a kind host .")];
        int[][] tags = [Tags("B-PER O O O O O O O O")];
        WebNames.CommonWordPersons(views, tags);
        Assert.All(tags[0], t => Assert.Equal(0, t));
    }

    [Fact]
    public void CommonWordPersons_PersonEvidenceKeepsTheName()
    {
        // a title before it, a speech verb after it, or the same word tagged as a person again in the document
        NerFeatures.SentenceView[] views =
        [
            View("I saw Dr. Thorn Monday ."),
            View("Baker said the fees are too high ."),
            View("Marsh called back twice ."),
            View("then Marsh fixed the boiler ."),
        ];
        int[][] tags =
        [
            Tags("O O O B-PER O O"),
            Tags("B-PER O O O O O O O"),
            Tags("B-PER O O O O"),
            Tags("O B-PER O O O O"),
        ];
        WebNames.CommonWordPersons(views, tags);
        Assert.Equal(["O", "O", "O", "B-PER", "O", "O"], Names(tags[0]));
        Assert.Equal("B-PER", Names(tags[1])[0]);
        Assert.Equal("B-PER", Names(tags[2])[0]);
        Assert.Equal("B-PER", Names(tags[3])[1]);
    }

    [Fact]
    public void CommonWordPersons_LoneSurnameInRunningTextStays()
    {
        // mid-sentence before a lower-case word the capital is the writer's: "the Marsh plan" keeps its person
        NerFeatures.SentenceView[] views = [View("we all liked the Marsh plan .")];
        int[][] tags = [Tags("O O O O B-PER O O")];
        WebNames.CommonWordPersons(views, tags);
        Assert.Equal("B-PER", Names(tags[0])[4]);
    }
}
