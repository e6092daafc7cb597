using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IArticleStore"/> must have, written against the interface only so another backend
/// (PostgreSQL) reuses it by deriving and supplying <see cref="OpenStore"/>.
/// </summary>
public abstract class ArticleStoreContractTests : IDisposable
{
    /// <summary>Opens the store under test; called again after <see cref="IDisposable.Dispose"/> to test persistence.</summary>
    protected abstract IArticleStore OpenStore();

    public abstract void Dispose();

    private const string StrikeRaw =
        "Skip to content\nHome | Ports | Politics\n" +
        "PORT VELIN — Dockworkers at Port Velin walked off the job on Thursday, the union said.\n" +
        "![crane](img/crane.png)\n" +
        "Minister Oskar Tamm called the strike \"unlawful and reckless\".\n" +
        "Cargo now waits for the strike to end — 40 ships, the port authority says. Café owners on Quay Street worry.\n" +
        "Walkout now. Ports shut. #VelinStrike\n" +
        "Sign up for our morning newsletter!\n";

    internal static (SourceDocument Source, Article Article) Strike() => TestArticles.Make(
        StrikeRaw,
        published: new PublicationDate { Date = new DateOnly(2026, 3, 12), Time = new TimeOnly(14, 5, 9, 250), Offset = TimeSpan.FromMinutes(-90), Source = "meta:article:published_time" },
        removed:
        [
            ("Skip to content\nHome | Ports | Politics\n", RemovalKind.Navigation),
            ("![crane](img/crane.png)\n", RemovalKind.ImageDebris),
            ("Walkout now. Ports shut. #VelinStrike\n", RemovalKind.Embed),
            ("Sign up for our morning newsletter!\n", RemovalKind.Newsletter),
        ]);

    [Fact]
    public void Store_RoundTripsArticleInEveryField()
    {
        var (source, article) = Strike();
        var html = "<p>" + article.RawText + "</p>";
        article = article with { HtmlMap = new OffsetMap([new OffsetSegment(0, 3, 20), new OffsetSegment(21, 24, 30)], article.RawText.Length, html.Length) };
        using (var store = OpenStore())
        {
            Assert.Equal([SaveOutcome.Inserted], store.Save([(source, [article])]));
            Equality.AssertSame(article, store.GetArticle(article.Id)!);
        }

        using var reopened = OpenStore();
        var back = reopened.GetArticle(article.Id);
        Assert.NotNull(back);
        Equality.AssertSame(article, back);
        Assert.Equal(4, back.Removals.Length);
        Assert.Equal(2, back.Map.Segments.Length);
        Assert.Equal("Walkout now. Ports shut. #VelinStrike\n", back.Embeds.Single().Text);
        foreach (var removal in back.Removals)
        {
            Assert.Equal(removal.Text, removal.RawSpan.Of(back.RawText));
        }
    }

    [Fact]
    public void Store_RoundTripsSourceInEveryField()
    {
        var (source, article) = Strike();
        using var store = OpenStore();
        store.Save([(source, [article])]);
        var back = store.GetSource(source.Id);
        Assert.NotNull(back);
        Equality.AssertSame(source, back);
    }

    [Fact]
    public void Store_RoundTripsMinimalArticleWithNullsAndEmptyArrays()
    {
        var raw = "Undated note from the quay.";
        var bytes = System.Text.Encoding.UTF8.GetBytes(raw);
        var source = new SourceDocument { Id = SourceDocument.ComputeId(bytes), Origin = "x.txt", Kind = SourceKind.Html, Bytes = bytes, RawText = raw, Encoding = "windows-1252 (sniffed)", Reader = "html" };
        var article = new Article
        {
            Id = Hashing.ShortId(source.Id) + "-1",
            SourceId = source.Id,
            Origin = "x.txt",
            Metadata = ArticleMetadata.Empty,
            RawText = raw,
            Text = raw,
            Map = OffsetMap.Identity(raw.Length),
        };
        using var store = OpenStore();
        store.Save([(source, [article])]);
        Equality.AssertSame(article, store.GetArticle(article.Id)!);
        Equality.AssertSame(source, store.GetSource(source.Id)!);
    }

