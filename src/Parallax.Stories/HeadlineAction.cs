using System.Collections.Frozen;

namespace Parallax.Stories;

/// <summary>
/// What happened, as a headline says it: the classes of event verbs and event nouns ("drops", "dismissal"; "passes",
/// "approval"; "fired", "ouster") in an article's headline and the first sentence of its lead, as a bit set of at most
/// 64 <see cref="Classes"/>. Names and topic words are left out on purpose: sibling events of one recurring topic (one
/// official's cases, one bill's stages) share the names and the topic, and differ in the act ("DOJ drops the case
/// against X" / "X loses appeal" / "X fired"; "House passes bill" / "Senate blocks bill"). Light verbs, reporting verbs
/// ("say", "tell", "report") and auxiliaries are not in the lexicon. The lexicon is hand-written from general English
/// headline usage (grouped by meaning, synonyms in one class: "slams", "blasts", "rips" and "criticizes" are one act),
/// not learned from any dataset; each lemma is expanded to its regular inflections, irregular forms are listed.
/// Immutable; thread-safe; a function of the text only.
/// </summary>
public static class HeadlineAction
{
    // One class a line: "name: lemma lemma ... | irregular forms and nouns". Order fixes the bit of each class. A class
    // marked "~" is framing or context rather than an event: how an outlet judges an act (criticizes, praises, backs,
    // denies), or words any story of its topic uses (vote, election, campaign, start, end, rule). Outlets of one story
    // frame it differently, so these never make two texts' actions differ (see FramingClasses).
    private const string Lexicon = """
        ~criticize: slam blast rip castigate criticize criticise knock rebuke condemn denounce bash chide scold lambast lambaste decry assail berate mock torch skewer blame accuse fault | criticism condemnation rebuke accusation
        ~praise: praise hail applaud laud commend thank celebrate congratulate | praise
        ~support: support endorse defend champion embrace | endorsement support
        ~oppose: oppose resist object protest challenge | opposition protest objection challenge
        pass: pass approve adopt ratify authorize authorise greenlight clear okay | passage approval
        block: block defeat kill stall sink scuttle thwart derail filibuster torpedo | sank sunk
        propose: propose introduce unveil draft float | proposal
        sign: sign enact | signing
        veto: veto | vetoes vetoed
        sue: sue | lawsuit suit
        charge: charge indict prosecute | indictment prosecution charges
        arrest: arrest detain apprehend nab capture | arrest detention
        convict: convict | conviction guilty
        sentence: sentence jail imprison | sentencing prison
        acquit: acquit exonerate | acquittal
        drop: drop dismiss withdraw abandon scrap | dismissal withdrawal
        appeal: appeal | appeal
        ~rule: rule decide | ruling decision
        uphold: uphold affirm | upheld
        reverse: overturn reverse vacate invalidate repeal rescind revoke undo | reversal repeal undid struck
        investigate: investigate probe examine review scrutinize audit | investigation probe inquiry review audit
        subpoena: subpoena | subpoenas subpoenaed
        testify: testify | testimony
        impeach: impeach | impeachment
        win: win prevail triumph | won victory
        lose: lose | lost loss defeat
        fire: fire oust sack remove | ouster firing removal
        resign: resign quit retire depart | resignation retirement departure
        nominate: nominate pick tap appoint choose select hire | nomination nominee appointment pick chose chosen
        confirm: confirm | confirmation
        kill: kill die murder slay | death dead killing murder slain slew
        shoot: shoot | shooting gunman
        attack: attack bomb strike raid | attack bombing airstrike strike raid
        injure: injure wound hurt | injury injuries
        rise: raise hike increase boost rise climb jump surge soar spike | rose risen increase hike surge rise
        fall: cut lower reduce slash fall decline plunge tumble slump dip | fell fallen decline cut cuts
        ban: ban bar prohibit outlaw restrict | restriction prohibition
        lift: lift ease relax loosen | easing
        extend: extend renew | extension
        delay: delay postpone | delay postponement
        suspend: suspend pause halt freeze | suspension pause halt
        resume: resume reopen restart | reopening
        close: close shut | closure shutdown
        ~launch: launch start begin open | launch began begun
        ~end: end stop terminate | end
        meet: meet visit host | meeting visit summit met
        ~threaten: threaten warn | threat warning
        sanction: sanction punish penalize | sanctions penalty punishment
        agree: agree settle | agreement deal settlement
        ~deny: deny refute dispute reject refuse decline | denial rejection refusal
        ~admit: admit acknowledge concede apologize apologise | admission apology
        release: release publish leak | leak
        pardon: pardon commute | pardon clemency
        infect: infect diagnose hospitalize hospitalise | infection diagnosis positive
        vaccinate: vaccinate inoculate | vaccination vaccine
        crash: crash collapse | crash collapse
        flee: flee escape evacuate | fled escape evacuation
        return: return | return
        leave: leave exit | exit
        ~elect: elect vote reelect | election vote ballot
        ~run: run campaign | ran candidacy campaign
        buy: buy acquire purchase | bought acquisition purchase
        sell: sell | sold sale
        """;

    private static readonly (string[] Names, ulong Framing, FrozenDictionary<string, int> ClassOf) _lexicon = Build();

    /// <summary>The class names, by bit.</summary>
    public static IReadOnlyList<string> Classes => _lexicon.Names;

    /// <summary>The bits of the framing and context classes (judgements of an act, topic words): not event evidence.</summary>
    public static ulong FramingClasses => _lexicon.Framing;

