using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingest.Cleaning;

/// <summary>A whole-line cleaning rule: when <see cref="Matches"/> holds for a trimmed line, the line is removed as <see cref="Kind"/>.</summary>
/// <param name="Name">Stable rule name (appears in <see cref="Removal.Rule"/> and docs/cleaning.md).</param>
public sealed record LineRule(string Name, RemovalKind Kind, Func<string, bool> Matches);

/// <summary>
/// The whole-line rules of <see cref="TextCleaner"/>, in the order they are tried (first match wins). Each rule looks at
/// one trimmed line only; rules that need context (header block, top menu run, embeds, trailing headlines) live in the
/// cleaner. Immutable and thread-safe.
/// </summary>
public static class LineRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;

    private static readonly FrozenSet<string> _adMarkers = new[]
    {
        "advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content", "paid content",
        "promoted", "story continues below", "story continues below advertisement", "article continues below",
        "article continues below advertisement", "article continues below this ad", "continue reading below",
        "scroll to continue with content", "scroll to continue", "ad feedback", "advertisement - scroll to continue",
        "content continues below",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> _navigationWords = new[]
    {
        "menu", "main menu", "open menu", "close menu", "skip to content", "skip to main content", "skip to navigation",
        "skip navigation", "jump to content", "toggle navigation", "navigation", "search", "sign in", "log in", "login",
        "log out", "my account", "back to top", "sections", "home", "homepage", "close", "print", "print this page",
        "copy link", "link copied", "previous article", "next article", "next story", "previous story",
        "show comments", "comments", "view comments", "leave a comment", "listen to this article", "listen",
        "font size", "text size", "accessibility", "cookie settings", "accept cookies", "manage cookies",
        "more from this section", "latest", "trending", "top stories", "most read", "most popular", "breaking news",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> _shareWords = new[]
    {
        "share", "share this", "share this article", "share this story", "share article", "share story", "facebook",
        "twitter", "x", "linkedin", "whatsapp", "reddit", "telegram", "email", "e-mail", "pinterest", "tweet",
        "share on facebook", "share on twitter", "share on x", "share on linkedin", "share on whatsapp",
        "share via email", "email this", "tweet this", "click to share",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> _relatedHeadings = new[]
    {
        "related", "related articles", "related stories", "related news", "related content", "related coverage",
        "read more", "read next", "more stories", "more news", "more on this story", "more from", "you may also like",
        "you might also like", "recommended", "recommended for you", "recommended stories", "also read", "see also",
        "further reading", "popular stories", "latest news", "latest stories", "more to read", "editor's picks",
        "editors' picks", "don't miss", "what to read next", "up next",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly Regex _imageFile = new(
        @"^\S*\.(png|jpe?g|gif|webp|svg|avif|bmp|tiff?)(\?\S*)?\)*$", IgnoreCase);

    private static readonly Regex _markdownImage = new(@"^!\[[^\]]*\]\([^)]*\)?$", Options);

    private static readonly Regex _shortcode = new(@"^\[/?(caption|image|photo|gallery|video|embed|img)\b[^\]]*\]", IgnoreCase);

    private static readonly Regex _mediaCredit = new(
        @"^(image|images|photo|photos|picture|photograph|illustration|graphic|video|credit|photo credit|image credit|image source|photo source|file photo)\s*:\s*\S",
        IgnoreCase);

    private static readonly Regex _photoCreditTail = new(
        @"(\b(REUTERS|Reuters|AP Photo|AFP|Getty Images|EPA|EPA-EFE|Bloomberg|Xinhua|Anadolu|TASS|SPUTNIK|Sputnik|BELTA|BelTA)\s*/\s*\p{Lu}[\p{L}.'’-]*(\s\p{Lu}[\p{L}.'’-]*){0,3}(\s*//?\s*\p{Lu}[\p{L}]*(\s\p{Lu}[\p{L}]*){0,2})?\)?|/\s*(Reuters|REUTERS|AP|AFP|Getty Images|EPA|Shutterstock|Alamy|Bloomberg)\)?|\((Photo|Image|Picture|Video)s?\s*(by|:|credit|courtesy)[^)]*\))$",
        Options);

    private static readonly Regex _bareUrl = new(@"^<?(https?://|www\.)\S+>?$", IgnoreCase);

    private static readonly Regex _markdownLink = new(@"^\[[^\]]*\]\([^)]+\)$", Options);

    private static readonly Regex _punctuationOnly = new(@"^[\p{P}\p{S}]{1,6}$", Options);

    private static readonly Regex _breadcrumb = new(
        @"^[\p{L}\p{N}&'’.,-]+( [\p{L}\p{N}&'’.,-]+){0,5}( ?[>›»/] ?[\p{L}\p{N}&'’.,-]+( [\p{L}\p{N}&'’.,-]+){0,7}){1,8}$", Options);

    private static readonly Regex _shareCall = new(
        @"^(share (this|on|via)\b|share (the|our|it) (article|story|post|link)\b|share\s*:|tweet this\b|click to share\b|spread the word\b)", IgnoreCase);

    private static readonly Regex _subscribeCall = new(
        @"^(subscribe\b|sign up\b|join (our|the) .{0,40}(newsletter|mailing list|list)\b|get (our|the) .{0,40}newsletter\b|newsletter\b|follow us\b|like us on\b|download (our|the) app\b|get the app\b|support (our|independent) journalism\b|become a (member|subscriber)\b|already a subscriber\b|want more\b.{0,60}\b(newsletter|subscribe|inbox)\b)",
        IgnoreCase);

    private static readonly Regex _disclaimer = new(
        @"(not a recommendation to buy or sell|not (intended as )?investment advice|does not constitute (investment|financial|legal) advice|the author (has|holds) no (securities|positions|licen[cs]es)|always do additional research|information for this story was found via|the views (and opinions )?expressed (in (this|the) (article|piece|column|commentary|video|post|op-ed)|here|are (my|his|her|their|the author|solely|those))|the opinions expressed (by|in) (columnists|contributors|this)|views and opinions expressed|do(es)? not necessarily (reflect|represent) the (views|opinions|position)|for informational purposes only|we may earn (a|an affiliate) commission|contains affiliate links|this (article|story|post) (is|was) (sponsored|paid for) by)",
        IgnoreCase);

    private static readonly Regex _boilerplate = new(
        @"(all rights reserved|^(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\))?\s*\d{4})|may not be (re)?published, broadcast, rewritten,? or redistributed|our standards\s*:|trust principles|^this (story|article) has not been edited by|^(\d+|one|two|three|four|five) min(ute)?s? read$|^reading time\s*:|^(terms of (use|service)|privacy policy|cookie policy)$)",
        IgnoreCase);

    private static readonly Regex _relatedLink = new(
        @"^(read|read more|read also|read next|also read|related|related (coverage|stories|articles|content|news)|see also|more on this|more from|more news|recommended( reading)?|watch|watch more|listen|explore more|further reading|you (may|might) also like|editor'?s picks?|don'?t miss|top story|trending)\s*[:：|»>–—-]\s*\S",
        IgnoreCase);

    private static readonly Regex _relatedLinkCaps = new(@"^(ALSO READ|READ MORE|READ ALSO|RELATED|SEE ALSO|RECOMMENDED)\b", Options);

    private static readonly Regex _byline = new(
        @"^(By|BY|Written by|Reported by|Words by|Story by|Text by)\s+(?<names>\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|de|da|van|von|der|al|bin|la|le)){0,4}(\s*(,|and|&)\s*\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,4})*)(\s*(,|\||-|–|—|\bfor\b|\bin\b)\s*(?<org>\p{Lu}[\p{L}\p{N} .&'’]{0,49}))?$",
        Options);

    // "By The Numbers", "By This Measure" are sub-heads, not bylines.
    private static readonly Regex _determiner = new(@"^(The|A|An|This|That|These|Those|Its|Our|Their)\b", Options);

    private static readonly Regex _nameOutlet = new(
        @"^(?<names>\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){1,3})\s*\|\s*(?<org>\p{Lu}[\p{L}\p{N}&.'’ ]{1,40})$", Options);

    // One ";"-separated part of a wire credit: "Reporting by Jane Doe in Minsk", "Editing by John Roe and Ann Poe".
    private static readonly Regex _wireCreditPart = new(
        @"^\(?\s*(?i:(additional )?(reporting|writing|editing|compiled|research|reported|written|edited|graphics|photography|video|production) by)\s+" +
        @"\p{Lu}[\p{L}.'’-]*(\s*,?\s+(\p{Lu}[\p{L}.'’-]*|and|in|from|at|for|&|de|da|van|von|der|al|bin|la|le))*\s*\)?\.?$",
        Options);

    private static readonly Regex _wireCreditStart = new(
        @"^\(?\s*(additional )?(reporting|writing|editing|compiled|research|reported|written|edited) by\b", IgnoreCase);

    private static readonly Regex _timestamp = new(
        @"^(updated|published|last updated|posted|modified|first published|last modified)(\s+on)?\s*:?\s+" +
        @"(?=.*(\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d+\s+(min|minute|hour|day)s?\s+ago\b))\S.{0,60}$",
        IgnoreCase);

    /// <summary>The rules in the order they are tried.</summary>
    public static ImmutableArray<LineRule> All { get; } =
    [
        new("ad-marker", RemovalKind.Advertisement, l => _adMarkers.Contains(StripDecor(l))),
        new("navigation-word", RemovalKind.Navigation, l => _navigationWords.Contains(StripDecor(l))),
        new("share-button", RemovalKind.Share, l => _shareWords.Contains(StripDecor(l))),
        new("related-heading", RemovalKind.RelatedLink, l => _relatedHeadings.Contains(StripDecor(l))),
        new("image-file-debris", RemovalKind.ImageDebris, l => _imageFile.IsMatch(l)),
        new("markdown-image", RemovalKind.ImageDebris, l => _markdownImage.IsMatch(l)),
        new("caption-shortcode", RemovalKind.Caption, l => _shortcode.IsMatch(l)),
        new("media-credit", RemovalKind.Caption, l => WordCount(l) <= 60 && _mediaCredit.IsMatch(l) && SentenceCount(l) < 2),
        new("photo-credit", RemovalKind.Caption, l => WordCount(l) <= 60 && _photoCreditTail.Match(l) is { Success: true } m && SentenceCount(l[..m.Index]) < 2),
        new("bare-url", RemovalKind.LinkDebris, l => _bareUrl.IsMatch(l)),
        new("markdown-link", RemovalKind.LinkDebris, l => _markdownLink.IsMatch(l)),
        new("punctuation-debris", RemovalKind.LinkDebris, l => _punctuationOnly.IsMatch(l)),
        new("breadcrumb", RemovalKind.Breadcrumb, IsBreadcrumb),
        new("section-bar", RemovalKind.Navigation, IsSectionBar),
        new("share-call", RemovalKind.Share, l => WordCount(l) <= 50 && _shareCall.IsMatch(l)),
        new("subscribe-call", RemovalKind.Subscribe, l => WordCount(l) <= 50 && _subscribeCall.IsMatch(l) && !l.Contains("newsletter", StringComparison.OrdinalIgnoreCase)),
        new("newsletter-call", RemovalKind.Newsletter, l => WordCount(l) <= 50 && _subscribeCall.IsMatch(l)),
        new("disclaimer", RemovalKind.Disclaimer, l => WordCount(l) <= 150 && _disclaimer.Match(l) is { Success: true } m && !IsQuoted(l, m.Index)),
        new("boilerplate", RemovalKind.Boilerplate, l => WordCount(l) <= 80 && _boilerplate.IsMatch(l)),
        new("related-link", RemovalKind.RelatedLink, l => WordCount(l) <= 40 && (_relatedLink.IsMatch(l) || _relatedLinkCaps.IsMatch(l))),
        new("byline", RemovalKind.Byline, l => WordCount(l) <= 16 && !EndsWithSentencePunctuation(l) && _byline.Match(l) is { Success: true } m && !_determiner.IsMatch(m.Groups["names"].Value)),
        new("name-outlet-byline", RemovalKind.Byline, l => WordCount(l) <= 10 && _nameOutlet.IsMatch(l)),
        new("wire-credit", RemovalKind.Byline, IsWireCredit),
        new("timestamp-line", RemovalKind.Dateline, l => WordCount(l) <= 12 && _timestamp.IsMatch(l)),
        new("date-line", RemovalKind.Dateline, l => WrittenDate.TryParse(l, out _)),
    ];

    /// <summary>The first rule matching the trimmed line, or null.</summary>
    public static LineRule? Match(string trimmedLine)
    {
        ArgumentNullException.ThrowIfNull(trimmedLine);
        if (trimmedLine.Length == 0 || trimmedLine.Length > 2000)
        {
            return null;
        }

        foreach (var rule in All)
        {
            if (rule.Matches(trimmedLine))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// Why a line that a rule almost removed was kept (a caption-like line with 2+ sentences, a disclaimer phrase
    /// inside a quotation), or null. Used for PX0306 diagnostics on kept lines.
    /// </summary>
    public static string? DoubtReason(string trimmedLine)
    {
        ArgumentNullException.ThrowIfNull(trimmedLine);
        if (trimmedLine.Length == 0 || trimmedLine.Length > 2000)
        {
            return null;
        }

        if (_photoCreditTail.Match(trimmedLine) is { Success: true } credit)
        {
            return $"ends with a photo credit '{credit.Value.Trim()}' but reads as story text (2+ sentences)";
        }

        if (_mediaCredit.IsMatch(trimmedLine))
        {
            return "starts like a media caption but reads as story text (2+ sentences)";
        }

        if (_disclaimer.Match(trimmedLine) is { Success: true } d)
        {
            return $"contains the disclaimer phrase '{d.Value}' inside a quotation";
        }

        return null;
    }

    /// <summary>Authors named by a byline or wire-credit line (<c>By Jane Doe and John Roe</c>, <c>Reporting by Jane Doe; Editing by ...</c>).</summary>
    public static ImmutableArray<string> AuthorsOf(string rule, string line)
    {
        string names;
        switch (rule)
        {
            case "byline":
            case "name-outlet-byline":
                var m = (rule == "byline" ? _byline : _nameOutlet).Match(line);
                if (!m.Success)
                {
                    return [];
                }

                names = m.Groups["names"].Value;
                break;
            case "wire-credit":
                var r = Regex.Match(line, @"\b(reporting|reported|writing|written) by\s+(?<names>[^;()]+)", IgnoreCase);
                if (!r.Success)
                {
                    return [];
                }

                names = r.Groups["names"].Value;
                // "Reporting by Jane Doe in Minsk" → "Jane Doe".
                var inIndex = Regex.Match(names, @"\s(in|from|at)\s+\p{Lu}", Options);
                if (inIndex.Success)
                {
                    names = names[..inIndex.Index];
                }

                break;
            default:
                return [];
        }

        return [.. Regex.Split(names, @"\s*(?:,|\band\b|&)\s*", Options)
            .Select(n => n.Trim().TrimEnd('.'))
            .Where(n => n.Length > 1 && char.IsUpper(n[0]))];
    }

    // A sentence boundary: end punctuation, optional closing quote, space, capital; not after an initial or a short
    // abbreviation ("U.S. President", "Md., in", "p.m. on").
    private static readonly Regex _sentenceBoundary = new(
        @"(?<!\b\p{Lu}|\b\p{Lu}[a-z]{1,2}|\b[ap]\.m|\bNo|\bvs)[.!?][""”’)]*\s+[""“‘(]?\p{Lu}", Options);

    /// <summary>Sentences in a line, roughly: boundaries (see <c>_sentenceBoundary</c>) plus one.</summary>
    public static int SentenceCount(string line) => _sentenceBoundary.Matches(line).Count + 1;

    /// <summary>True when <paramref name="index"/> lies inside a quotation opened earlier on the line.</summary>
    private static bool IsQuoted(string line, int index)
    {
        var opened = line.AsSpan(0, index).Count('“') - line.AsSpan(0, index).Count('”');
        var straight = line.AsSpan(0, index).Count('"');
        return opened > 0 || straight % 2 == 1;
    }

    public static int WordCount(string s)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = !char.IsWhiteSpace(c);
            if (w && !inWord)
            {
                count++;
            }

            inWord = w;
        }

        return count;
    }

    /// <summary>True when the line ends like a sentence: <c>. ! ? …</c>, possibly followed by closing quotes or brackets.</summary>
    public static bool EndsWithSentencePunctuation(string line)
    {
        var i = line.Length - 1;
        while (i >= 0 && (char.IsWhiteSpace(line[i]) || line[i] is '"' or '\'' or '”' or '’' or ')' or ']' or '»' or '*'))
        {
            i--;
        }

        return i >= 0 && line[i] is '.' or '!' or '?' or '…';
    }

    /// <summary>Lower-cases nothing; strips surrounding decoration such as <c>- Advertisement -</c>, <c>[Menu]</c>, <c>Share:</c>.</summary>
    private static string StripDecor(string line) =>
        line.Trim().Trim('-', '–', '—', '*', '•', '·', '|', '[', ']', '(', ')', '<', '>', ':', ' ', '\u00A0', '»', '›');

    private static bool IsWireCredit(string line)
    {
        if (WordCount(line) > 60 || !_wireCreditStart.IsMatch(line))
        {
            return false;
        }

        // Every part must be "<role> by <Names>"; "Reporting by the BBC found ..." is prose.
        var parts = line.Trim().TrimStart('(').TrimEnd('.', ')').Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && parts.All(p => _wireCreditPart.IsMatch(p));
    }

    private static bool IsBreadcrumb(string line)
    {
        if (WordCount(line) > 16 || !_breadcrumb.IsMatch(line))
        {
            return false;
        }

        // "/" alone also occurs in prose ("and/or"): require spaced slashes and three items.
        if (!line.Contains('>', StringComparison.Ordinal) && !line.Contains('›', StringComparison.Ordinal) && !line.Contains('»', StringComparison.Ordinal))
        {
            return line.Split(" / ").Length >= 3;
        }

        return true;
    }

    private static bool IsSectionBar(string line)
    {
        var parts = line.Split(['|', '•', '·'], StringSplitOptions.TrimEntries);
        if (parts.Length < 3 || WordCount(line) > 18)
        {
            return false;
        }

        foreach (var p in parts)
        {
            var words = WordCount(p);
            if (words is 0 or > 3 || !(char.IsUpper(p[0]) || char.IsDigit(p[0])) || EndsWithSentencePunctuation(p) || p.EndsWith(',') || p.EndsWith(':'))
            {
                return false;
            }
        }

        return true;
    }
}
