using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Ingest.Cleaning;
using Parallax.Testing;

namespace Parallax.Ingest.Tests.Cleaning;

/// <summary>
/// Cleans the five scraped seed articles in ../shared/seeds (read at run time, never copied here) and checks that the
/// residue is gone and the story is not. The story/residue judgement in this test uses its own rules, independent of
/// the cleaner's where possible.
/// </summary>
public class SeedsTests
{
    private static readonly TextCleaner _cleaner = new();

    // Residue recognised by this test, by content. A raw line matching one of these must not survive cleaning.
    private static readonly Regex[] _residue =
    [
        new(@"^\.(png|jpe?g)\)$"),                              // image debris
        new(@"pic\.twitter\.com/"),                             // embedded tweet text
        new(@"^— .+\(@\w+\)"),                                  // tweet attribution line
        new(@"recommendation to buy or sell", RegexOptions.IgnoreCase), // investment disclaimer
        new(@"^Share this article", RegexOptions.IgnoreCase),   // share / newsletter call
        new(@"subscribe to our newsletter", RegexOptions.IgnoreCase),
        new(@"^Read:"),                                         // related link
        new(@"^- "),                                            // bulleted navigation menu at the top
        new(@"^\s*date \d{4}-\d{2}-\d{2}"),                    // header
    ];

    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    private static (string Raw, CleanResult Result) Clean(string file)
    {
        var raw = File.ReadAllText(Path.Combine(RepoPaths.Seeds, file));
        return (raw, _cleaner.Clean(raw, ArticleMetadata.Empty));
    }

