using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Parallax.Cluster;

/// <summary>
/// <c>GET http://127.0.0.1:PORT/health</c>: <c>200 {"status":"ok","node":...}</c> once the silo has started (hosted
/// services start after the silo's), <c>503 {"status":"stopping"}</c> while it shuts down. Loopback only.
/// </summary>
public sealed class HealthEndpoint : BackgroundService
{
    private readonly int _port;
    private readonly string _node;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<HealthEndpoint> _log;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    public HealthEndpoint(int port, string node, IHostApplicationLifetime lifetime, ILogger<HealthEndpoint> log)
    {
        _port = port;
        _node = node;
        _lifetime = lifetime;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        listener.Start();
        _log.LogInformation("health endpoint on http://127.0.0.1:{Port}/health", _port);
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            var stopping = _lifetime.ApplicationStopping.IsCancellationRequested;
            var uptime = (long)(DateTimeOffset.UtcNow - _started).TotalSeconds;
            var body = $"{{\"status\":\"{(stopping ? "stopping" : "ok")}\",\"node\":\"{_node}\",\"pid\":{Environment.ProcessId},\"uptimeSeconds\":{uptime}}}";
            context.Response.StatusCode = context.Request.Url?.AbsolutePath == "/health" ? (stopping ? 503 : 200) : 404;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes, stoppingToken);
            context.Response.Close();
        }
    }
}
