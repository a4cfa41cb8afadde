-- Schema version 5: the notification outbox and uploader accounts' DSA art.23 standing.
CREATE TABLE deliveries (
    id              TEXT PRIMARY KEY,           -- channel:eventId:kind:recipient, so a replayed enqueue is a no-op
    seq             INTEGER NOT NULL,           -- enqueue order
    state           TEXT NOT NULL,
    next_attempt_at INTEGER NOT NULL,           -- epoch millis
    case_id         TEXT NOT NULL,
    json            TEXT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries(state, next_attempt_at);
CREATE INDEX deliveries_by_case ON deliveries(case_id, seq);

CREATE TABLE accounts (
    id   TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
