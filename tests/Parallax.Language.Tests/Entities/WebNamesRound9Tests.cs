using Parallax.Language.Entities;
using static Parallax.Language.Tests.Entities.TagInput;

namespace Parallax.Language.Tests.Entities;

/// <summary>
/// The session-13 web-text rules (<c>WebNames.Round9.cs</c>) on hand-written sentences about fictional people, towns and
/// shops. Tag patterns are space-separated IOB tags, one per word; an empty input pattern means every word untagged.
/// </summary>
public class WebNamesRound9Tests
{
    [Theory]
    [InlineData("Velmora California is a bit north", "B-LOC I-LOC O O O O", "B-LOC B-LOC O O O O")] // a state name
    [InlineData("we flew to Orlenby Kenya last May", "O O O B-LOC I-LOC O O", "O O O B-LOC B-LOC O O")] // a listed country
    [InlineData("things to do in San Velmora Ca ?", "O O O O B-LOC I-LOC I-LOC O", "O O O O B-LOC I-LOC B-LOC O")] // a title-case code inside
    [InlineData("things to do in San Velmora Ca ?", "O O O O B-LOC I-LOC O O", "O O O O B-LOC I-LOC B-LOC O")] // an untagged code after
    [InlineData("we drove to Orlenby TX yesterday", "O O O B-LOC O O", "O O O B-LOC B-LOC O")] // an upper-case code after
    [InlineData("we drove to Orlenby TX 77001", "O O O B-LOC O O", "O O O B-LOC O O")] // a number follows: an address line
    [InlineData("we drove to Orlenby Ca Harbour", "O O O B-LOC O O", "O O O B-LOC O O")] // a capitalised word follows
    [InlineData("we flew to New Mexico in May", "O O O B-LOC I-LOC O O", "O O O B-LOC I-LOC O O")] // one longer name
    [InlineData("we flew to West Virginia in May", "O O O B-LOC I-LOC O O", "O O O B-LOC I-LOC O O")]
    [InlineData("I went to the Velmora IN May", "O O O O B-LOC O O", "O O O O B-LOC O O")] // codes that are words are left out
    [InlineData("Velmora California Bank opened", "B-ORG I-ORG I-ORG O", "B-ORG I-ORG I-ORG O")] // only places are split
    [InlineData("you mean velmora florida they have", "O O B-LOC I-LOC O O", "O O B-LOC B-LOC O O")] // lower-case text
    [InlineData("we flew to new mexico today", "O O O B-LOC I-LOC O", "O O O B-LOC I-LOC O")]
    public void PlaceAndState_ATownAndItsStateWithoutACommaAreTwoPlaces(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.PlaceAndState(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("my favourite shop in Harlan , KS", "O O O O B-PER O O", "O O O O B-LOC O B-LOC")]
    [InlineData("she drove from Harlan , TX to Orlenby", "O O O B-PER O O O B-LOC", "O O O B-LOC O B-LOC O B-LOC")]
    [InlineData("we met Harlan , MD today", "O O B-PER O O O", "O O B-PER O O O")] // no place preposition: a doctor's title
    [InlineData("in Harlan Quenby , KS", "O B-PER I-PER O O", "O B-PER I-PER O O")] // a two-word person stays
    [InlineData("in Harlan , KS Velmora", "O B-PER O O B-ORG", "O B-LOC O O B-ORG")] // a capitalised word after the code: the code stays untagged
    [InlineData("in Harlan , KS", "O B-PER O B-ORG", "O B-PER O B-ORG")] // a code the tagger typed otherwise
    public void GivenNameTowns_AGivenNameBetweenAPlacePrepositionAndAStateCodeIsATown(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.GivenNameTowns(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("I was thinking Quenby 's at around 5 .", "", "O O O B-LOC I-LOC O O O O")]
    [InlineData("we ate at Quenby 's .", "O O O B-PER O O", "O O O B-LOC I-LOC O")] // the tagger's person
    [InlineData("it is now Quenby s .", "", "O O O B-LOC I-LOC O")] // a detached "s" after "now"
    [InlineData("the game at quenby s tomorrow ?", "", "O O O B-LOC I-LOC O O")] // lower case after "at"
    [InlineData("we used Quenby 's van", "", "O O O O O")] // it owns something
    [InlineData("the lab ran Quenby s tests .", "", "O O O O O O O")]
    [InlineData("the idea was Orlen Quenby 's .", "O O O B-PER I-PER O O", "O O O B-PER I-PER O O")] // a two-word person
    [InlineData("a call to ( Quenby 's ) office", "O O O O B-PER O O O", "O O O O B-PER O O O")] // in brackets
    [InlineData("that book is Bright 's .", "", "O O O O O O")] // an English word
    [InlineData("we are going to Velmora Grill 's for dinner .", "O O O O B-LOC I-LOC O O O O", "O O O O B-LOC I-LOC I-LOC O O O")] // the tagger's place takes it
    [InlineData("we are going to Velmora Grill 's menu .", "O O O O B-LOC I-LOC O O O", "O O O O B-LOC I-LOC O O O")]
    public void BarePossessivePlaces_APossessiveThatOwnsNothingIsAPlaceOfBusiness(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.BarePossessivePlaces(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("Tomas I for one agree", "B-PER I-PER O O O", "B-PER O O O O")]
    [InlineData("Orlen Quenby Stochastic Processes course", "B-PER I-PER I-PER I-PER O", "B-PER I-PER O O O")] // a signature over a course title
    [InlineData("Orlen Quenby Market said", "B-PER I-PER I-PER O", "B-PER I-PER I-PER O")] // one common word may be a surname
    [InlineData("Coach : Elena Quenby Daniel Orlenby - Analyst", "O O B-PER I-PER I-PER I-PER O O", "O O B-PER I-PER B-PER I-PER O O")] // two persons
    [InlineData("Maria Elena Quenby Orlenby spoke", "B-PER I-PER I-PER I-PER O", "B-PER I-PER I-PER I-PER O")] // a second given name right after the first
    [InlineData("Tomas Quenby spoke", "B-PER I-PER O", "B-PER I-PER O")]
    public void PersonEnds_APersonStopsBeforeWordsThatAreNoPartOfTheName(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.PersonEnds(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("was it the first Smart Phone ?", "O O O O B-PER O O", "O O O O O O O")]
    [InlineData("we asked Daniel Research about it", "O O B-PER O O O", "O O B-PER O O O")] // a listed given name
    [InlineData("we asked Quenby Research about it", "O O B-PER O O O", "O O B-PER O O O")] // not an English word
    [InlineData("the first Smart phone", "O O B-PER O", "O O B-PER O")] // a lower-case word follows
    public void EnglishWordPersons_AnEnglishWordBeforeACapitalisedCommonWordIsNoPerson(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.EnglishWordPersons(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("the border includes East Velmora now", "O O O O B-LOC O", "O O O B-LOC I-LOC O")]
    [InlineData("North Orlenby was flooded", "O B-LOC O O", "B-LOC I-LOC O O")]
    [InlineData("at 20 South Velmora Ave .", "O O O B-LOC O O", "O O O B-LOC O O")] // a street
    [InlineData("the Quenby East Velmora line", "O B-ORG O B-LOC O", "O B-ORG O B-LOC O")] // a name before it
    [InlineData("in Northern Velmora", "O O B-LOC", "O O B-LOC")] // adjectives stay outside
    public void CompassPlaces_ACompassWordBeforeAPlaceIsPartOfIt(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.CompassPlaces(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("the case for the Kenya War was weak", "O O O O B-LOC I-LOC O O", "O O O O B-LOC O O O")]
    [InlineData("the case for the Kenya War was weak", "O O O O B-ORG I-ORG O O", "O O O O B-LOC O O O")]
    [InlineData("the Velmora War ended", "O B-LOC I-LOC O", "O B-LOC I-LOC O")] // not a listed country
    public void CountryWars_ACountryAndWarIsTheCountry(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.CountryWars(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("cartoons of the Prophet Quenby appeared", "O O O O B-PER O", "O O O B-PER I-PER O")]
    [InlineData("the Prophet said", "", "O O O")]
    [InlineData("the Prophet Velmora mosque", "O O B-LOC O", "O O B-LOC O")] // only persons
    public void ProphetNames_ProphetIsPartOfTheName(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.ProphetNames(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("the Google - Mozilla deal", "O B-ORG I-ORG I-ORG O", "O B-ORG O B-ORG O")] // two listed organisations
    [InlineData("the Velmora - Quenby deal", "O B-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG O")] // unlisted
    [InlineData("the Google - Velmora deal", "O B-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG O")] // one side unlisted
    [InlineData("the Google - Mozilla deal", "O B-LOC I-LOC I-LOC O", "O B-LOC I-LOC I-LOC O")] // only organisations
    public void HyphenatedOrganisations_TwoListedOrganisationsJoinedByAHyphenAreTwo(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.HyphenatedOrganisations(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("Dana R. Quenby Accenture -- Consultant", "B-PER I-PER I-PER I-PER O O", "B-PER I-PER I-PER B-ORG O O")]
    [InlineData("Dana Quenby Google", "B-PER I-PER I-PER", "B-PER I-PER B-ORG")]
    [InlineData("Dana Google", "B-PER I-PER", "B-PER I-PER")] // two words: the name alone
    [InlineData("Dana Quenby Velmora", "B-PER I-PER I-PER", "B-PER I-PER I-PER")] // unlisted
    public void SignatureOrganisations_AListedOrganisationEndingAPersonIsTheEmployer(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.SignatureOrganisations(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }
}
