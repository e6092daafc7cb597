using System.Collections.Immutable;
using Parallax.Compare.Summary;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Stories;

namespace Parallax.Compare.Tests;

/// <summary>The neutral summary on seeds (read at run time), samples and fixtures of our own.</summary>
public class SummaryTests
{
    public static TheoryData<string> Runs => ["samples", "seeds"];

    [Theory]
    [MemberData(nameof(Runs))]
    public void Summary_HasThreeToSevenNeutralSentences_DrawnVerbatimFromTheirSources(string run)
    {
        var analysed = run == "samples" ? Corpora.Samples : Corpora.Seeds;
        var story = analysed.Main;
        Assert.InRange(story.Summary.Length, 3, 7);
        foreach (var s in story.Summary)
        {
            Assert.Null(NeutralWording.Reason(s.Text));
            Assert.NotEmpty(s.Outlets);
            Assert.InRange(s.SourcePieces, 1, s.Evidence.Length);
            var pieces = s.Evidence.Take(s.SourcePieces).ToList();
            Assert.All(pieces, p => Assert.Equal(s.ArticleId, p.ArticleId));
            Assert.Equal(string.Join(" ", pieces.Select(p => p.Text)).TrimEnd('.'), s.Text.TrimEnd('.'));
            Assert.Equal(Parallax.Core.OutletNames.Of(analysed.Article(s.ArticleId)), s.Outlets[0]);
        }

        Assert.Contains(story.Summary, s => s.Sources >= 2);
        Assert.Equal(story.Summary.Length, story.Summary.Select(s => s.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Samples_SummaryLeavesOutTheBeaconsLoadedWording()
    {
        var summary = Corpora.Samples.Main.Summary;
        var text = string.Join(" ", summary.Select(s => s.Text));
        foreach (var loaded in new[] { "agitator", "firebrand", "bosses", "stunt", "crusade", "militant", "Ransom" })
        {
            Assert.DoesNotContain(loaded, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("strike", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SummaryWriter_PrefersContentOtherOriginsState_AndCountsReprintsOnce()
    {
        var input = Fixture();
        var summary = SummaryWriter.Write(input, [], SummaryOptions.Default with { StoryOrder = false, MinSentences = 1, WordBudget = 10 });
        var first = summary[0];
        Assert.Contains("ferry terminal", first.Text, StringComparison.Ordinal);
        Assert.Equal(2, first.Sources); // a1 and a2; the reprint a3 shares a2's origin
        Assert.Contains("Hill Courier", first.Outlets);
    }

    [Fact]
    public void SummaryWriter_CitesFactsWhoseStatementsItDrawsOn_AndRanksByThem()
    {
        var input = Fixture();
        var a4 = input.Articles.Single(a => a.Id == "a4");
        var mayor = a4.Doc.Sentences.Select(s => s.Span).First(s => a4.Text[s.Start..s.End].Contains("mayor", StringComparison.Ordinal));
        var a1 = input.Articles.Single(a => a.Id == "a1");
        var fact = new FactReport("F9", "The mayor will meet residents", [a4.Evidence(mayor), a1.Evidence(a1.Doc.Sentences[^1].Span)], [], []);
        var summary = SummaryWriter.Write(input, [fact]);
        Assert.Contains(summary, s => s.FactIds.Contains("F9"));
    }

    [Fact]
    public void SummaryWriter_IsDeterministic()
    {
        var input = Fixture();
        Assert.Equal(
            SummaryWriter.Write(input, []).Select(s => (s.Text, s.Score, string.Join("|", s.Outlets))),
            SummaryWriter.Write(input, []).Select(s => (s.Text, s.Score, string.Join("|", s.Outlets))));
    }

    [Theory]
    [InlineData("The council voted to close the ferry terminal on Friday.", null)]
    [InlineData("The council voted to close the ferry terminal!", "exclamation or question")]
    [InlineData("Will the council close the ferry terminal?", "exclamation or question")]
    [InlineData("We think the council was wrong to close the terminal.", "first person")]
    [InlineData("The council's \"plan\" closes the ferry terminal on Friday.", "scare quotes")]
    [InlineData("The radical council voted to close the ferry terminal.", "loaded word 'radical'")]
    [InlineData("\"We will not be moved by this council, not now and not ever,\" the union said.", "mostly a direct quote")]
    [InlineData("The mayor said the \"plan\" would save money for the US.", null)]
    [InlineData("The ferry company said the closure was \"final ... and binding on everyone\" in a long statement to the council and the press on Friday.", "truncated quotation")]
    [InlineData("\u201cThe terminal stays closed, and the council has made its decision on the matter for good.", "part of a direct quote")]
    public void NeutralWording_NamesWhyASentenceIsNotNeutral(string sentence, string? reason) =>
        Assert.Equal(reason, NeutralWording.Reason(sentence));

    [Theory]
    [InlineData("ORLA, Norland, May 9 (Northwind Gazette) - The council voted to close the ferry terminal.", true, "The council voted to close the ferry terminal.")]
    [InlineData("The council voted to close the old ferry terminal after a long debate, officials said.", false, "The council voted to close the old ferry terminal after a long debate")]
    [InlineData("The council (which met for six hours) voted to close the terminal.", false, "The council|voted to close the terminal.")]
    [InlineData("Closing it was wrong, she said.", false, "Closing it was wrong, she said.")]
    public void SummaryWriter_CompressesByDroppingWordsOnly(string sentence, bool first, string expected)
    {
        var pieces = SummaryWriter.Compress(sentence, new TextSpan(0, sentence.Length), first);
        Assert.Equal(expected, string.Join("|", pieces.Select(p => sentence[p.Start..p.End])));
    }

    private static StoryInput Fixture()
    {
        var input = TimelineTests.Story(
            ("a1", "Northwind Gazette", new DateOnly(2031, 5, 9), "The Orla city council voted on Friday to close the old ferry terminal by the end of the year. Ferry passengers have fallen by half since the bridge opened. The mayor will meet residents next month."),
            ("a2", "Southport Echo", new DateOnly(2031, 5, 9), "Orla's city council voted to close the old ferry terminal by the end of the year. The radical council ignored furious residents! The terminal employs 40 people."),
            ("a3", "Hill Courier", new DateOnly(2031, 5, 10), "Orla's city council voted to close the old ferry terminal by the end of the year. The terminal employs 40 people."),
            ("a4", "Lakeside Times", new DateOnly(2031, 5, 10), "Residents plan to protest outside the town hall next week. The mayor will meet residents in June to discuss the ferry."));
        // a3 reprints a2: one origin.
        return input with
        {
            Articles = [.. input.Articles.Select(a => a.Id == "a3" ? a with { OriginKey = "a2", Origin = new ArticleOrigin { ArticleId = "a3", Kind = OriginKind.CopyOf, OriginId = "a2", Reason = "fixture" } } : a)],
        };
    }
}
