-- Parallax: Orleans cluster membership in PostgreSQL, for the ADO.NET clustering provider
-- (Microsoft.Orleans.Clustering.AdoNet 10.4 reads its statements from the OrleansQuery table by key; it sends no
-- @MetadataJson, so that column stays NULL).
-- Written for Parallax against the provider's documented contract (query keys, @parameters, result columns);
-- idempotent: run at every node start inside one transaction under an advisory lock (see ClusterSchema.cs).

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text NOT NULL
);

CREATE TABLE IF NOT EXISTS px_orleans_version (
    deployment_id varchar(150) PRIMARY KEY,
    changed_at    timestamptz(3) NOT NULL DEFAULT now(),
    version       integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS px_orleans_member (
    deployment_id  varchar(150) NOT NULL REFERENCES px_orleans_version (deployment_id),
    address        varchar(45) NOT NULL,
    port           integer NOT NULL,
    generation     integer NOT NULL,
    silo_name      varchar(150) NOT NULL,
    host_name      varchar(150) NOT NULL,
    status         integer NOT NULL,
    proxy_port     integer NULL,
    suspect_times  varchar(8000) NULL,
    metadata_json  text NULL,
    start_time     timestamptz(3) NOT NULL,
    i_am_alive     timestamptz(3) NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Adds the deployment's version row once; 1 when added, 0 when it was there.
CREATE OR REPLACE FUNCTION px_orleans_add_version(p_deployment varchar) RETURNS integer AS $body$
BEGIN
    INSERT INTO px_orleans_version (deployment_id) VALUES (p_deployment) ON CONFLICT DO NOTHING;
    IF FOUND THEN RETURN 1; END IF;
    RETURN 0;
END
$body$ LANGUAGE plpgsql;

-- Adds a silo's row and bumps the version, both or neither (optimistic check on the version read before).
CREATE OR REPLACE FUNCTION px_orleans_add_member(
    p_deployment varchar, p_address varchar, p_port integer, p_generation integer, p_silo varchar, p_host varchar,
    p_status integer, p_proxy integer, p_start timestamptz, p_alive timestamptz, p_metadata text, p_version integer)
RETURNS integer AS $body$
BEGIN
    UPDATE px_orleans_version SET version = version + 1, changed_at = now()
        WHERE deployment_id = p_deployment AND version = p_version;
    IF NOT FOUND THEN RETURN 0; END IF;
    BEGIN
        INSERT INTO px_orleans_member (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
                                       metadata_json, start_time, i_am_alive)
        VALUES (p_deployment, p_address, p_port, p_generation, p_silo, p_host, p_status, p_proxy, p_metadata, p_start, p_alive);
    EXCEPTION WHEN unique_violation THEN
        -- Undo the version bump: the whole call must change nothing.
        RAISE EXCEPTION 'px_orleans_add_member: row exists' USING ERRCODE = 'P0001';
    END;
    RETURN 1;
EXCEPTION WHEN raise_exception THEN
    RETURN 0;
END
$body$ LANGUAGE plpgsql;

-- Updates a silo's row and bumps the version, both or neither.
CREATE OR REPLACE FUNCTION px_orleans_update_member(
    p_deployment varchar, p_address varchar, p_port integer, p_generation integer, p_status integer,
    p_suspects varchar, p_alive timestamptz, p_metadata text, p_version integer)
RETURNS integer AS $body$
BEGIN
    UPDATE px_orleans_version SET version = version + 1, changed_at = now()
        WHERE deployment_id = p_deployment AND version = p_version;
    IF NOT FOUND THEN RETURN 0; END IF;
    UPDATE px_orleans_member SET status = p_status, suspect_times = p_suspects, metadata_json = p_metadata, i_am_alive = p_alive
        WHERE deployment_id = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'px_orleans_update_member: no row' USING ERRCODE = 'P0001';
    END IF;
    RETURN 1;
EXCEPTION WHEN raise_exception THEN
    RETURN 0;
END
$body$ LANGUAGE plpgsql;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey',
 'SELECT px_orleans_add_version(@DeploymentId);'),
('InsertMembershipKey',
 'SELECT px_orleans_add_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime, NULL, @Version);'),
('UpdateMembershipKey',
 'SELECT px_orleans_update_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, NULL, @Version);'),
('UpdateIAmAlivetimeKey',
 'UPDATE px_orleans_member SET i_am_alive = @IAmAliveTime
   WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;'),
('MembershipReadRowKey',
 'SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
         m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
         m.suspect_times AS SuspectTimes, m.metadata_json AS MetadataJson, m.start_time AS StartTime,
         m.i_am_alive AS IAmAliveTime, v.version AS Version
    FROM px_orleans_version v
    LEFT JOIN px_orleans_member m ON m.deployment_id = v.deployment_id
         AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
   WHERE v.deployment_id = @DeploymentId;'),
('MembershipReadAllKey',
 'SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
         m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
         m.suspect_times AS SuspectTimes, m.metadata_json AS MetadataJson, m.start_time AS StartTime,
         m.i_am_alive AS IAmAliveTime, v.version AS Version
    FROM px_orleans_version v
    LEFT JOIN px_orleans_member m ON m.deployment_id = v.deployment_id
   WHERE v.deployment_id = @DeploymentId;'),
('DeleteMembershipTableEntriesKey',
 'DELETE FROM px_orleans_member WHERE deployment_id = @DeploymentId;
  DELETE FROM px_orleans_version WHERE deployment_id = @DeploymentId;'),
('GatewaysQueryKey',
 'SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM px_orleans_member
   WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;'),
('CleanupDefunctSiloEntriesKey',
 'DELETE FROM px_orleans_member
   WHERE deployment_id = @DeploymentId AND i_am_alive < @IAmAliveTime AND start_time < @IAmAliveTime
     AND COALESCE(suspect_times, '''') = '''' AND status = 6;'),
('CleanupDefunctSiloEntryKey',
 'DELETE FROM px_orleans_member
   WHERE deployment_id = @DeploymentId AND status = 6 AND address = @Address AND port = @Port
     AND generation = @Generation AND i_am_alive = @IAmAliveTime AND start_time = @StartTime
     AND COALESCE(suspect_times, '''') = COALESCE(@SuspectTimes, '''');')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
