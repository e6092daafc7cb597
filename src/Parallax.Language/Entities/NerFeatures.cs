namespace Parallax.Language.Entities;

/// <summary>
/// Feature extraction for the entity tagger: word, lower-cased word, affixes, word shape, neighbouring words and
/// shapes, position in the sentence, sentence casing, gazetteer membership (of the word and its neighbours), a lexicon
/// of words seen in lower case in the training text, document-level casing evidence, and the tag history. Every
/// feature is a 64-bit hash (see <see cref="FeatureHash"/>). Not thread-safe: one instance per thread/document.
/// </summary>
internal sealed class NerFeatures
{
    private readonly Gazetteer _gazetteer;
    private readonly IReadOnlySet<string> _lowerVocab;

    public NerFeatures(Gazetteer gazetteer, IReadOnlySet<string> lowerVocab)
    {
        _gazetteer = gazetteer;
        _lowerVocab = lowerVocab;
    }

    /// <summary>Per-document casing evidence: how each lower-cased word was written in ordinary (mixed-case) sentences.</summary>
    public sealed class DocContext
    {
        internal readonly Dictionary<string, byte> Seen = new(StringComparer.Ordinal);
        /// <summary>Last entity type (1..3) the tagger gave each lower-cased word earlier in the document.</summary>
        internal readonly Dictionary<string, int> History = new(StringComparer.Ordinal);
    }

    public const byte SeenTitleMid = 1;
    public const byte SeenLower = 2;

    public static DocContext BuildContext(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        var ctx = new DocContext();
        foreach (var s in sentences)
        {
            if (SentenceCase(s) != 0)
            {
                continue;
            }

            for (var i = 1; i < s.Count; i++)
            {
                var w = s[i];
                if (w.Length == 0 || !char.IsLetter(w[0]))
                {
                    continue;
                }

                byte flag = char.IsUpper(w[0]) ? SeenTitleMid : char.IsLower(w[0]) ? SeenLower : (byte)0;
                if (flag == 0)
                {
                    continue;
                }

                var lower = w.ToLowerInvariant();
                ctx.Seen[lower] = (byte)(ctx.Seen.GetValueOrDefault(lower) | flag);
            }
        }

        return ctx;
    }

    /// <summary>0 ordinary, 1 mostly upper case (headline), 2 all lower case.</summary>
    public static int SentenceCase(IReadOnlyList<string> words)
    {
        int letters = 0, upper = 0, lower = 0;
        foreach (var w in words)
        {
            var hasLetter = false;
            var allUpper = true;
            var allLower = true;
            foreach (var c in w)
            {
                if (char.IsLetter(c))
                {
                    hasLetter = true;
                    allUpper &= char.IsUpper(c);
                    allLower &= char.IsLower(c);
                }
            }

            if (!hasLetter)
            {
                continue;
            }

            letters++;
            if (allUpper && w.Length > 1)
            {
                upper++;
            }

            if (allLower)
            {
                lower++;
            }
        }

        if (letters >= 3 && upper * 10 >= letters * 7)
        {
            return 1;
        }

        return letters >= 4 && lower == letters ? 2 : 0;
    }

    /// <summary>Precomputed per-token strings of one sentence.</summary>
    public sealed class SentenceView
    {
        public required string[] Words { get; init; }
        public required string[] Lower { get; init; }
        public required string[] Shape { get; init; }
        public required string[] ShortShape { get; init; }
        public required GazetteerCategory[] GazBegin { get; init; }
        public required GazetteerCategory[] GazInside { get; init; }
        public required int Case { get; init; }
    }

    public SentenceView View(IReadOnlyList<string> words)
    {
        var n = words.Count;
        var view = new SentenceView
        {
            Words = [.. words],
            Lower = new string[n],
            Shape = new string[n],
            ShortShape = new string[n],
            GazBegin = new GazetteerCategory[n],
            GazInside = new GazetteerCategory[n],
            Case = SentenceCase(words),
        };
        for (var i = 0; i < n; i++)
        {
            view.Lower[i] = words[i].ToLowerInvariant();
            (view.Shape[i], view.ShortShape[i]) = Shapes(words[i]);
        }

        _gazetteer.Match(words, view.GazBegin, view.GazInside);
        return view;
    }

    private static (string Long, string Short) Shapes(string w)
    {
        Span<char> longShape = stackalloc char[Math.Min(w.Length, 8)];
        Span<char> shortShape = stackalloc char[8];
        var sl = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (i < longShape.Length)
            {
                longShape[i] = s;
            }

            if ((sl == 0 || shortShape[sl - 1] != s) && sl < shortShape.Length)
            {
                shortShape[sl++] = s;
            }
        }

