using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-9 rules after the tagger for web text (docs/language.md, "Session 9"): listed names written with their
/// hyphens split off ("Coca - Cola"), shops named by a possessive without its apostrophe ("Dorsey s"), armed forces
/// named after their country ("US Marines"), and capitalised words that are no names in web text: stage directions of
/// transcripts ("( Applause . )") and chat abbreviations ("PS.", "Thx"). Chosen on the UNER English-EWT 5-fold
/// held-out figure. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    /// <summary>
    /// A hyphenated entry of the place or organisation lists written with its hyphens split off, as the English Web
    /// Treebank tokenizes it ("Coca - Cola", "al - Qaida": <see cref="Gazetteer.HyphenSplit"/>), is one name of the
    /// list's type when some word of it is capitalised and the tagger's names lie wholly inside it (a person "Qaida",
    /// or nothing). Not in headline-cased sentences.
    /// </summary>
    public static void HyphenatedListedNames(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        if (n < 3 || Array.IndexOf(words, "-") < 0 || NameRules.HeadlineCased(words))
        {
            return;
        }

        var begin = new GazetteerCategory[n];
        var inside = new GazetteerCategory[n];
        Gazetteer.HyphenSplit.MatchLower(view.Lower, begin, inside);
        for (var i = 0; i < n; i++)
        {
            var cats = begin[i];
            if (cats == 0)
            {
                continue;
            }

            var end = i + 1;
            while (end < n && (inside[end] & cats) != 0)
            {
                end++;
            }

            var capitalised = false;
            for (var k = i; k < end; k++)
            {
                capitalised |= words[k].Length > 0 && char.IsUpper(words[k][0]);
            }

            // the tagger's names must lie inside the match: not begun before it, not running on after it
            if (!capitalised || end - i < 3 || (tags[i] != 0 && !NerTags.IsBegin(tags[i]))
                || (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end])))
            {
                continue;
            }

            var type = (cats & GazetteerCategory.Organization) != 0 ? Org : Loc;
            for (var k = i; k < end; k++)
            {
                tags[k] = k == i ? type : type + 1;
            }

            i = end - 1;
        }
    }

    // words after "<name> s" that show the "s" is a possessive standing for the shop itself ("Dorsey s is ...",
    // "Dorsey s the best"), not the owner of a following noun ("Dana s car")
    private static readonly FrozenSet<string> _afterShop = new[]
    {
        "is", "was", "has", "had", "does", "did", "and", "or", "the", "in", "on", "at", "for", "to", "but", "are", "were",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Web writers drop the apostrophe of a shop's possessive name ("Dorsey s", tokenized as two words): a capitalised word
    /// that is no common English word, standing alone (no name or capitalised unknown word before it: "Thank You Dorsey s"
    /// is fine), the lone word "s" and then
    /// the end, punctuation, a capitalised word or a verb/function word are one name with the "s" inside; followed by
    /// capitalised words ending in a business head word ("Dorsey s Auto Tech") it is an organisation, otherwise of the
    /// tagger's type when it typed the word an organisation or place, else a place (a shop one goes to, as UNER tags it).
    /// </summary>
    public static void ApostropheLessShops(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 0; i + 1 < n; i++)
        {
            if (words[i + 1] != "s" || !IsCapitalisedName(words[i]) || EnglishWords.Contains(view.Lower[i])
                || (i > 0 && IsCapitalisedName(words[i - 1]) && (tags[i - 1] != 0 || !EnglishWords.Contains(view.Lower[i - 1])))
                || Chars.Any(words[i], c => !char.IsLetter(c)))
            {
                continue;
            }

            var t = tags[i];
            if (t != 0 && (!NerTags.IsBegin(t) || NerTags.RunEnd(tags, i) > i + 2))
            {
                continue;
            }

            // the business form: capitalised words after the "s" ending in a business head word
            var end = i + 2;
            while (end < n && end - i <= 5 && IsCapitalisedName(words[end]))
            {
                end++;
            }

            int type;
            if (end > i + 2 && _businessHeads.Contains(words[end - 1]))
            {
                type = Org;
            }
            else
            {
                end = i + 2;
                var next = end < n ? words[end] : "";
                var shopEnd = next.Length == 0 || !char.IsLetterOrDigit(next[0]) || IsCapitalisedName(next) || _afterShop.Contains(next);
                if (!shopEnd)
                {
                    continue;
                }

                type = t != 0 && NerTags.TypeOf(t) is 2 or 3 ? t : Loc;
            }

            // the tagger's names in the span must not run on past it
            if (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end]))
            {
                continue;
            }

            var free = true;
            for (var k = i + 1; k < end; k++)
            {
                free &= tags[k] == 0 || !NerTags.IsBegin(tags[k]);
            }

            if (!free && type != Org)
            {
                continue;
            }

            for (var k = i; k < end; k++)
            {
                tags[k] = k == i ? type : type + 1;
            }

            i = end - 1;
        }
    }

    // the last word of an armed force named after its country ("US Marines", "British Army", "Israeli Air Force")
    private static readonly FrozenSet<string> _forceHeads = new[]
    {
        "Army", "Navy", "Marines", "Force", "Guard", "Corps",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A place name of several words ending in an armed force's head word ("US Marines", "Velinese Army" tagged as one
    /// place) is an organisation.
    /// </summary>
    public static void ArmedForces(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        for (var i = 0; i < words.Length; i++)
        {
            if (tags[i] != Loc)
            {
                continue;
            }

            var end = NerTags.RunEnd(tags, i);
            if (end - i >= 2 && _forceHeads.Contains(words[end - 1]))
            {
                for (var k = i; k < end; k++)
                {
                    tags[k] = k == i ? Org : Org + 1;
                }
            }

            i = end - 1;
        }
    }

    // chat abbreviations and sign-offs written in capitals that the tagger takes for names
    private static readonly FrozenSet<string> _chatWords = new[]
    {
        "ps", "ps.", "p.s.", "pps", "pps.", "thx", "thanx", "tia", "btw", "fyi", "lol", "imo", "imho", "omg", "asap", "aka",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Capitalised words that are no names in web text: a one-word name that is a chat abbreviation ("PS.", "Thx",
    /// "BTW"), or a common English word standing alone in parentheses, as transcripts write stage directions
    /// ("( Applause . )", "( Laughter )"), is no name.
    /// </summary>
    public static void ChatAndStageWords(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = words.Length;
        for (var i = 0; i < n; i++)
        {
            if (!NerTags.IsBegin(tags[i]) || NerTags.RunEnd(tags, i) != i + 1)
            {
                continue;
            }

            var lower = view.Lower[i];
            if (_chatWords.Contains(lower))
            {
                tags[i] = 0;
                continue;
            }

            var close = i + 1 < n && words[i + 1] == "." ? i + 2 : i + 1;
            if (i > 0 && words[i - 1] == "(" && close < n && words[close] == ")" && EnglishWords.Contains(lower)
                && (view.GazBegin[i] & (GazetteerCategory.Country | GazetteerCategory.Place | GazetteerCategory.Organization | GazetteerCategory.Club)) == 0)
            {
                tags[i] = 0;
            }
        }
    }

    /// <summary>
    /// The greeting or signature line of a letter: a sentence made of one capitalised word and a comma ("Tarja ,"), the
    /// word letters only, no common English word ("Thanks ,", "Regards ,") and no listed place or organisation, is a
    /// person's name; so is the same word standing alone on a line elsewhere in the document ("Tarja" under the letter),
    /// or alone on a line when the document tags it a person elsewhere.
    /// </summary>
    public static void SalutationNames(NerFeatures.SentenceView[] views, int[][] tags)
    {
        HashSet<string>? names = null;
        for (var s = 0; s < views.Length; s++)
        {
            var v = views[s];
            if (v.Words.Length == 2 && v.Words[1] == "," && tags[s][0] == 0 && LetterName(v, 0))
            {
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(v.Lower[0]);
            }
            else if (v.Words.Length == 1 && tags[s][0] == Per)
            {
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(v.Lower[0]);
            }
        }

        if (names is null)
        {
            return;
        }

        for (var s = 0; s < views.Length; s++)
        {
            var v = views[s];
            var line = v.Words.Length == 1 || (v.Words.Length == 2 && v.Words[1] == ",");
            if (line && tags[s][0] == 0 && names.Contains(v.Lower[0]) && LetterName(v, 0))
            {
                tags[s][0] = Per;
            }
        }
    }

    private static bool LetterName(NerFeatures.SentenceView v, int i)
    {
        var w = v.Words[i];
        const GazetteerCategory listed = GazetteerCategory.Country | GazetteerCategory.Place | GazetteerCategory.Organization | GazetteerCategory.Club;
        return w.Length >= 2 && char.IsUpper(w[0]) && Chars.All(w, char.IsLetter) && !Chars.All(w, char.IsUpper) && !EnglishWords.Contains(v.Lower[i])
            && (v.GazBegin[i] & listed) == 0;
    }
}
