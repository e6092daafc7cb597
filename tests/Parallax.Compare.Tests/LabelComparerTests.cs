using System.Collections.Immutable;
using Parallax.Compare.Labels;
using Parallax.Core;
using Parallax.Core.Reporting;
using Parallax.Language;
using Parallax.Language.Entities;
using Parallax.Stories;

namespace Parallax.Compare.Tests;

/// <summary>Entities and labels per outlet: hand-written texts (fictional outlets and people), the samples and the seeds.</summary>
public class LabelComparerTests
{
    /// <summary>A story of hand-written (outlet, text) articles run through the language layer and story-wide resolution.</summary>
    internal static StoryInput Story(params (string Outlet, string Text)[] articles)
    {
        var docs = articles.Select((a, i) =>
        {
            var id = "a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var article = new Article
            {
                Id = id,
                SourceId = id,
                Origin = id,
                Metadata = ArticleMetadata.Empty with { Outlet = a.Outlet },
                RawText = a.Text,
                Text = a.Text,
                Map = OffsetMap.Identity(a.Text.Length),
            };
            return LanguagePipeline.Analyze(article);
        }).ToList();
        var resolved = EntityResolver.Resolve(docs);
        var members = resolved.Docs.Select(d => new StoryArticle(d, new ArticleOrigin { ArticleId = d.Article.Id, Kind = OriginKind.Independent, Reason = "test" }, d.Article.Id)).ToImmutableArray();
        return new StoryInput("story", "test", members, resolved.Entities);
    }

    private static EntityReport Entity(ImmutableArray<EntityReport> entities, string nameWord) =>
        Assert.Single(entities, e => e.SurfaceForms.Any(f => f.Contains(nameWord, StringComparison.Ordinal)) && !e.Minor);

    private static LabelCount? LabelOf(EntityReport entity, string outlet, string keyword) =>
        entity.LabelsByOutlet.FirstOrDefault(o => o.Outlet == outlet)?.Labels.FirstOrDefault(l => l.Key.Contains(keyword, StringComparison.Ordinal));

    [Fact]
    public void LabelComparer_GroupsVariantsAndCountsPerOutlet()
    {
        var input = Story(
            ("North Star", "Brazilian President Teodor Brasko arrived in Lisbon on Monday. Later, Brazilian President Teodor Brasko spoke to reporters."),
            ("Evening Lamp", "Brazil's president, Teodor Brásko, left early. The strongman Brasko said nothing."),
            ("Harbor Gazette", "Brasko, a veteran diplomat, met the mayor."));
        var entities = LabelComparer.Compare(input);
        var brasko = Entity(entities, "Brasko");
        Assert.Equal("Person", brasko.Type);
        Assert.Equal(entities[0].Id, brasko.Id); // the most mentioned entity comes first
        Assert.Equal(3, brasko.Outlets);
        Assert.Contains("Teodor Brásko", brasko.SurfaceForms);
        Assert.Equal("Teodor Brásko", brasko.Name);

        var north = LabelOf(brasko, "North Star", "president")!;
        Assert.Equal(2, north.Count);
        Assert.Equal("brazilian president", north.Key);
        Assert.Equal("title", north.Kind);
        Assert.All(north.Evidence, e => Assert.Equal("Brazilian President", e.Text));
        Assert.False(north.OnlyIn); // the Evening Lamp says "Brazil's president": the same key

        var lamp = LabelOf(brasko, "Evening Lamp", "president")!;
        Assert.Equal("Brazil's president", lamp.Label);
        Assert.Equal("brazilian president", lamp.Key);
        var strongman = LabelOf(brasko, "Evening Lamp", "strongman")!;
        Assert.True(strongman.OnlyIn);
        var veteran = LabelOf(brasko, "Harbor Gazette", "veteran diplomat")!;
        Assert.Equal("a veteran diplomat", veteran.Label);
        Assert.True(veteran.OnlyIn);
        Assert.Equal(1, brasko.LabelsByOutlet.Single(o => o.Outlet == "Harbor Gazette").Mentions);
    }

    [Fact]
    public void LabelComparer_EvidenceQuotesTheText()
    {
        var input = Story(("North Star", "Embattled Mayor Lina Duarte resigned. Duarte, a former judge, left."), ("Evening Lamp", "Mayor Lina Duarte resigned."));
        foreach (var e in LabelComparer.Compare(input))
        {
            foreach (var l in e.LabelsByOutlet.SelectMany(o => o.Labels))
            {
                Assert.Equal(l.Count, l.Evidence.Length);
                Assert.All(l.Evidence, ev => Assert.Equal(input[ev.ArticleId].Text[ev.Start..ev.End], ev.Text));
            }
        }

        var duarte = Entity(LabelComparer.Compare(input), "Duarte");
        Assert.True(LabelOf(duarte, "North Star", "judge")!.OnlyIn);
        Assert.False(LabelOf(duarte, "North Star", "mayor")!.OnlyIn);
    }