        return (new string(longShape), new string(shortShape[..sl]));
    }

    private static ReadOnlySpan<char> Prefix(string s, int n) => s.AsSpan(0, Math.Min(n, s.Length));

    private static ReadOnlySpan<char> Suffix(string s, int n) => s.AsSpan(Math.Max(0, s.Length - n));

    private const string Bos = "<s>";
    private const string Eos = "</s>";

    /// <summary>Appends the tag-independent features of token <paramref name="i"/> to <paramref name="into"/>.</summary>
    public void Static(SentenceView v, int i, DocContext ctx, List<ulong> into)
    {
        var n = v.Words.Length;
        var w = v.Words[i];
        var lw = v.Lower[i];
        var prev = i > 0 ? v.Lower[i - 1] : Bos;
        var next = i + 1 < n ? v.Lower[i + 1] : Eos;
        var prev2 = i > 1 ? v.Lower[i - 2] : Bos;
        var next2 = i + 2 < n ? v.Lower[i + 2] : Eos;
        var sh = v.ShortShape[i];
        var prevShape = i > 0 ? v.ShortShape[i - 1] : Bos;
        var nextShape = i + 1 < n ? v.ShortShape[i + 1] : Eos;
        var caseTag = v.Case;

        into.Add(FeatureHash.Start(0));
        into.Add(FeatureHash.Of(1, lw));
        if (caseTag == 0)
        {
            into.Add(FeatureHash.Of(2, w));
        }

        into.Add(FeatureHash.Of(3, Prefix(lw, 2)));
        into.Add(FeatureHash.Of(4, Prefix(lw, 3)));
        into.Add(FeatureHash.Of(5, Suffix(lw, 2)));
        into.Add(FeatureHash.Of(6, Suffix(lw, 3)));
        into.Add(FeatureHash.Of(7, Suffix(lw, 4)));
        into.Add(FeatureHash.Of(8, v.Shape[i]));
        into.Add(FeatureHash.Of(9, sh));
        into.Add(FeatureHash.Of(10, prev));
        into.Add(FeatureHash.Of(11, next));
        into.Add(FeatureHash.Of(12, prev2));
        into.Add(FeatureHash.Of(13, next2));
        into.Add(FeatureHash.Of(14, prevShape));
        into.Add(FeatureHash.Of(15, nextShape));
        into.Add(FeatureHash.Of(16, prev, lw));
        into.Add(FeatureHash.Of(17, lw, next));
        into.Add(FeatureHash.Add(FeatureHash.Of(18, i == 0 ? 1 : i == 1 ? 2 : 3), sh));
        into.Add(FeatureHash.Add(FeatureHash.Of(19, caseTag), sh));
        if (caseTag != 0)
        {
            into.Add(FeatureHash.Add(FeatureHash.Of(20, caseTag), lw));
        }

        into.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Of(21, prevShape), sh), nextShape));
        if (i > 0 && caseTag == 0)
        {
            into.Add(FeatureHash.Of(22, v.Words[i - 1]));
        }

        if (i + 1 < n && caseTag == 0)
        {
            into.Add(FeatureHash.Of(23, v.Words[i + 1]));
        }

        // gazetteers: this word (begins / continues an entry), neighbours, and with capitalisation
        var cap = w.Length > 0 && char.IsUpper(w[0]) ? 1 : 0;
        AddGaz(into, 30, v.GazBegin[i], cap);
        AddGaz(into, 31, v.GazInside[i], cap);
        if (i > 0)
        {
            AddGaz(into, 32, v.GazBegin[i - 1] | v.GazInside[i - 1], 2);
        }

        if (i + 1 < n)
        {
            AddGaz(into, 33, v.GazBegin[i + 1] | v.GazInside[i + 1], 2);
        }

        if (i + 2 < n)
        {
            AddGaz(into, 34, v.GazBegin[i + 2] | v.GazInside[i + 2], 2);
        }

        // a word the training text uses in lower case is rarely a name, even when capitalised at a sentence start
        var common = _lowerVocab.Contains(lw);
        into.Add(FeatureHash.Add(FeatureHash.Of(40, common ? 1 : 0), cap + (i == 0 ? 2 : 0) + caseTag * 4));
        var seen = ctx.Seen.GetValueOrDefault(lw);
        into.Add(FeatureHash.Add(FeatureHash.Of(41, seen), cap + caseTag * 2));
        if (ctx.History.TryGetValue(lw, out var hist))
        {
            into.Add(FeatureHash.Add(FeatureHash.Of(42, hist), cap));
        }

        if (w.Length == 1)
        {
            into.Add(FeatureHash.Of(43, w));
        }

        into.Add(FeatureHash.Of(44, Math.Min(w.Length, 12)));
    }

    private static void AddGaz(List<ulong> into, int template, GazetteerCategory cats, int cap)
    {
        if (cats == GazetteerCategory.None)
        {
            return;
        }

        for (var bit = 1; bit <= (int)GazetteerCategory.Title; bit <<= 1)
        {
            if (((int)cats & bit) != 0)
            {
                into.Add(FeatureHash.Add(FeatureHash.Of(template, bit), cap));
            }
        }
    }

    /// <summary>Appends the tag-history features of token <paramref name="i"/> given the two previous tags.</summary>
    public static void Dynamic(SentenceView v, int i, int prevTag, int prev2Tag, List<ulong> into)
    {
        into.Add(FeatureHash.Of(100, prevTag));
        into.Add(FeatureHash.Add(FeatureHash.Of(101, prevTag), prev2Tag));
        into.Add(FeatureHash.Add(FeatureHash.Of(102, prevTag), v.Lower[i]));
        into.Add(FeatureHash.Add(FeatureHash.Of(103, prevTag), v.ShortShape[i]));
        into.Add(FeatureHash.Add(FeatureHash.Of(104, prevTag), (int)(v.GazBegin[i] | v.GazInside[i])));
    }
}
