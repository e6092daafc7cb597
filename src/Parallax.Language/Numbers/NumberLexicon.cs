using System.Collections.Frozen;

namespace Parallax.Language.Numbers;

/// <summary>Hand-written word lists for <see cref="QuantityTagger"/>. Immutable, shared, thread-safe.</summary>
internal static class NumberLexicon
{
    public static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Scale words after a number: "50 million", "1.2bn", "3k".</summary>
    public static readonly FrozenDictionary<string, decimal> Scales = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100m, ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m, ["bn"] = 1_000_000_000m, ["mn"] = 1_000_000m, ["m"] = 1_000_000m,
        ["k"] = 1_000m, ["tn"] = 1_000_000_000_000m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["twentieth"] = 20,
        ["hundredth"] = 100,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Currency signs before a number.</summary>
    public static readonly FrozenDictionary<string, string> CurrencySigns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₽"] = "RUB", ["₹"] = "INR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Currency words and codes, before ("valdor 40,000", "USD 5") or after ("3 billion rubles") a number.</summary>
    public static readonly FrozenDictionary<string, string> CurrencyWords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["dollar"] = "USD", ["dollars"] = "USD", ["usd"] = "USD", ["euro"] = "EUR", ["euros"] = "EUR", ["eur"] = "EUR",
        ["pound"] = "GBP", ["pounds"] = "GBP", ["gbp"] = "GBP", ["ruble"] = "RUB", ["rubles"] = "RUB", ["rouble"] = "RUB",
        ["roubles"] = "RUB", ["rub"] = "RUB", ["yuan"] = "CNY", ["yen"] = "JPY", ["rupees"] = "INR", ["bolivars"] = "VES",
        ["bolívars"] = "VES", ["valdor"] = "VALDOR", ["valdors"] = "VALDOR",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Time units: a count of these is a duration (Unit "duration"); TIMEX3 normalisation belongs to the time tagger.</summary>
    public static readonly FrozenSet<string> TimeUnits = new[]
    {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "decade", "decades", "century", "centuries",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Months = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Denominators after a number word: "two thirds" → 0.6667 (unit "fraction").</summary>
    public static readonly FrozenDictionary<string, decimal> Fractions = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["half"] = 2m, ["halves"] = 2m, ["third"] = 3m, ["thirds"] = 3m, ["quarter"] = 4m, ["quarters"] = 4m,
        ["fifth"] = 5m, ["fifths"] = 5m, ["tenth"] = 10m, ["tenths"] = 10m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Weekdays = new[]
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Modifiers before a number, longest first (matched as whole words).</summary>
    public static readonly string[] Modifiers =
    [
        "more than", "fewer than", "less than", "as many as", "as few as", "at least", "at most", "up to", "just over",
        "just under", "close to", "no more than", "over", "under", "about", "around", "nearly", "almost", "roughly",
        "approximately", "some", "only", "just", "an estimated", "estimated",
    ];

    /// <summary>Words that end a counted noun phrase: prepositions, conjunctions, determiners, auxiliaries, pronouns.</summary>
    public static readonly FrozenSet<string> Stops = new[]
    {
        "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into", "onto", "over", "under", "after",
        "before", "since", "near", "off", "outside", "inside", "via", "through", "toward", "towards", "until", "during", "against", "between", "among", "per", "than", "as", "like", "about", "across",
        "and", "or", "but", "nor", "so", "yet", "that", "which", "who", "whom", "whose", "what", "when", "where", "while",
        "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will",
        "would", "can", "could", "may", "might", "must", "shall", "should", "said", "say", "says", "told",
        "it", "they", "he", "she", "we", "you", "i", "them", "him", "us", "there", "here", "not", "no", "also", "more",
        "less", "times", "percent", "each", "all", "both", "other", "others", "up", "down", "out", "off", "away", "back",
        "ago", "later", "earlier", "too", "very", "then", "now", "if", "because", "whether", "again", "only", "just",
        "old", "apiece", "left", "took", "went", "came", "made", "got", "held", "fell", "rose", "sent", "met", "saw",
        "lost", "won", "began", "fled", "hit", "cut", "set", "put", "ran", "led", "remain", "remained", "stood",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Determiners allowed at the start of what "twice"/"N of" counts ("twice the reward", "3,800 of its members").</summary>
    public static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "its", "their", "his", "her", "our", "those", "these", "them", "a", "an",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Vague plural counts: "dozens of ships" (no exact value).</summary>
    public static readonly FrozenSet<string> VaguePlurals = new[]
    {
        "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
