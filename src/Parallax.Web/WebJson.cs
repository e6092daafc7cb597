using System.Text.Json;
using Parallax.Reporting;

namespace Parallax.Web;

/// <summary>JSON settings of the API: those of the report contract (camelCase, enums as strings, every key present).</summary>
public static class WebJson
{
    /// <summary>The report contract's settings, indented (story and article details).</summary>
    public static JsonSerializerOptions Report => JsonReportWriter.Options;

    /// <summary>The same settings on one line (lists, JSON Lines exports).</summary>
    public static JsonSerializerOptions Compact { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonReportWriter.Options) { WriteIndented = false };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
