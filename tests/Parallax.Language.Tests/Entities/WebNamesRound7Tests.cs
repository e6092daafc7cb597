using Parallax.Language.Entities;
using static Parallax.Language.Tests.Entities.TagInput;

namespace Parallax.Language.Tests.Entities;

/// <summary>
/// The session-11 web-text rule (<c>WebNames.Round7.cs</c>) on hand-written sentences about fictional places. Tag
/// patterns are space-separated IOB tags, one per word; an empty input pattern means every word untagged.
/// </summary>
public class WebNamesRound7Tests
{
    [Theory]
    [InlineData("we spent two nights in Tarvik !", "", "O O O O O B-LOC O")]
    [InlineData("the cafe near Velmora is cheap", "", "O O O B-LOC O O")]
    [InlineData("we stayed at Quenby for a week", "", "O O O B-LOC O O O")] // a venue
    [InlineData("rebels shelled the city of Orlen , officials said", "", "O O O O O B-LOC O O O")]
    [InlineData("the road from Kenya and Tarvik was closed", "O O O B-LOC O O O O", "O O O B-LOC O B-LOC O O")] // next to a listed country
    [InlineData("Velin , Orlen , and Kenya signed", "B-LOC O O O O B-LOC O", "B-LOC O B-LOC O O B-LOC O")] // ", and" before the listed place
    [InlineData("Velin and Tarvik are small towns", "B-LOC O O O O O", "B-LOC O O O O O")] // no listed place in the sentence
    [InlineData("the hikers and Tarvik ate lunch", "", "O O O O O O")] // no place next to it
    [InlineData("loose ties to QX Tarvik and Kenya", "O O O O O O B-LOC", "O O O O O O B-LOC")] // the last word of a capitalised run
    [InlineData("we stayed at Quenby Books all day", "", "O O O O O O O")] // a capitalised word follows: another name
    [InlineData("the show moved to Tarvik later", "", "O O O O O O")] // not a place preposition; "to" is left out
    [InlineData("she teaches in Spanish at school", "", "O O O O O O")] // a demonym
    [InlineData("we met in May at the lake", "", "O O O O O O O")] // a month and given name
    [InlineData("the band played in Bridge last year", "", "O O O O O O O")] // an English word
    [InlineData("Cheap Rooms In Tarvik", "", "O O O O")] // a headline-cased line
    [InlineData("WE STAYED IN TARVIK", "", "O O O O")] // an upper-case line
    [InlineData("we met at Tarvik", "O O O B-PER", "O O O B-PER")] // the tagger's name stays
    public void UnknownPlaces_AfterAPlacePrepositionOrNextToAListedPlace(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.UnknownPlaces(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("From : \" Harlan , Odette \" < odette.harlan@example.com >", "O O O B-PER O B-PER O O O O", "O O O B-PER I-PER I-PER O O O O")] // one span, comma included
    [InlineData("\" Van Orsk , Pim \" < pim@example.com >", "", "O B-PER I-PER I-PER I-PER O O O O")]
    [InlineData("Email : Odette Harlan < odette...@example.com >", "", "O O B-PER I-PER O O O")]
    [InlineData("Email : \" QVX \" < qvx...@example.com >", "", "O O O B-PER O O O O")] // an all-capital handle
    [InlineData("Email : \" The Garden Album \" < album@example.com >", "", "O O O O O O O O O O")] // a title: "The" is an English word
    [InlineData("Email : Velmora Daily Alert < news@example.com >", "O O B-ORG I-ORG I-ORG O O O", "O O B-ORG I-ORG I-ORG O O O")] // the tagger's organisation stays
    [InlineData("see Odette Harlan < odette@example.com >", "", "O O O O O O")] // no ":" or quote before the name
    [InlineData("Email : Odette Harlan < not an address >", "", "O O O O O O O O O")] // no address after "<"
    [InlineData("\" Harlan , Odette , Pim \" < list@example.com >", "", "O O O O O O O O O O")] // a list, not one name
    public void MailDisplayNames_TheNameBeforeAnAddressIsAPerson(string sentence, string input, string expected)
    {
        var (view, tags) = Input(sentence, input);
        WebNames.MailDisplayNames(view, tags);
        Assert.Equal(expected.Split(' '), Names(tags));
    }

    [Theory]
    [InlineData("zv", "B-PER")] // Zora Velmi's initials
    [InlineData("ZV .", "B-PER O")]
    [InlineData("zvt", "B-PER")] // Zora van Tarvik
    [InlineData("zx", "O")] // nobody's initials
    [InlineData("zv thanks", "O O")] // not a line of its own
    [InlineData("op", "O")] // an English word (Oskar Pell is named too)
    public void SignOffInitials_ALineSpellingAPersonsInitialsIsThatPerson(string line, string expected)
    {
        string[][] sentences =
        [
            "Thanks for the draft .".Split(' '),
            line.Split(' '),
            "Zora Velmi".Split(' '),
            "cc Zora van Tarvik and Oskar Pell".Split(' '),
        ];
        int[][] tags =
        [
            new int[5],
            new int[sentences[1].Length],
            [.. "B-PER I-PER".Split(' ').Select(NerTags.Index)],
            [.. "O B-PER I-PER I-PER O B-PER I-PER".Split(' ').Select(NerTags.Index)],
        ];
        var features = new NerFeatures(Gazetteer.Default, NoLexicon);
        WebNames.SignOffInitials([.. sentences.Select(features.View)], tags);
        Assert.Equal(expected.Split(' '), Names(tags[1]));
        Assert.Equal(new string[5].Select(_ => "O"), Names(tags[0]));
    }
}
