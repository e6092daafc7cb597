using System.Collections.Immutable;
using Parallax.Compare.Claims;
using Parallax.Core;
using Parallax.Language;
using Parallax.Language.Entities;
using Parallax.Stories;

namespace Parallax.Compare.Tests;

/// <summary>The claim table on small hand-written stories (a fictional ferry accident at the invented port of Oskby).</summary>
public class ClaimTableBuilderTests
{
    private static Article Make(string id, string outlet, string text, DateOnly? date) => new()
    {
        Id = id,
        SourceId = id,
        Origin = "fixture:" + id,
        Metadata = new ArticleMetadata
        {
            Outlet = outlet,
            Published = date is { } d ? new PublicationDate { Date = d, Source = "fixture" } : null,
        },
        RawText = text,
        Text = text,
        Map = OffsetMap.Identity(text.Length),
    };

    /// <summary>A story of the given articles; <paramref name="reprintOf"/> maps an article id to the id it copies.</summary>
    private static StoryInput Story(IReadOnlyList<Article> articles, IReadOnlyDictionary<string, string>? reprintOf = null)
    {
        var resolved = EntityResolver.Resolve(articles.Select(a => LanguagePipeline.Analyze(a)));
        var members = resolved.Docs.Select(doc =>
        {
            var id = doc.Article.Id;
            var copy = reprintOf?.GetValueOrDefault(id);
            var origin = new ArticleOrigin { ArticleId = id, Kind = copy is null ? OriginKind.Independent : OriginKind.CopyOf, OriginId = copy, Reason = "fixture" };
            return new StoryArticle(doc, origin, copy ?? id) { Date = doc.Article.Metadata.Published?.Date };
        }).ToImmutableArray();
        return new StoryInput("story-test", "Ferry", members, resolved.Entities);
    }

    private const string WireText =
        "OSKBY, Norvand (Tidewire) - A passenger ferry ran aground outside Oskby harbour on Monday, and the coast guard said all 212 passengers were brought ashore safely. " +
        "The harbour master, Leni Haverkamp, said the ferry had lost engine power in a storm.\n\n" +
        "The Oskby Ferry Company said it would suspend the crossing until Friday.";

    private const string GazetteText =
        "All 212 passengers of a ferry that ran aground off Oskby harbour on Monday were brought ashore safely, the coast guard said. " +
        "Fishermen in the harbour said the captain had ignored a storm warning issued that morning.";

    private const string HeraldText =
        "A ferry with 212 passengers ran aground near Oskby harbour on Monday and every passenger was rescued, the coast guard said. " +
        "The Oskby Ferry Company will suspend the crossing until Friday, a spokesperson said.";

    private static readonly DateOnly Monday = new(2026, 4, 6);

    private static StoryInput Ferry => _ferry.Value;

    private static readonly Lazy<StoryInput> _ferry = new(() => Story(
    [
        Make("wire", "Tidewire", WireText, Monday),
        Make("reprint", "Oskby Courier", WireText, Monday),
        Make("gazette", "Norvand Gazette", GazetteText, Monday),
        Make("herald", "Coast Herald", HeraldText, Monday.AddDays(1)),
    ], new Dictionary<string, string> { ["reprint"] = "wire" }));

    [Fact]
    public void ClaimTableBuilder_AlignsParaphrasesAcrossOutlets_AndCountsReprintsOnce()
    {
        var facts = ClaimTableBuilder.Build(Ferry);
        // The wire's clause "A passenger ferry ran aground ... on Monday" (its dateline cut) and its reprint's, with the paraphrases.
        var aground = Assert.Single(facts, f => f.States.Any(s => s.ArticleId == "wire" && s.Text.StartsWith("A passenger ferry ran aground", StringComparison.Ordinal)));
        Assert.Null(aground.Attribution);
        Assert.Contains("Tidewire", aground.StatedBy);
        Assert.Contains("Oskby Courier", aground.StatedBy);
        Assert.True(aground.StatedBy.Length >= 3, string.Join(", ", aground.StatedBy));
        Assert.Equal(aground.StatedBy.Length - 1, aground.Origins);
        Assert.False(aground.SingleSource);
        var passengers = Assert.Single(facts, f => f.States.Any(s => s.Text.Contains("brought ashore", StringComparison.Ordinal) && s.ArticleId == "gazette"));
        Assert.Contains("Tidewire", passengers.StatedBy);
        Assert.Contains("Coast Herald", passengers.StatedBy.Concat(aground.StatedBy));
        Assert.True(aground.Id is "F1" or "F2");
    }

