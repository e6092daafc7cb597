using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;
using Parallax.Language.Time;
using Parallax.Testing;

namespace Parallax.Language.Tests.Time;

public sealed class TimexTaggerTests
{
    // Friday 12 December 2025, ISO week 50.
    private static readonly DateOnly _anchor = new(2025, 12, 12);

    [Theory]
    [InlineData("The vote took place on Thursday.", "Thursday", "DATE", "2025-12-11")]
    [InlineData("He held talks on Monday with the envoy.", "Monday", "DATE", "2025-12-08")]
    [InlineData("Officials met Friday to discuss it.", "Friday", "DATE", "2025-12-12")]
    [InlineData("The council will vote on Tuesday.", "Tuesday", "DATE", "2025-12-16")]
    [InlineData("They met last Friday.", "last Friday", "DATE", "2025-12-05")]
    [InlineData("They spoke next Monday.", "next Monday", "DATE", "2025-12-15")]
    [InlineData("He told him in a call on November 21 that he would go.", "November 21", "DATE", "2025-11-21")]
    [InlineData("He told him in a call on Nov. 21 that he would go.", "Nov. 21", "DATE", "2025-11-21")]
    [InlineData("He told him in a call on 21 November that he would go.", "21 November", "DATE", "2025-11-21")]
    [InlineData("The deal was signed on Dec. 11, 2025, in the capital.", "Dec. 11, 2025", "DATE", "2025-12-11")]
    [InlineData("The deal was signed on 11 December 2025 in the capital.", "11 December 2025", "DATE", "2025-12-11")]
    [InlineData("The file is dated 2025-12-11 in the registry.", "2025-12-11", "DATE", "2025-12-11")]
    [InlineData("Prices rose last month.", "last month", "DATE", "2025-11")]
    [InlineData("Prices rose this week.", "this week", "DATE", "2025-W50")]
    [InlineData("Talks resume next week.", "next week", "DATE", "2025-W51")]
    [InlineData("Exports fell last year.", "last year", "DATE", "2024")]
    [InlineData("Exports fell this year.", "this year", "DATE", "2025")]
    [InlineData("Exports will rise next year.", "next year", "DATE", "2026")]
    [InlineData("He has ruled since 2013.", "2013", "DATE", "2013")]
    [InlineData("A second meeting in 17 days was held.", "17 days", "DURATION", "P17D")]
    [InlineData("The plant will close in three years.", "three years", "DURATION", "P3Y")]
    [InlineData("Tension has grown in recent months.", "recent months", "DURATION", "PXM")]
    [InlineData("The board meets in December.", "December", "DATE", "2025-12")]
    [InlineData("The board met in April.", "April", "DATE", "2025-04")]
    [InlineData("The board meets in January.", "January", "DATE", "2026-01")]
    [InlineData("The board met on Jan. 30.", "Jan. 30", "DATE", "2026-01-30")]
    [InlineData("The board met on June 30.", "June 30", "DATE", "2025-06-30")]
    [InlineData("Sales slowed last summer.", "last summer", "DATE", "2024-SU")]
    [InlineData("Profit rose in the third quarter.", "the third quarter", "DATE", "2025-Q3")]
    [InlineData("Results for fiscal 2024 were weak.", "fiscal 2024", "DATE", "2024")]
    [InlineData("He spoke today.", "today", "DATE", "2025-12-12")]
    [InlineData("He spoke yesterday.", "yesterday", "DATE", "2025-12-11")]
    [InlineData("He speaks tonight.", "tonight", "TIME", "2025-12-12TNI")]
    [InlineData("The talks began Thursday morning in Minsk.", "Thursday morning", "DATE", "2025-12-11TMO")]
    [InlineData("The rally started at 3:45 p.m. in the square.", "3:45 p.m.", "TIME", "2025-12-12T15:45")]
    [InlineData("The rally started at noon in the square.", "noon", "TIME", "2025-12-12T12:00")]
    [InlineData("The firm is now bankrupt.", "now", "DATE", "PRESENT_REF")]
    [InlineData("The firm recently went bankrupt.", "recently", "DATE", "PAST_REF")]
    [InlineData("The ferry sails every week.", "every week", "SET", "P1W")]
    [InlineData("The ferry sails daily.", "daily", "SET", "P1D")]
    [InlineData("It was built three years ago.", "three years ago", "DATE", "2022")]
    [InlineData("It was built two weeks ago.", "two weeks ago", "DATE", "2025-W48")]
    [InlineData("Sales fell over the past two months.", "the past two months", "DURATION", "P2M")]
    [InlineData("Music of the 1990s was louder.", "the 1990s", "DATE", "199")]
    [InlineData("It was the bloodiest war of the 20th century.", "the 20th century", "DATE", "19")]
    [InlineData("The truce lasted 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M")]
    [InlineData("He signed a two-year contract.", "two-year", "DURATION", "P2Y")]
    [InlineData("Shops will close on Christmas.", "Christmas", "DATE", "2025-12-25")]
    [InlineData("Shops closed last Christmas.", "last Christmas", "DATE", "2024-12-25")]
    [InlineData("The strike lasted twenty-five days.", "twenty-five days", "DURATION", "P25D")]
    [InlineData("Profit for the first half of 2025 rose.", "the first half of 2025", "DATE", "2025-H1")]
    public void TimexTagger_NormalisesAgainstAnchor(string sentence, string expression, string type, string value)
    {
        var timexes = TimexTagger.Tag(sentence, _anchor);
        var hit = Assert.Single(timexes, t => t.Text == expression);
        Assert.Equal(type, hit.Type.ToString().ToUpperInvariant());
        Assert.Equal(value, hit.Value);
        Assert.False(hit.AnchorOpen);
        Assert.Equal(expression, sentence[hit.Span.Start..hit.Span.End]);
    }

