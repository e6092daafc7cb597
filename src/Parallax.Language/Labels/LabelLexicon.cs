using System.Collections.Frozen;

namespace Parallax.Language.Labels;

/// <summary>
/// Hand-written word lists (written for Parallax, not derived from any data set) that <see cref="LabelExtractor"/> uses.
/// All entries are lower case; lookups fold case and a trailing period ("Gov." = "gov"). Immutable and thread-safe.
/// </summary>
internal static class LabelLexicon
{
    /// <summary>Head words of titles and roles ("president", "minister", "leader").</summary>
    public static readonly FrozenSet<string> TitleHeads = Set(
        "president", "president-elect", "vice-president", "minister", "premier", "chancellor", "secretary", "ambassador", "envoy",
        "spokesperson", "spokesman", "spokeswoman", "leader", "executive", "ceo", "chairman", "chairwoman", "chair", "director",
        "senator", "sen", "governor", "gov", "mayor", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope",
        "general", "gen", "admiral", "adm", "colonel", "col", "commander", "chief", "judge", "justice", "prosecutor", "attorney",
        "lawmaker", "legislator", "representative", "rep", "congressman", "congresswoman", "mp", "head", "boss", "founder",
        "archbishop", "bishop", "cardinal", "official", "diplomat", "negotiator", "commissioner", "captain", "coach", "manager",
        "economist", "analyst", "professor", "chairperson", "deputy", "mp", "dictator-in-chief", "strongman");

    /// <summary>Words that may stand inside a title before its head ("Vice", "Prime", "union general", "Transport").</summary>
    public static readonly FrozenSet<string> TitleQualifiers = Set(
        "vice", "deputy", "prime", "foreign", "defence", "defense", "interior", "finance", "transport", "health", "justice",
        "trade", "labour", "labor", "economy", "education", "energy", "environment", "culture", "union", "party", "opposition",
        "state", "army", "military", "police", "rebel", "senior", "chief", "general", "executive", "assistant", "top", "company",
        "government", "press", "national", "security", "federal", "regional", "provincial", "junior", "lead", "association",
        "council", "committee", "board", "cabinet", "supreme", "high", "central", "bank", "port", "ministry", "white", "house",
        "kremlin", "campaign", "group", "team", "club", "church", "agriculture", "home", "treasury", "communications");

    /// <summary>Temporal or status modifiers that belong to a title ("former President", "acting minister").</summary>
    public static readonly FrozenSet<string> TitleModifiers = Set(
        "former", "acting", "interim", "then", "outgoing", "incoming", "late", "ex", "retired", "current", "sitting", "longtime",
        "long-time", "newly", "elected", "caretaker");

    /// <summary>Evaluative or loaded adjectives used before a name or title ("embattled", "radical", "steady-handed").</summary>
    public static readonly FrozenSet<string> Evaluative = Set(
        "embattled", "beleaguered", "disgraced", "controversial", "radical", "militant", "firebrand", "hardline", "hard-line",
        "far-left", "far-right", "leftist", "rightist", "socialist", "communist", "marxist", "authoritarian", "autocratic",
        "steady-handed", "respected", "veteran", "popular", "unpopular", "defiant", "fading", "notorious", "infamous",
        "self-proclaimed", "self-styled", "illegitimate", "ousted", "besieged", "maverick", "populist", "reformist", "moderate",
        "extremist", "corrupt", "brutal", "ruthless", "pro-kremlin", "pro-russian", "anti-government", "so-called", "rogue",
        "shadowy", "powerful", "beloved", "feared", "hated", "tough-talking", "outspoken", "hardworking", "hard-working",
        "no-nonsense", "strongman", "loyal", "staunch", "longtime", "embittered", "isolated", "ailing", "aging", "ageing");

    /// <summary>Nouns that label a person or group by judgement ("dictator", "agitator", "bosses").</summary>
    public static readonly FrozenSet<string> EpithetNouns = Set(
        "dictator", "dictators", "strongman", "autocrat", "despot", "tyrant", "regime", "agitator", "agitators", "firebrand",
        "bosses", "boss", "radical", "radicals", "militant", "militants", "hardliner", "hardliners", "extremist", "extremists",
        "demagogue", "thug", "thugs", "ringleader", "kingpin", "puppet", "crony", "cronies", "warlord", "zealot", "ideologue",
        "reformer", "stooge", "troublemaker", "insurgent", "terrorist", "rebel", "populist", "socialist", "communist",
        "strongmen", "autocrats", "tyrants", "despots");

    /// <summary>Heads of a standalone epithet noun phrase ("the fading dictator", "the veteran leader").</summary>
    public static readonly FrozenSet<string> EpithetHeads = Set(
        "dictator", "strongman", "autocrat", "despot", "tyrant", "agitator", "firebrand", "demagogue", "ringleader", "warlord",
        "hardliner", "radical", "leader", "president", "reformer", "zealot", "ideologue", "puppet", "stooge", "troublemaker");

    /// <summary>Participles that introduce a characterisation ("long seen as", "widely regarded as", "dubbed").</summary>
    public static readonly FrozenSet<string> Characterising = Set(
        "seen", "regarded", "viewed", "described", "considered", "known", "branded", "labelled", "labeled", "called", "dubbed",
        "hailed", "billed", "touted", "portrayed", "cast", "painted", "nicknamed", "derided", "praised", "denounced");

    /// <summary>Adverbs allowed before a characterising participle ("long seen as").</summary>
    public static readonly FrozenSet<string> CharacterisingAdverbs = Set(
        "long", "widely", "often", "once", "commonly", "frequently", "increasingly", "sometimes", "also", "largely", "generally",
        "variously", "repeatedly", "previously", "now");

    /// <summary>Copulas and auxiliaries of a predicate nominal ("X is a veteran diplomat", "who has been called").</summary>
    public static readonly FrozenSet<string> Copulas = Set(
        "is", "was", "remains", "remained", "became", "becomes", "has", "had", "have", "been", "be", "being", "are", "were",
        "widely", "long", "often", "still", "also", "now");

    /// <summary>Determiners that open a noun phrase (kept out of title spans, kept in appositions).</summary>
    public static readonly FrozenSet<string> Determiners = Set("a", "an", "the", "this", "that", "one");

    /// <summary>Capitalised words that never qualify a title (function words, days, months).</summary>
    public static readonly FrozenSet<string> NotQualifiers = Set(
        "the", "a", "an", "on", "in", "at", "by", "for", "from", "with", "to", "of", "and", "or", "but", "as", "when", "after",
        "before", "while", "since", "if", "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "mr", "mrs", "ms", "dr", "then", "now", "meanwhile", "also", "said", "says", "told", "asked",
        "later", "earlier", "under", "over", "about", "against", "between", "during", "without", "both", "his", "her", "their", "its", "our", "my");

    /// <summary>Words that end a predicate noun phrase (relative pronouns, conjunctions, clause verbs).</summary>
    public static readonly FrozenSet<string> PhraseStops = Set(
        "who", "which", "that", "and", "but", "or", "said", "says", "told", "when", "while", "because", "after", "before", "as",
        "since", "if", "whose", "where");

    /// <summary>Prepositions that end a predicate noun phrase ("a veteran diplomat | with long ties"); "of" is kept.</summary>
    public static readonly FrozenSet<string> Prepositions = Set(
        "with", "by", "to", "in", "at", "from", "for", "on", "over", "under", "against", "during", "after", "before", "since",
        "into", "about", "amid", "despite", "without", "through");

    public static string Fold(string word) => word.TrimEnd('.').ToLowerInvariant();

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
