using FsCheck.Xunit;
using Parallax.Core.Reporting;

namespace Parallax.Reporting.Tests;

public sealed class CsvFactWriterTests
{
    private const string WireText = "Dockers walked out at 6 a.m., the union said.";
    private const string LedgerText = "Dockers walked out at 6 a.m., the union said.";
    private const string BeaconText = "=HYPERLINK(\"http://x\") \"Union bosses\" struck, again.";

    private static ArticleReport Article(string id, string outlet, string text) =>
        new() { Id = id, Outlet = outlet, Origin = "fixture", SourceId = id, Text = text };

    private static EvidenceSpan Span(string id, string text, int start, int end) => new(id, start, end, text[start..end]);

    private static Report Report()
    {
        var fact = new FactReport("F1", "Dockers walked out at 6 a.m.",
            [Span("wire", WireText, 0, 28), Span("ledger", LedgerText, 0, 28)],
            ["post"],
            [Span("beacon", BeaconText, 0, BeaconText.Length)])
        { StatedBy = ["Meridian Wire", "Harbour Ledger"], Origins = 1, SingleSource = true };
        var story = new StoryReport
        {
            Id = "s-1",
            Title = "Strike",
            ArticleIds = ["wire", "ledger", "post", "beacon"],
            Facts = [fact],
            Origins =
            [
                new OriginReport("wire", "independent", null, null, 0, "r"),
                new OriginReport("ledger", "rewrite-of", "wire", "Meridian Wire", 0.9, "r"),
                new OriginReport("post", "rewrite-of-wire", null, "Tidewire", 0, "r"),
                new OriginReport("beacon", "independent", null, null, 0, "r"),
            ],
        };
        return new Report
        {
            Generator = "t",
            Articles = [Article("wire", "Meridian Wire", WireText), Article("ledger", "Harbour Ledger", LedgerText), Article("post", "Daily, \"Post\"", "x"), Article("beacon", "-Beacon", BeaconText)],
            Stories = [story],
        };
    }

    /// <summary>A minimal RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF rows.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(row);
        Assert.Equal(0, field.Length);
        return rows;
    }

    [Fact]
    public void Write_OneRowPerFactAndArticle_WithStatusEvidenceAndOriginKey()
    {
        var rows = Parse(CsvFactWriter.Write(Report()));
        Assert.Equal(CsvFactWriter.Columns, rows[0]);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["s-1", "F1", "Dockers walked out at 6 a.m.", "Meridian Wire", "states", "wire", "0", "28", "Dockers walked out at 6 a.m.", "wire", "1", "true"], rows[1]);
        Assert.Equal("ledger", rows[2][5]);
        Assert.Equal("wire", rows[2][9]);
        Assert.Equal(["s-1", "F1", "Dockers walked out at 6 a.m.", "Daily, \"Post\"", "omits", "post", "", "", "", "wire:Tidewire", "1", "true"], rows[3]);
        Assert.Equal("contradicts", rows[4][4]);
    }

    [Fact]
    public void Write_DefusesFormulaCells()
    {
        var rows = Parse(CsvFactWriter.Write(Report()));
        var beacon = rows.Single(r => r[5] == "beacon");
        Assert.Equal("'-Beacon", beacon[3]);
        Assert.Equal("'" + BeaconText, beacon[8]);
    }

    [Fact]
    public void Write_QuotesFieldsWithCommasQuotesAndLineBreaks()
    {
        var csv = CsvFactWriter.Write(Report());
        Assert.Contains("\"Daily, \"\"Post\"\"\"", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") \"\"Union bosses\"\" struck, again.\"", csv);
        Assert.EndsWith("\r\n", csv);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Property(MaxTest = 300)]
    public void Write_AnyText_ParsesBackToTheDefusedCells(string? factText, string? outlet, string? evidence)
    {
        factText ??= "";
        evidence ??= "";
        var text = evidence + "!";
        var fact = new FactReport("F1", factText, [new EvidenceSpan("a", 0, evidence.Length, evidence)], [], []) { Origins = 1, SingleSource = true };
        var report = new Report
        {
            Generator = "t",
            Articles = [Article("a", outlet ?? "unknown", text)],
            Stories = [new StoryReport { Id = "s", Title = "t", ArticleIds = ["a"], Facts = [fact] }],
        };
        var rows = Parse(CsvFactWriter.Write(report));
        Assert.Equal(2, rows.Count);
        Assert.Equal(CsvFactWriter.Columns.Length, rows[1].Count);
        Assert.Equal(CsvFactWriter.Text(factText), rows[1][2]);
        Assert.Equal(CsvFactWriter.Text(outlet ?? "unknown"), rows[1][3]);
        Assert.Equal(CsvFactWriter.Text(evidence), rows[1][8]);
        Assert.All(rows[1], cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && cell != rows[1][6] && cell != rows[1][7]));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Text_PrefixesFormulaStarters(string value, string expected) => Assert.Equal(expected, CsvFactWriter.Text(value));

    [Fact]
    public void Write_NoStories_IsJustTheHeader()
    {
        var csv = CsvFactWriter.Write(new Report { Generator = "t" });
        Assert.Equal(string.Join(",", CsvFactWriter.Columns) + "\r\n", csv);
    }

    [Fact]
    public void OriginKey_FollowsCopyChains_AndStopsOnCycles()
    {
        var origins = new Dictionary<string, OriginReport>
        {
            ["a"] = new("a", "copy-of", "b", null, 1, "r"),
            ["b"] = new("b", "rewrite-of", "a", null, 1, "r"),
            ["c"] = new("c", "copy-of", "d", null, 1, "r"),
            ["d"] = new("d", "independent", null, null, 0, "r"),
        };
        Assert.Equal("d", CsvFactWriter.OriginKey("c", origins));
        Assert.Equal("a", CsvFactWriter.OriginKey("a", origins));
        Assert.Equal("z", CsvFactWriter.OriginKey("z", origins));
    }
}
