-- Schema version 6: a key's DSA art.22 trusted-flagger status (set by an admin, never by a notice),
-- and stored responses of requests sent with an Idempotency-Key header.
ALTER TABLE api_keys ADD COLUMN trusted_flagger INTEGER NOT NULL DEFAULT 0;

CREATE TABLE idempotency (
    scope       TEXT NOT NULL,              -- the API key id: keys are per client
    idem_key    TEXT NOT NULL,
    fingerprint TEXT NOT NULL,              -- SHA-256 of method, route, path, body
    owner       TEXT NOT NULL,              -- the server process that began it (a running entry of a dead process was interrupted)
    state       TEXT NOT NULL,              -- RUNNING or DONE
    status      INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    body        BLOB NOT NULL,
    created_at  INTEGER NOT NULL,           -- epoch millis
    expires_at  INTEGER NOT NULL,           -- epoch millis
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_expiry ON idempotency(expires_at);
