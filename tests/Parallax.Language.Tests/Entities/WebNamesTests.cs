using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

/// <summary>The session-7 web-text rules on hand-written sentences (fictional people and organisations, real listed places).</summary>
public class WebNamesTests
{
    private static readonly Dictionary<string, byte> _noLexicon = new(StringComparer.Ordinal);

    private static string[] Words(string sentence) => sentence.Split(' ');

    private static string[] Names(int[] tags) => [.. tags.Select(t => NerTags.Names[t])];

    private static NerFeatures.SentenceView View(string sentence) => new NerFeatures(Gazetteer.Default, _noLexicon).View(Words(sentence));

    [Fact]
    public void LowerCaseListedNames_ListedPlacesInACaselessSentenceAreNames()
    {
        var view = View("i flew from lisbon to portugal 's north coast");
        var tags = new int[view.Words.Length];
        WebNames.LowerCaseListedNames(view, tags, _noLexicon);
        Assert.Equal(["O", "O", "O", "B-LOC", "O", "B-LOC", "O", "O", "O"], Names(tags));
    }

    [Fact]
    public void LowerCaseListedNames_CommonEnglishWordsStayWords()
    {
        // "china" and "turkey" are listed countries but also English words
        var view = View("we ate turkey off the good china");
        var tags = new int[view.Words.Length];
        WebNames.LowerCaseListedNames(view, tags, _noLexicon);
        Assert.All(tags, t => Assert.Equal(0, t));
    }

    [Fact]
    public void LowerCaseListedNames_GivenNameTakesAnUnknownSurname()
    {
        var view = View("ask marta ollevin about the invoice");
        var tags = new int[view.Words.Length];
        WebNames.LowerCaseListedNames(view, tags, _noLexicon);
        Assert.Equal(["O", "B-PER", "I-PER", "O", "O", "O"], Names(tags));
    }

    [Fact]
    public void LowerCaseListedNames_MixedCaseSentenceIsLeftAlone()
    {
        // a capitalised name mid-sentence: the writer uses capitals, so a lower-case "lisbon" is not a name by casing alone
        var view = View("Marta Ollevin took the lisbon road");
        var tags = new int[view.Words.Length];
        WebNames.LowerCaseListedNames(view, tags, _noLexicon);
        Assert.All(tags, t => Assert.Equal(0, t));
    }

    [Fact]
    public void LowerCaseListedNames_EntryReplacesTheTaggersPieceInsideIt()
    {
        var view = View("we drove to new york last week");
        int[] tags = [0, 0, 0, NerTags.Index("B-LOC"), 0, 0, 0];
        WebNames.LowerCaseListedNames(view, tags, _noLexicon);
        Assert.Equal(["O", "O", "O", "B-LOC", "I-LOC", "O", "O"], Names(tags));
    }

    [Fact]
    public void DefinedAcronyms_AcronymAndPiecesOfItsExpansionAreOneOrganisation()
    {
        var view = View("a complaint against the Harbour Board of New Tarvik ( HBNT ) last week");
        var tags = new int[view.Words.Length];
        tags[4] = NerTags.Index("B-ORG");
        tags[5] = NerTags.Index("I-ORG");
        tags[7] = NerTags.Index("B-LOC");
        tags[8] = NerTags.Index("I-LOC");
        WebNames.DefinedAcronyms(view, tags);
        Assert.Equal(["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O", "O"], Names(tags));
    }

    [Fact]
    public void DefinedAcronyms_ExpansionTaggedAsOneNameGivesItsType()
    {
        var view = View("the Republic of Velmark ( ROV ) said");
        int[] tags = [0, NerTags.Index("B-LOC"), NerTags.Index("I-LOC"), NerTags.Index("I-LOC"), 0, 0, 0, 0];
        WebNames.DefinedAcronyms(view, tags);
        Assert.Equal(["O", "B-LOC", "I-LOC", "I-LOC", "O", "B-LOC", "O", "O"], Names(tags));
    }

    [Theory]
    [InlineData("the Harbour Board ( TV ) said")] // a listed non-organisation acronym
    [InlineData("the Harbour Board ( XYZ ) said")] // initials do not spell it
    [InlineData("the harbour board ( HB ) said")] // no capitalised expansion
    public void DefinedAcronyms_LeavesOtherParenthesesAlone(string sentence)
    {
        var view = View(sentence);
        var tags = new int[view.Words.Length];
        WebNames.DefinedAcronyms(view, tags);
        Assert.All(tags, t => Assert.Equal(0, t));
    }

    [Fact]
    public void TownAndState_TownCommaStateCodeAreTwoPlaces()
    {
        var view = View("our office in Quellbrook , OH opened");
        var tags = new int[view.Words.Length];
        WebNames.TownAndState(view, tags);
        Assert.Equal(["O", "O", "O", "B-LOC", "O", "B-LOC", "O"], Names(tags));
    }

    [Fact]
    public void TownAndState_PersonBeforeTheCodeIsADoctor()
    {
        var view = View("with Imre Vorst , MD , a professor");
        int[] tags = [0, NerTags.Index("B-PER"), NerTags.Index("I-PER"), 0, 0, 0, 0, 0];
        WebNames.TownAndState(view, tags);
        Assert.Equal(["O", "B-PER", "I-PER", "O", "O", "O", "O", "O"], Names(tags));
    }
}
