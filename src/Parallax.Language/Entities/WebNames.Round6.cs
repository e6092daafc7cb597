using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-10 rules after the tagger for web text (docs/language.md, "Session 10"): places written as a US state
/// postal code or a common city short form after a place preposition ("in SF ?", "the state of NY but", "go to LA
/// after"). Chosen on the UNER English-EWT 5-fold held-out figure. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    /// <summary>
    /// City short forms of web text (hand-written, general knowledge): San Francisco, Los Angeles, New York City,
    /// Washington DC; the state codes of <see cref="_stateCodes"/> count too, except those written like an English word
    /// or a common abbreviation of something else (IN, OR, ME, OK, HI, ID, PA, MA, MD, MS, DE, CO, AL, MT, NE, SC).
    /// </summary>
    private static readonly FrozenSet<string> _placeShortForms = _stateCodes
        .Except(["IN", "OR", "ME", "OK", "HI", "ID", "PA", "MA", "MD", "MS", "DE", "CO", "AL", "MT", "NE", "SC"])
        .Concat(["SF", "NYC"])
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> _shortFormPrepositions = new[]
    {
        "in", "to", "from", "of", "near", "around", "outside", "across", "throughout", "visit", "visiting", "via",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// An untagged short form of a place (<see cref="_placeShortForms"/>: "SF", "LA", "NY", "KS") right after a place
    /// preposition ("in", "to", "from", "of", "near" ...) in an ordinary (mixed-case) sentence is a place, when no
    /// capitalised word follows it ("LA Times", "NY Post" are other names) and it is not followed by a number ("to CA 95"
    /// is a road).
    /// </summary>
    public static void PlaceShortForms(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (view.Case != 0 || n < 2)
        {
            return;
        }

        for (var i = 1; i < n; i++)
        {
            if (tags[i] != 0 || !_placeShortForms.Contains(words[i]) || !_shortFormPrepositions.Contains(view.Lower[i - 1]))
            {
                continue;
            }

            if (i + 1 < n && words[i + 1].Length > 0 && (char.IsUpper(words[i + 1][0]) || char.IsDigit(words[i + 1][0])))
            {
                continue;
            }

            tags[i] = Loc;
        }
    }

    /// <summary>
    /// Head words of small-business names that are no place one goes to (hand-written, general knowledge: trades,
    /// transport, finance, manufacturing, retail lines). Venue words ("Restaurant", "Pizza", "Hotel", "Mall", "Salon")
    /// are left out on purpose: UNER types a venue ORG in some sentences and LOC in others (session 6), and so are
    /// generic words written capitalised in review titles ("Service", "Transportation", "Glass").
    /// </summary>
    private static readonly FrozenSet<string> _businessWords = new[]
    {
        "Futures", "Roadways", "Transport", "Trucking", "Freight", "Logistics", "Couriers", "Movers", "Towing", "Fabrics",
        "Textiles", "Plumbing", "Roofing", "Landscaping", "Excavating", "Paving", "Contractors", "Builders", "Construction",
        "Consulting", "Consultants", "Accounting", "Bookkeeping", "Lending", "Mortgage", "Investments", "Advisors", "Realty",
        "Discount", "Wholesale", "Distributors", "Imports", "Exports", "Trading", "Manufacturing", "Machining", "Fabrication",
        "Plastics", "Chemicals", "Gases", "Printing", "Graphics", "Signs", "Marketing", "Advertising", "Productions",
        "Photography", "Electric", "Electrical", "Heating", "Plumbers", "Electricians", "Upholstery", "Flooring", "Cabinets",
        "Appliances", "Tires", "Collision", "Automotive", "Detailing", "Cleaners", "Janitorial", "Exterminating", "Staffing",
        "Software", "Solutions", "Wireless", "Computers", "Jewelers", "Florists", "Kennels", "Nurseries", "Apparel",
        "Outfitters", "Rentals", "Storage", "Insurance",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// One to three capitalised words and a small-business head word (<see cref="_businessWords"/>: "Carr Futures",
    /// "Ashdown Horse Transport", "Pets Discount") are one organisation, in an ordinary sentence (not a headline-cased
    /// line), when the head word is untagged and no capitalised word follows it, and the words before it are untagged or
    /// one person or place name the tagger found there (a company named after its owner or town).
    /// </summary>
    public static void BusinessWordNames(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (view.Case != 0 || n < 2 || NameRules.HeadlineCased(words))
        {
            return;
        }

        for (var i = 1; i < n; i++)
        {
            if (tags[i] != 0 || !_businessWords.Contains(words[i]) || (i + 1 < n && words[i + 1].Length > 0 && char.IsUpper(words[i + 1][0])))
            {
                continue;
            }

            var start = i;
            while (start > 0 && i - start < 3 && IsCapitalisedWord(words[start - 1]))
            {
                start--;
            }

            while (start < i && _runOpeners.Contains(view.Lower[start]))
            {
                start++;
            }

            // the tagger's names in the run: none, or one PER/LOC name lying inside it
            var names = 0;
            var ok = start < i && (tags[start] == 0 || NerTags.IsBegin(tags[start]));
            for (var k = start; k < i && ok; k++)
            {
                if (tags[k] == 0)
                {
                    continue;
                }

                ok = NerTags.TypeOf(tags[k]) != 2;
                names += NerTags.IsBegin(tags[k]) ? 1 : 0;
            }

            if (!ok || names > 1)
            {
                continue;
            }

            for (var k = start; k <= i; k++)
            {
                tags[k] = k == start ? Org : Org + 1;
            }
        }
    }

    /// <summary>Function words written capitalised at a sentence start or in a title, never the first word of a business name here.</summary>
    private static readonly FrozenSet<string> _runOpeners = new[]
    {
        "the", "a", "an", "my", "our", "your", "this", "that", "their", "his", "her", "its", "with", "from", "at", "to", "for",
        "by", "and", "or", "in", "on", "of", "i", "we", "you", "try", "call", "use", "used",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsCapitalisedWord(string w) => w.Length > 1 && char.IsUpper(w[0]) && Chars.All(w, c => char.IsLetter(c) || c is '&' or '\'' or '.');
}
