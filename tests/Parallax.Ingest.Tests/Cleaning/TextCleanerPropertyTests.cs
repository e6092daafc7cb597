using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;
using Parallax.Ingest.Cleaning;

namespace Parallax.Ingest.Tests.Cleaning;

public class TextCleanerPropertyTests
{
    private static readonly TextCleaner _cleaner = new();

    // Pieces that exercise every rule family, mixed with arbitrary strings.
    private static readonly string[] _pieces =
    [
        "The council voted to close the ferry terminal.", "Advertisement", "Menu", "Home > Local > Port", ".png)",
        "![x](y.png)", "Share this article", "Subscribe to our newsletter", "Read: Other Story Title",
        "— Name (@handle) March 4, 2025", "Post text pic.twitter.com/abc", "View this post on Instagram",
        "A post shared by X (@x)", "By Jane Roe", "(Reporting by Jane Roe; Editing by Tom Poe)", "date 2025-03-04",
        "title: T", "url: https://x.example/", "- Item", "Glacier Tours Return to the Valleys", "Updated 3:45 PM",
        "All rights reserved", "PORT ANSELM, March 4 (Wire) - Text.", "", " ", "\t", "\r", "\n", "\r\n", "\u2028",
        "—", "(@", "é", "\uD83D\uDE00", "\uD800",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Zip(
                Gen.OneOf(Gen.Elements(_pieces), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
                Gen.Elements("\n", " ", "\n\n", "", "\r\n"))
            .ListOf()
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)))
            .ToArbitrary();

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property TextCleaner_NeverThrowsAndInvariantsHold()
    {
        return Prop.ForAll(Texts(), raw =>
        {
            var result = _cleaner.Clean(raw, ArticleMetadata.Empty);
            CleanInvariants.AssertHold(raw, result);
            Assert.Equal(result, _cleaner.Clean(raw, ArticleMetadata.Empty), CleanResultComparer.Instance);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property TextCleaner_ArbitraryStrings_NeverThrow(string? raw)
    {
        var text = raw ?? "";
        var result = _cleaner.Clean(text, ArticleMetadata.Empty);
        CleanInvariants.AssertHold(text, result);
        return true.ToProperty();
    }
}
