using AngleSharp.Dom;

namespace Parallax.Ingest.Extraction;

/// <summary>The blocks chosen as main text, and how confident the choice is.</summary>
/// <param name="Blocks">Kept blocks in document order (the headline excluded).</param>
/// <param name="Headline">The headline block (an h1 agreeing with the page title), or null.</param>
/// <param name="PageGoodChars">Characters of paragraph-like text on the whole page (a yardstick for sanity checks).</param>
internal sealed record ScoredContent(List<Block> Blocks, Block? Headline, int PageGoodChars, string Container = "")
{
    /// <summary>Share (0..1) of the page's paragraph-like text that sits in teaser cards (linked headline + summary).</summary>
    public double PageTeaserShare { get; init; }

    /// <summary>True when the kept text reads like a listing: most of its paragraphs follow a linked headline (teasers).</summary>
    public bool LooksLikeListing { get; init; }

    public int KeptChars => Blocks.Sum(b => b.Length);
}

/// <summary>
/// Chooses the main-text container of a segmented page (readability-style paragraph scores propagated to
/// ancestors, damped by link density, then widened while a parent adds mostly good paragraphs) and keeps the
/// blocks inside it that look like article text. Stateless.
/// </summary>
internal static class ContentScorer
{
    public static ScoredContent Score(Segmentation seg, string? title)
    {
        var blocks = seg.Blocks;
        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        var pageGood = 0;
        foreach (var block in blocks)
        {
            if (IsGood(block))
            {
                pageGood += block.Length;
            }

            if (block.Length < 25 || block.Kind is BlockKind.Heading or BlockKind.Headline or BlockKind.Caption || block.LinkDensity > 0.5)
            {
                continue;
            }

            var text = seg.Text;
            var commas = 0;
            for (var i = block.Start; i < block.End; i++)
            {
                var c = text[i];
                if (c is ',' or '，' or '、' or '،')
                {
                    commas++;
                }
            }

            var score = 1.0 + commas + Math.Min(block.Length / 100.0, 3.0);
            var ancestor = block.Kind is BlockKind.Text ? block.Owner : block.Owner.ParentElement;
            if (block.Kind is BlockKind.Text)
            {
                // Text straight inside a container: the container itself plays the paragraph's parent.
                AddScore(scores, ancestor!, score);
                ancestor = ancestor!.ParentElement;
                for (var level = 1; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
                {
                    AddScore(scores, ancestor, score / (level == 1 ? 2 : level * 3));
                }

                continue;
            }

            for (var level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                AddScore(scores, ancestor, level == 0 ? score : score / (level == 1 ? 2 : level * 3));
            }
        }

        var headline = FindHeadline(seg, title);
        var teaserShare = TeaserShare(seg, pageGood);
        if (scores.Count == 0)
        {
            return new ScoredContent([], headline, pageGood) { PageTeaserShare = teaserShare };
        }

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (element, raw) in scores)
        {
            if (!seg.Ranges.TryGetValue(element, out var range))
            {
                continue;
            }

            var final = (raw + BaseScore(element)) * (1 - LinkDensity(seg, range));
            if (final > topScore)
            {
                topScore = final;
                top = element;
            }
        }

        if (top is null)
        {
            return new ScoredContent([], headline, pageGood) { PageTeaserShare = teaserShare };
        }

        var chosen = new List<(int First, int Last)> { seg.Ranges[top] };
        AddSiblings(seg, scores, top, topScore, chosen);
        AddContentLikeRelatives(seg, top, chosen);
        AddSameClassContainers(seg, top, chosen);
        var kept = new List<Block>();
        foreach (var (first, last) in chosen.OrderBy(r => r.First))
        {
            for (var i = first; i < last; i++)
            {
                var block = blocks[i];
                if (block != headline && Keep(seg, block))
                {
                    kept.Add(block);
                }
            }
        }

        kept = kept.DistinctBy(b => b.Index).ToList();
        var listing = DropTeasers(seg, kept);
        TrimEdges(seg, kept);
        return new ScoredContent(kept, headline, pageGood, Describe(top) + (chosen.Count > 1 ? $" +{chosen.Count - 1} parts" : ""))
        {
            LooksLikeListing = listing,
            PageTeaserShare = teaserShare,
        };
    }

