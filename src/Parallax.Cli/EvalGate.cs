using Parallax.Eval;

namespace Parallax.Cli;

/// <summary>The quality gate shared by every <c>parallax eval &lt;task&gt; --gate</c>: floors from <c>eval/floors/&lt;task&gt;.json</c>.</summary>
public static class EvalGate
{
    /// <summary>Finds <c>eval/floors</c> above the current directory, then above the program's folder; null when there is none.</summary>
    public static string? FindFloors()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "eval", "floors");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Checks <paramref name="metrics"/> against the floors pinned for <paramref name="task"/> on the dataset in
    /// <paramref name="datasetDirectory"/>; prints each failure (PX0904) and returns the exit code.</summary>
    public static int Check(string task, string datasetDirectory, IReadOnlyDictionary<string, double> metrics, string? floorsDirectory = null)
    {
        var floors = floorsDirectory ?? FindFloors();
        if (floors is null)
        {
            Console.Error.WriteLine("PX0904: gate failed: eval/floors was not found above the current directory or the program");
            return ExitCodes.SomeRejected;
        }

        var failures = Floors.Check(floors, task, Floors.DatasetName(datasetDirectory), metrics);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"PX0904: gate failed: {failure}");
        }

        if (failures.Count == 0)
        {
            Console.Error.WriteLine($"gate passed: {task}/{Floors.DatasetName(datasetDirectory)}");
        }

        return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeRejected;
    }
}
