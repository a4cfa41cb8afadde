-- Version 4 (issue 15; V3 is the Kafka outbox): the nodes sharing this database, and back-scan leases, as SQLite's
-- V15. A node id is held by one process incarnation at a time; every write names the incarnation it expects, so two
-- processes racing for one id cannot both win. A lease sits beside the job's JSON, so saving a job never moves it.
CREATE TABLE nodes (
    id          TEXT COLLATE "C" PRIMARY KEY,
    host        TEXT NOT NULL,
    data_dir    TEXT NOT NULL,
    incarnation TEXT NOT NULL,
    started     BIGINT NOT NULL,                    -- epoch millis
    heartbeat   BIGINT NOT NULL                     -- epoch millis
);
ALTER TABLE scan_jobs ADD COLUMN lease_node TEXT;
ALTER TABLE scan_jobs ADD COLUMN lease_until BIGINT;
