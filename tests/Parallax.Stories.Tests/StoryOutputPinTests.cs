using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Eval.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>
/// Pins the exact output of features, dedup signatures, online placements (fresh and re-seeded index) and consolidated
/// stories on real corpora read from ../shared at run time, as SHA-256 fingerprints in
/// tests/golden/stories/output-pins.txt (no shared text is copied). Speed work on the stories area must leave every
/// line unchanged; a deliberate change of the clustering regenerates it with <c>PARALLAX_UPDATE_GOLDEN=1</c>.
/// </summary>
public sealed partial class StoryOutputPinTests
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRegex();

    [Fact]
    public void StoryClusterer_OutputEqualsThePinnedFingerprints()
    {
        var sb = new StringBuilder();
        var ecb = ClusteringSet.Read(RepoPaths.SharedData("clustering", "ecbplus-dev", "docs.jsonl")).Documents.Select(d => d.Article).ToList();
        Fingerprint("ecbplus-dev", ecb, sb);
        Fingerprint("allsides-first-400", ScaleArticles(400), sb);
        Assert.Null(Golden.Check("stories/output-pins.txt", sb.ToString()));
    }

    private static void Fingerprint(string name, IReadOnlyList<Article> articles, StringBuilder into)
    {
        var options = StoryClustererOptions.Default;
        using var extractor = new StoryFeatureExtractor(options);
        var features = articles.Select(extractor.Extract).ToList();

        var h = new Hasher();
        foreach (var f in features)
        {
            h.Add(f.ArticleId).Add(f.Words.ToString(CultureInfo.InvariantCulture)).Add(f.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
            foreach (var (key, count) in f.Counts)
            {
                h.Add(key).Add(BitConverter.DoubleToInt64Bits(count).ToString(CultureInfo.InvariantCulture));
            }
        }

        into.Append(CultureInfo.InvariantCulture, $"{name} features: {features.Count} articles, {features.Sum(f => f.Counts.Length)} entries, {h}\n");

        var hasher = new MinHasher();
        var lsh = new LshIndex();
        var dedup = new Hasher();
        var near = 0;
        foreach (var a in articles)
        {
            var words = WordRegex().Matches(a.Text).Select(m => m.Value.ToLowerInvariant()).ToList();
            var signature = hasher.Signature(hasher.Shingles(words));
            foreach (var x in signature)
            {
                dedup.Add(x.ToString(CultureInfo.InvariantCulture));
            }

            var candidates = lsh.Candidates(signature);
            near += candidates.Count;
            dedup.Add(string.Join(',', candidates));
            lsh.Add(a.Id, signature);
        }

        into.Append(CultureInfo.InvariantCulture, $"{name} dedup: {near} LSH candidates, {dedup}\n");

        // Online placements into a fresh index (first half), consolidation, placements into the re-seeded index (second half).
        using var clusterer = new StoryClusterer(options);
        var half = articles.Count / 2;
        var fresh = new Hasher();
        var opened = 0;
        for (var i = 0; i < half; i++)
        {
            var p = clusterer.Add(articles[i], features[i]);
            opened += p.Opened ? 1 : 0;
            fresh.Add(p.ArticleId).Add(p.StoryId).Add(p.Similarity.ToString("R", CultureInfo.InvariantCulture)).Add(p.Opened ? "1" : "0");
        }

        into.Append(CultureInfo.InvariantCulture, $"{name} placements (fresh, {half} articles): {opened} opened, {fresh}\n");
        AppendStories(name + " stories after half", clusterer.Stories, into);

        var seeded = new Hasher();
        opened = 0;
        for (var i = half; i < articles.Count; i++)
        {
            var p = clusterer.Add(articles[i], features[i]);
            opened += p.Opened ? 1 : 0;
            seeded.Add(p.ArticleId).Add(p.StoryId).Add(p.Similarity.ToString("R", CultureInfo.InvariantCulture)).Add(p.Opened ? "1" : "0");
        }

        into.Append(CultureInfo.InvariantCulture, $"{name} placements (seeded, {articles.Count - half} articles): {opened} opened, {seeded}\n");
        AppendStories(name + " stories", clusterer.Stories, into);

        var pairs = new Hasher();
        for (var i = 0; i + 1 < articles.Count; i += 7)
        {
            pairs.Add(clusterer.Similarity(articles[i].Id, articles[i + 1].Id)?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
        }

        into.Append(CultureInfo.InvariantCulture, $"{name} similarities: {pairs}\n");
    }

    private static void AppendStories(string name, IEnumerable<Story> stories, StringBuilder into)
    {
        var h = new Hasher();
        var count = 0;
        var multi = 0;
        foreach (var s in stories)
        {
            count++;
            multi += s.ArticleIds.Length > 1 ? 1 : 0;
            h.Add(s.Id).Add(s.Title).Add(s.TitleArticleId).Add(string.Join(',', s.ArticleIds)).Add(s.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-").Add(s.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
            foreach (var r in s.Related)
            {
                h.Add(r.StoryId).Add(r.Similarity.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var d in s.InferredDates)
            {
                h.Add(d.ArticleId).Add(d.Reason);
            }
        }

        into.Append(CultureInfo.InvariantCulture, $"{name}: {count} stories, {multi} with 2+ articles, {h}\n");
    }

    /// <summary>The first <paramref name="count"/> articles of the AllSides scale corpus, read as the scale bench reads them.</summary>
    private static List<Article> ScaleArticles(int count) =>
        Parallax.Eval.Scale.ScaleCorpus.Read(RepoPaths.SharedData("scale", "allsides-articles.jsonl.gz"), count, "allsides");

    /// <summary>Incremental SHA-256 over length-prefixed strings; prints the first 16 hex digits.</summary>
    private sealed class Hasher
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public Hasher Add(string value)
        {
            _hash.AppendData(BitConverter.GetBytes(value.Length));
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
            return this;
        }

        public override string ToString() => "sha256 " + Convert.ToHexStringLower(_hash.GetCurrentHash())[..16];
    }
}
