using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace Parallax.Web.Tests;

/// <summary>Story detail is served gzip-compressed to clients that accept it, and is the same document either way.</summary>
public sealed class CompressionTests(SampleServer fixture) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task StoryDetail_GzipWhenAccepted_SameDocumentAsPlain()
    {
        var ct = TestContext.Current.CancellationToken;
        var list = JsonDocument.Parse(await fixture.Client.GetStringAsync("/api/stories?sort=coverage", ct)).RootElement;
        var id = list.GetProperty("stories")[0].GetProperty("id").GetString()!;

        using var plain = await fixture.Client.GetAsync("/api/stories/" + id, ct);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync(ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stories/" + id);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br;q=0, gzip;q=0.8");
        using var zipped = await fixture.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, zipped.StatusCode);
        Assert.Equal(["gzip"], zipped.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", zipped.Headers.Vary);
        var zippedBytes = await zipped.Content.ReadAsByteArrayAsync(ct);
        Assert.True(zippedBytes.Length < plainBytes.Length / 2, $"{zippedBytes.Length} compressed vs {plainBytes.Length} plain");
        using var inflated = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(zippedBytes), CompressionMode.Decompress))
        {
            gzip.CopyTo(inflated);
        }

        Assert.Equal(plainBytes, inflated.ToArray());

        // gzip;q=0 is a refusal: the plain document.
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/api/stories/" + id);
        refused.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip;q=0");
        using var refusedResponse = await fixture.Client.SendAsync(refused, ct);
        Assert.Empty(refusedResponse.Content.Headers.ContentEncoding);
        Assert.Equal(plainBytes, await refusedResponse.Content.ReadAsByteArrayAsync(ct));
    }
}
