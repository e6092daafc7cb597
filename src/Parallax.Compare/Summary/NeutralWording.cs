using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Compare.Summary;

/// <summary>
/// The neutral-wording filter of the summary: a sentence is not neutral when it is mostly a direct quote, exclaims or asks, puts scare quotes
/// around a few words without saying who said them, speaks in the first person outside a quote, or uses a word of the
/// small loaded-word list below (documented in docs/summary.md; written by hand, not learned). Pure and thread-safe.
/// </summary>
public static partial class NeutralWording
{
    /// <summary>Loaded or sensational words a neutral summary avoids (lower-case surface forms).</summary>
    public static readonly FrozenSet<string> LoadedWords = FrozenSet.ToFrozenSet(
    [
        "dictator", "dictators", "regime", "radical", "radicals", "agitator", "firebrand", "bosses", "thug", "thugs",
        "crusade", "stunt", "ransom", "disgrace", "disgraceful", "outrageous", "shocking", "slams", "slammed", "blasts",
        "blasted", "rips", "ripped", "destroys", "destroyed", "lunatic", "hysteria", "hysterical", "scheme", "sham",
        "fake", "hoax", "witch", "radicalized", "extremist", "extremists", "socialist", "socialists", "leftist",
        "leftists", "far-right", "far-left", "woke", "rant", "rants", "meltdown", "hypocrisy", "hypocritical", "traitor",
        "treason", "corrupt", "evil", "disastrous", "catastrophic", "insane", "absurd", "ridiculous", "pathetic",
        "so-called", "embattled", "fading", "brutal", "militant",
    ], StringComparer.Ordinal);

    /// <summary>Why <paramref name="sentence"/> is not neutral, or null when it is.</summary>
    public static string? Reason(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        // A sentence that opens or closes a quotation it does not finish is a piece of a longer direct quote.
        var straight = sentence.Count(c => c == '"');
        var opening = sentence.Count(c => c == '\u201c');
        var closing = sentence.Count(c => c == '\u201d');
        if (straight % 2 == 1 || opening != closing)
        {
            return "part of a direct quote";
        }

        var outside = QuotedPattern().Replace(sentence, " ");
        if (outside.Trim().Length < sentence.Trim().Length * 0.5)
        {
            return "mostly a direct quote";
        }

        if (outside.Contains('!', StringComparison.Ordinal) || outside.Contains('?', StringComparison.Ordinal))
        {
            return "exclamation or question";
        }

        if (FirstPersonPattern().IsMatch(outside))
        {
            return "first person";
        }

        foreach (Match m in QuotedPattern().Matches(sentence))
        {
            // A quotation the outlet cut ("unlawful ... and") is its edit of the speaker's words, not neutral wording.
            if (m.Value.Contains("...", StringComparison.Ordinal) || m.Value.Contains('\u2026', StringComparison.Ordinal))
            {
                return "truncated quotation";
            }

            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words <= 4 && !CuePattern().IsMatch(sentence))
            {
                return "scare quotes";
            }
        }

        foreach (Match m in WordPattern().Matches(outside))
        {
            if (LoadedWords.Contains(m.Value.ToLowerInvariant()))
            {
                return "loaded word '" + m.Value + "'";
            }
        }

        return null;
    }

    [GeneratedRegex("[\"\u201c][^\"\u201c\u201d]{0,400}[\"\u201d]")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"\b(?:I|[Ww]e|[Oo]urs?|us|[Mm]y|me|myself|ourselves)\b")]
    private static partial Regex FirstPersonPattern();

    [GeneratedRegex(@"\b(?:said|says|say|told|tells|called|calls|call|described|describes|dubbed|according|wrote|writes|tweeted|posted|stated|declared|added|warned|insisted|claimed|claims|referred|termed|labeled|labelled)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CuePattern();

    [GeneratedRegex(@"[\p{L}][\p{L}-]*")]
    private static partial Regex WordPattern();
}
