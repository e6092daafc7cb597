using Parallax.Ingest.Extraction;

namespace Parallax.Ingest.Tests.Extraction;

public class TitleTests
{
    [Theory]
    [InlineData("Strike spreads | The Harbour Herald", "The Harbour Herald", "Strike spreads")]
    [InlineData("Strike spreads | Harbour Herald", "The Harbour Herald", "Strike spreads")]
    [InlineData("The Harbour Herald - Strike spreads to the north", "The Harbour Herald", "Strike spreads to the north")]
    [InlineData("Ferry fares rise again – Coastline Wire", null, "Ferry fares rise again")]
    [InlineData("Brandt - Marov talks end without a deal", null, "Brandt - Marov talks end without a deal")]
    [InlineData("Strike spreads", "The Harbour Herald", "Strike spreads")]
    [InlineData("Harbour Herald", "Harbour Herald", "Harbour Herald")]
    public void MetadataReader_StripsSiteNameFromTitle(string title, string? site, string expected) =>
        Assert.Equal(expected, MetadataReader.StripSiteName(title, site));
}
