using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace Parallax.Stories.Tests;

/// <summary>
/// The session-12 stem cache (docs/scaling.md, "Session 12"): <see cref="CachingEnglishAnalyzer"/> gives exactly the
/// terms of Lucene's <see cref="EnglishAnalyzer"/> — on fictional sentences written for the filters it replaces
/// (possessives in three apostrophes, capitals, stop words, stems, non-ASCII letters, a surrogate pair), on every
/// bundled sample and seed article, and when its cache is emptied many times over.
/// </summary>
public sealed class CachingAnalyzerTests
{
    [Theory]
    [InlineData("The Velland ferry's captains were running late again, and THE harbour-master's office said nothing.")]
    [InlineData("Tolvik’s councillors argued; Tolvik＇s mayor ARGUES that the Quill crossings are generously subsidised.")]
    [InlineData("It is not what they'd said: it's what the island's fishermen hadn't been told, ISN'T it?")]
    [InlineData("Ferries, ferry, ferried, ferrying; nationalisation, nationalised, rationalities and hopefulness.")]
    [InlineData("Ærøskøbing's Ångström Café reopened — naïve résumés, Straße, İstanbul, ΣΊΣΥΦΟΣ and 𝒜lpha 𝒜lpha's crew.")]
    [InlineData("A 12.5% rise, 3,400 passengers, 2026-11-25 at 07:45, route M-12B and e-mail crew@velland.example today.")]
    [InlineData("a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with")]
    [InlineData("'s S 's’ ＇S x's X'S ''s s's")]
    public void CachingEnglishAnalyzer_TermsEqualEnglishAnalyzers(string text)
    {
        Assert.Equal(Terms(new EnglishAnalyzer(LuceneVersion.LUCENE_48), text), Terms(new CachingEnglishAnalyzer(), text));
    }

    [Fact]
    public void CachingEnglishAnalyzer_TermsEqualEnglishAnalyzersOnEveryBundledArticle()
    {
        using var reference = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        using var cached = new CachingEnglishAnalyzer();
        using var tiny = new CachingEnglishAnalyzer(slots: 2);
        var articles = IngestedCorpora.Samples.Concat(IngestedCorpora.Seeds).ToList();
        Assert.True(articles.Count >= 10, $"{articles.Count} articles");
        var terms = 0;
        foreach (var a in articles)
        {
            foreach (var text in new[] { a.Metadata.Title ?? "", a.Text })
            {
                var expected = Terms(reference, text);
                Assert.Equal(expected, Terms(cached, text));
                // A cache of 2 slots is overwritten at almost every token: the terms are the same.
                Assert.Equal(expected, Terms(tiny, text));
                terms += expected.Count;
            }
        }

        Assert.True(terms > 1_000, $"{terms} terms");
    }

    [Fact]
    public void CachingEnglishAnalyzer_TermsEqualEnglishAnalyzersOnManyThreads()
    {
        using var reference = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        using var cached = new CachingEnglishAnalyzer(slots: 64);
        var texts = Enumerable.Range(0, 200)
            .Select(i => $"Ferry {i}: the Quill's crews were {(i % 2 == 0 ? "running" : "delayed")} by the islanders' protests at Velland harbour, captain {i % 13} said.")
            .ToList();
        var expected = texts.Select(t => Terms(reference, t)).ToList();
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => Assert.Equal(expected[i], Terms(cached, texts[i])));
    }

    // Arbitrary strings (any code units, lone surrogates included) and word salads of cased, possessive, stop and
    // stemmable words, through a 16-slot cache so slots are overwritten and refilled within one text.
    private static readonly CachingEnglishAnalyzer Small = new(slots: 16);
    private static readonly EnglishAnalyzer Reference = new(LuceneVersion.LUCENE_48);

    [Property(MaxTest = 300)]
    public Property CachingEnglishAnalyzer_TermsEqualEnglishAnalyzersOnArbitraryText(string text, int[] picks)
    {
        text ??= "";
        string[] words = ["The", "the", "THE", "ferry's", "Ferries", "crossing’s", "Quill＇S", "running", "nationalised", "a", "Ørsted's", "x", "it's", "hopefulness", "12.5", "e-mail"];
        var salad = string.Join(" ", (picks ?? []).Select(p => words[(p & int.MaxValue) % words.Length]));
        var input = salad + " " + text + " " + salad;
        return Terms(Reference, input).SequenceEqual(Terms(Small, input)).ToProperty();
    }

    private static List<string> Terms(Analyzer analyzer, string text) => CachingEnglishAnalyzer.Terms(analyzer, text);
}