    [Fact]
    public void Seeds_AreFive()
    {
        Assert.Equal(5, SeedFiles().Count);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_InvariantsHold(string file)
    {
        var (raw, result) = Clean(file);
        CleanInvariants.AssertHold(raw, result);
        Assert.Equal(result, _cleaner.Clean(raw, ArticleMetadata.Empty), CleanResultComparer.Instance);
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_NoResidueRemains(string file)
    {
        var (_, result) = Clean(file);
        foreach (var line in result.Text.Split('\n'))
        {
            foreach (var r in _residue)
            {
                Assert.False(r.IsMatch(line), $"{file}: residue /{r}/ remains in cleaned line: {line}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_NoStorySentenceIsLost(string file)
    {
        var (raw, result) = Clean(file);
        var storyLines = raw.Split('\n')
            .Select(l => l.Trim())
            .Select(l => Regex.Replace(l, @"^date \d{4}-\d{2}-\d{2}\s+", ""))
            .Where(l => WordCount(l) >= 12 && Regex.IsMatch(l, @"[.!?…][""”’)]*$"))
            .Where(l => !_residue.Any(r => r.IsMatch(l)))
            .ToList();
        Assert.NotEmpty(storyLines);
        foreach (var line in storyLines)
        {
            Assert.Contains(line, result.Text, StringComparison.Ordinal);
        }

    }

    [Fact]
    public void Seeds_SameResultAcrossThreads()
    {
        var raws = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var sequential = raws.Select(r => _cleaner.Clean(r, ArticleMetadata.Empty)).ToArray();
        var parallel = new CleanResult[raws.Length * 8];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = _cleaner.Clean(raws[i % raws.Length], ArticleMetadata.Empty));

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % raws.Length], parallel[i], CleanResultComparer.Instance);
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_CleanerOutletAgreesWithIdentifierOnRawText(string file)
    {
        var (raw, result) = Clean(file);
        var id = new Parallax.Ingest.Outlets.OutletIdentifier().Explain(ArticleMetadata.Empty, null, raw);

        Assert.Equal((id.Outlet, id.Source), (result.Metadata.Outlet, result.Metadata.OutletSource));
        // And the identifier, given the cleaner's metadata and the cleaned text (as ArticleFactory calls it), agrees too.
        Assert.Equal((id.Outlet, id.Source), new Parallax.Ingest.Outlets.OutletIdentifier().Identify(result.Metadata, null, result.Text));
    }

    [Fact]
    public void Seed_KeyPointsListIsKept()
    {
        var file = FileContaining("Key points to consider");
        var (raw, result) = Clean(file);
        Assert.Contains("Key points to consider:", result.Text, StringComparison.Ordinal);
        // The list items after it are full sentences and all stay.
        var lines = raw.Split('\n').Select(l => l.Trim()).ToList();
        var at = lines.FindIndex(l => l.StartsWith("Key points to consider", StringComparison.Ordinal));
        foreach (var item in lines.Skip(at + 1).Take(3))
        {
            Assert.Contains(item, result.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Seed_TweetBecomesEmbed()
    {
        var file = FileContaining("pic.twitter.com");
        var (raw, result) = Clean(file);
        var embed = Assert.Single(result.Embeds);
        Assert.Equal(EmbedKind.SocialPost, embed.Kind);
        Assert.Equal("twitter", embed.Platform);
        Assert.StartsWith("@", embed.Handle);
        Assert.Equal("2025-12-11", embed.Date);
        Assert.Contains("pic.twitter.com", embed.Text, StringComparison.Ordinal);
        Assert.Contains("pic.twitter.com", embed.Url, StringComparison.Ordinal);
        Assert.Equal(embed.Text, raw.Split('\n').Single(l => l.Contains("pic.twitter.com", StringComparison.Ordinal)).Trim());
        var attribution = raw.Split('\n').Single(l => l.TrimStart().StartsWith('—') && l.Contains("(@", StringComparison.Ordinal)).Trim();
        Assert.Contains($"({embed.Handle})", attribution, StringComparison.Ordinal);
        Assert.StartsWith($"— {embed.Author} (", attribution, StringComparison.Ordinal);
        Assert.DoesNotContain(embed.Text, result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Removals.Count(r => r.Kind == RemovalKind.Embed));
    }

    [Theory]
    [InlineData("pic.twitter.com", -1)]
    [InlineData("pic.twitter.com", 2)]
    [InlineData("Read:", -1)]
    [InlineData("Read:", 1)]
    public void Seed_StoryLinesAroundResidueAreKept(string residueMarker, int offset)
    {
        // The story lines just before and after the embedded tweet and the "Read:" line, found by position at run time.
        var file = FileContaining(residueMarker);
        var (raw, result) = Clean(file);
        var lines = raw.Split('\n').Select(l => l.Trim()).ToList();
        var at = lines.FindIndex(l => l.Contains(residueMarker, StringComparison.Ordinal));
        var neighbour = lines[at + offset];

        Assert.True(WordCount(neighbour) >= 12, $"expected a story line at offset {offset}: {neighbour}");
        Assert.Contains(neighbour, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(lines[at], result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_TrailingHeadlinesAreRemovedAsOneRun()
    {
        var file = FileContaining("\n\n\n", minTrailingTitleLines: 10);
        var (_, result) = Clean(file);
        var headlines = result.Removals.Where(r => r.Kind == RemovalKind.RelatedHeadlines).ToList();
        Assert.True(headlines.Count >= 10, $"only {headlines.Count} headline lines removed");
        Assert.All(headlines, h => Assert.DoesNotContain(h.Text, result.Text, StringComparison.Ordinal));
        // The story's last paragraph is the last line of the cleaned text.
        Assert.Matches(@"[.!?”""]$", result.Text);
    }

    [Fact]
    public void Seed_HeaderDateIsMetadata()
    {
        var file = FileContaining("date 2025-12-11");
        var (_, result) = Clean(file);
        Assert.Equal(new DateOnly(2025, 12, 11), result.Metadata.Published?.Date);
        Assert.Equal("header", result.Metadata.Published?.Source);
        Assert.StartsWith("Belarusian President", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Removals, r => r.Kind == RemovalKind.Header && r.Text == "date 2025-12-11");
    }

    [Fact]
    public void Seed_AllFive_CleanWithoutWarnings()
    {
        var lines = new List<string>();
        foreach (var file in SeedFiles().Select(d => (string)d.Data))
        {
            var (raw, result) = Clean(file);
            lines.Add($"{file}: raw {raw.Length} chars, clean {result.Text.Length} chars, {result.Removals.Length} removals " +
                $"[{string.Join(", ", result.Removals.GroupBy(r => r.Rule).Select(g => $"{g.Key}×{g.Count()}"))}], {result.Embeds.Length} embeds, " +
                $"diagnostics [{string.Join("; ", result.Diagnostics.Select(d => d.Code))}]");
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
            Assert.True(result.Text.Length > raw.Length / 2, $"{file}: more than half removed");
        }

        TestContext.Current.SendDiagnosticMessage(string.Join("\n", lines));
    }

    private static string FileContaining(string needle, int minTrailingTitleLines = 0)
    {
        foreach (var f in Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(f);
            if (!text.Contains(needle, StringComparison.Ordinal))
            {
                continue;
            }

            if (minTrailingTitleLines > 0)
            {
                var tail = text.TrimEnd().Split('\n').Reverse().TakeWhile(l => !l.TrimEnd().EndsWith('.')).Count();
                if (tail < minTrailingTitleLines)
                {
                    continue;
                }
            }

            return Path.GetFileName(f);
        }

        throw new InvalidOperationException($"no seed contains {needle}");
    }

    private static int WordCount(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
