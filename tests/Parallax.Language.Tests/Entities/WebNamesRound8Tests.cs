using Parallax.Language.Entities;
using static Parallax.Language.Tests.Entities.TagInput;

namespace Parallax.Language.Tests.Entities;

/// <summary>
/// The session-12 web-text rules (<c>WebNames.Round8.cs</c>) on hand-written sentences about fictional places and
/// bodies. Tag patterns are space-separated IOB tags, one per word; an empty input pattern means every word untagged.
/// </summary>
public class WebNamesRound8Tests
{
    [Theory]
    [InlineData("we wrote to the Department of Harbours and Coastal Works yesterday", "", "O O O O B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG O")]
    [InlineData("we heard the Orlen Symphony Orchestra play", "O O O B-LOC O O O", "O O O B-ORG I-ORG I-ORG O")] // the place inside is replaced
    [InlineData("call the Law Offices of Dana Reyes today", "O O O O O B-PER I-PER O", "O O B-ORG I-ORG I-ORG I-ORG I-ORG O")] // the person inside is replaced
    [InlineData("the Velin Institute of Trade School of Marine and Coastal Studies opened", "", "O B-ORG I-ORG I-ORG I-ORG B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG O")] // two names
    [InlineData("after the August National Association of Growers report", "", "O O O B-ORG I-ORG I-ORG I-ORG O")] // a month stays outside
    [InlineData("the Tarvik Department of Works E-mail : none", "", "O B-ORG I-ORG I-ORG I-ORG O O O")] // a hyphenated word ends it
    [InlineData("we joined the United Velin Department of Works", "O O O B-LOC I-LOC O O O", "O O O B-ORG I-ORG I-ORG I-ORG I-ORG")] // the tagger's place is taken in whole
    [InlineData("the Russian Federation signed", "O B-LOC I-LOC O", "O B-LOC I-LOC O")] // a name of the tagger's that is the whole span keeps its type
    [InlineData("Great School , we loved it", "", "O O O O O O")] // an English word opening the sentence
    [InlineData("the Council met today", "", "O O O O")] // a lone head word
    [InlineData("the Board of Kenyan elders met", "", "O O O O O O")] // a demonym before a common noun
    [InlineData("Visit The Orlen Department Of Works Today", "", "O O O O O O O")] // a headline-cased line
    public void InstitutionNames_AHeadWordWithItsCapitalisedPartsIsOneOrganisation(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.InstitutionNames(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("we walked past Velmora City Hall and the pier", "", "O O O B-LOC I-LOC I-LOC O O O")]
    [InlineData("crews flew to the Tarvik Space Station , officials said", "", "O O O O B-LOC I-LOC I-LOC O O O")]
    [InlineData("we sang at Quenby Auditorium", "O O O B-PER I-PER", "O O O B-LOC I-LOC")] // the tagger's person is retyped
    [InlineData("the River Orlen Garden opened", "", "O B-LOC I-LOC I-LOC O")]
    [InlineData("the Orlen Museum Shop is open", "", "O O O O O O")] // a capitalised word follows: another name
    [InlineData("we met at The Hall", "", "O O O O O")] // only a function word before the head
    [InlineData("Hall was closed", "", "O O O")]
    [InlineData("we sat in the hall of Velmora Hall", "O O O O O O B-ORG I-ORG", "O O O O O O B-LOC I-LOC")]
    [InlineData("WE WALKED PAST VELMORA CITY HALL", "", "O O O O O O")] // an upper-case line
    public void VenueNames_CapitalisedWordsEndingInABuildingWordAreAPlace(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.VenueNames(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("send the Velmora Trade Department Report today", "O O B-ORG I-ORG I-ORG I-ORG O", "O O B-ORG I-ORG I-ORG O O")] // an English word
    [InlineData("the Harbour Ministry Kenya office", "O B-ORG I-ORG I-ORG O", "O B-ORG I-ORG B-LOC O")] // a listed country
    [InlineData("the Velmora Trade Department Quenby said", "O B-ORG I-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG I-ORG O")] // an unknown word stays
    [InlineData("the Velmora Department Report Office said", "O B-ORG I-ORG I-ORG I-ORG O", "O B-ORG I-ORG I-ORG I-ORG O")] // more than one word after the head
    public void TrailingWordsOfInstitutions_AnOrganisationEndsAtItsHead(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.TrailingWordsOfInstitutions(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("the redevelopment of St. Orlen is late", "O O O O B-PER O O", "O O O B-LOC I-LOC O O")]
    [InlineData("we moved to St Velmora last year", "O O O O B-PER O O", "O O O B-LOC I-LOC O O")]
    [InlineData("we met St. Orlen Harlan there", "O O O B-PER I-PER O", "O O O B-PER I-PER O")] // a two-word person stays
    [InlineData("the St. Orlen church", "O O B-LOC O", "O O B-LOC O")] // only persons are retyped
    [InlineData("WE MET ST. ORLEN", "O O O B-PER", "O O O B-PER")] // an upper-case line
    public void SaintPlaces_StBeforeAOneWordPersonIsAPlace(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.SaintPlaces(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("critics say the VPA moved too fast", "O O O B-ORG O O O")]
    [InlineData("the VPA Harbour fund", "O B-ORG O O")]
    [InlineData("the VP of sales", "O O O O")] // two letters: too short
    [InlineData("the VPX moved", "O O O")] // nobody's initials
    [InlineData("the CEO left", "O O O")] // a listed non-organisation acronym ("Corran Energy Office" is named too)
    [InlineData("then DOR agreed", "O O O")] // the initials of a person
    [InlineData("crews reached the TSS today", "O O O B-LOC O")] // a place's type
    [InlineData("ask the NOVFHAB office", "O O B-ORG O")] // seven letters
    [InlineData("ask the NOVHABXYZ office", "O O O O")] // nine letters: too long
    public void Initialisms_AnAcronymSpellingANamesInitialsIsThatName(string line, string expected)
    {
        var features = new NerFeatures(Gazetteer.Default, NoLexicon);
        string[][] document =
        [
            "the Velin Port Authority raised fees".Split(' '),
            "the Corran Energy Office opened".Split(' '),
            "Dana Ora Reyes spoke".Split(' '),
            "the North Orlen Velin Fair Housing Action Board ( NOVFHAB ) met".Split(' '),
            "the Tarvik Space Station is old".Split(' '),
            line.Split(' '),
        ];
        var views = document.Select(s => features.View(s)).ToArray();
        int[][] tags =
        [
            [0, 3, 4, 4, 0, 0],
            [0, 3, 4, 4, 0],
            [1, 2, 2, 0],
            [0, 3, 4, 4, 4, 4, 4, 4, 0, 3, 0, 0],
            [0, 5, 6, 6, 0, 0],
            new int[document[5].Length],
        ];
        WebNames.Initialisms(views, tags);
        Assert.Equal(expected.Split(' '), Names(tags[5]));
        Assert.Equal(["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"], Names(tags[0])); // the defining names are unchanged
    }
}