    [Fact]
    public void ClaimTableBuilder_ReprintOnlyFact_IsSingleSource_AndOmittedByTheOthers()
    {
        var facts = ClaimTableBuilder.Build(Ferry);
        var engine = Assert.Single(facts, f => f.Text.Contains("engine power", StringComparison.Ordinal));
        Assert.Equal(2, engine.States.Length);
        Assert.Equal(1, engine.Origins);
        Assert.True(engine.SingleSource);
        Assert.Equal(["gazette", "herald"], engine.Omits.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ClaimTableBuilder_SuspendedCrossing_IsOneFactOfTwoOrigins()
    {
        var facts = ClaimTableBuilder.Build(Ferry);
        var suspend = Assert.Single(facts, f => f.States.Any(s => s.Text.Contains("suspend", StringComparison.Ordinal)));
        Assert.Equal(3, suspend.States.Select(s => s.ArticleId).Distinct().Count());
        Assert.Equal(2, suspend.Origins);
        Assert.Equal(["gazette"], suspend.Omits);
    }

    [Fact]
    public void ClaimTableBuilder_EvidenceQuotesItsCharacters()
    {
        foreach (var f in ClaimTableBuilder.Build(Ferry))
        {
            foreach (var s in f.States)
            {
                Assert.Equal(Ferry[s.ArticleId].Text[s.Start..s.End], s.Text);
            }
        }
    }

    [Fact]
    public void ClaimTableBuilder_IsDeterministic()
    {
        var a = ClaimTableBuilder.Build(Ferry);
        var b = ClaimTableBuilder.Build(Ferry);
        Assert.Equal(a.Select(f => (f.Id, f.Text, f.States.Length, f.Origins)), b.Select(f => (f.Id, f.Text, f.States.Length, f.Origins)));
    }

    [Fact]
    public void ClaimTableBuilder_UnknownOutlets_AreNotMerged()
    {
        var story = Story(
        [
            Make("a1", "unknown", "A passenger ferry ran aground outside Oskby harbour on Monday, the coast guard said.", Monday),
            Make("a2", "unknown", "A ferry ran aground outside Oskby harbour on Monday, according to the coast guard.", Monday),
        ]);
        var fact = Assert.Single(ClaimTableBuilder.Build(story), f => f.States.Length == 2);
        Assert.Equal(["unknown:a1", "unknown:a2"], fact.StatedBy);
    }

    [Fact]
    public void ClaimTableBuilder_EmptyStory_HasNoFacts()
    {
        var story = Story([Make("e1", "Tidewire", "", Monday)]);
        Assert.Empty(ClaimTableBuilder.Build(story));
    }

    [Fact]
    public void ClaimExtractor_SplitsCoordinatedClauses_KeepingTheAttribution()
    {
        var story = Story([Make("s1", "Tidewire", "The captain lost control of the ferry near the pier and called the coast guard for help, sources told Tidewire.", Monday)]);
        var claims = ClaimTableBuilder.ExtractClaims(story);
        Assert.Equal(2, claims.Count);
        Assert.Equal("The captain lost control of the ferry near the pier", claims[0].Text);
        Assert.StartsWith("called the coast guard", claims[1].Text, StringComparison.Ordinal);
        Assert.All(claims, c => Assert.Contains("Tidewire", c.Attribution, StringComparison.Ordinal));
    }

    [Fact]
    public void ClaimExtractor_DoesNotSplitCoordinatedSubjects()
    {
        var story = Story([Make("s2", "Tidewire", "The captain and his first officer were questioned by police in Oskby on Tuesday.", Monday)]);
        Assert.Single(ClaimTableBuilder.ExtractClaims(story));
    }

    [Theory]
    [InlineData("Share this article with your friends on social media.", true)]
    [InlineData("Not a recommendation to buy or sell any security.", true)]
    [InlineData("Read: Ferry operator reports record year", true)]
    [InlineData("The ferry ran aground on Monday.", false)]
    public void ClaimExtractor_RecognisesBoilerplate(string sentence, bool boilerplate) =>
        Assert.Equal(boilerplate, ClaimExtractor.IsBoilerplate(sentence));

    [Theory]
    [InlineData("2025-11-21", "2025-11-21", true)]
    [InlineData("XXXX-11-21", "2025-11-21", true)]
    [InlineData("2025-11-21", "2025-11-25", false)]
    [InlineData("2025-11", "2025-11-21", false)]
    public void ClaimAligner_DatesAgree(string a, string b, bool agree) => Assert.Equal(agree, ClaimAligner.DatesAgree(a, b));
}

/// <summary>Clause splitting never leaves its sentence: pieces are in order, inside the sentence, and do not overlap.</summary>
public class ClaimSplitProperties
{
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public void Split_PiecesAreOrderedDisjointAndInsideTheSentence(string? raw)
    {
        var text = raw ?? "";
        var tokens = Parallax.Language.Text.Tokenizer.Tokenize(text).ToArray();
        var sentence = new TextSpan(0, text.Length);
        var pieces = ClaimExtractor.Split(text, tokens, [], sentence);
        Assert.NotEmpty(pieces);
        var end = 0;
        foreach (var p in pieces)
        {
            Assert.InRange(p.Start, end, text.Length);
            Assert.InRange(p.End, p.Start, text.Length);
            end = p.End;
        }
    }

    [Theory]
    [InlineData("The minister said the strike was unlawful; the union said it would go on.", 2)]
    [InlineData("The port closed at noon, but the ferries kept running to the islands.", 2)]
    [InlineData("\"We closed the port, and we would do it again,\" the minister told reporters.", 1)]
    [InlineData("Talks failed — the operators walked out of the room — and no date was set.", 2)]
    [InlineData("The pay talks failed again — the operators walked out of the room — and no new date was set.", 3)]
    public void Split_SplitsAtClauseBoundaries(string sentence, int clauses)
    {
        var tokens = Parallax.Language.Text.Tokenizer.Tokenize(sentence).ToArray();
        Assert.Equal(clauses, ClaimExtractor.Split(sentence, tokens, [], new TextSpan(0, sentence.Length)).Count);
    }
}
