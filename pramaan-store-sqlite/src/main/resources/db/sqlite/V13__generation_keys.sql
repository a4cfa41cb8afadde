-- Idempotency-Key on POST /v1/generations (issue 14): the key, scoped to the API key, is kept with the
-- record it made and that record's output, so a retry gets both back, never a second record or
-- generated-bank entry. The primary key makes concurrent duplicates collide: one insert wins.

CREATE TABLE generation_keys (
    scope          TEXT NOT NULL,
    key            TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    output         BLOB NOT NULL,
    PRIMARY KEY (scope, key)
);
