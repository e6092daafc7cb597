namespace Parallax.Compare.Summary;

/// <summary>
/// The Porter (1980) stemmer exactly as the reference ROUGE scorer (<c>../shared/tools/score/rouge.py</c>) implements it,
/// so that summaries are scored, and content words compared, the same way. Input is a lower-case ASCII word; words of
/// two letters or fewer come back unchanged. Pure and thread-safe.
/// </summary>
public static class PorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] _step2 =
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ];

    private static readonly (string Suffix, string Replacement)[] _step3 =
    [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ];

    private static readonly string[] _step4 =
    [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
        "ous", "ive", "ize",
    ];

    /// <summary>The stem of <paramref name="word"/> (lower-case).</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word;
        if (w.Length <= 2)
        {
            return w;
        }

        // step 1a
        if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ss", StringComparison.Ordinal))
        {
        }
        else if (w.EndsWith('s'))
        {
            w = w[..^1];
        }

        // step 1b
        var flag = false;
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            if (M(w[..^3]) > 0)
            {
                w = w[..^1];
            }
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && HasVowel(w[..^2]))
        {
            w = w[..^2];
            flag = true;
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w[..^3]))
        {
            w = w[..^3];
            flag = true;
        }

        if (flag)
        {
            if (w.EndsWith("at", StringComparison.Ordinal) || w.EndsWith("bl", StringComparison.Ordinal) || w.EndsWith("iz", StringComparison.Ordinal))
            {
                w += "e";
            }
            else if (DoubleConsonant(w) && w[^1] is not ('l' or 's' or 'z'))
            {
                w = w[..^1];
            }
            else if (M(w) == 1 && Cvc(w))
            {
                w += "e";
            }
        }

        // step 1c
        if (w.EndsWith('y') && HasVowel(w[..^1]))
        {
            w = w[..^1] + "i";
        }

        w = ReplaceFirst(w, _step2);
        w = ReplaceFirst(w, _step3);

        // step 4
        foreach (var suffix in _step4)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = w[..^suffix.Length];
                if (suffix == "ion")
                {
                    if (M(stem) > 1 && stem.Length > 0 && stem[^1] is 's' or 't')
                    {
                        w = stem;
                    }
                }
                else if (M(stem) > 1)
                {
                    w = stem;
                }

                break;
            }
        }

        // step 5a
        if (w.EndsWith('e'))
        {
            var stem = w[..^1];
            if (M(stem) > 1 || (M(stem) == 1 && !Cvc(stem)))
            {
                w = stem;
            }
        }

        // step 5b
        if (M(w) > 1 && DoubleConsonant(w) && w.EndsWith('l'))
        {
            w = w[..^1];
        }

        return w;
    }

    private static string ReplaceFirst(string w, (string Suffix, string Replacement)[] rules)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = w[..^suffix.Length];
                return M(stem) > 0 ? stem + replacement : w;
            }
        }

        return w;
    }

    private static bool IsConsonant(string w, int i)
    {
        var c = w[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            return false;
        }

        return c != 'y' || i == 0 || !IsConsonant(w, i - 1);
    }

    /// <summary>The number of vowel-consonant sequences in <paramref name="stem"/>.</summary>
    private static int M(string stem)
    {
        int n = 0, i = 0, length = stem.Length;
        while (i < length && IsConsonant(stem, i))
        {
            i++;
        }

        while (i < length)
        {
            while (i < length && !IsConsonant(stem, i))
            {
                i++;
            }

            if (i >= length)
            {
                break;
            }

            while (i < length && IsConsonant(stem, i))
            {
                i++;
            }

            n++;
        }

        return n;
    }

    private static bool HasVowel(string stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DoubleConsonant(string w) => w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    private static bool Cvc(string w)
    {
        if (w.Length < 3)
        {
            return false;
        }

        var i = w.Length - 1;
        return IsConsonant(w, i - 2) && !IsConsonant(w, i - 1) && IsConsonant(w, i) && w[i] is not ('w' or 'x' or 'y');
    }
}
