using System.Text;
using AngleSharp.Dom;

namespace Parallax.Ingest.Extraction;

/// <summary>What kind of block a run of text sits in; decides how it is scored and kept.</summary>
internal enum BlockKind
{
    Text,
    Paragraph,
    Heading,
    Headline,
    ListItem,
    Quote,
    Preformatted,
    Cell,
    Caption,
}

/// <summary>A run of inline text inside one block-level element, in document order.</summary>
internal sealed class Block
{
    public required IElement Owner { get; init; }
    public required int Index { get; init; }
    public required BlockKind Kind { get; init; }
    /// <summary>Start (inclusive) and end (exclusive) of the block's text in <see cref="Segmentation.Text"/>.</summary>
    public required int Start { get; init; }
    public required int End { get; init; }
    public required int LinkChars { get; init; }
    public int Length => End - Start;
    public double LinkDensity => Length == 0 ? 0 : (double)LinkChars / Length;
}

/// <summary>
/// The visible text of a page cut into blocks, with every character's position in the decoded HTML source (or -1
/// when the character is not verbatim in the source: collapsed whitespace, decoded entities).
/// </summary>
internal sealed class Segmentation
{
    public required StringBuilder Text { get; init; }
    public required List<int> Positions { get; init; }
    public required List<Block> Blocks { get; init; }
    /// <summary>For each block-level element: the range [first, last) of its blocks.</summary>
    public required Dictionary<IElement, (int First, int Last)> Ranges { get; init; }

    public string TextOf(Block block) => Text.ToString(block.Start, block.Length);

    private PrefixSums? _sums;

    /// <summary>Prefix sums over blocks (index i = sum of blocks [0, i)), for O(1) range figures.</summary>
    public PrefixSums Sums => _sums ??= new PrefixSums(Blocks);
}

/// <summary>Cumulative characters, link characters, good and bad characters over a block list.</summary>
internal sealed class PrefixSums
{
    public PrefixSums(List<Block> blocks)
    {
        Chars = new long[blocks.Count + 1];
        Links = new long[blocks.Count + 1];
        Good = new long[blocks.Count + 1];
        Bad = new long[blocks.Count + 1];
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            Chars[i + 1] = Chars[i] + b.Length;
            Links[i + 1] = Links[i] + b.LinkChars;
            Good[i + 1] = Good[i] + (ContentScorer.IsGood(b) ? b.Length : 0);
            Bad[i + 1] = Bad[i] + (ContentScorer.IsBad(b) ? b.Length : 0);
        }
    }

    public long[] Chars { get; }
    public long[] Links { get; }
    public long[] Good { get; }
    public long[] Bad { get; }
}

/// <summary>
/// Cuts a DOM into blocks: one block per run of inline content between block-level boundaries (and
/// <c>&lt;br&gt;</c>). Skips invisible and boilerplate subtrees as decided by <see cref="BoilerplateRules"/>.
/// Aligns every text node with the raw source so the extracted text can point back into the page. One instance
/// per page; not thread-safe.
/// </summary>
internal sealed class PageSegmenter
{
    private const int MaxDepth = 300;

    private readonly string? _raw;
    private readonly bool _pruneByClass;
    private readonly StringBuilder _text = new();
    private readonly List<int> _positions = [];
    private readonly List<Block> _blocks = [];
    private readonly Dictionary<IElement, (int, int)> _ranges = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<IElement> _owners = new();
    private int _cursor;
    private int _blockStart;
    private int _linkChars;
    private int _linkDepth;
    private bool _pendingSpace;
    private int _pendingSpacePos = -1;

    private readonly ParagraphIndex? _paragraphs;

    /// <param name="raw">The decoded page the DOM was parsed from (for source positions), or null.</param>
    /// <param name="pruneByClass">Whether class/id hints prune subtrees.</param>
    /// <param name="paragraphs">When given, a hinted subtree holding most of the page's paragraph text is not pruned.</param>
    public PageSegmenter(string? raw, bool pruneByClass, ParagraphIndex? paragraphs = null)
    {
        _raw = raw;
        _pruneByClass = pruneByClass;
        _paragraphs = paragraphs;
    }

    public Segmentation Segment(IElement root)
    {
        _owners.Push(root);
        var first = _blocks.Count;
        Walk(root, 0);
        Flush();
        _ranges[root] = (first, _blocks.Count);
        return new Segmentation { Text = _text, Positions = _positions, Blocks = _blocks, Ranges = _ranges };
    }

