using System.Reflection;
using Npgsql;
using Parallax.Core;

namespace Parallax.Cluster;

/// <summary>
/// The cluster's tables in the store's PostgreSQL database: Orleans membership (the ADO.NET clustering provider's
/// <c>OrleansQuery</c> statements, Sql/orleans-clustering.sql) and Parallax's own cluster state (Sql/parallax-cluster.sql).
/// Every node applies both at start, in one transaction under an advisory lock, so concurrent starts are safe and a
/// second run changes nothing.
/// </summary>
public static class ClusterSchema
{
    private const long LockKey = 0x5058434C5553; // "PXCLUS"

    /// <summary>Applies the schema; null on success, else the coded reason (PX1001).</summary>
    public static Diagnostic? Apply(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, $"SELECT pg_advisory_xact_lock({LockKey});");
            Execute(connection, tx, Script("orleans-clustering.sql"));
            Execute(connection, tx, Script("parallax-cluster.sql"));
            tx.Commit();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            return ClusterErrors.SchemaFailed(e.Message);
        }
    }

    /// <summary>The text of an embedded script (Sql/NAME).</summary>
    public static string Script(string name)
    {
        var assembly = typeof(ClusterSchema).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, tx);
        command.ExecuteNonQuery();
    }
}
