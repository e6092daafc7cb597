using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parallax.Stories;

/// <summary>
/// The online side of <see cref="StoryClusterer"/>: running document frequencies, story centroids (sums of member
/// vectors) and an inverted index feature → stories over each member's heaviest features.
/// <para>Features are interned to integer ids (first seen, first numbered); a centroid is two parallel arrays sorted by
/// id (12 bytes per entry). Every floating-point sum is taken in the same order as the reference definition (the
/// article's vector order: feature keys in ordinal order), so scores, placements and similarities are bit-identical
/// to the string-keyed formulation pinned by tests/golden/stories/output-pins.txt.</para>
/// <para>Placing an article costs its feature count, the posting lengths of its <see cref="StoryClustererOptions.CandidateFeatures"/>
/// lookup features, and one merge with each of at most <see cref="StoryClustererOptions.CandidatesPerArticle"/> candidate
/// centroids. Single writer; not thread-safe.</para>
/// </summary>
internal sealed class OnlineIndex
{
    private readonly StoryClustererOptions _options;
    private readonly FeatureVocabulary _vocabulary;
    // Document frequency by vocabulary id (grown to the vocabulary's id bound as keys arrive).
    private int[] _df = new int[1024];
    private readonly List<OnlineStory> _stories = [];
    private readonly Dictionary<string, int> _storyIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly Dictionary<string, int> _storyOf = new(StringComparer.Ordinal);
    private int _documents;

    // Scratch of the placement in progress (single writer): the article vector in vector order, its positions sorted by
    // feature id, the lookup features, per-position products and old centroid values, and per-story partial scores.
    private int[] _vid = new int[256];
    private double[] _vw = new double[256];
    private int _vn;
    private int[] _sortedIds = new int[256];
    private int[] _sortedPos = new int[256];
    private double[] _perPosition = new double[256];
    private int[] _query = new int[64];
    private int _qn;
    private int[] _select = new int[256];
    private double[] _partial = new double[256];
    private readonly List<int> _touched = [];
    private int[] _candidates = new int[64];
    private readonly Palette _palette = new();

    public OnlineIndex(StoryClustererOptions options, FeatureVocabulary vocabulary)
    {
        _options = options;
        _vocabulary = vocabulary;
    }

    /// <summary>Stories, centroid entries and the bytes of their arrays (ids, weights or palette and codes, indexed features), for memory figures.</summary>
    public (int Stories, long Entries, long Bytes) Footprint()
    {
        long entries = 0, bytes = 0;
        foreach (var s in _stories)
        {
            entries += s.Entries;
            bytes += s.Bytes;
        }

        return (_stories.Count, entries, bytes);
    }

    public string? StoryOf(string articleId) => _storyOf.TryGetValue(articleId, out var s) ? _stories[s].Id : null;

    public void Reset()
    {
        _df = new int[1024];
        _stories.Clear();
        _storyIndex.Clear();
        _postings.Clear();
        _storyOf.Clear();
        _documents = 0;
    }

    public StoryPlacement Place(ArticleFeatures features)
    {
        _documents++;
        var keys = features.Ids;
        Ensure(ref _vid, keys.Length);
        EnsureDf();
        for (var i = 0; i < keys.Length; i++)
        {
            var id = keys[i];
            _df[id]++;
            _vid[i] = id;
        }

        Vectorise(features);
        SelectQuery();

        // Partial scores over the heaviest features pick a few candidate stories; only those get the full cosine.
        Ensure(ref _partial, _stories.Count);
        for (var q = 0; q < _qn; q++)
        {
            var p = _query[q];
            if (_postings.TryGetValue(_vid[p], out var list))
            {
                var w = _vw[p];
                var id = _vid[p];
                foreach (var s in list)
                {
                    if (!_stories[s].Touched)
                    {
                        _stories[s].Touched = true;
                        _touched.Add(s);
                    }

                    _partial[s] += w * _stories[s].ValueAt(id);
                }
            }
        }

        var candidates = SelectCandidates();
        SortPositionsById();
        var best = -1;
        var bestScore = 0.0;
        for (var c = 0; c < candidates; c++)
        {
            var story = _stories[_candidates[c]];
            var dot = story.Dot(_sortedIds, _sortedPos, _vn, _vw, _perPosition);
            var score = story.NormSquared > 0 ? dot / Math.Sqrt(story.NormSquared) : 0;
            score *= story.TimeFactor(features.Published, _options);
            if (score > bestScore)
            {
                best = _candidates[c];
                bestScore = score;
            }
        }

        var opened = best < 0 || bestScore < _options.PlacementThreshold;
        if (opened)
        {
            best = OpenStory("o-" + features.ArticleId);
        }

        AddTo(best, features.ArticleId, features.Published);
        return new StoryPlacement(features.ArticleId, _stories[best].Id, opened ? 0 : Math.Round(bestScore, 4), opened, []);
    }

