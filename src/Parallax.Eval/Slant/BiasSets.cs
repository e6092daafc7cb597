using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Parallax.Eval.Slant;

/// <summary>A labelled sentence of a bias set: id, text, gold label, and a group name (outlet) for breakdowns.</summary>
public sealed record BiasSentence(string Id, string Text, bool Biased, string Group)
{
    /// <summary>What development folds split by: the id (BABE), the event (BASIL, so that no event is in two folds).</summary>
    public string SplitKey { get; init; } = Id;
}

/// <summary>A PTC article: id and text (UTF-8 decoded as python does, BOM kept).</summary>
public sealed record PtcArticle(string Id, string Text);

/// <summary>Which bias set a folder holds, told by its files.</summary>
public enum BiasSetKind
{
    Unknown,
    /// <summary>BABE: <c>sentences.jsonl</c> with <c>label</c>.</summary>
    Babe,
    /// <summary>BASIL: <c>articles.jsonl</c> with per-sentence <c>lexical_bias</c>.</summary>
    Basil,
    /// <summary>PTC: <c>spans.jsonl</c> and <c>articles/&lt;id&gt;.txt</c>.</summary>
    Ptc,
}

/// <summary>Readers for the bias development sets under ../shared/data/bias (each set's FORMAT.md).</summary>
public static class BiasSets
{
    public static BiasSetKind Detect(string directory)
    {
        if (File.Exists(Path.Combine(directory, "sentences.jsonl")))
        {
            return BiasSetKind.Babe;
        }

        if (File.Exists(Path.Combine(directory, "spans.jsonl")) && Directory.Exists(Path.Combine(directory, "articles")))
        {
            return BiasSetKind.Ptc;
        }

        return File.Exists(Path.Combine(directory, "articles.jsonl")) ? BiasSetKind.Basil : BiasSetKind.Unknown;
    }

    /// <summary>BABE <c>sentences.jsonl</c> (SG2 dev): id, text, biased, outlet.</summary>
    public static ImmutableArray<BiasSentence> LoadBabe(string directory)
    {
        var list = ImmutableArray.CreateBuilder<BiasSentence>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "sentences.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            list.Add(new BiasSentence(r.GetProperty("id").GetString() ?? "", r.GetProperty("text").GetString() ?? "",
                r.GetProperty("label").GetString() == "biased", r.TryGetProperty("outlet", out var o) ? o.GetString() ?? "" : ""));
        }

        return list.ToImmutable();
    }

    /// <summary>BASIL body sentences: id <c>&lt;article&gt;#&lt;i&gt;</c>, text, lexical bias, outlet source (<c>fox</c>/<c>nyt</c>/<c>hpo</c>).</summary>
    public static ImmutableArray<BiasSentence> LoadBasil(string directory)
    {
        var list = ImmutableArray.CreateBuilder<BiasSentence>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "articles.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var a = json.RootElement;
            var id = a.GetProperty("id").GetString() ?? "";
            var source = a.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "";
            var evt = a.TryGetProperty("event", out var e) ? e.GetString() ?? id : id;
            foreach (var sentence in a.GetProperty("sentences").EnumerateArray())
            {
                list.Add(new BiasSentence(id + "#" + sentence.GetProperty("i").GetInt32(), sentence.GetProperty("text").GetString() ?? "",
                    sentence.GetProperty("lexical_bias").GetBoolean(), source) { SplitKey = evt });
            }
        }

        return list.ToImmutable();
    }

    /// <summary>PTC articles (<c>articles/&lt;id&gt;.txt</c>, ordinal order).</summary>
    public static ImmutableArray<PtcArticle> LoadPtcArticles(string directory) =>
        [.. Directory.GetFiles(Path.Combine(directory, "articles"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new PtcArticle(Path.GetFileNameWithoutExtension(f), Encoding.UTF8.GetString(File.ReadAllBytes(f))))];

    /// <summary>PTC gold spans (<c>spans.jsonl</c>), or any span file of the same shape (predictions).</summary>
    public static ImmutableArray<TechniqueSpan> LoadSpans(string path)
    {
        var list = ImmutableArray.CreateBuilder<TechniqueSpan>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            var article = r.GetProperty("article");
            list.Add(new TechniqueSpan(article.ValueKind == JsonValueKind.String ? article.GetString() ?? "" : article.GetRawText(),
                r.GetProperty("start").GetInt32(), r.GetProperty("end").GetInt32(),
                r.TryGetProperty("technique", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null));
        }

        return list.ToImmutable();
    }

    /// <summary>Sentence predictions (<c>{"id", "biased", "score"}</c>, or <c>"label"</c> instead of <c>"biased"</c>, as classify.py accepts).</summary>
    public static ImmutableArray<BiasPrediction> LoadPredictions(string path)
    {
        var list = ImmutableArray.CreateBuilder<BiasPrediction>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            var idEl = r.GetProperty("id");
            var id = idEl.ValueKind == JsonValueKind.String ? idEl.GetString() ?? "" : idEl.GetRawText();
            var biased = false;
            if (r.TryGetProperty("biased", out var b) && b.ValueKind != JsonValueKind.Null)
            {
                biased = b.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.String => (b.GetString() ?? "").Trim().ToLowerInvariant() is "true" or "1" or "biased" or "yes",
                    JsonValueKind.Number => b.GetDouble() != 0,
                    _ => false,
                };
            }
            else if (r.TryGetProperty("label", out var l))
            {
                biased = l.GetString() == "biased";
            }

            list.Add(new BiasPrediction(id, biased, r.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0));
        }

        return list.ToImmutable();
    }
}
