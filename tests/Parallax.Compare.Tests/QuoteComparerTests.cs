using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Compare.QuotesAcross;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Language;
using Parallax.Language.Entities;
using Parallax.Stories;

namespace Parallax.Compare.Tests;

/// <summary>
/// Quotes across outlets on small stories written for these tests (the invented lake town of Orven, its mayor Edda Vahl,
/// and four invented outlets).
/// </summary>
public sealed class QuoteComparerTests
{
    private static readonly DateOnly Day = new(2030, 5, 6);

    private const string Full = "\"The ferry will run again in June, and every family on the island will ride it for free this summer,\" Mayor Edda Vahl said on Monday.";

    [Fact]
    public void QuoteComparer_GroupsExactTruncatedPartialAndChangedVersions()
    {
        var input = Story(
            ("wire", "North Star Wire", Day, "The Orven ferry is coming back. " + Full),
            ("courier", "Orven Courier", Day, "Mayor Edda Vahl promised on Monday that \"every family on the island will ride it for free this summer\", to applause from the harbour crowd."),
            ("herald", "Lakeside Herald", Day.AddDays(1), "Mayor Edda Vahl had good news. \"The ferry will run again in June ... every family on the island will ride it for free,\" Vahl said."),
            ("voice", "Island Voice", Day.AddDays(1), "Mayor Edda Vahl spoke at the pier. \"The ferry will run again in July, and every family on the island will ride it for free this summer,\" Vahl said."));

        var quote = Assert.Single(QuoteComparer.Compare(input), q => q.Text.Contains("ferry will run", StringComparison.Ordinal));
        Assert.Equal("Edda Vahl", quote.Speaker);
        Assert.NotNull(quote.SpeakerEntityId);
        Assert.Equal("North Star Wire", quote.FirstOutlet);
        Assert.Equal("wire", quote.FirstArticleId);
        Assert.Equal("2030-05-06", quote.FirstDate);
        Assert.Equal(["North Star Wire", "Orven Courier", "Lakeside Herald", "Island Voice"], quote.Outlets);
        Assert.Equal("exact", KindIn(quote, "wire"));
        Assert.Equal("partial", KindIn(quote, "courier"));
        Assert.Equal("truncated", KindIn(quote, "herald"));
        Assert.Equal("changed", KindIn(quote, "voice"));
        var changed = quote.Variants.Single(v => v.ArticleId == "voice");
        Assert.Equal(new WordChangeReport("June", "July"), Assert.Single(changed.Changes));
        Assert.All(quote.Variants, v => Assert.True(v.Quoted));
        Assert.All(quote.Variants, v => Assert.NotEmpty(v.Evidence));
        Assert.Equal(quote.Variants.SelectMany(v => v.Evidence), quote.Occurrences);
        AssertEvidence(input, quote);
    }

    [Fact]
    public void QuoteComparer_KeepsDifferentQuotesOfOneSpeakerApart()
    {
        var input = Story(
            ("wire", "North Star Wire", Day, Full),
            ("courier", "Orven Courier", Day, "\"Nobody on the council wanted to close the pier. We had no money left,\" Mayor Edda Vahl said."));

        var quotes = QuoteComparer.Compare(input);
        Assert.Equal(2, quotes.Count(q => q.Speaker == "Edda Vahl"));
        Assert.All(quotes, q => Assert.Single(q.Variants));
    }

