using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Eval.Scale;

/// <summary>
/// Reads the AllSides scale corpus (../shared/data/scale/allsides-articles.jsonl.gz, FORMAT.md there) as articles whose
/// cleaned text is the dataset's text (identity map): id, title, outlet, url and the <c>yyyy-MM-dd</c> date as stated.
/// Shared by the stories scale bench and the tests that pin its output, so both read the same articles.
/// </summary>
public static class ScaleCorpus
{
    /// <summary>
    /// The first <paramref name="count"/> articles of <paramref name="file"/> in file order; each article's
    /// <see cref="Article.Origin"/> is <paramref name="originPrefix"/> + ":" + its 1-based line number.
    /// </summary>
    public static List<Article> Read(string file, int count, string originPrefix)
    {
        ArgumentNullException.ThrowIfNull(file);
        return [.. Stream(file, count, originPrefix)];
    }

    /// <summary>
    /// As <see cref="Read"/>, one article at a time as the file is decompressed (nothing is held but the current line):
    /// for hosts that keep only what they derive from each article.
    /// </summary>
    public static IEnumerable<Article> Stream(string file, int count, string originPrefix)
    {
        ArgumentNullException.ThrowIfNull(file);
        var read = 0;
        using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        while (read < count && reader.ReadLine() is { } line)
        {
            read++;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string S(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
            var text = S("text");
            PublicationDate? published = DateOnly.TryParseExact(S("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? new PublicationDate { Date = d, Source = "dataset" }
                : null;
            yield return new Article
            {
                Id = S("id"),
                SourceId = S("id"),
                Origin = originPrefix + ":" + read.ToString(CultureInfo.InvariantCulture),
                Metadata = new ArticleMetadata { Title = S("title"), Outlet = S("outlet"), Url = S("url"), Published = published },
                RawText = text,
                Text = text,
                Map = OffsetMap.Identity(text.Length),
            };
        }
    }
}
