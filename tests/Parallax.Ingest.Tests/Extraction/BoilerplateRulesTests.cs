using Parallax.Ingest.Extraction;

namespace Parallax.Ingest.Tests.Extraction;

public sealed class BoilerplateRulesTests
{
    [Theory]
    [InlineData("Advertisement", true)]
    [InlineData("Share this article", true)]
    [InlineData("Read more", true)]
    [InlineData("DON'T MISS", true)]
    [InlineData("Tags: harbour, bridge, ferry", true)]
    [InlineData("05/03/2031 - Posted by: Ines Valdarno - Categories: Harbour", true)]
    [InlineData("Kai Morrow | Getty Images", true)]
    [InlineData("In this March 2, 2031, file photo, a ferry crosses the harbour at dawn.", true)]
    [InlineData("[button link=\"/x\"]Send us your photos[/button]", true)]
    [InlineData("Get the Courier newsletter delivered to your inbox. Click here to sign up.", true)]
    [InlineData("The ferry carried 1,800 passengers a day, the harbour master said.", false)]
    [InlineData("Residents fall into one of three categories: walkers, cyclists and drivers.", false)]
    [InlineData("“The visuals were breathtaking. Must see.”", false)]
    public void BoilerplateRules_IsBoilerplateLine(string line, bool expected)
    {
        Assert.Equal(expected, BoilerplateRules.IsBoilerplateLine(line));
    }

    [Theory]
    [InlineData("By Mira Okonkwo", true)]
    [InlineData("By Mira Okonkwo and Tomas Ferreira-Lind", true)]
    [InlineData("Updated at 1:23 p.m.", true)]
    [InlineData("Published March 4, 2031", true)]
    [InlineData("Tue 4 March 2031 09.15 GMT", true)]
    [InlineData("By the end of the week the bridge was open.", false)]
    public void BoilerplateRules_IsBylineOrDate(string line, bool expected)
    {
        Assert.Equal(expected, BoilerplateRules.IsBylineOrDate(line));
    }

    [Theory]
    [InlineData("share-bar", null, true)]
    [InlineData("article-body", null, false)]
    [InlineData("post-meta", null, false)]
    [InlineData("meta", null, true)]
    [InlineData(null, "rightRail", true)]
    [InlineData("commentary-body", null, false)]
    [InlineData("l-sidebar-fixed l-article-body-segment", null, true)]
    [InlineData("story", "main", false)]
    public void BoilerplateRules_HasNegativeHint(string? className, string? id, bool expected)
    {
        Assert.Equal(expected, BoilerplateRules.HasNegativeHint(className, id));
    }

    [Theory]
    [InlineData("We use cookies to improve your experience.", true)]
    [InlineData("This slideshow requires JavaScript.", true)]
    [InlineData("The cookies at the harbour bakery sold out by noon.", false)]
    public void BoilerplateRules_IsNotice(string line, bool expected)
    {
        Assert.Equal(expected, BoilerplateRules.IsNotice(line));
    }
}
