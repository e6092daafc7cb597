using System.Collections.Immutable;
using System.Globalization;
using Parallax.Core;
using Parallax.Core.Reporting;

namespace Parallax.Reporting;

/// <summary>A group of articles the caller considers one story, before any story analysis has run.</summary>
/// <param name="Title">Display title of the story.</param>
/// <param name="ArticleIds">Member articles, by <see cref="Article.Id"/>.</param>
public sealed record StoryGroup(string Title, ImmutableArray<string> ArticleIds);

/// <summary>
/// Turns articles (and, once story analysis exists, stories) into the <see cref="Report"/> contract documented in
/// docs/report-format.md. Pure and deterministic: the same articles in any input order give the same report.
/// Thread-safe (immutable).
/// </summary>
public sealed class ReportBuilder
{
    private readonly string _generator;
    private readonly Func<IReadOnlyList<Article>, ImmutableArray<StoryGroup>> _grouping;

    /// <param name="generator">Written to <see cref="Report.Generator"/>, e.g. <c>parallax 0.1.0</c>.</param>
    /// <param name="grouping">
    /// Groups articles (given in report order) into stories. Defaults to <see cref="OneProvisionalStory"/> until story
    /// clustering exists. Ids that name no article are ignored.
    /// </param>
    public ReportBuilder(string generator, Func<IReadOnlyList<Article>, ImmutableArray<StoryGroup>>? grouping = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(generator);
        _generator = generator;
        _grouping = grouping ?? OneProvisionalStory;
    }

    /// <summary>
    /// Builds the report: articles in report order (publication date, undated last, then outlet, then id), stories from
    /// the grouping function with empty analysis parts, and the given diagnostics in their given order.
    /// </summary>
    public Report Build(IEnumerable<Article> articles, IEnumerable<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var ordered = Order(articles);
        var known = ordered.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var stories = _grouping(ordered)
            .Select(g => new StoryReport
            {
                Id = StoryId(g.ArticleIds),
                Title = g.Title,
                ArticleIds = [.. ordered.Select(a => a.Id).Where(id => known.Contains(id) && g.ArticleIds.Contains(id))],
            })
            .Where(s => s.ArticleIds.Length > 0)
            .ToImmutableArray();
        return Build(ordered, stories, diagnostics);
    }

    /// <summary>Builds the report around stories analysed elsewhere (kept in the given order).</summary>
    public Report Build(IEnumerable<Article> articles, ImmutableArray<StoryReport> stories, IEnumerable<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return new Report
        {
            Generator = _generator,
            Articles = [.. Order(articles).Select(ToArticleReport)],
            Stories = stories.IsDefault ? [] : stories,
            Diagnostics = [.. (diagnostics ?? []).Select(ToDiagnosticReport)],
        };
    }

    /// <summary>
    /// The provisional default grouping: every article in one story, titled with the headline that shares the most
    /// words with the other headlines (ties: the earliest in report order). Replaced by story clustering later.
    /// </summary>
    public static ImmutableArray<StoryGroup> OneProvisionalStory(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count == 0)
        {
            return [];
        }

        return [new StoryGroup(CentralHeadline(articles) ?? "Untitled story", [.. articles.Select(a => a.Id)])];
    }

    /// <summary>The headline most representative of the others, or null when no article has a title.</summary>
    public static string? CentralHeadline(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var titles = articles.Select(a => a.Metadata.Title).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).ToList();
        if (titles.Count == 0)
        {
            return null;
        }

        var words = titles.Select(t => Words(t).ToHashSet(StringComparer.Ordinal)).ToList();
        var best = 0;
        var bestScore = -1;
        for (var i = 0; i < titles.Count; i++)
        {
            var score = 0;
            for (var j = 0; j < titles.Count; j++)
            {
                if (i != j)
                {
                    score += words[i].Count(words[j].Contains);
                }
            }

            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return titles[best];
    }

    /// <summary>One article as the report shows it. Removals and embeds keep their raw order.</summary>
    public static ArticleReport ToArticleReport(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var m = article.Metadata;
        return new ArticleReport
        {
            Id = article.Id,
            Outlet = OutletNames.Of(article),
            OutletSource = m.OutletSource,
            Title = m.Title,
            Published = m.Published?.ToIso(),
            PublishedSource = m.Published?.Source,
            Url = m.CanonicalUrl ?? m.Url,
            Authors = m.Authors.IsDefault ? [] : m.Authors,
            Language = m.Language,
            Origin = article.Origin,
            SourceId = article.SourceId,
            Words = article.WordCount,
            Text = article.Text,
            Removed = [.. article.Removals.OrderBy(r => r.RawSpan.Start).ThenBy(r => r.RawSpan.End).Select(r => new RemovalReport(r.Kind.ToString(), r.RawSpan.Start, r.RawSpan.End, r.Text, r.Rule))],
            Embeds = [.. article.Embeds.OrderBy(e => e.RawSpan.Start).Select(e => new EmbedReport(e.Kind.ToString(), e.RawSpan.Start, e.RawSpan.End, e.Text, e.Author, e.Handle, e.Date, e.DateText, e.Url, e.Platform))],
            Diagnostics = [.. article.Diagnostics.Select(ToDiagnosticReport)],
        };
    }

    public static DiagnosticReport ToDiagnosticReport(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new DiagnosticReport(diagnostic.Code, diagnostic.Severity.ToString(), diagnostic.Message, diagnostic.Subject);
    }

    /// <summary>Report order: publication date (undated last), outlet, id (ordinal comparisons).</summary>
    public static ImmutableArray<Article> Order(IEnumerable<Article> articles) =>
    [
        .. articles
            .OrderBy(a => a.Metadata.Published is null)
            .ThenBy(a => a.Metadata.Published?.Date)
            .ThenBy(a => a.Metadata.Outlet, StringComparer.Ordinal)
            .ThenBy(a => a.Id, StringComparer.Ordinal),
    ];

    /// <summary><c>story-</c> plus 12 hex digits of the SHA-256 of the sorted member ids: stable across runs.</summary>
    public static string StoryId(IEnumerable<string> articleIds) =>
        "story-" + Hashing.Sha256Hex(string.Join('\n', articleIds.Order(StringComparer.Ordinal)))[..12];

    private static IEnumerable<string> Words(string title)
    {
        foreach (var part in title.Split(static c => !char.IsLetterOrDigit(c)))
        {
            if (part.Length > 3)
            {
                yield return part.ToLower(CultureInfo.InvariantCulture);
            }
        }
    }
}

internal static class StringSplitExtensions
{
    public static IEnumerable<string> Split(this string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }
}
