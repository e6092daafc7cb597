using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

/// <summary>
/// The session-7 web-text rules on hand-written sentences (fictional people, organisations and shops; real listed places
/// and towns). Tag patterns are space-separated IOB tags, one per word; an empty input pattern means every word untagged.
/// </summary>
public class WebNamesTests
{
    private static readonly Dictionary<string, byte> _noLexicon = new(StringComparer.Ordinal);

    private static string[] Names(int[] tags) => [.. tags.Select(t => NerTags.Names[t])];

    private static NerFeatures.SentenceView View(string sentence) => new NerFeatures(Gazetteer.Default, _noLexicon).View(sentence.Split(' '));

    private static int[] Tags(string pattern) => [.. pattern.Split(' ').Select(NerTags.Index)];

    private static (NerFeatures.SentenceView View, int[] Tags) Input(string sentence, string pattern)
    {
        var view = View(sentence);
        return (view, pattern.Length == 0 ? new int[view.Words.Length] : Tags(pattern));
    }

    [Theory]
    [InlineData("i flew from lisbon to portugal 's north coast", "", "O O O B-LOC O B-LOC O O O")]
    [InlineData("we ate turkey off the good china", "", "O O O O O O O")] // listed countries that are also English words
    [InlineData("ask marta ollevin about the invoice", "", "O B-PER I-PER O O O")] // a given name takes an unknown surname
    [InlineData("Marta Ollevin took the lisbon road", "", "O O O O O O")] // the writer uses capitals: casing is evidence here
    [InlineData("we drove to new york last week", "O O O B-LOC O O O", "O O O B-LOC I-LOC O O")] // the entry replaces the tagger's piece
    public void LowerCaseListedNames_ListedNamesInCaselessSentencesOnly(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.LowerCaseListedNames(view, tags, _noLexicon);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("we drove down to Modesto for the weekend", "", "O O O O B-LOC O O O")]
    [InlineData("the best tacos in Oxnard , hands down", "O O O O B-PER O O O", "O O O O B-LOC O O O")] // a lone one-word person
    [InlineData("we ate at Modesto Harbour Kitchen last night", "", "O O O O O O O O")] // a business named after the town
    [InlineData("Velma Oxnard fixed the roof", "B-PER I-PER O O O", "B-PER I-PER O O O")] // a tagged person name stays
    public void ListedTowns_StandAloneListedTownsArePlaces(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.ListedTowns(view, tags, _noLexicon);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("our office in Quellbrook , OH opened", "", "O O O B-LOC O B-LOC O")]
    [InlineData("with Imre Vorst , MD , a professor", "O B-PER I-PER O O O O O", "O B-PER I-PER O O O O O")] // a doctor
    public void TownAndState_TownCommaStateCodeAreTwoPlaces(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.TownAndState(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("a complaint against the Harbour Board of New Tarvik ( HBNT ) last week", "O O O O B-ORG I-ORG O B-LOC I-LOC O O O O O", "O O O O B-ORG I-ORG I-ORG I-ORG I-ORG O B-ORG O O O")] // pieces of the expansion become one organisation
    [InlineData("the Republic of Velmark ( ROV ) said", "O B-LOC I-LOC I-LOC O O O O", "O B-LOC I-LOC I-LOC O B-LOC O O")] // the expansion's own type
    [InlineData("the Harbour Board ( TV ) said", "", "O O O O O O O")] // a listed non-organisation acronym
    [InlineData("the Harbour Board ( XYZ ) said", "", "O O O O O O O")] // initials do not spell it
    [InlineData("the harbour board ( HB ) said", "", "O O O O O O O")] // no capitalised expansion
    public void DefinedAcronyms_AcronymTakesItsExpansionsName(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.DefinedAcronyms(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("Cozy , warm room and a kind host .", "B-PER O O O O O O O O", "O O O O O O O O O")] // a common word, no person evidence
    [InlineData("we all liked the Marsh plan .", "O O O O B-PER O O", "O O O O B-PER O O")] // mid-sentence before a lower-case word
    public void CommonWordPersons_LoneSentence(string sentence, string input, string expected)
    {
        NerFeatures.SentenceView[] views = [View(sentence)];
        int[][] tags = [Tags(input)];
        WebNames.CommonWordPersons(views, tags);
        Assert.Equal(expected.Split(' '), Names(tags[0]));
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

    [Theory]
    [InlineData("we picked up bread at Wegmans on the way", "", "O O O O O B-ORG O O O")]
    [InlineData("her complaint to the OSHA went nowhere", "", "O O O O B-ORG O O")] // an acronym written in capitals
    [InlineData("the Osha logo", "", "O O O")] // an acronym entry not written in capitals is an unknown word, left to the tagger
    [InlineData("she read it in The Boston Globe today", "", "O O O O O B-ORG I-ORG O")] // the entry's "The" stays outside
    [InlineData("we ate at Wegmans Harbour Cafe last night", "", "O O O O O O O O")] // part of a longer capitalised name
    [InlineData("Brenna Comerica wrote back", "B-PER I-PER O O", "B-PER I-PER O O")] // the tagger's names stay
    [InlineData("we get our groceries at Wegmans now", "O O O O O B-PER O", "O O O O O B-ORG O")] // exactly one person on the match
    [InlineData("the boat sailed past Wegmans Point", "O O O O B-LOC I-LOC", "O O O O B-LOC I-LOC")] // another type stays
    public void ListedOrganisations_StandAloneListedOrganisationsAreOrganisations(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.ListedOrganisations(view, tags, _noLexicon);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("a letter from Quorvel Fabrics , Inc. arrived", "", "O O O B-ORG I-ORG I-ORG I-ORG O")]
    [InlineData("the counterparty , QVX , LLC .", "O O O O O O O", "O O O B-ORG I-ORG I-ORG O")]
    [InlineData("Dana Reyes Quorvel Fabrics , Inc. Phone", "B-PER I-PER I-PER I-PER O O O", "B-PER I-PER B-ORG I-ORG I-ORG I-ORG O")] // a signature line
    [InlineData("we met in the lobby , Inc. was not there", "", "O O O O O O O O O O")] // no name before the comma
    public void CorporateSuffixes_NameCommaSuffixIsOneOrganisation(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.CorporateSuffixes(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("we always order from Dorsey 's Pizza on Fridays", "O O O O B-PER O O O O", "O O O O B-ORG I-ORG I-ORG O O")]
    [InlineData("Kemp 's Auto Repair fixed it", "", "B-ORG I-ORG I-ORG I-ORG O O")]
    [InlineData("Dorsey 's Chief of Staff resigned", "B-PER O O O O O", "B-PER O O O O O")] // no business word
    [InlineData("in Tarvik 's Pizza Row", "O B-LOC O O O", "O B-LOC O O O")] // a place's possessive is left alone
    public void PossessiveBusinesses_NamePossessiveBusinessWordIsAShop(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.PossessiveBusinesses(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Fact]
    public void StormsAreNotPersons_StormNameIsNoPersonInTheWholeDocument()
    {
        NerFeatures.SentenceView[] views =
        [
            View("Hurricane Velma reached the coast ."),
            View("Velma packed winds of 120 mph ."),
            View("Velma Okoro said the shelters were full ."),
        ];
        int[][] tags =
        [
            Tags("O B-PER O O O O"),
            Tags("B-PER O O O O O O"),
            Tags("B-PER I-PER O O O O O O"),
        ];
        WebNames.StormsAreNotPersons(views, tags);
        Assert.Equal("O", Names(tags[0])[1]);
        Assert.Equal("O", Names(tags[1])[0]);
        Assert.Equal(["B-PER", "I-PER"], Names(tags[2]).Take(2)); // a two-word person is left alone
    }

    [Theory]
    [InlineData("we rented a boat on Quellbrook Lake last June", "O O O O O B-PER I-PER O O", "O O O O O B-LOC I-LOC O O")] // a person ending in a place head word
    [InlineData("we drove past the Green Rock Bridges at dawn", "", "O O O O B-LOC I-LOC I-LOC O O")] // an untagged run, "the" outside
    [InlineData("Quellbrook Lake was calm", "", "O O O O")] // an untagged run that begins the sentence
    [InlineData("the Tarvik Lake Rowing Club met", "", "O O O O O O")] // part of a longer capitalised name
    [InlineData("two men died near Tarvik on Monday", "O O O O B-PER O O", "O O O O B-LOC O O")] // after a place preposition
    [InlineData("fighting spread to Mosul , Tarvik , and Basra", "O O O B-LOC O B-PER O O B-LOC", "O O O B-LOC O B-LOC O O B-LOC")] // in a list of places
    [InlineData("at the White House , Tarvik repeated his view", "O O B-LOC I-LOC O B-PER O O O", "O O B-LOC I-LOC O B-PER O O O")] // a comma alone makes no list
    [InlineData("we toured Velin , Orlen and Tarvik", "O O B-LOC O B-LOC O B-PER", "O O B-LOC O B-LOC O B-LOC")] // the last of three
    [InlineData("I spoke with Tarvik on Monday", "O O O B-PER O O", "O O O B-PER O O")] // no place evidence
    [InlineData("we met near Tarvik 's house", "O O O B-PER O O", "O O O B-PER O O")] // a possessive speaks for a person
    [InlineData("in Mosul , Tarvik said", "O B-LOC O B-PER O", "O B-LOC O B-PER O")] // a speech verb speaks for a person
    public void PlacedNames_PlaceHeadsAndPlaceContexts(string sentence, string input, string expected)
    {
        NerFeatures.SentenceView[] views = [View(sentence)];
        int[][] tags = [input.Length == 0 ? new int[views[0].Words.Length] : Tags(input)];
        WebNames.PlacedNames(views, tags);
        Assert.Equal(expected.Split(' '), Names(tags[0]));
    }

    [Fact]
    public void PlacedNames_PlacedWordIsAPlaceInTheWholeDocument()
    {
        NerFeatures.SentenceView[] views =
        [
            View("we stayed near Tarvik for a week ."),
            View("Tarvik is lovely in spring ."),
            View("Ada Tarvik runs the inn ."),
        ];
        int[][] tags =
        [
            Tags("O O O B-PER O O O O"),
            Tags("B-PER O O O O O"),
            Tags("B-PER I-PER O O O O"),
        ];
        WebNames.PlacedNames(views, tags);
        Assert.Equal("B-PER", Names(tags[0])[3]); // a word of a two-word person is never placed
        Assert.Equal("B-PER", Names(tags[1])[0]);

        int[][] lone = [Tags("O O O B-PER O O O O"), Tags("B-PER O O O O O"), Tags("O O O O O O")];
        WebNames.PlacedNames(views, lone);
        Assert.Equal("B-LOC", Names(lone[0])[3]);
        Assert.Equal("B-LOC", Names(lone[1])[0]); // the document's other lone mention follows
    }

    [Theory]
    [InlineData("the Rolls - Royce plant reopened", "O B-PER O B-PER O O", "O B-ORG I-ORG I-ORG O O")] // the tagger's pieces inside the match
    [InlineData("fighters from Guinea - Bissau arrived", "", "O O B-LOC I-LOC I-LOC O")]
    [InlineData("a rolls - royce engine", "", "O O O O O")] // no capital at all
    [InlineData("the Velin Rolls - Royce Club", "O B-ORG I-ORG I-ORG I-ORG I-ORG", "O B-ORG I-ORG I-ORG I-ORG I-ORG")] // a longer name stays
    public void HyphenatedListedNames_ListedNamesWithSplitHyphens(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.HyphenatedListedNames(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("we ate at Dorsey s , then left", "O O O B-PER O O O O", "O O O B-LOC I-LOC O O O")] // a lone person and "s"
    [InlineData("Quellmart s is one of four shops", "", "B-LOC I-LOC O O O O O")] // untagged, a verb after
    [InlineData("Thank You Dorsey s Auto Tech !", "O O B-PER O O O O", "O O B-ORG I-ORG I-ORG I-ORG O")] // a business head word
    [InlineData("we love Quellmart s", "O O B-ORG O", "O O B-ORG I-ORG")] // the tagger's organisation keeps its type
    [InlineData("I borrowed Dana s car", "O O B-PER O O", "O O B-PER O O")] // the owner of a noun
    [InlineData("My cat s name is Tib", "", "O O O O O O")] // an English word
    [InlineData("Dana Velk s shop", "B-PER I-PER O O", "B-PER I-PER O O")] // not a lone word
    public void ApostropheLessShops_NameAndLoneSIsAShop(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.ApostropheLessShops(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("the Velinese Army moved north", "O B-LOC I-LOC O O", "O B-ORG I-ORG O O")]
    [InlineData("US Marines took the town", "B-LOC I-LOC O O O", "B-ORG I-ORG O O O")]
    [InlineData("the Army moved north", "O B-LOC O O", "O B-LOC O O")] // one word: left to the tagger
    [InlineData("in Velin Bay", "O B-LOC I-LOC", "O B-LOC I-LOC")]
    public void ArmedForces_PlaceEndingInAForceIsAnOrganisation(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.ArmedForces(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("( Applause . )", "O B-ORG O O", "O O O O")]
    [InlineData("( Laughter )", "O B-PER O", "O O O")]
    [InlineData("PS. Love the new menu", "B-PER O O O O", "O O O O O")]
    [InlineData("Thx", "B-ORG", "O")]
    [InlineData("the mayor ( Tarvik ) agreed", "O O O B-PER O O", "O O O B-PER O O")] // no English word
    [InlineData("a seat on the board ( Canada . )", "O O O O O O B-LOC O O", "O O O O O O B-LOC O O")] // a listed place
    public void ChatAndStageWords_AreNoNames(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.ChatAndStageWords(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Fact]
    public void SalutationNames_GreetingLineNamesAPersonInTheWholeLetter()
    {
        NerFeatures.SentenceView[] views =
        [
            View("Tarja ,"),
            View("the invoice is attached ."),
            View("Regards ,"),
            View("Tarja"),
            View("Brilll"),
        ];
        int[][] tags = [Tags("O O"), Tags("O O O O O"), Tags("O O"), Tags("O"), Tags("O")];
        WebNames.SalutationNames(views, tags);
        Assert.Equal(["B-PER", "O"], Names(tags[0])); // a greeting line
        Assert.Equal(["O", "O"], Names(tags[2])); // an English word
        Assert.Equal(["B-PER"], Names(tags[3])); // the signature repeats the greeting's name
        Assert.Equal(["O"], Names(tags[4])); // a bare line with no evidence
    }
}
