using System.IO.Compression;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Parallax.Language.Time;
using Parallax.Testing;

namespace Parallax.Language.Tests.Time;

/// <summary>
/// Rules with start words (<c>Rule.Starts</c>) try their anchored regex only where such a word begins; that must find exactly
/// what a scan of the whole text finds. Checked on texts written here, on generated word soups full of start words and
/// near misses, and on the first 300 AllSides articles in ../shared/data/scale (read at run time).
/// </summary>
public sealed class TimexRulesStartsTests
{
    private static readonly string[] _words =
    [
        "now", "Now", "NOW", "known", "nowadays", "currently", "current", "recurrent", "recently", "recent", "lately", "in", "the", "past",
        "future", "near", "term", "short", "long", "as", "soon", "possible", "once", "again", "at", "present", "these", "days", "daily",
        "weekly", "monthly", "every", "each", "other", "two", "three", "four", "times", "twice", "a", "per", "day", "week", "month",
        "year", "quarter", "Monday", "Sunday", "everyday", "eachother", "-", "'", ",", ".", "\n", "don't", "four-times", "bathe",
    ];

    [Theory]
    [InlineData("Now the council meets daily, but until recently it met once a week and every other month.")]
    [InlineData("begin the past; unknown currently; the near future and every Monday; twice per quarter; four times a year")]
    [InlineData("These days, at present, in the past, as soon as possible, once again, every weekend, each night.")]
    [InlineData("nownow now-now 'now' now's every  two\n days, each quarter")]
    public void Find_WithStarts_EqualsWholeTextScan(string text) =>
        Assert.Equal(TimexRules.Find(text, useStarts: false), TimexRules.Find(text, useStarts: true));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Find_WithStarts_EqualsWholeTextScan_OnWordSoup() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements(_words)).Select(ws => string.Join(" ", ws)).ToArbitrary(),
            text => TimexRules.Find(text, useStarts: false).SequenceEqual(TimexRules.Find(text, useStarts: true)));

    [Fact]
    public void Find_WithStarts_EqualsWholeTextScan_OnSharedArticles()
    {
        using var file = File.OpenRead(RepoPaths.SharedData("scale", "allsides-articles.jsonl.gz"));
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var checkedArticles = 0;
        while (checkedArticles < 300 && reader.ReadLine() is { } line)
        {
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
            Assert.Equal(TimexRules.Find(text, useStarts: false), TimexRules.Find(text, useStarts: true));
            checkedArticles++;
        }

        Assert.Equal(300, checkedArticles);
    }
}