    [Theory]
    [InlineData("The meeting was set for a date no one knew.")]
    [InlineData("May I ask a question?")]
    [InlineData("Jan Kavan spoke for the Czech Republic.")]
    [InlineData("The 45-year-old driver was unhurt.")]
    [InlineData("He paid $1990 for the car.")]
    public void TimexTagger_IgnoresNonTemporalText(string sentence)
    {
        Assert.Empty(TimexTagger.Tag(sentence, _anchor));
    }

    [Theory]
    [InlineData("He arrived on Thursday.", "Thursday", "2025-12-11")]
    [InlineData("They spoke on November 21.", "November 21", "2025-11-21")]
    [InlineData("Prices rose last month.", "last month", "2025-11")]
    [InlineData("Prices rose this week.", "this week", "2025-W50")]
    [InlineData("He came yesterday.", "yesterday", "2025-12-11")]
    [InlineData("It was built three years ago.", "three years ago", "2022")]
    public void TimexTagger_LeavesRelativeValuesOpenWithoutAnchor(string sentence, string expression, string resolved)
    {
        var open = Assert.Single(TimexTagger.Tag(sentence, null), t => t.Text == expression);
        Assert.True(open.AnchorOpen);
        Assert.StartsWith(AnchoredValue.Prefix, open.Value);

        var closed = TimexTagger.Resolve(open, _anchor);
        Assert.False(closed.AnchorOpen);
        Assert.Equal(resolved, closed.Value);
        Assert.Equal(open.Span, closed.Span);
    }

    [Theory]
    [InlineData("The strike lasted 17 days.", "17 days", "P17D")]
    [InlineData("The treaty was signed on March 5, 1946.", "March 5, 1946", "1946-03-05")]
    [InlineData("The firm is now bankrupt.", "now", "PRESENT_REF")]
    public void TimexTagger_KeepsAbsoluteValuesClosedWithoutAnchor(string sentence, string expression, string value)
    {
        var t = Assert.Single(TimexTagger.Tag(sentence, null), t => t.Text == expression);
        Assert.False(t.AnchorOpen);
        Assert.Equal(value, t.Value);
        Assert.Same(t, TimexTagger.Resolve(t, _anchor));
    }

    [Theory]
    [InlineData("ANCHOR:D-1")]
    [InlineData("ANCHOR:WDP+0:4")]
    [InlineData("ANCHOR:MDN+0:1121")]
    [InlineData("ANCHOR:D+0/TMO")]
    [InlineData("ANCHOR:YS-1:2")]
    public void AnchoredValue_RoundTripsThroughText(string text)
    {
        Assert.True(AnchoredValue.TryParse(text, out var value));
        Assert.Equal(text, value.ToString());
        Assert.NotNull(value.Resolve(_anchor));
    }

    [Theory]
    [InlineData("2025-12-11")]
    [InlineData("ANCHOR:")]
    [InlineData("ANCHOR:X")]
    [InlineData(null)]
    public void AnchoredValue_RejectsOtherText(string? text) => Assert.False(AnchoredValue.TryParse(text, out _));