    /// <summary>Rebuilds the index from consolidated stories so later arrivals are placed against them.</summary>
    public void Seed(IReadOnlyList<ArticleFeatures> canonical, FeatureSpace space, IEnumerable<Story> stories, IReadOnlyDictionary<string, string> storyOf)
    {
        Reset();
        _documents = canonical.Count;
        EnsureDf();
        var vocabularyIds = space.VocabularyIds;
        for (var id = 0; id < vocabularyIds.Length; id++)
        {
            _df[vocabularyIds[id]] = space.DocumentFrequency[id];
        }

        foreach (var s in stories)
        {
            OpenStory(s.Id);
        }

        for (var d = 0; d < canonical.Count; d++)
        {
            var v = space.Vectors[d];
            _vn = v.Ids.Length;
            Ensure(ref _vid, _vn);
            Ensure(ref _vw, _vn);
            for (var i = 0; i < _vn; i++)
            {
                _vid[i] = vocabularyIds[v.Ids[i]];
                _vw[i] = v.Weights[i];
            }

            Heaviest();
            SelectQuery();
            SortPositionsById();
            AddTo(_storyIndex[storyOf[canonical[d].ArticleId]], canonical[d].ArticleId, canonical[d].Published);
        }
    }

    private void EnsureDf()
    {
        var bound = _vocabulary.IdBound;
        if (_df.Length < bound)
        {
            Array.Resize(ref _df, Math.Max(bound, _df.Length * 2));
        }
    }

    private int OpenStory(string id)
    {
        var index = _stories.Count;
        _stories.Add(new OnlineStory(id));
        _storyIndex[id] = index;
        return index;
    }

    /// <summary>The article's TF-IDF vector against the running counts, in its key order, L2-normalised (then <see cref="Heaviest"/>).</summary>
    private void Vectorise(ArticleFeatures features)
    {
        var n = Math.Max(_documents, 1);
        var length = features.Length;
        Ensure(ref _vw, length);
        var m = 0;
        var norm = 0.0;
        var spaces = features.Namespaces;
        var run = 0;
        for (var i = 0; i < length; i++)
        {
            while (spaces[run].End <= i)
            {
                run++;
            }

            var count = features.CountAt(i);
            var id = _vid[i];
            var idf = FeatureSpace.Idf(n, _df[id]);
            var weight = FeatureSpace.NamespaceWeight(spaces[run].Space, _options);
            var w = (1 + Math.Log(Math.Max(count, 1))) * idf * weight;
            if (w > 0)
            {
                _vid[m] = id;
                _vw[m] = w;
                m++;
                norm += w * w;
            }
        }

        norm = Math.Sqrt(norm);
        _vn = norm == 0 ? 0 : m;
        for (var i = 0; i < _vn; i++)
        {
            _vw[i] /= norm;
        }

        Heaviest();
    }

    /// <summary>
    /// The <see cref="StoryClustererOptions.OnlineFeatures"/> heaviest entries (ties by key), renormalised: the online
    /// side keeps only an article's strongest features in centroids and scoring, so its memory and time per article stay
    /// bounded for long articles. Consolidation uses every feature.
    /// </summary>
    private void Heaviest()
    {
        var k = _options.OnlineFeatures;
        if (k <= 0 || _vn <= k)
        {
            return;
        }

        var order = new int[_vn];
        for (var i = 0; i < _vn; i++)
        {
            order[i] = i;
        }

        var ids = _vid;
        var ws = _vw;
        var vocabulary = _vocabulary;
        Array.Sort(order, (x, y) => ws[x] != ws[y] ? ws[y].CompareTo(ws[x]) : vocabulary.Compare(ids[x], ids[y]));
        var newIds = new int[k];
        var newWs = new double[k];
        var norm = 0.0;
        for (var i = 0; i < k; i++)
        {
            newIds[i] = ids[order[i]];
            newWs[i] = ws[order[i]];
            norm += newWs[i] * newWs[i];
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < k; i++)
        {
            _vid[i] = newIds[i];
            _vw[i] = newWs[i] / norm;
        }

        _vn = k;
    }

