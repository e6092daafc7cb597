using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parallax.Ingest.Extraction;

/// <summary>
/// General rules for what is not main text: invisible elements, chrome tags (nav, aside, footer, forms controls),
/// class/id hints (comments, share bars, related lists, newsletters, ads, captions ...) and boilerplate lines.
/// No site-specific rule. Immutable and thread-safe.
/// </summary>
internal static partial class BoilerplateRules
{
    private static readonly FrozenSet<string> _blockTags = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "li", "main",
        "menu", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "summary",
        "caption", "legend", "html", "frameset", "noframes", "listing", "xmp", "plaintext",
    ]);

    private static readonly FrozenSet<string> _skippedTags = FrozenSet.ToFrozenSet(
    [
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "video", "audio",
        "source", "track", "img", "picture", "button", "select", "option", "optgroup", "input", "textarea", "nav", "aside",
        "footer", "figure", "figcaption", "dialog", "map", "area", "head", "title", "meta", "link", "base", "datalist", "output",
        "progress", "meter", "applet", "frame", "frameset", "menu", "label",
    ]);

    /// <summary>Class/id words that mark boilerplate wherever they appear.</summary>
    private static readonly string[] _strongPrefixes =
    [
        "comment", "share", "sharing", "social", "related", "recommend", "newsletter", "subscri", "advert", "sponsor",
        "breadcrumb", "cookie", "popup", "modal", "outbrain", "taboola", "signup", "caption", "credit", "byline", "dateline",
        "timestamp", "sidebar", "footer", "navbar", "navigation", "menu", "trending", "popular", "promo", "adslot", "adunit",
        "adsense", "adwrap", "adbox", "adcontainer", "facebook", "twitter", "pinterest", "linkedin", "whatsapp", "reddit",
        "disqus", "recirc", "zergnet", "paywall", "toolbar", "pagination", "carousel", "jumplink", "screenreader",
        "copyright", "disclaimer", "skiplink", "rollover", "popover", "hovercard", "tooltip", "subnav", "mostread", "mostpopular", "readmore", "morestories", "newsletters",
    ];

    private static readonly FrozenSet<string> _strongWords = FrozenSet.ToFrozenSet(
    [
        "ad", "ads", "adv", "nav", "tags", "tag", "print", "email", "more", "sr", "hidden", "hide", "share", "rail", "overlay",
        "tooltip", "pager", "login", "poll", "nocontent", "noprint", "dfp", "gpt", "banner", "rating", "ratings", "follow",
        "keywords", "topics", "aside", "skip", "subscribe", "bio", "invisible", "offscreen", "visually", "gallery", "slideshow",
        "player", "widget", "widgets", "teaser", "teasers", "alert", "alerts", "utility", "tools", "meta", "author", "authors",
        "contributor", "byline", "date", "masthead", "header", "logo", "dropdown", "search", "breaking", "ticker", "cta", "donate",
        "extras", "disclosure", "endnote", "video",
    ]);

    /// <summary>Class/id word endings that mark boilerplate (<c>rightRail</c>, <c>topNav</c>, <c>articleComments</c>).</summary>
    private static readonly string[] _strongSuffixes =
    [
        "rail", "sidebar", "widget", "widgets", "nav", "navigation", "menu", "footer", "comments", "share", "sharing", "social",
        "related", "promo", "newsletter", "breadcrumbs", "breadcrumb", "toolbar", "caption", "captions", "credit", "credits",
    ];

    /// <summary>Words that a weak negative cannot override (an element both "post" and "meta" is kept).</summary>
    private static readonly FrozenSet<string> _positiveWords = FrozenSet.ToFrozenSet(
    [
        "article", "body", "content", "entry", "main", "post", "story", "text", "prose", "blog", "hentry", "articlebody",
        "storybody", "postbody", "entrycontent", "richtext", "copy", "paragraph", "page",
    ]);

    /// <summary>Weak negatives: dropped only when no positive word is present.</summary>
    private static readonly FrozenSet<string> _weakWords = FrozenSet.ToFrozenSet(
    [
        "meta", "author", "authors", "bio", "widget", "widgets", "player", "gallery", "slideshow", "teaser", "teasers", "utility",
        "tools", "banner", "alert", "alerts", "date", "header", "logo", "video", "extras", "contributor", "hidden", "more", "tag",
        "tags", "rail", "follow", "rating", "ratings", "keywords", "topics", "breaking", "search", "endnote", "disclosure", "cta",
    ]);

    public static bool IsBlockTag(string tag) => _blockTags.Contains(tag);

    /// <summary>True when the element and everything inside it is not main text.</summary>
    public static bool IsSkipped(IElement element, bool pruneByClass)
    {
        var tag = element.LocalName;
        if (_skippedTags.Contains(tag))
        {
            return true;
        }

        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && IsHiddenStyle(style))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        if (role is "navigation" or "complementary" or "contentinfo" or "menu" or "menubar" or "dialog" or "alertdialog" or "search" or "toolbar")
        {
            return true;
        }

        if (element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        if (!pruneByClass)
        {
            return false;
        }

        if (tag == "header" && element.QuerySelector("h1") is null)
        {
            return true;
        }

        if (tag is "body" or "html" or "article" or "main" or "p" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
        {
            return false;
        }

        return HasNegativeHint(element.GetAttribute("class"), element.GetAttribute("id"));
    }

    /// <summary>True when the class/id words say "boilerplate" (a strong word anywhere, or a weak one with no positive word).</summary>
    public static bool HasNegativeHint(string? className, string? id)
    {
        if (string.IsNullOrEmpty(className) && string.IsNullOrEmpty(id))
        {
            return false;
        }

        var strong = false;
        var weak = false;
        var positive = false;
        Scan(className, ref strong, ref weak, ref positive);
        Scan(id, ref strong, ref weak, ref positive);
        return strong || (weak && !positive);
    }

    /// <summary>True when class/id name a comment section (never protected, however much text it holds).</summary>
    public static bool IsCommentHint(string? className, string? id) =>
        CommentHintRegex().IsMatch(className ?? "") || CommentHintRegex().IsMatch(id ?? "");

    private static void Scan(string? value, ref bool strong, ref bool weak, ref bool positive)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 400)
        {
            return;
        }

        var span = value.AsSpan();
        var i = 0;
        Span<char> lower = stackalloc char[64];
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsAsciiLetterOrDigit(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && char.IsAsciiLetterOrDigit(span[i]))
            {
                i++;
            }

            var length = Math.Min(i - start, lower.Length);
            if (length == 0)
            {
                continue;
            }

            var word = lower[..length];
            span.Slice(start, length).ToLowerInvariant(word);
            var w = word.ToString();
            if (w == "commentary" || w.StartsWith("commentar", StringComparison.Ordinal))
            {
                positive = true;
                continue;
            }

            if (_weakWords.Contains(w))
            {
                weak = true;
            }
            else if (_strongWords.Contains(w))
            {
                strong = true;
            }

            if (_positiveWords.Contains(w))
            {
                positive = true;
            }

            foreach (var prefix in _strongPrefixes)
            {
                if (w.StartsWith(prefix, StringComparison.Ordinal))
                {
                    strong = true;
                    break;
                }
            }

            foreach (var suffix in _strongSuffixes)
            {
                if (w.Length > suffix.Length + 2 && w.EndsWith(suffix, StringComparison.Ordinal))
                {
                    strong = true;
                    break;
                }
            }
        }
    }

    private static bool IsHiddenStyle(string style)
    {
        if (style.Length > 2000)
        {
            return false;
        }

        var s = style.Replace(" ", "", StringComparison.Ordinal);
        return s.Contains("display:none", StringComparison.OrdinalIgnoreCase) || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for short lines that are page furniture rather than article text ("Advertisement", "Share this", "Read more").</summary>
    public static bool IsBoilerplateLine(string text)
    {
        if (text.Length > 200)
        {
            return false;
        }

        return BoilerplateLineRegex().IsMatch(text) || (text.Length < 120 && CreditLineRegex().IsMatch(text))
            || ShortcodeRegex().IsMatch(text) || TaxonomyLineRegex().IsMatch(text) || CaptionSentenceRegex().IsMatch(text)
            || (text.Length < 250 && ClickHereRegex().IsMatch(text));
    }

    [GeneratedRegex(@"^\s*\[\w+[^\]]*\].*\[/\w+\]\s*$")]
    private static partial Regex ShortcodeRegex();

    [GeneratedRegex(@"(^\W*|[-|•·]\s*)(tags|tagged|tagged with|categories|category|filed under|posted in|topics|categoria|categorias|etiquetas|schlagwörter|catégories)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TaxonomyLineRegex();

    [GeneratedRegex(@"^(in this|this) [^.]{0,80}\b(file )?(photo|image|picture|photograph|handout|screengrab|still)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionSentenceRegex();

    [GeneratedRegex(@"\bclick here\b|\btell us what you think\b|\bget the (free )?(daily |weekly )?newsletter\b|\bnewsletter delivered\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClickHereRegex();

    /// <summary>True for a byline or a date line ("By Jane Roe", "Updated 10:32 AM ET, Tue March 3, 2020").</summary>
    public static bool IsBylineOrDate(string text)
    {
        if (text.Length > 120)
        {
            return false;
        }

        return BylineRegex().IsMatch(text) || DateLineRegex().IsMatch(text) || TimeLineRegex().IsMatch(text);
    }

    [GeneratedRegex(@"^\W*(published|updated|posted|last updated|modified)( on| at)?:?\s*\d{1,2}[:.]\d\d\s*(am|pm|a\.m\.|p\.m\.)?\s*([A-Z]{2,4})?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeLineRegex();

    [GeneratedRegex(@"(?i)(comment(?!ar)|disqus|respond|replies)")]
    private static partial Regex CommentHintRegex();

    [GeneratedRegex(@"\b(we use cookies|use of cookies|cookie policy|cookies policy|accept cookies|by choosing i accept|best viewed (in|with)|requires javascript|up-to-date (web )?browser|style sheets \(css\)|upgrade your browser|subscribe to [\w’'. ]{0,40}newsletters?|sign up for [\w’'. ]{0,40}newsletters?|follow (him|her|them|us|me) on (twitter|facebook|instagram)|may be reached at|can be reached at|have a (news )?tip\?|consent to (our|the) use|privacy policy and terms|javascript (is )?(disabled|required)|enable javascript|your browser (does not|doesn't) support)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoticeRegex();

    /// <summary>True for cookie, consent and browser notices (any length up to 600 characters).</summary>
    public static bool IsNotice(string text) => text.Length <= 600 && NoticeRegex().IsMatch(text);

    [GeneratedRegex(@"^\W*(advertisement|advertising|advert|sponsored( content)?|ad|ads|share( this( article| story| post)?)?( on \w+)?|share|tweet( this)?|email( this)?( article| story)?|print( this)?( article| page)?|comments?|\d+ comments?|view comments|leave a comment|post a comment|add a comment|related( articles| stories| content| coverage| posts| links| topics| reading)?|recommended( for you| stories| articles)?|read more( \w+)?|more from [\w\s]+|more on this( story| topic)?|see also|also read|sign up( now)?|subscribe( now| today)?|follow us( on [\w\s]+)?|click here|skip to( main)? content|back to top|top stories|trending( now)?|most (read|popular|viewed|shared)|loading\.*|image|photo|video|watch|listen|play|close|menu|previous|next|continue reading|you may also like|you might also like|we recommend|don'?t miss|do not miss|must see|read next|see more|more like this|more stories|around the web|keep reading|this story has been shared [\d,]+ times\.?|all rights reserved\.?|copyright [©\d\s\w,.-]+|© [\w\s,.-]+|opens in (a )?new (window|tab))\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateLineRegex();

    [GeneratedRegex(@"[|/]\s*(getty images|ap|afp|reuters|epa|shutterstock|bloomberg|alamy|pa|istock|ap photo|getty)\s*$|^\W*((photo|image|picture|video|graphic|illustration)s?( credit)?|credit|source)\s*:|\((photo|image|picture)s?:? [^)]*\)\W*$|^\W*(getty images|ap photo|reuters|afp|shutterstock|istock)\b.{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLineRegex();

    [GeneratedRegex(@"^\W*(?i:(written |posted |reported |story |text |words )?by)\s+\p{Lu}[\p{L}'.-]*(\s+\p{Lu}[\p{L}'.-]*){0,3}(\s*(,|and|&)\s*\p{Lu}[\p{L}'.-]*(\s+\p{Lu}[\p{L}'.-]*){0,3})*(\s*[,|•·-]\s*.{0,60})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"^\W*((published|updated|posted|last updated|modified|first published)( on| at)?:?\s*)?(\d{1,2}[:.]\d\d\s*(am|pm|a\.m\.|p\.m\.)\s*([A-Z]{2,4})?\W*$)?((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(\d{1,2}(:\d\d)?\s*(am|pm|a\.m\.|p\.m\.)?\s*([A-Z]{2,4}\s*)?[,|•·-]?\s*)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})(\s*[,|•·-]?\s*(at\s*)?\d{1,2}[:.]\d\d\s*(am|pm|a\.m\.|p\.m\.)?\s*([A-Z]{2,4})?)?\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLineRegex();
}
