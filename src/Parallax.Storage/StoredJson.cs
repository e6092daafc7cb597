using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Core;

namespace Parallax.Storage;

/// <summary>
/// How the store writes the structured parts of sources and articles as JSON columns. The shapes are part of the
/// schema (docs/storage.md): changing them needs a migration. Thread-safe (stateless).
/// </summary>
internal static class StoredJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new ExactStringConverter() },
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = false,
    };

    private sealed record MapDto(int CleanLength, int RawLength, int[][] Segments);

    private sealed record RemovalDto(RemovalKind Kind, int Start, int End, string Text, string Rule);

    private sealed record EmbedDto(
        EmbedKind Kind, int Start, int End, string Text, string? Author, string? Handle, string? DateText, string? Date, string? Url, string? Platform);

    public static string WriteMap(OffsetMap map) =>
        JsonSerializer.Serialize(new MapDto(map.CleanLength, map.RawLength, [.. map.Segments.Select(s => new[] { s.CleanStart, s.RawStart, s.Length })]), Options);

    public static OffsetMap ReadMap(string json)
    {
        var dto = JsonSerializer.Deserialize<MapDto>(json, Options) ?? throw new JsonException("map is null");
        return new OffsetMap(dto.Segments.Select(s => s.Length == 3 ? new OffsetSegment(s[0], s[1], s[2]) : throw new JsonException("segment needs 3 numbers")), dto.CleanLength, dto.RawLength);
    }

    public static string WriteRemovals(ImmutableArray<Removal> removals) =>
        JsonSerializer.Serialize(removals.Select(r => new RemovalDto(r.Kind, r.RawSpan.Start, r.RawSpan.End, r.Text, r.Rule)).ToArray(), Options);

    public static ImmutableArray<Removal> ReadRemovals(string json) =>
        [.. (JsonSerializer.Deserialize<RemovalDto[]>(json, Options) ?? []).Select(r => new Removal(r.Kind, new TextSpan(r.Start, r.End), r.Text, r.Rule))];

    public static string WriteEmbeds(ImmutableArray<Embed> embeds) =>
        JsonSerializer.Serialize(
            embeds.Select(e => new EmbedDto(e.Kind, e.RawSpan.Start, e.RawSpan.End, e.Text, e.Author, e.Handle, e.DateText, e.Date, e.Url, e.Platform)).ToArray(),
            Options);

    public static ImmutableArray<Embed> ReadEmbeds(string json) =>
        [.. (JsonSerializer.Deserialize<EmbedDto[]>(json, Options) ?? []).Select(e => new Embed
        {
            Kind = e.Kind,
            RawSpan = new TextSpan(e.Start, e.End),
            Text = e.Text,
            Author = e.Author,
            Handle = e.Handle,
            DateText = e.DateText,
            Date = e.Date,
            Url = e.Url,
            Platform = e.Platform,
        })];

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"{typeof(T).Name} is null");

    public static ImmutableArray<Diagnostic> ReadDiagnostics(string json) => [.. Read<Diagnostic[]>(json)];

    public static string WriteDiagnostics(ImmutableArray<Diagnostic> diagnostics) => Write(diagnostics.ToArray());
}

/// <summary>
/// Writes well-formed strings as JSON strings, and strings holding lone surrogates (a span boundary that splits a
/// surrogate pair produces them) as <c>{"utf16": "d800 0041 ..."}</c>, because JSON writers and readers replace or
/// reject lone surrogates. Reading accepts both shapes, so every stored string comes back with the same UTF-16 units.
/// </summary>
internal sealed class ExactStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.GetString() != "utf16" || !reader.Read())
        {
            throw new JsonException("expected a string or {\"utf16\": ...}");
        }

        var units = (reader.GetString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var chars = units.Select(u => (char)ushort.Parse(u, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("expected the end of {\"utf16\": ...}");
        }

        return new string(chars);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (StoredText.IsWellFormed(value))
        {
            writer.WriteStringValue(value);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("utf16", string.Join(' ', value.Select(c => ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture))));
        writer.WriteEndObject();
    }
}

/// <summary>
/// Long texts are stored as TEXT (UTF-8, searchable) when they are well-formed UTF-16, and otherwise as a UTF-16LE
/// BLOB in the same column, so that texts with lone surrogates come back exactly (UTF-8 cannot hold them).
/// </summary>
internal static class StoredText
{
    // Raw code units, not Encoding.Unicode: an encoder would replace the very lone surrogates we keep.
    public static object Write(string text) => IsWellFormed(text) ? text : ToUtf16Le(text);

    public static string Read(object value) => value switch
    {
        string s => s,
        byte[] b => FromUtf16Le(b),
        _ => throw new InvalidCastException($"expected TEXT or BLOB, found {value.GetType().Name}"),
    };

    private static byte[] ToUtf16Le(string text)
    {
        var bytes = new byte[text.Length * 2];
        for (var i = 0; i < text.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), text[i]);
        }

        return bytes;
    }

    private static string FromUtf16Le(byte[] bytes) =>
        string.Create(bytes.Length / 2, bytes, static (chars, b) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i * 2));
            }
        });

    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
