using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Language.Labels;
using Parallax.Language.Text;

namespace Parallax.Language.Tests.Labels;

public class LabelExtractorTests
{
    private static readonly Pipeline<Doc> Pipeline = Pipeline<Doc>.Build([Layers.Text], Tokenizer.Instance, SentenceSplitter.Instance, EntityRecognizer.Default, LabelExtractor.Instance);

    internal static Doc Analyse(string text, string id = "test") => Pipeline.Run(TestDocs.Create(text, id));

    /// <summary>Sentences written for these tests (fictional people); the label text, its kind, and a word of the name it attaches to.</summary>
    public static TheoryData<string, string, LabelKind, string> Cases => new()
    {
        { "Valdorian President Teodor Brasko arrived in Saltmere on Monday.", "Valdorian President", LabelKind.Title, "Brasko" },
        { "The talks were attended by former President Mirela Dancu and two aides.", "former President", LabelKind.Title, "Dancu" },
        { "Later President Teodor Brasko left the hall.", "President", LabelKind.Title, "Brasko" },
        { "Vice President Anka Sorel spoke first at the summit.", "Vice President", LabelKind.Title, "Sorel" },
        { "Transport Minister Oskar Tamm said the port would reopen.", "Transport Minister", LabelKind.Title, "Tamm" },
        { "The strike was called by union leader Ilse Marov after talks failed.", "union leader", LabelKind.Title, "Marov" },
        { "Crowds cheered as embattled President Radu Vesk left the palace.", "embattled", LabelKind.Premodifier, "Vesk" },
        { "Crowds cheered as embattled President Radu Vesk left the palace.", "President", LabelKind.Title, "Vesk" },
        { "The broadcaster said dictator Radu Vesk must face the court.", "dictator", LabelKind.Premodifier, "Vesk" },
        { "The walkout was led by radical agitator Ilse Marov on Thursday.", "radical agitator", LabelKind.Premodifier, "Marov" },
        { "Brasko, a close ally of Prime Minister Jonas Kell, described the deal as fair.", "a close ally of Prime Minister Jonas Kell", LabelKind.Apposition, "Brasko" },
        { "Officials said Valdoria's president, Teodor Brasko, would travel next week.", "Valdoria's president", LabelKind.Apposition, "Brasko" },
        { "Mirela Dancu is a veteran diplomat with long ties to the court.", "a veteran diplomat", LabelKind.PredicateNominal, "Dancu" },
        { "The minister met opposition leader Radu Vesk, who has been called a reformer by his allies.", "a reformer", LabelKind.PredicateNominal, "Vesk" },
        { "Officials met in Ostrava, long seen as a regional trading hub, on Friday.", "a regional trading hub", LabelKind.PredicateNominal, "Ostrava" },
        { "Radu Vesk left the palace at dawn. The embattled leader said nothing to reporters.", "The embattled leader", LabelKind.Epithet, "Vesk" },
        { "Teodor Brasko landed in Saltmere. The country's strongman was met by cheering crowds.", "The country's strongman", LabelKind.Epithet, "Brasko" },
        { "Anka Sorel, the youngest member of the cabinet, resigned on Friday.", "the youngest member of the cabinet", LabelKind.Apposition, "Sorel" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LabelExtractor_FindsLabel(string sentence, string label, LabelKind kind, string nameWord)
    {
        var doc = Analyse(sentence);
        Assert.Contains(doc.Labels, l => l.Text == label && l.Kind == kind && l.MentionSpan.Of(sentence).Contains(nameWord, StringComparison.Ordinal));
        AssertInvariants(doc);
    }

    /// <summary>Sentences where no label of the kind may be found (conservative rules).</summary>
    public static TheoryData<string, LabelKind> Negatives => new()
    {
        // two people in the previous sentence: the epithet is not linked
        { "Radu Vesk met Anka Sorel on Monday. The dictator had already left.", LabelKind.Epithet },
        // an indefinite epithet usually means someone else
        { "Lawyers for Radu Vesk said the ruling could help a fading dictator cling to office.", LabelKind.Epithet },
        // a relational noun phrase names another office holder
        { "Radu Vesk arrived on Monday. He will then involve the president of Valdoria.", LabelKind.Epithet },
        // a list of names is not an apposition
        { "Teodor Brasko, Mirela Dancu and Radu Vesk signed the letter.", LabelKind.Apposition },
        // a day before a name is not a title
        { "On Monday Teodor Brasko flew home.", LabelKind.Title },
    };

    [Theory]
    [MemberData(nameof(Negatives))]
    public void LabelExtractor_StaysConservative(string sentence, LabelKind kind)
    {
        var doc = Analyse(sentence);
        Assert.DoesNotContain(doc.Labels, l => l.Kind == kind);
        AssertInvariants(doc);
    }

    [Fact]
    public void LabelExtractor_TitleStaysOutOfName()
    {
        const string text = "Foreign Minister Lotte Albers met Valdorian President Teodor Brasko.";
        var doc = Analyse(text);
        var titles = doc.Labels.Where(l => l.Kind == LabelKind.Title).ToList();
        Assert.Equal(2, titles.Count);
        Assert.All(titles, l => Assert.True(l.Span.End <= l.MentionSpan.Start));
        AssertInvariants(doc);
    }

    [Fact]
    public void LabelExtractor_IsDeterministic()
    {
        const string text = "Embattled President Radu Vesk, a former general, met union leader Ilse Marov. Marov is a veteran organiser.";
        Assert.Equal(Analyse(text).Labels, Analyse(text).Labels);
    }

    [Fact]
    public void LabelExtractor_RecordsLayerProvenance()
    {
        var doc = Analyse("Vice President Anka Sorel spoke.");
        Assert.Contains(Layers.Labels, doc.Layers);
        Assert.Equal("LabelExtractor@1.0", doc.LayerProvenance[Layers.Labels]);
    }

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property LabelExtractor_RandomTextNeverThrowsAndKeepsInvariants()
    {
        var pieces = Gen.Elements("President ", "former ", "Teodor Brasko", "Vesk", ", ", ". ", "a ", "the ", "dictator ", "is ", "who ",
            "has been called ", "long seen as ", "’s ", "Valdoria", "\n", " ", "—", "embattled ", "union leader ", "x", "\uD83D\uDE00", "\"");
        var gen = Gen.ListOf(pieces).Select(p => string.Concat(p));
        return Prop.ForAll(Arb.From(gen), text =>
        {
            AssertInvariants(Analyse(text));
            return true;
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public bool LabelExtractor_ArbitraryStringNeverThrows(string? text)
    {
        AssertInvariants(Analyse(text ?? ""));
        return true;
    }

    [Fact]
    public void LabelExtractor_DeclaresItsLayers()
    {
        Assert.Equal([Layers.Labels], LabelExtractor.StageInfo.Produces);
        Assert.Contains(Layers.Entities, LabelExtractor.StageInfo.Requires);
        Assert.ThrowsAny<Exception>(() => Pipeline<Doc>.Build([Layers.Text], Tokenizer.Instance, SentenceSplitter.Instance, LabelExtractor.Instance));
    }

    /// <summary>Label text equals its characters; a label never overlaps its own mention's name; sorted, no duplicates.</summary>
    internal static void AssertInvariants(Doc doc)
    {
        foreach (var l in doc.Labels)
        {
            Assert.True(l.Span.FitsIn(doc.Text));
            Assert.False(l.Span.IsEmpty);
            Assert.Equal(l.Span.Of(doc.Text), l.Text);
            Assert.False(l.Span.Overlaps(l.MentionSpan), $"label '{l.Text}' overlaps its name");
            // a recognised mention (same entity), a missed bare surname of that entity, or a name missed after a title (no entity id)
            Assert.True(l.EntityId is null || doc.Mentions.Any(m => m.EntityId == l.EntityId
                && (m.Span == l.MentionSpan || m.Text.EndsWith(" " + l.MentionSpan.Of(doc.Text), StringComparison.Ordinal))));
        }

        Assert.Equal(doc.Labels.Length, doc.Labels.Distinct().Count());
        Assert.Equal(doc.Labels.OrderBy(l => l.Span.Start).ThenBy(l => l.Span.End), doc.Labels.AsEnumerable());
    }
}
