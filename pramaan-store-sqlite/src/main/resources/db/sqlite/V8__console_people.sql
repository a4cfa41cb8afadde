-- Console accounts (username/password, Argon2id hashes only) and each person's console preferences
-- (issue 13). Stored as JSON like the other aggregates; keyed by username and by person id
-- (key:<id> or user:<name>).

CREATE TABLE console_accounts (
    username TEXT PRIMARY KEY,
    json     TEXT NOT NULL
);

CREATE TABLE preferences (
    person TEXT PRIMARY KEY,
    json   TEXT NOT NULL
);
