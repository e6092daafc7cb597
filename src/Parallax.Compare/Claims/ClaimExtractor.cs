using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Analyzer = Lucene.Net.Analysis.Analyzer;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Parallax.Core;
using Parallax.Language.Quotes;
using Parallax.Language.Time;

namespace Parallax.Compare.Claims;

/// <summary>
/// Splits a member article's sentences into atomic claims (clauses) and computes their features. A sentence is split at
/// a semicolon, at a dash (so "— who informed President Trump on November 21 ... —" is a clause of its own), at a comma followed by a coordinating or concessive conjunction (", and", ", but", ", while",
/// ", although", ...), and at a bare "and"/"but" followed within three words by a past-tense verb ("... call and set a
/// one-week deadline"); never inside a quotation, and only when both sides keep at least
/// <see cref="MinClauseWords"/> words. Every clause keeps the attribution of its sentence ("sources told Reuters").
/// Boilerplate (share/subscribe lines, disclaimers, "Read:" links) and fragments with fewer than
/// <see cref="MinContentTerms"/> content stems are dropped. Pure; thread-safe.
/// </summary>
internal static partial class ClaimExtractor
{
    /// <summary>Smallest clause (in word tokens) a split may leave on either side.</summary>
    public const int MinClauseWords = 4;

    /// <summary>Smallest number of distinct content stems for a clause to be a claim.</summary>
    public const int MinContentTerms = 3;