    /// <summary>
    /// The action classes of <paramref name="title"/> and the first sentence of <paramref name="lead"/> (at most
    /// <paramref name="leadChars"/> characters of it; 0: the title alone): bit i set when a word of class i occurs.
    /// 0 when none does.
    /// </summary>
    public static ulong From(ReadOnlySpan<char> title, ReadOnlySpan<char> lead, int leadChars)
    {
        var mask = Scan(title);
        if (leadChars > 0 && !lead.IsEmpty)
        {
            var first = lead[..Math.Min(lead.Length, leadChars)];
            var end = first.IndexOfAny('.', '!', '?');
            mask |= Scan(end < 0 ? first : first[..end]);
        }

        return mask;
    }

    /// <summary>
    /// <see cref="StoryClustererOptions.ActionConflictFactor"/> when both short texts name actions and share no class,
    /// <see cref="StoryClustererOptions.ActionMatchFactor"/> when they share one; else (or when either is longer than
    /// <see cref="StoryClustererOptions.ActionMaxWords"/>, or names none) 1.
    /// </summary>
    public static double Factor(ArticleFeatures a, ArticleFeatures b, StoryClustererOptions options)
    {
        if (options.ActionMaxWords > 0 && Math.Max(a.Words, b.Words) > options.ActionMaxWords)
        {
            return 1.0;
        }

        var x = a.HeadlineActions;
        var y = b.HeadlineActions;
        if (options.ActionFraming != 0)
        {
            x &= ~FramingClasses;
            y &= ~FramingClasses;
        }

        if (x == 0 || y == 0)
        {
            return 1.0;
        }

        if ((x & y) != 0)
        {
            return options.ActionMatchFactor;
        }

        return options.ActionConflictNeedsName == 0 || SharesName(a, b) ? options.ActionConflictFactor : 1.0;
    }

    /// <summary>True when the two articles share an entity-like name (an <c>e:</c> feature).</summary>
    internal static bool SharesName(ArticleFeatures a, ArticleFeatures b)
    {
        var idsB = b.IdsIn('e');
        foreach (var id in a.IdsIn('e'))
        {
            if (idsB.Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds an <c>a:</c> feature per class of <paramref name="actions"/> (see <see cref="StoryClustererOptions.ActionFeatureWeight"/>).</summary>
    internal static void AddFeatures(ulong actions, int words, StoryClustererOptions options, FeatureCounter counts)
    {
        if (options.ActionFeatureWeight <= 0 || actions == 0 || (options.ActionMaxWords > 0 && words > options.ActionMaxWords))
        {
            return;
        }

        for (var c = 0; c < _lexicon.Names.Length; c++)
        {
            if ((actions >> c & 1) != 0)
            {
                counts.Add("a:", _lexicon.Names[c], 1.0);
            }
        }
    }

    private static ulong Scan(ReadOnlySpan<char> text)
    {
        var lookup = _lexicon.ClassOf.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[24];
        ulong mask = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text[start..i];
            if (word.Length > lower.Length)
            {
                continue;
            }

            var n = word.ToLowerInvariant(lower);
            if (lookup.TryGetValue(lower[..n], out var c))
            {
                mask |= 1UL << c;
            }
        }

        return mask;
    }

    private static (string[], ulong, FrozenDictionary<string, int>) Build()
    {
        var names = new List<string>();
        ulong framing = 0;
        var classOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in Lexicon.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = raw.IndexOf(':');
            var c = names.Count;
            if (raw[0] == '~')
            {
                framing |= 1UL << c;
            }

            names.Add(raw[..colon].TrimStart('~'));
            var parts = raw[(colon + 1)..].Split('|');
            foreach (var lemma in parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var form in Inflections(lemma))
                {
                    classOf.TryAdd(form, c);
                }
            }

            if (parts.Length > 1)
            {
                foreach (var form in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    classOf.TryAdd(form, c);
                    classOf.TryAdd(form.EndsWith('y') ? form[..^1] + "ies" : form.EndsWith('s') ? form : form + "s", c);
                }
            }
        }

        if (names.Count > 64)
        {
            throw new InvalidOperationException("HeadlineAction: more than 64 classes.");
        }

        return ([.. names], framing, classOf.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The lemma and its regular inflections: -s/-es, -ed/-d, -ing, y → ies/ied, a doubled final consonant (lemma in lower case).</summary>
    public static IEnumerable<string> Inflections(string lemma)
    {
        yield return lemma;
        var last = lemma[^1];
        var vowels = "aeiou";
        if (last == 'e')
        {
            yield return lemma + "s";
            yield return lemma + "d";
            yield return lemma[..^1] + "ing";
            yield break;
        }

        if (last == 'y' && lemma.Length > 1 && !vowels.Contains(lemma[^2]))
        {
            yield return lemma[..^1] + "ies";
            yield return lemma[..^1] + "ied";
            yield return lemma + "ing";
            yield break;
        }

        yield return lemma.EndsWith('s') || lemma.EndsWith('x') || lemma.EndsWith('z') || lemma.EndsWith("ch") || lemma.EndsWith("sh") || lemma.EndsWith('o')
            ? lemma + "es"
            : lemma + "s";
        yield return lemma + "ed";
        yield return lemma + "ing";
        // drop → dropped, rip → ripping: a short word ending consonant-vowel-consonant doubles its last letter.
        if (lemma.Length >= 3 && !vowels.Contains(last) && last is not ('w' or 'x' or 'y') && vowels.Contains(lemma[^2]) && !vowels.Contains(lemma[^3]))
        {
            yield return lemma + last + "ed";
            yield return lemma + last + "ing";
        }
    }
}
