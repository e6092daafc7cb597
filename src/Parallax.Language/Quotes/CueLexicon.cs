using System.Collections.Frozen;

namespace Parallax.Language.Quotes;

/// <summary>How a cue verb takes its content.</summary>
internal enum CueClass
{
    /// <summary>Speech verbs: a bare clause, a "that" clause or a quotation ("said", "told", "warned").</summary>
    Speech,
    /// <summary>Cognition/evidence verbs: only with "that" or a quotation ("found that", "believes that").</summary>
    That,
    /// <summary>Intention verbs: only with an infinitive ("vowed to", "wants to").</summary>
    Infinitive,
    /// <summary>Stance verbs whose object is the content ("denied any talks", "called them 'fake news'").</summary>
    Object,
}

/// <summary>
/// Hand-written cue vocabulary (not learned from any dataset). Each lemma is expanded to its inflected forms; a form
/// maps to its class. Frozen once, shared, thread-safe.
/// </summary>
internal static class CueLexicon
{
    private static readonly string[] _speech =
    [
        "say", "tell", "add", "write", "note", "argue", "claim", "insist", "warn", "explain", "state", "declare",
        "announce", "report", "acknowledge", "admit", "stress", "emphasize", "emphasise", "contend", "assert", "allege",
        "suggest", "predict", "tweet", "reply", "respond", "recall", "concede", "confirm", "reveal", "complain", "boast",
        "joke", "quip", "observe", "conclude", "answer", "remark", "reiterate", "believe", "think", "testify",
        "speculate", "assure", "caution", "charge", "ask", "repeat", "remind", "hint", "proclaim", "disclose",
        "continue", "muse", "shout", "yell", "scream", "chant", "exclaim", "retort", "counter", "mention", "comment",
        "elaborate", "opine", "lament", "acknowledge", "pointed", "inform", "announce", "posit", "theorize",
        "concur", "guess", "surmise", "maintain", "swear", "promise", "vow", "pledge", "estimate", "calculate",
        "demand", "declare", "affirm", "whisper", "shoot", "fire", "recount", "recollect", "relate", "convey",
        "post", "blog", "email", "text", "cry", "plead", "beg", "brag", "groan", "sigh", "laugh", "smile",
    ];

    private static readonly string[] _that =
    [
        "show", "find", "know", "hope", "fear", "expect", "indicate", "learn", "realize", "realise", "agree",
        "worry", "feel", "mean", "hear", "read", "imply", "signal", "understand", "assume", "doubt", "suspect",
        "decide", "determine", "discover", "prove", "demonstrate", "rule", "recognize", "recognise", "acknowledge",
        "insinuate", "conclude", "suppose", "imagine", "wonder", "reckon", "wish", "bet", "judge", "consider",
        "argue", "notice", "see", "confess", "contend", "allege", "suggest", "forecast", "project", "anticipate",
        "predict", "presume", "trust", "recommend", "propose", "order", "hold",
    ];

    private static readonly string[] _infinitive =
    [
        "want", "plan", "vow", "pledge", "promise", "refuse", "decline", "intend", "threaten", "vote", "seek", "offer",
        "hope", "expect", "agree", "urge", "ask", "tell", "push", "aim",
        "encourage", "pressure", "demand", "wish", "prefer", "decide",
        "promise", "swear", "resolve", "propose", "press", "implore", "beg", "call", "invite", "advise", "warn",
    ];

    private static readonly string[] _object =
    [
        "deny", "call", "criticize", "criticise", "praise", "endorse", "support", "oppose", "blame", "accuse",
        "defend", "reject", "dismiss", "describe", "question", "blast", "slam", "attack", "condemn", "cite", "propose",
        "label", "brand", "dub", "denounce", "decry", "applaud", "hail", "mock", "ridicule", "welcome", "challenge",
        "dispute", "refute", "characterize", "characterise", "back", "tout", "champion", "lambast", "lambaste",
        "knock", "rip", "chide", "scold", "rebuke", "bash", "deride", "disparage", "castigate", "fault", "credit",
        "commend", "thank", "congratulate", "announce", "unveil", "vote", "demand", "recommend", "request", "predict",
        "refer", "promise", "pledge", "vow", "want", "offer", "seek", "prefer",
    ];