    [Fact]
    public void QuoteComparer_MarksQuoteMarksAroundWordsTheOriginalDoesNotContain()
    {
        var input = Story(
            ("wire", "North Star Wire", Day, "\"We will keep the harbour in public hands, whatever the buyers offer,\" Mayor Edda Vahl said."),
            ("voice", "Island Voice", Day.AddDays(1), "Mayor Edda Vahl said she would \"keep the public harbour away from buyers\" at any price."));

        var quote = Assert.Single(QuoteComparer.Compare(input), q => q.Text.Contains("harbour", StringComparison.Ordinal) && q.Variants.Length > 1);
        Assert.Equal("exact", KindIn(quote, "wire"));
        var paraphrase = quote.Variants.Single(v => v.ArticleId == "voice");
        Assert.Equal("paraphrase", paraphrase.Kind);
        Assert.Contains("North Star Wire", paraphrase.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteComparer_MarksIndirectSpeechPrintedInQuoteMarksElsewhere()
    {
        var input = Story(
            ("wire", "North Star Wire", Day, "Mayor Edda Vahl said the ferry tickets would stay cheap for pensioners and students."),
            ("voice", "Island Voice", Day.AddDays(1), "Mayor Edda Vahl said the tickets would \"stay cheap for pensioners\" this year."));

        var quote = Assert.Single(QuoteComparer.Compare(input));
        Assert.Equal("Edda Vahl", quote.Speaker);
        var indirect = quote.Variants.Single(v => v.ArticleId == "wire");
        Assert.Equal("indirect", indirect.Kind);
        Assert.False(indirect.Quoted);
        var quoted = quote.Variants.Single(v => v.ArticleId == "voice");
        Assert.Equal("paraphrase", quoted.Kind);
        Assert.Contains("indirect", quoted.Note, StringComparison.Ordinal);
        Assert.Equal("Island Voice", quote.FirstOutlet);
        AssertEvidence(input, quote);
    }

    [Fact]
    public void QuoteComparer_AttributesEmbeddedPostToItsAuthor()
    {
        const string post = "The pier reopens at dawn. Bring your bicycles.";
        var embedded = Make("blog", "Orven Daily", Day, "Mayor Edda Vahl posted the news late on Sunday.\n\nHundreds replied within the hour.") with
        {
            Embeds = [new Embed { Kind = EmbedKind.SocialPost, RawSpan = new TextSpan(0, 0), Text = post + " pic.twitter.com/AbCdEf", Author = "Edda Vahl", Handle = "@eddavahl" }],
        };
        var input = Story([embedded, Make("voice", "Island Voice", Day.AddDays(1), "Mayor Edda Vahl wrote: \"The pier reopens at dawn.\"")]);

        var quote = Assert.Single(QuoteComparer.Compare(input), q => q.Text.Contains("pier reopens", StringComparison.Ordinal));
        Assert.Equal("Edda Vahl", quote.Speaker);
        Assert.Equal(post, quote.Text);
        var fromEmbed = quote.Variants.Single(v => v.ArticleId == "blog");
        Assert.NotNull(fromEmbed.Embed);
        Assert.Equal("@eddavahl", fromEmbed.Embed.Handle);
        Assert.Empty(fromEmbed.Evidence);
        Assert.Equal("exact", fromEmbed.Kind);
        Assert.Equal("partial", KindIn(quote, "voice"));
        Assert.Equal("Orven Daily", quote.FirstOutlet);
    }

    [Fact]
    public void QuoteComparer_NamesSpeakerNotPronoun()
    {
        var input = Story(
            ("wire", "North Star Wire", Day, "Mayor Edda Vahl opened the new pier on Monday. \"This pier belongs to every fisherman on the lake,\" she said."),
            ("voice", "Island Voice", Day, "\"This pier belongs to every fisherman on the lake,\" Mayor Edda Vahl told the crowd."));

        var quote = Assert.Single(QuoteComparer.Compare(input), q => q.Text.Contains("pier belongs", StringComparison.Ordinal));
        Assert.Equal("Edda Vahl", quote.Speaker);
        Assert.Equal(2, quote.Variants.Length);
        Assert.All(quote.Variants, v => Assert.Equal(quote.SpeakerEntityId, v.SpeakerEntityId));
    }

    [Fact]
    public void QuoteComparer_IsDeterministic()
    {
        var input = Story(
            ("wire", "North Star Wire", Day, Full),
            ("herald", "Lakeside Herald", Day.AddDays(1), "\"The ferry will run again in June ... every family on the island will ride it for free,\" Mayor Edda Vahl said."));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Assert.Equal(JsonSerializer.Serialize(QuoteComparer.Compare(input), options), JsonSerializer.Serialize(QuoteComparer.Compare(input), options));
    }

    [Fact]
    public void QuoteComparer_EmptyStory_GivesNoQuotes() =>
        Assert.Empty(QuoteComparer.Compare(new StoryInput("s", "empty", [], [])));

    private static string KindIn(QuoteReport quote, string articleId) => quote.Variants.Single(v => v.ArticleId == articleId).Kind;

    private static void AssertEvidence(StoryInput input, QuoteReport quote)
    {
        foreach (var e in quote.Occurrences)
        {
            Assert.Equal(input[e.ArticleId].Text[e.Start..e.End], e.Text);
        }
    }

    private static StoryInput Story(params (string Id, string Outlet, DateOnly Date, string Text)[] articles) =>
        Story([.. articles.Select(a => Make(a.Id, a.Outlet, a.Date, a.Text))]);

    private static StoryInput Story(IReadOnlyList<Article> articles)
    {
        var docs = articles.Select(a => LanguagePipeline.Analyze(a, TestContext.Current.CancellationToken)).ToList();
        var resolved = EntityResolver.Resolve(docs);
        var members = resolved.Docs
            .Select(d => new StoryArticle(d, new ArticleOrigin { ArticleId = d.Article.Id, Kind = OriginKind.Independent, Reason = "test" }, d.Article.Id)
            {
                Date = d.Article.Metadata.Published?.Date,
            })
            .ToImmutableArray();
        return new StoryInput("story", "Orven ferry", members, resolved.Entities);
    }

    private static Article Make(string id, string outlet, DateOnly date, string text) => new()
    {
        Id = id,
        SourceId = id,
        Origin = "fixture:" + id,
        Metadata = new ArticleMetadata { Outlet = outlet, Published = new PublicationDate { Date = date, Source = "fixture" } },
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
    };
}