    // Lucene analyzers reuse token streams per thread (CloseableThreadLocal), so one shared instance is thread-safe.
    private static readonly Analyzer _analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);

    private static readonly FrozenWords Conjunctions = new("and", "but", "while", "whereas", "although", "though", "yet");
    private static readonly FrozenWords BareSplitters = new("and", "but");
    private static readonly FrozenWords IrregularPast = new(
        "said", "told", "set", "made", "took", "gave", "sent", "held", "met", "won", "lost", "left", "went", "came",
        "saw", "began", "rose", "fell", "cut", "put", "brought", "found", "kept", "paid", "sold", "struck", "named",
        "called", "asked", "says");
    private static readonly FrozenWords NegationCues = new(
        "not", "no", "never", "n't", "none", "nobody", "nothing", "neither", "nor", "without", "denied", "denies",
        "deny", "denying");

    [GeneratedRegex(@"^(?:share|subscribe|sign up|follow us|read:|read more|related:|advertisement|copyright|©|all rights reserved|click here|watch:|listen:)|information for this story|not a recommendation|consult a professional|has no securities|holds no licen[cs]es|for information only|pic\.twitter\.com|newsletter|(?:first|originally) published (?:by|on|in)|republished (?:with|by|from)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateRegex();

    /// <summary>True for sentences that are site furniture rather than reporting.</summary>
    public static bool IsBoilerplate(string sentence) => BoilerplateRegex().IsMatch(sentence.TrimStart());

    /// <summary>The claims of <paramref name="member"/>, in text order, numbered from <paramref name="firstIndex"/>.</summary>
    public static List<Claim> Extract(StoryArticle member, int articleIndex, int firstIndex, IReadOnlyDictionary<string, Entity> entities)
    {
        var doc = member.Doc;
        var text = doc.Text;
        var claims = new List<Claim>();
        var tokens = doc.Tokens;
        var quoteSpans = doc.Quotes.Where(q => q.Kind != QuoteKind.Indirect).Select(q => q.Content).ToArray();
        foreach (var sentence in doc.Sentences)
        {
            if (sentence.Kind == SentenceKind.Heading)
            {
                continue;
            }

            var s = sentence.Span;
            var sentenceText = text[s.Start..s.End];
            if (IsBoilerplate(sentenceText) || doc.Quotes.Any(q => q.InEmbed && q.Content.Start >= s.Start && q.Content.End <= s.End))
            {
                continue;
            }

            var attribution = AttributionOf(doc, s, entities);
            var headline = sentence.Kind == SentenceKind.Headline;
            var sentenceTokens = TokensIn(tokens, s);
            var pieces = headline ? [s] : Split(text, sentenceTokens, quoteSpans, s);
            foreach (var piece in pieces)
            {
                var claim = Build(doc, member, articleIndex, firstIndex + claims.Count, piece, headline, attribution, entities);
                if (claim is not null)
                {
                    claims.Add(claim);
                }
            }
        }

        return claims;
    }

    private static Token[] TokensIn(ImmutableArray<Token> tokens, TextSpan span)
    {
        // Tokens are in text order; binary search the first one inside the span.
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].Span.Start < span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var list = new List<Token>();
        for (var i = lo; i < tokens.Length && tokens[i].Span.End <= span.End; i++)
        {
            list.Add(tokens[i]);
        }

        return [.. list];
    }

    /// <summary>Clause spans of one sentence (at least the whole sentence), trimmed of edge spaces and joining punctuation.</summary>
    internal static List<TextSpan> Split(string text, Token[] tokens, TextSpan[] quotes, TextSpan sentence)
    {
        var cuts = new List<(int LeftEnd, int RightStart)>();
        var lastCutToken = 0;
        var inQuote = InsideQuotationMarks(text, tokens);
        for (var i = 1; i < tokens.Length - 1; i++)
        {
            var t = tokens[i];
            if (inQuote[i] || quotes.Any(q => q.Start <= t.Span.Start && t.Span.End <= q.End))
            {
                continue;
            }

            var word = text[t.Span.Start..t.Span.End];
            int leftEndToken, rightStartToken;
            if (word is ";" or "—" or "–" or "--")
            {
                leftEndToken = i - 1;
                rightStartToken = i + 1;
            }
            else if (Conjunctions.Contains(word) && text[tokens[i - 1].Span.Start..tokens[i - 1].Span.End] == ",")
            {
                leftEndToken = i - 2;
                rightStartToken = i + 1;
            }
            else if (BareSplitters.Contains(word) && PastVerbFollows(text, tokens, i + 1))
            {
                leftEndToken = i - 1;
                rightStartToken = i + 1;
            }
            else
            {
                continue;
            }

            if (leftEndToken < lastCutToken || rightStartToken >= tokens.Length)
            {
                continue;
            }

            if (WordsBetween(tokens, lastCutToken, leftEndToken) < MinClauseWords || WordsBetween(tokens, rightStartToken, tokens.Length - 1) < MinClauseWords)
            {
                continue;
            }

            cuts.Add((tokens[leftEndToken].Span.End, tokens[rightStartToken].Span.Start));
            lastCutToken = rightStartToken;
        }

        var pieces = new List<TextSpan>();
        var start = sentence.Start;
        foreach (var (leftEnd, rightStart) in cuts)
        {
            pieces.Add(Trim(text, start, leftEnd));
            start = rightStart;
        }

        pieces.Add(Trim(text, start, sentence.End));

        // A dateline ("PORT VELIN, Valdoria, March 12 (Meridian Wire) -") is not part of the first claim.
        var dateline = DatelineRegex().Match(text, pieces[0].Start, pieces[0].Length);
        if (dateline.Success && dateline.Index == pieces[0].Start && dateline.Length < pieces[0].Length)
        {
            pieces[0] = new TextSpan(pieces[0].Start + dateline.Length, pieces[0].End);
        }

        return pieces;
    }

    /// <summary>
    /// Per token: whether it sits between quotation marks of its sentence (“ opens, ” closes, a straight " toggles), so
    /// quoted speech is never split even when the quote layer did not delimit it.
    /// </summary>
    private static bool[] InsideQuotationMarks(string text, Token[] tokens)
    {
        var inside = new bool[tokens.Length];
        var open = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = text[tokens[i].Span.Start..tokens[i].Span.End];
            if (t is "“" or "”" or "\"")
            {
                open = t switch { "“" => true, "”" => false, _ => !open };
                inside[i] = true;
                continue;
            }

            inside[i] = open;
        }

        return inside;
    }

    private static int WordsBetween(Token[] tokens, int from, int to)
    {
        var n = 0;
        for (var i = from; i <= to; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number)
            {
                n++;
            }
        }

        return n;
    }

    private static bool PastVerbFollows(string text, Token[] tokens, int from)
    {
        for (var i = from; i < Math.Min(tokens.Length, from + 3); i++)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                return false;
            }

            var w = text[tokens[i].Span.Start..tokens[i].Span.End];
            if (char.IsUpper(w[0]))
            {
                continue;
            }

            if (IrregularPast.Contains(w) || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';' or '—' or '–'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or '—' or '–'))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    /// <summary>
    /// The sentence's attribution: an attribution phrase ("sources have told Reuters"), else the resolved speaker of a
    /// quote in it (the entity's name), else a quote's speaker as written when it is a name (capitalised, not a pronoun).
    /// </summary>
    private static string? AttributionOf(Doc doc, TextSpan sentence, IReadOnlyDictionary<string, Entity> entities)
    {
        foreach (var a in doc.Attributions)
        {
            // A dateline wire credit ("(Reuters) -") says whose copy the article is (lineage), not who the claim is from.
            if (a.Span.Start >= sentence.Start && a.Span.End <= sentence.End && a.Kind != AttributionKinds.WireCredit)
            {
                return doc.Text[a.Span.Start..a.Span.End];
            }
        }

        foreach (var q in doc.Quotes)
        {
            if (q.Speaker is not { } sp || q.Content.Start >= sentence.End || q.Content.End <= sentence.Start || sp.Start < sentence.Start || sp.End > sentence.End)
            {
                continue;
            }

            if (q.SpeakerEntityId is { } id && entities.TryGetValue(id, out var e))
            {
                return e.Name;
            }

            var name = doc.Text[sp.Start..sp.End];
            if (q.Kind != QuoteKind.Indirect && char.IsUpper(name[0]) && !Pronouns.Contains(name))
            {
                return name;
            }
        }

        return null;
    }

    private static readonly FrozenWords Pronouns = new("he", "she", "it", "they", "we", "i", "you", "this", "that");

    private static Claim? Build(Doc doc, StoryArticle member, int articleIndex, int index, TextSpan span, bool headline, string? attribution, IReadOnlyDictionary<string, Entity> entities)
    {
        if (span.End <= span.Start)
        {
            return null;
        }

        var text = doc.Text[span.Start..span.End];
        // A short line ending in a colon introduces a list ("Key points to consider:"); it states nothing.
        if (text.EndsWith(':') && text.Length < 40)
        {
            return null;
        }

        var terms = Stems(text);
        if (terms.Count < MinContentTerms)
        {
            return null;
        }

        var ids = new List<string>();
        var names = new List<string?>();
        foreach (var m in doc.Mentions)
        {
            if (m.Span.Start >= span.Start && m.Span.End <= span.End)
            {
                var id = m.EntityId ?? "t:" + m.Text.ToLowerInvariant();
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                    var type = m.EntityId is not null && entities.TryGetValue(m.EntityId, out var e) ? e.Type : m.Type;
                    names.Add(type is EntityType.Person or EntityType.Organization ? m.Text : null);
                }
            }
        }

        var timexes = doc.Timexes.Where(t => t.Span.Start < span.End && t.Span.End > span.Start).ToList();
        var dates = timexes.Where(t => t.Type == TimexType.Date)
            .Select(t => DateValue(t, member.Date)).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        var quantities = doc.Quantities
            .Where(q => q.Span.Start >= span.Start && q.Span.End <= span.End && q.Value is not null && !timexes.Any(t => t.Span.Start < q.Span.End && t.Span.End > q.Span.Start))
            .Select(q => (Key: q.Value!.Value.ToString(CultureInfo.InvariantCulture) + (q.Unit is { } u ? " " + u.ToLowerInvariant() : ""), q.Text, q.Value.Value, q.Unit))
            .DistinctBy(q => q.Key, StringComparer.Ordinal).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        var numbers = quantities.Select(q => q.Key).ToImmutableArray();
        // Small bare counts ("two leaders", "three destroyers") are too common to be a distinguishing detail; numbers from
        // 10 up and percentages are.
        var numberDetails = quantities
            .Where(q => q.Value >= 10 || (q.Unit is { } u && (u.Contains("percent", StringComparison.OrdinalIgnoreCase) || u.Contains('%', StringComparison.Ordinal))))
            .Select(q => (q.Key, q.Text)).ToImmutableArray();
        var words = 0;
        var negated = false;
        foreach (var t in TokensIn(doc.Tokens, span))
        {
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
                var w = doc.Text[t.Span.Start..t.Span.End];
                negated |= NegationCues.Contains(w.ToLowerInvariant());
            }
        }

        var quoted = doc.Quotes.Any(q => q.Kind != QuoteKind.Indirect && q.Content.Start < span.End && q.Content.End > span.Start);
        return new Claim(index, articleIndex, span, text, headline, attribution, terms, [.. ids], [.. names], numbers, dates, negated, quoted) { Words = words, NumberDetails = numberDetails, Anchor = member.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
    }

    [GeneratedRegex(@"\G\p{Lu}[\p{Lu} .'’-]{2,}(?:,[^()\n]{0,40}?)?(?:\s*\([^()\n]{1,40}\))?\s*[-–—]+\s+")]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"^(?:\d{4}|XXXX)-\d{2}(?:-\d{2})?$")]
    private static partial Regex DateValueRegex();

    /// <summary>
    /// A timex's date at month or day precision: its value, or an anchored value ("Thursday", "November 21" in an undated
    /// article) resolved against the member's date (stated, else inferred from the story); null when it has neither.
    /// </summary>
    internal static string? DateValue(Timex timex, DateOnly? anchor)
    {
        var value = timex.Value;
        if (value is not null && AnchoredValue.TryParse(value, out var anchored))
        {
            value = anchor is { } a ? anchored.Resolve(a) : null;
        }

        return value is not null && DateValueRegex().IsMatch(value) ? value : null;
    }

    /// <summary>Stem → count for <paramref name="text"/> (stems shorter than two characters are skipped).</summary>
    internal static ImmutableDictionary<string, int> Stems(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = term.ToString();
            if (t.Length >= 2)
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }

        stream.End();
        return counts.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>A small immutable set of lowercase words compared ordinally.</summary>
    private sealed class FrozenWords(params string[] words)
    {
        private readonly HashSet<string> _words = new(words, StringComparer.Ordinal);

        public bool Contains(string word) => _words.Contains(word.ToLowerInvariant());
    }
}
