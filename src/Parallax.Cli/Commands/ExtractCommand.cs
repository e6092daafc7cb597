using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.Core;
using Parallax.Eval.Extraction;
using Parallax.Ingest.Extraction;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax extract &lt;html files|dirs&gt; [--json]</c>: main text and metadata of each page, without a store.
/// Pages that fail are listed on stderr with code and reason; exit 1 when any failed.
/// </summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "HTML files (.html, .htm, optionally .gz) or folders holding them.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print a JSON array (one object per page) instead of text." };
        var url = new Option<string?>("--url") { Description = "The page's URL (helps date detection); only for a single input file." };
        var command = new Command("extract", "Extract the main text and metadata of HTML pages (no store).");
        command.Arguments.Add(inputs);
        command.Options.Add(json);
        command.Options.Add(url);
        command.SetAction(parse =>
        {
            var files = new List<string>();
            var failed = 0;
            foreach (var input in parse.GetValue(inputs) ?? [])
            {
                if (Directory.Exists(input))
                {
                    files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Where(IsHtml).Order(StringComparer.Ordinal));
                }
                else if (File.Exists(input))
                {
                    files.Add(input);
                }
                else
                {
                    Console.Error.WriteLine($"PX0904: {input}: no such file or folder");
                    failed++;
                }
            }

            var extractor = new HtmlExtractor();
            var pageUrl = files.Count == 1 ? parse.GetValue(url) : null;
            var asJson = parse.GetValue(json);
            using var stdout = Console.OpenStandardOutput();
            using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            if (asJson)
            {
                writer.WriteStartArray();
            }

            foreach (var file in files)
            {
                string html;
                try
                {
                    html = ExtractionEvaluation.ReadHtml(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    Console.Error.WriteLine($"PX0202: {file}: cannot read: {ex.Message}");
                    failed++;
                    continue;
                }

                var result = extractor.Extract(html, pageUrl);
                if (result.Page is not { } page)
                {
                    var reason = result.Rejection!;
                    Console.Error.WriteLine($"{reason.Code}: {file}: {reason.Message}");
                    failed++;
                    continue;
                }

                if (asJson)
                {
                    WriteJson(writer, file, page);
                }
                else
                {
                    writer.Flush();
                    WriteText(file, page);
                }
            }

            if (asJson)
            {
                writer.WriteEndArray();
                writer.Flush();
                Console.Out.WriteLine();
            }

            return failed > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsHtml(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm.gz", StringComparison.OrdinalIgnoreCase);

    private static void WriteText(string file, ExtractedPage page)
    {
        var m = page.Metadata;
        var o = Console.Out;
        o.WriteLine($"== {file}");
        o.WriteLine($"method: {page.Method}");
        o.WriteLine($"title: {m.Title}");
        o.WriteLine($"site: {m.SiteName}");
        o.WriteLine($"authors: {string.Join("; ", m.Authors)}");
        o.WriteLine($"published: {m.Published?.ToIso()} ({m.Published?.Source})");
        o.WriteLine($"language: {m.Language}");
        o.WriteLine($"canonical: {m.CanonicalUrl}");
        o.WriteLine($"description: {m.Description}");
        foreach (var d in page.Diagnostics)
        {
            o.WriteLine($"note: {d}");
        }

        o.WriteLine();
        o.WriteLine(page.Text);
        o.WriteLine();
    }

    private static void WriteJson(Utf8JsonWriter w, string file, ExtractedPage page)
    {
        var m = page.Metadata;
        w.WriteStartObject();
        w.WriteString("path", file);
        w.WriteString("method", page.Method);
        w.WriteString("title", m.Title);
        w.WriteString("siteName", m.SiteName);
        w.WriteStartArray("authors");
        foreach (var a in m.Authors)
        {
            w.WriteStringValue(a);
        }

        w.WriteEndArray();
        if (m.Published is { } p)
        {
            w.WriteStartObject("published");
            w.WriteString("value", p.ToIso());
            w.WriteString("source", p.Source);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("published");
        }

        w.WriteString("language", m.Language);
        w.WriteString("canonicalUrl", m.CanonicalUrl);
        w.WriteString("description", m.Description);
        w.WriteString("text", page.Text);
        w.WriteNumber("mappedSegments", page.HtmlMap?.Segments.Length ?? 0);
        w.WriteStartArray("diagnostics");
        foreach (var d in page.Diagnostics)
        {
            w.WriteStringValue(d.ToString());
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
