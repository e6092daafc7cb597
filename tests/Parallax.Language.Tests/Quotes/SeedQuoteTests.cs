using Parallax.Language.Quotes;
using Parallax.Testing;

namespace Parallax.Language.Tests.Quotes;

/// <summary>Reads the five seed articles in ../shared/seeds at run time (no seed text is copied into the repository).</summary>
public sealed class SeedQuoteTests
{
    private static IEnumerable<(string Name, string Text)> Seeds() =>
        Directory.GetFiles(RepoPaths.Seeds, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));

    [Fact]
    public void Seeds_LukashenkoLongQuoteIsOneQuoteWithSpeakerLukashenko()
    {
        var carriers = 0;
        foreach (var (name, text) in Seeds())
        {
            // The quote (or its ellipsis-truncated version) is recognised by two of its phrases.
            var at = text.IndexOf("We agreed that", StringComparison.Ordinal);
            if (at < 0 || !text.Contains("involve the president of Venezuela", StringComparison.Ordinal))
            {
                continue;
            }

            carriers++;
            var result = QuoteExtractor.Extract(text);
            var quotes = result.Quotes.Where(q => q.Quote.Content.Contains(at)).ToList();
            var quote = Assert.Single(quotes);
            var content = quote.Quote.Content.Of(text);
            Assert.Contains("involve the president of Venezuela", content, StringComparison.Ordinal);
            Assert.DoesNotContain('“', content);
            var speaker = quote.Quote.Speaker?.Of(text);
            var resolved = quote.SpeakerAntecedent?.Of(text) ?? speaker;
            Assert.True(resolved == "Lukashenko", $"{name}: speaker '{speaker}' resolved to '{resolved}'");
            QuoteExtractorTests.AssertInvariants(text, result);
        }

        Assert.True(carriers >= 3, $"expected the quote in at least three seeds, found {carriers}");
    }

    [Fact]
    public void Seeds_SourcesToldReutersAndBeltaReportedAreAttributions()
    {
        var origins = new List<(string Origin, string Kind, string Phrase)>();
        foreach (var (_, text) in Seeds())
        {
            foreach (var a in QuoteExtractor.Extract(text).Attributions)
            {
                origins.Add((a.Origin, a.Kind, a.Span.Of(text)));
            }
        }

        Assert.Contains(origins, o => o.Origin == "Reuters" && o.Kind == AttributionKinds.Told && o.Phrase.StartsWith("sources", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(origins, o => o.Origin == "Belta" && o.Kind == AttributionKinds.Reported && o.Phrase.EndsWith("reported", StringComparison.Ordinal));
        Assert.Contains(origins, o => o.Origin == "Belta" && o.Kind == AttributionKinds.Reported && o.Phrase.EndsWith("said", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_RodriguezFakeNewsIsQuoteWithCue()
    {
        var found = false;
        foreach (var (_, text) in Seeds())
        {
            foreach (var q in QuoteExtractor.Extract(text).Quotes)
            {
                if (q.Quote.Content.Of(text).Contains("fake news", StringComparison.Ordinal))
                {
                    found = true;
                    Assert.NotNull(q.Quote.Cue);
                    Assert.Equal("Rodriguez", q.Quote.Speaker?.Of(text));
                }
            }
        }

        Assert.True(found, "no quote containing 'fake news' in the seeds");
    }
}
