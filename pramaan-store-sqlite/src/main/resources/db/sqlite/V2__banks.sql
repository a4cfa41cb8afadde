-- Schema version 2: named banks with kind, state, threshold and quality floor (settings as JSON).
CREATE TABLE banks (
    name TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
-- Banks that version 1 used implicitly.
INSERT INTO banks(name, json)
SELECT DISTINCT bank, '{"createdAt":"1970-01-01T00:00:00Z","description":"","kind":"REMOVED","name":"' || bank || '","pdqThreshold":31,"qualityFloor":50,"state":"ENABLED"}'
FROM bank_items WHERE bank = 'removed';
CREATE INDEX bank_items_by_bank ON bank_items(bank);
