-- Version 2: back-scan jobs and their per-item results (issue 17 part 2), as SQLite's V14. Keys compare in "C"
-- collation: the job runner orders items by Java string order, and a result page continues after an item key.
CREATE TABLE scan_jobs (
    id         TEXT COLLATE "C" PRIMARY KEY,
    state      TEXT NOT NULL,
    created_at BIGINT NOT NULL,                     -- epoch millis
    json       TEXT NOT NULL
);
CREATE INDEX scan_jobs_by_state ON scan_jobs(state, created_at);
CREATE INDEX scan_jobs_by_created ON scan_jobs(created_at);

CREATE TABLE scan_results (
    job_id   TEXT COLLATE "C" NOT NULL,
    item_key TEXT COLLATE "C" NOT NULL,
    outcome  TEXT NOT NULL,
    json     TEXT NOT NULL,
    PRIMARY KEY (job_id, item_key)
);
