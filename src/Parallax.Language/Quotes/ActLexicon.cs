using System.Collections.Frozen;

namespace Parallax.Language.Quotes;

/// <summary>The inflection of an <see cref="ActLexicon"/> form.</summary>
internal enum ActForm
{
    /// <summary>The bare form ("discuss"): finite only after a modal, "to" or "did".</summary>
    Base,
    /// <summary>Third person present ("discusses").</summary>
    Present,
    /// <summary>Past tense or participle ("discussed").</summary>
    Past,
}

/// <summary>
/// Verbs of expression and stance that are not speech cues but report what an agent says, thinks or stands for through
/// an act: discussing, expressing, echoing, portraying, favouring, embracing, distancing oneself, signing or issuing a
/// document. Hand-written from general English (grouped by meaning below), not learned from any dataset. Each lemma is
/// expanded to its regular inflections (irregular ones listed). Frozen once, shared, thread-safe.
/// </summary>
internal static class ActLexicon
{
    private static readonly string[] _lemmas =
    [
        // talking about something
        "discuss", "talk", "express", "echo", "reference", "highlight", "underscore", "bemoan", "rail", "react",
        "broach", "tout", "hype", "recount", "retweet", "share", "publish", "air", "invoke", "quote", "address",
        "voice", "reaffirm", "downplay", "play", "trumpet", "emphasize", "emphasise", "stress", "flag",
        // describing and evaluating something
        "portray", "frame", "present", "compare", "identify", "list", "attribute", "characterize", "depict", "liken",
        "equate", "paint", "cast", "rate", "rank", "deem", "regard", "view", "treat", "consider",
        // taking a side
        "favor", "favour", "embrace", "approve", "ignore", "distance", "pivot", "side", "lash", "hammer", "resist",
        "reverse", "renew", "spurn", "shun", "snub", "disavow", "repudiate", "denounce", "renounce", "reaffirm",
        "applaud", "lobby", "advocate", "protest", "object", "rebut",
        "question", "doubt", "scoff", "sneer", "balk", "bristle", "chafe", "fume", "seethe", "slam", "blast",
        "target", "single", "dismiss", "downplay", "brush", "wave", "shrug", "double",
        // acts with documents and votes
        "sign", "file", "issue", "release", "veto", "nominate", "appoint", "authorize", "authorise", "submit",
        "introduce", "draft", "enact", "ratify", "cosponsor", "sponsor", "unveil", "outline", "detail",
        // round 10: attacking, praising and arguing with someone
        "assail", "excoriate", "berate", "chastise", "skewer", "belittle", "smear", "vilify", "demonize", "demonise",
        "laud", "extol", "salute", "reprimand", "admonish", "malign", "pillory", "insult", "taunt", "lampoon", "trash",
        "espouse", "promote", "spar",
    ];

