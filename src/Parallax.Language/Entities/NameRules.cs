using System.Collections.Frozen;
using Parallax.Language.Text;

namespace Parallax.Language.Entities;

/// <summary>
/// Post-tagger name rules of session 4 (docs/language.md, "Entity rules"), run by <see cref="EntityRecognizer.TagWords"/>
/// over the IOB2 tag indexes of one document (<see cref="NerTags"/>), edited in place: event names are not names,
/// initials and listed given names join the person name they precede, cricket scorecard names are persons, an
/// abbreviation in parentheses after an organisation is an organisation, and runs of two or three unknown capitalised
/// words are person names (unknown: not listed, not in the model's lower-case lexicon nor <see cref="EnglishWords"/>). Pure functions of their input, written from general
/// knowledge of how news text writes names; they use only the hand-written gazetteers and the model's lower-case lexicon.
/// </summary>
internal static class NameRules
{
    private const int Per = 1;

    /// <summary>Capitalised words that end the name of an event (a tournament, a festival): such names are neither PER, ORG nor LOC.</summary>
    private static readonly FrozenSet<string> _eventWords = new[]
    {
        "open", "championship", "championships", "games", "cup", "classic", "masters", "trophy", "prix", "olympics",
        "tournament", "marathon", "invitational", "rally", "festival", "series", "bowl", "grand-prix", "tour", "slam",
        "award", "awards", "biennale", "expo", "paralympics",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lower-case particles inside person names ("Joost van der Westhuizen").</summary>
    private static readonly FrozenSet<string> _particles = new[]
    {
        "van", "der", "den", "de", "da", "del", "della", "di", "du", "von", "le", "la", "dos", "das", "bin", "ibn", "al", "el", "ter", "ten", "y",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> _placePrepositions = new[]
    {
        "at", "in", "through", "between", "near", "via", "outside", "across", "around", "towards", "toward", "into", "inside", "along",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised words that begin a place name ("Port Velin", "Fort Worth", "Lake Como", "Mount Kenya").</summary>
    private static readonly FrozenSet<string> _placePrefixes = new[]
    {
        "Port", "Fort", "Lake", "Mount", "Cape", "Puerto", "Porto", "Bahia", "Rio",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const GazetteerCategory NotPersonWords = GazetteerCategory.Country | GazetteerCategory.Place | GazetteerCategory.Organization
        | GazetteerCategory.OrgWord | GazetteerCategory.Demonym | GazetteerCategory.Title | GazetteerCategory.Club;

    /// <summary>
    /// A name that runs on into a capitalised event word ("U.S. Open", "Atlanta Games", "Davis Cup", "Greater Milwaukee
    /// Open") names an event: its tags are cleared. The event word may be inside the tagged span or in the capitalised words
    /// right after it (at most four), never the first word of the run ("Open University" stays).
    /// </summary>
    public static void EventsAreNotNames(IReadOnlyList<string> words, int[] tags)
    {
        var n = tags.Length;
        // each name [i, end): the body leaves i at the index to go on from
        for (var i = NerTags.NextBegin(tags, 0); i < n; i = NerTags.NextBegin(tags, i))
        {
            var end = NerTags.RunEnd(tags, i);

            var runEnd = end;
            while (runEnd < n && runEnd - end < 4 && IsCapitalised(words[runEnd]) && (runEnd == end || tags[runEnd] == 0 || !NerTags.IsBegin(tags[runEnd])))
            {
                runEnd++;
            }

            var isEvent = false;
            for (var k = i + 1; k < runEnd && !isEvent; k++)
            {
                isEvent = IsCapitalised(words[k]) && _eventWords.Contains(words[k].ToLowerInvariant());
            }

            if (isEvent)
            {
                for (var k = i; k < runEnd; k++)
                {
                    tags[k] = 0;
                }

                end = runEnd;
            }

            i = end;
        }
    }

    /// <summary>
    /// Initials ("S.", "J.R.") and listed given names left untagged right before a person name join it ("S. Waugh",
    /// "Asa Carlsson"); initials before one untagged capitalised word that is not a listed place, country or organisation
    /// word, followed by no further capitalised word, make a person name too ("J. Ratcliffe").
    /// </summary>
    public static void InitialsJoinPersons(IReadOnlyList<string> words, int[] tags)
    {
        var n = tags.Length;
        for (var i = n - 2; i >= 0; i--)
        {
            if (tags[i] != 0)
            {
                continue;
            }

            var initial = IsInitial(words[i]) && Gazetteer.Default.Categories(words[i]) == GazetteerCategory.None;
            var given = !initial && IsCapitalised(words[i]) && Gazetteer.Default.Categories(words[i]) is var c
                && (c & GazetteerCategory.GivenName) != 0 && (c & NotPersonWords) == 0;
            if (!initial && !given)
            {
                continue;
            }

            if (tags[i + 1] == Per)
            {
                tags[i] = Per;
                tags[i + 1] = Per + 1;
                continue;
            }

            if (initial && tags[i + 1] == 0 && IsNameLike(words[i + 1]) && (Gazetteer.Default.Categories(words[i + 1]) & NotPersonWords) == 0
                && (i + 2 >= n || !IsCapitalised(words[i + 2])))
            {
                tags[i] = Per;
                tags[i + 1] = Per + 1;
            }
        }
    }

    /// <summary>
    /// Cricket scorecards: a capitalised word after the dismissal letters "c", "b" or "st" ("c Healy b Fleming 44"), in a
    /// line holding a figure, is a player (PER), with an initial before it ("b S. Warne").
    /// </summary>
    public static void ScorecardPlayers(IReadOnlyList<string> words, int[] tags)
    {
        var n = tags.Length;
        var figure = false;
        for (var k = 0; k < words.Count && !figure; k++)
        {
            figure = words[k].Length > 0 && char.IsDigit(words[k][0]);
        }

        if (!figure)
        {
            return;
        }

        for (var i = 0; i + 1 < n; i++)
        {
            if (words[i] is not ("c" or "b" or "st"))
            {
                continue;
            }

            var from = i + 1;
            var to = from;
            if (IsInitial(words[to]) && to + 1 < n && IsNameLike(words[to + 1]))
            {
                to++;
            }

            if (!IsNameLike(words[to]) || (Gazetteer.Default.Categories(words[to]) & NotPersonWords) != 0)
            {
                continue;
            }

            to++;
            if (to < n && IsCapitalised(words[to]) && words[to] != "b")
            {
                continue;
            }

            if (Enumerable.Range(from, to - from).Any(k => tags[k] != 0) || (to < n && tags[to] != 0 && !NerTags.IsBegin(tags[to])))
            {
                continue;
            }

            for (var k = from; k < to; k++)
            {
                tags[k] = k == from ? Per : Per + 1;
            }
        }
    }

    /// <summary>
    /// A maximal run of two or three capitalised name-like words (with lower-case particles inside) that the tagger left
    /// untagged, in an ordinary mixed-case sentence, none of which is a listed country, place, organisation, title or
    /// demonym word, written in lower case in the training text (the model's lower-case lexicon) or anywhere in the
    /// document, is a person name ("Cosmin Contra", "Joost van der Westhuizen"). At the start of a sentence the first word
    /// must be a listed given name.
    /// </summary>
    public static void UnknownNameRuns(NerFeatures.SentenceView[] views, int[][] tags, IReadOnlyDictionary<string, byte> lowerLexicon)
    {
        var seenLower = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in views)
        {
            if (v.Case != 0)
            {
                continue;
            }

            for (var i = 0; i < v.Words.Length; i++)
            {
                if (v.Words[i].Length > 0 && char.IsLower(v.Words[i][0]))
                {
                    seenLower.Add(v.Lower[i]);
                }
            }
        }

        for (var s = 0; s < views.Length; s++)
        {
            var v = views[s];
            if (v.Case != 0)
            {
                continue;
            }

            var words = v.Words;
            var t = tags[s];
            var n = words.Length;
            var i = 0;
            while (i < n)
            {
                if (!IsCapitalised(words[i]))
                {
                    i++;
                    continue;
                }

                var end = i + 1;
                var names = 1;
                while (end < n && (IsCapitalised(words[end]) || (_particles.Contains(words[end]) && end + 1 < n && IsCapitalised(words[end + 1]))))
                {
                    names += IsCapitalised(words[end]) ? 1 : 0;
                    end++;
                }

                var ok = names is 2 or 3;
                for (var k = i; k < end && ok; k++)
                {
                    if (t[k] != 0)
                    {
                        ok = false;
                    }
                    else if (IsCapitalised(words[k]))
                    {
                        ok = IsNameLike(words[k]) && (Gazetteer.Default.Categories(words[k]) & NotPersonWords) == 0
                            && !lowerLexicon.ContainsKey(v.Lower[k]) && !seenLower.Contains(v.Lower[k]);
                    }
                }

                // a listed given name first, or no word of the run a common English word ("Alternate Transporter Imbalance")
                var givenFirst = (Gazetteer.Default.Categories(words[i]) & GazetteerCategory.GivenName) != 0;
                if (ok && !givenFirst)
                {
                    ok = i > 0 && Enumerable.Range(i, end - i).All(k => !IsCapitalised(words[k]) || !EnglishWords.Contains(v.Lower[k]));
                }

                for (var k = i; k < end && ok; k++)
                {
                    ok = !IsCalendarWord(v.Lower[k]);
                }

                // "at Gare Montparnasse", "passing through Pari Chowk": after a preposition of place the run is more likely a place
                if (ok && i > 0 && _placePrepositions.Contains(v.Lower[i - 1]))
                {
                    ok = false;
                }

                if (ok && end < n && t[end] != 0 && !NerTags.IsBegin(t[end]))
                {
                    ok = false;
                }

                if (ok)
                {
                    for (var k = i; k < end; k++)
                    {
                        t[k] = k == i ? Per : Per + 1;
                    }
                }

                i = end;
            }
        }
    }

    /// <summary>
    /// An appositive after a lone unknown word opening an ordinary sentence names a person: "Brevik, a close ally of ...,".
    /// The first word (title case, not listed in the gazetteers as a place, organisation, club, demonym or title, not in the
    /// model's lower-case lexicon, not written in lower case in the document, not a common English word or calendar word)
    /// is untagged and followed by a comma and "a", "an" or "the" and a lower-case word: it becomes PER. The tagger sees
    /// no context for a sentence-initial unknown word but the comma; the appositive is the usual way news text introduces a
    /// person by surname.
    /// </summary>
    public static void AppositiveSubjects(NerFeatures.SentenceView[] views, int[][] tags, IReadOnlyDictionary<string, byte> lowerLexicon)
    {
        for (var s = 0; s < views.Length; s++)
        {
            var v = views[s];
            var t = tags[s];
            if (v.Case != 0 || v.Words.Length < 4 || t[0] != 0 || t[1] != 0 || v.Words[1] != ","
                || v.Lower[2] is not ("a" or "an" or "the") || v.Words[3].Length == 0 || !char.IsLower(v.Words[3][0]))
            {
                continue;
            }

            var w = v.Words[0];
            var lower = v.Lower[0];
            if (IsNameLike(w) && (Gazetteer.Default.Categories(w) & NotPersonWords) == 0 && !lowerLexicon.ContainsKey(lower)
                && !EnglishWords.Contains(lower) && !IsCalendarWord(lower) && !WrittenLower(views, lower))
            {
                t[0] = Per;
            }
        }
    }

    /// <summary>Whether <paramref name="lower"/> is written in lower case in an ordinary sentence of the document.</summary>
    private static bool WrittenLower(NerFeatures.SentenceView[] views, string lower)
    {
        foreach (var v in views)
        {
            for (var i = 0; v.Case == 0 && i < v.Words.Length; i++)
            {
                if (v.Lower[i] == lower && v.Words[i].Length > 0 && char.IsLower(v.Words[i][0]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Sport names that open the headline of a sports report ("CRICKET - ESSEX AND KENT MADE TO SWEAT").</summary>
    private static readonly FrozenSet<string> _sports = new[]
    {
        "soccer", "football", "cricket", "baseball", "basketball", "tennis", "golf", "rugby", "hockey", "athletics", "cycling",
        "boxing", "motorracing", "motor", "racing", "formula", "nfl", "nba", "nhl", "squash", "badminton", "handball", "volleyball",
        "swimming", "skiing", "rowing", "sailing", "snooker", "yachting", "horse", "olympics",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// In a sports report (two or more result lines named teams, or the first sentence opens with a sport: "CRICKET - ..."), a
    /// one-word LOC name that is a listed place but not a country, or a team of the document's result lines, names the
    /// club or team ("Essex need another 148", "homered for Cleveland"): it becomes ORG, except after a preposition of
    /// place ("in Leeds", "at Chicago"), inside parentheses ("At Headingley ( Leeds )") or at the start of a dateline
    /// ("LEEDS 1996-08-30"). Countries stay LOC (national sides are tagged as places in newswire corpora).
    /// </summary>
    public static void SportsTeams(NerFeatures.SentenceView[] views, int[][] tags, bool[][] fromResults)
    {
        var teams = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < views.Length; s++)
        {
            for (var i = 0; i < tags[s].Length; i++)
            {
                if (fromResults[s][i] && tags[s][i] == 3 && (i + 1 >= tags[s].Length || tags[s][i + 1] != 4))
                {
                    teams.Add(views[s].Lower[i]);
                }
            }
        }

        // two or more result lines (one stray "Victoria 2 , Tasmania 3" line in a health report is not enough), or a sport headline
        var sports = fromResults.Count(r => r.Any(x => x)) >= 2
            || (views.Length > 0 && views[0].Words.Length > 2 && _sports.Contains(views[0].Lower[0]) && views[0].Words.Take(4).Contains("-"));
        if (!sports)
        {
            return;
        }

        for (var s = 0; s < views.Length; s++)
        {
            var v = views[s];
            var t = tags[s];
            var n = t.Length;
            var depth = 0;
            for (var i = 0; i < n; i++)
            {
                depth += v.Words[i] == "(" ? 1 : v.Words[i] == ")" ? -1 : 0;
                if (t[i] != 5 || (i + 1 < n && t[i + 1] == 6) || fromResults[s][i] || depth > 0
                    || (i + 1 < n && v.Words[i + 1] is ":" or "("))
                {
                    continue; // "( at Edgbaston , Birmingham )", "Portsmouth : Middlesex 199": venues
                }

                var cats = Gazetteer.Default.Categories(v.Words[i]);
                var team = teams.Contains(v.Lower[i]) || ((cats & GazetteerCategory.Place) != 0 && (cats & GazetteerCategory.Country) == 0);
                if (!team || (i > 0 && (_placePrepositions.Contains(v.Lower[i - 1]) || v.Words[i - 1] == "(" || v.Lower[i - 1] is "of" or "from" or "to"))
                    || (i + 1 < n && v.Words[i + 1] is ")" or "," && i == 0 && n > 2 && char.IsDigit(v.Words[^1][0]))
                    || (i == 0 && n >= 2 && v.Words[1].Length > 4 && char.IsDigit(v.Words[1][0]) && v.Words[1].Contains('-')))
                {
                    continue;
                }

                t[i] = 3;
            }
        }
    }

    /// <summary>Lower-case words that may stand inside a name ("Bank of England", "Trinidad and Tobago", "Ludwig van Beethoven").</summary>
    private static readonly FrozenSet<string> _connectors = new[]
    {
        "of", "and", "for", "the", "on", "in", "upon", "at", "du", "des",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A name does not run on through an ordinary lower-case word or a bracket or comma ("Syria slams Israel" tagged as one
    /// LOC, "the Moscow club", "Philip Walton ( Ireland )"): the span is cut there, the cut words become O, and every
    /// capitalised piece after the cut starts a new name of the same type (a listed country: LOC). Lower-case words of
    /// <see cref="_connectors"/> and person-name particles stay inside when a capitalised word follows them in the span.
    /// Nor does a name begin with such a word when a capitalised word follows it in the span ("spokesperson Petra Lund").
    /// </summary>
    public static void NamesStopAtOrdinaryWords(IReadOnlyList<string> words, int[] tags)
    {
        var n = tags.Length;
        // each name [i, end): the body leaves i at the index to go on from
        for (var i = NerTags.NextBegin(tags, 0); i < n; i = NerTags.NextBegin(tags, i))
        {
            var type = tags[i];
            var end = NerTags.RunEnd(tags, i);

            // nor does it begin with one: "spokesperson Petra Lund" tagged as one PER becomes "Petra Lund"
            if (end - i >= 2 && IsOrdinaryLowerWord(words[i]) && words[i + 1].Length > 0 && char.IsUpper(words[i + 1][0]))
            {
                tags[i] = 0;
                i++;
                tags[i] = type;
            }

            var open = true; // the previous word belongs to a kept piece
            for (var k = i + 1; k < end; k++)
            {
                var keep = !IsCut(words, k, end) && open || (open is false && words[k].Length > 0 && char.IsUpper(words[k][0]));
                if (!keep)
                {
                    tags[k] = 0;
                    open = false;
                    continue;
                }

                if (!open)
                {
                    tags[k] = type; // a new piece begins
                }

                open = true;
            }

            // a cut piece that is exactly a listed country is a place
            if (Enumerable.Range(i, end - i).Any(k => tags[k] == 0))
            {
                var p = i;
                while (p < end)
                {
                    if (tags[p] == 0)
                    {
                        p++;
                        continue;
                    }

                    var q = p + 1;
                    while (q < end && tags[q] == type + 1)
                    {
                        q++;
                    }

                    if (q - p == 1 && (Gazetteer.Default.Categories(words[p]) & GazetteerCategory.Country) != 0)
                    {
                        tags[p] = 5;
                    }

                    p = q;
                }
            }

            i = end;
        }
    }

    /// <summary>
    /// True when word <paramref name="k"/> of a name span ending before <paramref name="end"/> cannot be inside the name:
    /// a bracket, comma or quote; a lower-case common English word that is not a connector or particle (a connector or
    /// particle that no capitalised word follows in the span); a full stop ending the span ("Salomon Bros .").
    /// </summary>
    /// <summary>A lower-case common English word that is neither a connector nor a name particle ("spokesperson", not "van").</summary>
    private static bool IsOrdinaryLowerWord(string w) =>
        w.Length >= 2 && Chars.All(w, char.IsAsciiLetterLower) && !_connectors.Contains(w) && !_particles.Contains(w) && EnglishWords.Contains(w);

    private static bool IsCut(IReadOnlyList<string> words, int k, int end)
    {
        var w = words[k];
        if (w is "(" or ")" or "," or "--" or "\"" or ";" or ":")
        {
            return true;
        }

        if (w == ".")
        {
            return k == end - 1;
        }

        if (w.Length < 2 || !Chars.All(w, char.IsAsciiLetterLower))
        {
            return false;
        }

        if (_connectors.Contains(w) || _particles.Contains(w))
        {
            return !(k + 1 < end && words[k + 1].Length > 0 && (char.IsUpper(words[k + 1][0]) || words[k + 1] == "-" || _particles.Contains(words[k + 1])));
        }

        return EnglishWords.Contains(w);
    }

    /// <summary>
    /// Words that are not names whatever the tagger said: a one-word name that is a weekday ("Thursday"), a month tagged
    /// ORG or LOC ("July"; "June" as a person stays), a month abbreviation ("Oct."); and, in an ordinary mixed-case
    /// sentence, a name made only of lower-case common English words ("hospital", "debates"), and the lower-case words at
    /// the end of a name that begins capitalised ("Velin labour" → "Velin"). Web text that writes names in lower case does
    /// it in all-lower-case sentences, which are left alone.
    /// </summary>
    public static void CommonWordsAreNotNames(NerFeatures.SentenceView view, int[] tags)
    {
        var words = view.Words;
        var n = tags.Length;
        // each name [i, end): the body leaves i at the index to go on from
        for (var i = NerTags.NextBegin(tags, 0); i < n; i = NerTags.NextBegin(tags, i))
        {
            var end = NerTags.RunEnd(tags, i);

            var lower = view.Lower[i];
            var clear = end - i == 1 && (lower is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"
                || (tags[i] != Per && IsCalendarWord(lower))
                || lower is "jan." or "feb." or "mar." or "apr." or "jun." or "jul." or "aug." or "sep." or "sept." or "oct." or "nov." or "dec.");
            if (!clear && view.Case == 0)
            {
                clear = true;
                for (var k = i; k < end && clear; k++)
                {
                    clear = words[k].Length > 0 && Chars.All(words[k], char.IsAsciiLetterLower) && EnglishWords.Contains(words[k]);
                }
            }

            if (clear)
            {
                for (var k = i; k < end; k++)
                {
                    tags[k] = 0;
                }
            }
            else if (view.Case == 0 && end - i >= 2 && IsCapitalised(words[i]))
            {
                // in a mixed-case sentence a name does not end in lower-case words ("the Velin labour court" tagged "Velin labour")
                var last = end;
                while (last - 1 > i && words[last - 1].Length >= 2 && Chars.All(words[last - 1], char.IsAsciiLetterLower))
                {
                    last--;
                }

                for (var k = last; k < end; k++)
                {
                    tags[k] = 0;
                }
            }

            i = end;
        }
    }

    /// <summary>
    /// Datelines: a line that is only a place name and a date ("VANCOUVER 1996-08-31", "Lagos , Nigeria 1996-08-30")
    /// names the place the report was filed from, so its names are LOC whatever the document rules gave them.
    /// </summary>
    public static void Datelines(IReadOnlyList<string> words, int[] tags)
    {
        var n = words.Count;
        if (n < 2 || !IsIsoDate(words[n - 1]) || tags[0] == 0)
        {
            return;
        }

        for (var k = 0; k < n - 1; k++)
        {
            if (words[k] != "," && (tags[k] == 0 || !IsCapitalised(words[k])))
            {
                return;
            }
        }

        for (var k = 0; k < n - 1; k++)
        {
            if (tags[k] != 0)
            {
                tags[k] = NerTags.IsBegin(tags[k]) ? 5 : 6;
            }
        }
    }

    private static bool IsIsoDate(string w) =>
        w.Length == 10 && w[4] == '-' && w[7] == '-' && w.Where((c, k) => k is not (4 or 7)).All(char.IsAsciiDigit);

    /// <summary>Upper-case abbreviations that are not organisations (units, titles, common acronyms of web and news text).</summary>
    private static readonly FrozenSet<string> _notOrgAcronyms = new[]
    {
        "TV", "CEO", "CFO", "COO", "CTO", "GDP", "GNP", "CPI", "PPI", "AIDS", "HIV", "SARS", "DNA", "RNA", "DVD", "CD", "PC", "OK", "ASAP",
        "FYI", "LOL", "IMO", "IMHO", "BTW", "PS", "AM", "PM", "EST", "EDT", "PST", "PDT", "CST", "CDT", "GMT", "UTC", "ID", "IQ", "PR", "HR", "IT",
        "AI", "VAT", "AC", "DC", "USB", "PDF", "FAQ", "ATM", "SUV", "MP", "MPS", "UFO", "VIP", "RSVP", "DJ", "TBA", "NB", "PHD", "MBA", "BA", "MA",
        "BSC", "MSC", "BC", "AD", "CE", "BCE", "KM", "KG", "MPH", "HQ", "IPO", "M&A", "ETA", "POW", "MIA", "RPG", "GPS", "SMS", "PIN", "URL",
        "HTML", "WWW", "API", "CPU", "RAM", "LCD", "LED", "HD", "TBD", "NA", "N/A", "OMG", "WTF", "THX", "PLS", "AKA", "DIY", "ER", "ICU",
        "MRI", "CT", "IV", "ADHD", "PTSD", "UK", "US", "USA", "EU", "UAE", "USSR", "I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
        "XII", "RBI", "ERA", "MVP", "NBA", "NHL", "KO", "TD", "QB", "OT", "PGA", "F1", "GP", "AGM", "EPS", "P/E", "YTD", "Q1", "Q2", "Q3", "Q4",
        "H1", "H2", "FY", "LBW", "NO", "ST", "MR", "MRS", "MS", "DR", "JR", "SR", "ET", "AL", "AT", "ON", "BY", "TO", "OF", "IN", "OR", "AND",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Organisation abbreviations: an untagged upper-case word in parentheses right after an organisation name is its
    /// abbreviation ("Dhaka Stock Exchange ( DSE )"), unless it is a listed non-organisation acronym ("TV", "CEO");
    /// the one-name-one-type rule then carries the type to its other mentions. (Tagging every unknown acronym of a
    /// mixed-case sentence as ORG helped CoNLL dev but lowered held-out UNER, so it is not done.)
    /// </summary>
    public static void Acronyms(NerFeatures.SentenceView[] views, int[][] tags)
    {
        const int org = 3;
        for (var s = 0; s < views.Length; s++)
        {
            var words = views[s].Words;
            var t = tags[s];
            var n = words.Length;
            for (var i = 0; i < n; i++)
            {
                if (t[i] != 0 || !IsAcronym(words[i]) || _notOrgAcronyms.Contains(words[i]))
                {
                    continue;
                }

                var inParens = i >= 2 && i + 1 < n && words[i - 1] == "(" && words[i + 1] == ")" && t[i - 2] != 0 && NerTags.TypeOf(t[i - 2]) == 2;
                if (inParens)
                {
                    t[i] = org;
                }
            }
        }
    }

    /// <summary>True for a listed upper-case abbreviation that is not an organisation ("TV", "CEO", "PS").</summary>
    internal static bool IsNotOrgAcronym(string w) => _notOrgAcronyms.Contains(w);

    /// <summary>Two to six upper-case ASCII letters ("DSE", "CFDT"), "&amp;" allowed inside ("AT&amp;T").</summary>
    internal static bool IsAcronym(string w)
    {
        if (w.Length < 2 || w.Length > 6 || !char.IsAsciiLetterUpper(w[0]) || !char.IsAsciiLetterUpper(w[^1]))
        {
            return false;
        }

        foreach (var c in w)
        {
            if (!char.IsAsciiLetterUpper(c) && c != '&')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCalendarWord(string lower) => lower is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday"
        or "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august" or "september" or "october" or "november" or "december"
        or "jan" or "feb" or "mar" or "apr" or "jun" or "jul" or "aug" or "sep" or "sept" or "oct" or "nov" or "dec";

    private static bool IsCapitalised(string w) => w.Length > 0 && char.IsUpper(w[0]);

    /// <summary>An initial or initials: "S.", "J.R.".</summary>
    private static bool IsInitial(string w)
    {
        if (w.Length < 2 || w.Length > 6 || w.Length % 2 != 0 || w is "P.S." or "N.B." or "A.M." or "P.M." or "U.S." or "U.K." or "U.N." or "E.U.")
        {
            return false;
        }

        for (var k = 0; k < w.Length; k += 2)
        {
            if (!char.IsAsciiLetterUpper(w[k]) || w[k + 1] != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A title-case word of letters (hyphens and apostrophes inside): "Contra", "Anne-Gaelle", "O'Brien".</summary>
    private static bool IsNameLike(string w)
    {
        if (w.Length < 2 || !char.IsUpper(w[0]))
        {
            return false;
        }

        var lower = false;
        if (char.IsUpper(w[1]))
        {
            return false; // "FMs", "TCHO"
        }

        foreach (var c in w)
        {
            if (char.IsLower(c))
            {
                lower = true;
            }
            else if (!char.IsLetter(c) && c is not ('-' or '\'' or '\u2019'))
            {
                return false;
            }
        }

        return lower;
    }

    /// <summary>
    /// Lone one-word persons the rest of the document contradicts (document level, after <see cref="DocumentNames.Harmonize"/>):
    /// <list type="bullet">
    /// <item>a word of a multi-word place name of the document ("Port Velin", also when the tagger tagged it as part of an
    /// organisation or not at all: a capitalised word after a place prefix such as Port, Fort, Lake, Mount, Cape) tagged alone as a person ("off Velin"),
    /// when no multi-word person name of the document contains it and it is no known given name, is that place;</item>
    /// <item>in a headline-cased sentence (every longer word capitalised), a lone person word that is a common English
    /// word ("… Economy to Ransom") is no name unless an ordinary sentence of the document tags it as a person.</item>
    /// </list>
    /// </summary>
    public static void LonePersonsAgainstTheDocument(NerFeatures.SentenceView[] views, int[][] tags)
    {
        HashSet<string>? placeWords = null, personWords = null, bodyPersons = null;
        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            var w = views[s].Words;
            var ordinary = views[s].Case == 0 && !HeadlineCased(w);
            if (ordinary)
            {
                // "Port Velin", "Fort Worth": a capitalised word after a place-name prefix is a place word, whatever
                // the tagger made of the whole (an organisation "Port Velin Operators' Association", or nothing).
                for (var k = 1; k < w.Length; k++)
                {
                    if (_placePrefixes.Contains(w[k - 1]) && w[k].Length >= 3 && char.IsUpper(w[k][0]) && NerTags.TypeOf(t[k - 1]) != 1)
                    {
                        (placeWords ??= new(StringComparer.Ordinal)).Add(w[k]);
                    }
                }
            }

            for (var i = NerTags.NextBegin(t, 0); i < t.Length; i = NerTags.NextBegin(t, i))
            {
                var end = NerTags.RunEnd(t, i);
                var type = NerTags.TypeOf(t[i]);
                if (end - i >= 2 && type is 1 or 3)
                {
                    var set = type == 3 ? (placeWords ??= new(StringComparer.Ordinal)) : (personWords ??= new(StringComparer.Ordinal));
                    for (var k = i; k < end; k++)
                    {
                        set.Add(w[k]);
                    }
                }

                if (type == 1 && ordinary)
                {
                    for (var k = i; k < end; k++)
                    {
                        (bodyPersons ??= new(StringComparer.Ordinal)).Add(w[k]);
                    }
                }

                i = end;
            }
        }

        for (var s = 0; s < views.Length; s++)
        {
            var t = tags[s];
            var view = views[s];
            var w = view.Words;
            var headline = view.Case != 0 || HeadlineCased(w);
            for (var i = NerTags.NextBegin(t, 0); i < t.Length; i = NerTags.NextBegin(t, i))
            {
                var end = NerTags.RunEnd(t, i);
                if (end - i == 1 && t[i] == Per && w[i].Length >= 3 && char.IsUpper(w[i][0])
                    && (Gazetteer.Default.Categories(w[i]) & GazetteerCategory.GivenName) == 0)
                {
                    if (placeWords is not null && placeWords.Contains(w[i]) && (personWords is null || !personWords.Contains(w[i])))
                    {
                        t[i] = NerTags.Index("B-LOC");
                    }
                    else if (headline && (bodyPersons is null || !bodyPersons.Contains(w[i])) && EnglishWords.Contains(view.Lower[i]))
                    {
                        t[i] = 0;
                    }
                }

                i = end;
            }
        }
    }

    /// <summary>A title-case line: at least three words longer than three letters, every one of them capitalised.</summary>
    public static bool HeadlineCased(IReadOnlyList<string> words)
    {
        var longer = 0;
        for (var k = 0; k < words.Count; k++)
        {
            var w = words[k];
            if (w.Length > 3 && char.IsLetter(w[0]))
            {
                if (!char.IsUpper(w[0]))
                {
                    return false;
                }

                longer++;
            }
        }

        return longer >= 3;
    }
}