    private static readonly (string Lemma, string[] Forms)[] _irregular =
    [
        ("say", ["say", "says", "said", "saying"]),
        ("tell", ["tell", "tells", "told", "telling"]),
        ("write", ["write", "writes", "wrote", "written", "writing"]),
        ("think", ["think", "thinks", "thought", "thinking"]),
        ("find", ["find", "finds", "found", "finding"]),
        ("know", ["know", "knows", "knew", "known", "knowing"]),
        ("see", ["see", "sees", "saw", "seen", "seeing"]),
        ("feel", ["feel", "feels", "felt", "feeling"]),
        ("mean", ["mean", "means", "meant", "meaning"]),
        ("read", ["read", "reads", "reading"]),
        ("hear", ["hear", "hears", "heard", "hearing"]),
        ("seek", ["seek", "seeks", "sought", "seeking"]),
        ("show", ["show", "shows", "showed", "shown", "showing"]),
        ("swear", ["swear", "swears", "swore", "sworn", "swearing"]),
        ("shoot", ["shoot back", "shot back"]),
        ("fire", ["fired back", "fires back"]),
        ("understand", ["understand", "understands", "understood"]),
        ("hold", ["holds", "held"]),
        ("bet", ["bet", "bets", "betting"]),
        ("forecast", ["forecast", "forecasts", "forecasted"]),
        ("rip", ["rip", "rips", "ripped", "ripping"]),
        ("admit", ["admit", "admits", "admitted", "admitting"]),
        ("quip", ["quip", "quips", "quipped"]),
        ("plan", ["plan", "plans", "planned", "planning"]),
        ("rule", ["rule", "rules", "ruled"]),
        ("text", ["texted"]),
        ("cry", ["cried"]),
        ("prefer", ["prefer", "prefers", "preferred"]),
        ("refer", ["referring", "referred"]),
        ("post", ["posted"]),
        ("back", ["backed", "backs", "backing"]),
        ("order", ["ordered"]),
        ("smile", ["smiled"]),
        ("laugh", ["laughed"]),
        ("sigh", ["sighed"]),
        ("beg", ["begged"]),
        ("brag", ["bragged"]),
        ("knock", ["knocked"]),
        ("continue", ["continued", "continues"]),
        ("counter", ["countered"]),
        ("email", ["emailed"]),
        ("blog", ["blogged"]),
        ("chant", ["chanted"]),
        ("point", []),
        ("pointed", []),
        // round 11: one-syllable lemmas that double their last consonant
        ("slam", ["slam", "slams", "slammed", "slamming"]),
        ("dub", ["dub", "dubs", "dubbed", "dubbing"]),
    ];

    private static readonly FrozenDictionary<string, CueClass> _forms = Build();

    /// <summary>Multiword cues (lowercase, single spaces), matched before single words.</summary>
    public static readonly string[] Phrasal =
    [
        "pointed out", "points out", "pointing out", "point out", "went on", "goes on", "going on to", "made clear",
        "makes clear", "made the case", "spelled out", "laid out", "weighed in", "chimed in", "shot back", "fired back",
        "called for", "calls for", "calling for", "call for", "called out", "calls out", "calling out", "call out", "called on", "calls on", "calling on", "pushed for",
        "pushes for", "pushing for", "spoke out", "speaks out", "spoke of", "talked about", "talking about",
        "spoke about", "speaking about", "pointed to", "points to", "pointing to", "point to", "weighs in", "weighing in",
        "spoke of", "speaks of", "speaking of", "talks about", "talk about", "speaks about", "speak about", "spoken about",
        "lays out", "spells out", "chime in", "raised concerns", "raised questions", "spoke out", "speak out",
    ];

    private static readonly FrozenSet<string> _phrasalFirstWords = FrozenSet.ToFrozenSet(Phrasal.Select(p => p[..p.IndexOf(' ')]), StringComparer.Ordinal);

