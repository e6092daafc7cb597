using System.Globalization;
using System.Text;

namespace Parallax.Language.Entities;

/// <summary>Normalised keys of names for matching variants: diacritics folded, case and punctuation ignored, possessive dropped.</summary>
public static class NameKey
{
    /// <summary>"Nicolás Maduro’s" → "nicolas maduro"; "U.S." → "us".</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = name.Trim();
        foreach (var suffix in (string[])["'s", "’s", "'", "’"])
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && s.Length > suffix.Length + 1)
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        var decomposed = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '‐' or '–')
            {
                space = true;
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a key.</summary>
    public static string[] Words(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
