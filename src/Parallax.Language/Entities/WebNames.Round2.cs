using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Session-7 round-2 rules after the tagger for web text (docs/language.md, "Session 7, round 2"): listed towns the tagger
/// missed, and common English words the tagger made a lone person. Stateless and thread-safe.
/// </summary>
internal static partial class WebNames
{
    /// <summary>
    /// An exact match of the towns list (<see cref="Gazetteer.Towns"/>) written capitalised and standing alone (no
    /// capitalised word right before or after it, so "Denton Police Department" is left to the organisation rules) is a
    /// place when the tagger left it untagged or, for one word, made it a lone person. One-word matches that are common
    /// English words or listed given names are left alone, and so is a sentence-initial word also used in lower case.
    /// Not in headline-cased sentences.
    /// </summary>
    public static void ListedTowns(NerFeatures.SentenceView view, int[] tags, IReadOnlyDictionary<string, byte> lowerLexicon)
    {
        var words = view.Words;
        var n = words.Length;
        if (n == 0 || NameRules.HeadlineCased(words))
        {
            return;
        }

        var (begin, inside) = Gazetteer.Towns.MatchRun(words, 0, n);
        for (var i = 0; i < n; i++)
        {
            if ((begin[i] & GazetteerCategory.Place) == 0 || words[i].Length < 2)
            {
                continue;
            }

            var end = i + 1;
            while (end < n && (inside[end] & GazetteerCategory.Place) != 0 && (begin[end] & GazetteerCategory.Place) == 0)
            {
                end++;
            }

            if (!char.IsUpper(words[i][0]))
            {
                continue;
            }

            var one = end - i == 1;
            if (one && (EnglishWords.Contains(view.Lower[i]) || (view.GazBegin[i] & GazetteerCategory.GivenName) != 0))
            {
                continue;
            }

            if ((i == 0 && lowerLexicon.ContainsKey(view.Lower[i])) || (i > 0 && IsCapitalisedName(words[i - 1]))
                || (end < n && IsCapitalisedName(words[end])))
            {
                continue;
            }

            var untagged = true;
            for (var k = i; k < end; k++)
            {
                untagged &= tags[k] == 0;
            }

            // a lone one-word person the tagger guessed ("Fresno" tagged PER) when the word is no given name
            var lonePerson = one && tags[i] == Per && (end >= n || tags[end] != Per + 1);
            if ((!untagged && !lonePerson) || (end < n && tags[end] != 0 && !NerTags.IsBegin(tags[end])))
            {
                continue;
            }

            for (var k = i; k < end; k++)
            {
                tags[k] = k == i ? Loc : Loc + 1;
            }

            i = end - 1;
        }
    }

    private static readonly FrozenSet<string> _personContext = new[]
    {
        "said", "says", "told", "added", "asked", "wrote", "replied", "explained", "argued", "noted", "'s", "\u2019s",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A lone one-word person that is a common English word written capitalised where the capital says nothing (first word
    /// of the sentence: "Cheers", "Crude - oil prices"; or before another capitalised word: "our Annual Walk") is no name
    /// when nothing in the document speaks for a person: it is not a listed given name, no title stands before it, no
    /// speech verb or possessive follows it, and the document tags the word as a person nowhere else (a surname such as
    /// "Griffin" said again and again stays). A lone surname in running text ("the Bush administration") is kept.
    /// </summary>
    public static void CommonWordPersons(NerFeatures.SentenceView[] views, int[][] tags)
    {
        var personCount = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            for (var i = 0; i < t.Length; i++)
            {
                if (NerTags.IsBegin(t[i]) && NerTags.TypeOf(t[i]) == 1)
                {
                    for (var k = i; k < NerTags.RunEnd(t, i); k++)
                    {
                        personCount[views[s].Lower[k]] = personCount.GetValueOrDefault(views[s].Lower[k]) + 1;
                    }
                }
            }
        }

        for (var s = 0; s < views.Length; s++)
        {
            var v = views[s];
            var t = tags[s];
            for (var i = 0; i < t.Length; i++)
            {
                if (t[i] != Per || (i + 1 < t.Length && t[i + 1] == Per + 1))
                {
                    continue;
                }

                var w = v.Words[i];
                if (w.Length < 3 || !char.IsUpper(w[0]) || !Chars.All(w, char.IsLower, 1) || !EnglishWords.Contains(v.Lower[i])
                    || (v.GazBegin[i] & GazetteerCategory.GivenName) != 0 || personCount.GetValueOrDefault(v.Lower[i]) > 1)
                {
                    continue;
                }

                if (i > 0 && ((v.GazBegin[i - 1] & GazetteerCategory.Title) != 0 || Labels.LabelLexicon.TitleHeads.Contains(Labels.LabelLexicon.Fold(v.Words[i - 1]))))
                {
                    continue;
                }

                if (i + 1 < t.Length && _personContext.Contains(v.Lower[i + 1]))
                {
                    continue;
                }

                // only where a capital says nothing about a name: the sentence's first word ("Cheers", "Crude - oil
                // prices") or a word of a title-case phrase ("Annual Walk"); a lone surname in running text ("the Bush
                // administration", "Trump judges") stays a person
                var initial = true;
                for (var k = 0; k < i && initial; k++)
                {
                    initial = !Chars.Any(v.Words[k], char.IsLetter);
                }

                var titlePhrase = i + 1 < t.Length && v.Words[i + 1].Length > 1 && char.IsUpper(v.Words[i + 1][0]);
                if (!initial && !titlePhrase)
                {
                    continue;
                }

                t[i] = 0;
            }
        }
    }

    private static bool IsCapitalisedName(string w) => w.Length > 1 && char.IsUpper(w[0]);
}