    [Fact]
    public void Store_RoundTripsTextsWithLoneSurrogatesAndAstralCharacters()
    {
        // A lone surrogate cannot be written as UTF-8; the store must still give back the very same UTF-16 units,
        // or every offset after it would point at different characters.
        var raw = "Crane \ud83c\udfd7 stopped. Broken \ud800 unit. Ünïcödé ✓\n.png)\n";
        var (source, article) = TestArticles.Make(raw, title: "Lone \udc00 title", removed: [(".png)\n", RemovalKind.ImageDebris), ("\udfd7 stopped", RemovalKind.Other)]);
        Assert.Equal("\udfd7 stopped", article.Removals[0].Text); // half a surrogate pair, on purpose
        article = article with { Provenance = "cleaner \ud800", Metadata = article.Metadata with { Authors = ["A \udc01"] } };
        using var store = OpenStore();
        store.Save([(source, [article])]);
        Equality.AssertSame(article, store.GetArticle(article.Id)!);
        Equality.AssertSame(source, store.GetSource(source.Id)!);
    }

    [Fact]
    public void Save_SameSourceAgain_ReturnsDuplicateAndWritesNothing()
    {
        var (source, article) = Strike();
        using var store = OpenStore();
        Assert.Equal([SaveOutcome.Inserted], store.Save([(source, [article])]));
        var changed = article with { Text = "something else", Map = OffsetMap.Identity(14) };
        Assert.Equal([SaveOutcome.Duplicate], store.Save([(source, [changed])]));
        Assert.Single(store.ListArticles());
        Equality.AssertSame(article, store.GetArticle(article.Id)!);
    }

    [Fact]
    public void Save_RepeatInsideOneBatch_IsDuplicate()
    {
        var a = TestArticles.Numbered(1);
        var b = TestArticles.Numbered(2);
        using var store = OpenStore();
        var outcomes = store.Save([TestArticles.Batch(a), TestArticles.Batch(b), TestArticles.Batch(a)]);
        Assert.Equal([SaveOutcome.Inserted, SaveOutcome.Inserted, SaveOutcome.Duplicate], outcomes);
        Assert.Equal(2, store.ListArticles().Length);
    }

    [Fact]
    public void Save_SourceWithSeveralOrNoArticles_StoresThemAll()
    {
        var (source, first) = TestArticles.Numbered(3);
        var second = first with { Id = first.Id + "-1", Text = first.Text[..10], Map = new OffsetMap([new OffsetSegment(0, 0, 10)], 10, first.RawText.Length), Removals = [] };
        var (emptySource, _) = TestArticles.Numbered(4);
        using var store = OpenStore();
        Assert.Equal([SaveOutcome.Inserted, SaveOutcome.Inserted], store.Save([(source, [first, second]), (emptySource, [])]));
        Assert.True(store.ContainsSource(emptySource.Id));
        Assert.Equal(2, store.LoadArticles().Length);
        Equality.AssertSame(second, store.GetArticle(second.Id)!);
    }

    [Fact]
    public void Save_ArticleWithForeignSourceId_IsACallerBug()
    {
        var (source, _) = TestArticles.Numbered(5);
        var (_, other) = TestArticles.Numbered(6);
        using var store = OpenStore();
        Assert.Throws<ArgumentException>(() => store.Save([(source, [other])]));
        Assert.False(store.ContainsSource(source.Id));
    }

    [Fact]
    public void Lookups_UnknownIds_ReturnNullOrFalse()
    {
        using var store = OpenStore();
        Assert.False(store.ContainsSource("0000"));
        Assert.Null(store.GetSource("0000"));
        Assert.Null(store.GetArticle("0000"));
        Assert.Empty(store.ListArticles());
        Assert.Empty(store.LoadArticles());
    }

    [Fact]
    public void ListArticles_SummarisesInDateThenOutletOrder()
    {
        var undated = TestArticles.Make("No date here, only the quay.", outlet: "Aardvark Weekly", title: "Undated");
        var late = TestArticles.Make("Late report.\n.png)\n", outlet: "Zed News", title: "Late", published: TestArticles.Date(2026, 3, 14), removed: [(".png)\n", RemovalKind.ImageDebris)]);
        var early = TestArticles.Make("Early report with five words.", outlet: "Zed News", title: "Early", published: TestArticles.Date(2026, 3, 10));
        var earlyOther = TestArticles.Make("Early too.", outlet: "Bay Courier", title: "Also early", published: TestArticles.Date(2026, 3, 10));
        using var store = OpenStore();
        store.Save([TestArticles.Batch(undated), TestArticles.Batch(late), TestArticles.Batch(early), TestArticles.Batch(earlyOther)]);
        var list = store.ListArticles();
        Assert.Equal(["Also early", "Early", "Late", "Undated"], list.Select(s => s.Title));
        var lateSummary = list[2];
        Assert.Equal(new ArticleSummary(late.Article.Id, "Zed News", "2026-03-14", "Late", 2, 1, 0, late.Article.Origin), lateSummary);
        Assert.Null(list[3].Published);
        Assert.Equal(list.Select(s => s.Id), store.LoadArticles().Select(a => a.Id));
    }