    /// <summary>
    /// The lookup features: the <see cref="StoryClustererOptions.CandidateFeatures"/> heaviest entries whose document
    /// frequency is at most the cap, heaviest first (ties by key), as positions in the vector.
    /// </summary>
    private void SelectQuery()
    {
        var maxDf = Math.Max(_options.CandidateMaxDfMin, (int)(_options.CandidateMaxDfShare * _documents));
        var k = _options.CandidateFeatures;
        Ensure(ref _query, k + 1);
        _qn = 0;
        if (k <= 0)
        {
            return;
        }

        for (var p = 0; p < _vn; p++)
        {
            if (_df[_vid[p]] > maxDf)
            {
                continue;
            }

            // Bounded insertion: _query[0.._qn) stays ordered by (weight desc, key asc).
            if (_qn == k && !QueryBefore(p, _query[k - 1]))
            {
                continue;
            }

            var at = _qn < k ? _qn++ : k - 1;
            while (at > 0 && QueryBefore(p, _query[at - 1]))
            {
                _query[at] = _query[at - 1];
                at--;
            }

            _query[at] = p;
        }
    }

    private bool QueryBefore(int p, int q)
    {
        var (wp, wq) = (_vw[p], _vw[q]);
        return wp != wq ? wp > wq : _vocabulary.Compare(_vid[p], _vid[q]) < 0;
    }

    /// <summary>
    /// The <see cref="StoryClustererOptions.CandidatesPerArticle"/> touched stories with the best partial score over the
    /// square root of their norm (ties by story id), in story-id order, into <c>_candidates</c>; clears the partial scores.
    /// </summary>
    private int SelectCandidates()
    {
        var k = _options.CandidatesPerArticle;
        Ensure(ref _candidates, Math.Max(k, 1));
        var n = 0;
        foreach (var s in _touched)
        {
            _stories[s].Score = _partial[s] / Math.Sqrt(_stories[s].NormSquared);
        }

        if (k > 0)
        {
            foreach (var s in _touched)
            {
                if (n == k && !CandidateBefore(s, _candidates[k - 1]))
                {
                    continue;
                }

                var at = n < k ? n++ : k - 1;
                while (at > 0 && CandidateBefore(s, _candidates[at - 1]))
                {
                    _candidates[at] = _candidates[at - 1];
                    at--;
                }

                _candidates[at] = s;
            }
        }

        foreach (var s in _touched)
        {
            _partial[s] = 0;
            _stories[s].Touched = false;
        }

        _touched.Clear();
        Array.Sort(_candidates, 0, n, Comparer<int>.Create((x, y) => string.CompareOrdinal(_stories[x].Id, _stories[y].Id)));
        return n;
    }

    private bool CandidateBefore(int s, int t)
    {
        var c = _stories[t].Score.CompareTo(_stories[s].Score);
        return c != 0 ? c < 0 : string.CompareOrdinal(_stories[s].Id, _stories[t].Id) < 0;
    }

    private void SortPositionsById()
    {
        Ensure(ref _sortedIds, _vn);
        Ensure(ref _sortedPos, _vn);
        Ensure(ref _perPosition, _vn);
        for (var i = 0; i < _vn; i++)
        {
            _sortedIds[i] = _vid[i];
            _sortedPos[i] = i;
        }

        Array.Sort(_sortedIds, _sortedPos, 0, _vn);
    }

