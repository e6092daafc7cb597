namespace Parallax.Testing;

/// <summary>
/// Golden files: expected outputs kept under tests/golden/. A missing or different golden fails the test.
/// Regenerate with <c>PARALLAX_UPDATE_GOLDEN=1 dotnet test</c> and review the diff (docs/testing.md).
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("PARALLAX_UPDATE_GOLDEN") == "1";

    /// <summary>Returns null when <paramref name="actual"/> matches the golden file, else a message describing the first difference.</summary>
    public static string? Check(string name, string actual)
    {
        var path = RepoPaths.InRepo("tests", "golden", name);
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return null;
        }

        if (!File.Exists(path))
        {
            return $"golden file {path} is missing; run with PARALLAX_UPDATE_GOLDEN=1 to create it and review the diff";
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual)
        {
            return null;
        }

        var el = expected.Split('\n');
        var al = actual.Split('\n');
        for (var i = 0; i < Math.Max(el.Length, al.Length); i++)
        {
            var e = i < el.Length ? el[i] : "<end of file>";
            var a = i < al.Length ? al[i] : "<end of file>";
            if (e != a)
            {
                return $"golden {name} differs at line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }

        return $"golden {name} differs";
    }
}
