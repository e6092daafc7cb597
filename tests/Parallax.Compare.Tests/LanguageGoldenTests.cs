using System.Globalization;
using System.Text;
using Parallax.Core;
using Parallax.Language;
using Parallax.Testing;

namespace Parallax.Compare.Tests;

/// <summary>
/// The language layer's labels, quantities, attributions, quotes and dates on our own samples, as one reviewed golden
/// file (tests/golden/samples/language.txt): no public set covers labels, numbers and attribution well, so every change
/// to what the layer finds on the fictional Port Velin story shows up as a diff to review.
/// </summary>
public class LanguageGoldenTests
{
    [Fact]
    public void Samples_LanguageLayer_MatchesTheReviewedGolden()
    {
        var sb = new StringBuilder();
        foreach (var article in Corpora.Samples.Articles.OrderBy(a => a.Metadata.Outlet, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            var doc = LanguagePipeline.Analyze(article, TestContext.Current.CancellationToken);
            Assert.True(doc.Diagnostics.IsDefaultOrEmpty, string.Join("; ", doc.Diagnostics));
            var text = doc.Text;
            string Of(TextSpan s) => text[s.Start..s.End].Replace('\n', ' ');
            sb.Append(CultureInfo.InvariantCulture, $"# {article.Metadata.Outlet} — {article.Metadata.Title} ({article.Metadata.Published?.ToIso() ?? "undated"})\n");
            foreach (var l in doc.Labels)
            {
                sb.Append(CultureInfo.InvariantCulture, $"label\t{l.Kind}\t{l.Text}\t→ {Of(l.MentionSpan)}\n");
            }

            foreach (var q in doc.Quantities)
            {
                sb.Append(CultureInfo.InvariantCulture, $"quantity\t{q.Text}\tvalue={q.Value?.ToString(CultureInfo.InvariantCulture) ?? "-"}\tunit={q.Unit ?? "-"}\tcounts={q.Counted ?? "-"}\tmodifier={q.Modifier ?? "-"}\n");
            }

            foreach (var a in doc.Attributions)
            {
                sb.Append(CultureInfo.InvariantCulture, $"attribution\t{a.Kind}\t{a.Origin}\t{Of(a.Span)}\n");
            }

            foreach (var q in doc.Quotes)
            {
                var speaker = q.Speaker is { } s ? Of(s) : "-";
                var cue = q.Cue is { } c ? Of(c) : "-";
                sb.Append(CultureInfo.InvariantCulture, $"quote\t{q.Kind}\tspeaker={speaker}\tcue={cue}\t{(q.InEmbed ? "embed\t" : "")}{Of(q.Content)}\n");
            }

            foreach (var t in doc.Timexes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"timex\t{t.Type}\t{t.Text}\t{t.Value ?? "-"}{(t.AnchorOpen ? "\tanchor-open" : "")}\n");
            }

            sb.Append('\n');
        }

        Assert.Null(Golden.Check("samples/language.txt", sb.ToString()));
    }
}
