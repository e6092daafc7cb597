using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Finds attributions of reported information to its origin, sentence by sentence, with hand-written patterns
/// (see <see cref="AttributionKinds"/> and docs/quotes.md). The origin is a name ("Reuters", "The Washington Post",
/// "Belta"); descriptions before it ("the Belarusian state news agency") are part of the phrase, not the origin.
/// </summary>
internal static class AttributionFinder
{
    // No lazy bounded loops ("{0,3}?") on purpose: with them the .NET 10 regex source generator hung and the
    // compiled engine threw inside Array.Resize on some inputs (found on PolNeAR sentences). Greedy loops are fine.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private const string Name = @"(?:The\s+)?[A-Z][\p{L}\p{N}.&'’-]*(?:\s+(?:of\s+(?:the\s+)?|and\s+|&\s+|de\s+)?[A-Z][\p{L}\p{N}.&'’-]*)*";

    /// <summary>Words that make a capitalised name a media origin ("... Post", "... News", "Reuters").</summary>
    private const string MediaWord = @"(?:Reuters|AP|AFP|Associated\s+Press|Agence\s+France-Presse|Bloomberg|Post|Times|Journal|News|CNN|MSNBC|NBC|CBS|ABC|BBC|Fox|Politico|Axios|Agency|Newsmax|Telegraph|Guardian|Herald|Tribune|Gazette|Magazine|Radio|TV|Television|Network|Wire|Press|Daily|Insider|Media|Interfax|TASS|Tass|RIA|Xinhua|Belta|BelTA|Kommersant|Izvestia|Al\s+Jazeera|NPR|PBS|Newsweek|Time|Economist|Atlantic|Hill|Breitbart|HuffPost|Observer|Chronicle|Globe|Star|Sun|Mirror|Independent|Express|Examiner|Monitor|Report|Review|Bulletin|Dispatch|Courier|Inquirer|Register|Sentinel|Standard|Telegram|Channel|Service|Agency|Outlet|Broadcasting|Broadcaster|Corporation|Reporter|Weekly|Today|Online|Digest)";

    private static readonly Regex _sourcesTold = new(@"\b(?<src>(?i:(?:a\s+|two\s+|three\s+|several\s+|multiple\s+|the\s+|other\s+)?(?:\w+\s+){0,2}(?:sources?|officials?|people|persons?|diplomats?|aides?|spokes(?:man|woman|person)|insiders?|analysts?|executives?|advisers?|advisors?|members?))\b[^.;“”""]{0,90}?)\s(?<verb>(?:have\s+|has\s+|had\s+)?(?:told|tells|telling))\s+(?<o>(?:the\s+)?" + Name + ")", Options);

    private static Regex SourcesTold() => _sourcesTold;

    private static readonly Regex _anyTold = new(@"\b(?<verb>(?:have\s+|has\s+|had\s+)?(?:told|tells|telling))\s+(?<o>(?:the\s+)?" + Name + ")", Options);

    private static Regex AnyTold() => _anyTold;

    private static readonly Regex _reported = new(@"(?<o>" + Name + @")\s+(?:(?:has|had|have|also|later|previously|first|earlier)\s+){0,2}(?<verb>reported|reports|reporting)\b", Options);

    private static Regex Reported() => _reported;

    private static readonly Regex _outletSaid = new(@"(?<o>" + Name + @")\s+(?:(?:has|had|have|also|later|previously|first|earlier)\s+){0,2}(?<verb>said|says|wrote|writes|announced|quoted|cited|published|broadcast|aired|noted)\b", Options);

    private static Regex OutletSaid() => _outletSaid;

    private static readonly Regex _accordingTo = new(@"\b[Aa]ccording\s+to\s+(?<doc>(?:an?|the)\s+(?:\w+\s+){0,3}(?:report|statement|study|analysis|survey|poll|data|documents?|filings?|memo|letter|transcript|readout|release|records?|article|investigation|story|post|tweet)\s+(?:(?:published|released|issued|posted|compiled|obtained|seen)\s+)?(?:by|from|in|of|on)\s+)?(?<o>" + Name + @"|[\p{L}\p{N}][^,.;:“”""]{0,60})", Options);

    private static Regex AccordingTo() => _accordingTo;

    private static readonly Regex _interview = new(@"\b(?:[Ii]n|[Dd]uring|[Ii]n\s+the\s+course\s+of)\s+(?:an?|the|his|her|their|a\s+recent)\s+(?:\w+\s+){0,2}interview\s+(?:with|on|to|for)\s+(?<o>(?:[\p{L}.'’-]+\s+){0,4}" + Name + ")", Options);

    private static Regex Interview() => _interview;

    private static readonly Regex _documentSeen = new(@"\b(?<what>(?i:documents?|records?|filings?|emails?|e-mails?|letters?|memos?|data|messages?|minutes|transcripts?|materials?))\s+(?:\w+\s+){0,2}(?:seen|reviewed|obtained|examined|viewed)\s+by\s+(?<o>(?:the\s+)?" + Name + ")", Options);

    private static Regex DocumentSeen() => _documentSeen;

