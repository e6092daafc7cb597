using System.Net;
using System.Net.Http.Headers;
using Parallax.Core;

namespace Parallax.Ingest.Readers;

/// <summary>A successful HTTP GET: the final URL after redirects, the media type and charset, the decoded body.</summary>
internal sealed record FetchedResponse(Uri FinalUrl, int Status, string? MediaType, string? Charset, byte[] Body, DateTimeOffset FetchedAt);

/// <summary>
/// GETs http/https URLs with the limits of <see cref="ReaderOptions"/>: a whole-request timeout, a body cap (after
/// gzip/deflate/brotli decoding by the handler), redirects followed and counted here (the handler must not follow
/// them itself) and a fixed User-Agent. Every failure is a diagnostic; only the caller's cancellation throws.
/// </summary>
internal sealed class UrlFetcher(HttpClient client, ReaderOptions options, TimeProvider time)
{
    private const string Accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json;q=0.9,application/xml;q=0.9,application/json;q=0.8,text/plain;q=0.8,*/*;q=0.1";

    /// <summary>True for absolute http and https URLs.</summary>
    public static bool IsHttp(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public (FetchedResponse? Response, Diagnostic? Problem) Fetch(Uri url, CancellationToken cancellationToken) =>
        FetchAsync(url, cancellationToken).GetAwaiter().GetResult();

    private async Task<(FetchedResponse?, Diagnostic?)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var subject = url.OriginalString;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.HttpTimeout);
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", Accept);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and <= 399 && status != 304)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return (null, Diagnostic.Error(ReaderCodes.BadRedirect, $"HTTP {status} redirect without a Location header from {current}", subject));
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (!IsHttp(next))
                    {
                        return (null, Diagnostic.Error(ReaderCodes.BadRedirect, $"redirect to a non-http(s) URL '{TextDecoder.Clip(next.OriginalString)}' refused", subject));
                    }

                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return (null, Diagnostic.Error(ReaderCodes.TooManyRedirects, $"redirect loop: {next} was already visited", subject));
                    }

                    if (redirects + 1 > options.MaxRedirects)
                    {
                        return (null, Diagnostic.Error(ReaderCodes.TooManyRedirects, $"more than {options.MaxRedirects} redirects", subject));
                    }

                    current = next;
                    continue;
                }

                if (status is < 200 or > 299)
                {
                    return (null, Diagnostic.Error(ReaderCodes.HttpStatus, $"HTTP {status} {response.ReasonPhrase} from {current}", subject));
                }

                if (response.Content.Headers.ContentLength is { } declared && declared > options.MaxResponseBytes)
                {
                    return (null, Diagnostic.Error(ReaderCodes.ResponseTooLarge, $"response of {declared} bytes exceeds the cap of {options.MaxResponseBytes}", subject));
                }

                var body = await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false);
                if (body is null)
                {
                    return (null, Diagnostic.Error(ReaderCodes.ResponseTooLarge, $"response exceeds the cap of {options.MaxResponseBytes} bytes", subject));
                }

                MediaTypeHeaderValue? contentType = response.Content.Headers.ContentType;
                return (new FetchedResponse(current, status, contentType?.MediaType?.ToLowerInvariant(), contentType?.CharSet, body, time.GetUtcNow()), null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Diagnostic.Error(ReaderCodes.HttpTimeout, $"no complete response within {options.HttpTimeout.TotalSeconds:0.###} s", subject));
        }
        catch (HttpRequestException e)
        {
            return (null, Diagnostic.Error(ReaderCodes.NetworkFailure, $"request failed: {e.Message}", subject));
        }
        catch (IOException e)
        {
            return (null, Diagnostic.Error(ReaderCodes.NetworkFailure, $"connection failed while reading: {e.Message}", subject));
        }
        catch (InvalidDataException e)
        {
            return (null, Diagnostic.Error(ReaderCodes.NetworkFailure, $"corrupt compressed response: {e.Message}", subject));
        }
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + n > options.MaxResponseBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }
    }

    /// <summary>The handler <see cref="SourceReader"/> uses when it owns the client: no automatic redirects, all
    /// content codings, no cookies; the system proxy settings apply.</summary>
    public static HttpClient CreateClient(ReaderOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            UseCookies = false,
            ConnectTimeout = options.HttpTimeout,
            MaxResponseHeadersLength = 64,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
