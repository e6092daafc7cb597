using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Language.Labels;
using Parallax.Testing;

namespace Parallax.Language.Tests.Labels;

/// <summary>The project's own samples (samples/port-velin) and the real seeds in ../shared/seeds, read at run time.</summary>
public class LabelSamplesTests
{
    private static Doc Sample(string file) =>
        LabelExtractorTests.Analyse(File.ReadAllText(Path.Combine(RepoPaths.Samples, "port-velin", file)), file);

    private static bool Has(Doc doc, string label, LabelKind kind, string nameKey) =>
        doc.Labels.Any(l => l.Text == label && l.Kind == kind && NameOf(doc, l).EndsWith(nameKey, StringComparison.Ordinal));

    private static string NameOf(Doc doc, Label l) =>
        NameKey.Of(doc.Entities.FirstOrDefault(e => e.Id == l.EntityId)?.Name ?? l.MentionSpan.Of(doc.Text));

    [Fact]
    public void Samples_TransportMinisterIsTitleOfTamm()
    {
        Assert.True(Has(Sample("meridian-wire.txt"), "Transport Minister", LabelKind.Title, "oskar tamm"));
        Assert.True(Has(Sample("patriot-beacon.txt"), "Transport Minister", LabelKind.Title, "oskar tamm"));
        // a sentence-initial "Corvane" stays in the title because the article also capitalises it mid-sentence
        Assert.True(Has(Sample("meridian-wire.txt"), "Corvane spokesperson", LabelKind.Title, "petra lund"));
    }

    [Fact]
    public void Samples_BeaconLoadedLabelsForVarga()
    {
        var beacon = Sample("patriot-beacon.txt");
        Assert.True(Has(beacon, "radical agitator", LabelKind.Premodifier, "varga"));
        Assert.True(Has(beacon, "Steady-handed", LabelKind.Premodifier, "tamm"));
        // the wire names her office, the Beacon does not
        Assert.True(Has(Sample("meridian-wire.txt"), "union general secretary", LabelKind.Title, "varga"));
        Assert.False(Has(beacon, "union general secretary", LabelKind.Title, "varga"));
        LabelExtractorTests.AssertInvariants(beacon);
    }

    [Fact]
    public void LabelSummary_ByOutlet_ContrastsOutlets()
    {
        var summary = LabelSummary.ByOutlet([("Meridian Wire", Sample("meridian-wire.txt")), ("The Patriot Beacon", Sample("patriot-beacon.txt"))]);
        var varga = summary.Where(s => s.EntityKey == "ilse varga").ToList();
        Assert.Contains(varga, s => s.Outlet == "The Patriot Beacon" && s.Text == "radical agitator" && s.Count == 1 && s.Occurrences.Length == 1);
        Assert.Contains(varga, s => s.Outlet == "Meridian Wire" && s.Text == "union general secretary" && s.Kind == LabelKind.Title);
        Assert.DoesNotContain(varga, s => s.Outlet == "Meridian Wire" && s.Text == "radical agitator");
        var tamm = summary.Where(s => s.EntityKey == "oskar tamm" && s.Text == "transport minister").ToList();
        Assert.Equal(["Meridian Wire", "The Patriot Beacon"], tamm.Select(s => s.Outlet));
        var again = LabelSummary.ByOutlet([("Meridian Wire", Sample("meridian-wire.txt")), ("The Patriot Beacon", Sample("patriot-beacon.txt"))]);
        Assert.Equal(summary.Select(Show), again.Select(Show));
    }

    private static string Show(OutletLabel o) =>
        $"{o.EntityKey}|{o.Outlet}|{o.Text}|{o.Kind}|{o.Count}|{string.Join(",", o.Occurrences.Select(x => $"{x.ArticleId}:{x.Span.Start}-{x.Span.End}"))}";

    [Fact]
    public void LabelSummary_CountsAndNormalises()
    {
        var doc = LabelExtractorTests.Analyse("Valdorian President Teodor Brasko spoke. Later VALDORIAN  PRESIDENT Teodor Brasko left.", "a1");
        var rows = LabelSummary.ByOutlet([("Wire", doc)]).Where(r => r.EntityKey == "teodor brasko" && r.Kind == LabelKind.Title).ToList();
        var row = Assert.Single(rows);
        Assert.Equal("valdorian president", row.Text);
        Assert.Equal(2, row.Count);
        Assert.All(row.Occurrences, o => Assert.Equal("a1", o.ArticleId));
        Assert.Equal("venezuela's president", LabelSummary.Normalize("  Venezuela’s \n president "));
    }

    private static List<(string Name, Doc Doc)> Seeds() =>
        [.. Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), LabelExtractorTests.Analyse(File.ReadAllText(p), Path.GetFileNameWithoutExtension(p))))];

    [Fact]
    public void Seeds_LabelsOfMaduroAndLukashenko()
    {
        var seeds = Seeds();
        var fix = seeds.Single(s => s.Doc.Text.TrimStart().StartsWith("- Conservative Fix", StringComparison.Ordinal)).Doc;
        Assert.Contains(fix.Labels, l => l.Text == "dictator" && NameOf(fix, l).EndsWith("maduro", StringComparison.Ordinal));
        Assert.Contains(seeds, s => Has(s.Doc, "Venezuelan President", LabelKind.Title, "maduro"));
        Assert.Contains(seeds, s => Has(s.Doc, "a close ally of Russian President Vladimir Putin", LabelKind.Apposition, "lukashenko"));
        Assert.Contains(seeds, s => Has(s.Doc, "embattled", LabelKind.Premodifier, "maduro"));
        Assert.All(seeds, s => LabelExtractorTests.AssertInvariants(s.Doc));
    }
}
