using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

public class DocumentNamesTests
{
    private static readonly Dictionary<string, byte> _noLexicon = new(StringComparer.Ordinal);

    private static string[][] Tag(params string[] sentences)
    {
        var words = sentences.Select(s => (IReadOnlyList<string>)s.Split(' ')).ToList();
        return [.. EntityRecognizer.Default.TagWords(words).Select(t => t.Select(x => NerTags.Names[x]).ToArray())];
    }

    [Fact]
    public void ResultLines_ClubsAreOrganisations()
    {
        var tags = Tag("Harwick Athletic 3 Tollbury 1");
        Assert.Equal(["B-ORG", "I-ORG", "O", "B-ORG", "O"], tags[0]);
    }

    [Fact]
    public void ResultLines_CountriesAreNationalSides()
    {
        var tags = Tag("France 2 Brazil 1");
        Assert.Equal(["B-LOC", "O", "B-LOC", "O"], tags[0]);
    }

    [Fact]
    public void ResultLines_FixtureLineNamesVisitorsAndVenue()
    {
        var tags = Tag("TOLLBURY AT HARWICK");
        Assert.Equal(["B-ORG", "O", "B-LOC"], tags[0]);
    }

    [Fact]
    public void ResultLines_StandingsAfterVenueAndSeparator()
    {
        var tags = Tag("Marsden : Harwick 259 and 207 , Tollbury 114 .");
        Assert.Equal("B-ORG", tags[0][2]);
        Assert.Equal("B-ORG", tags[0][7]);
    }

    [Fact]
    public void ResultLines_LeaveProseAlone()
    {
        // fewer than a quarter of the tokens are numbers: not a result line
        var words = "Harwick said on Monday that the 3 ships would sail to the harbour next week".Split(' ');
        var tags = new[] { new int[words.Length] };
        var set = DocumentNames.ResultLines([words], tags);
        Assert.All(set[0], x => Assert.False(x));
        Assert.All(tags[0], t => Assert.Equal(0, t));
    }

    [Fact]
    public void ResultLines_PostalCodesAndHouseNumbersAreNoScores()
    {
        // four numbers in thirteen tokens, but a house number and a postal code are no scores: no teams here
        var words = "NOW AT 4783 Velin Rd Tarvik , Ohio 48604 ( 555 ) 755-1109".Split(' ');
        var tags = new[] { new int[words.Length] };
        var set = DocumentNames.ResultLines([words], tags);
        Assert.All(set[0], x => Assert.False(x));
        Assert.All(tags[0], t => Assert.Equal(0, t));
    }

    private static NerFeatures.SentenceView View(string sentence) =>
        new NerFeatures(Gazetteer.Default, _noLexicon).View(sentence.Split(' '));

    private static int[] Tags(params string[] names) => [.. names.Select(NerTags.Index)];

    [Fact]
    public void Harmonize_SurnameAfterFullNameIsPerson()
    {
        var views = new[] { View("Ilse Varga met reporters ."), View("Later , Varga left ."), };
        var tags = new[] { Tags("B-PER", "I-PER", "O", "O", "O"), Tags("O", "O", "O", "O", "O") };
        DocumentNames.Harmonize(views, tags, [new bool[5], new bool[5]], _noLexicon);
        Assert.Equal(Tags("O", "O", "B-PER", "O", "O"), tags[1]);
    }

    [Fact]
    public void Harmonize_OrganisationShortFormTakesOrganisationType()
    {
        var views = new[] { View("Corvane Lines runs the terminal ."), View("Corvane denied it ."), };
        var tags = new[] { Tags("B-ORG", "I-ORG", "O", "O", "O", "O"), Tags("B-PER", "O", "O", "O") };
        DocumentNames.Harmonize(views, tags, [new bool[6], new bool[4]], _noLexicon);
        Assert.Equal(Tags("B-ORG", "O", "O", "O"), tags[1]);
    }

    [Fact]
    public void Harmonize_HeadlineCopyTakesTheBodyType()
    {
        var views = new[] { View("STORM HITS TOLLBURY"), View("The port of Tollbury reopened on Monday .") };
        var tags = new[] { Tags("O", "O", "B-PER"), Tags("O", "O", "O", "B-LOC", "O", "O", "O", "O") };
        DocumentNames.Harmonize(views, tags, [new bool[3], new bool[8]], _noLexicon);
        Assert.Equal(Tags("O", "O", "B-LOC"), tags[0]);
    }

    [Fact]
    public void Harmonize_MinorityTypeIsRelabelled()
    {
        var views = new[] { View("Tollbury is a port ."), View("Ships reach Tollbury daily ."), View("Tollbury said no .") };
        var tags = new[] { Tags("B-LOC", "O", "O", "O", "O"), Tags("O", "O", "B-LOC", "O", "O"), Tags("B-PER", "O", "O", "O") };
        DocumentNames.Harmonize(views, tags, [new bool[5], new bool[5], new bool[4]], _noLexicon);
        Assert.Equal(Tags("B-LOC", "O", "O", "O"), tags[2]);
    }
}
