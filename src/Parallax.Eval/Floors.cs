using System.Globalization;
using System.Text.Json;

namespace Parallax.Eval;

/// <summary>
/// The quality gate: floors per task and metric, pinned in <c>eval/floors/&lt;task&gt;.json</c> as
/// <c>{"dataset-name": {"f1": 0.96, ...}, "epsilon": 0.002}</c>. A floor may only go up.
/// </summary>
public static class Floors
{
    /// <summary>Compares <paramref name="metrics"/> with the floors for <paramref name="task"/>/<paramref name="dataset"/>; returns the failures (empty when all pass or no floor is pinned).</summary>
    public static IReadOnlyList<string> Check(string floorsDirectory, string task, string dataset, IReadOnlyDictionary<string, double> metrics)
    {
        var path = Path.Combine(floorsDirectory, task + ".json");
        if (!File.Exists(path))
        {
            return [$"no floors file {path}"];
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var epsilon = doc.RootElement.TryGetProperty("epsilon", out var e) ? e.GetDouble() : 0.0;
        if (!doc.RootElement.TryGetProperty(dataset, out var floors))
        {
            return [$"no floors pinned for dataset '{dataset}' in {path}"];
        }

        var failures = new List<string>();
        foreach (var floor in floors.EnumerateObject())
        {
            if (!metrics.TryGetValue(floor.Name, out var value))
            {
                failures.Add($"{task}/{dataset}: metric {floor.Name} was not computed");
            }
            else if (value + epsilon < floor.Value.GetDouble())
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{task}/{dataset}: {floor.Name} = {value:F4} is below the floor {floor.Value.GetDouble():F4}"));
            }
        }

        return failures;
    }

    /// <summary>The dataset name used in floors files: the last folder name of <paramref name="datasetDirectory"/>.</summary>
    public static string DatasetName(string datasetDirectory) => new DirectoryInfo(Path.TrimEndingDirectorySeparator(Path.GetFullPath(datasetDirectory))).Name;
}
