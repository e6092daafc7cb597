using Parallax.Core.Reporting;

namespace Parallax.Compare.Tests;

/// <summary>Quotes across outlets on the bundled samples and on ../shared/seeds (read at run time; asserted with short keywords).</summary>
public sealed class QuotesAcrossCorporaTests
{
    [Fact]
    public void Samples_TammQuote_IsOneQuoteWithFullEllipsisAndPartialVersions()
    {
        var run = Corpora.Samples;
        var quote = Assert.Single(run.Main.Quotes, q => q.Text.Contains("unlawful", StringComparison.Ordinal));
        Assert.Contains("Tamm", quote.Speaker, StringComparison.Ordinal);
        var kinds = quote.Variants.ToLookup(v => v.Outlet, v => v.Kind);
        Assert.Equal(["exact"], kinds["Meridian Wire"]);
        Assert.Equal(["exact"], kinds["The Harbour Ledger"]);
        Assert.Equal(["truncated"], kinds["The Patriot Beacon"]);
        Assert.Equal(["partial"], kinds["Valdoria Daily Post"]);
        Assert.Equal("Meridian Wire", quote.FirstOutlet);
        Assert.All(quote.Occurrences, o => Assert.Equal(run.Article(o.ArticleId).Text[o.Start..o.End], o.Text));
        // The Ledger rewrites the wire: one origin for the two.
        Assert.True(quote.Origins.Length < quote.Outlets.Length);
    }

    [Fact]
    public void Samples_VargasTwoQuotes_StayTwo()
    {
        var quotes = Corpora.Samples.Main.Quotes;
        var wage = Assert.Single(quotes, q => q.Text.Contains("wage", StringComparison.Ordinal));
        var nobody = Assert.Single(quotes, q => q.Text.Contains("Nobody", StringComparison.Ordinal));
        Assert.NotEqual(wage.Id, nobody.Id);
        Assert.Equal("Ilse Varga", wage.Speaker);
        Assert.Equal("Ilse Varga", nobody.Speaker);
        Assert.Equal(wage.SpeakerEntityId, nobody.SpeakerEntityId);
        Assert.Equal(["Meridian Wire", "The Harbour Ledger"], wage.Outlets);
        Assert.Equal(["Valdoria Daily Post"], nobody.Outlets);
    }

    [Fact]
    public void Samples_EmbeddedPost_IsVargasWords()
    {
        var quote = Assert.Single(Corpora.Samples.Main.Quotes, q => q.Variants.Any(v => v.Embed is not null));
        Assert.Contains("crane", quote.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pic.twitter", quote.Text, StringComparison.Ordinal);
        Assert.Equal("Ilse Varga", quote.Speaker);
        var variant = Assert.Single(quote.Variants);
        Assert.Equal("Coastline Business Review", variant.Outlet);
        Assert.Equal("Ilse Varga", variant.Embed!.Author);
    }

    [Fact]
    public void Seeds_BeltaQuote_IsOneQuoteWithItsTruncatedVariant()
    {
        var quotes = Corpora.Seeds.Stories.SelectMany(s => s.Quotes).Where(q => q.Variants.Any(v => Says(v, "We agreed"))).ToList();
        var quote = Assert.Single(quotes);
        Assert.Contains("Lukashenko", quote.Speaker, StringComparison.Ordinal);
        Assert.True(quote.Variants.Count(v => v.Quoted) >= 3, "the quote should be carried by at least three articles");
        Assert.Contains(quote.Variants, v => v.Kind == "truncated");
        Assert.Contains(quote.Variants, v => v.Kind == "exact");
        Assert.All(quote.Variants.Where(v => v.Quoted), v => Assert.Equal(quote.SpeakerEntityId, v.SpeakerEntityId));
    }

    private static bool Says(QuoteVariantReport v, string words) => v.Evidence.Any(e => e.Text.Contains(words, StringComparison.Ordinal));
}
