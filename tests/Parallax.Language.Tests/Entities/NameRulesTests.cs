using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

/// <summary>The session-4 name rules on hand-written sentences (fictional names), each rule called on its own with given tags.</summary>
public class NameRulesTests
{
    private static readonly Dictionary<string, byte> _noLexicon = new(StringComparer.Ordinal);

    private static string[] Words(string sentence) => sentence.Split(' ');

    private static int[] Tags(params string[] names) => [.. names.Select(NerTags.Index)];

    private static string[] Names(int[] tags) => [.. tags.Select(t => NerTags.Names[t])];

    private static NerFeatures.SentenceView[] Views(params string[] sentences)
    {
        var features = new NerFeatures(Gazetteer.Default, _noLexicon);
        return [.. sentences.Select(s => features.View(Words(s)))];
    }

    [Fact]
    public void EventsAreNotNames_PlaceBeforeEventWordIsCleared()
    {
        var tags = Tags("O", "O", "B-LOC", "O", "O", "O");
        NameRules.EventsAreNotNames(Words("at the Harwick Open on Friday"), tags);
        Assert.All(tags, t => Assert.Equal(0, t));
    }

    [Fact]
    public void EventsAreNotNames_EventWordFirstStays()
    {
        var tags = Tags("B-ORG", "I-ORG", "O");
        NameRules.EventsAreNotNames(Words("Open University said"), tags);
        Assert.Equal(["B-ORG", "I-ORG", "O"], Names(tags));
    }

    [Fact]
    public void InitialsJoinPersons_InitialBeforePersonJoins()
    {
        var tags = Tags("B-PER", "O", "O", "O", "B-PER", "O");
        NameRules.InitialsJoinPersons(Words("Mardek scored , T. Ollevin 40"), tags);
        Assert.Equal(["B-PER", "O", "O", "B-PER", "I-PER", "O"], Names(tags));
    }

    [Fact]
    public void InitialsJoinPersons_InitialBeforeUntaggedSurnameIsAPerson()
    {
        var tags = Tags("O", "O", "O", "O");
        NameRules.InitialsJoinPersons(Words("R. Quillane 63 not"), tags);
        Assert.Equal(["B-PER", "I-PER", "O", "O"], Names(tags));
    }

    [Fact]
    public void InitialsJoinPersons_CountryAbbreviationIsNotAnInitial()
    {
        var tags = Tags("O", "B-PER", "O");
        NameRules.InitialsJoinPersons(Words("U.S. Ollevin said"), tags);
        Assert.Equal(["O", "B-PER", "O"], Names(tags));
    }

    [Fact]
    public void ScorecardPlayers_FielderAndBowlerArePersons()
    {
        var tags = Tags("B-PER", "O", "O", "O", "O", "O");
        NameRules.ScorecardPlayers(Words("Mardek c Quillane b Ostrevan 44"), tags);
        Assert.Equal(["B-PER", "O", "B-PER", "O", "B-PER", "O"], Names(tags));
    }

    [Fact]
    public void Acronyms_AbbreviationAfterOrganisationIsAnOrganisation()
    {
        var views = Views("the Tollbury Dockworkers Union ( TDU ) said");
        var tags = new[] { Tags("O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O") };
        NameRules.Acronyms(views, tags);
        Assert.Equal("B-ORG", NerTags.Names[tags[0][5]]);
    }

    [Fact]
    public void Acronyms_CommonAcronymStays()
    {
        var views = Views("the Tollbury Broadcasting Company ( TV ) said");
        var tags = new[] { Tags("O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O") };
        NameRules.Acronyms(views, tags);
        Assert.Equal("O", NerTags.Names[tags[0][5]]);
    }

    [Fact]
    public void UnknownNameRuns_UnknownCapitalisedPairIsAPerson()
    {
        var views = Views("the cross came from Dravko Mellisandre in the second half");
        var tags = new[] { new int[views[0].Words.Length] };
        NameRules.UnknownNameRuns(views, tags, _noLexicon);
        Assert.Equal(["O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"], Names(tags[0]));
    }

    [Theory]
    [InlineData("the ruling came from Human Rights Council staff")] // common English words
    [InlineData("the bags are kept at Gare Vollmont overnight")] // after a preposition of place
    [InlineData("the meeting is on Tuesday Aug 12 this year")] // calendar words
    public void UnknownNameRuns_LeavesOtherRunsAlone(string sentence)
    {
        var views = Views(sentence);
        var tags = new[] { new int[views[0].Words.Length] };
        NameRules.UnknownNameRuns(views, tags, _noLexicon);
        Assert.All(tags[0], t => Assert.Equal(0, t));
    }

    [Fact]
    public void SportsTeams_PlaceNamesInSportsReportsAreClubs()
    {
        var views = Views("CRICKET - KENT CLOSE IN ON TITLE", "Essex need another 148 runs in Leeds .");
        var tags = new[] { new int[views[0].Words.Length], Tags("B-LOC", "O", "O", "O", "O", "O", "B-LOC", "O") };
        var results = new[] { new bool[views[0].Words.Length], new bool[views[1].Words.Length] };
        NameRules.SportsTeams(views, tags, results);
        Assert.Equal("B-ORG", NerTags.Names[tags[1][0]]);
        Assert.Equal("B-LOC", NerTags.Names[tags[1][6]]); // "in Leeds" is where
    }

