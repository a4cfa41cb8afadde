-- Schema version 7 (issue 15): how far each relay of the audit log as events (queue=kafka) has published. The
-- position moves in the transaction that held the relay's advisory lock while the entries were published, so a crash
-- before that commit publishes them again (at least once) and never skips one.
CREATE TABLE audit_feed_positions (
    feed TEXT COLLATE "C" PRIMARY KEY,
    seq  BIGINT NOT NULL
);
