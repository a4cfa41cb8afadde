-- Record numbers for the keyed watermark's payload (issue 14 item 2, docs/watermark.md "Payload"):
-- the 32-bit mark cannot carry a record's string id, so each generation gets a number, handed out
-- once (AUTOINCREMENT: never reused, also after the highest row is gone) before the output is marked.
CREATE TABLE generation_numbers (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    id     TEXT NOT NULL UNIQUE
);