    /// <summary>Adds the current vector (positions sorted by id already) to story <paramref name="s"/> and indexes its lookup features.</summary>
    private void AddTo(int s, string articleId, DateOnly? published)
    {
        var story = _stories[s];
        story.Add(_sortedIds, _sortedPos, _vn, _vw, _perPosition, _palette);
        for (var q = 0; q < _qn; q++)
        {
            var id = _vid[_query[q]];
            if (story.AddIndexed(id))
            {
                if (!_postings.TryGetValue(id, out var list))
                {
                    _postings[id] = list = [];
                }

                list.Add(s);
            }
        }

        story.Include(published);
        _storyOf[articleId] = s;
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(length, array.Length * 2));
        }
    }

    /// <summary>
    /// Stores a centroid's weights as a palette when that is smaller: the distinct values (by their bits, so every weight
    /// comes back exactly) in order of first use and a 2-byte code per entry. A story of one article holds that
    /// article's vector, whose weights repeat (every feature with the same count, document frequency and namespace gets
    /// the same weight: most word pairs and quote trigrams are new, count 1). Scratch of the single writer.
    /// </summary>
    internal sealed class Palette
    {
        private long[] _bits = new long[4096];
        private int[] _slot = new int[4096];
        private double[] _distinct = new double[2048];
        private ushort[] _codes = new ushort[2048];
        // Scratch of OnlineStory.Add: the merged centroid before it is stored, and a palette centroid's weights decoded.
        private int[] _mergedIds = new int[1024];
        private double[] _mergedValues = new double[1024];
        private double[] _decoded = new double[1024];

        /// <summary>Scratch for a merge of up to <paramref name="length"/> entries.</summary>
        public (int[] Ids, double[] Values) MergeScratch(int length)
        {
            if (_mergedIds.Length < length)
            {
                var size = Math.Max(length, _mergedIds.Length * 2);
                _mergedIds = new int[size];
                _mergedValues = new double[size];
            }

            return (_mergedIds, _mergedValues);
        }

        /// <summary>The weights of a palette-coded centroid, in a scratch array (valid until the next call).</summary>
        public double[] Decode(double[] palette, ushort[] codes)
        {
            if (_decoded.Length < codes.Length)
            {
                _decoded = new double[Math.Max(codes.Length, _decoded.Length * 2)];
            }

            var decoded = _decoded;
            for (var i = 0; i < codes.Length; i++)
            {
                decoded[i] = palette[codes[i]];
            }

            return decoded;
        }

        /// <summary>(<paramref name="values"/>, null) when a palette would not be smaller, else (palette, codes).</summary>
        public (double[] Values, ushort[]? Codes) Compact(double[] values) => Compact(values, values);

        /// <summary>
        /// As <see cref="Compact(double[])"/> for weights in a scratch span: the arrays returned are new, of exact size and
        /// not zeroed before they are filled (the weights' copy only when no palette is made).
        /// </summary>
        public (double[] Values, ushort[]? Codes) Compact(ReadOnlySpan<double> values) => Compact(values, null);

        private static double[] Copy(ReadOnlySpan<double> values)
        {
            var copy = GC.AllocateUninitializedArray<double>(values.Length);
            values.CopyTo(copy);
            return copy;
        }

        private (double[] Values, ushort[]? Codes) Compact(ReadOnlySpan<double> values, double[]? owner)
        {
            var n = values.Length;
            // Worth it when 8 · distinct + 2 · n < 8 · n; codes are 2 bytes.
            var limit = Math.Min(ushort.MaxValue + 1, n * 3 / 4);
            if (limit < 8)
            {
                return (owner ?? Copy(values), null);
            }

            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n * 2);
            if (_slot.Length < size)
            {
                _bits = new long[size];
                _slot = new int[size];
            }

            if (_distinct.Length < limit)
            {
                _distinct = new double[Math.Max(limit, _distinct.Length * 2)];
            }

            Array.Clear(_slot, 0, size);
            var mask = size - 1;
            var shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
            if (_codes.Length < n)
            {
                _codes = new ushort[Math.Max(n, _codes.Length * 2)];
            }

            var codes = _codes;
            var distinct = 0;
            for (var i = 0; i < n; i++)
            {
                var bits = BitConverter.DoubleToInt64Bits(values[i]);
                var slot = (int)(((ulong)bits * 0x9E3779B97F4A7C15UL) >> shift) & mask;
                int code;
                while (true)
                {
                    if (_slot[slot] == 0)
                    {
                        if (distinct == limit)
                        {
                            return (owner ?? Copy(values), null);
                        }

                        _bits[slot] = bits;
                        _distinct[distinct] = values[i];
                        code = distinct++;
                        _slot[slot] = code + 1;
                        break;
                    }

                    if (_bits[slot] == bits)
                    {
                        code = _slot[slot] - 1;
                        break;
                    }

                    slot = (slot + 1) & mask;
                }

                codes[i] = (ushort)code;
            }

            var stored = GC.AllocateUninitializedArray<ushort>(n);
            codes.AsSpan(0, n).CopyTo(stored);
            return (_distinct.AsSpan(0, distinct).ToArray(), stored);
        }
    }

    internal sealed class OnlineStory(string id)
    {
        private int[] _ids = [];
        // The weight of entry i: _values[i], or _values[_codes[i]] when the centroid's weights take few distinct values
        // (see Palette): the same doubles, 2 bytes an entry plus 8 per distinct value instead of 8 an entry.
        private double[] _values = [];
        private ushort[]? _codes;

        public string Id { get; } = id;

        public int Entries => _ids.Length;

        public long Bytes => 4L * _ids.Length + 8L * _values.Length + 2L * (_codes?.Length ?? 0) + 4L * _indexed.Length;

        // The features this story is posted under, sorted (a set: 4 bytes an entry instead of a hash set's ~20).
        private int[] _indexed = [];
        private int _indexedCount;

        /// <summary>Adds <paramref name="id"/> to the story's indexed features; false when it already was.</summary>
        public bool AddIndexed(int id)
        {
            var at = Array.BinarySearch(_indexed, 0, _indexedCount, id);
            if (at >= 0)
            {
                return false;
            }

            at = ~at;
            if (_indexedCount == _indexed.Length)
            {
                Array.Resize(ref _indexed, Math.Max(8, _indexed.Length + (_indexed.Length >> 1)));
            }

            Array.Copy(_indexed, at, _indexed, at + 1, _indexedCount - at);
            _indexed[at] = id;
            _indexedCount++;
            return true;
        }

        public double NormSquared { get; private set; }

        public DateOnly? First { get; private set; }

        public DateOnly? Last { get; private set; }

        /// <summary>Scratch of the placement in progress.</summary>
        public bool Touched { get; set; }

        public double Score { get; set; }

        /// <summary>The centroid weight of feature <paramref name="id"/> (0 when absent).</summary>
        public double ValueAt(int id)
        {
            var i = Array.BinarySearch(_ids, id);
            return i < 0 ? 0 : _codes is { } codes ? _values[codes[i]] : _values[i];
        }

        /// <summary>
        /// Σ w·c over the vector in its own order (positions 0..n), c the centroid weight of the same feature: the products
        /// are found by a merge in id order, then summed by position so the rounding equals the position-ordered sum.
        /// </summary>
        public double Dot(int[] sortedIds, int[] sortedPos, int n, double[] weights, double[] products)
        {
            Array.Clear(products, 0, n);
            var ids = _ids;
            var values = _values;
            var codes = _codes;
            if (ids.Length > 8 * n)
            {
                var from = 0;
                for (var i = 0; i < n; i++)
                {
                    var j = Array.BinarySearch(ids, from, ids.Length - from, sortedIds[i]);
                    if (j >= 0)
                    {
                        products[sortedPos[i]] = weights[sortedPos[i]] * (codes is null ? values[j] : values[codes[j]]);
                        from = j + 1;
                    }
                    else
                    {
                        from = ~j;
                    }

                    if (from >= ids.Length)
                    {
                        break;
                    }
                }
            }
            else
            {
                int a = 0, b = 0;
                var m = ids.Length;
                if (Vector256.IsHardwareAccelerated)
                {
                    // Blocks of 8 ids a side: one block of the vector is compared with each id of the centroid's block
                    // (8 broadcasts, 8 lane-wise compares); a block pair holding a shared id (rare) is resolved lane by
                    // lane. The side whose block ends first advances by 8 (both on a tie): every pair of ids is compared
                    // in exactly one block pair, so the same products are found as by the merge below.
                    ref var va0 = ref MemoryMarshal.GetArrayDataReference(sortedIds);
                    ref var vb0 = ref MemoryMarshal.GetArrayDataReference(ids);
                    while (a <= n - 8 && b <= m - 8)
                    {
                        var block = Vector256.LoadUnsafe(ref va0, (nuint)a);
                        ref var yb = ref Unsafe.Add(ref vb0, b);
                        var hit = (Vector256.Equals(block, Vector256.Create(yb))
                                   | Vector256.Equals(block, Vector256.Create(Unsafe.Add(ref yb, 1))))
                                  | (Vector256.Equals(block, Vector256.Create(Unsafe.Add(ref yb, 2)))
                                   | Vector256.Equals(block, Vector256.Create(Unsafe.Add(ref yb, 3))))
                                  | ((Vector256.Equals(block, Vector256.Create(Unsafe.Add(ref yb, 4)))
                                   | Vector256.Equals(block, Vector256.Create(Unsafe.Add(ref yb, 5))))
                                  | (Vector256.Equals(block, Vector256.Create(Unsafe.Add(ref yb, 6)))
                                   | Vector256.Equals(block, Vector256.Create(Unsafe.Add(ref yb, 7)))));
                        if (hit != Vector256<int>.Zero)
                        {
                            var lanes = hit.ExtractMostSignificantBits();
                            var other = Vector256.LoadUnsafe(ref yb);
                            do
                            {
                                var i = a + BitOperations.TrailingZeroCount(lanes);
                                var j = b + BitOperations.TrailingZeroCount(Vector256.Equals(other, Vector256.Create(sortedIds[i])).ExtractMostSignificantBits());
                                var p = sortedPos[i];
                                products[p] = weights[p] * (codes is null ? values[j] : values[codes[j]]);
                                lanes &= lanes - 1;
                            }
                            while (lanes != 0);
                        }

                        var lastA = Unsafe.Add(ref va0, a + 7);
                        var lastB = Unsafe.Add(ref yb, 7);
                        a += Step(lastA <= lastB) << 3;
                        b += Step(lastB <= lastA) << 3;
                    }
                }

                // A merge whose steps do not branch on the order of the two ids (the sides advance by the comparison's
                // 0/1): the ids interleave unpredictably, so a branch per step would mispredict about half the time.
                while (a < n && b < m)
                {
                    var x = sortedIds[a];
                    var y = ids[b];
                    if (x == y)
                    {
                        products[sortedPos[a]] = weights[sortedPos[a]] * (codes is null ? values[b] : values[codes[b]]);
                    }

                    a += Step(x <= y);
                    b += Step(y <= x);
                }
            }

            var dot = 0.0;
            for (var i = 0; i < n; i++)
            {
                dot += products[i];
            }

            return dot;
        }

        /// <summary>1 for true, 0 for false, without a branch.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static int Step(bool condition) => System.Runtime.CompilerServices.Unsafe.As<bool, byte>(ref condition);

        /// <summary>
        /// Adds the vector to the centroid and updates the squared norm in vector order. The merge in id order goes to the
        /// palette's scratch arrays and its steps do not branch on the order of the two ids; the centroid's new arrays
        /// are then allocated at their exact size without zeroing and filled by a copy (or, for weights that repeat, a
        /// palette and codes only).
        /// </summary>
        public void Add(int[] sortedIds, int[] sortedPos, int n, double[] weights, double[] olds, Palette palette)
        {
            var ids = _ids;
            var m = ids.Length;
            var values = _codes is { } codes ? palette.Decode(_values, codes) : _values;
            var (outIds, outValues) = palette.MergeScratch(m + n);
            int a = 0, b = 0, o = 0;
            while (a < n && b < m)
            {
                var x = sortedIds[a];
                var y = ids[b];
                var takeA = Step(x <= y);
                var takeB = Step(y <= x);
                var p = sortedPos[a];
                // The same sums as a three-way merge: a new feature 0 + w, an old one c + 0 (c > 0, so c), a shared one c + w.
                var old = values[b] * takeB;
                olds[p] = old;
                outIds[o] = y + ((x - y) & -takeA);
                outValues[o] = old + weights[p] * takeA;
                o++;
                a += takeA;
                b += takeB;
            }

            for (; a < n; a++, o++)
            {
                var p = sortedPos[a];
                olds[p] = 0;
                outIds[o] = sortedIds[a];
                outValues[o] = 0 + weights[p];
            }

            for (; b < m; b++, o++)
            {
                outIds[o] = ids[b];
                outValues[o] = values[b];
            }

            var newIds = GC.AllocateUninitializedArray<int>(o);
            outIds.AsSpan(0, o).CopyTo(newIds);
            _ids = newIds;
            (_values, _codes) = palette.Compact(outValues.AsSpan(0, o));
            for (var p = 0; p < n; p++)
            {
                var old = olds[p];
                var w = weights[p];
                NormSquared += (old + w) * (old + w) - old * old;
            }
        }

        public void Include(DateOnly? date)
        {
            if (date is { } d)
            {
                First = First is { } f && f < d ? f : d;
                Last = Last is { } l && l > d ? l : d;
            }
        }

        public double TimeFactor(DateOnly? date, StoryClustererOptions options)
        {
            if (date is not { } d || First is not { } f || Last is not { } l)
            {
                return 1.0;
            }

            var nearest = d < f ? f : d > l ? l : d;
            return FeatureSpace.TimeFactor(d, nearest, options);
        }
    }
}
