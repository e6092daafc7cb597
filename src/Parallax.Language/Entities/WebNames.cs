using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-7 rules after the tagger for web text (forum posts, e-mail, reviews), where names are often written in lower
/// case and organisations are named by acronyms. <see cref="DefinedAcronyms"/> and <see cref="TownAndState"/> run before
/// <see cref="DocumentNames.Harmonize"/>, which carries a name's type to its other mentions in the document;
/// <see cref="LowerCaseListedNames"/> runs after the rules that cut names at lower-case words, so they cannot undo it.
/// Chosen on the UNER English-EWT 5-fold held-out figure (docs/language.md, "Session 7"). Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    private const int Per = 1;
    private const int Org = 3;
    private const int Loc = 5;

    private static readonly FrozenSet<string> _acronymConnectors = new[] { "of", "and", "the", "for", "&", "on", "in", "de", "du", "la" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// In a sentence whose casing carries no information (every letter word after the first written in lower case,
    /// "I" aside), an untagged lower-case exact match of the country, place, organisation or club lists, or a listed
    /// given name, is a name ("from mexico", "san francisco", "lisa promises"): single words only when they are not
    /// common English words ("china", "max", "may" stay words), so the match is a name and not a word in any case.
    /// A given name takes a following lower-case word that is neither an English word nor in the lower-case lexicon
    /// (or a listed given name that is no other kind of name: "jill allen") as its surname. A multi-word entry also
    /// replaces the tagger's names lying wholly inside it ("san" tagged alone in "san francisco").
    /// </summary>
    public static void LowerCaseListedNames(NerFeatures.SentenceView view, int[] tags, IReadOnlyDictionary<string, byte> lowerLexicon)
    {
        var words = view.Words;
        var n = words.Length;
        if (!Caseless(words))
        {
            return;
        }

        const GazetteerCategory places = GazetteerCategory.Country | GazetteerCategory.Place;
        const GazetteerCategory orgs = GazetteerCategory.Organization | GazetteerCategory.Club;
        for (var i = 0; i < n; i++)
        {
            var cats = view.GazBegin[i] & (places | orgs | GazetteerCategory.GivenName);
            if (cats == 0 || (tags[i] != 0 && !NerTags.IsBegin(tags[i])) || !IsLowerWord(words[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < n && (view.GazInside[end] & cats) != 0)
            {
                end++; // "francisco" of "san francisco" also begins a given-name entry
            }

            // untagged, or a multi-word entry holding the tagger's pieces ("san" tagged alone in "san francisco")
            var free = true;
            var tagged = false;
            for (var k = i; k < end; k++)
            {
                free &= IsLowerWord(words[k]);
                tagged |= tags[k] != 0;
            }

            if (!free || (tagged && end - i < 2) || (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end])) || (end - i == 1 && EnglishWords.Contains(view.Lower[i])))
            {
                continue;
            }

            int type;
            if ((cats & places) != 0)
            {
                type = Loc;
            }
            else if ((cats & orgs) != 0)
            {
                type = Org;
            }
            else
            {
                if (end - i != 1)
                {
                    continue;
                }

                type = Per;
                if (end < n && tags[end] == 0 && IsLowerWord(words[end]) && words[end].Length > 2 && !EnglishWords.Contains(view.Lower[end])
                    && !lowerLexicon.ContainsKey(view.Lower[end]) && (view.GazBegin[end] & ~GazetteerCategory.GivenName) == 0)
                {
                    end++;
                }
            }

            for (var k = i; k < end; k++)
            {
                tags[k] = k == i ? type : type + 1;
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// An acronym defined in parentheses by the capitalised words before it ("Housing Authority of New Orleans ( HANO )",
    /// connectors such as "of", "and", "for" skipped): the acronym and its expansion are one name each, of the
    /// expansion's type when the tagger gave the expansion exactly one name, else an organisation (the expansion's
    /// pieces joined into one name).
    /// </summary>
    public static void DefinedAcronyms(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 3; i + 1 < n; i++)
        {
            var acronym = words[i];
            if (words[i - 1] != "(" || words[i + 1] != ")" || acronym.Length < 2 || acronym.Length > 8 || !Chars.All(acronym, char.IsAsciiLetterUpper)
                || NameRules.IsNotOrgAcronym(acronym))
            {
                continue;
            }

            // match the acronym's letters backwards against the initials of the capitalised words before "("
            var start = ExpansionStart(view, acronym, acronym.Length - 1, i - 2, 0);
            while (start >= 0 && start < i - 2 && _acronymConnectors.Contains(view.Lower[start]))
            {
                start++; // "the Republic of Velmark": the expansion begins at "Republic"
            }

            if (start < 0 || i - 1 - start < 2 || !char.IsUpper(words[start][0]))
            {
                continue;
            }

            var end = i - 1; // the expansion is [start, end)
            if (start > 0 && tags[start] != 0 && !NerTags.IsBegin(tags[start]))
            {
                continue; // the expansion continues a name that began earlier: leave it
            }

            var one = NerTags.IsBegin(tags[start]) && NerTags.RunEnd(tags, start) == end;
            var type = one ? NerTags.TypeOf(tags[start]) * 2 - 1 : Org;
            if (!one)
            {
                for (var m = start; m < end; m++)
                {
                    tags[m] = m == start ? Org : Org + 1;
                }
            }

            if (tags[i] == 0)
            {
                tags[i] = type;
            }
        }
    }

    /// <summary>US state and district postal codes (hand-written, general knowledge).</summary>
    private static readonly FrozenSet<string> _stateCodes = new[]
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA",
        "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
        "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Lawrence , KS", "Baltimore , MD 21202": one to three capitalised words, a comma and a US state code make a town
    /// and its state, both places, unless the words before the comma are a person's name (tagged PER or starting with a
    /// listed given name: "Jan Vorst , MD" is a doctor). Words the tagger gave another type stay as they are.
    /// </summary>
    public static void TownAndState(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var c = 3; c < n; c++)
        {
            if (words[c - 1] != "," || !_stateCodes.Contains(words[c]) || (tags[c] != 0 && NerTags.TypeOf(tags[c]) == 3))
            {
                continue;
            }

            var end = c - 1;
            var start = end;
            while (start > 0 && end - start < 3 && words[start - 1].Length > 1 && char.IsUpper(words[start - 1][0]) && Chars.Any(words[start - 1], char.IsLower, 1))
            {
                start--;
            }

            if (start == end || tags[start..end].Any(t => t != 0 && NerTags.TypeOf(t) == 1) || (view.GazBegin[start] & GazetteerCategory.GivenName) != 0
                || (tags[end - 1] != 0 && NerTags.TypeOf(tags[end - 1]) != 3))
            {
                continue;
            }

            if (tags[start..end].All(t => t == 0) && !(start > 0 && tags[start - 1] != 0))
            {
                for (var k = start; k < end; k++)
                {
                    tags[k] = k == start ? Loc : Loc + 1;
                }
            }

            if (c + 1 >= n || tags[c + 1] == 0 || NerTags.IsBegin(tags[c + 1]))
            {
                tags[c] = Loc;
            }
        }
    }

    /// <summary>
    /// The first word of an expansion of <paramref name="acronym"/>'s letters [0, <paramref name="letter"/>] ending at word
    /// <paramref name="k"/>, or -1: each letter is the initial of a capitalised word (or of a connector such as "of"),
    /// connectors may also be skipped; the last word before "(" must spell a letter.
    /// </summary>
    private static int ExpansionStart(NerFeatures.SentenceView view, string acronym, int letter, int k, int depth)
    {
        if (letter < 0)
        {
            return k + 1;
        }

        if (k < 0 || depth > 16)
        {
            return -1;
        }

        var w = view.Words[k];
        var connector = _acronymConnectors.Contains(view.Lower[k]);
        if (w.Length > 0 && char.ToUpperInvariant(w[0]) == acronym[letter] && (char.IsUpper(w[0]) || connector))
        {
            var start = ExpansionStart(view, acronym, letter - 1, k - 1, depth + 1);
            if (start >= 0)
            {
                return start;
            }
        }

        return connector && letter < acronym.Length - 1 ? ExpansionStart(view, acronym, letter, k - 1, depth + 1) : -1;
    }

    /// <summary>
    /// Every letter word after the first is written without capitals ("I" and its contractions aside), and there are at
    /// least three letter words: casing says nothing about names here.
    /// </summary>
    internal static bool Caseless(IReadOnlyList<string> words)
    {
        var letters = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Length == 0 || !char.IsLetter(w[0]))
            {
                continue;
            }

            letters++;
            if (i == 0 || w is "I" or "I'm" or "I've" or "I'd" or "I'll")
            {
                continue;
            }

            foreach (var c in w)
            {
                if (char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return letters >= 3;
    }

    private static bool IsLowerWord(string w)
    {
        if (w.Length < 2)
        {
            return false;
        }

        foreach (var c in w)
        {
            if (!char.IsLower(c) && c is not ('-' or '\'' or '.'))
            {
                return false;
            }
        }

        return char.IsLetter(w[0]);
    }
}
