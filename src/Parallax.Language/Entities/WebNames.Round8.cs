using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-12 rules after the tagger for web text (docs/language.md, "Session 12"): official names built on an
/// institution head word are one organisation across "of" / "and" ("Department of Housing and Urban Development",
/// "Orlen Symphony Orchestra"); capitalised venue names ending in a building word are places ("Velmora City Hall");
/// an organisation running one English or place word past its head ends at the head; "St." before a one-word person
/// is a place; an acronym spelling the initials of an organisation or place the document names is that name ("the VPA" after
/// "Velin Port Authority"). Chosen on the UNER English-EWT 5-fold held-out figure. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    // head words of official organisation names (written by hand from general knowledge; docs/models.md)
    private static readonly FrozenSet<string> _institutionHeads = new[]
    {
        "Department", "Ministry", "Association", "Institute", "University", "College", "Committee", "Council", "Commission",
        "Agency", "Authority", "Bureau", "Board", "Foundation", "Society", "Federation", "Organization", "Organisation",
        "Orchestra", "Offices", "School", "Academy", "Party", "Corporation", "Church", "Hospital", "League", "Institution",
        "Court", "Union",
    }.ToFrozenSet(StringComparer.Ordinal);

    // words that join the parts of an official name after the head ("of Housing and Urban Development")
    private static readonly FrozenSet<string> _institutionJoiners = new[] { "of", "for" }.ToFrozenSet(StringComparer.Ordinal);

    // building words that end a venue name, which UNER tags LOC ("City Hall", "Space Station")
    private static readonly FrozenSet<string> _venueHeads = new[]
    {
        "Hall", "Auditorium", "Museum", "Station", "Bridge", "Garage", "Stadium", "Airport", "Cathedral",
        "Garden", "Gardens", "Theatre", "Theater", "Library", "Tower", "Palace", "Temple", "Zoo", "Arena", "Pier", "Terminal",
    }.ToFrozenSet(StringComparer.Ordinal);

    // leading words that stay outside a name built leftwards from a head word
    private static readonly FrozenSet<string> _leadingFunctionWords = new[]
    {
        "The", "A", "An", "This", "That", "Our", "My", "Your", "Their", "His", "Her", "Its", "Contact", "Call", "Visit", "At", "In",
        "From", "To", "For", "Of", "And", "Or", "With", "By", "On", "I", "We", "You", "They", "He", "She", "It",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The session-12 rules of a document, run last: <see cref="InstitutionNames"/>, <see cref="VenueNames"/>,
    /// <see cref="TrailingWordsOfInstitutions"/> and <see cref="SaintPlaces"/> on every sentence, then
    /// <see cref="Initialisms"/>.</summary>
    public static void Round8(NerFeatures.SentenceView[] views, int[][] tags)
    {
        for (var s = 0; s < views.Length; s++)
        {
            InstitutionNames(views[s], tags[s]);
            VenueNames(views[s], tags[s]);
            TrailingWordsOfInstitutions(views[s], tags[s]);
            SaintPlaces(views[s], tags[s]);
        }

        Initialisms(views, tags);
    }

    /// <summary>
    /// In an ordinary (mixed-case, not headline-cased) sentence, an institution head word ("Department", "Orchestra",
    /// "Association" ...: <see cref="_institutionHeads"/>) with the capitalised words right before it and, after it, "of"
    /// or "for" and capitalised words joined by "and" / "&amp;" is one organisation of at least two words ("Orlen Symphony
    /// Orchestra", "Department of Housing and Urban Development", "Law Offices of Dana Reyes"). The tagger's names lying
    /// in it are replaced (a place "Orlen", a person "Dana Reyes"); a name of the tagger's crossing its left edge is taken
    /// in whole. A second head word ends the first name ("Institute of Trade" | "School of Marine and Coastal Studies"): it
    /// starts its own, whose left part stops at the first name's end.
    /// </summary>
    public static void InstitutionNames(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (view.Case != 0 || n < 2 || NameRules.HeadlineCased(words))
        {
            return;
        }

        var lastEnd = 0;
        for (var i = 0; i < n; i++)
        {
            if (!_institutionHeads.Contains(words[i]))
            {
                continue;
            }

            // rightwards: "of" / "for" and capitalised words, "and" / "&" and capitalised words
            var end = i + 1;
            if (end + 1 < n && _institutionJoiners.Contains(words[end]) && IsNamePart(words[end + 1]))
            {
                var k = end + 1;
                while (true)
                {
                    while (k < n && IsOfficialNamePart(words[k]))
                    {
                        k++;
                    }

                    if (k + 1 < n && words[k] is "and" or "&" && IsOfficialNamePart(words[k + 1]))
                    {
                        k++;
                        continue;
                    }

                    break;
                }

                end = k;

                if (end <= i + 2 || (end < n && IsLowerWord(words[end]) && (view.GazBegin[end - 1] & GazetteerCategory.Demonym) != 0))
                {
                    end = i + 1; // nothing but the joiner, or a demonym before a common noun ("Board of Orlenian elders")
                }
            }

            // leftwards: capitalised words before the head (at most four), not a leading function word
            var start = i;
            while (start > lastEnd && i - start < 4 && IsNamePart(words[start - 1]) && !_leadingFunctionWords.Contains(words[start - 1])
                && !_institutionHeads.Contains(words[start - 1]) && !_calendarWords.Contains(view.Lower[start - 1]))
            {
                start--;
            }

            // a name of the tagger's crossing the left edge is taken in whole
            while (start > 0 && tags[start] != 0 && !NerTags.IsBegin(tags[start]))
            {
                start--;
            }

            // a capitalised English word opening the sentence is no part of a two-word name ("Great School !")
            if (end - start < 2 || start < lastEnd || (start == 0 && end - start == 2 && EnglishWords.Contains(view.Lower[0])))
            {
                continue;
            }

            // a name of the tagger's that is the whole span keeps its type ("Russian Federation", a place)
            if (end == i + 1 && NerTags.IsBegin(tags[start]) && NerTags.RunEnd(tags, start) == end)
            {
                continue;
            }

            // the right edge must not cut a name of the tagger's, unless the next official name starts there
            if (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end]) && !_institutionHeads.Contains(words[end]))
            {
                continue;
            }

            SetName(tags, start, end, Org);
            lastEnd = end;
            i = end - 1;
        }
    }

    /// <summary>
    /// A name of the tagger's typed organisation that runs one word past an institution head word ("Orlen Trade Department
    /// Guaranty", "Harbour Ministry Tarvik"), where that word is a lower-case English word written with a capital or a
    /// listed country or place, ends at the head; a place word after it becomes a place of its own.
    /// </summary>
    public static void TrailingWordsOfInstitutions(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 1; i + 1 < n; i++)
        {
            if (tags[i] != Org + 1 || tags[i + 1] != Org + 1 || (i + 2 < n && tags[i + 2] == Org + 1)
                || !_trimHeads.Contains(words[i]) || words[i + 1].Length < 2 || !char.IsUpper(words[i + 1][0]))
            {
                continue;
            }

            if ((view.GazBegin[i + 1] & (GazetteerCategory.Country | GazetteerCategory.Place)) != 0 && (view.GazInside[i + 1] & (GazetteerCategory.Country | GazetteerCategory.Place)) == 0)
            {
                tags[i + 1] = Loc;
            }
            else if (EnglishWords.Contains(view.Lower[i + 1]) && !_institutionHeads.Contains(words[i + 1]) && !_venueHeads.Contains(words[i + 1]))
            {
                tags[i + 1] = 0;
            }
        }
    }

    /// <summary>
    /// "St." or "St" before a one-word person the tagger found is a place named after a saint ("St. Orlen", a town or
    /// district), in an ordinary sentence: the two words are one place.
    /// </summary>
    public static void SaintPlaces(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (view.Case != 0 || NameRules.HeadlineCased(words))
        {
            return;
        }

        for (var i = 1; i < n; i++)
        {
            if (tags[i] == Per && tags[i - 1] == 0 && words[i - 1] is "St." or "St" && (i + 1 >= n || tags[i + 1] != Per + 1))
            {
                tags[i - 1] = Loc;
                tags[i] = Loc + 1;
            }
        }
    }

    // the heads after which a trailing word is cut (names rarely go on past them without "of")
    private static readonly FrozenSet<string> _trimHeads = new[] { "Department", "Ministry", "Corporation", "Committee", "Council" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// In an ordinary sentence, one to three capitalised words and a building word that ends the name ("Hall", "Museum",
    /// "Station", "Bridge" ...: <see cref="_venueHeads"/>; no capitalised word after it) are one place ("Velmora City
    /// Hall", "Tarvik Space Station"); the tagger's names lying in it are replaced. A leading function word ("The") stays
    /// outside, and so does a name of the tagger's crossing the left edge (then nothing is changed).
    /// </summary>
    public static void VenueNames(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (view.Case != 0 || n < 2 || NameRules.HeadlineCased(words))
        {
            return;
        }

        for (var i = 1; i < n; i++)
        {
            if (!_venueHeads.Contains(words[i]) || (i + 1 < n && IsNamePart(words[i + 1])))
            {
                continue;
            }

            var start = i;
            while (start > 0 && i - start < 3 && IsNamePart(words[start - 1]) && !_leadingFunctionWords.Contains(words[start - 1]))
            {
                start--;
            }

            if (start == i || (tags[start] != 0 && !NerTags.IsBegin(tags[start])) || (view.GazBegin[start] & (GazetteerCategory.Club | GazetteerCategory.Organization)) != 0)
            {
                continue;
            }

            if (i + 1 < n && tags[i + 1] != 0 && !NerTags.IsBegin(tags[i + 1]))
            {
                continue;
            }

            SetName(tags, start, i + 1, Loc);
        }
    }

    /// <summary>
    /// An untagged acronym of three to eight capitals (not a listed non-organisation acronym such as "CEO") that spells the initials of the capitalised words of an organisation or place the document names
    /// ("VPA" and "Velin Port Authority"; "of", "and", "the", "for" ... skipped) is that name, with its type, wherever it
    /// stands in the document.
    /// </summary>
    public static void Initialisms(NerFeatures.SentenceView[] views, int[][] tags)
    {
        Dictionary<string, int>? initials = null;
        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            var words = views[s].Words;
            for (var b = NerTags.NextBegin(t, 0); b < t.Length; b = NerTags.NextBegin(t, b + 1))
            {
                var type = NerTags.TypeOf(t[b]);
                if (type == 1)
                {
                    continue;
                }

                var e = NerTags.RunEnd(t, b);
                var key = InitialsOf(words, b, e);
                if (key is not null)
                {
                    initials ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    initials.TryAdd(key, type == 2 ? Org : Loc);
                }
            }
        }

        if (initials is null)
        {
            return;
        }

        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            var words = views[s].Words;
            for (var i = 0; i < words.Length; i++)
            {
                if (t[i] == 0 && IsLongAcronym(words[i]) && !NameRules.IsNotOrgAcronym(words[i])
                    && initials.TryGetValue(words[i], out var type) && (i + 1 >= words.Length || t[i + 1] == 0 || NerTags.IsBegin(t[i + 1])))
                {
                    t[i] = type;
                }
            }
        }
    }

    // three to eight upper-case ASCII letters ("VPA", "GNOFHAC"; "&" inside allowed)
    private static bool IsLongAcronym(string w) => w.Length is >= 3 and <= 8 && (NameRules.IsAcronym(w) || (char.IsAsciiLetterUpper(w[0]) && char.IsAsciiLetterUpper(w[^1]) && Chars.All(w, c => char.IsAsciiLetterUpper(c) || c == '&')));

    // the initials of a name's capitalised words ("Velin Port Authority" -> "VPA"), connectors skipped; null when a word
    // is neither capitalised nor a connector, or the initials are fewer than three
    private static string? InitialsOf(string[] words, int start, int end)
    {
        if (end - start < 2)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[8];
        var count = 0;
        for (var k = start; k < end; k++)
        {
            var w = words[k];
            if (_acronymConnectors.Contains(w) || w is "-" or "The")
            {
                continue;
            }

            if (w.Length < 2 || !char.IsAsciiLetterUpper(w[0]) || count == buffer.Length)
            {
                return null;
            }

            buffer[count++] = w[0];
        }

        return count >= 3 ? new string(buffer[..count]) : null;
    }

    // a capitalised word of an official name after its head: no head word of its own, no hyphenated word ("E-mail")
    private static bool IsOfficialNamePart(string w) => IsNamePart(w) && !_institutionHeads.Contains(w) && !w.Contains('-');

    // a capitalised word of a name: a capital letter first and some letter after it ("Urban", "U.S.", "McKee")
    private static bool IsNamePart(string w) => w.Length > 1 && char.IsUpper(w[0]) && Chars.Any(w, char.IsLetter);

    // tags [start, end) as one name of type tag (B then I); a name of the tagger's continuing after end starts anew
    private static void SetName(int[] tags, int start, int end, int tag)
    {
        for (var k = start; k < end; k++)
        {
            tags[k] = k == start ? tag : tag + 1;
        }

        if (end < tags.Length && tags[end] != 0 && !NerTags.IsBegin(tags[end]))
        {
            tags[end]--;
        }
    }
}
