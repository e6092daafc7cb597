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
