-- Parallax cluster state next to the article store: online placements (decided once per article) and the cached
-- story reports of the story grains. Idempotent; run at every node start under an advisory lock (ClusterSchema.cs).

CREATE TABLE IF NOT EXISTS cluster_placements (
    seq        bigserial NOT NULL,
    article_id text PRIMARY KEY,
    window_key text NOT NULL,
    story_id   text NOT NULL,
    opened     boolean NOT NULL,
    placed_by  text NOT NULL
);

CREATE INDEX IF NOT EXISTS cluster_placements_by_window ON cluster_placements (window_key, seq);

CREATE TABLE IF NOT EXISTS cluster_stories (
    story_id     text PRIMARY KEY,
    members_hash text NOT NULL,
    report_json  text NOT NULL,
    analyzed_by  text NOT NULL
);
