using Parallax.Language.Text;

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
    private readonly IReadOnlyDictionary<string, byte> _caseProfile;
    private readonly IReadOnlyDictionary<string, byte> _casingClasses;

    public NerFeatures(Gazetteer gazetteer, IReadOnlyDictionary<string, byte> caseProfile, IReadOnlyDictionary<string, byte>? casingClasses = null)
    {
        _gazetteer = gazetteer;
        _caseProfile = caseProfile;
        _casingClasses = casingClasses ?? System.Collections.Frozen.FrozenDictionary<string, byte>.Empty;
    }

    /// <summary>
    /// Casing classes of words in open unlabelled text: for each lower-cased word seen at least <paramref name="minCount"/>
    /// times inside ordinary (mixed-case) sentences after their first token, written either all in lower case or with a
    /// capital first letter (all-capital forms are not counted), the share written capitalised: 1 never, 2 below a quarter,
    /// 3 a quarter to three quarters, 4 above three quarters, 5 always. A word always capitalised mid-sentence is a name
    /// or part of one; a word never capitalised is not, even at a sentence start.
    /// </summary>
    public static Dictionary<string, byte> CasingClasses(IEnumerable<IReadOnlyList<string>> sentences, int minCount = 2)
    {
        var counts = new Dictionary<string, (int Cap, int Lower)>(StringComparer.Ordinal);
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

                var lower = Chars.All(w, c => !char.IsUpper(c));
                var capital = char.IsUpper(w[0]) && (w.Length == 1 || Chars.Any(w, char.IsLower, 1));
                if (!lower && !capital)
                {
                    continue;
                }

                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, w.ToLowerInvariant(), out _);
                slot = capital ? (slot.Cap + 1, slot.Lower) : (slot.Cap, slot.Lower + 1);
            }
        }

        var classes = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (w, (cap, low)) in counts)
        {
            var total = cap + low;
            if (total < minCount)
            {
                continue;
            }

            classes[w] = cap == 0 ? (byte)1 : cap * 4 < total ? (byte)2 : cap * 4 <= total * 3 ? (byte)3 : low > 0 ? (byte)4 : (byte)5;
        }

        return classes;
    }

    /// <summary>
    /// The lower-case lexicon: words written in lower case (all letters lower, length &gt; 1) inside ordinary sentences
    /// at least <paramref name="minCount"/> times → 1. Such words are rarely names even when capitalised at a sentence start.
    /// </summary>
    public static Dictionary<string, byte> CaseProfile(IEnumerable<IReadOnlyList<string>> sentences, int minCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            if (SentenceCase(s) != 0)
            {
                continue;
            }

            for (var i = 1; i < s.Count; i++)
            {
                var w = s[i];
                if (w.Length > 1 && Chars.All(w, char.IsLower))
                {
                    counts[w] = counts.GetValueOrDefault(w) + 1;
                }
            }
        }

        return counts.Where(p => p.Value >= minCount).ToDictionary(p => p.Key, _ => (byte)1, StringComparer.Ordinal);
    }

    /// <summary>Per-document casing evidence: how each lower-cased word was written in ordinary (mixed-case) sentences.</summary>
    public sealed class DocContext
    {
        internal readonly Dictionary<string, byte> Seen;
        /// <summary>Last entity type (1..3) the tagger gave each lower-cased word earlier in the document.</summary>
        internal readonly Dictionary<string, int> History;

        public DocContext()
            : this(0)
        {
        }

        /// <summary>Dictionaries sized for a document of <paramref name="words"/> tokens (capacity only: lookups never enumerate them).</summary>
        internal DocContext(int words)
        {
            Seen = new(words / 3, StringComparer.Ordinal);
            History = new(words / 8, StringComparer.Ordinal);
        }
    }

    public const byte SeenTitleMid = 1;
    public const byte SeenLower = 2;

    public static DocContext BuildContext(IReadOnlyList<SentenceView> sentences)
    {
        var words = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            words += sentences[s].Words.Length;
        }

        var ctx = new DocContext(words);
        for (var s = 0; s < sentences.Count; s++)
        {
            var v = sentences[s];
            if (v.Case != 0)
            {
                continue;
            }

            for (var i = 1; i < v.Words.Length; i++)
            {
                var w = v.Words[i];
                if (w.Length == 0 || !char.IsLetter(w[0]))
                {
                    continue;
                }

                byte flag = char.IsUpper(w[0]) ? SeenTitleMid : char.IsLower(w[0]) ? SeenLower : (byte)0;
                if (flag == 0)
                {
                    continue;
                }

                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ctx.Seen, v.Lower[i], out _);
                slot |= flag;
            }
        }

        return ctx;
    }

    /// <summary>0 ordinary, 1 mostly upper case (headline), 2 all lower case.</summary>
    public static int SentenceCase(IReadOnlyList<string> words)
    {
        int letters = 0, upper = 0, lower = 0;
        for (var k = 0; k < words.Count; k++)
        {
            var w = words[k];
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

    /// <summary>Precomputed per-token strings and value hashes of one sentence.</summary>
    public sealed class SentenceView
    {
        public required string[] Words { get; init; }
        public required string[] Lower { get; init; }
        public required ulong[] WordH { get; init; }
        public required ulong[] LowerH { get; init; }
        public required ulong[] ShapeH { get; init; }
        public required ulong[] ShortH { get; init; }
        /// <summary>Per token: prefix 2, prefix 3, suffix 2, suffix 3, suffix 4 hashes.</summary>
        public required ulong[] AffixH { get; init; }
        public required GazetteerCategory[] GazBegin { get; init; }
        public required GazetteerCategory[] GazInside { get; init; }
        public required int Case { get; init; }
    }

    private static readonly ulong _bos = FeatureHash.Of("<s>");
    private static readonly ulong _eos = FeatureHash.Of("</s>");

    /// <summary>
    /// Hash arrays of one sentence slot kept for reuse: the tagger gives sentence s of each document the arrays of slot s
    /// of its thread, so the hashes (read only while tagging that document) cost no allocation per sentence. The arrays may
    /// be longer than the sentence; only the first n entries (5n for affixes) are written and read.
    /// </summary>
    internal sealed class HashScratch
    {
        public ulong[] WordH = [], LowerH = [], ShapeH = [], ShortH = [], AffixH = [];

        public void Ensure(int n)
        {
            if (WordH.Length >= n)
            {
                return;
            }

            var capacity = Math.Max(32, n);
            WordH = new ulong[capacity];
            LowerH = new ulong[capacity];
            ShapeH = new ulong[capacity];
            ShortH = new ulong[capacity];
            AffixH = new ulong[capacity * 5];
        }
    }

    public SentenceView View(IReadOnlyList<string> words) => View(words, null);

    /// <summary><see cref="View(IReadOnlyList{string})"/> writing the hashes into <paramref name="scratch"/>'s arrays (valid until the scratch is reused) when given.</summary>
    internal SentenceView View(IReadOnlyList<string> words, HashScratch? scratch)
    {
        var n = words.Count;
        scratch?.Ensure(n);
        var view = new SentenceView
        {
            Words = words as string[] ?? [.. words], // read only: the caller's array is shared, not copied
            Lower = new string[n],
            WordH = scratch?.WordH ?? new ulong[n],
            LowerH = scratch?.LowerH ?? new ulong[n],
            ShapeH = scratch?.ShapeH ?? new ulong[n],
            ShortH = scratch?.ShortH ?? new ulong[n],
            AffixH = scratch?.AffixH ?? new ulong[n * 5],
            GazBegin = new GazetteerCategory[n],
            GazInside = new GazetteerCategory[n],
            Case = SentenceCase(words),
        };
        Span<char> longShape = stackalloc char[8];
        Span<char> shortShape = stackalloc char[8];
        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            var lw = Lower(w);
            view.Lower[i] = lw;
            view.WordH[i] = FeatureHash.Of(w);
            view.LowerH[i] = FeatureHash.Of(lw);
            var (ll, sl) = Shapes(w, longShape, shortShape);
            view.ShapeH[i] = FeatureHash.Of(longShape[..ll]);
            view.ShortH[i] = FeatureHash.Of(shortShape[..sl]);
            var a = i * 5;
            view.AffixH[a] = FeatureHash.Of(lw.AsSpan(0, Math.Min(2, lw.Length)));
            view.AffixH[a + 1] = FeatureHash.Of(lw.AsSpan(0, Math.Min(3, lw.Length)));
            view.AffixH[a + 2] = FeatureHash.Of(lw.AsSpan(Math.Max(0, lw.Length - 2)));
            view.AffixH[a + 3] = FeatureHash.Of(lw.AsSpan(Math.Max(0, lw.Length - 3)));
            view.AffixH[a + 4] = FeatureHash.Of(lw.AsSpan(Math.Max(0, lw.Length - 4)));
        }

        _gazetteer.MatchLower(view.Lower, view.GazBegin, view.GazInside);
        return view;
    }

    /// <summary>
    /// <c>w.ToLowerInvariant()</c>, without the call when no character can change: no ASCII capital and no character outside
    /// ASCII except general punctuation (U+2000–U+206F: quotes, dashes; no cased characters), the usual token of news text.
    /// </summary>
    private static string Lower(string w)
    {
        foreach (var c in w)
        {
            if (c is >= 'A' and <= 'Z' || (c >= '\u0080' && c is < '\u2000' or > '\u206F'))
            {
                return w.ToLowerInvariant();
            }
        }

        return w;
    }

    private static (int Long, int Short) Shapes(string w, Span<char> longShape, Span<char> shortShape)
    {
        var ll = 0;
        var sl = 0;
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (ll < longShape.Length)
            {
                longShape[ll++] = s;
            }

            if ((sl == 0 || shortShape[sl - 1] != s) && sl < shortShape.Length)
            {
                shortShape[sl++] = s;
            }
        }

        return (ll, sl);
    }

    /// <summary>Appends the tag-independent features of token <paramref name="i"/> to <paramref name="into"/>.</summary>
    public void Static(SentenceView v, int i, DocContext ctx, List<ulong> into)
    {
        var n = v.Words.Length;
        var w = v.Words[i];
        var lw = v.Lower[i];
        var lh = v.LowerH[i];
        var prev = i > 0 ? v.LowerH[i - 1] : _bos;
        var next = i + 1 < n ? v.LowerH[i + 1] : _eos;
        var prev2 = i > 1 ? v.LowerH[i - 2] : _bos;
        var next2 = i + 2 < n ? v.LowerH[i + 2] : _eos;
        var sh = v.ShortH[i];
        var prevShape = i > 0 ? v.ShortH[i - 1] : _bos;
        var nextShape = i + 1 < n ? v.ShortH[i + 1] : _eos;
        var caseTag = v.Case;

        into.Add(FeatureHash.Mix(0, 0));
        into.Add(FeatureHash.Mix(1, lh));
        if (caseTag == 0)
        {
            into.Add(FeatureHash.Mix(2, v.WordH[i]));
        }

        var a = i * 5;
        into.Add(FeatureHash.Mix(3, v.AffixH[a]));
        into.Add(FeatureHash.Mix(4, v.AffixH[a + 1]));
        into.Add(FeatureHash.Mix(5, v.AffixH[a + 2]));
        into.Add(FeatureHash.Mix(6, v.AffixH[a + 3]));
        into.Add(FeatureHash.Mix(7, v.AffixH[a + 4]));
        into.Add(FeatureHash.Mix(8, v.ShapeH[i]));
        into.Add(FeatureHash.Mix(9, sh));
        into.Add(FeatureHash.Mix(10, prev));
        into.Add(FeatureHash.Mix(11, next));
        into.Add(FeatureHash.Mix(12, prev2));
        into.Add(FeatureHash.Mix(13, next2));
        into.Add(FeatureHash.Mix(14, prevShape));
        into.Add(FeatureHash.Mix(15, nextShape));
        into.Add(FeatureHash.Mix(16, prev, lh));
        into.Add(FeatureHash.Mix(17, lh, next));
        into.Add(FeatureHash.Mix(18, i == 0 ? 1 : i == 1 ? 2 : 3, sh));
        into.Add(FeatureHash.Mix(19, caseTag, sh));
        if (caseTag != 0)
        {
            into.Add(FeatureHash.Mix(20, caseTag, lh));
        }

        into.Add(FeatureHash.Mix(21, FeatureHash.Mix(21, prevShape, sh), nextShape));
        if (i > 0 && caseTag == 0)
        {
            into.Add(FeatureHash.Mix(22, v.WordH[i - 1]));
        }

        if (i + 1 < n && caseTag == 0)
        {
            into.Add(FeatureHash.Mix(23, v.WordH[i + 1]));
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
        var profile = _caseProfile.GetValueOrDefault(lw);
        into.Add(FeatureHash.Mix(40, profile, (ulong)(cap + (i == 0 ? 2 : 0) + (caseTag * 4))));
        var seen = ctx.Seen.GetValueOrDefault(lw);
        into.Add(FeatureHash.Mix(41, seen, (ulong)(cap + (caseTag * 2))));
        if (ctx.History.TryGetValue(lw, out var hist))
        {
            into.Add(FeatureHash.Mix(42, hist, (ulong)cap));
        }

        if (w.Length == 1)
        {
            into.Add(FeatureHash.Mix(43, v.WordH[i]));
        }

        if (_casingClasses.Count > 0)
        {
            // 0 = not seen (often enough) in the open text
            into.Add(FeatureHash.Mix(45, _casingClasses.GetValueOrDefault(lw), (ulong)(cap + (i == 0 ? 2 : 0) + (caseTag * 4))));
        }

        into.Add(FeatureHash.Mix(44, Math.Min(w.Length, 12)));
    }

    private static void AddGaz(List<ulong> into, int template, GazetteerCategory cats, int cap)
    {
        if (cats == GazetteerCategory.None)
        {
            return;
        }

        for (var bit = 1; bit <= (int)GazetteerCategory.Club; bit <<= 1)
        {
            if (((int)cats & bit) != 0)
            {
                into.Add(FeatureHash.Mix(template, bit, (ulong)cap));
            }
        }
    }

    /// <summary>Number of tag-history features <see cref="Dynamic(SentenceView, int, int, int, Span{ulong})"/> writes.</summary>
    public const int DynamicCount = 5;

    /// <summary>Appends the tag-history features of token <paramref name="i"/> given the two previous tags.</summary>
    public static void Dynamic(SentenceView v, int i, int prevTag, int prev2Tag, List<ulong> into)
    {
        Span<ulong> features = stackalloc ulong[DynamicCount];
        Dynamic(v, i, prevTag, prev2Tag, features);
        into.AddRange(features);
    }

    /// <summary>Writes the <see cref="DynamicCount"/> tag-history features of token <paramref name="i"/> given the two previous tags, in the order <see cref="Dynamic(SentenceView, int, int, int, List{ulong})"/> appends them.</summary>
    public static void Dynamic(SentenceView v, int i, int prevTag, int prev2Tag, Span<ulong> into)
    {
        into[0] = FeatureHash.Mix(100, prevTag);
        into[1] = FeatureHash.Mix(101, prevTag, (ulong)(uint)prev2Tag);
        into[2] = FeatureHash.Mix(102, prevTag, v.LowerH[i]);
        into[3] = FeatureHash.Mix(103, prevTag, v.ShortH[i]);
        into[4] = FeatureHash.Mix(104, prevTag, (ulong)(v.GazBegin[i] | v.GazInside[i]));
    }
}
