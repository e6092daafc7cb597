using System.Text;
using Parallax.Core;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

public sealed class FeedReaderTests
{
    public const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Vellmark Courier – Harbour</title>
            <link>https://courier.example/</link>
            <image><title>logo</title><url>https://courier.example/logo.png</url></image>
            <item>
              <title>Pier closes for repairs</title>
              <link>https://courier.example/pier</link>
              <guid>courier-pier-1</guid>
              <pubDate>Tue, 11 Mar 2031 08:30:00 +0100</pubDate>
              <dc:creator>Ada Brenn</dc:creator>
              <author>desk@courier.example (Tomas Ilve)</author>
              <source url="https://wire.example/rss">Northern Wire</source>
              <description>Short summary.</description>
              <content:encoded><![CDATA[<p>The harbour council voted on Tuesday.</p>]]></content:encoded>
            </item>
            <item>
              <title>Ferry detour</title>
              <link>https://courier.example/ferry</link>
              <description>&lt;p&gt;Ferries will land at the fish market.&lt;/p&gt;</description>
            </item>
            <item>
              <title>Nothing here</title>
            </item>
          </channel>
        </rss>
        """;

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Harbour Gazette</title>
          <entry>
            <title>Pier to shut</title>
            <link rel="alternate" href="https://gazette.example/pier"/>
            <link rel="enclosure" href="https://gazette.example/pier.jpg"/>
            <id>urn:gazette:pier</id>
            <published>2031-03-11T09:00:00Z</published>
            <updated>2031-03-12T09:00:00Z</updated>
            <author><name>Mira Solt</name></author>
            <author><name>Jan Oster</name></author>
            <source><title>Coast Agency</title><link href="https://coast.example/"/></source>
            <content type="html">&lt;p&gt;Councillors voted to shut the pier.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Ferry</title>
            <link href="https://gazette.example/ferry"/>
            <updated>2031-03-12T10:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Ferries <b>move</b>.</p></div></content>
          </entry>
          <entry>
            <title>Plain</title>
            <summary>Only a plain summary.</summary>
          </entry>
        </feed>
        """;

    public const string JsonFeed = """
        {"version":"https://jsonfeed.org/version/1.1","title":"Pier Daily","authors":[{"name":"Desk"}],
         "items":[
           {"id":"1","url":"https://pier.example/a","title":"Pier","content_html":"<p>Pier shuts.</p>","date_published":"2031-03-11T10:00:00Z","authors":[{"name":"Ada Brenn"}]},
           {"id":"2","url":"https://pier.example/b","content_text":"Ferry moves.","date_modified":"2031-03-12T10:00:00Z"},
           {"id":"3","url":"https://pier.example/c","summary":"Summary only."},
           "not an item"
         ]}
        """;

