-- Schema version 14: back-scan jobs and their per-item results (issue 17 part 2). A result is keyed by its job and
-- item, so a batch redone after a crash inserts nothing twice; the job row (with its checkpoint) is updated in the
-- same transaction as the batch's results.
CREATE TABLE scan_jobs (
    id         TEXT PRIMARY KEY,
    state      TEXT NOT NULL,
    created_at INTEGER NOT NULL,               -- epoch millis
    json       TEXT NOT NULL
);
CREATE INDEX scan_jobs_by_state ON scan_jobs(state, created_at);
CREATE INDEX scan_jobs_by_created ON scan_jobs(created_at);

CREATE TABLE scan_results (
    job_id   TEXT NOT NULL,
    item_key TEXT NOT NULL,
    outcome  TEXT NOT NULL,
    json     TEXT NOT NULL,
    PRIMARY KEY (job_id, item_key)
) WITHOUT ROWID;
