using Parallax.Core;

namespace Parallax.Cluster;

/// <summary>The cluster's diagnostic codes (PX10xx, docs/errors/cluster.md).</summary>
public static class ClusterErrors
{
    /// <summary>The cluster schema could not be applied to the database.</summary>
    public const string SchemaFailedCode = "PX1001";

    /// <summary>The store for the cluster is not PostgreSQL or cannot be opened.</summary>
    public const string StoreCode = "PX1002";

    /// <summary>The client could not reach any gateway.</summary>
    public const string NoGatewayCode = "PX1003";

    /// <summary>A batch kept failing after every retry (a node down longer than the retry budget).</summary>
    public const string BatchFailedCode = "PX1004";

    /// <summary>A silo could not start (port in use, membership refused ...).</summary>
    public const string SiloFailedCode = "PX1005";

    public static Diagnostic SchemaFailed(string reason) =>
        Diagnostic.Error(SchemaFailedCode, $"{SchemaFailedCode}: the cluster tables could not be created or updated: {reason}");

    public static Diagnostic Store(string reason) =>
        Diagnostic.Error(StoreCode, $"{StoreCode}: the cluster needs its PostgreSQL store: {reason}");

    public static Diagnostic NoGateway(string reason) =>
        Diagnostic.Error(NoGatewayCode, $"{NoGatewayCode}: no Parallax node answered (start one with 'parallax node --cluster ...'): {reason}");

    public static Diagnostic BatchFailed(int partition, int attempts, string reason) =>
        Diagnostic.Error(BatchFailedCode, $"{BatchFailedCode}: a batch for partition {partition} failed {attempts} times: {reason}");

    public static Diagnostic SiloFailed(string reason) =>
        Diagnostic.Error(SiloFailedCode, $"{SiloFailedCode}: the node could not start: {reason}");
}
