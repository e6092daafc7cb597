using System.Text.Json;
using Parallax.Eval.Quotes;

namespace Parallax.Eval.Tests.Quotes;

/// <summary>The error-analysis dump on a tiny gold document written for this test.</summary>
public sealed class QuoteMissesTests
{
    private const string Text = "Title\n\nMayor Vahl said the ferry will run. Fenn warned that taxes would rise.";

    private static GoldDocument Gold()
    {
        var ferry = Text.IndexOf("the ferry", StringComparison.Ordinal);
        var taxes = Text.IndexOf("taxes", StringComparison.Ordinal);
        var vahl = Text.IndexOf("Mayor Vahl", StringComparison.Ordinal);
        var fenn = Text.IndexOf("Fenn", StringComparison.Ordinal);
        return new GoldDocument("doc", "doc.txt", Text,
        [
            new GoldRelation([new CodePointSpan(ferry, ferry + 18)], [new CodePointSpan(vahl + 11, vahl + 15)], [new CodePointSpan(vahl, vahl + 10)]),
            new GoldRelation([new CodePointSpan(taxes, taxes + 17)], [], [new CodePointSpan(fenn, fenn + 4)]),
        ]);
    }

    [Fact]
    public void QuoteMisses_ReportsMissedSpuriousAndWrongSpeaker()
    {
        var ferry = Text.IndexOf("the ferry", StringComparison.Ordinal);
        var title = Text.IndexOf("Title", StringComparison.Ordinal);
        var predictions = new[]
        {
            new QuotePrediction("doc", [new CodePointSpan(ferry, ferry + 18)], [], [new CodePointSpan(title, title + 5)]),
            new QuotePrediction("doc", [new CodePointSpan(title, title + 5)], [], []),
        };

        var lines = QuoteMisses.Lines([Gold()], predictions).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["wrong-speaker", "missed", "spurious"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal("taxes would rise.", lines[1].GetProperty("content").GetString());
        Assert.Equal("Fenn", lines[1].GetProperty("source").GetString());
        Assert.Equal("Title", lines[2].GetProperty("predicted").GetString());
    }
}
