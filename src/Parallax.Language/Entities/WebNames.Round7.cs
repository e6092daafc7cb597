using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-11 rules after the tagger for web text (docs/language.md, "Session 11"): an unknown one-word name the tagger
/// left untagged is a place when a place preposition stands before it ("in Tarvik !", "at Velmora .", "the city of
/// Orlen ,") or when it is coordinated with a place of a sentence that names a listed place ("Velin and Tarvik").
/// Chosen on the UNER English-EWT 5-fold held-out figure. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    // the words before a lone unknown name that make it a place: the session-8 place prepositions and "at" (web reviews:
    // "we stayed at Velmora", a venue, which UNER tags LOC)
    private static readonly FrozenSet<string> _unknownPlacePrepositions = _placePrepositions.Append("at").ToFrozenSet(StringComparer.Ordinal);

    // "the city of Orlen": the head nouns before "of"
    private static readonly FrozenSet<string> _settlementNouns = new[]
    {
        "city", "town", "village", "suburb", "province", "district", "region", "county", "state", "capital",
    }.ToFrozenSet(StringComparer.Ordinal);

    // capitalised words that are no names but are not in the lower-case English word list: months, days, holidays
    private static readonly FrozenSet<string> _calendarWords = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
        "thanksgiving", "halloween", "ramadan", "hanukkah", "diwali", "passover",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// In an ordinary (mixed-case, not headline-cased) sentence, an untagged unknown word (<see cref="IsUnknownName"/>:
    /// "Tarvik", not "Bridge", "Maria", "Spanish" or "May") is a place (1) right after a place preposition written in lower
    /// case ("in", "near", "at", "outside" ...: <see cref="_unknownPlacePrepositions"/>) or after "city of", "town of"
    /// ..., when no capitalised word or number follows it ("at Velmora Books" is another name); or (2) when it is
    /// coordinated (",", "and", "or", ", and") with a place the tagger found, in a sentence where some place begins with
    /// a listed country or place ("Harlow and Tarvik", "Velin , Orlen , and Tarvik" with one of them listed).
    /// </summary>
    public static void UnknownPlaces(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (view.Case != 0 || n < 2 || NameRules.HeadlineCased(words))
        {
            return;
        }

        int listedPlaces = -1; // computed on first need
        for (var i = 1; i < n; i++)
        {
            if (tags[i] != 0 || !IsUnknownName(view, i))
            {
                continue;
            }

            var nextIsName = i + 1 < n && words[i + 1].Length > 0 && (char.IsUpper(words[i + 1][0]) || char.IsDigit(words[i + 1][0]));
            if (nextIsName)
            {
                continue;
            }

            // a lone word: not the last of a capitalised run ("AQ Kahn and Libya")
            var prev = words[i - 1];
            if (prev.Length == 0 || char.IsUpper(prev[0]))
            {
                continue;
            }

            var placed = _unknownPlacePrepositions.Contains(prev)
                || (prev == "of" && i >= 2 && _settlementNouns.Contains(view.Lower[i - 2]));
            if (!placed && CoordinatedWithPlace(view, tags, i))
            {
                if (listedPlaces < 0)
                {
                    listedPlaces = HasListedPlace(view, tags) ? 1 : 0;
                }

                placed = listedPlaces == 1;
            }

            if (placed)
            {
                tags[i] = Loc;
            }
        }
    }

    /// <summary>
    /// A capitalised word of three or more ASCII letters, lower case after the first ("Tarvik"), that is not a lower-case
    /// English word written with a capital ("Bridge", "Please"), a listed given name, demonym, title or organisation word,
    /// nor a month, day or holiday. (Words with other letters are left alone: the English list has a–z only.)
    /// </summary>
    private static bool IsUnknownName(NerFeatures.SentenceView view, int i)
    {
        var w = view.Words[i];
        if (w.Length < 3 || w[0] is < 'A' or > 'Z')
        {
            return false;
        }

        for (var k = 1; k < w.Length; k++)
        {
            if (w[k] is < 'a' or > 'z')
            {
                return false;
            }
        }

        const GazetteerCategory notPlaces = GazetteerCategory.GivenName | GazetteerCategory.Demonym | GazetteerCategory.Title | GazetteerCategory.OrgWord | GazetteerCategory.Organization | GazetteerCategory.Club;
        return (view.GazBegin[i] & notPlaces) == 0 && (view.GazInside[i] & notPlaces) == 0
            && !EnglishWords.Contains(view.Lower[i]) && !_calendarWords.Contains(view.Lower[i]);
    }

    // the word at i is next to a place, with ",", "and", "or" or ", and" / ", or" between them (either side)
    private static bool CoordinatedWithPlace(NerFeatures.SentenceView view, int[] tags, int i)
    {
        var n = tags.Length;
        var b = i - 1;
        if (view.Words[b] is "and" or "or" && b > 0 && view.Words[b - 1] == ",")
        {
            b--;
        }

        if (view.Words[b] is "," or "and" or "or" && b > 0 && tags[b - 1] != 0 && NerTags.TypeOf(tags[b - 1]) == 3)
        {
            return true;
        }

        var a = i + 1;
        if (a < n && view.Words[a] == "," && a + 1 < n && view.Words[a + 1] is "and" or "or")
        {
            a++;
        }

        return a < n && view.Words[a] is "," or "and" or "or" && a + 1 < n && tags[a + 1] == Loc;
    }

    // some place of the sentence begins with a listed country or place
    private static bool HasListedPlace(NerFeatures.SentenceView view, int[] tags)
    {
        for (var k = 0; k < tags.Length; k++)
        {
            if (tags[k] == Loc && (view.GazBegin[k] & (GazetteerCategory.Country | GazetteerCategory.Place)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The display name of an e-mail address ("Email : \" Harlan , Odette \" &lt; odette@example.com &gt;", "From : Odette
    /// Harlan &lt; ..."): the words between an opening quote (or ":" or the sentence start) and "&lt;" followed by an address
    /// with "@" are one person (1) when they are "Surname , Given" in quotes, each part one or two capitalised words the
    /// tagger left untagged or tagged as persons (UNER writes such a name as one span, comma included); or (2) when they
    /// are one to three capitalised words the tagger left untagged, the first a listed given name, an all-capital word or
    /// no lower-case English word ("The Cat Album" stays a title).
    /// </summary>
    public static void MailDisplayNames(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var lt = 1; lt + 1 < n; lt++)
        {
            if (words[lt] != "<" || !words[lt + 1].Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var end = lt - 1; // last word of the name
            var quoted = words[end] == "\"";
            if (quoted)
            {
                end--;
            }

            var start = end + 1;
            while (start > 0 && end - start < 4 && (IsMailNameWord(words[start - 1]) || (quoted && words[start - 1] == ",")))
            {
                start--;
            }

            if (start > end || (quoted ? start == 0 || words[start - 1] != "\"" : start > 0 && words[start - 1] != ":"))
            {
                continue;
            }

            var comma = Array.IndexOf(words, ",", start, end - start + 1);
            if (comma >= 0)
            {
                // "Surname , Given" in quotes: both parts untagged or persons, one or two words each
                if (!quoted || comma == start || comma == end || comma - start > 2 || end - comma > 2 || Array.IndexOf(words, ",", comma + 1, end - comma) >= 0)
                {
                    continue;
                }

                var persons = true;
                for (var k = start; k <= end && persons; k++)
                {
                    persons = k == comma || tags[k] == 0 || NerTags.TypeOf(tags[k]) == 1;
                }

                if (!persons || (end + 1 < n && tags[end + 1] != 0 && !NerTags.IsBegin(tags[end + 1])))
                {
                    continue;
                }

                for (var k = start; k <= end; k++)
                {
                    tags[k] = k == start ? Per : Per + 1;
                }

                continue;
            }

            var untagged = true;
            for (var k = start; k <= end && untagged; k++)
            {
                untagged = tags[k] == 0;
            }

            var first = words[start];
            var nameLike = (view.GazBegin[start] & GazetteerCategory.GivenName) != 0 || Chars.All(first, char.IsUpper) || !EnglishWords.Contains(view.Lower[start]);
            if (!untagged || end - start > 2 || !nameLike)
            {
                continue;
            }

            for (var k = start; k <= end; k++)
            {
                tags[k] = k == start ? Per : Per + 1;
            }
        }
    }

    // a capitalised word of a display name: "Odette", "McGilloway", "TJO"
    private static bool IsMailNameWord(string w) => w.Length > 1 && char.IsUpper(w[0]) && Chars.All(w, c => char.IsLetter(c) || c is '\'' or '.' or '-');

    /// <summary>
    /// An e-mail sign-off written as the sender's initials: a line that is only a word of two or three letters (and
    /// perhaps "." or ","), no lower-case English word ("op", "me"), untagged, spelling the initials of a two- or
    /// three-word person the document names ("zv" with "Zora Velmi" in the signature block) is that person.
    /// </summary>
    public static void SignOffInitials(NerFeatures.SentenceView[] views, int[][] tags)
    {
        HashSet<string>? initials = null;
        for (var s = 0; s < views.Length; s++)
        {
            if (!IsInitialsLine(views[s].Words) || tags[s][0] != 0)
            {
                continue;
            }

            initials ??= PersonInitials(views, tags);
            if (initials.Contains(views[s].Lower[0]))
            {
                tags[s][0] = Per;
            }
        }
    }

    private static bool IsInitialsLine(string[] words) =>
        words.Length is 1 or 2 && (words.Length == 1 || words[1] is "." or ",")
        && words[0].Length is 2 or 3 && Chars.All(words[0], char.IsAsciiLetter) && !EnglishWords.Contains(words[0].ToLowerInvariant());

    // the lower-case initials of the document's persons of two or three words ("Zora Velmi" -> "zv")
    private static HashSet<string> PersonInitials(NerFeatures.SentenceView[] views, int[][] tags)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[3];
        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            for (var i = 0; i < t.Length; i++)
            {
                if (t[i] != Per)
                {
                    continue;
                }

                var end = NerTags.RunEnd(t, i);
                var length = end - i;
                var letters = length is 2 or 3;
                for (var k = i; k < end && letters; k++)
                {
                    letters = views[s].Lower[k].Length > 0 && char.IsAsciiLetter(views[s].Lower[k][0]);
                    if (letters)
                    {
                        buffer[k - i] = views[s].Lower[k][0];
                    }
                }

                if (letters)
                {
                    result.Add(new string(buffer[..length]));
                }
            }
        }

        return result;
    }
}
