-- Schema version 15 (issue 15): the nodes sharing a store, and back-scan leases. The embedded store has one node
-- (its data-directory lock already keeps a second process out); the table keeps the port's behaviour the same on
-- every store. A lease is kept beside the job's JSON so saving the job never moves it.
CREATE TABLE nodes (
    id          TEXT PRIMARY KEY,
    host        TEXT NOT NULL,
    data_dir    TEXT NOT NULL,
    incarnation TEXT NOT NULL,
    started     INTEGER NOT NULL,                   -- epoch millis
    heartbeat   INTEGER NOT NULL                    -- epoch millis
);
ALTER TABLE scan_jobs ADD COLUMN lease_node TEXT;
ALTER TABLE scan_jobs ADD COLUMN lease_until INTEGER;
