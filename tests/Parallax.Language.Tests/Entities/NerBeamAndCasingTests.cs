using Parallax.Language.Entities;

namespace Parallax.Language.Tests.Entities;

/// <summary>The opt-in training options of the entity tagger (beam search, casing classes of open text): fictional data.</summary>
public sealed class NerBeamAndCasingTests
{
    private static List<NerTrainingDoc> Docs() => [.. Enumerable.Range(0, 4).Select(i => new NerTrainingDoc(
        "d" + i,
        [new[] { "Zarkov", "Imre", "visited", "Quenby", "." }, new[] { "Then", "Zarkov", "left", "the", "Velk", "Mill", "." }],
        [new[] { 1, 2, 0, 5, 0 }, new[] { 0, 1, 0, 0, 3, 4, 0 }]))];

    private static readonly List<IReadOnlyList<string>> _open =
    [
        new[] { "We", "met", "Zarkov", "near", "the", "mill", "and", "the", "river", "." },
        new[] { "Then", "Zarkov", "walked", "to", "the", "mill", "by", "the", "river", "." },
    ];

    [Fact]
    public void NerTrainer_BeamModel_TagsItsTrainingSetAndRoundTrips()
    {
        var model = NerTrainer.Train(Docs(), Gazetteer.Default, epochs: 5, seed: 7, beam: 3, openText: _open);
        Assert.Equal(3, model.Beam);
        Assert.Equal(5, model.CasingClasses["zarkov"]);
        Assert.Equal(1, model.CasingClasses["mill"]);
        var words = new List<IReadOnlyList<string>> { new[] { "Then", "Zarkov", "left", "the", "Velk", "Mill", "." } };
        var tags = new NerTagger(model, Gazetteer.Default).Tag(words);
        Assert.Equal([0, 1, 0, 0, 3, 4, 0], tags[0]);

        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var copy = NerModel.Load(ms);
        Assert.Equal(3, copy.Beam);
        Assert.Equal(model.CasingClasses, copy.CasingClasses);
        Assert.Equal(tags, new NerTagger(copy, Gazetteer.Default).Tag(words));
        Assert.Equal(tags, new NerTagger(NerTrainer.Train(Docs(), Gazetteer.Default, epochs: 5, seed: 7, beam: 3, openText: _open), Gazetteer.Default).Tag(words));
    }

    [Fact]
    public void NerTagger_BeamNeverOpensANameWithInside()
    {
        var model = NerTrainer.Train(Docs(), Gazetteer.Default, epochs: 3, seed: 1, beam: 4);
        var words = new List<IReadOnlyList<string>> { new[] { "Mill", "Imre", "Quenby", "Velk", "Mill", "left", "Imre" } };
        var tags = new NerTagger(model, Gazetteer.Default).Tag(words)[0];
        for (var i = 0; i < tags.Length; i++)
        {
            Assert.True(NerTags.Allowed(i > 0 ? tags[i - 1] : -1, tags[i]));
        }
    }

    [Fact]
    public void NerModel_GreedyModelWithoutCasingKeepsTheOldFileFormat()
    {
        var model = NerTrainer.Train(Docs(), Gazetteer.Default, epochs: 2, seed: 3);
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        using var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionMode.Decompress);
        var magic = new byte[6];
        gz.ReadExactly(magic);
        Assert.Equal("PXNER3", System.Text.Encoding.ASCII.GetString(magic));
        Assert.Equal(1, model.Beam);
        Assert.Empty(model.CasingClasses);
    }
}
