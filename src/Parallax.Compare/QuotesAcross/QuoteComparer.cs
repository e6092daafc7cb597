using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Compare.QuotesAcross;

/// <summary>
/// Groups the story's quotes into one entry per quote with its speaker, every occurrence in every article, the first
/// outlet to carry it and the wording of each occurrence against the canonical one (exact, truncated, partial, changed,
/// paraphrase, indirect). See docs/quotes.md ("Quotes across outlets"). Pure and deterministic: the same input gives the
/// same report; thread-safe.
/// </summary>
public static partial class QuoteComparer
{
    /// <summary>A verbatim fragment shorter than this many words joins a quote only when both name the same speaker.</summary>
    public const int MinFragmentWords = 3;

    /// <summary>Fewest words a differently attributed occurrence must share verbatim to still count as the same quote.</summary>
    public const int MinCrossSpeakerWords = 5;

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "him", "her", "them", "it", "we", "i", "you", "his", "their", "its", "one", "who",
    };

    /// <summary>One entry per quote, most widely carried first (then by first appearance in report order).</summary>
    public static ImmutableArray<QuoteReport> Compare(StoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var entities = input.Entities.IsDefault ? [] : input.Entities;
        var byId = entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var (quoted, indirect) = Collect(input, entities);

        var clusters = Cluster(quoted, input);
        AttachIndirect(clusters, indirect);
        MarkQuotedIndirect(clusters);

        var ordered = clusters
            .OrderByDescending(c => c.Members.Select(m => m.Occ.Article.Outlet).Distinct(StringComparer.Ordinal).Count())
            .ThenBy(c => c.Members.Min(m => (m.Occ.ArticleIndex, m.Occ.Position)))
            .ToList();
        var reports = ImmutableArray.CreateBuilder<QuoteReport>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            reports.Add(ToReport(ordered[i], "q" + (i + 1).ToString(CultureInfo.InvariantCulture), byId));
        }

        return reports.MoveToImmutable();
    }

    /// <summary>One occurrence: quoted pieces (or an indirect rendering, or a kept-aside embed) of one article.</summary>
    private sealed record Occ(
        int ArticleIndex,
        StoryArticle Article,
        int Position,
        bool Quoted,
        ImmutableArray<TextSpan> Pieces,
        ImmutableArray<QuoteWord> Words,
        string? EntityId,
        TextSpan? SpeakerSpan,
        string? SpeakerName,
        Embed? Embed = null,
        string? EmbedText = null)
    {
        public int WordCount { get; } = Words.Count(w => w.IsWord);

        public string Fingerprint { get; } = string.Join(' ', Words.Where(w => w.IsWord).Select(w => w.Norm));

        public bool HasElision => Words.Any(w => w.Break == QuoteBreak.Elision);

        /// <summary>The quoted wording as printed (pieces joined by a space).</summary>
        public string Text => EmbedText ?? string.Join(' ', Pieces.Select(p => p.Of(Article.Text)));

        public DateOnly SortDate => Article.Date ?? DateOnly.MaxValue;
    }

    private sealed class Member(Occ occ, MatchKind? kind, ImmutableArray<(string From, string To)> changes, string? note)
    {
        public Occ Occ { get; } = occ;
        /// <summary>Null for an indirect rendering.</summary>
        public MatchKind? Kind { get; set; } = kind;
        public ImmutableArray<(string From, string To)> Changes { get; } = changes;
        public string? Note { get; set; } = note;
    }

    private sealed class QuoteCluster(Occ canonical)
    {
        public Occ Canonical { get; } = canonical;
        public List<Member> Members { get; } = [new(canonical, MatchKind.Exact, [], null)];
        public string? EntityId { get; set; } = canonical.EntityId;
        public string? SpeakerName { get; set; } = canonical.SpeakerName;
    }

    private static (List<Occ> Quoted, List<Occ> Indirect) Collect(StoryInput input, ImmutableArray<Entity> entities)
    {
        var quoted = new List<Occ>();
        var indirect = new List<Occ>();
        for (var a = 0; a < input.Articles.Length; a++)
        {
            var member = input.Articles[a];
            var doc = member.Doc;
            var text = doc.Text;
            var covered = new HashSet<Embed>();
            var position = 0;
            var docToStory = DocToStoryIds(doc);
            foreach (var quote in doc.Quotes.OrderBy(q => q.Content.Start))
            {
                if (!quote.Content.FitsIn(text))
                {
                    continue;
                }

                var speakerSpan = quote.Speaker is { } s && s.FitsIn(text) ? s : (TextSpan?)null;
                var speakerName = speakerSpan is { } ss ? NameOrNull(ss.Of(text)) : null;
                var entityId = SpeakerEntity(doc, quote, speakerSpan, speakerName, docToStory, entities);
                if (quote.InEmbed && EmbedOf(member.Article, quote.Content) is { } embed)
                {
                    // An embedded post is its author's words, whoever the surrounding sentence names.
                    covered.Add(embed);
                    entityId = EntityOfName(entities, embed.Author) ?? entityId;
                    speakerName = NameOrNull(embed.Author) ?? speakerName;
                    speakerSpan = null;
                }

                var pieces = quote.InEmbed && quote.Kind == QuoteKind.Indirect
                    ? [quote.Content]
                    : QuoteWords.QuotedPieces(text, quote);
                if (pieces.Length > 0)
                {
                    var words = QuoteWords.Words(text, pieces);
                    if (words.Any(w => w.IsWord))
                    {
                        quoted.Add(new Occ(a, member, position++, true, pieces, words, entityId, speakerSpan, speakerName));
                    }
                }
                else if (quote.Kind == QuoteKind.Indirect)
                {
                    var words = QuoteWords.Words(text, [quote.Content]);
                    if (words.Count(w => w.IsWord) >= MinFragmentWords)
                    {
                        indirect.Add(new Occ(a, member, position++, false, [quote.Content], words, entityId, speakerSpan, speakerName));
                    }
                }
            }

            // Posts kept aside from the text: the author's own words, with no span in the cleaned text.
            foreach (var embed in member.Article.Embeds.OrderBy(e => e.RawSpan.Start))
            {
                if (covered.Contains(embed))
                {
                    continue;
                }

                var postText = MediaLink().Replace(embed.Text, "").Trim();
                var words = QuoteWords.Words(postText);
                if (words.Any(w => w.IsWord))
                {
                    quoted.Add(new Occ(a, member, int.MaxValue - 1000 + position++, true, [], words,
                        EntityOfName(entities, embed.Author), null, NameOrNull(embed.Author), embed, postText));
                }
            }
        }

        return (quoted, indirect);
    }

    /// <summary>
    /// The story entity of a quote's speaker: the name mention inside the speaker phrase ("Transport Minister Oskar Tamm"),
    /// else the entity the quote stage resolved (a pronoun's antecedent; those ids are per document, so they are mapped
    /// to story ids through the document's mentions), else a story entity one of whose names the phrase is or ends with.
    /// </summary>
    private static string? SpeakerEntity(Doc doc, Quote quote, TextSpan? speaker, string? speakerName, Dictionary<string, string> docToStory, ImmutableArray<Entity> entities)
    {
        if (speaker is { } span)
        {
            var inside = doc.Mentions.Where(m => m.EntityId is not null && m.Span.Overlaps(span)).Select(m => m.EntityId).LastOrDefault();
            if (inside is not null)
            {
                return inside;
            }
        }

        if (quote.SpeakerEntityId is { } id)
        {
            if (docToStory.TryGetValue(id, out var story))
            {
                return story;
            }

            if (entities.Any(e => e.Id == id))
            {
                return id;
            }
        }

        return speakerName is null ? null : EntityOfName(entities, speakerName) ?? EntityEndingName(entities, speakerName);
    }

    /// <summary>
    /// Per-document entity ids (what the quote stage saw) to story ids: the per-document resolution is recomputed over
    /// the same mentions, which the story resolution only relabels.
    /// </summary>
    private static Dictionary<string, string> DocToStoryIds(Doc doc)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (doc.Mentions.IsDefaultOrEmpty)
        {
            return map;
        }

        var (perDoc, _) = Language.Entities.EntityResolver.ResolveMentions(doc.Mentions.Select(m => m with { EntityId = null }).ToList(), "E");
        for (var i = 0; i < perDoc.Length && i < doc.Mentions.Length; i++)
        {
            if (perDoc[i].EntityId is { } e && doc.Mentions[i].EntityId is { } s)
            {
                map.TryAdd(e, s);
            }
        }

        return map;
    }

    /// <summary>A person entity whose name's last word is the phrase's last word ("the minister, Tamm" → Oskar Tamm), when exactly one fits.</summary>
    private static string? EntityEndingName(ImmutableArray<Entity> entities, string phrase)
    {
        var last = LastWord(phrase);
        if (last is null || last.Length < 2 || !char.IsUpper(last[0]))
        {
            return null;
        }

        var fits = entities.Where(e => e.Type == EntityType.Person && LastWord(e.Name) is { } n && string.Equals(n, last, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return fits.Count == 1 ? fits[0].Id : null;
    }

    private static string? LastWord(string text)
    {
        var words = text.Split([' ', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : words[^1].Trim(',', '.', ';', ':', '(', ')', '\'', '’').Replace("’s", "", StringComparison.Ordinal);
    }

    private static List<QuoteCluster> Cluster(List<Occ> quoted, StoryInput input)
    {
        // Same wording carried by more articles first, then the longest (the fullest version becomes canonical).
        var carriers = quoted.GroupBy(o => o.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var order = quoted
            .OrderByDescending(o => o.WordCount)
            .ThenByDescending(o => carriers[o.Fingerprint])
            .ThenBy(o => o.SortDate)
            .ThenBy(o => o.ArticleIndex)
            .ThenBy(o => o.Position)
            .ToList();
        var clusters = new List<QuoteCluster>();
        foreach (var occ in order)
        {
            QuoteCluster? best = null;
            QuoteMatch? bestMatch = null;
            foreach (var cluster in clusters)
            {
                var match = QuoteMatcher.Match(occ.Words, cluster.Canonical.Words);
                if (match is null || !Acceptable(occ, cluster, match))
                {
                    continue;
                }

                if (bestMatch is null || match.Kind < bestMatch.Kind || (match.Kind == bestMatch.Kind && match.Matched > bestMatch.Matched))
                {
                    (best, bestMatch) = (cluster, match);
                }
            }

            if (best is null || bestMatch is null)
            {
                clusters.Add(new QuoteCluster(occ));
                continue;
            }

            string? note = null;
            if (occ.EntityId is { } e && best.EntityId is { } be && e != be)
            {
                note = $"attributed here to {Describe(occ, input)}";
            }
            else if (bestMatch.Kind == MatchKind.Paraphrase)
            {
                note = $"quote marks around words the quoted original ({best.Canonical.Article.Outlet}) does not contain verbatim";
            }

            best.Members.Add(new Member(occ, bestMatch.Kind, bestMatch.Changes, note));
            best.EntityId ??= occ.EntityId;
            best.SpeakerName ??= occ.SpeakerName;
        }

        return clusters;
    }

    /// <summary>Whether a match is strong enough given who each side names as the speaker.</summary>
    private static bool Acceptable(Occ occ, QuoteCluster cluster, QuoteMatch match)
    {
        var sameSpeaker = SameSpeaker(occ.EntityId, occ.SpeakerName, cluster.EntityId, cluster.SpeakerName);
        var conflicting = occ.EntityId is not null && cluster.EntityId is not null && occ.EntityId != cluster.EntityId;
        return match.Kind switch
        {
            // Long verbatim wording is the same quote even when an outlet names another speaker (that is worth showing).
            MatchKind.Exact or MatchKind.Truncated or MatchKind.Partial when conflicting => match.Matched >= MinCrossSpeakerWords,
            MatchKind.Exact or MatchKind.Truncated => match.Matched >= MinFragmentWords || sameSpeaker,
            MatchKind.Partial => match.Matched >= MinFragmentWords || (sameSpeaker && HasContentWord(occ)),
            MatchKind.Changed => !conflicting,
            MatchKind.Paraphrase => sameSpeaker,
            _ => false,
        };
    }

    private static bool SameSpeaker(string? entityA, string? nameA, string? entityB, string? nameB) =>
        entityA is not null && entityB is not null
            ? entityA == entityB
            : nameA is not null && nameB is not null && string.Equals(nameA, nameB, StringComparison.OrdinalIgnoreCase);

    private static bool HasContentWord(Occ occ) => occ.Words.Any(w => w.IsWord && w.Norm.Length > 2 && !QuoteWords.IsStopWord(w.Norm));

    /// <summary>Indirect renderings (no quote marks) of a quote by the same speaker join it as <c>indirect</c> occurrences.</summary>
    private static void AttachIndirect(List<QuoteCluster> clusters, List<Occ> indirect)
    {
        foreach (var occ in indirect)
        {
            QuoteCluster? best = null;
            var bestScore = 0;
            foreach (var cluster in clusters)
            {
                if (!SameSpeaker(occ.EntityId, occ.SpeakerName, cluster.EntityId, cluster.SpeakerName))
                {
                    continue;
                }

                // The indirect sentence must carry most of the quote's words in order (it may say more around them).
                var canonicalWords = cluster.Canonical.WordCount;
                var shared = QuoteMatcher.CommonWords(occ.Words, cluster.Canonical.Words);
                if (shared >= MinFragmentWords && shared >= 0.6 * canonicalWords && shared > bestScore)
                {
                    (best, bestScore) = (cluster, shared);
                }
            }

            best?.Members.Add(new Member(occ, null, [], null));
        }
    }

    /// <summary>
    /// A quote printed in quote marks that no fuller quoted version contains, whose words another outlet gives only as
    /// indirect speech no later: the quote marks may be the outlet's own (paraphrase presented as a quote).
    /// </summary>
    private static void MarkQuotedIndirect(List<QuoteCluster> clusters)
    {
        foreach (var cluster in clusters)
        {
            var indirect = cluster.Members.Where(m => m.Kind is null && m.Occ.Article.Date is not null).ToList();
            if (indirect.Count == 0)
            {
                continue;
            }

            var quotedArticles = cluster.Members.Where(m => m.Kind is not null).Select(m => m.Occ.ArticleIndex).ToHashSet();
            foreach (var m in cluster.Members.Where(m => m.Kind == MatchKind.Exact && m.Occ.Embed is null))
            {
                var earlier = indirect
                    .Where(i => !quotedArticles.Contains(i.Occ.ArticleIndex) && i.Occ.Article.Date <= m.Occ.Article.Date
                        && QuoteMatcher.CommonWords(i.Occ.Words, m.Occ.Words) == m.Occ.WordCount)
                    .OrderBy(i => i.Occ.SortDate).ThenBy(i => i.Occ.ArticleIndex)
                    .FirstOrDefault();
                var quotedEarlier = cluster.Members.Any(o => o.Kind is not null && o.Occ.SortDate < m.Occ.SortDate);
                if (earlier is not null && !quotedEarlier)
                {
                    m.Kind = MatchKind.Paraphrase;
                    m.Note = $"printed in quote marks here; {earlier.Occ.Article.Outlet} gives these words as indirect speech";
                }
            }
        }
    }

    private static QuoteReport ToReport(QuoteCluster cluster, string id, Dictionary<string, Entity> entities)
    {
        var members = cluster.Members.OrderBy(m => m.Occ.ArticleIndex).ThenBy(m => m.Occ.Position).ToList();
        var speaker = cluster.EntityId is { } eid && entities.TryGetValue(eid, out var entity)
            ? entity.Name
            : members.Where(m => m.Kind is not null).Select(m => m.Occ.SpeakerName).FirstOrDefault(n => n is not null)
              ?? members.Select(m => m.Occ.SpeakerName).FirstOrDefault(n => n is not null);
        var first = members.Where(m => m.Kind is not null).OrderBy(m => m.Occ.SortDate).ThenBy(m => m.Occ.ArticleIndex).ThenBy(m => m.Occ.Position).First();
        var variants = members.Select(m => ToVariant(m)).ToImmutableArray();
        return new QuoteReport(id, speaker, cluster.Canonical.Text, [.. variants.SelectMany(v => v.Evidence)])
        {
            SpeakerEntityId = cluster.EntityId is { } e && entities.ContainsKey(e) ? e : null,
            FirstOutlet = first.Occ.Article.Outlet,
            FirstArticleId = first.Occ.Article.Id,
            FirstDate = first.Occ.Article.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Outlets = [.. members.Select(m => m.Occ.Article.Outlet).Distinct(StringComparer.Ordinal)],
            Origins = [.. members.Select(m => m.Occ.Article.OriginKey).Distinct(StringComparer.Ordinal)],
            Variants = variants,
        };
    }

    private static QuoteVariantReport ToVariant(Member m)
    {
        var occ = m.Occ;
        var article = occ.Article;
        return new QuoteVariantReport(article.Id, article.Outlet, KindName(m.Kind), [.. occ.Pieces.Select(article.Evidence)])
        {
            Quoted = occ.Quoted,
            SpeakerEvidence = occ.SpeakerSpan is { } s ? article.Evidence(s) : null,
            SpeakerEntityId = occ.EntityId,
            Changes = [.. m.Changes.Select(c => new WordChangeReport(c.From, c.To))],
            Note = m.Note,
            Embed = occ.Embed is { } e ? new EmbedQuoteReport(e.RawSpan.Start, e.RawSpan.End, occ.EmbedText ?? e.Text, e.Author, e.Handle, e.Date) : null,
        };
    }

    /// <summary>The report's spelling of an occurrence kind.</summary>
    private static string KindName(MatchKind? kind) => kind switch
    {
        null => "indirect",
        MatchKind.Exact => "exact",
        MatchKind.Truncated => "truncated",
        MatchKind.Partial => "partial",
        MatchKind.Changed => "changed",
        MatchKind.Paraphrase => "paraphrase",
        _ => kind.Value.ToString().ToLowerInvariant(),
    };

    private static string Describe(Occ occ, StoryInput input) =>
        (occ.EntityId is { } e ? input.Entities.FirstOrDefault(x => x.Id == e)?.Name : null) ?? occ.SpeakerName ?? "another speaker";

    /// <summary>A speaker as printed, unless it is a pronoun or names nobody (no capitalised word: "the interview").</summary>
    private static string? NameOrNull(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || Pronouns.Contains(t) || !t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0])))
        {
            return null;
        }

        return t;
    }

    /// <summary>The story entity one of whose surface forms (or name) is <paramref name="name"/>, preferring people.</summary>
    private static string? EntityOfName(ImmutableArray<Entity> entities, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim();
        return entities
            .Where(e => string.Equals(e.Name, n, StringComparison.OrdinalIgnoreCase)
                || (!e.SurfaceForms.IsDefault && e.SurfaceForms.Any(f => string.Equals(f, n, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(e => e.Type == EntityType.Person ? 0 : 1)
            .Select(e => e.Id)
            .FirstOrDefault();
    }

    private static Embed? EmbedOf(Article article, TextSpan content)
    {
        if (article.Map.CleanLength != article.Text.Length)
        {
            return null;
        }

        var raw = article.Map.ToRaw(content);
        return article.Embeds.FirstOrDefault(e => e.RawSpan.Overlaps(raw));
    }

    /// <summary>Media links at the end of a post (pic.twitter.com/…, t.co/…, bare URLs) are not words of the post.</summary>
    [GeneratedRegex(@"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+|t\.co/\S+))+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaLink();
}
