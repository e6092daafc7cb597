using System.Text;
using Parallax.Ingest.Readers;
using static Parallax.Ingest.Tests.Readers.ReaderFixtures;

namespace Parallax.Ingest.Tests.Readers;

public sealed class TextDecoderTests
{
    private const string Smart = "“Le café est fermé,” said the owner’s son – for now.";

    [Fact]
    public void DecodeText_Windows1252SmartQuotes_FallsBackToWindows1252()
    {
        var decoded = TextDecoder.DecodeText(Windows1252(Smart));
        Assert.Equal(Smart, decoded.Text);
        Assert.Equal("windows-1252 (fallback)", decoded.Label);
        Assert.Empty(decoded.Diagnostics);
    }

    [Fact]
    public void DecodeText_ValidUtf8_IsUtf8()
    {
        var decoded = TextDecoder.DecodeText(Encoding.UTF8.GetBytes(Smart));
        Assert.Equal(Smart, decoded.Text);
        Assert.Equal("utf-8 (valid)", decoded.Label);
    }

    [Theory]
    [InlineData("utf-8", "utf-8 (bom)")]
    [InlineData("utf-16le", "utf-16le (bom)")]
    [InlineData("utf-16be", "utf-16be (bom)")]
    [InlineData("utf-32le", "utf-32le (bom)")]
    [InlineData("utf-32be", "utf-32be (bom)")]
    public void DecodeText_Bom_WinsAndIsNotInText(string encoding, string label)
    {
        Encoding enc = encoding switch
        {
            "utf-8" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var bytes = Concat(enc.GetPreamble(), enc.GetBytes(Smart));
        var decoded = TextDecoder.DecodeText(bytes);
        Assert.Equal(Smart, decoded.Text);
        Assert.Equal(label, decoded.Label);
    }

    [Theory]
    [InlineData(false, "utf-16le (nul-pattern)")]
    [InlineData(true, "utf-16be (nul-pattern)")]
    public void DecodeText_Utf16WithoutBom_FoundByNulPattern(bool bigEndian, string label)
    {
        var bytes = new UnicodeEncoding(bigEndian, false).GetBytes(PierStory);
        var decoded = TextDecoder.DecodeText(bytes);
        Assert.Equal(PierStory, decoded.Text);
        Assert.Equal(label, decoded.Label);
    }

    [Fact]
    public void DecodeText_CzechInLatin2_ChoosesIso88592()
    {
        const string czech = "Příliš žluťoučký kůň úpěl ďábelské ódy. Starosta města řekl, že šíře mostu je nedostatečná.";
        var decoded = TextDecoder.DecodeText(CodePage(28592, czech));
        Assert.Equal("iso-8859-2 (heuristic)", decoded.Label);
        Assert.Equal(czech, decoded.Text);
    }

    [Fact]
    public void DecodeText_RussianInWindows1251_ChoosesWindows1251()
    {
        const string russian = "Городской совет проголосовал во вторник за закрытие старого причала для ремонта.";
        var decoded = TextDecoder.DecodeText(CodePage(1251, russian));
        Assert.Equal("windows-1251 (heuristic)", decoded.Label);
        Assert.Equal(russian, decoded.Text);
    }

    [Fact]
    public void DecodeText_RussianInIso88595_ChoosesIso88595()
    {
        const string russian = "Городской совет проголосовал во вторник за закрытие старого причала для ремонта.";
        var decoded = TextDecoder.DecodeText(CodePage(28595, russian));
        Assert.Equal("iso-8859-5 (heuristic)", decoded.Label);
        Assert.Equal(russian, decoded.Text);
    }

    [Fact]
    public void DecodeText_GermanLatin1_StaysWindows1252()
    {
        const string german = "Die Fähre über den Fluß fährt ab Mai nur stündlich, sagte der Hafenmeister.";
        var decoded = TextDecoder.DecodeText(Encoding.Latin1.GetBytes(german));
        Assert.Equal("windows-1252 (fallback)", decoded.Label);
        Assert.Equal(german, decoded.Text);
    }

    [Fact]
    public void DecodeHtml_MetaCharset_IsUsed()
    {
        var html = Html("Le café est fermé.", "<meta charset=\"windows-1252\">");
        var decoded = TextDecoder.DecodeHtml(Windows1252(html));
        Assert.Equal("windows-1252 (meta)", decoded.Label);
        Assert.Contains("café est fermé", decoded.Text);
    }

    [Fact]
    public void DecodeHtml_HttpEquiv_IsUsed()
    {
        var html = Html("Šíře mostu.", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">");
        var decoded = TextDecoder.DecodeHtml(CodePage(28592, html));
        Assert.Equal("iso-8859-2 (meta)", decoded.Label);
        Assert.Contains("Šíře mostu.", decoded.Text);
    }

    [Fact]
    public void DecodeHtml_MetaInsideComment_IsIgnored()
    {
        var html = Html("Le café.", "<!-- <meta charset=\"koi8-r\"> -->");
        var decoded = TextDecoder.DecodeHtml(Encoding.UTF8.GetBytes(html));
        Assert.Equal("utf-8 (default)", decoded.Label);
    }

    [Fact]
    public void DecodeHtml_Latin1Label_MeansWindows1252()
    {
        var html = Html("“Quoted” café", "<meta charset=\"iso-8859-1\">");
        var decoded = TextDecoder.DecodeHtml(Windows1252(html));
        Assert.Equal("windows-1252 (meta)", decoded.Label);
        Assert.Contains("“Quoted” café", decoded.Text);
    }

    [Fact]
    public void DecodeHtml_ContentTypeBeatsMeta()
    {
        var html = Html("café", "<meta charset=\"iso-8859-2\">");
        var decoded = TextDecoder.DecodeHtml(Encoding.UTF8.GetBytes(html), "utf-8");
        Assert.Equal("utf-8 (content-type)", decoded.Label);
        Assert.Contains("café", decoded.Text);
    }

    [Fact]
    public void DecodeHtml_UnknownCharset_WarnsAndGuesses()
    {
        var html = Html("Le café.", "<meta charset=\"x-martian-7\">");
        var decoded = TextDecoder.DecodeHtml(Windows1252(html));
        Assert.Equal("windows-1252 (fallback)", decoded.Label);
        Assert.Contains(decoded.Diagnostics, d => d.Code == ReaderCodes.UnknownCharset);
        Assert.Contains("café", decoded.Text);
    }

    [Fact]
    public void DecodeHtml_Utf7Label_IsRefused()
    {
        var decoded = TextDecoder.DecodeHtml(Encoding.ASCII.GetBytes(Html("+ADw-script+AD4-", "<meta charset=\"utf-7\">")));
        Assert.Equal("utf-8 (default)", decoded.Label);
        Assert.Contains(decoded.Diagnostics, d => d.Code == ReaderCodes.UnknownCharset);
    }

    [Fact]
    public void DecodeHtml_DeclaredUtf8WithBadBytes_ReplacesAndWarns()
    {
        var bytes = Concat(Encoding.ASCII.GetBytes("<html><head><meta charset=utf-8></head><body>caf"), [0xE9, 0xFF], Encoding.ASCII.GetBytes("</body></html>"));
        var decoded = TextDecoder.DecodeHtml(bytes);
        Assert.Equal("utf-8 (meta)", decoded.Label);
        Assert.Contains('\uFFFD', decoded.Text);
        Assert.Contains(decoded.Diagnostics, d => d.Code == ReaderCodes.DecodeLossy);
    }

    [Fact]
    public void DecodeHtml_XmlDeclaration_IsUsed()
    {
        var xhtml = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>“Ferry” café</p></body></html>";
        var decoded = TextDecoder.DecodeHtml(Windows1252(xhtml));
        Assert.Equal("windows-1252 (xml)", decoded.Label);
        Assert.Contains("“Ferry” café", decoded.Text);
    }

    [Theory]
    [InlineData("ISO-8859-1", "windows-1252")]
    [InlineData("latin1", "windows-1252")]
    [InlineData("UTF8", "utf-8")]
    [InlineData("\"Windows-1251\"", "windows-1251")]
    [InlineData("shift_jis", "shift_jis")]
    public void Charsets_TryResolve_KnowsAliases(string label, string expected)
    {
        Assert.True(Charsets.TryResolve(label, out _, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("utf-7")]
    [InlineData("klingon")]
    [InlineData("")]
    public void Charsets_TryResolve_RefusesUnknownAndUnsafe(string label) => Assert.False(Charsets.TryResolve(label, out _, out _));
}
