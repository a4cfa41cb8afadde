-- Schema version 3: retention and legal holds on media.
CREATE TABLE holds (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    media_id TEXT NOT NULL,
    json     TEXT NOT NULL
);
CREATE INDEX holds_by_media ON holds(media_id);
CREATE INDEX media_by_status ON media(status);
