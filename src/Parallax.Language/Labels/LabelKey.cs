using System.Collections.Frozen;
using Parallax.Language.Entities;

namespace Parallax.Language.Labels;

/// <summary>
/// The key labels are counted by across articles and outlets. Decisions (docs/language.md, "Label keys"):
/// <list type="bullet">
/// <item>case, whitespace runs and typographic apostrophes do not matter (<see cref="LabelSummary.Normalize"/>);</item>
/// <item>a leading article does not matter ("the firebrand" = "firebrand", "a close ally of X" = "close ally of X");</item>
/// <item>a country's possessive before a title is its demonym ("Venezuela's president" = "Venezuelan President"), using
/// the shipped country and demonym lists (a demonym that extends the country's stem, or a short list of irregular ones).</item>
/// </list>
/// Everything else stays apart: "former President" ≠ "President", "dictator" ≠ "fading dictator". Pure and thread-safe.
/// </summary>
public static class LabelKey
{
    private static readonly Lazy<FrozenDictionary<string, string>> _demonyms = new(LoadDemonyms, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The counting key of <paramref name="label"/> ("The country's strongman" → "country's strongman").</summary>
    public static string Of(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var s = LabelSummary.Normalize(label);
        foreach (var article in (string[])["the ", "a ", "an "])
        {
            if (s.StartsWith(article, StringComparison.Ordinal) && s.Length > article.Length)
            {
                s = s[article.Length..];
                break;
            }
        }

        var apostrophe = s.IndexOf("'s ", StringComparison.Ordinal);
        if (apostrophe > 0 && _demonyms.Value.TryGetValue(s[..apostrophe], out var demonym))
        {
            s = demonym + s[(apostrophe + 2)..];
        }

        return s;
    }

    /// <summary>The demonym of a country name in lower case ("venezuela" → "venezuelan"), or null.</summary>
    public static string? DemonymOf(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return _demonyms.Value.GetValueOrDefault(LabelSummary.Normalize(country));
    }

    private static FrozenDictionary<string, string> LoadDemonyms()
    {
        var demonyms = ResourceText.Lines("gazetteer.demonyms.txt").Select(l => l.ToLowerInvariant()).Where(l => !l.EndsWith('s')).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // irregular forms the stem rule cannot find
            ["france"] = "french", ["britain"] = "british", ["great britain"] = "british", ["netherlands"] = "dutch",
            ["the netherlands"] = "dutch", ["united states"] = "american", ["us"] = "american", ["u.s."] = "american",
            ["america"] = "american", ["uk"] = "british", ["u.k."] = "british", ["united kingdom"] = "british",
            ["spain"] = "spanish", ["germany"] = "german", ["switzerland"] = "swiss", ["ireland"] = "irish",
            ["poland"] = "polish", ["denmark"] = "danish", ["sweden"] = "swedish", ["finland"] = "finnish",
            ["turkey"] = "turkish", ["greece"] = "greek", ["peru"] = "peruvian", ["philippines"] = "filipino",
        };
        foreach (var country in ResourceText.Lines("gazetteer.countries.txt").Select(l => l.ToLowerInvariant()))
        {
            if (result.ContainsKey(country) || country.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            // "venezuela" → "venezuelan", "russia" → "russian", "belarus" → "belarusian", "ukraine" → "ukrainian", "italy" → "italian"
            var stem = country.Length > 4 && country[^1] is 'a' or 'e' or 'y' or 'o' ? country[..^1] : country;
            var match = demonyms.Where(d => d.StartsWith(stem, StringComparison.Ordinal) && d.Length - stem.Length <= 4 && d != country)
                .OrderBy(d => d.Length).ThenBy(d => d, StringComparer.Ordinal).FirstOrDefault();
            if (match is not null)
            {
                result[country] = match;
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
