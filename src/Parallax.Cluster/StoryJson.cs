using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parallax.Stories;

namespace Parallax.Cluster;

/// <summary>How a consolidated <see cref="Story"/> travels to its story grain. Thread-safe (stateless).</summary>
public static class StoryJson
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.General);

    public static string Write(Story story) => JsonSerializer.Serialize(story, _options);

    public static Story Read(string json) => JsonSerializer.Deserialize<Story>(json, _options) ?? throw new JsonException("story is null");

    /// <summary>Hex SHA-256 of the story JSON: the cache key of a story grain's report (same members, links and dates ⇒ same report).</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
