using System.Collections.Immutable;
using Parallax.Core;

namespace Parallax.Language.Quotes;

/// <summary>
/// Finds quotes (direct, partial, indirect, mixed) with their content, cue and speaker, and attributions of reported
/// information to their origin ("sources told Reuters", "Belta reported"). Rule based: a quotation scanner plus
/// cue-verb patterns over a private tokenisation (see docs/quotes.md). Pure, deterministic and thread-safe: one
/// instance serves all documents.
/// </summary>
public sealed class QuoteExtractor : IStage<Doc>
{
    public const string StageName = nameof(QuoteExtractor);
    public const string StageVersion = "1.16.0";

    public StageInfo Info { get; } = new(StageName, StageVersion, [Layers.Text], [Layers.Quotes, Layers.Attributions]);

    /// <summary>Adds <see cref="Layers.Quotes"/> and <see cref="Layers.Attributions"/>. Speakers resolve to entity ids through <see cref="Doc.Mentions"/> when present.</summary>
    public Doc Process(Doc doc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        cancellationToken.ThrowIfCancellationRequested();
        var result = Extract(doc.Text);
        var quotes = ImmutableArray.CreateBuilder<Quote>(result.Quotes.Length);
        foreach (var q in result.Quotes)
        {
            var quote = q.Quote;
            if (!doc.Mentions.IsDefaultOrEmpty && quote.Speaker is { } speaker)
            {
                // A pronoun takes the entity of a name earlier in its own sentence when the text rules chose one ("confirmed
                // Lukashenko's offer, quoting him"); otherwise the most recent compatible mention, which follows the
                // narrative better than the previous speaker does.
                var entity = q.SpeakerAntecedent is { } antecedent && SameSentence(doc.Text, antecedent, speaker)
                    ? SpeakerResolver.ResolveEntity(doc.Text, doc.Mentions, antecedent) ?? EntityNamed(doc, antecedent)
                    : null;
                quote = quote with { SpeakerEntityId = entity ?? SpeakerResolver.ResolveEntity(doc.Text, doc.Mentions, speaker) };
            }

            if (!doc.Article.Embeds.IsDefaultOrEmpty && InEmbed(doc.Article, quote.Content))
            {
                quote = quote with { InEmbed = true };
            }

            quotes.Add(quote);
        }

        return doc.WithLayers(Info) with { Quotes = quotes.ToImmutable(), Attributions = result.Attributions };
    }

    /// <summary>Quotes and attributions in <paramref name="text"/>; spans are UTF-16, half-open, into <paramref name="text"/>. Never throws for any string.</summary>
    public static QuoteExtraction Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return QuoteExtraction.Empty;
        }

        var scanner = new QuoteScanner(text);
        var relations = scanner.Run();
        var quotes = SpeakerResolver.Finish(text, relations, scanner.Sentences);
        var attributions = AttributionFinder.Find(text, scanner.Sentences);
        return new QuoteExtraction(quotes, attributions);
    }

    /// <summary>True when <paramref name="first"/> ends before <paramref name="second"/> with no line break or sentence end between them.</summary>
    private static bool SameSentence(string text, TextSpan first, TextSpan second)
    {
        if (first.End > second.Start || second.Start > text.Length)
        {
            return false;
        }

        for (var i = first.End; i < second.Start; i++)
        {
            if (text[i] == '\n' || (text[i] is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The entity of a mention elsewhere in the document whose name is the antecedent's text (possessive dropped), or a
    /// person whose name ends with it ("Lukashenko’s" where the recognizer marked only "Alexander Lukashenko"); the latest
    /// such mention before the antecedent, else the first after it.
    /// </summary>
    private static string? EntityNamed(Doc doc, TextSpan antecedent)
    {
        if (!antecedent.FitsIn(doc.Text))
        {
            return null;
        }

        var name = antecedent.Of(doc.Text).Trim();
        foreach (var suffix in (string[])["’s", "'s", "’", "'"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        if (name.Length < 2 || !char.IsUpper(name[0]))
        {
            return null;
        }

        bool Fits(Mention m) => m.EntityId is not null && (string.Equals(m.Text, name, StringComparison.OrdinalIgnoreCase)
            || (m.Type == EntityType.Person && m.Text.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase)));
        var before = doc.Mentions.LastOrDefault(m => m.Span.Start < antecedent.Start && Fits(m));
        return (before ?? doc.Mentions.FirstOrDefault(Fits))?.EntityId;
    }

    /// <summary>True when the content maps (through the cleaning map) into a kept-aside embed's raw range.</summary>
    private static bool InEmbed(Article article, TextSpan content)
    {
        if (!content.FitsIn(article.Text) || article.Map.CleanLength != article.Text.Length)
        {
            return false;
        }

        var raw = article.Map.ToRaw(content);
        foreach (var embed in article.Embeds)
        {
            if (embed.RawSpan.Overlaps(raw))
            {
                return true;
            }
        }

        return false;
    }
}
