using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Ingest.Readers;
using Parallax.Testing;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

/// <summary>Reads the real scraped seed articles in ../shared/seeds at run time (nothing from them is copied here).</summary>
public sealed class SeedReadingTests
{
    [Fact]
    public void Seeds_AllReadAsTextWithoutErrors()
    {
        var result = ReadPath(RepoPaths.Seeds);
        AssertWellFormed(result);
        var files = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Length;
        Assert.True(files > 0);
        Assert.Equal(files, result.Sources.Length);
        Assert.DoesNotContain(result.AllDiagnostics(), d => d.Severity == Severity.Error);
        Assert.All(result.Sources, s =>
        {
            Assert.Equal(SourceKind.Text, s.Kind);
            Assert.StartsWith("utf-8", s.Encoding);
            Assert.StartsWith(RepoPaths.Seeds, s.Origin, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Seeds_InlineDateHeader_IsRecognisedWithoutTouchingRawText()
    {
        var result = ReadPath(RepoPaths.Seeds);
        var dated = result.Sources.Where(s => s.Hints.Published is not null).ToList();
        Assert.NotEmpty(dated);
        foreach (var source in dated)
        {
            Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}"), source.Hints.Published!);
            var header = TextHeaderParser.Parse(source.RawText);
            Assert.True(header.Span.End < source.RawText.Length, "the article text follows the header");
            Assert.Equal(File.ReadAllText(source.Origin), source.RawText);
        }
    }
}