    private static readonly FrozenDictionary<string, string[]> _irregular = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cast"] = ["cast", "casts"],
        ["paint"] = ["painted", "paints"],
        ["play"] = ["played down", "plays down"],
        ["single"] = ["singled", "singles"],
        ["rebut"] = ["rebut", "rebuts", "rebutted"],
        ["target"] = ["target", "targets", "targeted"],
        ["double"] = ["doubled", "doubles"],
        ["object"] = ["objected", "objects"],
        ["air"] = ["aired", "airs"],
        ["file"] = ["filed", "files"],
        ["issue"] = ["issued", "issues"],
        ["list"] = ["listed", "lists"],
        ["rank"] = ["ranked", "ranks"],
        ["view"] = ["viewed", "views"],
        ["treat"] = ["treated", "treats"],
        ["react"] = ["reacted", "reacts"],
        ["talk"] = ["talked", "talks"],
        ["side"] = ["sided", "sides"],
        ["wave"] = ["waved", "waves"],
        ["question"] = ["questioned"],
        ["doubt"] = ["doubted"],
        ["protest"] = ["protested"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Lemmas whose third-person form is mostly a plural noun ("signs", "issues", "targets"): only the past and base forms count.</summary>
    private static readonly FrozenSet<string> _nounLike = FrozenSet.ToFrozenSet(
    [
        "sign", "issue", "file", "present", "target", "react", "air", "flag", "rate", "rank", "list", "view", "treat", "share",
        "release", "draft", "detail", "outline", "protest", "object", "quote", "reference", "highlight", "echo", "voice",
        "question", "doubt", "side", "wave", "double", "single", "paint", "cast", "play", "talk", "frame", "lobby", "rail",
        "hammer", "snub", "brush", "shrug", "rally", "sponsor", "cosponsor", "favor", "favour", "address", "retweet",
    ], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ActForm> _forms = Build();

    /// <summary>
    /// Light-verb idioms of stance and speech ("took aim at", "cast doubt on", "made the case for", "came out against"):
    /// the verb's lemma, then the words that follow it, "*" standing for up to two modifiers ("a", "his", "a veiled",
    /// "their full"). Hand-written from general English; the last word introduces the content.
    /// </summary>
    private static readonly string[] _idioms =
    [
        "take aim at", "take issue with", "take * shot at", "take * swipe at", "take * swing at", "take * jab at", "take * dig at",
        "take * stand on", "take * stand against", "take credit for", "take * hard line on", "take * line on",
        "cast doubt on", "cast doubt about", "cast * doubt on", "cast aspersions on", "cast * vote for", "cast * vote against",
        "raise doubts about", "raise * doubts about", "raise * possibility that", "raise * prospect that", "raise * possibility of",
        "raise * prospect of", "raise * alarm about", "sound * alarm about", "sound * alarm on", "sound * alarm over",
        "make * case for", "make * case against", "make * case that", "make no secret of", "make * reference to",
        "make * pitch for", "make * pitch to", "make * appeal to", "make * appeal for", "make * plea for", "make * point that",
        "make * comments about", "make * remarks about", "make * statement about", "make * argument that", "make * argument for",
        "make * promise to", "make * pledge to", "make * claim that", "make * joke about", "make * jokes about",
        "lash out at", "hit back at", "hit out at", "push back on", "push back against", "fire back at", "shoot back at",
        "throw * support behind", "throw * weight behind", "come out against", "come out for", "come out in favor of",
        "come out in support of", "come out in favour of", "side with", "draw attention to", "shed light on", "pay tribute to",
        "heap praise on", "pour cold water on", "double down on", "lay * blame on", "put * blame on", "point * finger at",
        "give * endorsement to", "give * shout out to", "give * nod to", "have nothing but praise for", "voice support for",
        "voice * support for", "voice opposition to", "voice * opposition to", "express support for", "express * support for",
        "express opposition to", "express * opposition to", "express concern about", "express * concern about", "express concern over",
        "rail against", "speak out against", "speak out on", "weigh in on", "stand by",
        "call attention to", "turn * fire on", "set * sights on", "focus on",
        // round 13: phrasal verbs of dwelling on, taking back, brushing off and mocking (general English, hand-written)
        "reflect on", "dwell on", "touch on", "expound on", "open up about", "walk back", "zero in on", "home in on",
        "poke fun at", "look forward to", "sound off on", "spell out", "back away from", "wave off", "chime in on", "lay into",
        "rip into", "take * stance against", "take * stance on", "take * position on", "talk up", "play up", "take * credit for",
        "lay out", "make no mention of", "make * mention of", "make no comment on", "make * call for", "make * commitment to",
        "take * shots at", "take * swipes at", "take * jabs at", "take * digs at", "take * potshots at", "take * potshot at",
    ];

    /// <summary>Verb form → the tails of its idioms, in list order.</summary>
    private static readonly FrozenDictionary<string, string[][]> _idiomTable = BuildIdioms();

    /// <summary>True when <paramref name="lower"/> is a form of a verb that opens a light-verb idiom (a cheap test before <see cref="MatchIdiom"/>).</summary>
    public static bool OpensIdiom(string lower) => _idiomTable.ContainsKey(lower);

    /// <summary>
    /// The last token of a light-verb idiom starting at <paramref name="start"/> (a verb form), or -1. <paramref name="word"/>
    /// gives the lowercase word at a position (null past the end or for a non-word); <paramref name="modifier"/> says
    /// whether a word may stand for "*".
    /// </summary>
    public static int MatchIdiom(int start, Func<int, string?> word, Func<int, bool> modifier)
    {
        if (word(start) is not { } verb || !_idiomTable.TryGetValue(verb, out var tails))
        {
            return -1;
        }

        foreach (var tail in tails)
        {
            var k = start + 1;
            var ok = true;
            foreach (var w in tail)
            {
                if (w == "*")
                {
                    // up to two modifiers, at least one: "a", "his", "a veiled", "their full"
                    var taken = 0;
                    while (taken < 2 && word(k) is { } m && m != tail[^1] && modifier(k))
                    {
                        k++;
                        taken++;
                    }

                    if (taken == 0)
                    {
                        ok = false;
                        break;
                    }

                    continue;
                }

                if (word(k) != w)
                {
                    ok = false;
                    break;
                }

                k++;
            }

            if (ok)
            {
                return k - 1;
            }
        }

        return -1;
    }

    private static FrozenDictionary<string, string[][]> BuildIdioms()
    {
        var forms = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["take"] = ["take", "takes", "took", "taken", "taking"], ["make"] = ["make", "makes", "made", "making"],
            ["cast"] = ["cast", "casts", "casting"], ["come"] = ["come", "comes", "came", "coming"], ["go"] = ["go", "goes", "went", "gone", "going"],
            ["throw"] = ["throw", "throws", "threw", "thrown", "throwing"], ["draw"] = ["draw", "draws", "drew", "drawn", "drawing"],
            ["shed"] = ["shed", "sheds", "shedding"], ["pay"] = ["pay", "pays", "paid", "paying"], ["hit"] = ["hit", "hits", "hitting"],
            ["put"] = ["put", "puts", "putting"], ["lay"] = ["lay", "lays", "laid", "laying"], ["give"] = ["give", "gives", "gave", "given", "giving"],
            ["have"] = ["has", "had", "have", "having"], ["stand"] = ["stand", "stands", "stood", "standing"], ["set"] = ["set", "sets", "setting"],
            ["shoot"] = ["shoot", "shoots", "shot", "shooting"], ["speak"] = ["speak", "speaks", "spoke", "spoken", "speaking"],
            ["fire"] = ["fire", "fires", "fired", "firing"], ["lash"] = ["lash", "lashes", "lashed", "lashing"],
        };

        var table = new List<(string, string[])>();
        foreach (var idiom in _idioms)
        {
            var words = idiom.Split(' ');
            var lemma = words[0];
            var verbForms = forms.TryGetValue(lemma, out var f) ? f : Regular(lemma);
            foreach (var form in verbForms)
            {
                table.Add((form, words[1..]));
            }
        }

        return table.GroupBy(x => x.Item1, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray(), StringComparer.Ordinal);
    }

    private static string[] Regular(string lemma)
    {
        var (third, past) = Inflect(lemma);
        var ing = lemma.EndsWith('e') ? lemma[..^1] + "ing" : lemma + "ing";
        return [lemma, third, past, ing];
    }

    /// <summary>True when <paramref name="lower"/> is a form of an act verb; <paramref name="form"/> is its inflection.</summary>
    public static bool TryGet(string lower, out ActForm form) => _forms.TryGetValue(lower, out form);

    private static FrozenDictionary<string, ActForm> Build()
    {
        var map = new Dictionary<string, ActForm>(StringComparer.Ordinal);
        foreach (var lemma in _lemmas)
        {
            if (_irregular.TryGetValue(lemma, out var listed))
            {
                foreach (var f in listed)
                {
                    if (!f.Contains(' ') && !(f.EndsWith('s') && f != lemma && _nounLike.Contains(lemma)))
                    {
                        map.TryAdd(f, f == lemma ? ActForm.Base : f.EndsWith('s') ? ActForm.Present : ActForm.Past);
                    }
                }

                continue;
            }

            var (third, past) = Inflect(lemma);
            map.TryAdd(lemma, ActForm.Base);
            if (!_nounLike.Contains(lemma))
            {
                map.TryAdd(third, ActForm.Present);
            }

            map.TryAdd(past, ActForm.Past);
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static (string Third, string Past) Inflect(string lemma)
    {
        if (lemma.EndsWith('y') && lemma.Length > 2 && !"aeiou".Contains(lemma[^2]))
        {
            return (lemma[..^1] + "ies", lemma[..^1] + "ied");
        }

        if (lemma.EndsWith('e'))
        {
            return (lemma + "s", lemma + "d");
        }

        if (lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('s') || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith('o'))
        {
            return (lemma + "es", lemma + "ed");
        }

        // one-syllable verbs ending consonant-vowel-consonant double the consonant ("snub" → "snubbed")
        if (lemma.Length <= 4 && lemma.Length >= 3 && !"aeiou".Contains(lemma[^1]) && "aeiou".Contains(lemma[^2]) && !"aeiou".Contains(lemma[^3]) && lemma[^1] is not ('w' or 'x' or 'y'))
        {
            return (lemma + "s", lemma + lemma[^1] + "ed");
        }

        return (lemma + "s", lemma + "ed");
    }
}