    [Fact]
    public void LabelComparer_IsDeterministic()
    {
        (string, string)[] articles = [("North Star", "Valdorian President Teodor Brasko arrived. Brasko spoke."), ("Evening Lamp", "The strongman Teodor Brasko left.")];
        Assert.Equal(Show(LabelComparer.Compare(Story(articles))), Show(LabelComparer.Compare(Story(articles))));
    }

    [Fact]
    public void LabelComparer_UnknownOutletsCountPerArticle()
    {
        var input = Story(("unknown", "Mayor Lina Duarte resigned."), ("unknown", "The embattled Mayor Lina Duarte resigned."));
        var duarte = Entity(LabelComparer.Compare(input), "Duarte");
        Assert.Equal(["unknown outlet (a0)", "unknown outlet (a1)"], duarte.LabelsByOutlet.Select(o => o.Outlet));
        Assert.True(LabelOf(duarte, "unknown outlet (a1)", "embattled")!.OnlyIn);
    }

    private static string Show(ImmutableArray<EntityReport> entities) => string.Join("\n", entities.Select(e =>
        $"{e.Id}|{e.Name}|{e.Mentions}|" + string.Join(";", e.LabelsByOutlet.Select(o => $"{o.Outlet}:{o.Mentions}:" + string.Join(",", o.Labels.Select(l => $"{l.Key}x{l.Count}{l.OnlyIn}"))))));

    [Fact]
    public void Seeds_MaduroIsOneEntityAndOnlyOneOutletCallsHimDictator()
    {
        var seeds = Corpora.Seeds;
        var story = seeds.Main;
        var maduro = Assert.Single(story.Entities, e => e.SurfaceForms.Any(f => f.Contains("Maduro", StringComparison.Ordinal)) && e.Type == "Person");
        Assert.Contains(maduro.SurfaceForms, f => f == "Maduro");
        Assert.Contains(maduro.SurfaceForms, f => f.StartsWith("Nicol", StringComparison.Ordinal));
        Assert.Equal("Nicolás Maduro", maduro.Name);
        Assert.Equal(story.ArticleIds.Length, maduro.Outlets);
        Assert.Contains(story.Entities.Take(5), e => e.Id == maduro.Id); // among the most prominent

        var dictator = maduro.LabelsByOutlet.Where(o => o.Labels.Any(l => l.Key.Contains("dictator", StringComparison.Ordinal))).ToList();
        var outlet = Assert.Single(dictator);
        Assert.Equal("The Conservative Fix", outlet.Outlet);
        Assert.All(outlet.Labels.Where(l => l.Key.Contains("dictator", StringComparison.Ordinal)), l => Assert.True(l.OnlyIn));
        // the others call him president
        Assert.True(maduro.LabelsByOutlet.Count(o => o.Labels.Any(l => l.Key.Contains("president", StringComparison.Ordinal))) >= 3);
        Assert.Contains(maduro.LabelsByOutlet.SelectMany(o => o.Labels), l => l.Key == "venezuelan president" && l.Forms.Length >= 1 && !l.OnlyIn);
    }

    [Fact]
    public void Samples_BeaconLabelsVargaAndTammUnlikeTheOthers()
    {
        var story = Corpora.Samples.Main;
        var varga = Assert.Single(story.Entities, e => e.Name == "Ilse Varga");
        var beacon = varga.LabelsByOutlet.Single(o => o.Outlet == "The Patriot Beacon");
        Assert.Contains(beacon.Labels, l => l.Key == "radical agitator" && l.OnlyIn && l.Kind == "premodifier");
        Assert.Contains(beacon.Labels, l => l.Key == "firebrand" && l.Label == "the firebrand" && l.Kind == "epithet" && l.OnlyIn);
        var neutral = varga.LabelsByOutlet.Where(o => o.Outlet != "The Patriot Beacon").SelectMany(o => o.Labels).Select(l => l.Key).ToHashSet();
        Assert.Contains("union general secretary", neutral);
        Assert.Contains("union leader", neutral);
        Assert.DoesNotContain(neutral, k => k.Contains("agitator", StringComparison.Ordinal) || k.Contains("firebrand", StringComparison.Ordinal));

        var tamm = Assert.Single(story.Entities, e => e.Name == "Oskar Tamm");
        Assert.Contains(tamm.LabelsByOutlet.Single(o => o.Outlet == "The Patriot Beacon").Labels, l => l.Label == "Steady-handed" && l.OnlyIn);
        Assert.True(tamm.LabelsByOutlet.Count(o => o.Labels.Any(l => l.Key == "transport minister" && !l.OnlyIn)) >= 4);

        var bosses = story.Entities.SelectMany(e => e.LabelsByOutlet).Where(o => o.Labels.Any(l => l.Key == "union bosses")).ToList();
        Assert.Equal(["The Patriot Beacon"], bosses.Select(o => o.Outlet).Distinct());
    }
}
