using System.Collections.Immutable;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Stories.Tests;

/// <summary>
/// The compact storage behind the clusterer's memory figures (docs/scaling.md, session 10): texts come back from the
/// deflated store character for character, the chained LSH buckets give the candidates a list per bucket gave, and
/// lineage and titles read from the stored articles equal those of the articles as added.
/// </summary>
public sealed class CompactStorageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("The Quill River ferry resumed at dawn.")]
    [InlineData("Café owner Zoë Brandt said the “Marrowby pier” would reopen — maybe.")]
    [InlineData("Harbour master 🚢 reports calm water\nsecond line")]
    [InlineData("lone high surrogate \uD83D here")]
    [InlineData("lone low surrogate \uDE00 and a pair \uD83D\uDE00 and end \uD83D")]
    public void TextStore_GivesBackTheSameString(string text)
    {
        var store = new TextStore();
        var before = store.Add("Tollbridge council met on Tuesday.");
        var handle = store.Add(text);
        Assert.Equal(text, store.Get(handle));
        Assert.Equal("Tollbridge council met on Tuesday.", store.Get(before));
    }

    [Fact]
    public void TextStore_KeepsEveryTextAcrossSealedBlocks()
    {
        var store = new TextStore();
        var texts = new List<string>();
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            // 200 to 6,000 characters of made-up ferry reports, some with non-ASCII letters, one far larger than a block.
            var length = i == 150 ? 3 * TextStore.BlockBytes : 200 + random.Next(5800);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = (c % 97) switch
                {
                    0 => '\n',
                    1 => 'ø',
                    2 => '’',
                    _ => (char)('a' + random.Next(26)),
                };
            }

            texts.Add($"Ferry report {i}: " + new string(chars));
        }

        var handles = texts.Select(store.Add).ToList();

        Assert.Equal(Enumerable.Range(0, texts.Count), handles);
        Assert.Equal(texts.Count, store.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], store.Get(handles[i]));
        }

        // Deflated blocks: random letters compress a little, the long text a lot; the store is well under the strings' 2 bytes a character.
        Assert.True(store.StoredBytes < texts.Sum(t => (long)t.Length), $"{store.StoredBytes} bytes stored");

        store.Clear();
        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Add("after clear"));
        Assert.Equal("after clear", store.Get(0));
    }

    [Theory]
    [InlineData(1000, 40, true)]
    [InlineData(1000, 700, true)]
    [InlineData(1000, 1000, false)]
    [InlineData(6, 1, false)]
    public void Palette_KeepsEveryWeightBitForBitWhenItIsSmaller(int entries, int distinct, bool compacted)
    {
        // Weights like a new story's centroid: a few distinct doubles repeated (plus -0.0 and 0.0, which differ in bits).
        var random = new Random(3);
        var pool = Enumerable.Range(0, distinct).Select(i => i == 0 ? -0.0 : i == 1 ? 0.0 : random.NextDouble() / 7).ToArray();
        var values = Enumerable.Range(0, entries).Select(i => pool[i < distinct ? i : random.Next(distinct)]).ToArray();

        var (stored, codes) = new OnlineIndex.Palette().Compact(values);

        Assert.Equal(compacted, codes is not null);
        var back = codes is null ? stored : codes.Select(c => stored[c]).ToArray();
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
        if (codes is not null)
        {
            Assert.Equal(distinct, stored.Length);
            Assert.True(8 * stored.Length + 2 * codes.Length < 8 * values.Length);
        }
    }

    [Fact]
    public void LshIndex_CandidatesAreThoseSharingABandInInsertionOrderOnce()
    {
        // 16 positions = 4 bands of 4 rows; each signature takes its band values from a small pool so bands collide often.
        var random = new Random(5);
        var signatures = new List<ImmutableArray<ulong>>();
        for (var i = 0; i < 60; i++)
        {
            var s = new ulong[16];
            for (var b = 0; b < 4; b++)
            {
                var pick = (ulong)random.Next(3);
                for (var r = 0; r < 4; r++)
                {
                    s[b * 4 + r] = pick * 1000 + (ulong)r;
                }
            }

            signatures.Add([.. s]);
        }

        var index = new LshIndex(bands: 4, rows: 4);
        for (var i = 0; i < signatures.Count; i++)
        {
            var expected = Enumerable.Range(0, i)
                .Where(j => Enumerable.Range(0, 4).Any(b => signatures[j].AsSpan(b * 4, 4).SequenceEqual(signatures[i].AsSpan(b * 4, 4))))
                .Select(j => "x" + j)
                .ToList();
            Assert.Equal(expected, index.Candidates(signatures[i]));
            index.Add("x" + i, signatures[i]);
        }

        Assert.Equal(signatures.Count, index.Count);
    }

    [Fact]
    public void StoryClusterer_LineageAndTitlesFromStoredArticlesEqualThoseOfTheArticlesAsAdded()
    {
        // The articles as a cleaning pipeline gives them (raw text differs from the text, an offset map, a diagnostic):
        // the clusterer keeps only id, metadata, title and the text, and lineage reads nothing else.
        var articles = Fixtures.All.Select(a => a with
        {
            RawText = "RAW " + a.Text,
            Map = OffsetMap.Identity(a.Text.Length),
            Diagnostics = [Diagnostic.Warning("PX9999", "made up for this test", a.Id)],
        }).ToList();
        using var clusterer = new StoryClusterer();
        foreach (var a in articles)
        {
            clusterer.Add(a);
        }

        var stories = clusterer.Stories;
        var detector = new LineageDetector();
        var byId = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var story in stories)
        {
            var expected = detector.Detect([.. story.ArticleIds.Select(id => byId[id])]);
            // Records holding arrays compare by reference, so compare their JSON (every field, spans and reasons included).
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(clusterer.LineageOf(story.Id)!.Origins));
            Assert.Equal(StoryNaming.TitleOf(byId[story.TitleArticleId]), story.Title);
        }

        Assert.Contains(stories, s => s.ArticleIds.Length > 1);
    }
}
