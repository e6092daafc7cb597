using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Ingest.Outlets;

namespace Parallax.Ingest.Cleaning;

/// <summary>
/// Cleans raw article text (a decoded .txt file, or the main text of an HTML extractor, one block per line): removes
/// whole lines of residue (header block, navigation, image/link debris, share and newsletter calls, disclaimers,
/// related links, trailing unrelated headlines, bylines, ad markers), sets embedded social posts aside, and joins the
/// kept lines with single <c>\n</c> separators. The cleaned text is built only by copying runs of the raw text
/// (<see cref="OffsetMapBuilder"/>); nothing is rewritten. Every non-whitespace raw character ends up either copied
/// into the text or inside exactly one <see cref="Removal"/>. A line is removed whole, never cut mid-sentence, except
/// a header field that shares the first line with the body (<c>date 2025-12-11 Story…</c>). When in doubt a line is
/// kept and a diagnostic is recorded. Pure, deterministic and thread-safe; the rules are documented in docs/cleaning.md.
/// </summary>
public sealed class TextCleaner : ITextCleaner
{
    public const string Name = "TextCleaner";
    public const string Version = "1";

    private static readonly Regex _bulletItem = new(@"^([-*•·▪–]|\d{1,2}[.)])\s+\S", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // "MINSK, Dec 11 (Reuters) -", "WASHINGTON (AP) —", "KYIV, Ukraine —".
    private static readonly Regex _dateline = new(
        @"^(?<place>\p{Lu}[\p{Lu}.'’ -]{1,40}?)(,\s*(?<region>\p{Lu}[\p{L}.]+(\s\p{Lu}[\p{L}.]+)?))?(,?\s*(?<date>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?\s*(\((?<agency>[\p{L}][\p{L} .&-]{0,30})\))?\s*[-–—]{1,2}\s",
        RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture);

    private readonly OutletIdentifier _outlets;

    /// <summary>A cleaner that recognises mastheads with the shipped outlet table.</summary>
    public TextCleaner()
        : this(new OutletIdentifier())
    {
    }

    /// <param name="outlets">Used to recognise a masthead in the raw text when nothing else names the outlet.</param>
    public TextCleaner(OutletIdentifier outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        _outlets = outlets;
    }

    /// <summary>Name and version of this cleaner, e.g. for <see cref="Article.Provenance"/>.</summary>
    public static string Provenance => $"{Name}@{Version}";

    /// <inheritdoc />
    public CleanResult Clean(string rawText, ArticleMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        ArgumentNullException.ThrowIfNull(metadata);
        var raw = rawText;
        var diagnostics = new List<Diagnostic>();
        if (string.IsNullOrWhiteSpace(raw))
        {
            diagnostics.Add(Diagnostic.Warning(CleaningCodes.NothingLeft, $"{CleaningCodes.NothingLeft}: the input holds no text"));
            var (emptyText, emptyMap) = new OffsetMapBuilder(raw).Build();
            return new CleanResult(emptyText, emptyMap, [], [], metadata, [.. diagnostics]);
        }

        var lines = RawLines.Split(raw);
        var n = lines.Length;
        var content = lines.Select(l => l.Content).ToArray();
        var decisions = new Decision?[n];
        var removals = new List<Removal>();
        var found = new Found();

        // 1. Header block at the very top.
        var header = TextHeaderParser.Parse(raw);
        diagnostics.AddRange(header.Diagnostics);
        foreach (var field in header.Fields)
        {
            removals.Add(new Removal(RemovalKind.Header, field.Span, field.Span.Of(raw), "text-header"));
        }

        for (var i = 0; i < n && header.Fields.Length > 0; i++)
        {
            if (content[i].IsEmpty)
            {
                continue;
            }

            if (content[i].End <= header.BodyStart)
            {
                decisions[i] = Decision.Consumed;
            }
            else if (content[i].Start < header.BodyStart)
            {
                content[i] = RawLines.Trim(raw, header.BodyStart, content[i].End);
            }
        }

        ApplyHeader(header, found);

        // 2. Embedded posts (before line rules: an attribution line must not be taken for something else).
        var available = Enumerable.Range(0, n).Select(i => decisions[i] is null && !content[i].IsEmpty).ToArray();
        var embedHits = EmbedDetector.Find(raw, content, available, diagnostics);
        foreach (var hit in embedHits)
        {
            foreach (var (line, rule) in hit.Lines)
            {
                decisions[line] = new Decision(RemovalKind.Embed, rule);
            }
        }

        // 3. Whole-line rules.
        for (var i = 0; i < n; i++)
        {
            if (decisions[i] is not null || content[i].IsEmpty)
            {
                continue;
            }

            var text = content[i].Of(raw);
            var rule = LineRules.Match(text);
            if (rule is null)
            {
                if (LineRules.DoubtReason(text) is { } reason)
                {
                    diagnostics.Add(Diagnostic.Info(CleaningCodes.DoubtfulKept, $"{CleaningCodes.DoubtfulKept}: line {i + 1} {reason}; kept"));
                }

                continue;
            }

            {
                decisions[i] = new Decision(rule.Kind, rule.Name);
                if (rule.Kind == RemovalKind.Byline)
                {
                    found.Authors.AddRange(LineRules.AuthorsOf(rule.Name, text));
                }
                else if (rule.Name is "date-line" or "timestamp-line" && found.Published is null && !text.StartsWith("Updated", StringComparison.OrdinalIgnoreCase)
                    && WrittenDate.TryParse(StripTimestampKeyword(text), out var d))
                {
                    found.Published = d.ToPublicationDate("dateline-line");
                }
            }
        }

        // 4. A menu of short bullet items before the first paragraph.
        MarkTopMenu(raw, content, decisions);

        // 5. A trailing run of unrelated headlines.
        MarkTrailingHeadlines(raw, content, decisions, diagnostics);

        // 6. Recognise (never remove) a dateline prefix and a headline on the first kept lines.
        var kept = Enumerable.Range(0, n).Where(i => decisions[i] is null && !content[i].IsEmpty).ToList();
        RecogniseStart(raw, content, kept, found, diagnostics);

        // 7. Build the text: kept lines joined by one "\n" (the raw break after the previous kept line when it is a "\n").
        var builder = new OffsetMapBuilder(raw);
        int? previous = null;
        foreach (var i in kept)
        {
            if (previous is { } p)
            {
                var br = lines[p].Break;
                if (!br.IsEmpty && raw[br.End - 1] == '\n')
                {
                    builder.Copy(new TextSpan(br.End - 1, br.End));
                }
                else
                {
                    builder.Insert("\n");
                }
            }

            builder.Copy(content[i]);
            previous = i;
        }

        for (var i = 0; i < n; i++)
        {
            if (decisions[i] is { IsConsumed: false } d)
            {
                removals.Add(new Removal(d.Kind, content[i], content[i].Of(raw), d.Rule));
            }
        }

        // A masthead (often on a line removed above, e.g. the first item of a top menu) names the outlet only when
        // nothing ranks above it in OutletIdentifier's cascade: no outlet stated, no URL, no site name.
        if (IsUnknown(metadata.Outlet) && found.Outlet is null && found.SourceName is null
            && metadata.Url is null && metadata.CanonicalUrl is null && found.Url is null && string.IsNullOrWhiteSpace(metadata.SiteName)
            && _outlets.FindMasthead(raw) is { } masthead)
        {
            found.Masthead = masthead.Outlet;
        }

        var (cleanText, map) = builder.Build();
        removals.Sort((a, b) => a.RawSpan.Start.CompareTo(b.RawSpan.Start));
        AddSummaryDiagnostics(raw, cleanText, diagnostics);
        return new CleanResult(
            cleanText,
            map,
            [.. removals],
            [.. embedHits.Select(h => h.Embed)],
            Merge(metadata, found),
            [.. diagnostics]);
    }

    private static void ApplyHeader(TextHeader header, Found found)
    {
        foreach (var f in header.Fields)
        {
            if (f.Value.Length == 0)
            {
                continue;
            }

            switch (f.Key)
            {
                case "title":
                    found.Title ??= f.Value;
                    break;
                case "url":
                    found.Url ??= f.Value;
                    break;
                case "outlet":
                    found.Outlet ??= f.Value;
                    break;
                case "source":
                    if (f.Value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || f.Value.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
                    {
                        found.Url ??= f.Value;
                    }
                    else
                    {
                        found.SourceName ??= f.Value;
                    }

                    break;
                case "author":
                case "byline":
                    found.HeaderAuthors.AddRange(SplitNames(f.Value.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? f.Value[3..] : f.Value));
                    break;
                case "language":
                    found.Language ??= f.Value;
                    break;
                case "date":
                case "published":
                    if (found.Published is null && WrittenDate.TryParse(f.Value, out var d))
                    {
                        found.Published = d.ToPublicationDate("header");
                    }

                    break;
            }
        }
    }

    private static IEnumerable<string> SplitNames(string value) =>
        Regex.Split(value, @"\s*(?:,|;|\band\b|&)\s*", RegexOptions.CultureInvariant)
            .Select(s => s.Trim())
            .Where(s => s.Length > 1);

    private static string StripTimestampKeyword(string text) =>
        Regex.Replace(text, @"^(published|posted|first published)(\s+on)?\s*:?\s*", "", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static void MarkTopMenu(string raw, TextSpan[] content, Decision?[] decisions)
    {
        var run = new List<int>();
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i].IsEmpty || decisions[i] is { IsConsumed: true })
            {
                continue;
            }

            var text = content[i].Of(raw);
            var isMenuItem = _bulletItem.IsMatch(text) && LineRules.WordCount(text) <= 15 && !LineRules.EndsWithSentencePunctuation(text)
                && !text.EndsWith(':');
            if (isMenuItem)
            {
                run.Add(i);
                continue;
            }

            if (decisions[i] is not null)
            {
                // Other residue between menu items (e.g. "Skip to content") does not end the menu.
                continue;
            }

            break;
        }

        // Menu items are short; the last may be the current page's title. Summary bullets ("* President chides ...")
        // are longer and stay.
        if (run.Count < 2 || run.SkipLast(1).Any(i => LineRules.WordCount(content[i].Of(raw)) > 5))
        {
            return;
        }

        foreach (var i in run)
        {
            decisions[i] ??= new Decision(RemovalKind.Navigation, "top-menu-list");
        }
    }

