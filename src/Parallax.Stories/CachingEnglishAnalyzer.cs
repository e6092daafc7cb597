using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Parallax.Stories;

/// <summary>
/// The terms of Lucene's <see cref="EnglishAnalyzer"/> (<c>LUCENE_48</c>, default stop words, no stem exclusions) with
/// the filters after the tokenizer answered from a small cache. EnglishAnalyzer's chain is StandardTokenizer →
/// StandardFilter (a pass-through at 4.8) → EnglishPossessiveFilter → LowerCaseFilter → StopFilter → PorterStemFilter;
/// every filter after the tokenizer maps one token's characters to a term or drops it, looking at nothing else. So the
/// term of a token is a function of the tokenizer's characters alone: <see cref="CachedEnglishFilter"/> keeps that
/// function's answers (the stem, or "dropped" for a stop word) per token text, and on a miss runs the token through the
/// very same Lucene filters, built over a one-token source. The terms are exactly EnglishAnalyzer's (tested against it
/// on many texts); only term text is produced (position increments and offsets are not carried; the story features
/// read neither). The tokenizer and its reuse are Lucene's own (components per thread), so each thread has its own
/// cache.
/// <para>The cache is direct-mapped and small on purpose: one 64-byte line per slot holding the token and its term
/// inline, <see cref="DefaultSlots"/> slots (512 KB per thread). A large dictionary of every token seen
/// was slower than Lucene's filters themselves (a lookup's cache misses cost more than the stemmer's arithmetic).</para>
/// </summary>
internal sealed class CachingEnglishAnalyzer : Analyzer
{
    /// <summary>Slots of a cache (a power of two).</summary>
    internal const int DefaultSlots = 1 << 13;

    private readonly int _slots;

    public CachingEnglishAnalyzer(int slots = DefaultSlots) => _slots = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, slots));

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        return new TokenStreamComponents(source, new CachedEnglishFilter(source, _slots));
    }

    /// <summary>The terms <paramref name="analyzer"/> gives for <paramref name="text"/>, in order, into <paramref name="into"/> (cleared first): how the checks compare this analyzer with Lucene's.</summary>
    internal static List<string> Terms(Analyzer analyzer, string text, List<string>? into = null)
    {
        into ??= [];
        into.Clear();
        using var stream = analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            into.Add(term.ToString());
        }

        stream.End();
        return into;
    }
}

/// <summary>EnglishAnalyzer's filters after the tokenizer, answered from a direct-mapped cache from token text to term (see <see cref="CachingEnglishAnalyzer"/>).</summary>
internal sealed class CachedEnglishFilter : TokenFilter
{
    // A slot is Stride chars: [0] token length (0 = empty slot), [1] term length (Dropped = stop word), then the
    // token's MaxChars chars, then the term's MaxChars chars. Tokens or terms longer than MaxChars are not cached.
    private const int Stride = 32;
    private const int MaxChars = 15;
    private const char Dropped = '\uFFFF';

    private readonly ICharTermAttribute _term;
    private readonly char[] _cache;
    private readonly int _mask;
    private readonly OneToken _one = new();
    private readonly TokenStream _reference;
    private readonly ICharTermAttribute _referenceTerm;

    public CachedEnglishFilter(TokenStream input, int slots)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _cache = new char[slots * Stride];
        _mask = slots - 1;
        // EnglishAnalyzer.CreateComponents after its tokenizer, filter for filter.
        TokenStream chain = new StandardFilter(LuceneVersion.LUCENE_48, _one);
        chain = new EnglishPossessiveFilter(LuceneVersion.LUCENE_48, chain);
        chain = new LowerCaseFilter(LuceneVersion.LUCENE_48, chain);
        chain = new StopFilter(LuceneVersion.LUCENE_48, chain, EnglishAnalyzer.DefaultStopSet);
        chain = new PorterStemFilter(chain);
        _reference = chain;
        _referenceTerm = chain.GetAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            var buffer = _term.Buffer;
            var length = _term.Length;
            if (length > MaxChars)
            {
                if (Reference(buffer.AsSpan(0, length)))
                {
                    _term.CopyBuffer(_referenceTerm.Buffer, 0, _referenceTerm.Length);
                    return true;
                }

                continue;
            }

            var raw = buffer.AsSpan(0, length);
            var slot = (int)(Hash(raw) & (uint)_mask) * Stride;
            var cache = _cache.AsSpan(slot, Stride);
            if ((cache[0] != length || !cache.Slice(2, length).SequenceEqual(raw)) && !Fill(raw, cache))
            {
                // A term longer than a slot holds (the reference chain has it).
                _term.CopyBuffer(_referenceTerm.Buffer, 0, _referenceTerm.Length);
                return true;
            }

            if (cache[1] != Dropped)
            {
                _term.CopyBuffer(_cache, slot + 2 + MaxChars, cache[1]);
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs the token through Lucene's own filters and stores the answer in the slot; false (slot emptied) when the term is too long to store.</summary>
    private bool Fill(ReadOnlySpan<char> raw, Span<char> cache)
    {
        var kept = Reference(raw);
        if (kept && _referenceTerm.Length > MaxChars)
        {
            cache[0] = '\0';
            return false;
        }

        cache[0] = (char)raw.Length;
        raw.CopyTo(cache[2..]);
        if (kept)
        {
            cache[1] = (char)_referenceTerm.Length;
            _referenceTerm.Buffer.AsSpan(0, _referenceTerm.Length).CopyTo(cache[(2 + MaxChars)..]);
        }
        else
        {
            cache[1] = Dropped;
        }

        return true;
    }

    /// <summary>The token through EnglishAnalyzer's filters: true with the term in the reference chain's attribute, false when dropped.</summary>
    private bool Reference(ReadOnlySpan<char> raw)
    {
        // Reset before each token (no End(): it clears the attributes, the term among them).
        _one.Set(raw);
        _reference.Reset();
        return _reference.IncrementToken();
    }

    private static uint Hash(ReadOnlySpan<char> raw)
    {
        var h = 0x811C9DC5u;
        foreach (var c in raw)
        {
            h = (h ^ c) * 0x01000193u;
        }

        return h ^ (h >> 15);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reference.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A token stream of one token (the characters given to <see cref="Set"/>), for the reference filters.</summary>
    private sealed class OneToken : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private char[] _text = new char[64];
        private int _length;
        private bool _done;

        public OneToken() => _term = AddAttribute<ICharTermAttribute>();

        public void Set(ReadOnlySpan<char> text)
        {
            if (_text.Length < text.Length)
            {
                _text = new char[text.Length];
            }

            text.CopyTo(_text);
            _length = text.Length;
        }

        public override void Reset()
        {
            base.Reset();
            _done = false;
        }

        public override bool IncrementToken()
        {
            if (_done)
            {
                return false;
            }

            ClearAttributes();
            _term.CopyBuffer(_text, 0, _length);
            _done = true;
            return true;
        }
    }
}
