using System.Collections.Immutable;
using Parallax.Core;
using Parallax.Language.Entities;
using Parallax.Language.Text;

namespace Parallax.Language.Tests;

/// <summary>Builds <see cref="Doc"/>s from plain text for tests.</summary>
internal static class TestDocs
{
    public static Doc Create(string text, string id = "test")
    {
        var article = new Article
        {
            Id = id,
            SourceId = id,
            Origin = id,
            Metadata = ArticleMetadata.Empty,
            RawText = text,
            Text = text,
            Map = OffsetMap.Identity(text.Length),
        };
        return new Doc(article);
    }

    public static Pipeline<Doc> Pipeline { get; } = Pipeline<Doc>.Build([Layers.Text], Tokenizer.Instance, SentenceSplitter.Instance, EntityRecognizer.Default);

    public static Doc Analyse(string text, string id = "test") => Pipeline.Run(Create(text, id));

    public static ImmutableArray<string> Tokens(string text) => [.. Tokenizer.Tokenize(text).Select(t => t.Span.Of(text))];
}
