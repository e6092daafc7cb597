using System.Collections.Immutable;
using System.Text;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>What every format reader needs for one <see cref="SourceReader"/> call: limits, the clock, the fetcher
/// (null when the network is off) and the caller's cancellation token.</summary>
internal sealed record ReadContext(ReaderOptions Options, TimeProvider Time, UrlFetcher? Fetcher, CancellationToken CancellationToken)
{
    public DateTimeOffset Now => Time.GetUtcNow();
}

/// <summary>Collects the sources and diagnostics of one input.</summary>
internal sealed class ResultBuilder
{
    private readonly ImmutableArray<SourceDocument>.Builder _sources = ImmutableArray.CreateBuilder<SourceDocument>();
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

    public int SourceCount => _sources.Count;

    public void Add(SourceDocument source) => _sources.Add(source);

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void Add(ReadResult result)
    {
        _sources.AddRange(result.Sources);
        _diagnostics.AddRange(result.Diagnostics);
    }

    public ReadResult Build() => new(_sources.ToImmutable(), _diagnostics.ToImmutable());
}

/// <summary>Builds <see cref="SourceDocument"/>s so that the id is always the hash of the stored bytes.</summary>
internal static class Sources
{
    /// <summary>A source whose payload is <paramref name="bytes"/>, decoded as <paramref name="decoded"/>.</summary>
    public static SourceDocument FromBytes(string origin, SourceKind kind, ReadOnlyMemory<byte> bytes, DecodedText decoded, string reader, DateTimeOffset? fetchedAt, SourceHints hints) => new()
    {
        Id = SourceDocument.ComputeId(bytes.Span),
        Origin = origin,
        Kind = kind,
        Bytes = bytes,
        RawText = decoded.Text,
        Encoding = decoded.Label,
        FetchedAt = fetchedAt,
        Reader = reader,
        Hints = hints,
        Diagnostics = decoded.Diagnostics,
    };

    /// <summary>A source whose payload is a string carried inside a structured input (JSON, XML): its bytes are the
    /// string's UTF-8, labelled <c>utf-8 (<paramref name="container"/>)</c>.</summary>
    public static SourceDocument FromString(string origin, SourceKind kind, string text, string container, string reader, DateTimeOffset? fetchedAt, SourceHints hints, ImmutableArray<Diagnostic> diagnostics = default)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new SourceDocument
        {
            Id = SourceDocument.ComputeId(bytes),
            Origin = origin,
            Kind = kind,
            Bytes = bytes,
            RawText = text,
            Encoding = $"utf-8 ({container})",
            FetchedAt = fetchedAt,
            Reader = reader,
            Hints = hints,
            Diagnostics = diagnostics.IsDefault ? [] : diagnostics,
        };
    }
}
