using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Document-level rules over the tag arrays of one document (<see cref="EntityRecognizer.TagWords"/>): result lines of
/// sports reports ("Crewe 0 Watford 2", "Zemun 4 1 2 1 3 3 5", "CLEVELAND AT TEXAS") name teams, and one name keeps
/// one type within a document (later mentions, short forms and headline copies take the type the document mostly
/// gives that name). Pure functions of their input; tags are IOB2 indexes of <see cref="NerTags"/>, edited in place.
/// </summary>
internal static class DocumentNames
{
    private const int Per = 1;
    private const int Org = 3;
    private const int Loc = 5;

    /// <summary>Team names in result lines; returns, per sentence, which tokens the rule set (for <see cref="Harmonize"/>'s vote).</summary>
    public static bool[][] ResultLines(IReadOnlyList<IReadOnlyList<string>> sentences, int[][] tags)
    {
        var set = new bool[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            var t = tags[s];
            set[s] = new bool[words.Count];
            var n = words.Count;
            if (n < 2)
            {
                continue;
            }

            var numbers = 0;
            for (var k = 0; k < words.Count; k++)
            {
                var w = words[k];
                if (w.Length > 0 && (char.IsDigit(w[0]) || (w[0] == '.' && w.Length > 1 && char.IsDigit(w[1]))))
                {
                    numbers++;
                }
            }

            // "CLEVELAND AT TEXAS", "Kent v Surrey": a whole line of two capitalised runs around at / v / vs
            var versus = -1;
            for (var k = 0; k < n && numbers == 0; k++)
            {
                if (words[k] is "AT" or "v" or "vs" or "vs." or "V")
                {
                    versus = k;
                    break;
                }
            }

            if (numbers == 0 && versus > 0 && versus < n - 1 && AllCapitalised(words, 0, versus) && AllCapitalised(words, versus + 1, n))
            {
                Team(words, t, set[s], 0, versus);
                Team(words, t, set[s], versus + 1, n);
                if (words[versus] == "AT")
                {
                    // "BOSTON AT OAKLAND": the visitors, then the venue (a place)
                    for (var k = versus + 1; k < n; k++)
                    {
                        t[k] = k == versus + 1 ? Loc : Loc + 1;
                    }
                }

                continue;
            }

            if (numbers < 2 || numbers * 4 < n)
            {
                continue;
            }

            var i = 0;
            var depth = 0;
            while (i < n)
            {
                if (!IsCapitalised(words[i]))
                {
                    depth += words[i] == "(" ? 1 : words[i] == ")" ? -1 : 0;
                    i++;
                    continue;
                }

                var end = i + 1;
                while (end < n && (IsCapitalised(words[end]) || (words[end] == "(" && end + 2 < n && words[end + 2] == ")" && IsCapitalised(words[end + 1]))))
                {
                    end += words[end] == "(" ? 3 : 1;
                }

                // a team opens the line ("Crewe 0 Watford 2"), follows a venue or the other team's score outside
                // parentheses ("Hove : Sussex 363 , Lancashire 197-8"), or follows a score ("Atlanta 6 CHICAGO 5")
                var startsLine = i == 0 || (i == 1 && IsRank(words[0])) || (depth == 0 && words[i - 1] is ":" or "," or ";");
                var afterScore = i > 0 && IsScore(words[i - 1]);
                if (end < n && IsScore(words[end]) && (startsLine || afterScore) && !(IsRank(words[0]) && i == 1 && end - i >= 2))
                {
                    Team(words, t, set[s], i, end);
                }

                i = end;
            }
        }

        return set;
    }

    private static bool IsRank(string w) => w.Length >= 2 && w[^1] == '.' && Chars.All(w[..^1], char.IsDigit);

