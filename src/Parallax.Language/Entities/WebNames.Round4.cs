using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-8 round-2 rules after the tagger for web text (docs/language.md, "Session 8, round 2"): places the tagger
/// made persons or missed, told by a place head word ("Velin Lake") or by where the word stands ("near Tarvik", a
/// list of places). Chosen on the UNER English-EWT 5-fold held-out figure. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    // head words that end a place's name and never a person's ("Hall", "Park", "Street" are also surnames or are left
    // untagged by UNER in addresses, so they are not here)
    private static readonly FrozenSet<string> _placeHeads = new[]
    {
        "lake", "lakes", "river", "hills", "valley", "canyon", "bay", "creek", "island", "islands", "beach", "bridge",
        "bridges", "airport", "mountains", "peninsula", "harbour", "harbor", "falls", "gorge", "desert", "forest",
        "glacier", "volcano",
    }.ToFrozenSet(StringComparer.Ordinal);

    // words before a lone name that place it: "near Tarvik" (only with no capitalised word after it)
    private static readonly FrozenSet<string> _placePrepositions = new[]
    {
        "in", "near", "around", "outside", "inside", "across", "throughout", "towards", "toward", "via", "nearby",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A person the tagger found whose last word is a place head word ("Tarvik Lake", "Orlen Valley"), or an
    /// untagged run of two to four capitalised words ending in one ("the Green Rock Bridges"), is a place. A lone one-word
    /// person that is no listed given name, has no title before it and no speech verb or possessive after it, and stands
    /// right after a place preposition ("near Tarvik") or in a list next to a place ("Velin , Tarvik , and
    /// Orlen") is a place too, and so are the document's other lone one-word persons spelled like it (unless the document
    /// makes the word part of a longer person's name, or has it say or own something: "Tarvik said", "Tarvik 's"). Not in
    /// headline-cased sentences.
    /// </summary>
    public static void PlacedNames(NerFeatures.SentenceView[] views, int[][] tags)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var multiPersons = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            for (var i = 0; i < t.Length; i++)
            {
                // a word said or owning something anywhere in the document is a person's ("Tarvik said", "Tarvik 's")
                if (t[i] == Per && i + 1 < t.Length && _personContext.Contains(views[s].Lower[i + 1]))
                {
                    multiPersons.Add(views[s].Lower[i]);
                }

                if (t[i] == Per && NerTags.RunEnd(t, i) - i > 1)
                {
                    for (var k = i; k < NerTags.RunEnd(t, i); k++)
                    {
                        multiPersons.Add(views[s].Lower[k]);
                    }
                }
            }
        }

        for (var s = 0; s < views.Length; s++)
        {
            var v = views[s];
            if (v.Words.Length == 0 || NameRules.HeadlineCased(v.Words))
            {
                continue;
            }

            PlaceHeads(v, tags[s]);
            PlacedPersons(v, tags[s], placed, multiPersons);
        }

        if (placed.Count == 0)
        {
            return;
        }

        // the document's other lone mentions of a word placed above ("Tarvik is ..." after "near Tarvik")
        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            for (var i = 0; i < t.Length; i++)
            {
                if (t[i] == Per && (i + 1 >= t.Length || t[i + 1] != Per + 1) && placed.Contains(views[s].Lower[i]))
                {
                    t[i] = Loc;
                }
            }
        }
    }

    private static void PlaceHeads(NerFeatures.SentenceView v, int[] t)
    {
        var words = v.Words;
        var n = words.Length;
        for (var i = 0; i < n; i++)
        {
            if (!char.IsUpper(words[i][0]) || !_placeHeads.Contains(v.Lower[i]) || (i + 1 < n && t[i + 1] != 0 && !NerTags.IsBegin(t[i + 1])))
            {
                continue;
            }

            if (t[i] != 0 && NerTags.TypeOf(t[i]) == 1 && i > 0)
            {
                // a person ending here: the whole run becomes a place
                var b = i;
                while (b > 0 && t[b] != Per)
                {
                    b--;
                }

                if (b == i || (i + 1 < n && IsCapitalisedName(words[i + 1])))
                {
                    continue;
                }

                for (var k = b; k <= i; k++)
                {
                    t[k] = k == b ? Loc : Loc + 1;
                }

                continue;
            }

            if (t[i] != 0 || i == 0 || (i + 1 < n && IsCapitalisedName(words[i + 1])))
            {
                continue;
            }

            var start = i;
            while (start > 0 && i - start < 3 && t[start - 1] == 0 && IsCapitalisedName(words[start - 1]) && Chars.All(words[start - 1], char.IsLower, 1))
            {
                start--;
            }

            // a leading "The" stays outside; the run must not begin the sentence (a capital there says nothing)
            if (start < i && v.Lower[start] == "the")
            {
                start++;
            }

            if (start == i || start == 0 || (start > 0 && t[start - 1] != 0))
            {
                continue;
            }

            for (var k = start; k <= i; k++)
            {
                t[k] = k == start ? Loc : Loc + 1;
            }
        }
    }

    private static void PlacedPersons(NerFeatures.SentenceView v, int[] t, HashSet<string> placed, HashSet<string> multiPersons)
    {
        var words = v.Words;
        var n = words.Length;
        for (var i = 1; i < n; i++)
        {
            if (t[i] != Per || (i + 1 < n && t[i + 1] == Per + 1))
            {
                continue;
            }

            var w = words[i];
            if (w.Length < 3 || !char.IsUpper(w[0]) || !Chars.All(w, char.IsLower, 1) || (v.GazBegin[i] & GazetteerCategory.GivenName) != 0
                || multiPersons.Contains(v.Lower[i]) || (i + 1 < n && _personContext.Contains(v.Lower[i + 1])))
            {
                continue;
            }

            if ((v.GazBegin[i - 1] & GazetteerCategory.Title) != 0 || Labels.LabelLexicon.TitleHeads.Contains(Labels.LabelLexicon.Fold(words[i - 1])))
            {
                continue;
            }

            var afterPreposition = _placePrepositions.Contains(v.Lower[i - 1]) && !(i + 1 < n && IsCapitalisedName(words[i + 1]));
            if (!afterPreposition && !NextToListedPlace(v, t, i))
            {
                continue;
            }

            t[i] = Loc;
            placed.Add(v.Lower[i]);
        }
    }

    // "Velin , Tarvik , and Orlen": a list of at least three names, a place among its neighbours. A comma alone does
    // not make a list ("... at the White House , Tarvik repeated"), so the name must have list separators on both
    // sides, or be the last of three ("Velin , Orlen and Tarvik")
    private static bool NextToListedPlace(NerFeatures.SentenceView v, int[] t, int i)
    {
        var n = t.Length;
        var before = i - 1;
        var conjunctionBefore = v.Lower[before] is "and" or "or";
        if (conjunctionBefore && before > 0 && v.Words[before - 1] == ",")
        {
            before--;
        }

        var separatedBefore = conjunctionBefore || v.Words[before] == ",";
        var nameBefore = before - 1; // last word of the name before the separator
        if (!separatedBefore || nameBefore < 0 || t[nameBefore] == 0)
        {
            return false;
        }

        var placeBefore = NerTags.TypeOf(t[nameBefore]) == 3;
        var after = i + 1;
        if (after < n && v.Words[after] == ",")
        {
            after++;
        }

        if (after < n && v.Lower[after] is "and" or "or")
        {
            after++;
        }

        var separatedAfter = after > i + 1 && after < n && IsCapitalisedName(v.Words[after]);
        var placeAfter = separatedAfter && NerTags.IsBegin(t[after]) && NerTags.TypeOf(t[after]) == 3;
        if (separatedAfter && (placeBefore || placeAfter))
        {
            return true;
        }

        // the last of three: "Velin , Orlen and Tarvik"
        var firstOfBefore = nameBefore;
        while (firstOfBefore > 0 && t[firstOfBefore] != 0 && !NerTags.IsBegin(t[firstOfBefore]))
        {
            firstOfBefore--;
        }

        return conjunctionBefore && placeBefore && firstOfBefore > 1 && v.Words[firstOfBefore - 1] == ",";
    }
}
