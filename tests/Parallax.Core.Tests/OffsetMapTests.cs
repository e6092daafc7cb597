using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;

namespace Parallax.Core.Tests;

public class OffsetMapTests
{
    [Fact]
    public void OffsetMapBuilder_CopiesAndInserts_MapsBack()
    {
        const string raw = "Nav | Home\nFirst paragraph.\n.png)\nSecond one.";
        var b = new OffsetMapBuilder(raw);
        var p1 = raw.IndexOf("First", StringComparison.Ordinal);
        var p2 = raw.IndexOf("Second", StringComparison.Ordinal);
        b.Copy(new TextSpan(p1, p1 + "First paragraph.".Length)).Insert("\n").Copy(new TextSpan(p2, raw.Length));
        var (text, map) = b.Build();

        Assert.Equal("First paragraph.\nSecond one.", text);
        Assert.Equal(p1, map.ToRaw(0));
        Assert.Equal(p2, map.ToRaw(text.IndexOf("Second", StringComparison.Ordinal)));
        var span = new TextSpan(6, 15);
        Assert.Equal(span.Of(text), map.ToRaw(span).Of(raw));
        Assert.Null(map.ToClean(0));
        Assert.Equal(0, map.ToClean(p1));
    }

    [Fact]
    public void TextSpan_RejectsInvertedRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextSpan(-1, 4));
    }

    [Fact]
    public void OffsetMap_Compose_ChainsTwoMaps()
    {
        const string raw = "aaXbbYcc";
        var (mid, inner) = new OffsetMapBuilder(raw).Copy(new TextSpan(0, 2)).Copy(new TextSpan(3, 5)).Copy(new TextSpan(6, 8)).Build();
        Assert.Equal("aabbcc", mid);
        var (clean, outer) = new OffsetMapBuilder(mid).Copy(new TextSpan(2, 6)).Build();
        Assert.Equal("bbcc", clean);
        var composed = outer.Compose(inner);
        for (var i = 0; i < clean.Length; i++)
        {
            Assert.Equal(clean[i], raw[composed.ToRaw(i)]);
        }
    }

    /// <summary>Invariant: for any text and any choice of kept runs, each kept character maps back to itself and back again.</summary>
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public FsCheck.Property OffsetMap_RoundTrips(NonEmptyString input, bool[] keepMask)
    {
        var raw = input.Get;
        var b = new OffsetMapBuilder(raw);
        var runStart = -1;
        for (var i = 0; i <= raw.Length; i++)
        {
            var keep = i < raw.Length && keepMask.Length > 0 && keepMask[i % keepMask.Length];
            if (keep && runStart < 0)
            {
                runStart = i;
            }
            else if (!keep && runStart >= 0)
            {
                b.Copy(new TextSpan(runStart, i));
                if (i % 3 == 0)
                {
                    b.Insert("\n");
                }

                runStart = -1;
            }
        }

        var (clean, map) = b.Build();
        var ok = true;
        for (var i = 0; i < clean.Length; i++)
        {
            if (clean[i] == '\n' && map.ToClean(map.ToRaw(i)) != i)
            {
                continue; // inserted separator
            }

            var r = map.ToRaw(i);
            ok &= raw[r] == clean[i] && map.ToClean(r) == i;
        }

        return ok.ToProperty();
    }
}
