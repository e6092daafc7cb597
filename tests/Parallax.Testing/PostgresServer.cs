using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace Parallax.Testing;

/// <summary>
/// A throw-away PostgreSQL server for tests, shared by the whole test run: <c>PARALLAX_TEST_PG</c> (a connection string
/// to an existing server whose user may create databases) when set; otherwise the tests start their own with the Debian
/// binaries (<c>/usr/lib/postgresql/N/bin</c>): <c>initdb</c> into a temporary folder (as the <c>postgres</c> user when
/// running as root), listening on 127.0.0.1 only, on a free port, stopped when the test process exits.
/// Each test gets its own database from <see cref="CreateDatabase"/>.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<(string? ConnectionString, string Reason)> _server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The connection string of the maintenance database, or null (with <see cref="Unavailable"/>) when there is no server.</summary>
    public static string? ConnectionString => _server.Value.ConnectionString;

    /// <summary>Why no server could be had.</summary>
    public static string Unavailable => _server.Value.Reason;

    /// <summary>
    /// Skips the calling test when no server can be had, unless <c>PARALLAX_REQUIRE_PG=1</c> (CI sets it), where the
    /// absence is a failure.
    /// </summary>
    public static string RequireConnectionString()
    {
        if (ConnectionString is { } cs)
        {
            return cs;
        }

        if (Environment.GetEnvironmentVariable("PARALLAX_REQUIRE_PG") == "1")
        {
            Assert.Fail("PostgreSQL is required (PARALLAX_REQUIRE_PG=1) but unavailable: " + Unavailable);
        }

        Assert.Skip("PostgreSQL unavailable: " + Unavailable);
        return "";
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var admin = RequireConnectionString();
        var name = "px_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8';", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/> (closing its pooled connections first).</summary>
    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (ConnectionString is not { } admin || string.IsNullOrEmpty(name))
        {
            return;
        }

        try
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // Best effort: the server is thrown away at the end of the run anyway.
        }
    }

    private static (string?, string) Start()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_TEST_PG") is { Length: > 0 } given)
        {
            return (given, "");
        }

        var bin = FindBin();
        if (bin is null)
        {
            return (null, "no PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql) and PARALLAX_TEST_PG is not set");
        }

        var root = Environment.UserName == "root";
        var dir = Path.Combine(Path.GetTempPath(), "parallax-pg-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var data = Path.Combine(dir, "data");
        if (root)
        {
            Run("chown", ["-R", "postgres:postgres", dir], asPostgres: false);
        }

        var init = Run(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "parallax", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"], root);
        if (init.Code != 0)
        {
            init = Run(Path.Combine(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "parallax", "--no-sync", "-E", "UTF8", "--locale=C"], root);
        }

        if (init.Code != 0)
        {
            return (null, "initdb failed: " + init.Output);
        }

        var port = FreePort();
        var options = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        var start = Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(dir, "log"), "-w", "-t", "60", "start"], root);
        if (start.Code != 0)
        {
            var log = File.Exists(Path.Combine(dir, "log")) ? File.ReadAllText(Path.Combine(dir, "log")) : "";
            return (null, "pg_ctl start failed: " + start.Output + log);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], root);
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };

        var cs = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "parallax", Database = "postgres", Pooling = true, Timeout = 10 }.ToString();
        return (cs, "");
    }

    private static string? FindBin()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(Root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int Code, string Output) Run(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                info.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