    private static readonly Regex _foundVia = new(@"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:found|gathered|obtained|compiled|sourced|taken|drawn)\s+(?:via|from|through)\s+(?<o>[^.;]{2,80}?)(?=[.;]|$)", Options);

    private static Regex FoundVia() => _foundVia;

    private static readonly Regex _wireCredit = new(@"^(?:[A-Z][\p{L} .,'’-]{0,60}?\s*)?\((?<o>AP|Reuters|AFP|Bloomberg|UPI|CNN|[A-Z][\p{L}.]{1,20}(?:\s+[A-Z][\p{L}.]{1,20}){0,3})\)\s*[—–-]{1,2}", Options);

    private static Regex WireCredit() => _wireCredit;

    private static readonly Regex _mediaName = new(@"^" + MediaWord + @"$|\s" + MediaWord + @"$|^" + MediaWord + @"\s", Options);

    private static Regex MediaName() => _mediaName;

    private static readonly Regex _mediaDescriptorBefore = new(@"(?:news\s+agency|newspaper|outlet|broadcaster|channel|agency|media|wire\s+service|daily|tabloid|website|network|magazine|radio|television|TV)\s+$", Options);

    private static Regex MediaDescriptorBefore() => _mediaDescriptorBefore;

    public static ImmutableArray<Attribution> Find(string text, IReadOnlyList<SentenceInfo> sentences)
    {
        var found = new List<Attribution>();
        var knownOrigins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var sentence = s.Span.Of(text);
            var taken = new List<TextSpan>();

            void Add(int phraseStart, int phraseEnd, Group origin, string kind)
            {
                var (os, oe) = OriginName(sentence, origin.Index, origin.Index + origin.Length);
                if (oe <= os)
                {
                    return;
                }

                var originSpan = new TextSpan(s.Span.Start + os, s.Span.Start + oe);
                var pe = Math.Max(phraseEnd, oe);
                while (pe > oe && (char.IsWhiteSpace(sentence[pe - 1]) || sentence[pe - 1] is '.' or ','))
                {
                    pe--;
                }

                var phrase = new TextSpan(s.Span.Start + phraseStart, s.Span.Start + pe);
                foreach (var t in taken)
                {
                    if (t.Overlaps(originSpan))
                    {
                        return;
                    }
                }

                taken.Add(originSpan);
                var originText = originSpan.Of(text);
                knownOrigins.Add(originText);
                found.Add(new Attribution(phrase, originText, originSpan, Claim(text, s.Span, phrase), kind));
            }

            if (s.Span.Start == ParagraphStart(text, s.Span.Start))
            {
                var w = WireCredit().Match(sentence);
                if (w.Success)
                {
                    Add(w.Index, w.Index + w.Length, w.Groups["o"], AttributionKinds.WireCredit);
                }
            }

            foreach (Match m in Has(sentence, "tel", "told") ? SourcesTold().Matches(sentence) : Enumerable.Empty<Match>())
            {
                Add(m.Groups["src"].Index, m.Index + m.Length, m.Groups["o"], AttributionKinds.Told);
            }

            foreach (Match m in Has(sentence, "tel", "told") ? AnyTold().Matches(sentence) : Enumerable.Empty<Match>())
            {
                var o = m.Groups["o"];
                if (IsMedia(o.Value) || knownOrigins.Contains(LastRun(o.Value)))
                {
                    Add(m.Index, m.Index + m.Length, o, AttributionKinds.Told);
                }
            }

            foreach (Match m in Has(sentence, "nterview") ? Interview().Matches(sentence) : Enumerable.Empty<Match>())
            {
                Add(m.Index, m.Index + m.Length, m.Groups["o"], AttributionKinds.Interview);
            }

            foreach (Match m in Has(sentence, " by ") ? DocumentSeen().Matches(sentence) : Enumerable.Empty<Match>())
            {
                Add(m.Index, m.Index + m.Length, m.Groups["o"], AttributionKinds.Document);
            }

            foreach (Match m in Has(sentence, " via ", " from ", " through ") ? FoundVia().Matches(sentence) : Enumerable.Empty<Match>())
            {
                var o = m.Groups["o"];
                var (os, oe) = (o.Index, o.Index + o.Length);
                var originSpan = new TextSpan(s.Span.Start + os, s.Span.Start + oe);
                var phrase = new TextSpan(s.Span.Start + m.Index, s.Span.Start + m.Index + m.Length);
                taken.Add(originSpan);
                found.Add(new Attribution(phrase, originSpan.Of(text), originSpan, Claim(text, s.Span, phrase), AttributionKinds.Document));
            }

            foreach (Match m in Has(sentence, "ccording") ? AccordingTo().Matches(sentence) : Enumerable.Empty<Match>())
            {
                Add(m.Index, m.Index + m.Length, m.Groups["o"], AttributionKinds.AccordingTo);
            }

            foreach (Match m in Has(sentence, "report") ? Reported().Matches(sentence) : Enumerable.Empty<Match>())
            {
                Add(m.Groups["o"].Index, m.Index + m.Length, m.Groups["o"], AttributionKinds.Reported);
            }

            foreach (Match m in Has(sentence, " said", " says", " wrote", " writes", " announced", " quoted", " cited", " published", " broadcast", " aired", " noted") ? OutletSaid().Matches(sentence) : Enumerable.Empty<Match>())
            {
                var o = m.Groups["o"];
                var (os, oe) = OriginName(sentence, o.Index, o.Index + o.Length);
                if (oe <= os)
                {
                    continue;
                }

                var name = sentence[os..oe];
                if (IsMedia(name) || knownOrigins.Contains(name) || MediaDescriptorBefore().IsMatch(sentence[..os]))
                {
                    var phraseStart = DescriptorStart(sentence, os);
                    Add(phraseStart, m.Index + m.Length, o, AttributionKinds.Reported);
                }
            }
        }

