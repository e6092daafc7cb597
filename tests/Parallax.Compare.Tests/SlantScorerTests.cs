using System.Collections.Immutable;
using Parallax.Compare.Slant;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Language;
using Parallax.Language.Entities;
using Parallax.Stories;

namespace Parallax.Compare.Tests;

/// <summary>Slant per article: hand-written fictional articles (the invented town of Brellick), the samples and the seeds.</summary>
public sealed class SlantScorerTests
{
    private const string Neutral =
        "BRELLICK, Ostmark - The Brellick city council voted 7 to 4 on Monday to raise bus fares by 10 cents from June, the council said in a statement.\n\n" +
        "Mayor Jonas Petrel said the increase would pay for two new routes. \"We need the money to keep buses running,\" Petrel told reporters.\n\n" +
        "Opposition councillor Mira Sand voted against the plan. \"Riders already pay enough,\" Sand said.";

    private const string Loaded =
        "The radical mayor's latest stunt is a disgrace. Jonas Petrel and his cronies rammed through a massive fare hike on Monday, " +
        "and of course hard-working families will pay for this absurd scheme!\n\n" +
        "Why should riders foot the bill for his crusade? The fares pay for a \"modern\" network.\n\n" +
        "\"This plan is a disgrace and a scandal,\" said councillor Mira Sand.";

    private static Article Make(string id, string text, string? title, string outlet) => new()
    {
        Id = id,
        SourceId = id,
        Origin = "fixture:" + id,
        Metadata = new ArticleMetadata { Title = title, Outlet = outlet, Published = new PublicationDate { Date = new DateOnly(2031, 5, 6), Source = "fixture" } },
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
    };

    private static StoryInput Input(params (Article Article, string OriginKey)[] members)
    {
        var resolved = EntityResolver.Resolve(members.Select(m => LanguagePipeline.Analyze(m.Article)).ToList());
        var articles = resolved.Docs.Select((d, i) => new StoryArticle(d, new ArticleOrigin { ArticleId = d.Article.Id, Kind = OriginKind.Independent }, members[i].OriginKey)).ToImmutableArray();
        return new StoryInput("story-test", "Brellick fares", articles, resolved.Entities);
    }

    private static StoryInput Pair() => Input(
        (Make("a-neutral", Neutral, "Brellick council raises bus fares by 10 cents", "Ostmark Wire"), "a-neutral"),
        (Make("b-loaded", Loaded, "Radical Mayor's Fare Scheme Robs Brellick Families", "Brellick Bugle"), "b-loaded"));

    private static FramingComponent Component(FramingReport report, string name) => report.Components.Single(c => c.Name == name);

    [Fact]
    public void SlantScorer_ScoresLoadedArticleAboveNeutral()
    {
        var reports = SlantScorer.Score(Pair(), [], []);
        Assert.Equal(2, reports.Length);
        var neutral = reports.Single(r => r.ArticleId == "a-neutral");
        var loaded = reports.Single(r => r.ArticleId == "b-loaded");
        Assert.True(loaded.Score > neutral.Score + 5, $"loaded {loaded.Score} vs neutral {neutral.Score}");
        Assert.Equal(0, Component(neutral, SlantScorer.LoadedTermsComponent).Count);
        var terms = loaded.Terms.Select(t => t.Evidence.Text.ToLowerInvariant()).ToHashSet();
        foreach (var expected in new[] { "stunt", "disgrace", "cronies", "rammed through", "massive", "absurd", "scheme", "crusade", "of course", "hard-working" })
        {
            Assert.Contains(expected, terms);
        }
    }

    [Fact]
    public void SlantScorer_ScoreIsTheWeightedSumOfComponents()
    {
        foreach (var report in SlantScorer.Score(Pair(), [], []))
        {
            Assert.Equal(8, report.Components.Length);
            foreach (var c in report.Components)
            {
                Assert.Equal(SlantWeights.Default.Component(c.Name), c.Weight);
                Assert.Equal(Math.Round(c.Value * c.Weight, 4), c.Contribution);
            }

            Assert.Equal(Math.Round(report.Components.Sum(c => c.Contribution), 4), report.Score);
        }
    }

