using System.Net;
using System.Net.Sockets;
using Parallax.Core;

namespace Parallax.Web;

/// <summary>
/// Server-side request forgery guard for URL ingestion: only absolute http(s) URLs, and unless allowed only public
/// addresses. The check runs twice: on the URL's host before fetching (a clear PX0805), and on every address the
/// HTTP client actually connects to (<see cref="CreateClient"/>), which also covers redirects and DNS answers that
/// change between the two. Thread-safe.
/// </summary>
public static class UrlGuard
{
    /// <summary>The URL as an absolute http(s) <see cref="Uri"/>, or the reason it is refused.</summary>
    public static (Uri? Url, Diagnostic? Problem) Check(string? url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return (null, WebErrors.Error(WebErrors.SchemeRefused, "not an absolute URL", Clip(url)));
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return (null, WebErrors.Error(WebErrors.SchemeRefused, $"only http and https URLs are fetched, not '{Clip(uri.Scheme)}:'", Clip(url)));
        }

        if (!allowPrivate)
        {
            if (uri.IsLoopback || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase) || uri.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            {
                return (null, WebErrors.Error(WebErrors.AddressRefused, "loopback addresses are refused (serve --allow-private-urls to allow)", Clip(url)));
            }

            if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && !IsPublic(literal))
            {
                return (null, WebErrors.Error(WebErrors.AddressRefused, $"address {literal} is not public (serve --allow-private-urls to allow)", Clip(url)));
            }
        }

        return (uri, null);
    }

    /// <summary>
    /// False for loopback, unspecified, private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10), link-local,
    /// multicast, broadcast, benchmarking, documentation and reserved ranges, IPv6 unique-local and site-local, and
    /// IPv4-mapped forms of any of these.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
                || b.Take(12).All(x => x == 0));
        }

        return false;
    }

    /// <summary>
    /// An <see cref="HttpClient"/> for <see cref="Ingest.Readers.SourceReader"/> (no automatic redirects, all content
    /// codings, no cookies) whose every connection is checked: a non-public address is refused unless
    /// <paramref name="allowPrivate"/>.
    /// </summary>
    public static HttpClient CreateClient(Ingest.Readers.ReaderOptions options, bool allowPrivate)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = options.HttpTimeout,
            MaxResponseHeadersLength = 64,
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
                var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
                if (allowed.Length == 0)
                {
                    throw new HttpRequestException($"{WebErrors.AddressRefused}: {host} resolves to no public address; refused");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static string? Clip(string? s) => s is null ? null : s.Length <= 200 ? s : s[..200] + "…";
}
