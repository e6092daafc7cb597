using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Reporting;
using Parallax.Storage;
using Parallax.Stories;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax story &lt;id&gt; [--json] [--db PATH]</c>: one story of the stored articles — its articles, each one's
/// origin (independent, copy-of/rewrite-of another article, or rewrite of a named wire) with the evidence (shared
/// passages, credits) and what it added or cut, inferred dates, related stories. A unique id prefix is accepted.
/// Unknown (PX0608) or ambiguous (PX0609) id, or a store that cannot be opened: a message on stderr and exit 1.
/// </summary>
public static class StoryCommand
{
    /// <summary>Longest excerpt of a span shown in text output (characters); JSON carries the whole span text.</summary>
    private const int ExcerptLength = 90;

    public static Command Create()
    {
        var id = new Argument<string>("story-id") { Description = "The story's id (as listed by 'parallax stories'), or a unique prefix of it." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var db = new Option<string>("--db") { Description = "The store file.", DefaultValueFactory = _ => SqliteArticleStore.DefaultPath };
        var command = new Command("story", "Show one story: its articles, each article's origin with the evidence and what it added or cut, related stories.") { id, json, db };
        command.SetAction(parseResult =>
        {
            var loaded = StoredStories.Load(parseResult.GetValue(db)!, out var error);
            if (loaded is null)
            {
                Console.Error.WriteLine(error);
                return ExitCodes.SomeRejected;
            }

            using (loaded)
            {
                var wanted = parseResult.GetValue(id)!.Trim();
                var matches = loaded.Stories.Where(s => s.Id == wanted).ToList();
                if (matches.Count == 0 && wanted.Length > 0)
                {
                    matches = [.. loaded.Stories.Where(s => s.Id.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))];
                }

                if (matches.Count != 1)
                {
                    Console.Error.WriteLine(matches.Count == 0
                        ? $"PX0608: no story '{wanted}' among the {loaded.Stories.Length} stories of the stored articles (see 'parallax stories')"
                        : $"PX0609: '{wanted}' matches {matches.Count} stories; give more of the id");
                    return ExitCodes.SomeRejected;
                }

                var view = Build(loaded, matches[0]);
                Console.Out.Write(parseResult.GetValue(json) ? JsonSerializer.Serialize(view, JsonReportWriter.Options) + "\n" : WriteText(view));
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    internal static StoryView Build(StoredStories loaded, Story story)
    {
        var lineage = loaded.Clusterer.LineageOf(story.Id);
        var origins = (lineage?.Origins ?? []).ToDictionary(o => o.ArticleId, StringComparer.Ordinal);
        var inferred = story.InferredDates.ToDictionary(d => d.ArticleId, StringComparer.Ordinal);
        var articles = story.ArticleIds.Select(aid =>
        {
            var a = loaded.Articles[aid];
            var o = origins.GetValueOrDefault(aid);
            OriginView? origin = o is null ? null : new OriginView(
                Kind(o.Kind),
                o.OriginId,
                o.OriginId is { } oid && loaded.Articles.TryGetValue(oid, out var oa) ? oa.Metadata.Outlet : null,
                o.Wire,
                Math.Round(o.Coverage, 4),
                o.Reason,
                [.. o.Passages.Select(p => new PassageView(Span(a, p.ArticleSpan), p.Words))],
                [.. o.Added.Select(s => Span(a, s))],
                o.OriginId is { } cutFrom && loaded.Articles.TryGetValue(cutFrom, out var origArticle) ? [.. o.Cut.Select(s => Span(origArticle, s))] : [],
                [.. o.Credits.Select(c => new CreditView(c.Wire, c.Cue, c.Span is { } s ? Span(a, s) : null))]);
            var date = a.Metadata.Published?.Date is { } d ? StoredStories.Iso(d) : null;
            InferredView? inferredDate = inferred.TryGetValue(aid, out var inf) ? new InferredView(StoredStories.Iso(inf.From)!, StoredStories.Iso(inf.To)!, inf.Reason) : null;
            return new StoryArticleView(aid, a.Metadata.Outlet, a.Metadata.Title ?? StoryTitle(a), date, inferredDate, origin);
        }).ToImmutableArray();
        return new StoryView(
            story.Id,
            story.Title,
            StoredStories.Iso(story.From),
            StoredStories.Iso(story.To),
            lineage?.IndependentSources ?? articles.Length,
            articles,
            [.. story.Related.Select(l => new RelatedRow(l.StoryId, loaded.TitleOf(l.StoryId), l.Similarity))]);
    }

    private static string StoryTitle(Article a)
    {
        var line = a.Text.TrimStart().Split('\n', 2)[0];
        return line.Length <= ExcerptLength ? line : line[..ExcerptLength] + "…";
    }

    private static SpanView Span(Article a, TextSpan s) => new(s.Start, s.End, a.Text[s.Start..s.End]);

    private static string Kind(OriginKind k) => k switch
    {
        OriginKind.CopyOf => "copy-of",
        OriginKind.RewriteOf => "rewrite-of",
        OriginKind.RewriteOfWire => "rewrite-of-wire",
        _ => "independent",
    };

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return TextEscaping.Terminal(flat.Length <= ExcerptLength ? flat : flat[..ExcerptLength] + "…");
    }

    private static string WriteText(StoryView v)
    {
        var sb = new StringBuilder();
        var dates = v.From is null ? "undated" : v.From == v.To ? v.From : $"{v.From}..{v.To}";
        sb.Append(CultureInfo.InvariantCulture, $"{v.Id}  {TextEscaping.Terminal(v.Title)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{v.Articles.Length} article(s), {v.IndependentOrigins} independent origin(s), {dates}\n");
        foreach (var a in v.Articles)
        {
            var date = a.Published ?? (a.Inferred is { } i ? (i.From == i.To ? i.From : $"{i.From}..{i.To}") + " (inferred)" : "undated");
            sb.Append(CultureInfo.InvariantCulture, $"\n{a.Id}  {TextEscaping.Terminal(a.Outlet)}  {date}  {TextEscaping.Terminal(a.Title)}\n");
            if (a.Inferred is { } inf)
            {
                sb.Append("  date: ").Append(TextEscaping.Terminal(inf.Reason)).Append('\n');
            }

            if (a.Origin is not { } o)
            {
                continue;
            }

            var of = o.OriginId is { } oid ? $" {oid} ({TextEscaping.Terminal(o.OriginOutlet ?? "")})" : o.Wire is { } w && o.Kind == "rewrite-of-wire" ? $" {w} (not in the store)" : "";
            sb.Append(CultureInfo.InvariantCulture, $"  origin: {o.Kind}{of}; {TextEscaping.Terminal(o.Reason)}\n");
            foreach (var c in o.Credits)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  credit: {c.Wire} ({c.Cue})").Append(c.Evidence is { } e ? $" [{e.Start},{e.End}) \"{Excerpt(e.Text)}\"" : "").Append('\n');
            }

            foreach (var p in o.Passages)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  shared ({p.Words} words) [{p.Span.Start},{p.Span.End}) \"{Excerpt(p.Span.Text)}\"\n");
            }

            if (o.Passages.Length > 0)
            {
                foreach (var s in o.Added)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  added [{s.Start},{s.End}) \"{Excerpt(s.Text)}\"\n");
                }

