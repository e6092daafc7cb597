using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-13 rules after the tagger for web text (docs/language.md, "Session 13"): a town written right before its
/// state or country without a comma is two places ("Miramar California", "San Rafael Ca"); a given-name town between a
/// place preposition and a state code is a place ("in Lawrence , KS"); a one-word name with a possessive and nothing it
/// owns is a place of business ("at Kenneally 's at around 5"); a person's name stops before "I" and before capitalised
/// common words of a signature line, two persons written one after another are two ("Melanie King Brandon Luna"), and a
/// listed organisation ending a signature's person is the employer; a lone English word the tagger made a person before
/// a capitalised common word is no name ("the first Smart Phone"); "East" / "West" / "North" / "South" before a place
/// is part of it; "Iraq War" is the country; "Prophet" is part of the name it precedes; two listed organisations joined
/// by a hyphen are two. Chosen on the UNER English-EWT 5-fold held-out figure. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    // US state names (hand-written from general knowledge; docs/models.md)
    private static readonly FrozenSet<string> _stateNames = new[]
    {
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
        "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
        "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma",
        "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> _lowerStateNames = _stateNames.Select(x => x.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);

    // state codes as web text writes them in title case; codes that are words or names in title case ("In", "Me", "Mo",
    // "Al", "La", "Pa", "Ma", "Co", "De", "Hi", "Id", "Ok", "Or", "Oh", "Ne", "Mi", "Md", "Ms", "Mt", "Sc") are left out
    private static readonly FrozenSet<string> _titleStateCodes = new[]
    {
        "Ca", "Tx", "Fl", "Ny", "Nj", "Az", "Nc", "Nv", "Ky", "Tn", "Ks", "Wv", "Ct", "Il", "Mn", "Va", "Wa", "Ga", "Ut", "Vt", "Nh",
        "Nm", "Ri", "Sd", "Nd", "Wy", "Ak", "Ar", "Ia", "Wi",
    }.ToFrozenSet(StringComparer.Ordinal);

    // words that make a state or country name part of a longer place name ("New Mexico", "West Virginia", "Great Britain")
    private static readonly FrozenSet<string> _placeNameModifiers = new[]
    {
        "New", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
        "Great", "Greater", "Baja", "Equatorial", "Papua", "Old", "Little", "Fort", "Mount", "Lake", "Port", "St.", "St", "Saint",
        "Nueva", "Nuevo", "Gran", "Grand",
    }.ToFrozenSet(StringComparer.Ordinal);

    // what may follow a possessive that owns nothing ("at Kenneally 's at around 5", "it is now Bisla s .")
    private static readonly FrozenSet<string> _afterBarePossessive = new[]
    {
        ".", ",", "!", "?", ";", ":", "at", "in", "on", "for", "tomorrow", "tonight", "today", "yesterday",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The session-13 rules of a document, run last: every rule here works on one sentence.</summary>
    public static void Round9(NerFeatures.SentenceView[] views, int[][] tags)
    {
        for (var s = 0; s < views.Length; s++)
        {
            PlaceAndState(views[s], tags[s]);
            GivenNameTowns(views[s], tags[s]);
            BarePossessivePlaces(views[s], tags[s]);
            PersonEnds(views[s], tags[s]);
            EnglishWordPersons(views[s], tags[s]);
            CompassPlaces(views[s], tags[s]);
            CountryWars(views[s], tags[s]);
            ProphetNames(views[s], tags[s]);
            HyphenatedOrganisations(views[s], tags[s]);
            SignatureOrganisations(views[s], tags[s]);
        }
    }

    /// <summary>
    /// A town and its state or country written without a comma are two places: a place of the tagger's of two or more
    /// words ending in a US state name, a listed one-word country or a state code ("Miramar California", "San Rafael
    /// Ca", "Austin TX") is split before it, unless the word before it makes it one longer name ("New Mexico", "West
    /// Virginia", "Great Britain") or is a demonym or lower-case word; and an untagged state code right after a place
    /// ("San Rafael" + "Ca") with no capitalised word or number after it is a place of its own.
    /// </summary>
    public static void PlaceAndState(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 0; i < n; i++)
        {
            if (tags[i] != Loc)
            {
                continue;
            }

            var end = NerTags.RunEnd(tags, i);
            var last = end - 1;
            if (end - i >= 2 && IsStateOrCountry(view, last) && !_placeNameModifiers.Contains(words[last - 1])
                && (view.GazBegin[last - 1] & GazetteerCategory.Demonym) == 0 && char.IsUpper(words[last - 1][0]))
            {
                tags[last] = Loc;
            }
            else if (end - i >= 2 && IsLowerWord(words[last]) && IsLowerWord(words[last - 1]) && view.GazInside[last] == GazetteerCategory.None
                && _lowerStateNames.Contains(words[last]) && !_placeNameModifiers.Contains(char.ToUpperInvariant(words[last - 1][0]) + words[last - 1][1..]))
            {
                tags[last] = Loc; // "miramar florida", in text written in lower case
            }
            else if (end < n && tags[end] == 0 && IsStateCode(words[end]) && (end + 1 == n || !StartsNameOrNumber(words[end + 1])))
            {
                tags[end] = Loc;
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// "in Lawrence , KS": a one-word person of the tagger's (or an untagged capitalised word) between a place preposition
    /// ("in", "near" ..., "at", "from", "to") and ", &lt;state code&gt;" is a town, and the code, untagged, is a place; the
    /// session-7 town rule leaves a given name before a state code alone ("Jan Vorst , MD" is a doctor).
    /// </summary>
    public static void GivenNameTowns(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 1; i + 2 < n; i++)
        {
            if (words[i + 1] != "," || !_stateCodes.Contains(words[i + 2]) || !IsNamePart(words[i])
                || !(_unknownPlacePrepositions.Contains(words[i - 1]) || words[i - 1] is "from" or "to")
                || !(tags[i] == 0 || (tags[i] == Per && (i + 1 == n || tags[i + 1] != Per + 1))))
            {
                continue;
            }

            if (tags[i + 2] != 0 && NerTags.TypeOf(tags[i + 2]) != 3)
            {
                continue;
            }

            tags[i] = Loc;
            if (tags[i + 2] == 0 && (i + 3 == n || !StartsNameOrNumber(words[i + 3])))
            {
                tags[i + 2] = Loc;
            }
        }
    }

    /// <summary>
    /// A one-word name with a possessive that owns nothing is a place of business, the possessive part of the name: a
    /// capitalised word (untagged or a one-word person) and "'s" (or a detached "s") followed by the end of the sentence,
    /// a punctuation mark, a preposition or a time word ("I was thinking Kenneally 's at around 5", "it is now Bisla s .",
    /// "the game at Woodrow s tomorrow"); after "at", a lower-case word too ("at woodrow s tomorrow").
    /// </summary>
    public static void BarePossessivePlaces(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 1; i < n; i++)
        {
            if (words[i] is not ("'s" or "\u2019s" or "s") || (i + 1 < n && !_afterBarePossessive.Contains(words[i + 1])) || tags[i] != 0)
            {
                continue;
            }

            var w = i - 1;
            if (tags[w] != 0 && NerTags.TypeOf(tags[w]) == 3 && (w + 1 == n || tags[w + 1] == 0) && words[i] != "s")
            {
                tags[i] = Loc + 1; // a place of the tagger's takes the possessive: "going to Del Frisco 's for dinner"
                continue;
            }

            var name = words[w];
            var capitalised = name.Length > 1 && char.IsUpper(name[0]) && Chars.All(name, char.IsLower, 1);
            var lowerAfterAt = w > 0 && words[w - 1] == "at" && IsLowerWord(name) && !EnglishWords.Contains(name);
            if (!(capitalised || lowerAfterAt) || (capitalised && EnglishWords.Contains(view.Lower[w]) && tags[w] == 0)
                || !(tags[w] == 0 || tags[w] == Per) || (w > 0 && (tags[w - 1] != 0 || IsNamePart(words[w - 1]) || words[w - 1] == "(")))
            {
                continue;
            }

            if (words[i] == "s" && !(w > 0 && words[w - 1] is "at" or "now" or "to"))
            {
                continue; // a detached "s" is a typo of many kinds; only a venue cue before it
            }

            tags[w] = Loc;
            tags[i] = Loc + 1;
        }
    }

    /// <summary>
    /// A person's name of the tagger's stops before a trailing "I" ("Dan I for one"); a person of four or more words that
    /// ends in two or more capitalised common words (lower-case English words, not listed names) after two name words ends
    /// before them ("Sungjoo Lee Stochastic Processes", a signature above a course title; one such word may be a surname:
    /// "Kim Jong Ill", "Darin Fisher"); a person of four or more words whose
    /// third or later word is a listed given name starting a second two-word name is two persons ("Melanie King Brandon
    /// Luna", a list of names in an e-mail).
    /// </summary>
    public static void PersonEnds(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 0; i < n; i++)
        {
            if (tags[i] != Per)
            {
                continue;
            }

            var end = NerTags.RunEnd(tags, i);
            if (end - i >= 2 && words[end - 1] == "I")
            {
                tags[end - 1] = 0;
                end--;
            }

            if (end - i >= 3)
            {
                var cut = end;
                while (cut - i > 2 && IsCommonCapitalised(view, cut - 1))
                {
                    cut--;
                }

                if (end - cut >= 2)
                {
                    for (var k = cut; k < end; k++)
                    {
                        tags[k] = 0;
                    }

                    end = cut;
                }
            }

            if (end - i >= 4)
            {
                for (var k = i + 2; k + 2 <= end; k++)
                {
                    if (char.IsUpper(words[k][0]) && (view.GazBegin[k] & GazetteerCategory.GivenName) != 0 && (view.GazBegin[k - 1] & GazetteerCategory.GivenName) == 0
                        && !EnglishWords.Contains(view.Lower[k]))
                    {
                        tags[k] = Per;
                        break;
                    }
                }
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// A one-word person of the tagger's that is a lower-case English word (not a listed given name), right before an
    /// untagged capitalised English word, is no name: "the first Smart Phone".
    /// </summary>
    public static void EnglishWordPersons(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (view.Case != 0)
        {
            return;
        }

        for (var i = 1; i + 1 < n; i++)
        {
            if (tags[i] == Per && tags[i + 1] == 0 && EnglishWords.Contains(view.Lower[i]) && (view.GazBegin[i] & GazetteerCategory.GivenName) == 0
                && IsCommonCapitalised(view, i + 1))
            {
                tags[i] = 0;
            }
        }
    }

    // street words after a place name make it a street ("South Michigan Ave")
    private static readonly FrozenSet<string> _streetWords = new[]
    {
        "Ave", "Ave.", "Avenue", "St", "St.", "Street", "Rd", "Rd.", "Road", "Blvd", "Blvd.", "Boulevard", "Dr", "Dr.", "Drive", "Lane", "Ln", "Way", "Hwy", "Highway",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> _compassWords = new[]
    {
        "East", "West", "North", "South",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// An untagged compass word right before a place of the tagger's is part of it ("East Jerusalem", "Northern Velmora"),
    /// when the word before it is no capitalised word or name ("the East Velmora" yes, "Velin East Velmora" no).
    /// </summary>
    public static void CompassPlaces(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (tags[i] == 0 && tags[i + 1] == Loc && _compassWords.Contains(words[i]) && (i == 0 || (tags[i - 1] == 0 && !IsNamePart(words[i - 1])))
                && !(NerTags.RunEnd(tags, i + 1) is var end && end < words.Length && _streetWords.Contains(words[end])))
            {
                tags[i] = Loc;
                tags[i + 1] = Loc + 1;
            }
        }
    }

    /// <summary>
    /// A name of two words, a listed country and "War" ("the Iraq War"), is the country alone: UNER tags the place and
    /// leaves the event untagged.
    /// </summary>
    public static void CountryWars(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (NerTags.IsBegin(tags[i]) && NerTags.RunEnd(tags, i) == i + 2 && words[i + 1] is "War" or "war"
                && (view.GazBegin[i] & GazetteerCategory.Country) != 0 && view.GazInside[i + 1] == GazetteerCategory.None)
            {
                tags[i] = Loc;
                tags[i + 1] = 0;
            }
        }
    }

    /// <summary>
    /// "Prophet" before a person's name is part of it ("the Prophet Mohammed"): the epithet names him, as UNER tags it.
    /// </summary>
    public static void ProphetNames(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] == "Prophet" && tags[i] == 0 && tags[i + 1] == Per)
            {
                tags[i] = Per;
                tags[i + 1] = Per + 1;
            }
        }
    }

    /// <summary>
    /// An organisation of the tagger's that is two one-word listed organisations joined by a hyphen ("the Google - Mozilla
    /// deal") is the two.
    /// </summary>
    public static void HyphenatedOrganisations(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 0; i < n; i++)
        {
            if (tags[i] != Org)
            {
                continue;
            }

            var end = NerTags.RunEnd(tags, i);
            if (end - i == 3 && words[i + 1] == "-" && IsOneWordOrganisation(view, i) && IsOneWordOrganisation(view, i + 2))
            {
                tags[i + 1] = 0;
                tags[i + 2] = Org;
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// A person of the tagger's of three or more words whose last word is a one-word entry of the organisation lists
    /// ("Dana R. Orlen Accenture", a signature line naming the employer) ends before it, and that word is an organisation.
    /// </summary>
    public static void SignatureOrganisations(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 0; i < n; i++)
        {
            if (tags[i] != Per)
            {
                continue;
            }

            var end = NerTags.RunEnd(tags, i);
            if (end - i >= 3 && (IsOneWordOrganisation(view, end - 1) || Gazetteer.WebOrganisations.MatchRun(view.Lower, end - 1, end).Begin[0] != GazetteerCategory.None)
                && (view.GazBegin[end - 1] & GazetteerCategory.GivenName) == 0)
            {
                tags[end - 1] = Org;
            }

            i = end - 1;
        }
    }

    // a word that is a one-word entry of the organisation list ("BBC", "Google")
    private static bool IsOneWordOrganisation(NerFeatures.SentenceView view, int i) =>
        (view.GazBegin[i] & GazetteerCategory.Organization) != 0 && (i + 1 == view.Words.Length || view.GazInside[i + 1] == GazetteerCategory.None);

    // a capitalised lower-case English word that is no listed given name or other listed name
    private static bool IsCommonCapitalised(NerFeatures.SentenceView view, int i)
    {
        var w = view.Words[i];
        return w.Length > 1 && char.IsUpper(w[0]) && Chars.All(w, char.IsLower, 1) && EnglishWords.Contains(view.Lower[i])
            && view.GazBegin[i] == GazetteerCategory.None;
    }

    private static bool IsStateOrCountry(NerFeatures.SentenceView view, int i) =>
        view.GazInside[i] == GazetteerCategory.None
        && (_stateNames.Contains(view.Words[i]) || IsStateCode(view.Words[i]) || (view.GazBegin[i] & GazetteerCategory.Country) != 0);

    private static bool IsStateCode(string w) => _titleStateCodes.Contains(w) || (_stateCodes.Contains(w) && w is not ("IN" or "OR" or "ME" or "OK" or "HI" or "ID"));

    private static bool StartsNameOrNumber(string w) => w.Length > 0 && (char.IsUpper(w[0]) || char.IsDigit(w[0]));
}
