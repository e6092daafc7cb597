using Parallax.Language.Entities;
using static Parallax.Language.Tests.Entities.TagInput;

namespace Parallax.Language.Tests.Entities;

/// <summary>
/// The session-10 web-text rules (<c>WebNames.Round6.cs</c>) on hand-written sentences about fictional businesses and
/// people. Tag patterns are space-separated IOB tags, one per word; an empty input pattern means every word untagged.
/// </summary>
public class WebNamesRound6Tests
{
    [Theory]
    [InlineData("any good ramen place in SF ?", "", "O O O O O B-LOC O")]
    [InlineData("we moved to the state of NY but kept the boat", "", "O O O O O O B-LOC O O O O")]
    [InlineData("flying to LA after the Velland show", "", "O O B-LOC O O O O")]
    [InlineData("she reads the LA Times every day", "", "O O O O O O O")] // not after a place preposition
    [InlineData("I heard it in LA Weekly first", "", "O O O O O O O")] // a capitalised word follows: another name
    [InlineData("take the exit to CA 95 north", "", "O O O O O O O")] // a road number
    [InlineData("he works in PR and marketing", "", "O O O O O O")] // not a listed short form
    [InlineData("the clinic is in MD offices", "", "O O O O O O")] // a code that is also a title
    [InlineData("WE LIVED IN SF FOR YEARS", "", "O O O O O O")] // an upper-case line
    [InlineData("we met in SF", "O O O B-ORG", "O O O B-ORG")] // the tagger's name stays
    public void PlaceShortForms_AfterAPlacePreposition(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.PlaceShortForms(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("we hired Quell Futures for the hedge", "", "O O B-ORG I-ORG O O O")]
    [InlineData("Brannock Plumbing fixed the leak in an hour", "", "B-ORG I-ORG O O O O O O")]
    [InlineData("the crew from Tolvik Horse Transport arrived late", "O O O B-PER I-PER O O O", "O O O B-ORG I-ORG I-ORG O O")] // a person the tagger found
    [InlineData("Call Arvenne Trucking today", "", "O B-ORG I-ORG O")] // an opener word stays outside
    [InlineData("The Marlow Roofing crew was great", "", "O B-ORG I-ORG O O O")] // a leading "The" stays outside
    [InlineData("Velland Construction Group won the bid", "", "O O O O O O")] // a capitalised word follows the head word
    [InlineData("we got a quote for roofing from Dalby", "", "O O O O O O O O")] // the head word in lower case
    [InlineData("Great Value Best Insurance Ever", "", "O O O O O")] // a headline-cased line
    [InlineData("the Orsk Bank Software team", "O B-ORG I-ORG O O", "O B-ORG I-ORG O O")] // an organisation already there
    public void BusinessWordNames_CapitalisedWordsAndABusinessHeadWord(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.BusinessWordNames(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }
}