    [Fact]
    public void SlantScorer_DoesNotCountWordsInsideAttributedQuotes()
    {
        var loaded = SlantScorer.Score(Pair(), [], []).Single(r => r.ArticleId == "b-loaded");
        var text = Loaded;
        var quoteStart = text.IndexOf("\"This plan", StringComparison.Ordinal);
        Assert.DoesNotContain(loaded.Terms, t => t.Evidence.Start > quoteStart && t.Term == "scandal");
        Assert.Contains(loaded.Terms, t => t.Term == "disgrace" && t.Evidence.Start < quoteStart);
    }

    [Fact]
    public void SlantScorer_FindsOpinionMarkers()
    {
        var loaded = SlantScorer.Score(Pair(), [], []).Single(r => r.ArticleId == "b-loaded");
        var kinds = loaded.Terms.Where(t => t.Component == SlantScorer.OpinionMarkersComponent).Select(t => t.Category).ToHashSet();
        Assert.Contains("question", kinds);
        Assert.Contains("exclamation", kinds);
        Assert.Contains("stance", kinds);
        Assert.Contains(loaded.Terms, t => t.Category == "scare-quote" && t.Evidence.Text == "\"modern\"");
    }

    [Fact]
    public void SlantScorer_EvidenceQuotesTheArticleExactly()
    {
        var input = Pair();
        foreach (var report in SlantScorer.Score(input, [], []))
        {
            foreach (var e in report.Components.SelectMany(c => c.Evidence).Concat(report.Terms.Select(t => t.Evidence)).Concat(report.Voices.SelectMany(v => v.Evidence)))
            {
                Assert.Equal(input[e.ArticleId].Text[e.Start..e.End], e.Text);
            }
        }
    }

    [Fact]
    public void SlantScorer_ListsVoicesAndMissingVoices()
    {
        var reports = SlantScorer.Score(Pair(), [], []);
        var neutral = reports.Single(r => r.ArticleId == "a-neutral");
        Assert.Contains(neutral.Voices, v => v.Speaker.Contains("Petrel", StringComparison.Ordinal));
        Assert.Contains(neutral.Voices, v => v.Speaker.Contains("Sand", StringComparison.Ordinal));
        var loaded = reports.Single(r => r.ArticleId == "b-loaded");
        Assert.Contains(loaded.MissingVoices, v => v.Contains("Petrel", StringComparison.Ordinal));
        Assert.True(Component(loaded, SlantScorer.OneSidedVoicesComponent).Value > Component(neutral, SlantScorer.OneSidedVoicesComponent).Value);
    }

    [Fact]
    public void SlantScorer_CountsOmittedWellSupportedFacts()
    {
        var third = Make("c-third", "The Brellick council voted on Monday to raise bus fares by 10 cents from June.", "Brellick fares rise", "Ostmark Post");
        var input = Input(
            (Make("a-neutral", Neutral, "Brellick council raises bus fares by 10 cents", "Ostmark Wire"), "a-neutral"),
            (Make("b-loaded", Loaded, "Radical Mayor's Fare Scheme Robs Brellick Families", "Brellick Bugle"), "b-loaded"),
            (third, "c-third"));
        var a = input["a-neutral"];
        var c = input["c-third"];
        var vote = new FactReport("f1", "The council voted 7 to 4.", [a.Evidence(new TextSpan(0, 40)), c.Evidence(new TextSpan(0, 20))], ["b-loaded"], []);
        var single = new FactReport("f2", "Two new routes.", [a.Evidence(new TextSpan(0, 10))], ["b-loaded", "c-third"], []);
        var reports = SlantScorer.Score(input, [vote, single], []);
        var loaded = reports.Single(r => r.ArticleId == "b-loaded");
        var omitted = Component(loaded, SlantScorer.OmittedFactsComponent);
        Assert.Equal(1.0, omitted.Value);
        Assert.Equal(["f1"], loaded.OmittedFacts);
        Assert.Equal(vote.States[0], Assert.Single(omitted.Evidence));
        Assert.Equal(0.0, Component(reports.Single(r => r.ArticleId == "c-third"), SlantScorer.OmittedFactsComponent).Value);
    }

