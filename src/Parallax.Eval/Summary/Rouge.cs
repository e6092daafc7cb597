using System.Text;
using Parallax.Compare.Summary;

namespace Parallax.Eval.Summary;

/// <summary>ROUGE-1/2/L F1 of one candidate against one reference, each in [0, 1].</summary>
public readonly record struct RougeScore(double Rouge1, double Rouge2, double RougeL);

/// <summary>
/// ROUGE exactly as ../shared/tools/score/rouge.py computes it (which follows Google's rouge-score with the stemmer on):
/// text lower-cased, tokens <c>[a-z0-9]+</c>, tokens longer than 3 characters Porter-stemmed, no stop-word removal;
/// ROUGE-N F1 from clipped n-gram overlap; ROUGE-L F1 from the longest common subsequence of the two whole token
/// sequences (no sentence splitting). The floating-point operations are done in the scorer's order so the figures
/// agree to the last digit. Thread-safe.
/// </summary>
public static class Rouge
{
    /// <summary>The scorer's tokens of <paramref name="text"/>.</summary>
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var lower = text.ToLowerInvariant();
        var current = new StringBuilder();
        foreach (var c in lower)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                Add(tokens, current);
            }
        }

        if (current.Length > 0)
        {
            Add(tokens, current);
        }

        return tokens;
    }

    private static void Add(List<string> tokens, StringBuilder current)
    {
        var t = current.ToString();
        current.Clear();
        tokens.Add(t.Length > 3 ? PorterStemmer.Stem(t) : t);
    }

    public static RougeScore Score(string? candidate, string? reference)
    {
        var c = Tokens(candidate);
        var r = Tokens(reference);
        return new RougeScore(RougeN(c, r, 1), RougeN(c, r, 2), F(Lcs(c, r), c.Count, r.Count));
    }

    /// <summary>F1 from a match count and the two lengths, as the scorer computes it (0 when any is 0).</summary>
    public static double F(int matches, int candidateCount, int referenceCount)
    {
        if (matches == 0 || candidateCount == 0 || referenceCount == 0)
        {
            return 0.0;
        }

        var p = (double)matches / candidateCount;
        var r = (double)matches / referenceCount;
        return 2 * p * r / (p + r);
    }

    public static double RougeN(List<string> candidate, List<string> reference, int n)
    {
        var cg = NGrams(candidate, n);
        var rg = NGrams(reference, n);
        var matches = 0;
        foreach (var (gram, count) in cg)
        {
            if (rg.TryGetValue(gram, out var other))
            {
                matches += Math.Min(count, other);
            }
        }

        return F(matches, Math.Max(0, candidate.Count - n + 1), Math.Max(0, reference.Count - n + 1));
    }

    private static Dictionary<string, int> NGrams(List<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var gram = n == 1 ? tokens[i] : string.Join('\u0001', tokens.GetRange(i, n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    /// <summary>The length of the longest common subsequence of two token lists.</summary>
    public static int Lcs(List<string> a, List<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        foreach (var x in a)
        {
            current[0] = 0;
            for (var j = 0; j < b.Count; j++)
            {
                current[j + 1] = x == b[j] ? previous[j] + 1 : Math.Max(previous[j + 1], current[j]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }
}
