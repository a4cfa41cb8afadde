-- Issue 16: the protected-persons (likeness) registry. One row per person: the consent record, the optional
-- standing complaint and the embeddings (vectors only; the reference images are never stored), as JSON.
-- Deleting the row removes everything of the person.
CREATE TABLE protected_persons (
    id   TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
