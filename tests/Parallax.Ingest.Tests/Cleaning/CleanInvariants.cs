using Parallax.Core;

namespace Parallax.Ingest.Tests.Cleaning;

/// <summary>Checks every structural promise of a <see cref="CleanResult"/> against its raw text.</summary>
internal static class CleanInvariants
{
    public static void AssertHold(string raw, CleanResult result)
    {
        var text = result.Text;
        var map = result.Map;
        Assert.Equal(text.Length, map.CleanLength);
        Assert.Equal(raw.Length, map.RawLength);

        // Every removal points at exactly its text.
        foreach (var r in result.Removals)
        {
            Assert.True(r.RawSpan.FitsIn(raw), $"removal {r.RawSpan} outside raw");
            Assert.Equal(r.Text, r.RawSpan.Of(raw));
            Assert.False(string.IsNullOrWhiteSpace(r.Text), $"empty removal {r}");
            Assert.False(string.IsNullOrEmpty(r.Rule));
        }

        // Removals never overlap each other.
        var sorted = result.Removals.OrderBy(r => r.RawSpan.Start).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            Assert.True(sorted[i - 1].RawSpan.End <= sorted[i].RawSpan.Start, $"removals overlap: {sorted[i - 1]} / {sorted[i]}");
        }

        // Every copied character maps to an identical raw character, and no copied character is inside a removal.
        var removed = new bool[raw.Length];
        foreach (var r in result.Removals)
        {
            for (var k = r.RawSpan.Start; k < r.RawSpan.End; k++)
            {
                removed[k] = true;
            }
        }

        var copied = new bool[raw.Length];
        foreach (var s in map.Segments)
        {
            for (var k = 0; k < s.Length; k++)
            {
                Assert.Equal(raw[s.RawStart + k], text[s.CleanStart + k]);
                Assert.False(removed[s.RawStart + k], $"raw {s.RawStart + k} both kept and removed");
                copied[s.RawStart + k] = true;
            }
        }

        for (var c = 0; c < text.Length; c++)
        {
            var r = map.ToRaw(c);
            if (r < raw.Length && copied[r] && map.ToClean(r) == c)
            {
                Assert.Equal(raw[r], text[c]);
            }
            else
            {
                // Only inserted separators may have no raw counterpart.
                Assert.Equal('\n', text[c]);
            }
        }

        // Nothing non-whitespace disappears silently: it is copied or recorded as a removal.
        for (var k = 0; k < raw.Length; k++)
        {
            if (!char.IsWhiteSpace(raw[k]))
            {
                Assert.True(copied[k] || removed[k], $"raw char {k} '{raw[k]}' neither kept nor recorded as removed");
            }
        }

        // Embeds point into the raw text and their post text is in it.
        foreach (var e in result.Embeds)
        {
            Assert.True(e.RawSpan.FitsIn(raw));
            Assert.Contains(e.Text, e.RawSpan.Of(raw), StringComparison.Ordinal);
        }

        // The text never starts or ends with a separator, nor holds blank lines.
        Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
        if (text.Length > 0)
        {
            Assert.False(char.IsWhiteSpace(text[0]));
            Assert.False(char.IsWhiteSpace(text[^1]));
        }
    }
}
