using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parallax.Ingest.Tests.Readers;

/// <summary>One HTTP request as the server saw it.</summary>
internal sealed record SeenRequest(string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (random port) for the URL reader tests. Each route returns the raw bytes of
/// a whole response (status line, headers, body) or null to never answer (for timeouts). One request per connection.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, byte[]?> _route;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalHttpServer(Func<string, byte[]?> route)
    {
        _route = route;
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    public static byte[] Response(int status, string? contentType, byte[] body, params string[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Status")}\r\n");
        if (contentType is not null)
        {
            head.Append($"Content-Type: {contentType}\r\n");
        }

        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        if (!headers.Any(h => h.StartsWith("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append($"Content-Length: {body.Length}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    public static byte[] Redirect(int status, string? location) =>
        Response(status, "text/plain", "moved"u8.ToArray(), location is null ? [] : [$"Location: {location}"]);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[16 * 1024];
                var received = 0;
                while (received < buffer.Length)
                {
                    var n = await stream.ReadAsync(buffer.AsMemory(received), _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    received += n;
                    if (buffer.AsSpan(0, received).IndexOf("\r\n\r\n"u8) >= 0)
                    {
                        break;
                    }
                }

                var lines = Encoding.ASCII.GetString(buffer, 0, received).Split("\r\n");
                var path = lines[0].Split(' ')[1];
                var headers = lines.Skip(1).Where(l => l.Contains(':')).ToDictionary(l => l[..l.IndexOf(':')].Trim(), l => l[(l.IndexOf(':') + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
                Requests.Enqueue(new SeenRequest(path, headers));
                var response = _route(path);
                if (response is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token); // never answer
                    return;
                }

                await stream.WriteAsync(response, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // the client went away or the server stopped
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