    /// <summary>True when <paramref name="lower"/> is the first word of a <see cref="Phrasal"/> cue (a cheap test before matching the pair).</summary>
    public static bool StartsPhrasal(string lower) => _phrasalFirstWords.Contains(lower);

    /// <summary>Verbs that only count after a quotation or in "said"-like inversions (too ambiguous elsewhere).</summary>
    private static readonly FrozenSet<string> _quoteOnly = FrozenSet.ToFrozenSet(
    [
        "continue", "continued", "continues", "laughed", "smiled", "sighed", "cried", "posted", "texted", "emailed",
        "post", "text", "email", "cry", "laugh", "smile", "sigh", "counter", "countered", "yell", "yelled", "shout",
        "shouted", "chant", "chanted", "read", "reads", "answer", "answered", "answers", "relate", "related", "relates",
        "convey", "conveyed", "fire", "shoot", "hold", "holds", "held", "rule", "ruled",
    ], StringComparer.Ordinal);

    public static bool TryGet(string lower, out CueClass cls) => _forms.TryGetValue(lower, out cls);

    public static bool IsQuoteOnly(string lower) => _quoteOnly.Contains(lower);

    /// <summary>True for forms of verbs that may take an infinitive as their content ("agreed to", "decided to", "hopes to").</summary>
    public static bool TakesInfinitive(string lower) => _infinitiveForms.Contains(lower);

    private static readonly FrozenSet<string> _infinitiveForms = FrozenSet.ToFrozenSet(
        _infinitive.SelectMany(l => _irregular.FirstOrDefault(x => x.Lemma == l).Forms ?? Inflect(l)), StringComparer.Ordinal);

    /// <summary>True for forms of verbs that may also take the content as a direct object ("called them 'fake news'", "promised tax cuts").</summary>
    public static bool TakesObject(string lower) => _objectForms.Contains(lower);

    private static readonly FrozenSet<string> _objectForms = FrozenSet.ToFrozenSet(
        _object.SelectMany(l => _irregular.FirstOrDefault(x => x.Lemma == l).Forms ?? Inflect(l)), StringComparer.Ordinal);

    /// <summary>Forms that are (almost) always reporting verbs, strong enough to attach a neighbouring quotation.</summary>
    public static bool IsQuoteAdjacentCue(string lower) => _forms.ContainsKey(lower);

    private static FrozenDictionary<string, CueClass> Build()
    {
        var map = new Dictionary<string, CueClass>(StringComparer.Ordinal);
        var irregular = _irregular.ToDictionary(x => x.Lemma, x => x.Forms, StringComparer.Ordinal);

        void AddAll(string[] lemmas, CueClass cls)
        {
            foreach (var lemma in lemmas)
            {
                var forms = irregular.TryGetValue(lemma, out var f) ? f : Inflect(lemma);
                foreach (var form in forms)
                {
                    // First class wins: lists are added in priority order.
                    map.TryAdd(form, cls);
                }
            }
        }

        AddAll(_speech, CueClass.Speech);
        AddAll(_that, CueClass.That);
        AddAll(_infinitive, CueClass.Infinitive);
        AddAll(_object, CueClass.Object);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string[] Inflect(string lemma)
    {
        string third, past, ing;
        if (lemma.EndsWith('y') && lemma.Length > 2 && !"aeiou".Contains(lemma[^2]))
        {
            third = lemma[..^1] + "ies";
            past = lemma[..^1] + "ied";
            ing = lemma + "ing";
        }
        else if (lemma.EndsWith('e'))
        {
            third = lemma + "s";
            past = lemma + "d";
            ing = lemma[..^1] + "ing";
        }
        else if (lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || lemma.EndsWith('s') || lemma.EndsWith('x') || lemma.EndsWith('z'))
        {
            third = lemma + "es";
            past = lemma + "ed";
            ing = lemma + "ing";
        }
        else
        {
            third = lemma + "s";
            past = lemma + "ed";
            ing = lemma + "ing";
        }

        return [lemma, third, past, ing];
    }
}
