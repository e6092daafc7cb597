using Microsoft.AspNetCore.Http;

namespace Parallax.Web;

/// <summary>
/// A response whose body is a cached, immutable byte array (a rendered story document): written as it is, in slices of
/// <see cref="SliceBytes"/> with a flush after each, so a connection never holds more than about one slice of copies in
/// Kestrel's buffers — a 500 KB document written in one call would take 500 KB of pooled blocks per connection at once,
/// which under 50 connections makes the pool grow and shrink (allocations, then collections). Nothing else is allocated
/// per request beyond the headers.
/// </summary>
internal sealed class CachedBytesResult(byte[] body, string contentType) : IResult
{
    /// <summary>Bytes written per flush.</summary>
    public const int SliceBytes = 32 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            return;
        }

        var writer = response.BodyWriter;
        var ct = httpContext.RequestAborted;
        for (var offset = 0; offset < body.Length; offset += SliceBytes)
        {
            var result = await writer.WriteAsync(body.AsMemory(offset, Math.Min(SliceBytes, body.Length - offset)), ct).ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                return;
            }
        }
    }
}