    private static void MarkTrailingHeadlines(string raw, TextSpan[] content, Decision?[] decisions, List<Diagnostic> diagnostics)
    {
        var run = new List<int>();
        var i = content.Length - 1;
        for (; i >= 0; i--)
        {
            if (content[i].IsEmpty || decisions[i] is not null)
            {
                continue;
            }

            if (!HeadlineRunDetector.IsHeadlineLike(content[i].Of(raw)))
            {
                break;
            }

            run.Add(i);
        }

        if (run.Count < HeadlineRunDetector.MinRun)
        {
            return;
        }

        var storyWords = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k <= i; k++)
        {
            if (decisions[k] is null && !content[k].IsEmpty)
            {
                storyWords.UnionWith(HeadlineRunDetector.SalientWords(content[k].Of(raw)));
            }
        }

        var texts = run.Select(k => content[k].Of(raw)).ToList();
        if (!HeadlineRunDetector.IsUnrelated(texts, storyWords, out var mean))
        {
            diagnostics.Add(Diagnostic.Info(
                CleaningCodes.HeadlineRunKept,
                $"{CleaningCodes.HeadlineRunKept}: {run.Count} trailing title-case lines share words with the story (mean overlap {mean:0.00}); kept"));
            return;
        }

        foreach (var k in run)
        {
            decisions[k] = new Decision(RemovalKind.RelatedHeadlines, "trailing-headlines");
        }

