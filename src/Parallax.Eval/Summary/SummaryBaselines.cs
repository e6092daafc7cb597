using System.Text.RegularExpressions;

namespace Parallax.Eval.Summary;

/// <summary>
/// The lead and LexRank baselines exactly as ../shared/tools/score/rouge.py defines them (its header): the same sentence
/// splitter, the same length L (the mean whitespace word count of the scored references, rounded half to even), the same
/// TF-IDF (IDF over all sentences of the scored stories), graph (cosine &gt; 0.1), PageRank (damping 0.85, L1 change
/// &lt; 1e-6, at most 200 iterations) and truncation. The gold reference is used for nothing but L.
/// </summary>
public static partial class SummaryBaselines
{
    /// <summary>L: the mean number of whitespace-separated words of the references, rounded half to even.</summary>
    public static int LengthWords(IReadOnlyList<NeusStory> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var total = stories.Sum(s => (long)Words(s.Reference).Length);
        return (int)Math.Round((double)total / Math.Max(1, stories.Count), MidpointRounding.ToEven);
    }

    /// <summary>The scorer's baseline sentence splitter.</summary>
    public static List<string> Sentences(string? text)
    {
        var result = new List<string>();
        foreach (var paragraph in (text ?? "").Split('\n'))
        {
            foreach (var part in SplitPattern().Split(paragraph.Trim()))
            {
                var s = part.Trim();
                if (s.Length > 0)
                {
                    result.Add(s);
                }
            }
        }

        return result;
    }

    /// <summary>The first <paramref name="words"/> whitespace-separated words joined by single spaces.</summary>
    public static string Truncate(string text, int words) => string.Join(' ', Words(text).Take(words));

    public static string Lead(NeusStory story, int words)
    {
        ArgumentNullException.ThrowIfNull(story);
        var firsts = story.Articles.Select(a => Sentences(a.Text)).Where(s => s.Count > 0).Select(s => s[0]);
        return Truncate(string.Join(' ', firsts), words);
    }

    public static Dictionary<string, string> LexRank(IReadOnlyList<NeusStory> stories, int words)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var sentences = stories.Select(s => s.Articles.SelectMany(a => Sentences(a.Text)).ToList()).ToList();
        var tokens = sentences.Select(ss => ss.Select(Rouge.Tokens).ToList()).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var story in tokens)
        {
            foreach (var sentence in story)
            {
                total++;
                foreach (var w in sentence.Distinct(StringComparer.Ordinal))
                {
                    df[w] = df.GetValueOrDefault(w) + 1;
                }
            }
        }

        var idf = df.ToDictionary(kv => kv.Key, kv => Math.Log((double)total / kv.Value), StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < stories.Count; k++)
        {
            result[stories[k].Id] = LexRankOne(sentences[k], tokens[k], idf, words);
        }

        return result;
    }

    private static string LexRankOne(List<string> ss, List<List<string>> tokens, Dictionary<string, double> idf, int words)
    {
        var n = ss.Count;
        if (n == 0)
        {
            return "";
        }

        // Vectors in first-occurrence order of their words (the order Python's Counter iterates in).
        var vectors = new List<(List<(string Word, double Value)> Entries, Dictionary<string, double> Lookup, double Norm)>();
        foreach (var sentence in tokens)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var w in sentence)
            {
                if (!counts.TryAdd(w, 1))
                {
                    counts[w]++;
                }
                else
                {
                    order.Add(w);
                }
            }

            var entries = order.Select(w => (w, counts[w] * idf[w])).ToList();
            var sum = 0.0;
            foreach (var (_, v) in entries)
            {
                sum += v * v;
            }

            vectors.Add((entries, entries.ToDictionary(e => e.Item1, e => e.Item2, StringComparer.Ordinal), Math.Sqrt(sum)));
        }

        var adj = new double[n][];
        for (var i = 0; i < n; i++)
        {
            adj[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    adj[i][j] = 1.0;
                    continue;
                }

                var (vi, _, ni) = vectors[i];
                var (_, lj, nj) = vectors[j];
                if (ni == 0 || nj == 0)
                {
                    continue;
                }

                var dot = 0.0;
                foreach (var (w, v) in vi)
                {
                    dot += v * lj.GetValueOrDefault(w, 0.0);
                }

                if (dot / (ni * nj) > 0.1)
                {
                    adj[i][j] = 1.0;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var deg = 0.0;
            foreach (var x in adj[i])
            {
                deg += x;
            }

            for (var j = 0; j < n; j++)
            {
                adj[i][j] /= deg;
            }
        }

        var p = Enumerable.Repeat(1.0 / n, n).ToArray();
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var q = new double[n];
            for (var i = 0; i < n; i++)
            {
                var s = 0.0;
                for (var j = 0; j < n; j++)
                {
                    s += adj[j][i] * p[j];
                }

                q[i] = ((1 - 0.85) / n) + (0.85 * s);
            }

            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                delta += Math.Abs(p[i] - q[i]);
            }

            p = q;
            if (delta < 1e-6)
            {
                break;
            }
        }

        var chosen = new List<string>();
        var count = 0;
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => p[i]).ThenBy(i => i))
        {
            if (count >= words)
            {
                break;
            }

            chosen.Add(ss[i]);
            count += Words(ss[i]).Length;
        }

        return Truncate(string.Join(' ', chosen), words);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("(?<=[.!?])[\"'\u201d\u2019)\\]]*\\s+(?=[A-Z0-9\"'\u201c\u2018(\\[])")]
    private static partial Regex SplitPattern();
}