        found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.OriginSpan.Start.CompareTo(b.OriginSpan.Start));
        return [.. found];
    }

    /// <summary>Cheap pre-check so a pattern only runs on sentences holding one of its key words.</summary>
    private static bool Has(string sentence, params ReadOnlySpan<string> words)
    {
        foreach (var w in words)
        {
            if (sentence.Contains(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int ParagraphStart(string text, int pos)
    {
        var p = pos;
        while (p > 0 && text[p - 1] != '\n')
        {
            p--;
        }

        while (p < pos && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary>Start of a descriptor before an origin name in the same clause ("the Belarusian state news agency Belta").</summary>
    private static int DescriptorStart(string sentence, int originStart)
    {
        var m = MediaDescriptorBefore().Match(sentence[..originStart]);
        if (!m.Success)
        {
            return originStart;
        }

        var start = m.Index;
        var clause = sentence.LastIndexOfAny([',', ';', ':', '.'], Math.Max(0, start - 1));
        var the = sentence.LastIndexOf("the ", start, StringComparison.OrdinalIgnoreCase);
        if (the >= 0 && the > clause && start - the < 40)
        {
            return the;
        }

        return start;
    }

    private static bool IsMedia(string name) => MediaName().IsMatch(name.Trim());

    /// <summary>The origin's name inside a matched group: the last run of capitalised words (dropping a leading lowercase description); the whole group when it has none.</summary>
    private static (int Start, int End) OriginName(string sentence, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(sentence[end - 1]) || sentence[end - 1] is '.' or ',' or '’' or '\'' && !IsAbbrevEnd(sentence, start, end)))
        {
            end--;
        }

        if (end > start + 1 && sentence[end - 1] is 's' && sentence[end - 2] is '\'' or '’')
        {
            end -= 2; // possessive
        }

        var words = new List<(int S, int E)>();
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(sentence[i]))
            {
                i++;
            }

            var ws = i;
            while (i < end && !char.IsWhiteSpace(sentence[i]))
            {
                i++;
            }

            if (i > ws)
            {
                words.Add((ws, i));
            }
        }

        if (words.Count == 0)
        {
            return (start, start);
        }

        // last run of capitalised words (allowing inner "of"/"the"/"and")
        var lastCap = -1;
        for (var k = words.Count - 1; k >= 0; k--)
        {
            if (char.IsUpper(sentence[words[k].S]))
            {
                lastCap = k;
                break;
            }
        }

        if (lastCap < 0)
        {
            return (words[0].S, words[^1].E);
        }

        var first = lastCap;
        while (first > 0)
        {
            var prev = sentence[words[first - 1].S..words[first - 1].E];
            if (char.IsUpper(prev[0]) || (prev is "of" or "and" or "&" or "de" && first > 1 && char.IsUpper(sentence[words[first - 2].S])))
            {
                first--;
            }
            else
            {
                break;
            }
        }

        // descriptive capitalised adjectives before a one-word name ("U.S. media organization Newsmax" is handled by the run break)
        return (words[first].S, words[lastCap].E);
    }

    private static bool IsAbbrevEnd(string sentence, int start, int end)
    {
        // "U.S." keeps its final period
        return end - start >= 3 && sentence[end - 1] == '.' && sentence[end - 3] == '.';
    }

    private static string LastRun(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? name : parts[^1];
    }

    /// <summary>The reported content: the rest of the sentence after the phrase, or the part before it when the phrase ends the sentence.</summary>
    private static TextSpan? Claim(string text, TextSpan sentence, TextSpan phrase)
    {
        var tailStart = phrase.End;
        while (tailStart < sentence.End && (char.IsWhiteSpace(text[tailStart]) || text[tailStart] is ',' or ':' or '.' or '—'))
        {
            tailStart++;
        }

        if (tailStart < sentence.End && text.AsSpan(tailStart, sentence.End - tailStart).StartsWith("that ", StringComparison.Ordinal))
        {
            tailStart += 5;
        }

        var tail = Trimmed(text, tailStart, sentence.End);
        if (tail is { } t && t.Length > 12)
        {
            return t;
        }

        return Trimmed(text, sentence.Start, phrase.Start);
    }

    private static TextSpan? Trimmed(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';' or ':'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '.' or ';' or ':'))
        {
            end--;
        }

        return end > start ? new TextSpan(start, end) : null;
    }
}