    [Fact]
    public void TimexTagger_SpansPointAtTheirTextAndDoNotOverlap()
    {
        var timexes = TimexTagger.Tag(Fixture, _anchor);
        Assert.True(timexes.Length >= 12, $"only {timexes.Length} timexes in the fixture");
        AssertWellFormed(Fixture, timexes);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public void TimexTagger_SpansAreValidOnArbitraryText(NonNull<string> input)
    {
        var text = input.Get;
        AssertWellFormed(text, TimexTagger.Tag(text, _anchor));
        AssertWellFormed(text, TimexTagger.Tag(text, null));
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property TimexTagger_SpansAreValidOnTemporalWordSoup()
    {
        string[] words = ["Thursday", "last", "week", "Nov.", "21", ",", "2025", "the", "past", "two", "years", "ago", "3:45", "p.m.", "every", "day", "fiscal", "quarter", "third", "now", "since", "1990s", "morning", "\n", "a", "-"];
        var gen = Gen.ArrayOf(Gen.Elements(words)).Select(ws => string.Join(" ", ws));
        return Prop.ForAll(gen.ToArbitrary(), text =>
        {
            AssertWellFormed(text, TimexTagger.Tag(text, _anchor));
        });
    }

    [Fact]
    public void TimexTagger_SurvivesAnchorsAtTheEndsOfTheCalendar()
    {
        foreach (var anchor in new[] { DateOnly.MinValue, DateOnly.MaxValue })
        {
            var timexes = TimexTagger.Tag(Fixture, anchor);
            Assert.NotEmpty(timexes);
            Assert.All(timexes, t => Assert.Equal(Fixture[t.Span.Start..t.Span.End], t.Text));
        }
    }

    [Fact]
    public void TimexTagger_IsDeterministicAcrossRunsAndThreads()
    {
        var first = Describe(TimexTagger.Tag(Fixture, _anchor));
        Assert.Equal(first, Describe(TimexTagger.Tag(Fixture, _anchor)));
        var parallel = new string[16];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = Describe(TimexTagger.Tag(Fixture, _anchor)));
        Assert.All(parallel, p => Assert.Equal(first, p));
    }

    [Fact]
    public void TimexTagger_StageAnchorsOnPublicationDate()
    {
        var article = new Article
        {
            Id = "0000000000000001",
            SourceId = "fixture",
            Origin = "test",
            Metadata = new ArticleMetadata { Published = new PublicationDate { Date = _anchor, Source = "header" } },
            RawText = Fixture,
            Text = Fixture,
            Map = OffsetMap.Identity(Fixture.Length),
        };
        var pipeline = Pipeline<Doc>.Build([Layers.Text], TimexTagger.Instance);
        var doc = pipeline.Run(new Doc(article), TestContext.Current.CancellationToken);
        Assert.Contains(Layers.Timexes, doc.Layers);
        Assert.Equal("TimexTagger@" + TimexTagger.Instance.Info.Version, doc.LayerProvenance[Layers.Timexes]);
        Assert.Contains(doc.Timexes, t => t.Text == "Thursday" && t.Value == "2025-12-11");
        Assert.DoesNotContain(doc.Timexes, t => t.AnchorOpen);

        var undated = pipeline.Run(new Doc(article with { Metadata = new ArticleMetadata() }), TestContext.Current.CancellationToken);
        Assert.Contains(undated.Timexes, t => t.Text == "Thursday" && t.AnchorOpen);
    }

    [Fact]
    public void TimexTagger_ResolvesTheReutersSeedAgainstTheStoryDate()
    {
        // The seeds carry no date header; the story date (2025-12-11) comes from sibling articles (an embedded tweet).
        var path = Directory.EnumerateFiles(RepoPaths.Seeds, "*.txt")
            .Single(f => File.ReadAllText(f).Contains("Reuters requested further comment", StringComparison.Ordinal));
        var text = File.ReadAllText(path);
        var timexes = TimexTagger.Tag(text, new DateOnly(2025, 12, 11));
        AssertWellFormed(text, timexes);
        var thursdays = timexes.Where(t => t.Text == "Thursday").ToList();
        Assert.NotEmpty(thursdays);
        Assert.All(thursdays, t => Assert.Equal("2025-12-11", t.Value));
        var november21 = timexes.Where(t => t.Text == "November 21").ToList();
        Assert.NotEmpty(november21);
        Assert.All(november21, t => Assert.Equal("2025-11-21", t.Value));
        Assert.Contains(timexes, t => t.Text == "17 days" && t.Value == "P17D");
    }

    private static void AssertWellFormed(string text, ImmutableArray<Timex> timexes)
    {
        var previousEnd = 0;
        foreach (var t in timexes)
        {
            Assert.InRange(t.Span.Start, previousEnd, text.Length);
            Assert.InRange(t.Span.End, t.Span.Start + 1, text.Length);
            Assert.Equal(text[t.Span.Start..t.Span.End], t.Text);
            Assert.False(string.IsNullOrEmpty(t.Value));
            previousEnd = t.Span.End;
        }
    }

    private static string Describe(ImmutableArray<Timex> timexes) =>
        string.Join("\n", timexes.Select(t => $"{t.Span.Start}-{t.Span.End} {t.Type} {t.Value} {t.AnchorOpen}"));

    // A fictional story written for these tests.
    private const string Fixture = """
        PORT ALDER — The Harbour Board of Port Alder voted on Thursday to close the north pier for 17 days, its second
        closure in three years. The board first discussed the plan on November 21 and again last week.
        "We have waited since 2013 for this," said chair Mira Okonkwo, adding that ferries would still sail daily
        and that a review would follow in the first quarter of next year. Traffic fell 4% last month and has slid
        in recent months; the pier handled 1.2 million passengers in fiscal 2024, down from the 1990s peak.
        Work starts Monday morning at 6 a.m. and crews will work every weekend until Dec. 24, 2025.
        """;
}
