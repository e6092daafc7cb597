using Parallax.Core;

namespace Parallax.Ingest.Tests.Pipeline;

public class IngestServiceTests
{
    private static readonly ArticleFactory _factory = new(new FakeExtractor(), new FakeCleaner(), new FakeOutlets());

    [Fact]
    public void IngestService_OneBadItem_DoesNotStopTheBatch()
    {
        var good = FakeReader.Text("a.txt", "First line.\n.png)\nSecond line.", new SourceHints { Outlet = "Harbour Herald", Published = "2026-03-12" });
        var boom = FakeReader.Text("b.txt", "ok\nBOOM");
        var notArticle = FakeReader.Html("c.html", "<div>menu</div>");
        var page = FakeReader.Html("d.html", "<html><p>Body text here.</p></html>");
        var service = new IngestService(new FakeReader(good, boom, notArticle, page), _factory, new MemoryStore());

        var run = service.Ingest(["x"], null, TestContext.Current.CancellationToken);

        Assert.Equal(5, run.Entries.Length);
        Assert.Equal(2, run.Inserted);
        Assert.Equal(3, run.Rejected);
        Assert.Contains(run.Entries, e => e.Origin == "photo.jpg" && e.Diagnostics[0].Code == "PX0100");
        Assert.Contains(run.Entries, e => e.Origin == "b.txt" && e.Diagnostics.Any(d => d.Code == "PX0902"));
        Assert.Contains(run.Entries, e => e.Origin == "c.html" && e.Diagnostics.Any(d => d.Code == "PX0201"));
        var a = run.Articles.Single(x => x.Origin == "a.txt");
        Assert.Equal("First line.\nSecond line.", a.Text);
        Assert.Equal("Harbour Herald", a.Metadata.Outlet);
        Assert.Equal(new DateOnly(2026, 3, 12), a.Metadata.Published!.Date);
        Assert.Single(a.Removals);
        var d = run.Articles.Single(x => x.Origin == "d.html");
        Assert.Equal("Page Site", d.Metadata.Outlet);
        Assert.Equal("From page", d.Metadata.Title);
    }

    [Fact]
    public void IngestService_SecondRun_RecognisesDuplicates()
    {
        var store = new MemoryStore();
        var source = FakeReader.Text("a.txt", "Same text.");
        var again = FakeReader.Text("copy-of-a.txt", "Same text.");
        Assert.Equal(1, new IngestService(new FakeReader(source, again), _factory, store).Ingest(["x"], null, TestContext.Current.CancellationToken).Inserted);

        var second = new IngestService(new FakeReader(source), _factory, store).Ingest(["x"], null, TestContext.Current.CancellationToken);
        Assert.Equal(0, second.Inserted);
        Assert.Equal(1, second.Duplicates);
        Assert.Single(second.Articles);
    }

    [Fact]
    public void IngestService_ResultsAreInInputOrder_AcrossBatches()
    {
        var sources = Enumerable.Range(0, 50).Select(i => FakeReader.Text($"{i:D2}.txt", $"Article number {i}.")).ToArray();
        var run = new IngestService(new FakeReader(sources), _factory, new MemoryStore(), batchSize: 7).Ingest(["x"], null, TestContext.Current.CancellationToken);
        Assert.Equal(sources.Select(s => s.Origin), run.Articles.Select(a => a.Origin));
    }
}