    private void Walk(INode node, int depth)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            switch (child.NodeType)
            {
                case NodeType.Text:
                    AppendText(((IText)child).Data);
                    break;
                case NodeType.Element:
                    var element = (IElement)child;
                    if (depth >= MaxDepth || (BoilerplateRules.IsSkipped(element, _pruneByClass) && !IsProtected(element)))
                    {
                        continue;
                    }

                    if (_raw is not null && element.SourceReference is { } source)
                    {
                        // AngleSharp's position may point one past the '<' of the start tag.
                        var at = source.Position.Position;
                        if (at > 0 && at <= _raw.Length && (at == _raw.Length || _raw[at] != '<') && _raw[at - 1] == '<')
                        {
                            at--;
                        }

                        _cursor = Math.Max(_cursor, Math.Min(at, _raw.Length));
                    }

                    var tag = element.LocalName;
                    if (tag == "br" || tag == "hr")
                    {
                        Flush();
                        continue;
                    }

                    if (BoilerplateRules.IsBlockTag(tag))
                    {
                        Flush();
                        _owners.Push(element);
                        var first = _blocks.Count;
                        Walk(element, depth + 1);
                        Flush();
                        _owners.Pop();
                        _ranges[element] = (first, _blocks.Count);
                    }
                    else
                    {
                        var isLink = tag == "a";
                        if (isLink)
                        {
                            _linkDepth++;
                        }

                        var first = _blocks.Count;
                        Walk(element, depth + 1);
                        _ranges[element] = (first, _blocks.Count + (_text.Length > _blockStart ? 1 : 0));
                        if (isLink)
                        {
                            _linkDepth--;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A subtree pruned only by its class/id hint is kept when it holds most of the page's paragraph text (the
    /// article's own wrapper) or wraps an embedded post (a quoted tweet is part of the story), unless it is a comment section.
    /// </summary>
    private bool IsProtected(IElement element) =>
        _paragraphs is not null && _pruneByClass && !BoilerplateRules.IsSkipped(element, pruneByClass: false)
        && !BoilerplateRules.IsCommentHint(element.GetAttribute("class"), element.GetAttribute("id"))
        && (_paragraphs.HoldsMostOfPage(element) || WrapsEmbeddedPost(element));

    private static bool WrapsEmbeddedPost(IElement element) =>
        element.ChildElementCount <= 3 && element.TextContent.Length < 2000
        && element.QuerySelector("blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, blockquote[class*=embed]") is not null;

    private void Flush()
    {
        var end = _text.Length;
        if (end > _blockStart)
        {
            var owner = _owners.Peek();
            _blocks.Add(new Block
            {
                Owner = owner,
                Index = _blocks.Count,
                Kind = KindOf(owner),
                Start = _blockStart,
                End = end,
                LinkChars = _linkChars,
            });
        }

        _blockStart = _text.Length;
        _linkChars = 0;
        _pendingSpace = false;
        _pendingSpacePos = -1;
    }

    private static BlockKind KindOf(IElement owner)
    {
        for (var e = owner; e is not null; e = e.ParentElement)
        {
            switch (e.LocalName)
            {
                case "h1":
                    return BlockKind.Headline;
                case "h2" or "h3" or "h4" or "h5" or "h6":
                    return BlockKind.Heading;
                case "li" or "dd" or "dt":
                    return BlockKind.ListItem;
                case "blockquote" or "q":
                    return BlockKind.Quote;
                case "pre":
                    return BlockKind.Preformatted;
                case "td" or "th":
                    return BlockKind.Cell;
                case "figcaption" or "caption":
                    return BlockKind.Caption;
                case "p":
                    return BlockKind.Paragraph;
                case "div" or "section" or "article" or "main" or "body":
                    return e == owner ? BlockKind.Text : BlockKind.Text;
            }

            if (e != owner)
            {
                break;
            }
        }

        return BlockKind.Text;
    }

    private void AppendText(string data)
    {
        if (data.Length == 0)
        {
            return;
        }

        var skip = 0;
        var j = _raw is null ? -1 : AlignStart(data, out skip);
        var raw = _raw;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var rp = -1;
            if (i < skip)
            {
                Append(c, -1);
                continue;
            }

            if (j >= 0 && raw is not null)
            {
                if (j < raw.Length && raw[j] == c && !(c == '&' && IsAmpEntity(raw, j)))
                {
                    rp = j;
                    j++;
                }
                else if (j < raw.Length && raw[j] == '&')
                {
                    var k = j + 1;
                    while (k < raw.Length && k - j < 40 && (char.IsAsciiLetterOrDigit(raw[k]) || raw[k] == '#'))
                    {
                        k++;
                    }

                    if (k < raw.Length && raw[k] == ';')
                    {
                        k++;
                    }

                    j = k;
                    if (char.IsHighSurrogate(c) && i + 1 < data.Length)
                    {
                        Append(c, -1);
                        c = data[++i];
                    }
                }
                else if (c == '\n' && j < raw.Length && raw[j] == '\r')
                {
                    j += j + 1 < raw.Length && raw[j + 1] == '\n' ? 2 : 1;
                }
                else
                {
                    j = -1;
                }
            }

            Append(c, rp);
        }

        if (j >= 0)
        {
            _cursor = j;
        }
    }

    private static bool IsAmpEntity(string raw, int j) =>
        string.CompareOrdinal(raw, j, "&amp;", 0, 5) == 0 || string.CompareOrdinal(raw, j, "&AMP;", 0, 5) == 0
        || string.CompareOrdinal(raw, j, "&#38;", 0, 5) == 0 || string.CompareOrdinal(raw, j, "&#x26;", 0, 6) == 0;

    private void Append(char c, int rawPos)
    {
        if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\u00ad' || c == '\ufeff')
        {
            if (!_pendingSpace && (c == ' ' || char.IsWhiteSpace(c)))
            {
                _pendingSpace = true;
                _pendingSpacePos = c == ' ' ? rawPos : -1;
            }

            return;
        }

        if (_pendingSpace)
        {
            if (_text.Length > _blockStart)
            {
                _text.Append(' ');
                _positions.Add(_pendingSpacePos);
                if (_linkDepth > 0)
                {
                    _linkChars++;
                }
            }

            _pendingSpace = false;
            _pendingSpacePos = -1;
        }

        _text.Append(c);
        _positions.Add(rawPos);
        if (_linkDepth > 0)
        {
            _linkChars++;
        }
    }

    /// <summary>The raw index where <paramref name="data"/> starts after the cursor, or -1 when it cannot be found.</summary>
    private int AlignStart(string data, out int skip)
    {
        skip = 0;
        var raw = _raw!;
        var k = _cursor;
        while (k < raw.Length && raw[k] == '<')
        {
            if (string.CompareOrdinal(raw, k, "<!--", 0, 4) == 0)
            {
                var endComment = raw.IndexOf("-->", k + 4, StringComparison.Ordinal);
                k = endComment < 0 ? raw.Length : endComment + 3;
            }
            else
            {
                var close = raw.IndexOf('>', k);
                k = close < 0 ? raw.Length : close + 1;
            }
        }

        if (k < raw.Length && (raw[k] == data[0] || (data[0] == '\n' && raw[k] == '\r') || (raw[k] == '&' && data[0] != '&')))
        {
            return k;
        }

        // The cursor is behind skipped content (a script, a hidden block): find the text's first characters ahead.
        var trimmedStart = 0;
        while (trimmedStart < data.Length && char.IsWhiteSpace(data[trimmedStart]))
        {
            trimmedStart++;
        }

        var probeLength = 0;
        while (trimmedStart + probeLength < data.Length && probeLength < 24)
        {
            var ch = data[trimmedStart + probeLength];
            if (ch is '&' or '<' or '>' or '"' or '\'' || ch > '\u007e' || (char.IsWhiteSpace(ch) && ch != ' '))
            {
                break;
            }

            probeLength++;
        }

        if (probeLength < 4 && trimmedStart + probeLength < data.Length)
        {
            return -1;
        }

        if (probeLength == 0)
        {
            return -1;
        }

        var limit = Math.Min(raw.Length - k, 30_000);
        var found = raw.AsSpan(k, limit).IndexOf(data.AsSpan(trimmedStart, probeLength), StringComparison.Ordinal);
        if (found < 0)
        {
            return -1;
        }

        // Leading whitespace is taken as inserted; the alignment starts at the first visible character.
        skip = trimmedStart;
        return k + found;
    }
}

/// <summary>Characters of paragraph (<c>&lt;p&gt;</c>) text under each element, to keep class hints from pruning the article itself.</summary>
internal sealed class ParagraphIndex
{
    private readonly Dictionary<IElement, int> _chars = new(ReferenceEqualityComparer.Instance);

    public ParagraphIndex(IElement root)
    {
        foreach (var p in root.QuerySelectorAll("p"))
        {
            var length = p.TextContent.Length;
            if (length < 40)
            {
                continue;
            }

            Total += length;
            for (var e = p.ParentElement; e is not null; e = e.ParentElement)
            {
                _chars[e] = _chars.TryGetValue(e, out var n) ? n + length : length;
            }
        }
    }

    public int Total { get; }

    /// <summary>True when at least 40% (and 500 characters) of the page's paragraph text is inside <paramref name="element"/>.</summary>
    public bool HoldsMostOfPage(IElement element) =>
        _chars.TryGetValue(element, out var n) && n >= 500 && n >= Total * 0.4;
}
