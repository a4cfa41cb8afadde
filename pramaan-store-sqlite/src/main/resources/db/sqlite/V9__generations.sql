-- The generator side (issue 14): generation records (kept at least six months, CN Labeling Measures
-- art.9), the consent registry (CN Deep Synthesis Provisions art.14) and when each user was last
-- shown the rules (IT Rules r.3(1)(c)). JSON like the other aggregates.

CREATE TABLE generations (
    id         TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    json       TEXT NOT NULL
);

CREATE TABLE consents (
    id         TEXT PRIMARY KEY,
    person     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    json       TEXT NOT NULL
);

CREATE INDEX consents_person ON consents(person, created_at);

CREATE TABLE rules_shown (
    user_id TEXT PRIMARY KEY,
    json    TEXT NOT NULL
);