    [Fact]
    public void SlantScorer_ReprintsOfOneOriginDoNotMakeAFactWellSupported()
    {
        var input = Input(
            (Make("a-neutral", Neutral, "Brellick council raises bus fares by 10 cents", "Ostmark Wire"), "a-neutral"),
            (Make("a-reprint", Neutral, "Brellick council raises bus fares by 10 cents", "Ostmark Courier"), "a-neutral"),
            (Make("b-loaded", Loaded, "Radical Mayor's Fare Scheme Robs Brellick Families", "Brellick Bugle"), "b-loaded"));
        var fact = new FactReport("f1", "The council voted 7 to 4.", [input["a-neutral"].Evidence(new TextSpan(0, 8)), input["a-reprint"].Evidence(new TextSpan(0, 8))], ["b-loaded"], []);
        var loaded = SlantScorer.Score(input, [fact], []).Single(r => r.ArticleId == "b-loaded");
        Assert.Equal(0.0, Component(loaded, SlantScorer.OmittedFactsComponent).Value);
        Assert.Empty(loaded.OmittedFacts);
    }

    [Fact]
    public void SlantScorer_ComparesHeadlineWithBody()
    {
        var reports = SlantScorer.Score(Pair(), [], []);
        var loaded = reports.Single(r => r.ArticleId == "b-loaded");
        var neutral = reports.Single(r => r.ArticleId == "a-neutral");
        var unsupported = Component(loaded, SlantScorer.HeadlineUnsupportedComponent);
        Assert.Contains("Robs", unsupported.Description, StringComparison.Ordinal);
        Assert.True(unsupported.Value > Component(neutral, SlantScorer.HeadlineUnsupportedComponent).Value);
        Assert.Equal(2, Component(loaded, SlantScorer.HeadlineLoadedComponent).Count);
        Assert.Equal(0, Component(neutral, SlantScorer.HeadlineLoadedComponent).Count);
    }

    [Fact]
    public void SlantScorer_CountsAnonymousSources()
    {
        const string text =
            "The Brellick council will raise bus fares in June, according to people familiar with the plan.\n\n" +
            "Two officials, who asked not to be named, said the vote was agreed in private. Mayor Jonas Petrel declined to comment.";
        var input = Input(
            (Make("a-neutral", Neutral, "Brellick council raises bus fares by 10 cents", "Ostmark Wire"), "a-neutral"),
            (Make("d-anon", text, "Brellick fares to rise", "Ostmark Ledger"), "d-anon"));
        var reports = SlantScorer.Score(input, [], []);
        var anonymous = Component(reports.Single(r => r.ArticleId == "d-anon"), SlantScorer.AnonymousSourcesComponent);
        Assert.True(anonymous.Count >= 2, anonymous.Description);
        Assert.True(anonymous.Value > 0.5, anonymous.Description);
        Assert.Contains(anonymous.Evidence, e => e.Text.Contains("according to people", StringComparison.Ordinal));
        Assert.Contains(anonymous.Evidence, e => e.Text.Contains("asked not to be named", StringComparison.Ordinal));
        Assert.Equal(0.0, Component(reports.Single(r => r.ArticleId == "a-neutral"), SlantScorer.AnonymousSourcesComponent).Value);
    }

    [Fact]
    public void SlantScorer_IsDeterministic()
    {
        var a = SlantScorer.Score(Pair(), [], []);
        var b = SlantScorer.Score(Pair(), [], []);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b));
    }

    [Fact]
    public void SlantScorer_Samples_PatriotBeaconScoresHighestWithItsLabels()
    {
        var story = Corpora.Samples.Main;
        Assert.NotEmpty(story.Framing);
        var top = story.Framing.MaxBy(f => f.Score)!;
        Assert.Equal("The Patriot Beacon", Corpora.Samples.Article(top.ArticleId).Metadata.Outlet);
        var evidence = top.Components.SelectMany(c => c.Evidence).Select(e => e.Text.ToLowerInvariant()).ToList();
        foreach (var expected in new[] { "radical agitator", "union bosses", "militant", "stunt", "crusade", "steady-handed" })
        {
            Assert.Contains(expected, evidence);
        }

        Assert.Contains(top.Terms, t => t.Evidence.Text == "firebrand" && t.Category == "epithet");
    }

    [Fact]
    public void SlantScorer_Seeds_ConservativeFixScoresHighestWithItsLoadedTerms()
    {
        var story = Corpora.Seeds.Main;
        var top = story.Framing.MaxBy(f => f.Score)!;
        Assert.Contains("Conservative Fix", Corpora.Seeds.Article(top.ArticleId).Metadata.Outlet, StringComparison.Ordinal);
        Assert.True(top.Terms.Count(t => t.Component == SlantScorer.LoadedTermsComponent) >= 5);
        Assert.Contains(top.Terms, t => t.Term == "dictator" && t.Category == "epithet");
        Assert.Contains(top.Terms, t => t.Term == "regime");
    }
}
