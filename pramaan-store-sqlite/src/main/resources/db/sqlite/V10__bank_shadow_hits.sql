-- Uploads matched by each shadow bank (issue 13, console Banks page): a shadow bank never changes a
-- decision, so this count is what an operator reads before enabling a new feed.
CREATE TABLE bank_shadow_hits (
    bank TEXT PRIMARY KEY,
    hits INTEGER NOT NULL
);
