using System.IO.Compression;
using Parallax.Ingest.Extraction;

namespace Parallax.Bench;

/// <summary>Loads the AEB pages (../shared/data/extraction/aeb/html) into memory, decoded, in file-name order.</summary>
public static class BenchData
{
    /// <summary>The AEB html folder: <c>$PARALLAX_SHARED/data/extraction/aeb/html</c>, else <c>../shared</c> beside the folder holding Parallax.slnx.</summary>
    public static string AebHtmlDirectory()
    {
        var env = Environment.GetEnvironmentVariable("PARALLAX_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(env, "data", "extraction", "aeb", "html");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "extraction", "aeb", "html"));
                }
            }
        }

        throw new DirectoryNotFoundException("AEB pages not found: set PARALLAX_SHARED or run inside the repository.");
    }

    public static IReadOnlyList<(string Name, string Html)> LoadPages(string directory)
    {
        var pages = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            using Stream file = File.OpenRead(path);
            using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            pages.Add((Path.GetFileName(path), HtmlDecoder.Decode(buffer.ToArray()).Text));
        }

        return pages;
    }
}
