using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parallax.Core;
using Parallax.Language.Numbers;
using Parallax.Testing;

namespace Parallax.Language.Tests.Numbers;

public sealed class QuantityTaggerTests
{
    private static Quantity Single(string sentence, string surfaceContains)
    {
        var found = QuantityTagger.Tag(sentence).Where(q => q.Text.Contains(surfaceContains, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"expected one quantity containing '{surfaceContains}' in '{sentence}', got: {string.Join(" | ", QuantityTagger.Tag(sentence).Select(q => q.Text))}");
        return found[0];
    }

    [Theory]
    [InlineData("The council raised the bounty to $50 million on Monday.", "$50 million", "50000000", "USD")]
    [InlineData("Harbour Ledger said the deal was worth €1.2bn in total.", "€1.2bn", "1200000000", "EUR")]
    [InlineData("Officials in Corvane pledged 3 billion rubles for the port.", "3 billion rubles", "3000000000", "RUB")]
    [InlineData("Each crane driver earns valdor 40,000 a year.", "valdor 40,000", "40000", "VALDOR")]
    [InlineData("Union dues rose 3 percent this spring.", "3 percent", "3", "percent")]
    [InlineData("Exports fell 9% in the quarter.", "9%", "9", "percent")]
    [InlineData("Inflation held at 3.5 per cent, the bank said.", "3.5 per cent", "3.5", "percent")]
    [InlineData("The fund lost £2.75 million overnight.", "£2.75 million", "2750000", "GBP")]
    public void QuantityTagger_FindsMoneyAndPercentages(string sentence, string surface, string value, string unit)
    {
        var q = Single(sentence, surface);
        Assert.Equal(surface, q.Text);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), q.Value);
        Assert.Equal(unit, q.Unit);
        Assert.Null(q.Counted);
    }

    [Theory]
    [InlineData("The ministry reported over 80 deaths in the region.", "80", "80", "deaths", "over")]
    [InlineData("The navy sent three destroyers and a tanker.", "three", "3", "destroyers", null)]
    [InlineData("Regulators fined six oil-shipping firms on Friday.", "six", "6", "oil-shipping firms", null)]
    [InlineData("The guild said 3,800 of its members joined the walkout.", "3,800", "3800", "its members", null)]
    [InlineData("More than 60 vessels were waiting off Saltmere.", "60", "60", "vessels", "more than")]
    [InlineData("Pilots counted about 35 container ships at anchor.", "35", "35", "container ships", "about")]
    [InlineData("The port said fewer than 2,000 had stayed home.", "2,000", "2000", null, "fewer than")]
    [InlineData("Crews unloaded 42 cargo ships waiting at the quay.", "42", "42", "cargo ships", null)]
    [InlineData("A dozen trawlers left Corvane harbour.", "dozen", "12", "trawlers", null)]
    [InlineData("Some twenty-five pilots signed the letter.", "twenty-five", "25", "pilots", "some")]
    [InlineData("The strike cost two hundred and fifty jobs.", "two hundred", "250", "jobs", null)]
    [InlineData("Nearly 1,200.5 tonnes of fish spoiled.", "1,200.5", "1200.5", "tonnes", "nearly")]
    public void QuantityTagger_FindsCountsWithWhatTheyCount(string sentence, string surface, string value, string? counted, string? modifier)
    {
        var q = Single(sentence, surface);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), q.Value);
        Assert.Equal(counted, q.Counted);
        Assert.Equal(modifier, q.Modifier);
    }

    [Fact]
    public void QuantityTagger_VagueCountHasNoValue()
    {
        var q = Single("Dozens of ships queued outside the breakwater.", "Dozens");
        Assert.Null(q.Value);
        Assert.Equal("approximate", q.Modifier);
        Assert.Equal("ships", q.Counted);
    }

    [Fact]
    public void QuantityTagger_TwiceIsMultiplicative()
    {
        var q = Single("The reward was raised to $10 million—twice the Tolvane reward of last year.", "twice");
        Assert.Equal(2m, q.Value);
        Assert.Equal("times", q.Unit);
        Assert.Equal("the Tolvane reward", q.Counted);
    }

    [Fact]
    public void QuantityTagger_OrdinalThatCountsIsKeptAndMarked()
    {
        var q = Single("The mayor held his second meeting with the union.", "second");
        Assert.Equal(2m, q.Value);
        Assert.Equal("ordinal", q.Unit);
        Assert.Equal("meeting", q.Counted);
    }

    [Fact]
    public void QuantityTagger_FractionOfWords()
    {
        var q = Single("The harbour handles roughly two thirds of the trade.", "two thirds");
        Assert.Equal(0.6667m, q.Value);
        Assert.Equal("fraction", q.Unit);
        Assert.Equal("roughly", q.Modifier);
    }

    [Fact]
    public void QuantityTagger_OverBeforeDurationIsAPreposition()
    {
        var q = Single("They offered a 4 percent rise over two years.", "two years");
        Assert.Equal("two years", q.Text);
        Assert.Null(q.Modifier);
        Assert.Equal("duration", q.Unit);
    }

    [Theory]
    [InlineData("Strike Enters Third Month At Corvane")]
    [InlineData("She was the first to leave.")]
    public void QuantityTagger_SkipsOrdinalsThatDoNotCount(string sentence)
    {
        Assert.DoesNotContain(QuantityTagger.Tag(sentence), q => q.Unit == "ordinal");
    }

    [Fact]
    public void QuantityTagger_RangeKeepsLowerBound()
    {
        var q = Single("The talks could take two to three weeks.", "two to three");
        Assert.Equal("two to three weeks", q.Text);
        Assert.Equal(2m, q.Value);
        Assert.Equal("range", q.Modifier);
        Assert.Equal("weeks", q.Counted);
        Assert.Equal("duration", q.Unit);
    }

    [Fact]
    public void QuantityTagger_DigitRangeWithHyphen()
    {
        var q = Single("Crews used 2-3 tugs for each ship.", "2-3");
        Assert.Equal("2-3 tugs", q.Text);
        Assert.Equal(2m, q.Value);
        Assert.Equal("range", q.Modifier);
        Assert.Equal("tugs", q.Counted);
    }

    [Fact]
    public void QuantityTagger_YearIsNotTheStartOfARange()
    {
        var q = Single("The share fell from 40 percent in 1965 to 13 percent now.", "13");
        Assert.Equal("13 percent", q.Text);
        Assert.DoesNotContain(QuantityTagger.Tag("The share fell from 40 percent in 1965 to 13 percent now."), x => x.Text.Contains("1965", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The harbour was built in 2013 and expanded in 2025.")]
    [InlineData("The union wrote to the mayor on November 21.")]
    [InlineData("Pickets arrived at 6 a.m. and left at 14:30.")]
    [InlineData("Call the strike office on 555-0142 or +44 20 7946 0958.")]
    [InlineData("The A320 and the F-35 were parked near gate B12.")]
    [InlineData("Mara Tolvane, 54, chairs the union.")]
    [InlineData("Under section 4.2 the berth is closed.")]
    [InlineData("The pier code is 0042.")]
    [InlineData("One of the pilots said the strike would go on.")]
    public void QuantityTagger_SkipsYearsDatesTimesPhonesIdsAndAges(string sentence)
    {
        Assert.Empty(QuantityTagger.Tag(sentence));
    }

    [Fact]
    public void QuantityTagger_Stage_AddsLayer()
    {
        var doc = QuantityTagger.Instance.Process(TestDocs.Create("Over 80 deaths were reported."), CancellationToken.None);
        Assert.Contains(Layers.Quantities, doc.Layers);
        Assert.Single(doc.Quantities);
    }

    private static readonly string InvariantText =
        "Talks collapsed when the operators offered a 3 percent rise over two years; the union wants 9%. " +
        "Over 80 deaths, $50 million, three destroyers, dozens of ships, 2-3 tugs and the second meeting on March 12 at 6 a.m. in 2025.\n" +
        "Some 1,200 workers and about 35 container ships, twice the Tolvane reward, €1.2bn.";

    [Fact]
    public void QuantityTagger_SpansMatchTextDoNotOverlapAndAreDeterministic()
    {
        var first = QuantityTagger.Tag(InvariantText);
        var second = QuantityTagger.Tag(InvariantText);
        Assert.True(first.Length >= 10);
        Assert.Equal(first, second, EqualityComparer<Quantity>.Create((a, b) => a! == b!, q => q.GetHashCode()));
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].Span.Of(InvariantText), first[i].Text);
            Assert.False(first[i].Span.IsEmpty);
            if (i > 0)
            {
                Assert.True(first[i - 1].Span.End <= first[i].Span.Start, $"{first[i - 1].Text} overlaps {first[i].Text}");
            }
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool QuantityTagger_RandomTextNeverThrowsAndSpansFit(string? raw)
    {
        var text = raw ?? string.Empty;
        var found = QuantityTagger.Tag(text);
        var end = 0;
        foreach (var q in found)
        {
            if (q.Span.Start < end || !q.Span.FitsIn(text) || q.Span.Of(text) != q.Text)
            {
                return false;
            }

            end = q.Span.End;
        }

        return true;
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool QuantityTagger_NumberySoupNeverThrows(PositiveInt seed)
    {
        var pieces = new[] { "1", ",", "000", ".", "5", " ", "$", "%", "million", "bn", "to", "-", "of", "its", "twenty-", "one", "a", "dozen", "dozens", "2013", "st", "\n", "per", "cent", "over", "more", "than" };
        var rng = new Random(seed.Get);
        var sb = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            sb.Append(pieces[rng.Next(pieces.Length)]);
            if (rng.Next(3) == 0)
            {
                sb.Append(' ');
            }
        }

        var text = sb.ToString();
        return QuantityTagger.Tag(text).All(q => q.Span.FitsIn(text) && q.Span.Of(text) == q.Text);
    }

    [Theory]
    [InlineData("42", 42, "cargo ships", null)]
    [InlineData("3,800", 3800, null, null)]
    [InlineData("60", 60, "vessels", "more than")]
    [InlineData("35", 35, "container ships", "about")]
    [InlineData("2,000", 2000, null, "fewer than")]
    [InlineData("3 percent", 3, null, null)]
    [InlineData("9 percent", 9, null, null)]
    public void QuantityTagger_FindsSampleQuantities(string number, int value, string? counted, string? modifier)
    {
        var all = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "port-velin"))
            .SelectMany(f => QuantityTagger.Tag(SampleText(f)))
            .Where(q => q.Value == value && q.Text.Contains(number, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(all);
        if (counted is not null)
        {
            Assert.Contains(all, q => q.Counted == counted);
        }

        if (modifier is not null)
        {
            Assert.Contains(all, q => string.Equals(q.Modifier, modifier, StringComparison.OrdinalIgnoreCase));
        }

        if (number.EndsWith("percent", StringComparison.Ordinal))
        {
            Assert.All(all, q => Assert.Equal("percent", q.Unit));
        }
    }

    /// <summary>The sample's text; JSON Lines are decoded so "\n" escapes become line breaks (other formats are tagged raw).</summary>
    private static string SampleText(string path)
    {
        if (!path.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return File.ReadAllText(path);
        }

        var sb = new StringBuilder();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            foreach (var prop in json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String))
            {
                sb.Append(prop.Value.GetString()).Append('\n');
            }
        }

        return sb.ToString();
    }

    [Fact]
    public void QuantityTagger_FindsSeedQuantities()
    {
        var all = Directory.GetFiles(RepoPaths.Seeds, "*.txt").SelectMany(f => QuantityTagger.Tag(File.ReadAllText(f))).ToList();
        Assert.Contains(all, q => q.Value == 50_000_000m && q.Unit == "USD" && q.Text.StartsWith('$'));
        Assert.Contains(all, q => q.Value == 80m && q.Counted == "deaths" && q.Modifier == "over");
        Assert.Contains(all, q => q.Value == 3m && q.Counted == "destroyers");
        Assert.Contains(all, q => q.Value == 6m && q.Counted == "oil-shipping firms");
    }
}