                foreach (var s in o.Cut)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  cut   [{s.Start},{s.End}) of the origin \"{Excerpt(s.Text)}\"\n");
                }
            }
        }

        if (v.Related.Length > 0)
        {
            sb.Append("\nrelated stories:\n");
            foreach (var l in v.Related)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {l.StoryId} ({l.Similarity:F3}) {TextEscaping.Terminal(l.Title)}\n");
            }
        }

        return sb.ToString();
    }
}

/// <summary>What <c>parallax story ID --json</c> prints. Dates are ISO <c>yyyy-MM-dd</c>.</summary>
public sealed record StoryView(
    string Id, string Title, string? From, string? To, int IndependentOrigins, ImmutableArray<StoryArticleView> Articles, ImmutableArray<RelatedRow> Related);

/// <summary>One member of a story: stated date, or the inferred range and why.</summary>
public sealed record StoryArticleView(string Id, string Outlet, string Title, string? Published, InferredView? Inferred, OriginView? Origin);

/// <summary>An inferred publication range (inclusive), always marked inferred by being here, with the reason.</summary>
public sealed record InferredView(string From, string To, string Reason);

/// <summary>
/// An article's origin: <c>independent</c>, <c>copy-of</c>/<c>rewrite-of</c> <see cref="OriginId"/>, or
/// <c>rewrite-of-wire</c> <see cref="Wire"/>; shared passages and what was added (spans of this article) or cut (spans of the origin).
/// </summary>
public sealed record OriginView(
    string Kind, string? OriginId, string? OriginOutlet, string? Wire, double Coverage, string Reason,
    ImmutableArray<PassageView> Passages, ImmutableArray<SpanView> Added, ImmutableArray<SpanView> Cut, ImmutableArray<CreditView> Credits);

/// <summary>A half-open UTF-16 span of an article's cleaned text and the characters it covers.</summary>
public sealed record SpanView(int Start, int End, string Text);

public sealed record PassageView(SpanView Span, int Words);

public sealed record CreditView(string Wire, string Cue, SpanView? Evidence);
