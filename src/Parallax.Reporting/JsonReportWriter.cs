using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Parallax.Core.Reporting;

namespace Parallax.Reporting;

/// <summary>
/// Writes a <see cref="Report"/> as the JSON contract of docs/report-format.md: camelCase names, indented with two
/// spaces, <c>\n</c> line ends, properties in declaration order, every key present (null when unknown), enums as
/// strings, non-ASCII letters written as themselves (HTML-sensitive characters are still escaped). The same report
/// always gives the same bytes. Thread-safe.
/// </summary>
public static class JsonReportWriter
{
    /// <summary>The serializer settings of the contract; also used to read reports back.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Write(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Options) + "\n";
    }

    public static void Write(Report report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Write(report));
        stream.Write(bytes);
    }

    /// <summary>Reads a report written by <see cref="Write(Report)"/>; returns null when the JSON is the literal null.</summary>
    public static Report? Read(string json) => JsonSerializer.Deserialize<Report>(json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
