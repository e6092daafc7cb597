using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Parallax.Compare.Summary;

namespace Parallax.Eval.Summary;

/// <summary>The figures rouge.py prints for a set of predictions (F1 means ×100, rounded to 2 places).</summary>
public sealed record RougeReport(double Rouge1, double Rouge2, double RougeL, int Stories, int Missing, string? Baseline = null, int? LengthWords = null)
{
    /// <summary>One JSON line with rouge.py's keys, in its order.</summary>
    public string ToJson()
    {
        var parts = new List<string>
        {
            "\"rouge1_f1\": " + Py(Rouge1),
            "\"rouge2_f1\": " + Py(Rouge2),
            "\"rougeL_f1\": " + Py(RougeL),
            "\"stories\": " + Stories.ToString(CultureInfo.InvariantCulture),
            "\"missing_predictions\": " + Missing.ToString(CultureInfo.InvariantCulture),
        };
        if (Baseline is not null)
        {
            parts.Add("\"baseline\": " + JsonSerializer.Serialize(Baseline));
            parts.Add("\"length_words\": " + LengthWords?.ToString(CultureInfo.InvariantCulture));
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>The metrics the gate checks, by rouge.py's key names.</summary>
    public IReadOnlyDictionary<string, double> Metrics() => new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["rouge1_f1"] = Rouge1,
        ["rouge2_f1"] = Rouge2,
        ["rougeL_f1"] = RougeL,
    };

    /// <summary>A float as Python's <c>json.dumps</c> writes it (shortest round-trip form, always with a decimal point or exponent).</summary>
    public static string Py(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }
}

/// <summary>
/// <c>parallax eval summary</c>: the neutral summary of each story's articles (built in memory: language pipeline and
/// <see cref="SummaryWriter"/>, no store) scored with ROUGE against the human reference, with the scorer's lead and LexRank
/// baselines on the same stories.
/// </summary>
public static class SummaryEvaluation
{
    /// <summary>The word budget as a share of L (the mean reference length the baselines are cut to); tuned on the train part only.</summary>
    public const double BudgetShare = 0.8;

    /// <summary>
    /// The summaries of <paramref name="stories"/>, keyed by story id. <paramref name="words"/> is L, the length the
    /// baselines are cut to; the summariser's word budget is <see cref="BudgetShare"/> of it (whole sentences, so a
    /// summary may end up longer or shorter).
    /// </summary>
    public static Dictionary<string, string> Predict(IReadOnlyList<NeusStory> stories, int words, SummaryOptions? options = null, int threads = 2, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var opts = (options ?? SummaryOptions.Default) with { WordBudget = (int)(words * BudgetShare) };
        var results = new string[stories.Count];
        Parallel.For(0, stories.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellationToken }, i =>
            results[i] = Summarize(stories[i], opts, cancellationToken));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < stories.Count; i++)
        {
            map[stories[i].Id] = results[i];
        }

        return map;
    }

    /// <summary>One story's summary text.</summary>
    public static string Summarize(NeusStory story, SummaryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        var input = Input(story, cancellationToken);
        return input is null ? "" : SummaryWriter.Text(SummaryWriter.Write(input, [], options));
    }

    /// <summary>The story's articles analysed in memory (language pipeline, story-wide entities); null when no article has text.</summary>
    public static Parallax.Compare.StoryInput? Input(NeusStory story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        var articles = story.Articles
            .Select((a, i) => new PlainArticle($"{story.Id}-{i}", a.Outlet, a.Title, a.Text))
            .Where(a => !string.IsNullOrWhiteSpace(a.Text))
            .ToList();
        return articles.Count == 0 ? null : InMemoryStory.Build(story.Id, articles, cancellationToken: cancellationToken);
    }

    /// <summary>rouge.py's figures for <paramref name="predictions"/> on <paramref name="stories"/> (a story without a prediction scores 0).</summary>
    public static RougeReport Score(IReadOnlyList<NeusStory> stories, IReadOnlyDictionary<string, string> predictions, string? baseline = null, int? lengthWords = null)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(predictions);
        var scores = new ConcurrentDictionary<int, RougeScore>();
        Parallel.For(0, stories.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            if (predictions.TryGetValue(stories[i].Id, out var p))
            {
                scores[i] = Rouge.Score(p, stories[i].Reference);
            }
        });
        double t1 = 0, t2 = 0, tl = 0;
        var missing = 0;
        for (var i = 0; i < stories.Count; i++)
        {
            if (!scores.TryGetValue(i, out var s))
            {
                missing++;
                continue;
            }

            t1 += s.Rouge1;
            t2 += s.Rouge2;
            tl += s.RougeL;
        }

        var n = Math.Max(1, stories.Count);
        return new RougeReport(Round(100 * t1 / n), Round(100 * t2 / n), Round(100 * tl / n), stories.Count, missing, baseline, lengthWords);
    }

    /// <summary>Python's <c>round(x, 2)</c>: correctly rounded (half to even on the exact binary value).</summary>
    public static double Round(double value)
    {
        return (double)Math.Round(ExactDecimal(value), 2, MidpointRounding.ToEven);
    }

    /// <summary>The exact decimal value of a double in [0, 1e9] (a double's binary fraction has at most 52 bits, decimal holds 28 digits).</summary>
    private static decimal ExactDecimal(double value)
    {
        // value = mantissa * 2^exponent; the scaled integer keeps enough digits for a correct tie decision.
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            return 0m;
        }

        mantissa |= 1L << 52;
        exponent -= 1075;
        decimal result = mantissa;
        if (exponent > 0)
        {
            for (var i = 0; i < exponent; i++)
            {
                result *= 2;
            }
        }
        else
        {
            for (var i = 0; i < -exponent; i++)
            {
                result /= 2;
            }
        }

        return value < 0 ? -result : result;
    }

    /// <summary>Reads JSON Lines predictions <c>{"id", "summary"}</c> (a later line for an id wins, as in rouge.py).</summary>
    public static Dictionary<string, string> ReadPredictions(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.TryGetProperty("id", out var i) ? (i.ValueKind == JsonValueKind.String ? i.GetString() ?? "" : i.ToString()) : "None";
            result[id] = root.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";
        }

        return result;
    }

    /// <summary>One prediction line <c>{"id", "summary"}</c>.</summary>
    public static string ToJsonLine(string id, string summary) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["summary"] = summary }, _relaxed);

    private static readonly JsonSerializerOptions _relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