    /// <summary>A CSS-like name of an element for diagnostics: <c>div#id.class</c>.</summary>
    internal static string Describe(IElement element)
    {
        var id = element.Id;
        var cls = element.ClassName;
        return element.LocalName + (string.IsNullOrWhiteSpace(id) ? "" : "#" + id.Trim())
            + (string.IsNullOrWhiteSpace(cls) ? "" : "." + string.Join('.', cls.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>A paragraph-like block: long enough, few links.</summary>
    internal static bool IsGood(Block block) =>
        block.Length >= 80 && block.LinkDensity < 0.3 && block.Kind is not (BlockKind.Heading or BlockKind.Headline or BlockKind.Caption);

    private static void AddScore(Dictionary<IElement, double> scores, IElement element, double score)
    {
        if (element.LocalName is "html")
        {
            return;
        }

        scores[element] = scores.TryGetValue(element, out var s) ? s + score : score;
    }

    private static double BaseScore(IElement element) => element.LocalName switch
    {
        "div" or "article" or "main" or "section" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        "body" => -5,
        _ => 0,
    };

    private static double LinkDensity(Segmentation seg, (int First, int Last) range)
    {
        var sums = seg.Sums;
        long chars = sums.Chars[range.Last] - sums.Chars[range.First];
        long links = sums.Links[range.Last] - sums.Links[range.First];
        return chars == 0 ? 0 : (double)links / chars;
    }

    private static (int Good, int Bad) GoodAndBad(Segmentation seg, (int First, int Last) range)
    {
        var sums = seg.Sums;
        return ((int)(sums.Good[range.Last] - sums.Good[range.First]), (int)(sums.Bad[range.Last] - sums.Bad[range.First]));
    }

    private static int TotalChars(Segmentation seg, (int First, int Last) range) =>
        (int)(seg.Sums.Chars[range.Last] - seg.Sums.Chars[range.First]);

    /// <summary>Good: paragraph-like (see <see cref="IsGood"/>); bad: link-heavy or very short.</summary>
    internal static bool IsBad(Block b) => !IsGood(b) && (b.LinkDensity >= 0.5 || b.Length < 40);

    /// <summary>
    /// Split bodies: walks up to three levels above the chosen container and adds each sibling subtree that reads like
    /// article text (paragraph text dominating, few links), so a body cut by an ad slot or a wrapper is kept whole.
    /// </summary>
    private static void AddContentLikeRelatives(Segmentation seg, IElement top, List<(int First, int Last)> chosen)
    {
        var current = top;
        for (var level = 0; level < 3; level++)
        {
            var parent = current.ParentElement;
            if (parent is null || parent.LocalName is "body" or "html")
            {
                return;
            }

            foreach (var sibling in parent.Children)
            {
                if (sibling == current || !seg.Ranges.TryGetValue(sibling, out var range) || range.First == range.Last
                    || chosen.Any(c => c.First <= range.First && range.Last <= c.Last))
                {
                    continue;
                }

                var (good, bad) = GoodAndBad(seg, range);
                var total = TotalChars(seg, range);

                if (good >= 150 && good >= 0.6 * total && bad * 4 < good && LinkDensity(seg, range) < 0.15)
                {
                    chosen.RemoveAll(c => range.First <= c.First && c.Last <= range.Last);
                    chosen.Add(range);
                }
            }

            current = parent;
        }
    }

    /// <summary>
    /// A body cut into parts far apart in the tree (around a pull quote or an image band) usually repeats the
    /// container's class: elements with exactly the chosen container's class that hold good paragraphs are added.
    /// </summary>
    private static void AddSameClassContainers(Segmentation seg, IElement top, List<(int First, int Last)> chosen)
    {
        var cls = top.GetAttribute("class");
        if (string.IsNullOrWhiteSpace(cls))
        {
            return;
        }

        foreach (var (element, range) in seg.Ranges)
        {
            if (element == top || range.First == range.Last || element.GetAttribute("class") != cls
                || chosen.Any(c => c.First <= range.First && range.Last <= c.Last))
            {
                continue;
            }

            var (good, _) = GoodAndBad(seg, range);
            if (good >= 80 && LinkDensity(seg, range) < 0.3)
            {
                chosen.RemoveAll(c => range.First <= c.First && c.Last <= range.Last);
                chosen.Add(range);
            }
        }
    }

    private static void AddSiblings(Segmentation seg, Dictionary<IElement, double> scores, IElement top, double topScore, List<(int, int)> chosen)
    {
        var parent = top.ParentElement;
        if (parent is null)
        {
            return;
        }

        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.ClassName ?? "";
        foreach (var sibling in parent.Children)
        {
            if (sibling == top || !seg.Ranges.TryGetValue(sibling, out var range) || range.First == range.Last)
            {
                continue;
            }

            var score = scores.TryGetValue(sibling, out var s) ? s + BaseScore(sibling) : 0;
            if (topClass.Length > 0 && sibling.ClassName == topClass)
            {
                score += topScore * 0.2;
            }

            var append = score >= threshold;
            if (!append)
            {
                var (good, _) = GoodAndBad(seg, range);
                var ld = LinkDensity(seg, range);
                append = good >= 80 && ld < 0.25;
            }

            if (append)
            {
                chosen.Add(range);
            }
        }
    }

    private static bool Keep(Segmentation seg, Block block)
    {
        if (block.Kind is BlockKind.Headline or BlockKind.Caption)
        {
            return false;
        }

        var ld = block.LinkDensity;
        if (ld > 0.5 || (block.Length < 100 && ld > 0.35 && block.Kind is not BlockKind.Paragraph))
        {
            return false;
        }

        var text = seg.TextOf(block);
        if (BoilerplateRules.IsNotice(text))
        {
            return false;
        }

        if (block.Length > 200)
        {
            return true;
        }

        return !BoilerplateRules.IsBoilerplateLine(text) && !BoilerplateRules.IsBylineOrDate(text);
    }

    /// <summary>
    /// Teasers: a paragraph right after a fully linked line of three or more words (a linked headline). When at least
    /// two paragraphs and half of them are teasers, the teasers and their headlines are dropped; returns true when
    /// that happened and less than an article's worth of text is left (the page is a listing).
    /// </summary>
    private static bool DropTeasers(Segmentation seg, List<Block> kept)
    {
        var paragraphs = 0;
        var teaserParagraphs = 0;
        var isTeaser = new bool[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            var block = kept[i];
            if (block.Length >= 60)
            {
                paragraphs++;
            }

            if (block.Length >= 20 && IsTeaser(seg, block))
            {
                isTeaser[i] = true;
                if (block.Length >= 60)
                {
                    teaserParagraphs++;
                }
            }
        }

        var drop = new HashSet<int>();
        if (teaserParagraphs >= 2 && teaserParagraphs >= 0.5 * paragraphs)
        {
            for (var i = 0; i < kept.Count; i++)
            {
                if (isTeaser[i])
                {
                    drop.Add(kept[i].Index);
                }
            }
        }

        // A run of three or more teasers in a row (a "latest stories" module inside the body), with its heading.
        for (var i = 0; i < kept.Count;)
        {
            if (!isTeaser[i])
            {
                i++;
                continue;
            }

            var j = i;
            while (j < kept.Count && isTeaser[j])
            {
                j++;
            }

            if (j - i >= 3)
            {
                for (var k = i; k < j; k++)
                {
                    drop.Add(kept[k].Index);
                }

                if (i > 0 && (kept[i - 1].Kind is BlockKind.Heading || kept[i - 1].Length < 40))
                {
                    drop.Add(kept[i - 1].Index);
                }
            }

            i = j;
        }

        if (drop.Count == 0)
        {
            return false;
        }

        kept.RemoveAll(b => drop.Contains(b.Index));
        return kept.Sum(b => b.Length) < HtmlExtractor.MinArticleChars;
    }

    /// <summary>A block right after a fully linked line of three or more words inside one small element (a teaser card).</summary>
    private static bool IsTeaser(Segmentation seg, Block block)
    {
        if (block.Index == 0)
        {
            return false;
        }

        var previous = seg.Blocks[block.Index - 1];
        return previous.Length >= 15 && previous.LinkDensity >= 0.8 && seg.TextOf(previous).Count(c => c == ' ') >= 2 && InSmallCard(seg, previous, block);
    }

    private static double TeaserShare(Segmentation seg, int pageGood)
    {
        if (pageGood == 0)
        {
            return 0;
        }

        var teaser = 0;
        foreach (var block in seg.Blocks)
        {
            if (IsGood(block) && IsTeaser(seg, block))
            {
                teaser += block.Length;
            }
        }

        return (double)teaser / pageGood;
    }

    /// <summary>True when the lowest element holding both blocks holds at most four blocks (a teaser card).</summary>
    private static bool InSmallCard(Segmentation seg, Block headline, Block paragraph)
    {
        for (var e = paragraph.Owner; e is not null; e = e.ParentElement)
        {
            if (seg.Ranges.TryGetValue(e, out var range) && range.First <= headline.Index && headline.Index < range.Last)
            {
                return range.Last - range.First <= 4;
            }
        }

        return false;
    }

    /// <summary>Drops short non-sentence blocks at the start and the end (kickers, bylines, tag lists, sign-offs).</summary>
    private static void TrimEdges(Segmentation seg, List<Block> kept)
    {
        while (kept.Count > 0 && IsEdgeDebris(seg, kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        while (kept.Count > 0 && IsEdgeDebris(seg, kept[0]) && kept[0].Kind is not BlockKind.Heading)
        {
            kept.RemoveAt(0);
        }
    }

    private static bool IsEdgeDebris(Segmentation seg, Block block)
    {
        if (block.Length >= 40 || block.Kind is BlockKind.ListItem)
        {
            return false;
        }

        var last = seg.Text[block.End - 1];
        return last is not ('.' or '!' or '?' or '"' or '”' or ':' or '…');
    }

    private static Block? FindHeadline(Segmentation seg, string? title)
    {
        Block? firstH1 = null;
        var h1Count = 0;
        foreach (var block in seg.Blocks)
        {
            if (block.Kind is not BlockKind.Headline || block.Length < 3)
            {
                continue;
            }

            h1Count++;
            firstH1 ??= block;
            if (title is not null && Similar(seg.TextOf(block), title))
            {
                return block;
            }
        }

        return h1Count == 1 && title is null ? firstH1 : null;
    }

    /// <summary>True when most words of <paramref name="headline"/> occur in <paramref name="title"/>.</summary>
    internal static bool Similar(string headline, string title)
    {
        var words = headline.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var hits = words.Count(w => title.Contains(w.Trim(',', '.', ':', '"', '\'', '“', '”', '‘', '’'), StringComparison.OrdinalIgnoreCase));
        return hits >= Math.Max(1, words.Length * 0.6);
    }
}