    /// <summary>A score or standing figure: "3", "429-7", ".403"; not four or more bare digits ("48604", "1996").</summary>
    private static bool IsScore(string w)
    {
        if (w.Length == 0)
        {
            return false;
        }

        var hyphens = 0;
        var digits = 0;
        foreach (var c in w)
        {
            if (char.IsDigit(c))
            {
                digits++;
            }
            else if (c == '-')
            {
                hyphens++;
            }
            else if (c != '.' && c != '/')
            {
                return false;
            }
        }

        // four or more bare digits are a house number, a postal code or a year, never a score ("Saginaw , MI 48604")
        return digits > 0 && hyphens <= 1 && char.IsAsciiDigit(w[^1]) && (char.IsAsciiDigit(w[0]) || w[0] == '.')
            && !(digits >= 4 && digits == w.Length);
    }

    private static bool IsCapitalised(string w) => w.Length > 0 && char.IsUpper(w[0]) && !(w.Length == 2 && w[1] == '.');

    private static bool AllCapitalised(IReadOnlyList<string> words, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!IsCapitalised(words[k]))
            {
                return false;
            }
        }

        return to > from && to - from <= 4;
    }

    /// <summary>Tokens [from, to) name a team: a country is a national side (LOC, as newswire corpora tag it), anything else a club (ORG); a multi-word person name the tagger found is left alone (golf and athletics tables) unless it ends in an organisation word ("Harwick Athletic").</summary>
    private static void Team(IReadOnlyList<string> words, int[] tags, bool[] set, int from, int to)
    {
        if (tags[from] == Per && to - from >= 2 && Enumerable.Range(from + 1, to - from - 1).All(k => tags[k] == Per + 1)
            && (Gazetteer.Default.Categories(words[to - 1]) & GazetteerCategory.OrgWord) == 0)
        {
            return;
        }

        if (from > 0 && tags[from] != 0 && !NerTags.IsBegin(tags[from]))
        {
            return; // part of a longer name
        }

        var key = string.Join(' ', Enumerable.Range(from, to - from).Select(k => words[k].ToLowerInvariant()));
        var type = (Gazetteer.Default.Categories(key) & GazetteerCategory.Country) != 0 && !key.Contains(' ', StringComparison.Ordinal) ? Loc
            : IsCountryRun(words, from, to) ? Loc : Org;
        for (var k = from; k < to; k++)
        {
            tags[k] = k == from ? type : type + 1;
            set[k] = true;
        }

        if (to < tags.Length && tags[to] != 0 && !NerTags.IsBegin(tags[to]))
        {
            tags[to] = NerTags.TypeOf(tags[to]) * 2 - 1;
        }
    }

    private static bool IsCountryRun(IReadOnlyList<string> words, int from, int to)
    {
        var (begin, inside) = Gazetteer.Default.MatchRun(words, from, to);
        if ((begin[0] & GazetteerCategory.Country) == 0)
        {
            return false;
        }

        for (var k = 1; k < inside.Length; k++)
        {
            if ((inside[k] & GazetteerCategory.Country) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One name, one type per document: every name (its words, case-folded) gets the type most of its mentions have
    /// (mentions in ordinary sentences count 1, in upper-case headlines 1/3, team names of result lines 3, and each
    /// multi-word person name counts 1 for PER on its last word and last two words: "Lebed" after "Alexander Lebed"; an
    /// organisation name ending in an organisation word counts 3 for ORG on the words before it: "Corvane" after "Corvane Lines");
    /// mentions of another type are relabelled when the winning type outweighs theirs, and a maximal
    /// run of capitalised words left untagged that spells such a name is tagged with it (not a lone sentence-initial
    /// word the model's lower-case lexicon knows).
    /// </summary>
    public static void Harmonize(NerFeatures.SentenceView[] sentences, int[][] tags, bool[][] fromResults, IReadOnlyDictionary<string, byte> lowerLexicon)
    {
        var votes = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var cases = new int[sentences.Length];
        for (var s = 0; s < sentences.Length; s++)
        {
            var words = sentences[s].Words;
            var lower = sentences[s].Lower;
            cases[s] = sentences[s].Case;
            foreach (var (from, to) in Spans(tags[s]))
            {
                var type = NerTags.TypeOf(tags[s][from]);
                var key = Key(lower, from, to);
                var weight = fromResults[s][from] ? 3f : cases[s] == 1 ? 1f / 3 : 1f;
                Vote(votes, key, type, weight);
                // "Corvane" after "Corvane Lines": an organisation named by its head words plus an organisation word
                if (type == 2 && to - from >= 2 && cases[s] != 1 && (Gazetteer.Default.Categories(words[to - 1]) & GazetteerCategory.OrgWord) != 0
                    && IsWord(words[to - 2]) && char.IsUpper(words[to - 2][0]))
                {
                    Vote(votes, Key(lower, from, to - 1), 2, 3f);
                }

                if (type == 1 && to - from >= 2 && cases[s] != 1 && IsWord(words[to - 1]))
                {
                    Vote(votes, Key(lower, to - 1, to), 1, 1f);
                    if (to - from >= 3)
                    {
                        Vote(votes, Key(lower, to - 2, to), 1, 1f);
                    }
                }
            }
        }

        if (votes.Count == 0)
        {
            return;
        }

        for (var s = 0; s < sentences.Length; s++)
        {
            var words = sentences[s].Words;
            var lower = sentences[s].Lower;
            var t = tags[s];
            foreach (var (from, to) in Spans(t))
            {
                if (fromResults[s][from] || !votes.TryGetValue(Key(lower, from, to), out var v))
                {
                    continue;
                }

                var type = NerTags.TypeOf(t[from]);
                var best = Best(v);
                if (best != type && v[best] > v[type])
                {
                    for (var k = from; k < to; k++)
                    {
                        t[k] = k == from ? best * 2 - 1 : best * 2;
                    }
                }
            }

            // untagged maximal capitalised runs
            var i = 0;
            while (i < words.Length)
            {
                if (!IsWord(words[i]) || !char.IsUpper(words[i][0]))
                {
                    i++;
                    continue;
                }

                var end = i + 1;
                while (end < words.Length && IsWord(words[end]) && char.IsUpper(words[end][0]))
                {
                    end++;
                }

                var untagged = true;
                for (var k = i; k < end; k++)
                {
                    untagged &= t[k] == 0;
                }

                if (untagged && (end < words.Length && t[end] != 0 && !NerTags.IsBegin(t[end])) is false
                    && votes.TryGetValue(Key(lower, i, end), out var v)
                    && !(i == 0 && end == 1 && cases[s] != 1 && lowerLexicon.ContainsKey(lower[0])))
                {
                    var best = Best(v);
                    if (v[best] >= 1f)
                    {
                        for (var k = i; k < end; k++)
                        {
                            t[k] = k == i ? best * 2 - 1 : best * 2;
                        }
                    }
                }

                i = end;
            }
        }
    }

    private static bool IsWord(string w) => w.Length > 1 && char.IsLetter(w[0]);

    private static int Best(float[] v)
    {
        var best = 1;
        for (var k = 2; k <= 3; k++)
        {
            if (v[k] > v[best])
            {
                best = k;
            }
        }

        return best;
    }

    private static void Vote(Dictionary<string, float[]> votes, string key, int type, float weight)
    {
        if (!votes.TryGetValue(key, out var v))
        {
            v = new float[4];
            votes[key] = v;
        }

        v[type] += weight;
    }

    private static string Key(string[] words, int from, int to) =>
        to - from == 1 ? words[from] : string.Join(' ', words, from, to - from);

    private static IEnumerable<(int From, int To)> Spans(int[] tags)
    {
        var i = 0;
        while (i < tags.Length)
        {
            if (tags[i] == 0)
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < tags.Length && tags[end] == (NerTags.IsBegin(tags[i]) ? tags[i] + 1 : tags[i]))
            {
                end++;
            }

            yield return (i, end);
            i = end;
        }
    }
}
