using System.Collections.Frozen;

namespace Parallax.Language.Text;

/// <summary>
/// Abbreviations that keep their final period as part of the token. Written by hand for this project (see docs/models.md).
/// Lookup is case-sensitive on the form without the final period ("Gen", "U.S", "a.m").
/// </summary>
internal static class Abbreviations
{
    /// <summary>Titles and other abbreviations that practically never end a sentence ("Mr. Smith", "Gen. Ortiz").</summary>
    public static readonly FrozenSet<string> NeverFinal = new[]
    {
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Adm", "Brig", "Cpl", "Pvt",
        "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Sens", "Reps",
        "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "Nos", "Vol", "vol", "pp", "p", "vs", "v", "approx", "ca", "cf", "e.g", "i.e", "Ave", "Blvd", "Rd",
        "Calif", "Fla", "Mass", "Penn", "Ariz", "Ark", "Colo", "Conn", "Del", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md",
        "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Abbreviations that may also end a sentence ("... in the U.S. The next day").</summary>
    public static readonly FrozenSet<string> MaybeFinal = new[]
    {
        "U.S", "U.K", "U.N", "E.U", "U.S.A", "a.m", "p.m", "A.M", "P.M", "Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "etc", "al",
        "D.C", "L.A", "N.Y", "Ph.D", "B.A", "M.A", "B.C", "A.D",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that commonly open a sentence; after a <see cref="MaybeFinal"/> abbreviation they signal a sentence break.</summary>
    public static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But", "And", "In",
        "On", "At", "For", "If", "When", "While", "After", "Before", "Its", "His", "Her", "Their", "Our", "There", "Some",
        "Many", "Most", "As", "Officials", "Meanwhile", "However", "Still", "Yet", "So", "Then", "Now",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _neverFinalSpan = NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _maybeFinalSpan = MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsKnown(string withoutPeriod) => NeverFinal.Contains(withoutPeriod) || MaybeFinal.Contains(withoutPeriod);

    /// <summary><see cref="IsKnown(string)"/> without making a string (the tokenizer asks for every word before a period).</summary>
    public static bool IsKnown(ReadOnlySpan<char> withoutPeriod) => _neverFinalSpan.Contains(withoutPeriod) || _maybeFinalSpan.Contains(withoutPeriod);
}
