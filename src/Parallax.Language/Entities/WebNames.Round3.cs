using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-8 rules after the tagger for web text (docs/language.md, "Session 8"): organisations of the hand-written web
/// organisations list that the tagger missed, "<name> , Inc." companies and "<name> 's <business word>" shops. Chosen on
/// the UNER English-EWT 5-fold held-out figure. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    /// <summary>
    /// An exact match of the web organisations list (<see cref="Gazetteer.WebOrganisations"/>) written capitalised (or
    /// with an inner capital: "eBay") is an organisation when the tagger left it untagged or made exactly it one person. A leading "The" of the entry
    /// stays outside the name. One-word matches must be written all in capitals when they are acronyms, and are left
    /// alone when they are common English words or listed given names, or a sentence-initial word also used in lower
    /// case. Not in headline-cased sentences.
    /// </summary>
    public static void ListedOrganisations(NerFeatures.SentenceView view, int[] tags, IReadOnlyDictionary<string, byte> lowerLexicon)
    {
        var words = view.Words;
        var n = words.Length;
        if (n == 0 || view.Case != 0 || NameRules.HeadlineCased(words))
        {
            return;
        }

        // the view already holds the lower-cased words: match them without lower-casing again
        var begin = new GazetteerCategory[n];
        var inside = new GazetteerCategory[n];
        Gazetteer.WebOrganisations.MatchLower(view.Lower, begin, inside);
        for (var i = 0; i < n; i++)
        {
            if ((begin[i] & GazetteerCategory.Organization) == 0)
            {
                continue;
            }

            var end = i + 1;
            while (end < n && (inside[end] & GazetteerCategory.Organization) != 0)
            {
                end++;
            }

            var start = end - i > 1 && view.Lower[i] == "the" ? i + 1 : i;
            var w = words[start];
            if (w.Length < 2 || !(char.IsUpper(w[0]) || Chars.Any(w, char.IsUpper, 1)))
            {
                continue;
            }

            if (end - start == 1)
            {
                var acronym = Chars.All(w, c => !char.IsLetter(c) || char.IsUpper(c));
                if (acronym != _listedAcronyms.Value.Contains(view.Lower[start]))
                {
                    continue; // "OSHA" only in capitals, and a listed "Wegmans" not when shouted
                }

                if (!acronym && (EnglishWords.Contains(view.Lower[start]) || (view.GazBegin[start] & GazetteerCategory.GivenName) != 0
                    || (start == 0 && lowerLexicon.ContainsKey(view.Lower[start]))))
                {
                    continue;
                }
            }

            // standing alone: a capitalised word right after it, or before it inside the sentence, makes it part of a
            // longer name ("Wegmans Food Markets" is left to the organisation rules)
            if ((i > 1 && IsCapitalisedName(words[i - 1]) && tags[i - 1] == 0) || (end < n && IsCapitalisedName(words[end])))
            {
                continue;
            }

            var untagged = true;
            for (var k = start; k < end; k++)
            {
                untagged &= tags[k] == 0;
            }

            // or the tagger made exactly the match one person ("Wegmans" alone tagged PER): a listed company, not a surname
            var lonePerson = tags[start] == Per && NerTags.RunEnd(tags, start) == end;
            if ((!untagged && !lonePerson) || (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end])))
            {
                continue;
            }

            for (var k = start; k < end; k++)
            {
                tags[k] = k == start ? Org : Org + 1;
            }

            i = end - 1;
        }
    }

    // the one-word entries of web-organizations.txt written all in capitals (lower-cased): matched only in capitals
    private static readonly Lazy<FrozenSet<string>> _listedAcronyms = new(
        () => Gazetteer.Entries("web-organizations.txt").Where(e => e.Length > 1 && Chars.All(e, c => char.IsUpper(c) || char.IsDigit(c) || c is '&' or '-'))
            .Select(e => e.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly FrozenSet<string> _corporateSuffixes = new[]
    {
        "Inc", "Inc.", "INC", "INC.", "LLC", "L.L.C.", "Ltd", "Ltd.", "LTD", "LTD.", "Corp", "Corp.", "PLC", "plc", "LLP", "GmbH", "S.A.", "N.V.", "Pty",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Northwind Fabrics , Inc." / "QVX , LLC": a name or a capitalised run, a comma and a corporate suffix are one
    /// organisation, the comma and suffix inside.
    /// </summary>
    public static void CorporateSuffixes(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        for (var i = 2; i < words.Length; i++)
        {
            if (!_corporateSuffixes.Contains(words[i]) || words[i - 1] != "," || (tags[i] != 0 && NerTags.TypeOf(tags[i]) != 2))
            {
                continue;
            }

            var j = i - 2;
            int start;
            if (tags[j] != 0)
            {
                start = j;
                while (start > 0 && !NerTags.IsBegin(tags[start]))
                {
                    start--;
                }
            }
            else
            {
                start = j + 1;
                while (start > 0 && i - start < 6 && tags[start - 1] == 0 && IsCapitalisedName(words[start - 1]))
                {
                    start--;
                }

                if (start == j + 1)
                {
                    continue;
                }
            }

            // a signature line "Dana Reyes Northwind Fabrics , Inc.": a listed given name and the word after it are the
            // writer, the rest the company
            if (j - start >= 2 && (view.GazBegin[start] & GazetteerCategory.GivenName) != 0)
            {
                tags[start] = Per;
                tags[start + 1] = Per + 1;
                start += 2;
            }

            for (var k = start; k <= i; k++)
            {
                tags[k] = k == start ? Org : Org + 1;
            }

            if (i + 1 < words.Length && tags[i + 1] != 0 && !NerTags.IsBegin(tags[i + 1]))
            {
                tags[i + 1] = tags[i + 1] % 2 == 0 ? tags[i + 1] - 1 : tags[i + 1];
            }
        }
    }

    private static readonly FrozenSet<string> _businessHeads = new[]
    {
        "Pizza", "Pizzeria", "Grill", "Diner", "Cafe", "Café", "Bakery", "Deli", "Restaurant", "Bar", "Pub", "Tavern", "Bistro",
        "Kitchen", "Steakhouse", "BBQ", "Barbecue", "Burgers", "Karate", "Salon", "Spa", "Auto", "Automotive", "Garage", "Motors",
        "Tire", "Tires", "Repair", "Plumbing", "Cleaners", "Shop", "Store", "Market", "Hardware", "Furniture", "Jewelers",
        "Jewellers", "Florist", "Flowers", "Dental", "Clinic", "Pharmacy", "Studio", "Gym", "Fitness", "Insurance", "Realty",
        "Books", "Boutique", "Landscaping", "Construction", "Roofing", "Towing", "Moving", "Catering", "Hotel", "Inn", "Motel",
        "Lounge", "Services", "Tech", "Bagels", "Donuts", "Subs", "Cleaning", "Heating", "Cycles", "Bikes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Dorsey 's Pizza", "Kemp 's Auto Repair": one capitalised word (a name the tagger made a person, or untagged), a
    /// possessive and one to three capitalised words ending in a business head word are one organisation.
    /// </summary>
    public static void PossessiveBusinesses(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 1; i + 1 < n; i++)
        {
            if (words[i] is not ("'s" or "\u2019s") || !IsCapitalisedName(words[i - 1]))
            {
                continue;
            }

            var p = tags[i - 1];
            var loneName = p == 0 || NerTags.IsBegin(p);
            if (!loneName || (p != 0 && NerTags.TypeOf(p) == 3) || (tags[i] != 0 && NerTags.TypeOf(tags[i]) != NerTags.TypeOf(p)))
            {
                continue;
            }

            var end = i + 1;
            while (end < n && end - i <= 3 && IsCapitalisedName(words[end]))
            {
                end++;
            }

            if (end == i + 1 || !_businessHeads.Contains(words[end - 1]))
            {
                continue;
            }

            var free = true;
            for (var k = i + 1; k < end; k++)
            {
                free &= tags[k] == 0 || NerTags.TypeOf(tags[k]) == NerTags.TypeOf(p);
            }

            if (!free || (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end])))
            {
                continue;
            }

            for (var k = i - 1; k < end; k++)
            {
                tags[k] = k == i - 1 ? Org : Org + 1;
            }

            i = end - 1;
        }
    }

    /// <summary>
    /// Storms are no persons: a one-word person right after "Hurricane", "Typhoon", "Cyclone" or "Storm" ("Hurricane
    /// Velma"), and every lone one-word person of the document spelled like it ("Velma packed winds of ..."), is no name.
    /// </summary>
    public static void StormsAreNotPersons(NerFeatures.SentenceView[] views, int[][] tags)
    {
        HashSet<string>? storms = null;
        for (var s = 0; s < views.Length; s++)
        {
            var lower = views[s].Lower;
            for (var i = 1; i < lower.Length; i++)
            {
                if (lower[i - 1] is "hurricane" or "typhoon" or "cyclone" or "storm" && char.IsUpper(views[s].Words[i - 1][0])
                    && tags[s][i] == Per && (i + 1 >= lower.Length || tags[s][i + 1] != Per + 1))
                {
                    (storms ??= new HashSet<string>(StringComparer.Ordinal)).Add(lower[i]);
                }
            }
        }

        if (storms is null)
        {
            return;
        }

        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            for (var i = 0; i < t.Length; i++)
            {
                if (t[i] == Per && (i + 1 >= t.Length || t[i + 1] != Per + 1) && storms.Contains(views[s].Lower[i]))
                {
                    t[i] = 0;
                }
            }
        }
    }
}