    [Fact]
    public void SportsTeams_OtherReportsKeepPlaces()
    {
        var views = Views("Essex councils need another 148 staff .");
        var tags = new[] { Tags("B-LOC", "O", "O", "O", "O", "O", "O") };
        NameRules.SportsTeams(views, tags, [new bool[7]]);
        Assert.Equal("B-LOC", NerTags.Names[tags[0][0]]);
    }

    [Fact]
    public void Datelines_DatelineNamesAPlace()
    {
        var tags = Tags("B-ORG", "I-ORG", "O");
        NameRules.Datelines(Words("PORT HARWICK 1996-08-31"), tags);
        Assert.Equal(["B-LOC", "I-LOC", "O"], Names(tags));
    }

    [Fact]
    public void NamesStopAtOrdinaryWords_CutsAtCommonWordAndStartsNewName()
    {
        var tags = Tags("B-LOC", "I-LOC", "I-LOC", "O");
        NameRules.NamesStopAtOrdinaryWords(Words("Vardania slams Kestovia ."), tags);
        Assert.Equal(["B-LOC", "O", "B-LOC", "O"], Names(tags));
    }

    [Fact]
    public void NamesStopAtOrdinaryWords_KeepsConnectorsAndParticles()
    {
        var tags = Tags("B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-PER", "I-PER");
        NameRules.NamesStopAtOrdinaryWords(Words("Bank of Tollbury and Jan van der Mool"), tags);
        Assert.Equal(["B-ORG", "I-ORG", "I-ORG", "O", "B-PER", "I-PER", "I-PER", "I-PER"], Names(tags));
    }

    [Fact]
    public void CommonWordsAreNotNames_WeekdaysAndLowerCaseCommonWordsAreCleared()
    {
        var view = Views("On Thursday the hospital in Tollbury said")[0];
        var tags = Tags("O", "B-ORG", "O", "B-LOC", "O", "B-LOC", "O");
        NameRules.CommonWordsAreNotNames(view, tags);
        Assert.Equal(["O", "O", "O", "O", "O", "B-LOC", "O"], Names(tags));
    }

    [Fact]
    public void LonePersonsAgainstTheDocument_WordOfAPlaceNameIsThatPlace()
    {
        var views = Views("Boats wait off Tarvik tonight .", "Every crane at Port Tarvik stands still .");
        int[][] tags = [Tags("O", "O", "O", "B-PER", "O", "O"), Tags("O", "O", "O", "B-LOC", "I-LOC", "O", "O", "O")];
        NameRules.LonePersonsAgainstTheDocument(views, tags);
        Assert.Equal(["O", "O", "O", "B-LOC", "O", "O"], Names(tags[0]));
        Assert.Equal(["O", "O", "O", "B-LOC", "I-LOC", "O", "O", "O"], Names(tags[1]));
    }

    [Fact]
    public void LonePersonsAgainstTheDocument_WordAfterAPlacePrefixIsThatPlaceWhateverItsTag()
    {
        // the tagger made "Port Tarvik" part of an organisation: the word after "Port" is still a place word
        var views = Views("Boats wait off Tarvik tonight .", "The Port Tarvik Operators ' Association met again tonight .");
        int[][] tags = [Tags("O", "O", "O", "B-PER", "O", "O"), Tags("O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O")];
        NameRules.LonePersonsAgainstTheDocument(views, tags);
        Assert.Equal(["O", "O", "O", "B-LOC", "O", "O"], Names(tags[0]));
        Assert.Equal(["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"], Names(tags[1]));
    }

    [Fact]
    public void LonePersonsAgainstTheDocument_KeepsAPersonNamedAsAPersonToo()
    {
        // "Tarvik" is also the surname of a person of the document: the lone mention stays a person
        var views = Views("Tarvik spoke first .", "Port Tarvik is quiet , Imre Tarvik said .");
        int[][] tags = [Tags("B-PER", "O", "O", "O"), Tags("B-LOC", "I-LOC", "O", "O", "O", "B-PER", "I-PER", "O", "O")];
        NameRules.LonePersonsAgainstTheDocument(views, tags);
        Assert.Equal(["B-PER", "O", "O", "O"], Names(tags[0]));
    }

    [Fact]
    public void LonePersonsAgainstTheDocument_CommonWordInATitleCaseHeadlineIsNoName()
    {
        var views = Views("Union Bosses Hold the Harbour to Ransom", "The strike entered its third day .");
        int[][] tags = [Tags("O", "O", "O", "O", "O", "O", "B-PER"), Tags("O", "O", "O", "O", "O", "O", "O")];
        NameRules.LonePersonsAgainstTheDocument(views, tags);
        Assert.All(tags[0], t => Assert.Equal(0, t));
    }

    [Fact]
    public void LonePersonsAgainstTheDocument_HeadlinePersonNamedInTheBodyStays()
    {
        // "Baker" is a common word, but an ordinary sentence of the document tags it as a person
        var views = Views("Mayor Names Baker to Lead Harbour Talks", "Talks will be led by Ilse Baker , the mayor said .");
        int[][] tags = [Tags("O", "O", "B-PER", "O", "O", "O", "O"), Tags("O", "O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O")];
        NameRules.LonePersonsAgainstTheDocument(views, tags);
        Assert.Equal("B-PER", NerTags.Names[tags[0][2]]);
    }
}
