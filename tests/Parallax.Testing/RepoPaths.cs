namespace Parallax.Testing;

/// <summary>Locates the repository (the folder holding Parallax.slnx) and ../shared beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    /// <summary>../shared beside the repository (CI puts it there). Tests that need it fail loudly when it is missing.</summary>
    public static string Shared
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PARALLAX_SHARED");
            var path = !string.IsNullOrEmpty(env) ? env : Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"../shared not found at {path}; set PARALLAX_SHARED.");
            }

            return path;
        }
    }

    public static string SharedData(params string[] parts) => Path.Combine([Shared, "data", .. parts]);

    public static string Seeds => Path.Combine(Shared, "seeds");

    public static string Samples => Path.Combine(Root, "samples");

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException("Parallax.slnx not found above " + AppContext.BaseDirectory);
    }
}