    [Fact]
    public void Search_FindsWordsInTextAndTitle_CaseAndDiacriticInsensitive()
    {
        var strike = Strike();
        var other = TestArticles.Make("The ferry timetable changes in April.", outlet: "Bay Courier", title: "Ferry timetable");
        using var store = OpenStore();
        store.Save([TestArticles.Batch(strike), TestArticles.Batch(other)]);
        Assert.Equal([strike.Article.Id], store.Search("UNLAWFUL reckless"));
        Assert.Equal([strike.Article.Id], store.Search("cafe"));
        Assert.Equal([other.Article.Id], store.Search("ferry"));
        Assert.Equal([strike.Article.Id], store.Search("walk out")); // title words
        Assert.Empty(store.Search("timetable strike"));
        Assert.Empty(store.Search("   "));
    }

    [Fact]
    public void Search_QueryWithOperatorsAndQuotes_IsPlainText()
    {
        var strike = Strike();
        using var store = OpenStore();
        store.Save([TestArticles.Batch(strike)]);
        Assert.Equal([strike.Article.Id], store.Search("\"strike\" AND (minister*"));
        Assert.Empty(store.Search("NOT NEAR( ) ^ -"));
    }

    [Fact]
    public void Search_RanksMoreMentionsFirst_AndRespectsLimit()
    {
        var once = TestArticles.Make("The strike began. Ships wait at anchor offshore today.", title: "One");
        var thrice = TestArticles.Make("Strike, strike, strike: the docks are silent.", title: "Three");
        using var store = OpenStore();
        store.Save([TestArticles.Batch(once), TestArticles.Batch(thrice)]);
        Assert.Equal([thrice.Article.Id, once.Article.Id], store.Search("strike"));
        Assert.Equal([thrice.Article.Id], store.Search("strike", limit: 1));
    }

    [Fact]
    public void Store_Reopened_KeepsEverything()
    {
        var items = Enumerable.Range(10, 5).Select(n => TestArticles.Numbered(n)).ToArray();
        using (var store = OpenStore())
        {
            store.Save([.. items.Select(TestArticles.Batch)]);
        }

        using var reopened = OpenStore();
        Assert.Equal(5, reopened.ListArticles().Length);
        foreach (var (source, article) in items)
        {
            Assert.True(reopened.ContainsSource(source.Id));
            Equality.AssertSame(article, reopened.GetArticle(article.Id)!);
        }

        Assert.Equal([SaveOutcome.Duplicate], reopened.Save([TestArticles.Batch(items[0])]));
    }

    [Fact]
    public async Task Save_ConcurrentReadersDuringWrites_SeeOnlyCommittedBatches()
    {
        using var store = OpenStore();
        var first = Enumerable.Range(100, 10).Select(n => TestArticles.Numbered(n)).ToArray();
        store.Save([.. first.Select(TestArticles.Batch)]);
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        var writer = Task.Run(() =>
        {
            // Batches of five: readers must see a multiple of five new articles, never a half batch.
            for (var b = 0; b < 6; b++)
            {
                store.Save([.. Enumerable.Range(200 + (b * 5), 5).Select(n => TestArticles.Batch(TestArticles.Numbered(n)))]);
            }
        }, TestContext.Current.CancellationToken);
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var (_, article) = first[i % first.Length];
            var back = store.GetArticle(article.Id);
            if (back is null || back.Text != article.Text || back.Map.Segments.Length != article.Map.Segments.Length)
            {
                errors.Add($"read {i}: article {article.Id} came back different");
            }

            var count = store.ListArticles().Length;
            if (count < 10 || (count - 10) % 5 != 0)
            {
                errors.Add($"read {i}: saw {count} articles, a partial batch");
            }

            var n = 100 + (i % first.Length);
            if (!store.Search($"report {n}").Contains(article.Id))
            {
                errors.Add($"read {i}: search lost committed articles");
            }
        });
        await writer;
        Assert.Empty(errors);
        Assert.Equal(40, store.ListArticles().Length);
    }
}
