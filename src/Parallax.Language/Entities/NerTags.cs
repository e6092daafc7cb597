namespace Parallax.Language.Entities;

/// <summary>The IOB2 tag set of the recognizer: O, then B/I for PER, ORG, LOC.</summary>
public static class NerTags
{
    public const int Count = 7;

    /// <summary>Tag names by index.</summary>
    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

    public static int Index(string tag) => Array.IndexOf(Names, tag) is var i and >= 0 ? i : 0;

    /// <summary>Entity type index 1..3 (PER, ORG, LOC) of a tag, 0 for O.</summary>
    public static int TypeOf(int tag) => (tag + 1) / 2;

    public static bool IsBegin(int tag) => tag > 0 && tag % 2 == 1;

    /// <summary>The first index at or after <paramref name="from"/> holding a B- tag (the start of a name), else <c>tags.Length</c>.</summary>
    public static int NextBegin(ReadOnlySpan<int> tags, int from)
    {
        while (from < tags.Length && !IsBegin(tags[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>
    /// The exclusive end of the name that starts at <paramref name="begin"/>: the first index after it whose tag is not the
    /// I- of <c>tags[begin]</c> (a B- tag). Only meaningful when <c>tags[begin]</c> is a B- tag.
    /// </summary>
    public static int RunEnd(ReadOnlySpan<int> tags, int begin)
    {
        var end = begin + 1;
        while (end < tags.Length && tags[end] == tags[begin] + 1)
        {
            end++;
        }

        return end;
    }

    /// <summary>I-X may only follow B-X or I-X (IOB2).</summary>
    public static bool Allowed(int previous, int tag) => tag == 0 || IsBegin(tag) || (previous > 0 && TypeOf(previous) == TypeOf(tag));

    /// <summary>Maps finer or foreign labels to the three scored types: PER/PERSON, ORG/ORGANIZATION, LOC/LOCATION/GPE; others to O.</summary>
    public static string Normalize(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
        {
            return "O";
        }

        var type = tag[2..] switch
        {
            "PER" or "PERSON" => "PER",
            "ORG" or "ORGANIZATION" => "ORG",
            "LOC" or "LOCATION" or "GPE" => "LOC",
            _ => null,
        };
        return type is null ? "O" : tag[..2] + type;
    }
}
