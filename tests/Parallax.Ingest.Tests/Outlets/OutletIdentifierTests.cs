using Parallax.Core;
using Parallax.Ingest.Outlets;
using Parallax.Testing;

namespace Parallax.Ingest.Tests.Outlets;

public class OutletIdentifierTests
{
    private const string Story = "The council of Port Anselm voted on Tuesday to close the old ferry terminal.";

    private static readonly OutletIdentifier _identifier = new();

    [Theory]
    [InlineData("https://www.reuters.com/world/europe/some-story-2025-12-11/", "Reuters", "reuters.com")]
    [InlineData("https://uk.reuters.com/article/x", "Reuters", "reuters.com")]
    [InlineData("https://apnews.com/article/abc", "Associated Press", "apnews.com")]
    [InlineData("https://www.bbc.co.uk/news/world-123", "BBC", "bbc.co.uk")]
    [InlineData("https://www.bbc.com/news/articles/x", "BBC", "bbc.com")]
    [InlineData("http://m.cnn.com/en/article/x", "CNN", "cnn.com")]
    [InlineData("https://www.nytimes.com/2016/09/20/nyregion/x.html?hp", "The New York Times", "nytimes.com")]
    [InlineData("https://eng.belta.by/president/view/x", "BelTA", "belta.by")]
    [InlineData("HTTPS://WWW.THEGUARDIAN.COM:443/world", "The Guardian", "theguardian.com")]
    [InlineData("https://abcnews.go.com/International/x", "ABC News", "abcnews.go.com")]
    public void OutletIdentifier_KnownDomain_NamesOutlet(string url, string outlet, string evidence)
    {
        var id = _identifier.Explain(ArticleMetadata.Empty, url, Story);

        Assert.Equal(outlet, id.Outlet);
        Assert.Equal("domain", id.Source);
        Assert.Equal(evidence, id.Evidence);
    }

    [Fact]
    public void OutletIdentifier_Hint_WinsOverDomain()
    {
        var meta = ArticleMetadata.Empty with { Outlet = "The Harbor Ledger", OutletSource = "hint" };

        Assert.Equal(("The Harbor Ledger", "hint"), _identifier.Identify(meta, "https://www.reuters.com/x", Story));
    }

    [Fact]
    public void OutletIdentifier_HintAlias_IsCanonicalised()
    {
        var meta = ArticleMetadata.Empty with { Outlet = "AP" };

        Assert.Equal(("Associated Press", "hint"), _identifier.Identify(meta, null, Story));
    }

    [Fact]
    public void OutletIdentifier_MetadataUrl_IsUsedWhenNoUrlGiven()
    {
        var meta = ArticleMetadata.Empty with { CanonicalUrl = "https://www.politico.eu/article/x" };

        Assert.Equal(("Politico", "domain"), _identifier.Identify(meta, null, Story));
    }

    [Theory]
    [InlineData("Reuters", "Reuters")]
    [InlineData("The Associated Press", "Associated Press")]
    [InlineData("The Harbor Ledger", "The Harbor Ledger")]
    public void OutletIdentifier_SiteName_IsMeta(string siteName, string outlet)
    {
        var meta = ArticleMetadata.Empty with { SiteName = siteName };

        Assert.Equal((outlet, "meta"), _identifier.Identify(meta, "https://harborledger.example/x", Story));
    }

    [Theory]
    [InlineData("MINSK, Dec 11 (Reuters) - The council voted on Tuesday.", "Reuters")]
    [InlineData("PORT ANSELM (AP) — The council voted on Tuesday.", "Associated Press")]
    [InlineData("MINSK, 11 December (BelTA) - The council voted on Tuesday.", "BelTA")]
    [InlineData("- Conservative Fix\n- Posts\n- Council Votes\n" + Story, "The Conservative Fix")]
    [InlineData("BELTA\n" + Story, "BelTA")]
    [InlineData(Story + "\n— Associated Press", "Associated Press")]
    [InlineData("outlet: Reuters\n" + Story, "Reuters")]
    public void OutletIdentifier_Masthead_NamesOutlet(string text, string outlet)
    {
        Assert.Equal((outlet, "masthead"), _identifier.Identify(ArticleMetadata.Empty, null, text));
    }

    [Fact]
    public void OutletIdentifier_UnknownAgencyInParentheses_IsNotAMasthead()
    {
        Assert.Equal(("unknown", "unknown"), _identifier.Identify(ArticleMetadata.Empty, null, "PORT ANSELM (Harbor Wire) - " + Story));
    }

    [Fact]
    public void OutletIdentifier_OutletNamedInsideProse_IsNotAMasthead()
    {
        var text = "Reuters reported on Tuesday that the ferry terminal would close.\nThe BBC said the same.";

        Assert.Equal(("unknown", "unknown"), _identifier.Identify(ArticleMetadata.Empty, null, text));
    }

    [Theory]
    [InlineData("https://www.harborledger.example/ferry", "harborledger.example")]
    [InlineData("https://news.portanselm.co.uk/ferry", "portanselm.co.uk")]
    public void OutletIdentifier_UncuratedDomain_IsRegisteredDomain(string url, string outlet)
    {
        Assert.Equal((outlet, "domain"), _identifier.Identify(ArticleMetadata.Empty, url, Story));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("file:///tmp/article.txt")]
    public void OutletIdentifier_NoEvidence_IsUnknown(string? url)
    {
        Assert.Equal(("unknown", "unknown"), _identifier.Identify(ArticleMetadata.Empty, url, Story));
    }

    [Fact]
    public void OutletTable_HasNoConflictingDomainsOrNames()
    {
        var table = OutletTable.Default;
        Assert.True(table.Entries.Length >= 80);
        var domains = table.Entries.SelectMany(e => e.Domains).ToList();
        Assert.Equal(domains.Count, domains.Distinct().Count());
        Assert.All(domains, d => Assert.Matches(@"^[a-z0-9-]+(\.[a-z0-9-]+)+$", d));
        var names = table.Entries.SelectMany(e => e.Aliases.Prepend(e.Name)).Select(n => n.ToLowerInvariant()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void OutletTable_Parse_ReadsColumnsAndSkipsComments()
    {
        var table = OutletTable.Parse("# comment\nHarbor Ledger\tharborledger.example,ledger.example\tThe Ledger,HL\n\nHarbor Wire\n");

        Assert.Equal(2, table.Entries.Length);
        Assert.Equal("Harbor Ledger", table.FindByHost("www.ledger.example", out _)?.Name);
        Assert.Equal("Harbor Ledger", table.FindByName("the ledger")?.Name);
        Assert.Equal("Harbor Wire", table.FindByName("Harbor Wire")?.Name);
    }

    [Fact]
    public void OutletIdentifier_Seeds_MastheadFoundOnlyWhereWritten()
    {
        // Read at run time from ../shared/seeds: only the seed whose top menu names its site gets an outlet from the text.
        var found = Directory.GetFiles(RepoPaths.Seeds, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(f => _identifier.Explain(ArticleMetadata.Empty, null, File.ReadAllText(f)))
            .ToList();

        Assert.Equal(5, found.Count);
        var named = Assert.Single(found, f => f.Outlet != "unknown");
        Assert.Equal(("The Conservative Fix", "masthead"), (named.Outlet, named.Source));
    }
}
