using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>
/// JSON Lines: one object per line, <c>{id?, url?, outlet?, title?, published?, text? | html?, authors?}</c>.
/// Each good line becomes a source with origin <c>file.jsonl#&lt;line&gt;</c> (1-based); each bad line gives one
/// diagnostic naming its line and the rest continue. Blank lines are skipped. When both <c>text</c> and <c>html</c>
/// are present, <c>text</c> is used (PX0134).
/// </summary>
internal static class JsonLinesReader
{
    private static readonly JsonDocumentOptions _jsonOptions = new() { MaxDepth = 32, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    public static ReadResult Read(string origin, ReadOnlyMemory<byte> payload, ReadContext context) => Read(origin, payload, context, firstLine: 1, requireLines: true);

    /// <summary>Reads a chunk of a JSON Lines file whose first line is line <paramref name="firstLine"/> of the file.</summary>
    /// <param name="requireLines">Report a file with only blank lines (PX0103); off for the later chunks of a streamed file.</param>
    public static ReadResult Read(string origin, ReadOnlyMemory<byte> payload, ReadContext context, int firstLine, bool requireLines)
    {
        var result = new ResultBuilder();
        var bytes = payload.Span;
        if (firstLine == 1 && TextDecoder.DetectBom(bytes) is { Name: "utf-8" })
        {
            bytes = bytes[3..];
        }

        var fetchedAt = context.Now;
        var lineNumber = firstLine - 1;
        var sawLine = false;
        while (!bytes.IsEmpty)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            var newline = bytes.IndexOf((byte)'\n');
            var line = newline < 0 ? bytes : bytes[..newline];
            bytes = newline < 0 ? [] : bytes[(newline + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            sawLine = true;
            var subject = $"{origin}#{lineNumber}";
            if (!Utf8.IsValid(line))
            {
                result.Add(Diagnostic.Error(ReaderCodes.JsonLineBadUtf8, $"line {lineNumber} is not valid UTF-8", subject));
                continue;
            }

            ReadLine(line, subject, lineNumber, fetchedAt, result);
        }

        if (!sawLine && requireLines)
        {
            result.Add(Diagnostic.Error(ReaderCodes.Empty, "JSON Lines file has only blank lines", origin));
        }

        return result.Build();
    }

    private static void ReadLine(ReadOnlySpan<byte> line, string subject, int lineNumber, DateTimeOffset fetchedAt, ResultBuilder result)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line.ToArray(), _jsonOptions);
        }
        catch (JsonException e)
        {
            result.Add(Diagnostic.Error(ReaderCodes.JsonLineInvalid, $"line {lineNumber} is not valid JSON: {e.Message}", subject));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                result.Add(Diagnostic.Error(ReaderCodes.JsonLineBadField, $"line {lineNumber} is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object", subject));
                return;
            }

            var problems = new List<string>();
            string? Str(string name)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    return null;
                }

                if (value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }

                // Numbers are accepted for ids; anything else is a wrong type.
                if (name == "id" && value.ValueKind == JsonValueKind.Number)
                {
                    return value.GetRawText();
                }

                problems.Add($"'{name}' is a {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
                return null;
            }

            var text = Str("text");
            var html = Str("html");
            var hints = new SourceHints
            {
                Id = Str("id"),
                Url = Str("url"),
                Outlet = Str("outlet"),
                Title = Str("title"),
                Published = Str("published"),
                Language = Str("language"),
                Authors = Authors(root, problems),
            };

            foreach (var problem in problems)
            {
                result.Add(Diagnostic.Warning(ReaderCodes.JsonLineBadField, $"line {lineNumber}: {problem}; ignored", subject));
            }

            var hasText = !string.IsNullOrWhiteSpace(text);
            var hasHtml = !string.IsNullOrWhiteSpace(html);
            if (!hasText && !hasHtml)
            {
                result.Add(Diagnostic.Error(ReaderCodes.JsonLineNoPayload, $"line {lineNumber} has neither a non-empty 'text' nor 'html' string", subject));
                return;
            }

            ImmutableArray<Diagnostic> notes = [];
            if (hasText && hasHtml)
            {
                notes = [Diagnostic.Info(ReaderCodes.JsonLineBothPayloads, $"line {lineNumber} has both 'text' and 'html'; 'text' is used", subject)];
            }

            result.Add(hasText
                ? Sources.FromString(subject, SourceKind.Text, text!, "json", "jsonl", fetchedAt, hints, notes)
                : Sources.FromString(subject, SourceKind.Html, html!, "json", "jsonl", fetchedAt, hints, notes));
        }
    }

    private static ImmutableArray<string> Authors(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("authors", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return TextHeaderParser.SplitAuthors(value.GetString()!);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'authors' is a {value.ValueKind.ToString().ToLowerInvariant()}, not an array of strings");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                builder.Add(item.GetString()!.Trim());
            }
            else if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                builder.Add(name.GetString()!.Trim());
            }
            else
            {
                problems.Add("an 'authors' entry is not a string");
            }
        }

        return builder.ToImmutable();
    }
}
