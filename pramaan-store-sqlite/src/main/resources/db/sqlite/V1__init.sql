-- Pramaan embedded store, schema version 1.
-- Aggregates are stored as JSON (written by org.pramaan.json.Json) next to the columns queries need.

CREATE TABLE media (
    id               TEXT PRIMARY KEY,          -- SHA-256 hex
    status           TEXT NOT NULL,
    last_screened_at INTEGER NOT NULL,          -- epoch millis
    json             TEXT NOT NULL
);

CREATE TABLE uploads (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    media_id    TEXT NOT NULL REFERENCES media(id),
    at          INTEGER NOT NULL,
    external_id TEXT,
    json        TEXT NOT NULL
);
CREATE INDEX uploads_by_media ON uploads(media_id);
CREATE INDEX uploads_by_external_id ON uploads(external_id);

CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    state         TEXT NOT NULL,
    next_deadline INTEGER,                      -- epoch millis of the earliest running clock
    json          TEXT NOT NULL
);
CREATE INDEX cases_open_by_deadline ON cases(state, next_deadline);

CREATE TABLE bank_items (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    bank     TEXT NOT NULL,
    sha256   TEXT NOT NULL,
    media_id TEXT NOT NULL,
    json     TEXT NOT NULL
);
CREATE INDEX bank_items_by_media ON bank_items(bank, media_id);

CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    type      TEXT NOT NULL,
    subject   TEXT NOT NULL,
    details   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_by_subject ON audit_log(subject);

-- The newest entry as recorded at append time, so truncating the log is detected too.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);

-- Append-only in the database too; the hash chain still catches anyone who drops these triggers.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE api_keys (
    id         TEXT PRIMARY KEY,
    digest     TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL,
    label      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
);
