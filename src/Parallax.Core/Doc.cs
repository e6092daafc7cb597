using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>Names of the annotation layers a <see cref="Doc"/> can carry; stages declare them in <see cref="StageInfo"/>.</summary>
public static class Layers
{
    public const string Text = "text";
    public const string Sentences = "sentences";
    public const string Tokens = "tokens";
    public const string Entities = "entities";
    public const string Labels = "labels";
    public const string Timexes = "timexes";
    public const string Quantities = "quantities";
    public const string Quotes = "quotes";
    public const string Attributions = "attributions";
}

/// <summary>A sentence (or headline, list item) of the cleaned text. Sentence spans do not overlap and are in text order.</summary>
public sealed record Sentence(TextSpan Span, SentenceKind Kind = SentenceKind.Sentence);

public enum SentenceKind
{
    Sentence,
    Headline,
    ListItem,
    Heading,
}

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

public readonly record struct Token(TextSpan Span, TokenKind Kind);

public enum EntityType
{
    Person,
    Organization,
    Location,
    /// <summary>Nationalities, religious or political groups ("Venezuelan", "Democrats").</summary>
    Group,
    Misc,
}

/// <summary>A mention of an entity: the name only (titles and descriptors are <see cref="Label"/>s).</summary>
/// <param name="Span">The name's characters in the cleaned text.</param>
/// <param name="EntityId">The entity it resolves to within the document (or story), when resolved.</param>
public sealed record Mention(TextSpan Span, EntityType Type, string Text, string? EntityId = null);

/// <summary>An entity with every surface form it was mentioned by.</summary>
public sealed record Entity(string Id, EntityType Type, string Name, ImmutableArray<string> SurfaceForms);

public enum LabelKind
{
    /// <summary>"Venezuelan President", "former President".</summary>
    Title,
    /// <summary>"a close ally of Russian President Vladimir Putin".</summary>
    Apposition,
    /// <summary>"embattled", "dictator" before the name.</summary>
    Premodifier,
    /// <summary>A label used instead of the name ("the fading dictator").</summary>
    Epithet,
    /// <summary>"Belarus, long seen as a Kremlin satellite".</summary>
    PredicateNominal,
}

/// <summary>Words an outlet uses about an entity, with the span of the label and of the mention it attaches to.</summary>
public sealed record Label(TextSpan Span, string Text, LabelKind Kind, TextSpan MentionSpan, string? EntityId);

public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>A TIMEX3-style temporal expression.</summary>
/// <param name="Value">Normalised TIMEX3 value (<c>2025-12-11</c>, <c>P17D</c>, <c>PAST_REF</c>), or null when it could not be resolved.</param>
/// <param name="AnchorOpen">True when the value depends on a document date that is unknown (it may be filled in later by the story).</param>
public sealed record Timex(TextSpan Span, string Text, TimexType Type, string? Value, bool AnchorOpen = false);

/// <summary>A number or quantity with its unit and what it counts ("over 80 deaths": 80, modifier "over", counts "deaths").</summary>
public sealed record Quantity(TextSpan Span, string Text, decimal? Value, string? Unit, string? Counted, string? Modifier = null);

public enum QuoteKind
{
    Direct,
    Partial,
    Indirect,
    Mixed,
}

/// <summary>A quote: its content, its cue ("said", "told"), and its speaker.</summary>
public sealed record Quote(TextSpan Content, QuoteKind Kind, TextSpan? Cue, TextSpan? Speaker, string? SpeakerEntityId = null, bool InEmbed = false);

/// <summary>Reported information attributed to an origin ("sources told Reuters", "Belta reported").</summary>
/// <param name="Span">The attribution phrase.</param>
/// <param name="Origin">The named origin ("Reuters", "Belta"), verbatim.</param>
/// <param name="OriginSpan">Where the origin is named.</param>
/// <param name="Claim">The reported content, when delimited.</param>
/// <param name="Kind">e.g. <c>told</c>, <c>reported</c>, <c>interview</c>, <c>according-to</c>, <c>document</c>.</param>
public sealed record Attribution(TextSpan Span, string Origin, TextSpan OriginSpan, TextSpan? Claim, string Kind);

/// <summary>
/// An analysed article: the cleaned article plus annotation layers, each added by a stage. Immutable: a stage returns
/// <c>doc with { ... }</c>. Every span indexes into <c>Article.Text</c>.
/// </summary>
public sealed record Doc : IPipelineDocument<Doc>
{
    public Doc(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Article = article;
    }

    public Article Article { get; init; }

    public string Text => Article.Text;

    public ImmutableHashSet<string> Layers { get; init; } = [Core.Layers.Text];

    /// <summary>Which stage (name@version) produced each layer.</summary>
    public ImmutableDictionary<string, string> LayerProvenance { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    public ImmutableArray<Token> Tokens { get; init; } = [];
    public ImmutableArray<Mention> Mentions { get; init; } = [];
    public ImmutableArray<Entity> Entities { get; init; } = [];
    public ImmutableArray<Label> Labels { get; init; } = [];
    public ImmutableArray<Timex> Timexes { get; init; } = [];
    public ImmutableArray<Quantity> Quantities { get; init; } = [];
    public ImmutableArray<Quote> Quotes { get; init; } = [];
    public ImmutableArray<Attribution> Attributions { get; init; } = [];
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Marks <paramref name="stage"/>'s layers as present.</summary>
    public Doc WithLayers(StageInfo stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var prov = LayerProvenance;
        foreach (var layer in stage.Produces)
        {
            prov = prov.SetItem(layer, stage.ToString());
        }

        return this with { Layers = Layers.Union(stage.Produces), LayerProvenance = prov };
    }

    public Doc WithFailure(StageInfo stage, Diagnostic diagnostic) => this with { Diagnostics = Diagnostics.Add(diagnostic with { Subject = diagnostic.Subject ?? Article.Id }) };
}