        // A heading just above the run ("More stories") is part of it; related-heading already removed it if known.
    }

    private static void RecogniseStart(string raw, TextSpan[] content, List<int> kept, Found found, List<Diagnostic> diagnostics)
    {
        if (kept.Count == 0)
        {
            return;
        }

        var first = content[kept[0]].Of(raw);
        var words = LineRules.WordCount(first);
        if (kept.Count > 1 && words is >= 2 and <= 25 && !LineRules.EndsWithSentencePunctuation(first) && !first.EndsWith(':')
            && HeadlineRunDetector.IsHeadlineLike(first))
        {
            found.HeadlineTitle = first;
        }

        foreach (var i in kept.Take(3))
        {
            var m = _dateline.Match(content[i].Of(raw));
            if (!m.Success || (!m.Groups["agency"].Success && !m.Groups["date"].Success && !m.Groups["region"].Success))
            {
                continue;
            }

            // The place must be written in capitals (MINSK), which prose almost never starts with.
            var place = m.Groups["place"].Value.Trim();
            if (place.Count(char.IsLetter) < 3 || place.Any(char.IsLower))
            {
                continue;
            }

            var span = TextSpan.FromLength(content[i].Start + m.Index, m.Length);
            var agency = m.Groups["agency"].Success ? m.Groups["agency"].Value : null;
            diagnostics.Add(Diagnostic.Info(
                CleaningCodes.DatelineRecognised,
                $"{CleaningCodes.DatelineRecognised}: dateline '{m.Value.Trim()}' at raw {span} (place {place}" +
                (m.Groups["date"].Success ? $", date {m.Groups["date"].Value}" : "") +
                (agency is null ? "" : $", credit {agency}") + "); kept in the text"));
            break;
        }
    }

    private static void AddSummaryDiagnostics(string raw, string clean, List<Diagnostic> diagnostics)
    {
        var rawChars = raw.Count(c => !char.IsWhiteSpace(c));
        var cleanChars = clean.Count(c => !char.IsWhiteSpace(c));
        if (cleanChars == 0)
        {
            diagnostics.Add(Diagnostic.Warning(CleaningCodes.NothingLeft, $"{CleaningCodes.NothingLeft}: cleaning removed every line ({rawChars} characters)"));
        }
        else if (cleanChars * 2 < rawChars)
        {
            diagnostics.Add(Diagnostic.Warning(
                CleaningCodes.LargeRemoval,
                $"{CleaningCodes.LargeRemoval}: cleaning removed {rawChars - cleanChars} of {rawChars} non-whitespace characters"));
        }
    }

    private static ArticleMetadata Merge(ArticleMetadata input, Found found)
    {
        var authors = found.HeaderAuthors.Count > 0 ? found.HeaderAuthors : found.Authors;
        var outlet = input.Outlet;
        var outletSource = input.OutletSource;
        if (IsUnknown(outlet) && (found.Outlet ?? found.SourceName) is { } named)
        {
            outlet = named;
            outletSource = "hint";
        }
        else if (IsUnknown(outlet) && found.Masthead is { } masthead)
        {
            outlet = masthead;
            outletSource = "masthead";
        }

        return input with
        {
            Title = input.Title ?? found.Title ?? found.HeadlineTitle,
            Url = input.Url ?? found.Url,
            Outlet = outlet,
            OutletSource = outletSource,
            Authors = input.Authors.IsDefaultOrEmpty ? [.. authors.Distinct(StringComparer.Ordinal)] : input.Authors,
            Published = input.Published ?? found.Published,
            Language = input.Language ?? found.Language,
        };

    }

    private static bool IsUnknown(string? s) => string.IsNullOrWhiteSpace(s) || s == "unknown";

    private sealed record Decision(RemovalKind Kind, string Rule)
    {
        /// <summary>A line entirely covered by header fields: its removals are the fields themselves.</summary>
        public static Decision Consumed { get; } = new(RemovalKind.Header, "text-header") { IsConsumed = true };

        public bool IsConsumed { get; private init; }
    }

    private sealed class Found
    {
        public string? Title { get; set; }
        public string? HeadlineTitle { get; set; }
        public string? Url { get; set; }
        public string? Outlet { get; set; }
        public string? SourceName { get; set; }
        public string? Masthead { get; set; }
        public string? Language { get; set; }
        public PublicationDate? Published { get; set; }
        public List<string> Authors { get; } = [];
        public List<string> HeaderAuthors { get; } = [];
    }
}