    [Fact]
    public void Rss_ItemsBecomeSourcesWithHints()
    {
        var result = ReadContent("courier.xml", Encoding.UTF8.GetBytes(Rss));
        AssertWellFormed(result);
        Assert.Equal(["courier.xml#item1", "courier.xml#item2"], result.Sources.Select(s => s.Origin));
        var pier = result.Sources[0];
        Assert.Equal(SourceKind.Html, pier.Kind);
        Assert.Equal("rss", pier.Reader);
        Assert.Equal("<p>The harbour council voted on Tuesday.</p>", pier.RawText);
        Assert.Equal("Pier closes for repairs", pier.Hints.Title);
        Assert.Equal("https://courier.example/pier", pier.Hints.Url);
        Assert.Equal("Tue, 11 Mar 2031 08:30:00 +0100", pier.Hints.Published);
        Assert.Equal(["Ada Brenn", "Tomas Ilve"], pier.Hints.Authors);
        Assert.Equal("Northern Wire", pier.Hints.SyndicationSource);
        Assert.Equal("https://wire.example/rss", pier.Hints.SyndicationSourceUrl);
        Assert.Equal("courier-pier-1", pier.Hints.Id);
        Assert.Equal("courier.xml", pier.Hints.Feed);

        var ferry = result.Sources[1];
        Assert.Equal("<p>Ferries will land at the fish market.</p>", ferry.RawText);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.FeedItemSummaryOnly && d.Subject == "courier.xml#item2");
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.FeedItemEmpty && d.Subject == "courier.xml#item3");
    }

    [Fact]
    public void Atom_EntriesBecomeSourcesWithHints()
    {
        var result = ReadContent("gazette.atom", Encoding.UTF8.GetBytes(Atom));
        AssertWellFormed(result);
        Assert.Equal(3, result.Sources.Length);
        var pier = result.Sources[0];
        Assert.Equal("atom", pier.Reader);
        Assert.Equal(SourceKind.Html, pier.Kind);
        Assert.Equal("<p>Councillors voted to shut the pier.</p>", pier.RawText);
        Assert.Equal("https://gazette.example/pier", pier.Hints.Url);
        Assert.Equal("2031-03-11T09:00:00Z", pier.Hints.Published);
        Assert.Equal(["Mira Solt", "Jan Oster"], pier.Hints.Authors);
        Assert.Equal("Coast Agency", pier.Hints.SyndicationSource);
        Assert.Equal("https://coast.example/", pier.Hints.SyndicationSourceUrl);

        Assert.Contains("<b>move</b>", result.Sources[1].RawText);
        Assert.Equal("2031-03-12T10:00:00Z", result.Sources[1].Hints.Published);
        Assert.Equal(SourceKind.Text, result.Sources[2].Kind);
        Assert.Equal("Only a plain summary.", result.Sources[2].RawText);
    }

    [Fact]
    public void JsonFeed_ItemsBecomeSources()
    {
        var result = ReadContent("daily.json", Encoding.UTF8.GetBytes(JsonFeed));
        AssertWellFormed(result);
        Assert.Equal(3, result.Sources.Length);
        Assert.Equal(SourceKind.Html, result.Sources[0].Kind);
        Assert.Equal("jsonfeed", result.Sources[0].Reader);
        Assert.Equal(["Ada Brenn"], result.Sources[0].Hints.Authors);
        Assert.Equal(SourceKind.Text, result.Sources[1].Kind);
        Assert.Equal(["Desk"], result.Sources[1].Hints.Authors);
        Assert.Equal("2031-03-12T10:00:00Z", result.Sources[1].Hints.Published);
        Assert.Equal("Summary only.", result.Sources[2].RawText);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.MalformedJsonFeed && d.Subject == "daily.json#item4");
    }

    [Fact]
    public void Rss_MalformedXml_KeepsItemsBeforeTheError()
    {
        var broken = Rss.Replace("<title>Ferry detour</title>", "<title>Ferry detour</titel>", StringComparison.Ordinal);
        var result = ReadContent("broken.rss", Encoding.UTF8.GetBytes(broken));
        AssertWellFormed(result);
        Assert.Equal("courier.xml#item1".Replace("courier.xml", "broken.rss", StringComparison.Ordinal), Assert.Single(result.Sources).Origin);
        var error = Assert.Single(result.Diagnostics, d => d.Code == ReaderCodes.MalformedXml);
        Assert.Contains("line", error.Message);
    }

    [Fact]
    public void Rss_Xxe_IsRefused()
    {
        const string evil = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&xxe;</title><description>x</description></item></channel></rss>
            """;
        var result = ReadContent("evil.xml", Encoding.UTF8.GetBytes(evil));
        Assert.Empty(result.Sources);
        Assert.Equal(ReaderCodes.MalformedXml, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Xml_UnknownRoot_IsPX0121()
    {
        var result = ReadContent("sitemap.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>"));
        Assert.Equal(ReaderCodes.UnknownFeedFormat, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Opml_ReadsListedFeedFilesRelativeToIt()
    {
        using var dir = new TempDir();
        dir.Write("feeds/courier.xml", Rss);
        dir.Write("feeds/gazette.atom", Atom);
        var opml = dir.Write("list.opml", """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Harbour news</title></head><body>
              <outline text="Harbour"><outline text="Courier" xmlUrl="feeds/courier.xml"/><outline text="Gazette" xmlUrl="feeds/gazette.atom"/></outline>
              <outline text="Gone" xmlUrl="feeds/missing.xml"/>
              <outline text="Remote" xmlUrl="https://remote.example/rss"/>
            </body></opml>
            """);
        var result = ReadPath(opml);
        AssertWellFormed(result);
        Assert.Equal(5, result.Sources.Length);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.NotFound && d.Subject!.EndsWith("missing.xml", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.NetworkDisabled);
    }

    [Fact]
    public void Feed_MaxItems_IsEnforced()
    {
        var items = string.Concat(Enumerable.Range(1, 5).Select(i => $"<item><title>{i}</title><description>Story number {i}.</description></item>"));
        var result = ReadContent("many.rss", Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel>{items}</channel></rss>"), ReaderOptions.Default with { MaxFeedItems = 3 });
        Assert.Equal(3, result.Sources.Length);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.FeedTooManyItems);
    }

    [Fact]
    public void Rss_Windows1252Declared_IsDecoded()
    {
        var rss = "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><item><title>Café</title><description>“Smart” café</description></item></channel></rss>";
        var source = Assert.Single(ReadContent("w.rss", Windows1252(rss)).Sources);
        Assert.Equal("“Smart” café", source.RawText);
        Assert.Equal("Café", source.Hints.Title);
    }

    [Fact]
    public void JsonFeed_NotUtf8_IsDecodedWithAWarning()
    {
        var json = "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"id\":\"1\",\"content_text\":\"Le café “Vellmark”\"}]}";
        var result = ReadContent("w.json", Windows1252(json));
        AssertWellFormed(result);
        Assert.Equal("Le café “Vellmark”", Assert.Single(result.Sources).RawText);
        Assert.Contains(result.Diagnostics, d => d.Code == ReaderCodes.MalformedJsonFeed && d.Message.Contains("windows-1252"));
    }
}
